"""The Key dates list across a change of project: the old project's job never outlives the
window, and its rows never show (nor pin days) on the new project."""
from __future__ import annotations

import threading

from kerryview.gui.project import open_project
from kerryview.store import Store

from test_keydates_gui import _open, key_dates_corpus, listed


def _project(path) -> Store:
    s = Store(path)
    s.save_corpus(*key_dates_corpus())
    return s


def test_a_job_on_the_previous_project_ends_before_the_window_closes(qtbot, tmp_path,
                                                                      monkeypatch):
    """Switching project while a Key dates job reads passages, then closing the window: the
    old project's job is cancelled and waited for, never left running in a destroyed thread
    (Qt aborts the process: "QThread: Destroyed while thread is still running")."""
    w = _open(qtbot, _project(tmp_path / "a.kvproj"))
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

