"""The Key dates list across a change of project: the old project's job never outlives the
window, and its rows never show (nor pin days) on the new project."""
from __future__ import annotations

import shutil
import threading

import kerryview.gui.mainwindow.window as window_module
from kerryview.gui.keydates import NOW_WORKING
from kerryview.gui.project import open_project
from kerryview.store import Store

from conftest import shown_window
from test_keydates_gui import click_row, key_dates_corpus, listed


def _project(path) -> Store:
    s = Store(path)
    s.save_corpus(*key_dates_corpus())
    return s



def _second_phase_held(monkeypatch) -> threading.Event:
    """The next project is read in two phases, its documents (the second) held in the worker
    until the returned event is set."""
    monkeypatch.setattr(window_module, "ASYNC_LOAD_EVENTS", 1)
    gate = threading.Event()
    documents = Store.documents

    def slow_documents(self):
        if threading.current_thread() is not threading.main_thread():
            gate.wait(5)
        return documents(self)
    monkeypatch.setattr(Store, "documents", slow_documents)
    return gate

def test_a_job_on_the_previous_project_ends_before_the_window_closes(qtbot, tmp_path,
                                                                      monkeypatch):
    """Switching project while a Key dates job reads passages, then closing the window: the
    old project's job is cancelled and waited for, never left running in a destroyed thread
    (Qt aborts the process: "QThread: Destroyed while thread is still running")."""
    w = shown_window(qtbot, _project(tmp_path / "a.kvproj"))
    _project(tmp_path / "b.kvproj").close()
    qtbot.waitUntil(lambda: bool(listed(w)), timeout=5000)
    gate, reading = threading.Event(), threading.Event()
    original = Store.mentions_of

    def slow(self, ids):
        reading.set()
        gate.wait(5)
        return original(self, ids)
    monkeypatch.setattr(Store, "mentions_of", slow)
    panel = w.key_dates.panel
    w.reload()  # new Event objects: the job reads their passages again
    panel.refresh()
    assert reading.wait(5)
    old = panel._runner
    assert old.is_busy()
    try:
        assert w.use_project(open_project(tmp_path / "b.kvproj"))  # the window's runner is idle
        assert panel._runner is not old
        threading.Timer(0.3, gate.set).start()  # the job ends once cancelled and let go
        w.close()
        assert not old._thread.isRunning()  # stop() waited for the old project's job too
    finally:
        gate.set()
        old.wait()


def test_the_previous_projects_key_dates_go_at_once_on_a_switch(qtbot, tmp_path, monkeypatch,
                                                                 bundled_db):
    """A big project is read in two phases: until its documents come, the list is empty and
    the new timeline pins no day, never the previous project's rows."""
    w = shown_window(qtbot, _project(tmp_path / "a.kvproj"))
    qtbot.waitUntil(lambda: bool(listed(w)), timeout=5000)
    for r in range(w.key_dates.panel.model.rowCount()):
        click_row(qtbot, w, r)  # their passages are read into the window's events
    assert w.timeline._key_days
    a_ids = {e.id for e in w.index().events}
    b = tmp_path / "b.kvproj"
    shutil.copy(bundled_db, b)
    gate = _second_phase_held(monkeypatch)
    panel = w.key_dates.panel
    try:
        assert w.use_project(open_project(b))
        assert panel.rows() == [] and w.timeline._key_days == []
        qtbot.waitUntil(lambda: w.jobs.is_busy() and not w.events_loading, timeout=10000)
        qtbot.wait(500)  # the list's refresh runs meanwhile: on no events
        assert not any(r.event_id in a_ids for r in panel.rows())
        assert w.timeline._key_days == []
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not w.loading, timeout=10000)
    qtbot.waitUntil(lambda: bool(listed(w)), timeout=10000)
    b_ids = {e.id for e in w.index().events}
    assert all(r.event_id in b_ids for r in panel.rows())
    w.jobs.cancel()
    w.jobs.wait()


def _drawn_rows(panel) -> bool:
    """Whether the list's viewport shows anything but its background (rows are drawn)."""
    image = panel.view.viewport().grab().toImage()
    background = image.pixelColor(image.width() - 1, image.height() - 1)
    return any(image.pixelColor(x, y) != background
               for y in range(0, min(image.height(), 60), 2)
               for x in range(0, image.width(), 3))


def test_after_a_switch_the_list_says_it_is_working_until_the_new_projects_rows_come(
        qtbot, tmp_path, monkeypatch, bundled_db):
    """While a big project's articles are still being read, the open Key dates list is not a
    blank pane saying there are no day-level events (the timeline shows thousands): it says
    the key dates are being worked out, then shows the new project's rows."""
    w = shown_window(qtbot, _project(tmp_path / "a.kvproj"))
    qtbot.waitUntil(lambda: bool(listed(w)), timeout=5000)
    panel = w.key_dates.panel
    assert w.key_dates.isVisible() and _drawn_rows(panel)
    b = tmp_path / "b.kvproj"
    shutil.copy(bundled_db, b)
    gate = _second_phase_held(monkeypatch)
    try:
        assert w.use_project(open_project(b))
        qtbot.waitUntil(lambda: w.jobs.is_busy() and not w.events_loading, timeout=10000)
        qtbot.wait(400)  # the list's refresh would have run meanwhile
        assert len(w.index()) > 0  # the timeline shows B's events
        assert w.key_dates.isVisible()
        assert panel.empty.isVisible() and panel.empty.text() == NOW_WORKING
        assert not panel.view.isVisible()  # the note in the list's place, not under a blank list
        assert panel.rows() == []
    finally:
        gate.set()
    qtbot.waitUntil(lambda: bool(listed(w)), timeout=10000)
    qtbot.waitUntil(lambda: not panel.empty.isVisible(), timeout=2000)
    b_ids = {e.id for e in w.index().events}
    assert all(r.event_id in b_ids for r in panel.rows())
    assert w.key_dates.isVisible()
    qtbot.waitUntil(lambda: _drawn_rows(panel), timeout=2000)
    w.jobs.cancel()
    w.jobs.wait()


def _luminance(c) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def test_the_lists_note_is_dark_enough_to_read(qtbot, tmp_path):
    """"Working out key dates…" (or "No day-level events yet") and the note on the axis pins are
    read, not guessed: their darkest pixels stand out from the panel's grey by the WCAG ratio
    for text (4.5; a disabled label's grey gave 1.6, HINT_FG 4.1)."""
    w = shown_window(qtbot, _project(tmp_path / "a.kvproj"))
    panel = w.key_dates.panel
    panel._show_rows([], NOW_WORKING)
    qtbot.waitUntil(panel.empty.isVisible, timeout=2000)
    for note in (panel.empty, panel.pin_note):
        image = note.grab().toImage()
        lums = [_luminance(image.pixelColor(x, y)) for x in range(image.width())
                for y in range(image.height())]
        ratio = (max(lums) + 0.05) / (min(lums) + 0.05)
        assert ratio >= 4.5, (note.text(), ratio)
