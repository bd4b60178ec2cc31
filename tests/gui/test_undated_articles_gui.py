"""A pile of files without date lines (Timeline17's: numbered files, text only) leaves articles
the pile cannot date. The articles table says which they are, brings them together, and lets
the user date one after another without waiting for each re-reading."""
from __future__ import annotations

from datetime import date

from conftest import make_corpus, shown_window
from PySide6.QtCore import QPoint, Qt

from kerryview.gui import theme
from kerryview.gui.mainwindow.documents import Column
from kerryview.model import DateSource, Document
from kerryview.store import Store


def _pile(tmp_path):
    docs, events = make_corpus()
    undated = Document(id="c", path="/news/1037.txt", title=None,
                       text="BP said on Tuesday it had capped the well.", dct=None,
                       dct_source=DateSource.unknown())
    store = Store(tmp_path / "pile.kvproj")
    store.save_corpus([docs[0], undated, docs[1]], events)
    return store


def test_an_undated_article_says_so_in_the_colour_of_what_waits_for_the_user(qtbot, tmp_path):
    store = _pile(tmp_path)
    w = shown_window(qtbot, store)
    try:
        rows = w.documents.rows()
        row = w.documents.row_of("c")
        assert rows[row][Column.PUBLISHED] == "not found"  # was "unknown", as the How column
        assert "double-click" in rows[row][Column.HOW]
        m = w.documents.model_
        for col in (Column.PUBLISHED, Column.HOW):
            colour = m.data(m.index(row, col), Qt.ItemDataRole.ForegroundRole)
            assert colour == theme.NEEDS_USER
        dated = w.documents.row_of("a")
        assert m.data(m.index(dated, Column.PUBLISHED), Qt.ItemDataRole.ForegroundRole) is None
    finally:
        store.close()


def test_a_click_on_the_published_header_brings_the_undated_articles_first(qtbot, tmp_path):
    store = _pile(tmp_path)
    w = shown_window(qtbot, store)
    try:
        assert [r[Column.PUBLISHED] for r in w.documents.rows()][0] != "not found"  # file order
        header = w.documents.header()
        assert w.documents.isSortingEnabled()  # was False: a click on a header did nothing
        x = header.sectionViewportPosition(Column.PUBLISHED) + header.sectionSize(Column.PUBLISHED) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        assert [r[Column.PUBLISHED] for r in w.documents.rows()] == \
            ["not found", "2023-07-18", "2023-07-18"]
        # the order holds when the project is shown again (after an edit, an import)
        w.reload()
        assert w.documents.rows()[0][Column.PUBLISHED] == "not found"
    finally:
        store.close()


def test_dates_given_while_the_corpus_is_read_again_are_kept_and_read_together(qtbot, bundled_store):
    """Dating undated articles one after another: the second date, given while the first
    one's re-reading runs, is shown at once and read with the next reading (it was refused:
    "Wait for the running import to finish")."""
    from kerryview.gui.mainwindow import MainWindow
    w = MainWindow(bundled_store)
    qtbot.addWidget(w)
    w.show()
    first, second = [d.id for d in bundled_store.documents()][:2]
    with qtbot.waitSignal(w.jobs.finished, timeout=60000):
        assert w.set_document_date(first, date(2023, 7, 26))
        assert w.jobs.is_busy()
        assert w.set_document_date(second, date(2023, 7, 27))  # was False
        assert w.documents.rows()[w.documents.row_of(second)][Column.PUBLISHED] == "2023-07-27"
    # the first reading ended; the kept date is stored and read again
    qtbot.waitUntil(lambda: not w.jobs.is_busy() and bundled_store.document(second).dct
                    == date(2023, 7, 27), timeout=60000)
    qtbot.waitUntil(lambda: not w.jobs.is_busy(), timeout=60000)
    assert bundled_store.document(first).dct == date(2023, 7, 26)
    assert w.documents.rows()[w.documents.row_of(second)][Column.PUBLISHED:] == \
        ["2023-07-27", "set by the user"]


def test_the_selected_articles_get_one_outlet_at_once(qtbot, tmp_path, monkeypatch):
    """A folder of one paper's numbered files names the paper in none of them: Ctrl+A in the
    articles table, then 'Set outlet of selected articles…', gives it to all."""
    from PySide6.QtWidgets import QInputDialog
    store = _pile(tmp_path)
    w = shown_window(qtbot, store)
    try:
        asked = []
        monkeypatch.setattr(QInputDialog, "getText",
                            lambda *a, **k: (asked.append(a[2]), ("The Guardian", True))[1])
        w.documents.setFocus()
        w.documents.selectAll()
        action = next(a for a in w.documents.actions() if a.text().startswith("Set outlet"))
        action.trigger()  # was: no such action, one outlet typed per row
        assert asked == ["Outlet of the 3 selected articles (empty: none):"]
        assert [r[Column.OUTLET] for r in w.documents.rows()] == ["The Guardian"] * 3
        assert {d.outlet for d in store.documents()} == {"The Guardian"}
        assert [d.title for d in store.documents()].count("Envoy in Beijing") == 1  # kept
    finally:
        store.close()


def test_the_status_bar_counts_the_undated_articles_and_shows_them_on_a_click(qtbot, tmp_path):
    store = _pile(tmp_path)
    w = shown_window(qtbot, store)
    try:
        button = w.status.undated_button  # was: nothing said how many had no date
        assert button.isVisible() and button.text() == "1 article without a date"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert w.documents.rows()[0][Column.PUBLISHED] == "not found"
        assert w.documents.current_document().id == "c"
        assert w.reader.document() is not None and w.reader.document().id == "c"  # to read it
        with qtbot.waitSignal(w.jobs.finished, timeout=60000):
            assert w.set_document_date("c", date(2023, 7, 19))
        assert not button.isVisible()  # every article has its date
    finally:
        w.jobs.cancel()
        w.jobs.wait()
        store.close()


def test_a_publication_date_is_typed_as_the_article_writes_it(qtbot, tmp_path, monkeypatch):
    """The user reads "Thursday 27 May 2010" in the article and types it: it is that day
    (it was refused: "YYYY-MM-DD" only); a month alone is no publication date."""
    from PySide6.QtWidgets import QInputDialog
    store = _pile(tmp_path)
    w = shown_window(qtbot, store)
    chosen, refused = [], []
    w.documents.dateChosen.disconnect()
    w.documents.dateChosen.connect(lambda doc_id, day: chosen.append((doc_id, day)))
    w.documents.invalidDate.connect(refused.append)
    try:
        doc = store.document("c")
        for typed in ("Thursday 27 May 2010", "May 27, 2010", "May 2010"):
            monkeypatch.setattr(QInputDialog, "getText", lambda *a, typed=typed, **k: (typed, True))
            w.documents._edit_date(doc)
        assert chosen == [("c", date(2010, 5, 27))] * 2
        assert refused == ["May 2010"]
    finally:
        store.close()
