"""An import killed before it saved is offered again at the next start (issue #11): a
non-blocking bar above the timeline with Finish import and Discard."""
from __future__ import annotations

import subprocess
from datetime import date
import sys

from kerryview.gui.mainwindow import MainWindow

GOOD = "date 2023-07-18\nKerry met Xie Zhenhua for nearly 12 hours on Monday.\n"


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _interrupted(store, paths) -> None:
    """Record an import as a process that died before saving would have left it."""
    import_id = store.record_import(paths)
    with store.writing():
        store.db.execute("UPDATE pending_import SET pid = ? WHERE id = ?", [_dead_pid(), import_id])


def _open(qtbot, store) -> MainWindow:
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_no_offer_when_nothing_was_interrupted(qtbot, store):
    w = _open(qtbot, store)
    assert not w.interrupted.isVisible()


def test_an_interrupted_import_is_offered_and_finished(qtbot, store, tmp_path):
    article = tmp_path / "talks.txt"
    article.write_text(GOOD, encoding="utf-8")
    _interrupted(store, [article])
    w = _open(qtbot, store)
    assert w.interrupted.isVisible()
    assert "An import was interrupted before it was saved (1 file or folder" in \
        w.interrupted.message.text()
    assert str(article) in w.interrupted.message.text()
    assert w.timeline.isEnabled()  # non-blocking: the timeline stays usable
    with qtbot.waitSignal(w.jobs.finished, timeout=60000):
        w.interrupted.finish_button.click()
    assert not w.interrupted.isVisible()
    assert "talks" in w.docs
    assert store.pending_import() == []  # finishing it cleared the record
    w.jobs.wait()


def test_an_interrupted_import_can_be_discarded(qtbot, store, tmp_path):
    _interrupted(store, [tmp_path / "gone.txt"])
    w = _open(qtbot, store)
    before = sorted(w.docs)
    w.interrupted.discard_button.click()
    assert not w.interrupted.isVisible()
    assert "discarded" in w.statusBar().currentMessage()
    assert store.pending_import() == [] and sorted(w.docs) == before
    again = _open(qtbot, store)
    assert not again.interrupted.isVisible()


def test_an_interrupted_resolution_after_a_date_change_is_offered_and_finished(qtbot, store):
    """Setting a date stores it and resolves the corpus again; killed during that, the events
    do not follow the date: the next start offers to finish, like an import."""
    doc_id = store.documents()[0].id
    store.set_document_date(doc_id, date(2023, 7, 25))
    _interrupted(store, [])
    w = _open(qtbot, store)
    assert w.interrupted.isVisible()
    assert "Dating the articles again" in w.interrupted.message.text()
    assert w.interrupted.finish_button.text() == "Finish dating"
    with qtbot.waitSignal(w.jobs.finished, timeout=60000):
        w.interrupted.finish_button.click()
    assert not w.interrupted.isVisible()
    assert not store.resolution_interrupted()
    assert [d.dct for d in store.documents() if d.id == doc_id] == [date(2023, 7, 25)]
    w.jobs.wait()
    again = _open(qtbot, store)
    assert not again.interrupted.isVisible()
