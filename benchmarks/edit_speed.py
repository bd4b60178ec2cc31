"""CPU time of one edit (a new label) and of its undo in the main window, as the timeline and
the passages panel show them, on stores of synthetic events (benchmarks/timeline_paint.py's,
each passage given its own time expression as in a real corpus). Offscreen.

    .venv/bin/python benchmarks/edit_speed.py [N ...]      (default 10000 100000)
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from timeline_paint import synthetic_events  # noqa: E402
from kerryview.edits import SetLabel, event_ref  # noqa: E402
from kerryview.model import Document  # noqa: E402
from kerryview.store import Store  # noqa: E402


def main(sizes: list[int]) -> int:
    app = QApplication.instance() or QApplication([])
    import kerryview.gui.mainwindow.window as window_module
    from kerryview.gui.mainwindow import MainWindow
    window_module.ASYNC_LOAD_EVENTS = 10 ** 9  # read in the window, not in the worker
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            events = synthetic_events(n)
            offset = 0
            for ev in events:  # one time expression per passage, as the pipeline makes them
                for m in ev.mentions:
                    m.timex = replace(m.timex, start=offset, end=offset + 4)
                    offset += 10
            docs = sorted({m.document_id for e in events for m in e.mentions})
            store = Store(Path(tmp) / f"e{n}.db")
            store.save_corpus([Document(id=d, path=d, text="") for d in docs], events)
            win = MainWindow(store)
            win.select_event(len(win.index()) // 2)
            ev = win.timeline.currentEvent()
            t0 = time.process_time()
            win.edits.push_edits([SetLabel(event_ref(ev), "Renamed", was=ev.label)], "rename",
                                 select=[event_ref(ev)])
            t1 = time.process_time()
            renamed = win.timeline.currentEvent().label == "Renamed"
            win.edits.stack.undo()
            t2 = time.process_time()
            back = win.timeline.currentEvent().label == ev.label
            print(f"{n:>7,} events: edit {t1 - t0:.2f} s CPU, undo {t2 - t1:.2f} s CPU "
                  f"(shown renamed: {renamed}, back after undo: {back})")
            win.close()
            store.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]] or [10_000, 100_000]))
