"""Reading never hangs, never crashes and never reads what it should not (issue #11, items 4, 5
and 11): each bad file becomes one problem line naming it, and the other files still load.

Permission cases run where permissions bite: as root, the subprocess keeps uid 0 but loses the
capabilities that let root read anything (SECBIT_NOROOT, so exec grants it none), and a canary
proves the drop worked before the check runs; where that cannot be done, the test is skipped
and says why. Never a different check in its place.
"""
from __future__ import annotations

import ctypes
import json
import os
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from kerryview.ingest import ReadError, expand_paths, read_document
from kerryview.pipeline import read_documents

GOOD = "Kerry met Xie Zhenhua in Beijing on July 17, 2023, Xinhua said.\n"
# What an article looks like to the reader: long enough that its damage sits past 8 KB.
LONG = "Kerry met Xie Zhenhua in Beijing on Monday. " * 400  # 17,600 characters


# --- helpers ---------------------------------------------------------------------------------

class Hung(Exception):
    """Not an OSError, so no reader can mistake it for a file's error and report it."""


@contextmanager
def _deadline(seconds: float):
    """Fail instead of hanging (a FIFO used to block the reader forever)."""
    def expired(signum, frame):
        raise Hung(f"still reading after {seconds} s")
    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _refusal(path: Path) -> str:
    with _deadline(10):
        with pytest.raises(ReadError) as err:
            read_document(path)
    assert err.value.path == str(path)
    return err.value.message


