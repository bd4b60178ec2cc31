"""Time of one edit, its undo and its redo in the main window, as the timeline and the
passages panel show them, on stores of synthetic events (benchmarks/timeline_paint.py's,
each passage given its own time expression as in a real corpus). Offscreen.

    .venv/bin/python benchmarks/edit_speed.py [N ...]      (default 10000 100000)

The window is shown at the app's size (1280x800), fitted to everything (an overview at these
sizes). Each kind of edit is made on the event in the middle of the timeline: a rename, a
move to another year (its row goes far), a merge with its neighbour, a new note. For each it
gives the CPU and wall time of the step (push / Edit > Undo / Edit > Redo: storing the
edits, showing them, selecting the edited event, the status bar's message) and of the first frame painted after it (the event loop's pass),
and checks what is shown: after the edit, the index is the one a full build of the edited
events gives, and the events are those the project gives when opened again; after the undo, row for row the one before (the same Event objects); after the
redo, the one after the edit.
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
from kerryview.edits import EditDate, MergeEvents, SetDate, SetLabel, SetNote, event_ref  # noqa: E402
from kerryview.model import Document  # noqa: E402
from kerryview.store import Store  # noqa: E402

FIELDS = ("starts", "ends", "kinds", "labels", "row_of", "scheduled", "conflicted",
          "by_publication", "clause_only", "n_sources", "importance", "reviewed", "dismissed")


def state(index) -> tuple:
    """What the timeline shows, to compare: the Event objects in row order and every array."""
    return (tuple(map(id, index.events)), tuple(map(id, index.undated)),
            tuple(_frozen(getattr(index, f)) for f in FIELDS),
            tuple((dc.max_span, bytes(dc.starts), bytes(dc.rows), bytes(dc.clause_before))
                  for dc in index.classes))


def _frozen(x) -> object:
    if isinstance(x, dict):
        return tuple(sorted(x.items()))
    return tuple(x) if isinstance(x, list) else bytes(x)


def as_reopened(win, store) -> bool:
    """Whether the events shown are those the project gives when opened again (every stored
    edit applied to the events as found): id, label, dates, status, note."""
    def fields(events):
        return sorted((e.id, e.label, e.start, e.end, e.status, e.note) for e in events)
    index = win.index()
    return fields(list(index.events) + list(index.undated)) == \
        fields(store.events(passages=False))


def timed(app, fn) -> tuple[float, float, float, float]:
    """(CPU s, wall s) of fn, then (CPU s, wall s) of the event loop's pass that paints."""
    c, w = time.process_time(), time.perf_counter()
    fn()
    c1, w1 = time.process_time(), time.perf_counter()
    app.processEvents()
    return c1 - c, w1 - w, time.process_time() - c1, time.perf_counter() - w1


def edits_of(win, kind: str):
    """(edits, text, select, select_after_undo) of one edit of the middle event."""
    index = win.index()
    row = len(index) // 2
    win.select_event(row)
    ev = win.timeline.currentEvent()
    win._read_passages([ev])
    ref = event_ref(ev)
    if kind == "rename":
        return [SetLabel(ref, "Renamed", was=ev.label)], "rename", [ref], []
    if kind == "move a year":
        from datetime import date
        y = int(ev.start[:4])
        return ([SetDate(ref, EditDate("day", date(y - 30 if y > 1990 else y + 30, 6, 1)),
                         was=ev.label)], "move", [ref], [])
    if kind == "merge":
        other = index.events[row + 1]
        win._read_passages([other])
        refs = (ref, event_ref(other))
        return [MergeEvents(refs, was=(ev.label, other.label))], "merge", [ref], list(refs)
    return [SetNote(ref, "A note", was=ev.label)], "note", [ref], []


def main(sizes: list[int]) -> int:
    app = QApplication.instance() or QApplication([])
    import kerryview.gui.mainwindow.window as window_module
    from kerryview.gui import settings
    from kerryview.gui.mainwindow import MainWindow
    from kerryview.gui.timeline.index import TimelineIndex
    window_module.ASYNC_LOAD_EVENTS = 10 ** 9  # read in the window, not in the worker
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        settings.use_folder(tmp)  # never the user's settings
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
            win.resize(1280, 800)
            win.show()
            app.processEvents()
            win.timeline.fitAll()
            app.processEvents()
            print(f"{n:,} events (load {os.getloadavg()[0]:.2f}); CPU / wall ms of the step, "
                  f"then of the frame after it")
            for kind in ("rename", "move a year", "merge", "note"):
                edits, text, select, after_undo = edits_of(win, kind)
                before = state(win.index())
                step = timed(app, lambda: win.edits.push_edits(edits, text, select=select,
                                                                select_after_undo=after_undo))
                index = win.index()
                after = state(index)
                rebuilt = state(TimelineIndex(list(index.events) + list(index.undated)))
                full_build = after[2:] == rebuilt[2:] and sorted(after[0]) == sorted(rebuilt[0])
                full_build &= as_reopened(win, store)
                undo = timed(app, win.undo)  # Edit > Undo (its message names the day)
                back = state(win.index()) == before
                redo = timed(app, win.redo)
                again = state(win.index()) == after
                undo2 = timed(app, win.undo)  # leave the store as it was
                ok &= full_build and back and again and state(win.index()) == before \
                    and as_reopened(win, store)
                print(f"  {kind:<12} edit {step[0] * 1000:6.0f} / {step[1] * 1000:6.0f} "
                      f"+ frame {step[2] * 1000:4.0f} / {step[3] * 1000:4.0f}   "
                      f"undo {undo[0] * 1000:5.0f} / {undo[1] * 1000:5.0f} "
                      f"+ frame {undo[2] * 1000:4.0f} / {undo[3] * 1000:4.0f}   "
                      f"redo {redo[0] * 1000:5.0f} / {redo[1] * 1000:5.0f} "
                      f"+ frame {redo[2] * 1000:4.0f} / {redo[3] * 1000:4.0f}   "
                      f"(as a full build and as reopened: {full_build}; undo gives the state before: {back}; "
                      f"redo the state after: {again}; undo {undo2[0] * 1000:.0f} ms CPU)")
            win.close()
            store.close()
    app.processEvents()
    print("every state checked: " + ("yes" if ok else "NO"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]] or [10_000, 100_000]))
