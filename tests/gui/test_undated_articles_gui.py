"""A pile of files without date lines (Timeline17's: numbered files, text only) leaves articles
the pile cannot date. The articles table says which they are, brings them together, and lets
the user date one after another without waiting for each re-reading."""
from __future__ import annotations

from datetime import date

from conftest import make_corpus, shown_window
from PySide6.QtCore import QPoint, Qt

from kerryview.gui import theme
from kerryview.gui.mainwindow.documents import Column
from kerryview.gui.mainwindow.actions import Action
from kerryview.model import DateSource, DateSourceKind, Document
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
        # the pile is dated again: "a" (weekdays and "will leave on July 20" beside b's "In
        # 2021") may be of 2021 or 2023, nothing tells which (decision.rival_ratio): the
        # button counts what is left, and goes when every article has its date
        left = [d.id for d in store.documents() if d.dct is None]
        assert "c" not in left
        assert button.isVisible() == bool(left)
        if left:
            assert button.text() == f"{len(left)} article{'s' if len(left) > 1 else ''} without a date"
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
    w.documents.invalidDate.connect(lambda text, why: refused.append(text))
    try:
        doc = store.document("c")
        for typed in ("Thursday 27 May 2010", "May 27, 2010", "May 2010"):
            monkeypatch.setattr(QInputDialog, "getText", lambda *a, typed=typed, **k: (typed, True))
            w.documents._edit_date(doc)
        assert chosen == [("c", date(2010, 5, 27))] * 2
        assert refused == ["May 2010"]
    finally:
        store.close()


def test_a_date_in_numbers_is_taken_only_when_its_order_is_sure(qtbot, tmp_path, monkeypatch):
    """"05/06/2010" is 5 June in London and May 6 in New York: refused, saying how to write
    it (it was taken as 5 June without a word); "5/27/2010" and "27/05/2010" can only be one
    day (the first was refused); a Guardian page's date line, clock and zone after the date,
    is its day (it was refused)."""
    from PySide6.QtWidgets import QInputDialog
    store = _pile(tmp_path)
    w = shown_window(qtbot, store)
    chosen, refused = [], []
    w.documents.dateChosen.disconnect()
    w.documents.dateChosen.connect(lambda doc_id, day: chosen.append(day))
    w.documents.invalidDate.connect(lambda text, why: refused.append(text))
    try:
        doc = store.document("c")
        for typed in ("05/06/2010", "5/27/2010", "27/05/2010", "05/05/2010",
                      "Friday 28 May 2010 09.48 BST", "31/02/2010"):
            monkeypatch.setattr(QInputDialog, "getText", lambda *a, typed=typed, **k: (typed, True))
            w.documents._edit_date(doc)
        assert chosen == [date(2010, 5, 27), date(2010, 5, 27), date(2010, 5, 5),
                          date(2010, 5, 28)]
        assert refused == ["05/06/2010", "31/02/2010"]
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("05/06/2010", True))
        w.documents._edit_date(doc)
        assert w.statusBar().currentMessage() == (
            "“05/06/2010”: 5 June or May 6? Write the month in words (5 June 2010) or the date "
            "as 2010-06-05")
    finally:
        store.close()


def test_a_date_given_while_the_corpus_is_read_updates_its_row_and_the_count_at_once(
        qtbot, tmp_path):
    """The row of an article dated while a re-reading runs changes in place (dataChanged; it
    was a layoutChanged without its layoutAboutToBeChanged), and the status bar's count of
    undated articles follows at once (it waited for the re-reading)."""
    store = _pile(tmp_path)
    w = shown_window(qtbot, store)
    m = w.documents.model_
    layouts, changed = [], []
    m.layoutChanged.connect(lambda *a: layouts.append(a))
    m.dataChanged.connect(lambda a, b, *r: changed.append((a.row(), b.row())))
    try:
        assert w.status.undated_button.isVisible()
        assert w.set_document_date("a", date(2023, 7, 17))
        assert w.jobs.is_busy()
        changed.clear()
        assert w.set_document_date("c", date(2023, 7, 19))  # kept until the reading ends
        row = w.documents.row_of("c")
        assert changed == [(row, row)] and layouts == []
        assert w.documents.rows()[row][Column.PUBLISHED] == "2023-07-19"
        assert not w.status.undated_button.isVisible()  # was: still "1 article without a date"
        qtbot.waitUntil(lambda: not w.jobs.is_busy() and store.document("c").dct
                        == date(2023, 7, 19), timeout=60000)
    finally:
        w.jobs.cancel()
        w.jobs.wait()
        store.close()