def _without_root_override() -> None:
    """preexec_fn: as root, exec grants no capabilities, so file permissions apply to uid 0
    as to anyone (SECBIT_NOROOT | SECBIT_NOROOT_LOCKED)."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(28, 0b11, 0, 0, 0) != 0:  # PR_SET_SECUREBITS
            os._exit(97)


def _run(args: list[str], unprivileged: bool = False, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=120,
                          preexec_fn=_without_root_override if unprivileged else None, **kw)


def _extract(*paths, unprivileged: bool = False, **kw) -> tuple[subprocess.CompletedProcess, list]:
    proc = _run(["-m", "kerryview", "extract", *map(str, paths)], unprivileged, **kw)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc, [d["id"] for d in json.loads(proc.stdout)["documents"]] if proc.stdout else []


@pytest.fixture
def permissions_apply(tmp_path_factory):
    """Skip, with the reason, unless an unprivileged subprocess really is refused a file."""
    canary = tmp_path_factory.mktemp("canary") / "canary.txt"
    canary.write_text(GOOD)
    canary.chmod(0)
    proc = _run(["-c", f"open({str(canary)!r}).read()"], unprivileged=True)
    canary.chmod(0o644)
    if proc.returncode == 97:
        pytest.skip("running as root and cannot drop the capabilities that bypass file "
                    "permissions (prctl PR_SET_SECUREBITS refused)")
    if "PermissionError" not in proc.stderr:
        pytest.skip("a file with mode 000 is still readable here, so permission checks "
                    "cannot be observed")


@pytest.fixture
def locked(tmp_path):
    """Chmod paths to 000 for a test and back afterwards (so tmp_path can be removed)."""
    paths: list[Path] = []

    def lock(path: Path) -> Path:
        path.chmod(0)
        paths.append(path)
        return path
    yield lock
    for path in paths:
        path.chmod(0o755)


def _ingest_unprivileged(*paths) -> dict:
    """expand_paths + read_document, as the pipeline calls them, in an unprivileged process."""
    script = (
        "import json, sys\n"
        "from kerryview.ingest import ReadError, expand_paths, read_document\n"
        "files, errors = expand_paths(sys.argv[1:])\n"
        "ids = []\n"
        "for f in files:\n"
        "    try:\n"
        "        ids.append(read_document(f).id)\n"
        "    except ReadError as e:\n"
        "        errors.append(e)\n"
        "print(json.dumps({'ids': ids, 'problems': {e.path: e.message for e in errors}}))\n")
    proc = _run(["-c", script, *map(str, paths)], unprivileged=True)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


# --- item 4: a file that breaks its own byte order mark ---------------------------------------

BROKEN_MARKS = {
    "utf8-invalid.txt": (b"\xef\xbb\xbfKerry met Xie \xff on Monday.", "UTF-8",
                         "byte offset 17 is not valid UTF-8"),
    "utf8-cut.txt": (b"\xef\xbb\xbfKerry met Xie in \xe2\x82", "UTF-8",
                     "it ends in the middle of a character at byte offset 20"),
    "utf16-odd.txt": ("\ufeffKerry met Xie.".encode("utf-16-le") + b"x", "UTF-16",
                      "it ends in the middle of a character at byte offset 30"),
    "utf16-surrogate.txt": (b"\xff\xfeK\x00\x00\xd8e\x00", "UTF-16",
                            "byte offset 4 is not valid UTF-16"),
}


@pytest.mark.parametrize("name", BROKEN_MARKS)
def test_a_file_that_breaks_its_byte_order_mark_is_refused_with_the_offset(tmp_path, name):
    content, encoding, where = BROKEN_MARKS[name]
    f = tmp_path / name
    f.write_bytes(content)
    message = _refusal(f)
    assert f"says it is {encoding} (it begins with a {encoding} byte order mark)" in message
    assert where in message and f"save it again as {encoding}" in message


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_files_that_keep_their_byte_order_mark_are_read_exactly(tmp_path, codec):
    f = tmp_path / "a.txt"
    f.write_bytes(("\ufeff" + GOOD).encode(codec))
    doc = read_document(f)
    assert doc.text == GOOD and doc.encoding == codec[:6]


def test_broken_marks_cost_only_their_own_files(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    for name, (content, _, _) in BROKEN_MARKS.items():
        (tmp_path / name).write_bytes(content)
    docs, problems = read_documents([tmp_path])
    assert [d.id for d in docs] == ["good"]
    assert sorted(Path(p.path).name for p in problems) == sorted(BROKEN_MARKS)


def test_the_import_the_window_runs_stores_the_good_files(tmp_path):
    """The GUI imports through import_into_store (gui/jobs.default_import_fn): a folder with
    broken files and a FIFO stores its good article and lists the others as problems."""
    from kerryview.pipeline import import_into_store
    from kerryview.store import Store
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    for name, (content, _, _) in BROKEN_MARKS.items():
        (folder / name).write_bytes(content)
    os.mkfifo(folder / "pipe.txt")
    store = Store(tmp_path / "project.db")
    try:
        with _deadline(60):
            result = import_into_store(store, [folder])
        assert result.added == ["good"] and [d.id for d in store.documents()] == ["good"]
    finally:
        store.close()
    assert sorted(Path(p.path).name for p in result.problems) == sorted([*BROKEN_MARKS,
                                                                         "pipe.txt"])


# --- item 5: only regular files, read with a bound --------------------------------------------

def test_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert _refusal(fifo) == ("is not a regular file but a named pipe (FIFO); "
                              "only regular files are read")


def test_a_device_is_refused_whatever_size_it_reports():
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero on this system")
    assert "is not a regular file but a character device" in _refusal(Path("/dev/zero"))


def test_a_socket_is_refused(tmp_path):
    import socket
    path = Path("/tmp") / f"kv-{os.getpid()}.sock"  # AF_UNIX paths are short; tmp_path is not
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        try:
            assert "is not a regular file but a socket" in _refusal(path)
        finally:
            path.unlink()


def test_reading_is_bounded_even_when_stat_says_0_bytes(monkeypatch):
    """/proc files are regular and report size 0: the bound is on what is read, not on stat."""
    import kerryview.ingest.reader as reader
    maps = Path("/proc/self/maps")
    if not maps.exists() or maps.stat().st_size != 0:
        pytest.skip("no /proc file that reports size 0 here")
    monkeypatch.setattr(reader, "MAX_BYTES", 1000)
    assert _refusal(maps) == "is larger than 0 MB; articles larger than 0 MB are not read"


def test_a_fifo_in_a_folder_is_a_problem_line_not_a_hang(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    os.mkfifo(tmp_path / "pipe.txt")
    with _deadline(10):
        docs, problems = read_documents([tmp_path])
    assert [d.id for d in docs] == ["good"]
    assert [(Path(p.path).name, p.message) for p in problems] == [
        ("pipe.txt", "is not a regular file but a named pipe (FIFO); only regular files are read")]


# --- item 11: folders, links and binary tails -------------------------------------------------

def test_a_symbolic_link_loop_says_so(tmp_path):
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    files, errors = expand_paths([tmp_path / "a.txt"])
    assert not files and [e.message for e in errors] == [
        "is a symbolic link loop (the links point at each other and reach no file)"]
    files, errors = expand_paths([tmp_path])
    assert not files and {Path(e.path).name for e in errors} == {"a.txt", "b.txt"}
    assert all("symbolic link loop" in e.message for e in errors)


def test_a_dangling_link_names_its_target(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    _, errors = expand_paths([tmp_path / "gone.txt"])
    assert [e.message for e in errors] == [
        f"is a symbolic link to {tmp_path / 'nowhere.txt'}, which does not exist"]


def test_a_link_out_of_a_walked_folder_is_skipped_and_said(tmp_path):
    outside = tmp_path / "private.txt"
    outside.write_text("my secret diary, written on Monday.\n")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "notes.txt").symlink_to(outside)
    (folder / "same.txt").symlink_to(folder / "good.txt")  # inside: no problem, read once
    docs, problems = read_documents([folder])
    assert [d.id for d in docs] == ["good"]
    assert all("secret" not in d.text for d in docs)
    [problem] = problems
    assert problem.path == str(folder / "notes.txt")
    assert problem.message.startswith(f"is a symbolic link to {outside}, outside the folder "
                                      f"{folder}; it was skipped")


def test_a_link_given_directly_is_read(tmp_path):
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(GOOD)
    (tmp_path / "folder").mkdir()
    link = tmp_path / "folder" / "notes.txt"
    link.symlink_to(outside)
    docs, problems = read_documents([link])
    assert [d.text for d in docs] == [GOOD] and not problems


def test_a_link_to_a_folder_outside_is_said_and_not_followed(tmp_path):
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "x.txt").write_text(GOOD)
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "archive").symlink_to(tmp_path / "outside")
    files, errors = expand_paths([tmp_path / "folder"])
    assert not files and [Path(e.path).name for e in errors] == ["archive"]
    assert "outside the folder" in errors[0].message


@pytest.mark.parametrize("tail, offset", [
    (b"\x00binary tail", "byte offset 17600"),
    ("\x00binary tail".encode("utf-16-le"), "character 17600")])
def test_a_nul_after_the_first_8_kb_refuses_the_file(tmp_path, tail, offset):
    f = tmp_path / "a.txt"
    if offset.startswith("character"):
        f.write_bytes(("\ufeff" + LONG).encode("utf-16-le") + tail)
    else:
        f.write_bytes(LONG.encode() + tail)
    message = _refusal(f)
    assert message == (f"looks like a binary file, not an article (it contains a NUL character "
                       f"at {offset}; text files have none)")


def test_a_binary_tail_without_nul_is_refused_but_a_stray_control_is_not(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(LONG.encode() + bytes(range(1, 9)) * 2000)
    assert _refusal(f) == "looks like a binary file, not an article"
    f.write_bytes(LONG.encode() + b"\x1a")  # a DOS end-of-file mark
    assert read_document(f).text == LONG + "\x1a"


def test_a_page_with_an_unknown_marked_section_is_read(tmp_path):
    """`<![word[` raised AssertionError in the standard parser and aborted the whole batch."""
    f = tmp_path / "a.html"
    f.write_text("<html><body><p>Kerry met Xie.</p><![foo[ junk ]]><p>Then he left.</p>")
    assert read_document(f).text == "Kerry met Xie.\n\nThen he left."


def test_an_unreadable_subfolder_is_a_problem_line(tmp_path, permissions_apply, locked):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "hidden-from-us.txt").write_text(GOOD.upper())
    locked(tmp_path / "closed")
    seen = _ingest_unprivileged(tmp_path)
    assert seen == {"ids": ["good"], "problems": {
        str(tmp_path / "closed"): "cannot be read (permission denied)"}}


def test_a_file_inside_an_unreadable_folder_is_a_problem_line(tmp_path, permissions_apply,
                                                               locked):
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "a.txt").write_text(GOOD)
    (tmp_path / "good.txt").write_text(GOOD.upper())
    locked(tmp_path / "closed")
    seen = _ingest_unprivileged(tmp_path / "closed" / "a.txt", tmp_path / "good.txt")
    assert seen == {"ids": ["good"], "problems": {
        str(tmp_path / "closed" / "a.txt"): "cannot be read (permission denied)"}}


def test_an_unreadable_file_is_a_problem_line(tmp_path, permissions_apply, locked):
    (tmp_path / "good.txt").write_text(GOOD)
    locked_file = tmp_path / "locked.txt"
    locked_file.write_text(GOOD.upper())
    locked(locked_file)
    seen = _ingest_unprivileged(tmp_path)
    assert seen == {"ids": ["good"], "problems": {
        str(locked_file): "cannot be read (permission denied)"}}


# --- the command line: exit 2, one line naming the bad file, the good file in the JSON --------

def _bad_file(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.txt"
    if kind in ("utf8-invalid", "utf16-odd"):
        path.write_bytes(BROKEN_MARKS[f"{kind}.txt"][0])
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "loop":
        path.symlink_to(path)
    elif kind == "nul-after-8k":
        path.write_bytes(LONG.encode() + b"\x00\x01\x02")
    elif kind == "dev-zero":
        return Path("/dev/zero")
    return path


CLI_CASES = {"utf8-invalid": "is not valid UTF-8", "utf16-odd": "says it is UTF-16",
             "fifo": "is not a regular file", "loop": "is a symbolic link loop",
             "nul-after-8k": "looks like a binary file", "dev-zero": "is not a regular file"}


def _limit_memory() -> None:
    """preexec_fn: /dev/zero used to grow to 2.6 GB; fail fast instead of swapping."""
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, 1536 * 2**20))


@pytest.mark.parametrize("kind", CLI_CASES)
def test_extract_reports_the_bad_file_and_keeps_the_good_one(tmp_path, kind):
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    bad = _bad_file(tmp_path, kind)
    proc = subprocess.run([sys.executable, "-m", "kerryview", "extract", str(good), str(bad)],
                          capture_output=True, text=True, timeout=60, preexec_fn=_limit_memory)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 2
    [line] = proc.stderr.splitlines()
    assert line.startswith(f"kerryview: {bad}: ") and CLI_CASES[kind] in line
    assert [d["id"] for d in json.loads(proc.stdout)["documents"]] == ["good"]


def test_timex_on_a_fifo_says_so_instead_of_hanging(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    proc = _run(["-m", "kerryview", "timex", str(fifo)])
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == (f"kerryview: {fifo}: is not a regular file but a named pipe (FIFO); "
                           "only regular files are read\n")


def test_extract_of_a_folder_says_what_it_skipped(tmp_path, permissions_apply, locked):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "notes.txt").symlink_to("/etc/passwd")
    (folder / "closed").mkdir()
    (folder / "closed" / "a.txt").write_text(GOOD.upper())
    locked(folder / "closed")
    proc, ids = _extract(folder, unprivileged=True)
    assert proc.returncode == 2 and ids == ["good"]
    assert sorted(proc.stderr.splitlines()) == sorted([
        f"kerryview: {folder / 'closed'}: cannot be read (permission denied)",
        f"kerryview: {folder / 'notes.txt'}: is a symbolic link to /etc/passwd, outside the "
        f"folder {folder}; it was skipped (files found in a folder are read only from inside "
        "it: give the file itself to read it)"])


def test_extract_of_a_file_in_an_unreadable_folder(tmp_path, permissions_apply, locked):
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "a.txt").write_text(GOOD)
    (tmp_path / "good.txt").write_text(GOOD.upper())
    locked(tmp_path / "closed")
    proc, ids = _extract(tmp_path / "closed" / "a.txt", tmp_path / "good.txt", unprivileged=True)
    assert proc.returncode == 2 and ids == ["good"]
    assert proc.stderr == f"kerryview: {tmp_path / 'closed' / 'a.txt'}: cannot be read " \
                          "(permission denied)\n"


def test_a_folder_with_no_articles_is_said_not_passed_over(tmp_path):
    """`extract ~/wrong-folder/` (or a folder named "story.txt") printed an empty timeline
    with exit status 0: now a reason, as for any path that gives nothing to read."""
    empty = tmp_path / "story.txt"
    (empty / "photos").mkdir(parents=True)
    (empty / "photos" / "a.png").write_bytes(b"\x89PNG")
    full = tmp_path / "news"
    full.mkdir()
    (full / "a.txt").write_text("Kerry met Xie on Monday, July 17, 2023.", encoding="utf-8")
    files, errors = expand_paths([empty, full])
    assert files == [full / "a.txt"]
    assert [(e.path, e.message) for e in errors] == [
        (str(empty), "is a folder with no articles in it (.txt or .html files, in it or its "
                "subfolders)")]
    proc = subprocess.run([sys.executable, "-m", "kerryview", "extract", str(empty)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "is a folder with no articles" in proc.stderr
