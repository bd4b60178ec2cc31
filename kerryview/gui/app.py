"""Start the desktop app: `run(paths, db_path)` (called by `kerryview`).

The project is `db_path` (or a PATH.kvproj among the paths), else $KERRYVIEW_DB, else the project
open last time; with none, the first-run screen offers the demo (its own project) or a new one. A database that cannot
be opened is a message box (and a line on stderr) and exit status 2; one the user may read but not
write opens read-only (kerryview.gui.project).
KERRYVIEW_QUIT_AFTER_FIRST_PAINT=1 quits right after the timeline's first paint and prints
`first-paint: <seconds> s` since process start, with the process's CPU time then (for
benchmarks/startup.py).
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

_IMPORTED_AT = time.perf_counter()
# After the window is closed mid-import, how long the import may take to notice the cancel before
# the process ends without it (a step that never polls cancel must not leave a hidden process).
GIVE_UP_AFTER_CLOSE_MS = 60_000


def seconds_since_process_start() -> float:
    """From the kernel's process start time on Linux; else since this module was imported."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 of stat(5), counted after the ')'
        with open("/proc/uptime", encoding="ascii") as f:
            uptime = float(f.read().split()[0])
        return max(0.0, uptime - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError, AttributeError):
        return time.perf_counter() - _IMPORTED_AT


def app_icon():
    from PySide6.QtGui import QIcon
    try:
        from importlib.resources import files
        icons = files("kerryview.resources") / "icons"
        icon = QIcon()
        for name in ("kerryview.svg", "kerryview-256.png", "kerryview-64.png",
                     "kerryview-32.png", "kerryview-16.png"):
            p = icons / name
            if p.is_file():
                icon.addFile(str(p))
        return icon
    except Exception:  # noqa: BLE001 - an icon is never worth failing for
        return QIcon()


def use_light_palette(app) -> None:
    """The timeline, passages and highlights are drawn in light colours; under a dark desktop
    theme, switch the app to a light Fusion palette so text keeps its contrast everywhere."""
    from PySide6.QtGui import QPalette
    if app.palette().color(QPalette.ColorRole.Window).lightness() >= 128:
        return
    app.setStyle("Fusion")
    app.setPalette(app.style().standardPalette())


def resolve_db_path(db_path: str | None) -> Path | None:
    """The project to open: `--db` (or a PATH.kvproj argument), else $KERRYVIEW_DB, else the
    project open when the app was last closed, else the default project of earlier versions if
    it holds articles; None when no project was ever open (the first-run screen)."""
    if db_path:
        return Path(db_path)
    env = os.environ.get("KERRYVIEW_DB")
    if env:
        return Path(env)
    from kerryview.gui import settings
    last = settings.LAST_PROJECT.get()
    if last and Path(last).is_file():
        return Path(last)
    from kerryview.store.store import default_db_path
    legacy = default_db_path()
    if legacy.is_file() and legacy.stat().st_size > 0:
        return legacy
    return None


def split_project_argument(paths: list[str], db_path: str | None) -> tuple[list[str], str | None]:
    """`kerryview PATH.kvproj` opens that project, like `--db PATH`; other paths are articles."""
    from kerryview.gui.project import looks_like_project
    projects = [p for p in paths if looks_like_project(p)]
    if projects and db_path is None:
        return [p for p in paths if p != projects[0]], projects[0]
    return paths, db_path


def start_failed(message: str) -> int:
    """No window can open: say why on stderr and in a dialog (a desktop launch has no terminal);
    exit status 2, as the headless commands do."""
    from PySide6.QtWidgets import QMessageBox
    print(f"kerryview: {message}", file=sys.stderr, flush=True)
    QMessageBox.critical(None, "kerryview cannot open the project", message)
    return 2


def run(paths: list[str], db_path: str | None) -> int:
    import sqlite3

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kerryview.gui.mainwindow import MainWindow, first_paint_timer
    from kerryview.gui.project import ProjectError, is_demo, open_project

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("kerryview")
    app.setApplicationName("kerryview")
    app.setApplicationDisplayName("kerryview")
    app.setDesktopFileName("io.github.kerryview.KerryView")  # packaging/linux/*.desktop
    use_light_palette(app)
    paths, db_path = split_project_argument(paths, db_path)
    path = resolve_db_path(db_path)
    if path is None and paths:  # articles given and no project yet: the default project
        from kerryview.store.store import default_db_path
        path = default_db_path()
    project = None
    if path is not None:
        try:
            project = open_project(path)
        except ProjectError as e:
            return start_failed(str(e))
    from kerryview.store import Store
    store = project.store if project is not None else Store()
    try:
        window = MainWindow(store)
    except sqlite3.DatabaseError as e:  # opened, but its tables cannot be read
        project.close()
        return start_failed(f"The project {path} is damaged and cannot be read (SQLite says: {e}). "
                            "Choose another project file with --db.")
    if project is not None:
        window.own_project(project)
    else:
        window.show_first_run()
    window.give_up_after_close_ms = GIVE_UP_AFTER_CLOSE_MS
    # The icon (read from the package's resources, SVG engine loaded) is set right after the
    # timeline's first paint, which it would otherwise delay; desktops show the one named by
    # the desktop file meanwhile. The first-run screen has no timeline to wait for.
    if project is not None:
        window.timeline.firstPainted.connect(
            lambda: QTimer.singleShot(0, lambda: app.setWindowIcon(app_icon())))
    else:
        QTimer.singleShot(0, lambda: app.setWindowIcon(app_icon()))
    if project is not None and project.read_only:
        window.set_read_only(path, project.notice)
    if os.environ.get("KERRYVIEW_QUIT_AFTER_FIRST_PAINT") == "1":
        shown: list[float] = []
        window.timeline.firstPainted.connect(lambda: shown.append(seconds_since_process_start()))

        def quit_now() -> None:
            n = len(window.timeline.index())
            extra = f"; window first painted at {shown[0]:.3f} s" if shown else ""
            print(f"first-paint: {seconds_since_process_start():.3f} s "
                  f"(since process start, timeline showing {n} events{extra}; "
                  f"cpu {time.process_time():.3f} s)", flush=True)
            window.close()
            app.quit()
        if project is None:  # the first-run screen has no timeline to paint
            QTimer.singleShot(0, quit_now)
        else:
            first_paint_timer(window, quit_now)
    window.show()
    if project is None:
        pass  # the first-run screen: the user chooses the demo or a project
    elif paths:
        window.timeline.setFocus()
        window.import_paths(paths)
    elif project.read_only:
        window.timeline.setFocus()  # nothing to import into: the project is shown as it is
    elif is_demo(path) and store.event_count() == 0 and not store.documents():
        window.open_demo()
    elif store.event_count() == 0 and not store.documents():
        window.timeline.setFocus()  # a new, empty project of the user's
    elif store.needs_rebuild or store.event_count() == 0:
        window.import_paths([], rebuild=True)  # documents kept, events derived again
    code = app.exec()
    if window.jobs.is_busy():  # the event loop ended with a job running (app.quit() above)
        window.jobs.cancel()
        if not window.jobs.wait(GIVE_UP_AFTER_CLOSE_MS):
            window.abandon_job()  # ends the process; a running QThread is never destroyed
    window.close_project()
    return code
