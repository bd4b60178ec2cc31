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


_PAGE = ('<html><head><title>{title}</title><meta property="article:published_time" '
         'content="{day}T08:00:00Z"></head><body><article><h1>{title}</h1><p>{body}</p>'
         '</article></body></html>')


def _dated_pages(tmp_path):
    """A project of two pages, one dated by its metadata and one by its wire dateline's day
    (filed two days before the page); their ids, dates and sources by file name."""
    from kerryview.pipeline import import_into_store
    pages = {
        "wire.html": _PAGE.format(title="Trade talks held", day="2013-03-14", body=(
            "WASHINGTON, March 12 (Xinhua) -- Chinese and U.S. officials held talks on trade "
            "on Tuesday, a spokesman said.")),
        "page.html": _PAGE.format(title="Trade deal signed", day="2013-03-20", body=(
            "Chinese and U.S. officials signed a trade deal on Wednesday, a spokesman said.")),
    }
    for name, html in pages.items():
        (tmp_path / name).write_text(html, encoding="utf-8")
    store = Store(tmp_path / "p.kvproj")
    import_into_store(store, [tmp_path / n for n in pages])
    return store, {d.path.rsplit("/", 1)[-1]: (d.id, d.dct, d.dct_source) for d in store.documents()}


def _dated_pages_shown(qtbot, tmp_path):
    """_dated_pages, checked (the wire page filed on 12 March, the other dated by its metadata),
    in a main window shown."""
    from kerryview.model import DateSourceKind
    store, before = _dated_pages(tmp_path)
    assert before["wire.html"][1] == date(2013, 3, 12)
    assert before["wire.html"][2].kind is DateSourceKind.FILED_PER_DATELINE
    assert before["page.html"][2].kind is DateSourceKind.PAGE_METADATA
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    return store, before, w


def test_undoing_a_date_given_to_a_page_dated_by_its_metadata_or_dateline_gives_it_back(
        qtbot, tmp_path):
    """The page's date (its metadata's, or its wire dateline's day) is not found again by a
    reading once the user's date replaced it: the undo gives it back, with its source."""
    store, before, w = _dated_pages_shown(qtbot, tmp_path)
    for doc_id, day, source in before.values():
        with qtbot.waitSignal(w.jobs.finished, timeout=30000):
            assert w.set_document_date(doc_id, date(2013, 3, 25))
        assert store.document(doc_id).dct_source == DateSource.set_by_user()
        with qtbot.waitSignal(w.jobs.finished, timeout=30000):
            w.undo()
        assert (store.document(doc_id).dct, store.document(doc_id).dct_source) == (day, source)
        assert (w.docs[doc_id].dct, w.docs[doc_id].dct_source) == (day, source)


def test_inferring_again_the_date_of_a_page_dated_by_its_metadata_or_dateline_finds_it_again(
        qtbot, tmp_path):
    """'Infer publication date again' re-reads what the page declared: its metadata's date,
    or its wire dateline's day, is read, not a guess. Also after the user dated it, and in a
    project opened again."""
    store, before, w = _dated_pages_shown(qtbot, tmp_path)
    for doc_id, day, source in before.values():
        with qtbot.waitSignal(w.jobs.finished, timeout=30000):
            assert w.set_document_date(doc_id, None)  # straight away
        assert (store.document(doc_id).dct, store.document(doc_id).dct_source) == (day, source)
        with qtbot.waitSignal(w.jobs.finished, timeout=30000):
            assert w.set_document_date(doc_id, date(2013, 3, 25))
        with qtbot.waitSignal(w.jobs.finished, timeout=30000):
            assert w.set_document_date(doc_id, None)  # after the user's date
        assert (store.document(doc_id).dct, store.document(doc_id).dct_source) == (day, source)
        assert (w.docs[doc_id].dct, w.docs[doc_id].dct_source) == (day, source)
    again = Store(store.path)
    assert {d.id: (d.dct, d.dct_source) for d in again.documents()} == \
        {i: (day, source) for i, day, source in before.values()}
