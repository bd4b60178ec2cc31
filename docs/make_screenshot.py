"""Make docs/screenshot.png with the real app: the bundled corpus, the week of the visit, the
Wang Yi meeting selected and a passage opened in the reader. Offscreen, no display needed.

    .venv/bin/python docs/make_screenshot.py [OUT.png]

tests/gui/test_screenshot_script.py runs it into a temporary file so it keeps working.
"""
from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path


def make(out: Path, size: tuple[int, int] = (1280, 800)) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from kerryview.gui.timeline import axis as timeaxis
    from kerryview.gui.mainwindow import MainWindow
    from kerryview.pipeline import bundled_corpus_paths, import_into_store
    from kerryview.store import Store

    import tempfile

    from PySide6.QtCore import QSettings

    # Default window layout, not whatever the user's own settings say.
    settings_dir = tempfile.TemporaryDirectory(prefix="kerryview-screenshot-")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir.name)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = Store()
    import_into_store(store, bundled_corpus_paths())
    window = MainWindow(store)
    window.resize(*size)
    window.show()
    app.processEvents()
    window.timeline.setView(timeaxis.to_seconds(datetime(2023, 7, 9)),
                            timeaxis.to_seconds(datetime(2023, 7, 28)))
    events = store.events()
    meeting = max((e for e in events if e.start.startswith("2023-07-18")),
                  key=lambda e: len(e.document_ids))
    window.select_event(window.index().row_of[meeting.id])
    window.open_mention(next(m for m in meeting.mentions if m.document_id.startswith("001")))
    app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        raise SystemExit(f"could not write {out}")
    window.close()
    store.close()
    settings_dir.cleanup()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("screenshot.png")
    make(target)
    print(f"wrote {target}")