def test_dates_given_while_the_corpus_is_read_are_kept_when_the_window_closes(
        qtbot, bundled_store, monkeypatch):
    """Closed while the re-reading runs, the window stores the date given meanwhile (it was
    shown, then lost), and the next start offers to read the corpus with it."""
    import os

    from PySide6.QtWidgets import QApplication

    from kerryview.gui.mainwindow import MainWindow
    from kerryview.store import store as store_module
    monkeypatch.setattr(QApplication, "quit", lambda *a: None)
    w = MainWindow(bundled_store)
    qtbot.addWidget(w)
    w.show()
    first, second = [d.id for d in bundled_store.documents()][:2]
    assert w.set_document_date(first, date(2023, 7, 26))
    assert w.jobs.is_busy()
    assert w.set_document_date(second, date(2023, 7, 27))
    w.close()  # the reading is asked to stop; the window closes when it has
    qtbot.waitUntil(lambda: not w.jobs.is_busy(), timeout=60000)
    qtbot.waitUntil(lambda: bundled_store.document(second).dct == date(2023, 7, 27),
                    timeout=5000)  # was 2023-07-18: lost
    assert bundled_store.document(second).dct_source == DateSource.set_by_user()
    # as the next start sees it (this process gone): a resolution to finish
    monkeypatch.setattr(store_module, "_process_alive", lambda pid: pid != os.getpid())
    assert bundled_store.resolution_interrupted()


def test_one_outlet_for_all_asks_before_replacing_outlets_and_is_undone(
        qtbot, tmp_path, monkeypatch):
    """Ctrl+A, 'Set outlet of selected articles…', Enter: the outlets the articles already
    carry are not replaced without asking, and Edit > Undo gives them back (it could not)."""
    from PySide6.QtWidgets import QInputDialog, QMessageBox
    store = _pile(tmp_path)
    store.set_document_source("a", title="Envoy in Beijing", outlet="Reuters")
    w = shown_window(qtbot, store)
    try:
        asked = []
        answer = [QMessageBox.StandardButton.Cancel]
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("The Guardian", True))
        monkeypatch.setattr(QMessageBox, "question",
                            lambda *a, **k: (asked.append(a[2]), answer[0])[1])
        w.documents.setFocus()
        w.documents.selectAll()
        assert not w.documents.ask_outlet_of_selected()  # cancelled: nothing changes
        assert "Reuters (1 article)" in asked[0] and "“The Guardian”" in asked[0]
        assert store.document("a").outlet == "Reuters"
        answer[0] = QMessageBox.StandardButton.Yes
        assert w.documents.ask_outlet_of_selected()
        assert {d.outlet for d in store.documents()} == {"The Guardian"}
        w.action(Action.UNDO).trigger()
        assert w.statusBar().currentMessage() == "Undone: Outlet of 3 articles set to The Guardian"
        assert {d.id: d.outlet for d in store.documents()} == {"a": "Reuters", "b": None,
                                                              "c": None}
        assert [r[Column.OUTLET] for r in w.documents.rows()].count("Reuters") == 1
        w.action(Action.REDO).trigger()
        assert {d.outlet for d in store.documents()} == {"The Guardian"}
        # the same outlet again replaces none: not asked
        asked.clear()
        w.documents.selectAll()
        assert w.documents.ask_outlet_of_selected() and asked == []
    finally:
        store.close()


