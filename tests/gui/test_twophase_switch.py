"""A big project is read in two phases (its events, then, once its timeline is painted, its
documents): another project opened between them never gets the first one's events."""
from __future__ import annotations

import shutil

import kerryview.gui.mainwindow.window as window_module
from kerryview.gui.mainwindow import MainWindow
from kerryview.store import Store

from conftest import make_corpus


def _held_between_phases(qtbot, tmp_path, monkeypatch, bundled_db):
    """A window on a big project, held after its events were shown: the runner is idle and
    the callback that reads the documents (after the timeline's paint) not yet called."""
    big = tmp_path / "big.kvproj"
    shutil.copy(bundled_db, big)
    small = tmp_path / "small.kvproj"
    s = Store(small)
    s.save_corpus(*make_corpus())
    s.close()
    monkeypatch.setattr(window_module, "ASYNC_LOAD_EVENTS", 1)
    w = MainWindow(Store(big))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    pending = []
    w.timeline.paint_then = lambda callback, *a: pending.append(callback)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: bool(pending), timeout=30000)
    assert not w.jobs.is_busy() and w.loading
    monkeypatch.setattr(window_module, "ASYNC_LOAD_EVENTS", 10 ** 9)  # the small one at once
    return w, pending, small


def test_another_project_waits_for_the_load_to_finish(qtbot, tmp_path, monkeypatch,
                                                      bundled_db):
    w, pending, small = _held_between_phases(qtbot, tmp_path, monkeypatch, bundled_db)
    big_events = {e.id for e in w.index().events}
    assert not w.open_project_file(small)
    assert "finish loading" in w.status.currentMessage()
    with qtbot.waitSignal(w.corpusLoaded, timeout=30000):
        pending[0]()
    assert {e.id for e in w.index().events} == big_events
    assert len(w.docs) == w.store.document_count() > len(make_corpus()[0])
    assert w.open_project_file(small)  # once loaded
    assert {e.id for e in w.index().events} == {e.id for e in make_corpus()[1]}
    w.close()


def test_the_documents_of_a_superseded_load_are_never_read(qtbot, tmp_path, monkeypatch,
                                                           bundled_db):
    """The second phase's own guard: should the project change anyway, the old project's
    callback reads nothing (else the old events were shown with the new documents)."""
    w, pending, small = _held_between_phases(qtbot, tmp_path, monkeypatch, bundled_db)
    w.loading = False  # past the refusal above: the callback alone must hold
    assert w.open_project_file(small)
    small_events = {e.id for e in w.index().events}
    assert small_events == {e.id for e in make_corpus()[1]}
    pending[0]()
    assert not w.jobs.is_busy()
    qtbot.wait(100)
    assert {e.id for e in w.index().events} == small_events
    assert set(w.docs) == {d.id for d in make_corpus()[0]}
    w.close()
