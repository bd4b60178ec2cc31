"""What the user sees when the app meets trouble: a window closed mid-import, a project it cannot
use, an article it may not read, an import that fails. A message and an exit status, never an
abort or a traceback; the project as it was.

Crashes and exit statuses are seen from outside: the app runs as `kerryview ARGS` in its own
process through app_driver.py, which prints every message box instead of waiting for a click.
Permissions are tested without root's powers (root reads and writes everything): as uid 65534,
or in a new user namespace where root keeps its files but loses its override, else skipped.
"""
from __future__ import annotations

import ctypes
import functools
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from kerryview.gui.mainwindow import MainWindow
from kerryview.gui.mainwindow.actions import Action
from kerryview.gui.mainwindow.window import EMPTY_TEXT
from kerryview.store import Store

DRIVER = Path(__file__).with_name("app_driver.py")
GOOD = "date 2023-07-18 Kerry met Wang Yi in Beijing on Tuesday.\n"
NOBODY = 65534


# -- running the app in its own process -----------------------------------------------------
@dataclass
class AppRun:
    returncode: int
    stdout: str
    stderr: str

    def lines(self, prefix: str) -> list[str]:
        return [ln[len(prefix):].strip() for ln in self.stdout.splitlines() if ln.startswith(prefix)]

    def json_lines(self, prefix: str) -> list[dict]:
        return [json.loads(x) for x in self.lines(prefix)]

    def time_of(self, prefix: str) -> float:
        return float(self.lines(prefix)[0].split()[-1])

    def message_boxes(self) -> list[str]:
        return self.lines("MESSAGEBOX")

    def assert_no_crash(self) -> None:
        for sign in ("Traceback", "Fatal", "Abort", "QThread: Destroyed", "core dumped"):
            assert sign not in self.stderr, self.stderr


def run_app(folder: Path, *args: str, drop: Callable[[], None] | None = None, timeout: float = 60,
            **hooks: str) -> AppRun:
    """`kerryview ARGS` in `folder`, with the driver's hooks (KV_DRIVER_<NAME>=value)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KV_DRIVER_", "KERRYVIEW_"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(folder), XDG_CONFIG_HOME=str(folder / "cfg"),
               XDG_DATA_HOME=str(folder / "data"), PYTHONDONTWRITEBYTECODE="1",
               PYTHONPATH=os.pathsep.join(sys.path))
    env.update({f"KV_DRIVER_{k.upper().rstrip('_')}": v for k, v in hooks.items()})
    proc = subprocess.run([sys.executable, str(DRIVER), *args], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=timeout, preexec_fn=drop)
    return AppRun(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def seed_project(corpus) -> Callable[[Path], None]:
    """Makes a project holding articles a and b and four events (tests/gui/conftest.py)."""
    def seed(path: Path) -> None:
        s = Store(path)
        s.save_corpus(*corpus)
        s.close()
    return seed


def stored_ids(path: Path) -> list[str]:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [r[0] for r in db.execute("SELECT id FROM documents ORDER BY id")]
    finally:
        db.close()


@pytest.fixture
def folder():
    """A fresh folder under /tmp that uid 65534 can reach (pytest's tmp_path, under root's
    private folder, it cannot); modes are restored before it is removed."""
    path = Path(tempfile.mkdtemp(prefix="kerryview-robustness-", dir="/tmp"))
    path.chmod(0o755)
    (path / "cfg").mkdir()
    yield path
    for p in [path, *path.rglob("*")]:
        if not p.is_symlink():
            p.chmod(p.stat().st_mode | stat.S_IRWXU)
    shutil.rmtree(path)


# -- without root's powers -------------------------------------------------------------------
def _as_nobody() -> None:
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


def _in_user_namespace() -> None:
    """Root in a new user namespace (no uid map) keeps owning its files but loses the power to
    read and write everyone's: the mode bits decide, as for any user."""
    if ctypes.CDLL(None, use_errno=True).unshare(0x10000000) != 0:  # CLONE_NEWUSER
        raise OSError(ctypes.get_errno(), "unshare(CLONE_NEWUSER)")