def test_a_publication_date_given_is_undone(qtbot, bundled_store):
    """Edit > Undo after a publication date was given: the date is inferred again and the
    corpus read with it (the date could not be undone); Redo gives it again."""
    from kerryview.gui.mainwindow import MainWindow
    w = MainWindow(bundled_store)
    qtbot.addWidget(w)
    w.show()
    doc = [d.id for d in bundled_store.documents()][1]
    inferred = bundled_store.document(doc).dct
    assert inferred != date(2023, 7, 26)
    with qtbot.waitSignal(w.jobs.finished, timeout=60000):
        assert w.set_document_date(doc, date(2023, 7, 26))
    assert w.edits.stack.undoText().endswith("set to 2023-07-26")
    with qtbot.waitSignal(w.jobs.finished, timeout=60000):
        w.action(Action.UNDO).trigger()
        assert w.statusBar().currentMessage().startswith("Undone: Publication date of ")
    assert bundled_store.document(doc).dct == inferred
    assert bundled_store.document(doc).dct_source.kind is not DateSourceKind.SET_BY_USER
    with qtbot.waitSignal(w.jobs.finished, timeout=60000):
        w.action(Action.REDO).trigger()
    assert bundled_store.document(doc).dct == date(2023, 7, 26)
    assert w.documents.rows()[w.documents.row_of(doc)][Column.PUBLISHED:] == \
        ["2023-07-26", "set by the user"]


def test_an_article_left_undated_because_two_days_compete_says_which_days(qtbot, tmp_path):
    """Dating leaves an article undated when a day two or more from its best is nearly as
    likely (decision.rival_ratio) and says so (dating.inference._not_sure): the articles table
    and the reader give that reason, not the generic "no date line …", which was wrong for
    it (the other articles do point to days: two of them)."""
    docs, events = make_corpus()
    why = ("not found: two days compete, Tuesday 1 June 2010 (16 % of the evidence) and "
           "Tuesday 8 June 2010 (16 %), and nothing in the article or the other articles "
           "tells which")
    torn = Document(id="t", path="/news/1044.txt", title="Shares fall",
                    text="BP shares fell on Tuesday as oil kept leaking.", dct=None,
                    dct_source=DateSource(DateSourceKind.UNKNOWN, why))
    undated = Document(id="c", path="/news/1037.txt", title=None,
                       text="BP said on Tuesday it had capped the well.", dct=None,
                       dct_source=DateSource.unknown())
    store = Store(tmp_path / "pile.kvproj")
    store.save_corpus([docs[0], torn, undated, docs[1]], events)
    w = shown_window(qtbot, store)
    try:
        rows = w.documents.rows()
        how = rows[w.documents.row_of("t")][Column.HOW]
        assert how == ("Two days compete, Tuesday 1 June 2010 (16 % of the evidence) and "
                       "Tuesday 8 June 2010 (16 %), and nothing in the article or the other "
                       "articles tells which: double-click to give it")  # was NO_DATE_HOW
        assert rows[w.documents.row_of("t")][Column.PUBLISHED] == "not found"
        m = w.documents.model_
        cell = m.index(w.documents.row_of("t"), Column.HOW)
        assert m.data(cell, Qt.ItemDataRole.ToolTipRole) == how  # read whole where it is cut
        assert m.data(cell, Qt.ItemDataRole.ForegroundRole) == theme.NEEDS_USER
        # an article dating said nothing more of keeps the usual words
        assert rows[w.documents.row_of("c")][Column.HOW].startswith("no date line")
        # the status bar's "2 articles without a date" says why, reason by reason (its tip
        # said only what an undated article is)
        button = w.status.undated_button
        assert button.text() == "2 articles without a date"
        assert button.toolTip().startswith(
            "Why:\n• 1: nothing in them ties them to a day\n"
            "• 1: two days compete\n\n")
        assert "two days compete" in button.accessibleDescription()
        w.documents.documentClicked.emit("t")
        qtbot.waitUntil(lambda: w.reader.document() is not None
                        and w.reader.document().id == "t")
        header = w.reader.header.text()
        assert "two days compete, Tuesday 1 June 2010" in header
        assert "double-click its Published cell" in header
    finally:
        store.close()


