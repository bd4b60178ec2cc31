"""Runs the desktop app as `kerryview ARGS` does (kerryview.cli.main), in its own process, so that
tests can see what a crash, an exit status or a start-up message looks like to the user.

Hooks, all from the environment (nothing here changes the app's own code paths):
  every QMessageBox is printed to stdout as `MESSAGEBOX <icon>: <title> | <text>` and answered
  at once (offscreen, nobody could click it);
  KV_DRIVER_IMPORT=wait:SECONDS   the import polls cancelled() for up to SECONDS, then imports;
  KV_DRIVER_IMPORT=stuck:SECONDS  one step of the import ignores cancel for SECONDS;
  KV_DRIVER_CLOSE_AFTER=MS        closes the main window MS after it was shown;
  KV_DRIVER_GIVE_UP_MS=MS         how long a job may run on after the close (the app's
                                  GIVE_UP_AFTER_CLOSE_MS, a minute);
  KV_DRIVER_REPORT=1              once no job runs, prints `REPORT <json>` (what the window
                                  shows); with KV_DRIVER_TRY_IMPORT=PATH it then imports PATH,
                                  prints `TRIED <json>`, waits for the import, reports again
                                  and closes the window.

Usage: python app_driver.py [kerryview arguments]
"""
from __future__ import annotations

import json
import os
import sys
import time


def slow_import_fn(spec: str):
    from kerryview.pipeline import import_into_store
    kind, seconds = spec.split(":")
    seconds = float(seconds)

    def slow_import(store, paths, progress=None, cancelled=None):
        print(f"IMPORT started {time.monotonic():.3f}", flush=True)
        deadline = time.monotonic() + seconds
        if kind == "stuck":
            time.sleep(seconds)  # one long step that does not look at cancelled()
        else:
            while time.monotonic() < deadline and not cancelled():
                time.sleep(0.02)
        return import_into_store(store, paths, progress, cancelled)
    return slow_import


def patch_message_boxes() -> None:
    from PySide6.QtWidgets import QMessageBox

    def shown(icon):
        def show(parent, title, text, *args, **kwargs):
            print(f"MESSAGEBOX {icon}: {title} | {text}", flush=True)
            return QMessageBox.StandardButton.Ok
        return staticmethod(show)
    for icon in ("critical", "warning", "information", "question"):
        setattr(QMessageBox, icon, shown(icon))


def main_window():
    from PySide6.QtWidgets import QApplication

    from kerryview.gui.mainwindow import MainWindow
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)


def report(window) -> dict:
    from kerryview.gui.mainwindow.actions import Action
    problems = window.problems
    notice = getattr(window.status, "notice_label", None)  # the read-only notice
    return {
        "message": window.statusBar().currentMessage(),
        "counts": window.status.count_label.text(),
        "notice": notice.text() if notice is not None and notice.isVisible() else "",
        "notice_tip": notice.toolTip() if notice is not None else "",
        "title": window.windowTitle(),
        "events": len(window.index()),
        "documents": sorted(window.docs),
        "problems": [[problems.topLevelItem(i).text(0), problems.topLevelItem(i).text(1)]
                     for i in range(problems.topLevelItemCount())],
        "problems_button": window.status.problems_button.text()
        if window.status.problems_button.isVisible() else "",
        "open_files_enabled": window.action(Action.OPEN_FILES).isEnabled(),
    }


def install_hooks() -> None:
    """Needs the QApplication: the timers start with its event loop."""
    from PySide6.QtCore import QTimer

    import kerryview.gui.mainwindow.window as mw

    if spec := os.environ.get("KV_DRIVER_IMPORT"):
        fn = slow_import_fn(spec)
        mw.default_import_fn = lambda: fn
    if ms := os.environ.get("KV_DRIVER_GIVE_UP_MS"):
        import kerryview.gui.app
        kerryview.gui.app.GIVE_UP_AFTER_CLOSE_MS = int(ms)
    if ms := os.environ.get("KV_DRIVER_CLOSE_AFTER"):
        def close() -> None:
            w = main_window()
            print(f"CLOSE {time.monotonic():.3f}", flush=True)
            if w is not None:
                w.close()
                print(f"AFTER-CLOSE visible={w.isVisible()}", flush=True)
        QTimer.singleShot(int(ms), close)
    if os.environ.get("KV_DRIVER_REPORT") == "1":
        steps = ["report"]
        if os.environ.get("KV_DRIVER_TRY_IMPORT"):
            steps += ["try", "report"]
        steps.append("close")

        def tick() -> None:
            w = main_window()
            if w is None or w.jobs.is_busy() or w.loading:
                return
            step = steps.pop(0)
            if step == "report":
                print("REPORT " + json.dumps(report(w)), flush=True)
            elif step == "try":
                submitted = w.import_paths([os.environ["KV_DRIVER_TRY_IMPORT"]])
                print("TRIED " + json.dumps({"submitted": submitted, **report(w)}), flush=True)
            else:
                timer.stop()
                w.close()
        timer = QTimer()
        timer.timeout.connect(tick)
        timer.start(50)
        install_hooks.timer = timer  # kept alive with the process


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from kerryview.cli import main as kerryview_main
    app = QApplication(sys.argv[:1])  # the app's run() uses this instance
    patch_message_boxes()
    install_hooks()
    code = kerryview_main(sys.argv[1:])
    del app
    print(f"EXIT {code} {time.monotonic():.3f}", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