def _probe(drop: Callable[[], None]) -> bool:
    """Can this way start our Python, and does it take away root's override?"""
    probe = Path(tempfile.mkdtemp(prefix="kerryview-probe-", dir="/tmp"))
    try:
        probe.chmod(0o755)
        locked = probe / "locked"
        locked.write_text("x")
        locked.chmod(0o444)
        if drop is _as_nobody:
            os.chown(probe, NOBODY, NOBODY)
            os.chown(locked, NOBODY, NOBODY)
        code = f"import PySide6, kerryview\ntry:\n open({str(locked)!r}, 'a')\nexcept OSError:\n pass\n" \
               "else:\n raise SystemExit(3)"
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path), PYTHONDONTWRITEBYTECODE="1")
        proc = subprocess.run([sys.executable, "-c", code], cwd=probe, env=env, preexec_fn=drop,
                              capture_output=True, timeout=60)
        return proc.returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False
    finally:
        shutil.rmtree(probe)


@functools.cache
def _drop_for_root() -> Callable[[], None] | None:
    for drop in (_as_nobody, _in_user_namespace):
        if _probe(drop):
            return drop
    return None


@pytest.fixture
def unprivileged(folder) -> Callable[..., AppRun]:
    """run_app(folder, ...) as a user without root's powers; skipped when that cannot be had."""
    if os.geteuid() != 0:
        return functools.partial(run_app, folder)
    drop = _drop_for_root()
    if drop is None:
        pytest.skip(f"running as root, and neither uid {NOBODY} nor a user namespace can run "
                    f"{sys.executable}: a permission test as root would test nothing")

    def run(*args: str, **hooks: str) -> AppRun:
        if drop is _as_nobody:
            for p in [folder, *folder.rglob("*")]:
                os.chown(p, NOBODY, NOBODY, follow_symlinks=False)
        return run_app(folder, *args, drop=drop, **hooks)
    return run


# -- item 6: closing the window while an import runs ------------------------------------------
def test_closing_the_window_during_a_long_import_step_ends_the_app_cleanly(folder, seed_project):
    """A step that does not look at cancel for 12 s (longer than the 10 s the window used to
    wait): the window hides at once and the app ends when the step does, with status 0 and the
    project as it was; it used to abort (SIGABRT, 'QThread: Destroyed while thread is still
    running')."""
    seed_project(folder / "p.db")
    (folder / "new.txt").write_text(GOOD)
    run = run_app(folder, "--db", "p.db", "new.txt", import_="stuck:12", close_after="1000",
                  timeout=90)
    run.assert_no_crash()
    assert run.returncode == 0, run.stderr
    assert run.lines("AFTER-CLOSE") == ["visible=False"]  # gone from the screen at once
    assert run.time_of("EXIT") - run.time_of("CLOSE") < 25
    assert stored_ids(folder / "p.db") == ["a", "b"]  # the import was cancelled, nothing lost


def test_closing_the_window_mid_import_quits_within_seconds(folder, seed_project):
    seed_project(folder / "p.db")
    (folder / "new.txt").write_text(GOOD)
    run = run_app(folder, "--db", "p.db", "new.txt", import_="wait:120", close_after="1000")
    run.assert_no_crash()
    assert run.returncode == 0, run.stderr
    assert run.time_of("EXIT") - run.time_of("CLOSE") < 5
    assert stored_ids(folder / "p.db") == ["a", "b"]


def test_an_import_that_never_answers_cancel_is_left_after_the_give_up_time(folder, seed_project):
    """A step stuck for good (the app's limit is a minute; 2 s here): the process ends with
    status 0, says why on stderr, and the project is intact."""
    seed_project(folder / "p.db")
    (folder / "new.txt").write_text(GOOD)
    run = run_app(folder, "--db", "p.db", "new.txt", import_="stuck:120", close_after="1000",
                  give_up_ms="2000")
    run.assert_no_crash()
    assert run.returncode == 0, run.stderr
    assert "the import did not stop within 2 s of closing the window" in run.stderr
    assert stored_ids(folder / "p.db") == ["a", "b"]


# -- item 9: a project the app cannot use -----------------------------------------------------
def _not_sqlite(folder: Path, seed_project) -> str:
    (folder / "notes.db").write_text("my notes, not a database\n" * 100)
    return "notes.db"