def test_an_inferred_publication_date_is_told_from_a_stated_one(qtbot, tmp_path):
    """Most articles of a pile without date lines get their publication date from the other
    articles: the table shows such a date in italics, says so to a screen reader and in its
    tip, and the column's header tip explains the italics (it looked like a stated date)."""
    docs, events = make_corpus()  # "b" is inferred, "a" set by the user
    docs[0].dct_source = DateSource(DateSourceKind.STATED_IN_TEXT, "stated in the article")
    store = Store(tmp_path / "pile.kvproj")
    store.save_corpus(docs, events)
    w = shown_window(qtbot, store)
    try:
        m = w.documents.model_
        stated = m.index(w.documents.row_of("a"), Column.PUBLISHED)
        inferred = m.index(w.documents.row_of("b"), Column.PUBLISHED)
        font = m.data(inferred, Qt.ItemDataRole.FontRole)
        assert font is not None and font.italic()
        assert m.data(stated, Qt.ItemDataRole.FontRole) is None
        assert m.data(inferred, Qt.ItemDataRole.DisplayRole) == "2023-07-18"
        assert m.data(inferred, Qt.ItemDataRole.AccessibleTextRole) == "2023-07-18, inferred"
        assert m.data(stated, Qt.ItemDataRole.AccessibleTextRole) == "2023-07-18"
        assert m.data(inferred, Qt.ItemDataRole.ToolTipRole).startswith(
            "Inferred, not written in the article: inferred: from")
        assert "italics" in m.headerData(Column.PUBLISHED, Qt.Orientation.Horizontal,
                                         Qt.ItemDataRole.ToolTipRole)
    finally:
        store.close()


def test_each_reason_is_summed_up_by_its_whole_kind():
    """The status bar's summary of why articles are undated names each reason's kind whole: a
    wire dateline's sentence, whose particulars come inside it, is not cut to "its wire
    dateline" (documents._reason_family)."""
    from kerryview.gui.mainwindow.documents import _reason_family

    wire = ("its wire dateline “GENEVA, June 12 (Reuters) -” gives the day, 12 June, but not "
            "the year: nothing in the article or the pile names one")
    assert _reason_family(wire) == "its wire dateline gives the day but not the year"
    assert _reason_family("two days compete, Tuesday 1 June 2010 (16 % of the evidence)") == \
        "two days compete"
    assert _reason_family("the evidence is spread over many days; the likeliest, …") == \
        "the evidence is spread over many days"
    assert _reason_family("") == "nothing in them ties them to a day"


def test_the_how_cell_is_made_once_per_row_and_anew_when_its_date_changes(qtbot, monkeypatch):
    """The view asks the "How the date was found" cell for several roles of every row it
    paints: the sentence is made once per row (documents._Row.how), and again when the row's
    date or its source changes (a date given, or inferred again)."""
    from kerryview.gui.mainwindow import documents as dm

    made = []
    real = dm.name_sources_in
    monkeypatch.setattr(dm, "name_sources_in", lambda s, names: made.append(s) or real(s, names))
    docs, _ = make_corpus()
    m = dm.DocumentsModel()
    m.set_documents(docs, {})
    cell = m.index(0, Column.HOW)
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
             Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DisplayRole)
    said = {m.data(cell, role) for role in roles}
    assert len(said) == 1 and len(made) == 1
    m.document(0).dct_source = DateSource(DateSourceKind.SET_BY_USER, "set by the user")
    assert m.data(cell, Qt.ItemDataRole.DisplayRole) == "set by the user" and len(made) == 2
    m.document(0).dct, m.document(0).dct_source = None, DateSource.unknown()
    assert "double-click" in m.data(cell, Qt.ItemDataRole.DisplayRole)
