"""A user corrects a publication date; the correction persists and the corpus follows it."""
from __future__ import annotations

from datetime import date

from kerryview.gui.mainwindow import MainWindow
from kerryview.model import DateSource
from kerryview.store import Store

DOC = "002_01f688c705b21cc2"


def _row(w: MainWindow, doc_id: str) -> list[str]:
    """What the documents table shows for `doc_id`: outlet, headline, published, how."""
    return w.documents.rows()[w.documents.row_of(doc_id)]

def _tuesday_value(store: Store) -> str:
    return next(e.value for e in store.events() for m in e.mentions
                if m.document_id == DOC and m.timex.text == "Tuesday")

def test_set_publication_date_persists_and_re_resolves(qtbot, bundled_store):
    w = MainWindow(bundled_store)
    qtbot.addWidget(w)
    w.show()
    assert _tuesday_value(bundled_store) == "2023-07-18"
    with qtbot.waitSignal(w.jobs.finished, timeout=30000):
        assert w.set_document_date(DOC, date(2023, 7, 26))  # a Wednesday
    # "told ... on Tuesday" now means the Tuesday before the 26th
    assert _tuesday_value(bundled_store) == "2023-07-25"
    assert _row(w, DOC)[2:] == ["2023-07-26", "set by the user"]
    # reopening the database keeps the user's date
    again = Store(bundled_store.path)
    assert again.document(DOC).dct == date(2023, 7, 26)
    assert again.document(DOC).dct_source == DateSource.set_by_user()
    # and it can be handed back to inference
    with qtbot.waitSignal(w.jobs.finished, timeout=30000):
        assert w.set_document_date(DOC, None)
    assert bundled_store.document(DOC).dct == date(2023, 7, 18)
    assert _row(w, DOC)[3].startswith("date taken from the other articles")