def _damaged(folder: Path, seed_project) -> str:
    seed_project(folder / "damaged.db")
    data = bytearray((folder / "damaged.db").read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # every page after the first overwritten
    (folder / "damaged.db").write_bytes(bytes(data))
    return "damaged.db"


def _a_folder(folder: Path, seed_project) -> str:
    (folder / "projects").mkdir()
    return "projects"


def _a_fifo(folder: Path, seed_project) -> str:
    os.mkfifo(folder / "pipe.db")
    return "pipe.db"


def _under_a_file(folder: Path, seed_project) -> str:
    (folder / "report.txt").write_text("a file, so no folder can be made in it")
    return "report.txt/kerryview/corpus.db"


@pytest.mark.parametrize("make, says", [
    (_not_sqlite, "notes.db is not a kerryview project, or it is damaged (SQLite says: file is "
                  "not a database). Choose another project file with --db."),
    (_damaged, "damaged.db is not a kerryview project, or it is damaged"),
    (_a_folder, "is a folder, not a kerryview project file. Give the project file with --db"),
    (_a_fifo, "pipe.db is not a kerryview project file (it is not a regular file). Choose "
              "another project file with --db."),
    (_under_a_file, "Cannot create the folder report.txt/kerryview for the project "
                    "report.txt/kerryview/corpus.db: not a directory. Choose another place with --db."),
], ids=["not-sqlite", "damaged", "a-folder", "a-fifo", "folder-cannot-be-made"])
def test_a_project_that_cannot_be_opened_is_a_message_and_status_2(folder, seed_project, make, says):
    given = make(folder, seed_project)
    before = (folder / given).read_bytes() if (folder / given).is_file() else None
    run = run_app(folder, "--db", given, timeout=30)
    run.assert_no_crash()
    assert run.returncode == 2, (run.stdout, run.stderr)
    boxes = run.message_boxes()
    assert len(boxes) == 1 and boxes[0].startswith("critical: kerryview cannot open the project | ")
    assert says in boxes[0]
    assert f"kerryview: {boxes[0].split(' | ', 1)[1]}" in run.stderr  # and in the terminal
    if before is not None:
        assert (folder / given).read_bytes() == before  # the user's file is left as it was


@pytest.mark.parametrize("lock", ["file", "folder"])
def test_a_read_only_project_opens_read_only_with_a_notice(folder, seed_project, unprivileged, lock):
    """The timeline shows what is stored; an import is refused with a message; the file is not
    touched. It used to end with a traceback ("attempt to write a readonly database")."""
    (folder / "shared").mkdir()
    project = folder / "shared" / "p.db"
    seed_project(project)
    (folder / "new.txt").write_text(GOOD)
    (project if lock == "file" else project.parent).chmod(0o444 if lock == "file" else 0o555)
    before = project.read_bytes()
    run = unprivileged("--db", "shared/p.db", report="1", try_import="new.txt")
    run.assert_no_crash()
    assert run.returncode == 0, (run.stdout, run.stderr)
    assert run.message_boxes() == []
    shown, tried, after = run.json_lines("REPORT")[0], run.json_lines("TRIED")[0], run.json_lines("REPORT")[1]
    assert shown["events"] == 4 and shown["documents"] == ["a", "b"]
    assert shown["notice"] == "Read-only" and shown["title"] == "p — kerryview (read-only)"
    assert shown["message"].startswith("Read-only: you may not change shared/p.db")
    assert "imports and corrections are off" in shown["notice_tip"]
    assert not shown["open_files_enabled"]
    assert not tried["submitted"]
    assert tried["message"].startswith("Not imported: the project shared/p.db is read-only.")
    assert after["documents"] == ["a", "b"] and after["events"] == 4
    assert project.read_bytes() == before
    assert sorted(p.name for p in project.parent.iterdir()) == ["p.db"]  # no -wal, no -shm


@pytest.mark.parametrize("db, says", [
    ("locked/p.db", "Cannot create the project locked/p.db: you may not write in its folder "
                    "locked. Choose another place with --db."),
    ("locked/new/p.db", "Cannot create the folder locked/new for the project locked/new/p.db: "
                        "permission denied. Choose another place with --db."),
    ("secret.db", "You may not read the project secret.db (permission denied). Ask for read "
                  "access to it, or choose another project file with --db."),
], ids=["read-only-folder", "folder-cannot-be-made", "unreadable-project"])
def test_a_project_the_user_may_not_use_is_a_message_and_status_2(folder, seed_project, unprivileged,
                                                                   db, says):
    (folder / "locked").mkdir(mode=0o555)
    (folder / "locked").chmod(0o555)
    seed_project(folder / "secret.db")
    (folder / "secret.db").chmod(0)
    run = unprivileged("--db", db)
    run.assert_no_crash()
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert run.message_boxes() == [f"critical: kerryview cannot open the project | {says}"]
    assert f"kerryview: {says}" in run.stderr


def test_an_unreadable_article_on_the_command_line_is_a_problem_not_a_crash(folder, seed_project,
                                                                           unprivileged):
    seed_project(folder / "p.db")
    (folder / "new.txt").write_text(GOOD)
    (folder / "secret.txt").write_text(GOOD.replace("Beijing", "Tianjin"))
    (folder / "secret.txt").chmod(0)
    run = unprivileged("--db", "p.db", "secret.txt", "new.txt", report="1")
    run.assert_no_crash()
    assert run.returncode == 0, (run.stdout, run.stderr)
    shown = run.json_lines("REPORT")[0]
    assert shown["problems"] == [["secret.txt", "cannot be read (permission denied)"]]
    assert shown["problems_button"] == "⚠ 1 problem"
    assert shown["message"] == "Added 1 article; 4 events; 1 file could not be read"
    assert shown["documents"] == ["a", "b", "new"]
    assert run.message_boxes() == []


# -- a failed import: a message that does not block, and a timeline still in use ---------------
@pytest.fixture
def dialogs(monkeypatch) -> list[str]:
    """Every message box the window would open (none should: they block the user)."""
    from PySide6.QtWidgets import QMessageBox
    shown: list[str] = []
    for icon in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, icon, staticmethod(
            lambda *a, _icon=icon, **k: shown.append(f"{_icon}: {a[1:3]}")))
    return shown


