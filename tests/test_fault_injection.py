"""Fault injection through the real command line (issue #11): a project survives kill -9 at any
moment of an import, a full disk, read-only locations, a corrupted file and a second writer.

Every import here is `python -m kerryview extract --db DB PATHS`, which adds the files to the
project in one transaction, on real news text: the bundled corpus and variants of it (other
names, cities and months, so that each variant is a distinct file with its own content hash).
"""
from __future__ import annotations

import json
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from kerryview.store import Store
from unprivileged import permission_checks_apply, without_root_override

CORPUS = Path(__file__).resolve().parents[1] / "resources" / "corpus" / "kerry-beijing-2023"
NOBODY = 65534
CLI = [sys.executable, "-m", "kerryview"]
# Who, where and when, swapped in the corpus articles to make distinct but still real articles.
NAMES = ["Blinken", "Yellen", "Raimondo", "Sullivan", "Austin", "Burns", "Harris", "Tai",
         "Granholm", "Regan", "Haaland", "Buttigieg"]
CITIES = ["Shanghai", "Tianjin", "Guangzhou", "Shenzhen", "Chengdu", "Wuhan", "Nanjing",
          "Xiamen", "Hangzhou", "Qingdao", "Dalian", "Kunming"]
MONTHS = ["March", "April", "May", "June", "August", "September", "October", "November"]


# -- material ------------------------------------------------------------------------------
def corpus_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}


def write_variants(folder: Path, n: int, tag: str) -> list[Path]:
    """n distinct articles made from the bundled corpus: names, cities and months changed."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = list(corpus_texts().values())
    paths = []
    for i in range(n):
        text = texts[i % len(texts)]
        k = i // len(texts)
        text = (text.replace("Kerry", NAMES[(i + k) % len(NAMES)])
                    .replace("Beijing", CITIES[(3 * i + k) % len(CITIES)])
                    .replace("July", MONTHS[(i + 2 * k) % len(MONTHS)]))
        text += f"\n(Variant {tag}-{i}.)\n"  # distinct even when the swaps coincide
        p = folder / f"{tag}_{i:03d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def stored_ids(db: Path) -> set[str]:
    con = sqlite3.connect(db)  # read-write: the last one to close removes -wal and -shm
    try:
        return {r[0] for r in con.execute("SELECT id FROM documents")}
    finally:
        con.close()


def integrity(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def opens_with_store(db: Path) -> set[str]:
    """The document ids as kerryview's own Store reads them (and its events load)."""
    store = Store(db)
    try:
        store.events()
        return {d.id for d in store.documents()}
    finally:
        store.close()


def run_cli(*args: str | Path, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True,
                          timeout=120, **kw)


def one_line_no_traceback(proc: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kerryview: "), proc.stderr


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def base_project(tmp_path_factory) -> tuple[Path, set[str]]:
    """A finished project: the bundled corpus plus 10 variants, imported by the CLI."""
    folder = tmp_path_factory.mktemp("base")
    articles = [*sorted(CORPUS.glob("*.txt")), *write_variants(folder / "in", 10, "base")]
    db = folder / "project.db"
    proc = run_cli("extract", "--db", db, *articles)
    assert proc.returncode == 0, proc.stderr
    ids = stored_ids(db)
    assert len(ids) == 15
    assert not Path(f"{db}-wal").exists()  # closed cleanly: the file alone is the project
    return db, ids


@pytest.fixture(scope="module")
def small_project(tmp_path_factory) -> tuple[Path, set[str]]:
    """The bundled corpus alone as a project: small, so that 20 kill trials stay quick."""
    db = tmp_path_factory.mktemp("small") / "project.db"
    proc = run_cli("extract", "--db", db, CORPUS)
    assert proc.returncode == 0, proc.stderr
    return db, stored_ids(db)


def copy_project(base: Path, to: Path) -> Path:
    to.mkdir(parents=True, exist_ok=True)
    db = to / "project.db"
    shutil.copyfile(base, db)
    return db


# -- kill -9 ---------------------------------------------------------------------------------
KILL_TRIALS = 20


def test_kill_9_at_random_moments_of_an_import_loses_nothing(small_project, tmp_path):
    """20 imports killed at seeded random moments: after each the database passes
    integrity_check, opens with Store, keeps every article stored before, and holds the new
    batch whole or not at all; importing the same files again then stores them all."""
    base, before = small_project
    rng = random.Random(11)
    batch = write_variants(tmp_path / "batch", 5, "new")
    # How long one import takes here and now (startup, reading, resolving, saving).
    db = copy_project(base, tmp_path / "timing")
    t0 = time.monotonic()
    proc = run_cli("extract", "--db", db, *batch)
    full = time.monotonic() - t0
    assert proc.returncode == 0, proc.stderr
    new = stored_ids(db) - before
    assert len(new) == len(batch)

    outcomes = {"before commit": 0, "after commit": 0}
    for trial in range(KILL_TRIALS):
        db = copy_project(base, tmp_path / f"trial{trial}")
        delay = rng.uniform(0.0, full)
        child = subprocess.Popen([*CLI, "extract", "--db", str(db), *map(str, batch)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        where = f"trial {trial}, killed after {delay:.3f} s of {full:.3f} s"
        assert integrity(db) == "ok", where
        ids = opens_with_store(db)
        assert before <= ids, f"{where}: lost {sorted(before - ids)}"
        added = ids - before
        assert added in (set(), new), f"{where}: half a batch stored: {sorted(added)}"
        outcomes["after commit" if added else "before commit"] += 1
        proc = run_cli("extract", "--db", db, *batch)
        assert proc.returncode == 0, f"{where}: the import after the kill failed: {proc.stderr}"
        assert stored_ids(db) == before | new, where
        assert integrity(db) == "ok", where
    print(f"one import {full:.2f} s; kills landed {outcomes}")


# -- disk full -----------------------------------------------------------------------------
def _file_size_limit(limit: int):
    """preexec_fn: files of the child may not grow past `limit` bytes; a write past it fails
    with EFBIG (SIGXFSZ ignored, so the process sees the error instead of dying)."""
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


SAVE_ROOM = 16 * 1024  # bytes a file of the import may grow to: less than any save needs


def test_disk_full_while_saving_an_import_keeps_the_project(base_project, tmp_path):
    """The save of the import needs more room than there is (RLIMIT_FSIZE: no file of the
    import may grow past 16 KB, so the write-ahead log fills at once): the import fails and the
    project is as it was."""
    base, before = base_project
    db = copy_project(base, tmp_path / "p")
    batch = write_variants(tmp_path / "batch", 10, "full")
    proc = subprocess.run([*CLI, "extract", "--db", str(db), *map(str, batch)],
                          capture_output=True, text=True, timeout=120,
                          preexec_fn=_file_size_limit(SAVE_ROOM))
    assert proc.returncode != 0, "the import needed more room than it had, yet succeeded"
    assert integrity(db) == "ok"
    assert opens_with_store(db) == before


def test_disk_full_while_saving_an_import_says_so_in_one_line(base_project, tmp_path):
    base, _ = base_project
    db = copy_project(base, tmp_path / "p")
    batch = write_variants(tmp_path / "batch", 10, "full")
    proc = subprocess.run([*CLI, "extract", "--db", str(db), *map(str, batch)],
                          capture_output=True, text=True, timeout=120,
                          preexec_fn=_file_size_limit(SAVE_ROOM))
    assert proc.returncode == 2
    one_line_no_traceback(proc)


def test_disk_full_while_exporting_keeps_the_previous_export(base_project, tmp_path):
    """`export -o` with no room for the new file: the earlier export stays whole."""
    base, _ = base_project
    db = copy_project(base, tmp_path / "p")
    out = tmp_path / "timeline.json"
    previous = "the previous export, which the user still has"
    out.write_text(previous, encoding="utf-8")
    proc = subprocess.run([*CLI, "export", "--db", str(db), "-o", str(out)],
                          capture_output=True, text=True, timeout=120,
                          preexec_fn=_file_size_limit(4096))
    assert proc.returncode == 2, proc.stderr
    one_line_no_traceback(proc)
    assert out.read_text(encoding="utf-8") == previous
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p", "timeline.json"]


# -- read-only locations ---------------------------------------------------------------------
def _unprivileged() -> dict:
    """subprocess arguments that run the child without the power to ignore permission bits
    (see tests/unprivileged.py); skip, saying why, where that cannot be arranged."""
    why = permission_checks_apply()
    if why:
        pytest.skip(why)
    return {"preexec_fn": without_root_override}


@pytest.fixture
def world_dir():
    """A fresh folder under /tmp that user nobody can reach (pytest's tmp_path is 0700)."""
    d = Path(tempfile.mkdtemp(prefix="kerryview-ro-", dir="/tmp"))
    d.chmod(0o755)
    yield d
    for p in [d, *d.rglob("*")]:
        try:
            p.chmod(0o755 if p.is_dir() else 0o644)
        except OSError:
            pass
    shutil.rmtree(d, ignore_errors=True)


def _read_only_project(base: Path, world: Path, kind: str) -> tuple[Path, Path]:
    """The project in `world`/project, made read-only for the unprivileged child: either the
    database file (its folder writable) or the folder (the file writable)."""
    folder = world / "project"
    db = copy_project(base, folder)
    article = write_variants(world / "in", 1, "ro")[0]
    if os.geteuid() == 0:
        for p in (folder, db, *(world / "in").iterdir()):
            os.chown(p, NOBODY, NOBODY)
    if kind == "file":
        db.chmod(0o444)
    else:
        folder.chmod(0o555)
    return db, article


READ_ONLY_KINDS = ["file", "folder"]


@pytest.mark.parametrize("kind", READ_ONLY_KINDS)
def test_import_into_a_read_only_project_fails_in_one_line_and_changes_nothing(
        base_project, world_dir, kind):
    kw = _unprivileged()
    db, article = _read_only_project(base_project[0], world_dir, kind)
    before = db.read_bytes()
    proc = run_cli("extract", "--db", db, article, cwd="/", **kw)
    assert proc.returncode == 2, proc.stderr
    one_line_no_traceback(proc)
    assert db.read_bytes() == before
    # SQLite may leave an empty log and its index beside a read-only file; nothing else.
    wal = Path(f"{db}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert {p.name for p in db.parent.iterdir()} <= {db.name, wal.name, f"{db.name}-shm"}


@pytest.mark.parametrize("kind", READ_ONLY_KINDS)
def test_export_of_a_read_only_project_works(base_project, world_dir, kind):
    kw = _unprivileged()
    base, before = base_project
    db, _ = _read_only_project(base, world_dir, kind)
    old = snapshot(db.parent)
    proc = run_cli("export", "--db", db, "--format", "json", cwd="/", **kw)
    assert proc.returncode == 0, proc.stderr
    assert {d["id"] for d in json.loads(proc.stdout)["documents"]} == before
    assert snapshot(db.parent) == old


# -- a corrupted database --------------------------------------------------------------------
PAGE = 4096


def _corrupt(db: Path, how: str, rng: random.Random) -> None:
    data = bytearray(db.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    assert page == PAGE and len(data) % page == 0
    if how == "header":  # the 100-byte file header
        data[0:100] = rng.randbytes(100)
    elif how == "schema page":  # page 1 after the header: the table of tables
        data[100:page] = rng.randbytes(page - 100)
    else:  # every other page from the third on: b-tree pages of documents, events, mentions
        for start in range(2 * page, len(data), 2 * page):
            data[start:start + page] = rng.randbytes(page)
    db.write_bytes(bytes(data))


CORRUPTIONS = ["header", "schema page", "data pages"]


@pytest.mark.parametrize("how", CORRUPTIONS)
@pytest.mark.parametrize("command", ["export", "extract"])
def test_a_corrupted_project_gives_a_clear_message(base_project, tmp_path, how, command):
    db = copy_project(base_project[0], tmp_path / "p")
    _corrupt(db, how, random.Random(f"{how}-{command}"))
    damaged = db.read_bytes()
    if command == "export":
        proc = run_cli("export", "--db", db, "--format", "json")
    else:
        proc = run_cli("extract", "--db", db, *write_variants(tmp_path / "in", 1, "c"))
    assert proc.returncode == 2, proc.stderr
    one_line_no_traceback(proc)
    assert db.read_bytes() == damaged  # never "repaired" by overwriting what the user had


# -- two processes writing -------------------------------------------------------------------
def _wait_for(path: Path, child: subprocess.Popen, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while not path.exists():
        assert child.poll() is None, "the first import ended before it opened the project"
        assert time.monotonic() < end, f"{path} never appeared"
        time.sleep(0.005)


def test_two_imports_at_once_keep_every_article(base_project, tmp_path):
    """Two `extract --db` of different files on one project at the same time (the second
    starts once the first has opened the project, as a second instance would): an import that
    reports success has all its articles stored afterwards, and so does every article stored
    before; one that does not succeed says why in one line."""
    base, before = base_project
    db = copy_project(base, tmp_path / "p")
    batches = [write_variants(tmp_path / "a", 30, "first"),
               write_variants(tmp_path / "b", 5, "second")]

    def start(batch: list[Path]) -> subprocess.Popen:
        return subprocess.Popen([*CLI, "extract", "--db", str(db), *map(str, batch)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    first = start(batches[0])
    _wait_for(Path(f"{db}-wal"), first)  # WAL mode: the log appears when the project opens
    second = start(batches[1])
    results = []
    for child in (first, second):
        _, err = child.communicate(timeout=120)
        results.append((child.returncode, err))
    stored = opens_with_store(db)
    assert before <= stored
    assert any(rc == 0 for rc, _ in results), results
    for batch, (rc, err) in zip(batches, results):
        ids = {p.stem for p in batch}
        if rc == 0:
            assert ids <= stored, f"a successful import lost {len(ids - stored)} of its articles"
        else:
            assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err


def test_an_import_into_a_busy_project_does_not_call_it_broken(base_project, tmp_path):
    """Another process holds the write lock (as another instance saving would): the import
    either waits and succeeds once it is free, or says the project is busy; it never calls
    the project 'not a kerryview database', which would send the user to delete it."""
    base, before = base_project
    db = copy_project(base, tmp_path / "p")
    article = write_variants(tmp_path / "in", 1, "busy")[0]
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    child = subprocess.Popen([*CLI, "extract", "--db", str(db), str(article)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        child.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass  # it waits for the lock: let it go on
    holder.execute("ROLLBACK")
    holder.close()
    _, err = child.communicate(timeout=120)
    if child.returncode == 0:
        assert stored_ids(db) == before | {article.stem}
    else:
        assert "not a kerryview database" not in err, err
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