def _broken_import(store, paths, progress=None, cancelled=None):
    raise RuntimeError("the merger tripped")


def test_a_failed_import_is_a_message_and_the_timeline_stays_usable(qtbot, window, tmp_path,
                                                                   dialogs):
    from PySide6.QtWidgets import QApplication
    window.import_fn = _broken_import
    with qtbot.waitSignal(window.jobs.failed, timeout=20000):
        assert window.import_paths([tmp_path])
    assert window.statusBar().currentMessage() == "Import failed: RuntimeError: the merger tripped"
    assert window.status.problems_button.isVisible()
    assert dialogs == [] and QApplication.activeModalWidget() is None
    # the timeline still answers: select an event, read its passages, open its article
    row = window.index().row_of["e-wang"]
    window.select_event(row)
    assert window.passages.passage_texts()[0] == "Kerry met Wang Yi on Tuesday in Beijing."
    window.open_mention(window.index().events[row].mentions[0])
    assert window.reader.highlighted_text() == "Kerry met Wang Yi on Tuesday in Beijing."
    # and the next import works
    from kerryview.pipeline import import_into_store
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    window.import_fn = import_into_store
    with qtbot.waitSignal(window.jobs.finished, timeout=60000):
        assert window.import_paths([tmp_path / "good.txt"])
    assert "good" in window.docs and window.action(Action.OPEN_FILES).isEnabled()


def test_a_failed_first_import_does_not_leave_the_timeline_saying_reading(qtbot, tmp_path,
                                                                         dialogs):
    """On an empty project the timeline says "Reading articles…" while the first import runs;
    when it fails, that text used to stay for good, as if the import were still running."""
    store = Store(tmp_path / "empty.db")
    w = MainWindow(store, import_fn=_broken_import)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.jobs.failed, timeout=20000):
        assert w.import_paths([tmp_path])
    assert w.timeline.mode() == "empty"
    assert w.timeline.emptyText() == EMPTY_TEXT
    assert w.statusBar().currentMessage().startswith("Import failed: RuntimeError")
    assert dialogs == []
    store.close()


# -- the window of a read-only project --------------------------------------------------------
def test_a_read_only_window_refuses_every_change_with_a_message(qtbot, window, store, tmp_path,
                                                                 dialogs):
    from datetime import date
    window.set_read_only(Path("/shared/p.db"), "Read-only: you may not change /shared/p.db")
    assert window.status.notice_label.isVisible() and window.status.notice_label.text() == "Read-only"
    refused = "the project /shared/p.db is read-only. Copy it somewhere you can write"
    assert not window.import_paths([tmp_path])
    assert window.statusBar().currentMessage().startswith(f"Not imported: {refused}")
    assert not window.action(Action.OPEN_FILES).isEnabled()
    assert not window.action(Action.OPEN_FOLDER).isEnabled()
    window.select_event(window.index().row_of["e-wang"])
    assert not window.mark_current_event(reviewed=True)
    assert window.statusBar().currentMessage().startswith(f"Not marked: {refused}")
    assert not window.action(Action.REVIEWED).isChecked() and store.marks() == {}
    assert not window.set_document_date("a", date(2020, 1, 1))
    assert window.statusBar().currentMessage().startswith(f"Date not changed: {refused}")
    assert store.document("a").dct == date(2023, 7, 18)
    assert not window.jobs.is_busy() and dialogs == []
