"""The documents table: every article by its outlet and headline, with its publication date and
how that date was found. The user corrects an outlet or a headline in place (setData), a date by
double-clicking it (or the context menu), and removes an article (Delete, or the context menu).
An article whose date was not found says so where its date would be, in the colour of what
waits for the user, and a click on a column's header sorts by it (the dates: the undated first),
so that in a pile of files without date lines the ones to fix stand together.

Model/view: DocumentsModel holds the rows, DocumentsList is the view with its actions; edits go
out as signals and come back through set_documents once the window has stored them.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHeaderView, QInputDialog,
                               QMessageBox, QTreeView)

from kerryview.gui import theme
from kerryview.model import DateSourceKind, Document
from kerryview.sources import distinct_names, file_label, name_sources_in, source_title
from kerryview.text.phrasing import count_words

IdRole = Qt.ItemDataRole.UserRole


class Column(IntEnum):
    OUTLET = 0
    HEADLINE = 1
    PUBLISHED = 2
    HOW = 3


HEADERS = {Column.OUTLET: "Outlet", Column.HEADLINE: "Headline", Column.PUBLISHED: "Published",
           Column.HOW: "How the date was found"}
EDITABLE = (Column.OUTLET, Column.HEADLINE)
# An article with no publication date: what its date cells say (its events told in relative
# words, "on Tuesday", "last week", cannot be put on the timeline until it has one).
NO_DATE = "not found"
PUBLISHED_TIP = ("The day each article was published: in italics when the article does not "
                 "write it and it was inferred from the other articles and its own dates, with "
                 "how sure it is: high (within a day of the right day about nine times in ten), "
                 "medium (about three times in four), low (about half the time or less)")
NO_DATE_HOW = "no date line, and the other articles do not date it: double-click to give it"


# An undated article dating said no more of: nothing of its own ties it to a day (no date
# line, no date or weekday the other articles place; the status bar's summary of why)
NO_DATE_WHY = "nothing in them ties them to a day"
_PARTICULARS = re.compile(r",|;| \(| “")  # where a reason's particulars begin
# a reason whose particulars come inside its sentence ("its wire dateline “GENEVA, June 12
# (Reuters) -” gives the day, ..., but not the year"): its kind said whole
_FAMILY_OF_OPENING = {"its wire dateline": "its wire dateline gives the day but not the year"}


def _reason_family(why: str) -> str:
    """The kind of reason a why_undated sentence gives, without its days and shares."""
    if not why:
        return NO_DATE_WHY
    opening = _PARTICULARS.split(why, 1)[0].strip()
    return _FAMILY_OF_OPENING.get(opening, opening)


@dataclass
class _Row:
    doc: Document
    passages: int
    # its "How the date was found" cell, made once (the view asks it for several roles of every
    # row it paints, a sort for every row), with the date and source it was made for: a date
    # given or inferred again makes it anew
    how: str | None = None
    how_of: tuple = ()


# a day written in numbers only, day and month in either order: 27/05/2010, 5/27/2010, 05.06.2010
_NUMERIC_DAY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")


def typed_day(text: str) -> date | None:
    """The day `text` names, written as a page or a person writes it ("Thursday 27 May 2010",
    "May 27, 2010", "2010-05-27"; the Go to field's reading, search.parse_date), with the
    clock time and zone of a page's date line after it ("Friday 28 May 2010 09.48 BST": the
    date-line reader's, dating.datelines.read_dateline), or None: not a date, not one day
    ("May 2010", "27 May" without its year), or one written in numbers whose order is not
    sure ("05/06/2010": 5 June in Europe, May 6 in the US; 27/05/2010 and 5/27/2010 are
    sure: a month has no 27th).  day_refused says why."""
    from kerryview.dating.datelines import read_dateline
    from kerryview.gui.search import parse_date
    from kerryview.gui.timeline import axis as ta
    s = " ".join(text.split())
    try:
        return date.fromisoformat(s)
    except ValueError:
        pass
    if m := _NUMERIC_DAY.fullmatch(s):
        a, b, year = int(m[1]), int(m[3]), int(m[4])
        if a <= 12 and b <= 12 and a != b:
            return None  # which is the month? (day_refused asks for it in words)
        day, month = (a, b) if a > 12 or a == b else (b, a)
        try:
            return date(year, month, day)
        except ValueError:
            return None
    q = parse_date(s)
    if q is not None and q.has_year and q.end - q.start == 86400:
        return ta.to_datetime(q.start).date()
    line = read_dateline(s)  # the day of a date line that is all of what was typed
    return line.value if line is not None and (line.start, line.end) == (0, len(s)) else None


def day_refused(text: str) -> str:
    """Why typed_day refuses `text`, as the status bar says it."""
    s = " ".join(text.split())
    m = _NUMERIC_DAY.fullmatch(s)
    if m and int(m[1]) <= 12 and int(m[3]) <= 12 and int(m[1]) != int(m[3]):
        from calendar import month_name
        a, b, year = int(m[1]), int(m[3]), int(m[4])
        return (f"“{s}”: {a} {month_name[b]} or {month_name[a]} {b}? Write the month in words "
                f"({a} {month_name[b]} {year}) or the date as {year}-{b:02d}-{a:02d}")
    return f"“{s}” is not one day: write it as 27 May 2010, May 27, 2010 or 2010-05-27"


class DocumentsModel(QAbstractTableModel):
    """One row per article. Signals: sourceEdited(doc_id, title, outlet) when the user changes
    an outlet or a headline (the model shows it at once; the window stores it)."""

    sourceEdited = Signal(str, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._sorted: tuple[int, Qt.SortOrder] | None = None  # (column, order) the user chose
        self._names: dict[str, str] = {}  # doc id -> source name, in "how the date was found"
        self._flags: dict[int, Qt.ItemFlag] = {}  # column -> its items' flags (flags)
        self._italic: QFont | None = None  # an inferred publication date's font

    def set_documents(self, docs: list[Document], passages: dict[str, int],
                      shown: set[str] | frozenset[str] | None = None,
                      names: Mapping[str, str] | None = None) -> None:
        """One row per article of `docs` whose id is in `shown` (all of them for None: the
        stories chosen in the Stories list filter the table as they filter the timeline);
        sources are named as the whole project tells them apart (`names`: their
        distinct_names, computed here if not given)."""
        self.beginResetModel()
        self._rows = [_Row(d, passages.get(d.id, 0)) for d in docs
                      if shown is None or d.id in shown]
        self._names = distinct_names({d.id: d for d in docs}) if names is None else names
        if self._sorted is not None:
            column, order = self._sorted
            self._rows.sort(key=self._sort_key(column),
                            reverse=order == Qt.SortOrder.DescendingOrder)
        self.endResetModel()

    def _how(self, row: _Row) -> str:
        """How the date was found, naming the other articles by source, not by file (made
        once per row for its date and source: _Row.how)."""
        d = row.doc
        if row.how is None or row.how_of[0] != d.dct or row.how_of[1] is not d.dct_source:
            row.how, row.how_of = self._how_text(d), (d.dct, d.dct_source)
        return row.how

    def _how_text(self, d: Document) -> str:
        if d.dct is None:  # why, when dating says it (two days compete): else the usual
            why = d.dct_source.why_undated
            return f"{why[:1].upper()}{why[1:]}: double-click to give it" if why else NO_DATE_HOW
        return name_sources_in(str(d.dct_source or "unknown"), self._names)

    def undated_reasons(self) -> list[tuple[str, int]]:
        """Why the rows without a publication date have none, each reason with how many it
        leaves undated, the commonest first: the reason dating gave (DateSource.why_undated)
        up to its particulars ("two days compete, Tuesday 1 June …" -> "two days compete"),
        else NO_DATE_WHY. Their counts add up to the rows without a date (one walk gives both
        the status bar's count and its reasons)."""
        said = Counter(_reason_family(r.doc.dct_source.why_undated)
                       for r in self._rows if r.doc.dct is None)
        return sorted(said.items(), key=lambda kv: (-kv[1], kv[0]))

    def _sort_key(self, column: int):
        """The key a column sorts by: the dates as dates (the undated first: they are the ones
        to fix), the texts alphabetically (empty cells last)."""
        if column == Column.PUBLISHED:
            return lambda r: (r.doc.dct is not None, r.doc.dct or date.min)
        col = Column(column)

        def text(r: _Row) -> tuple[bool, str]:
            d = r.doc
            t = {Column.OUTLET: d.outlet, Column.HEADLINE: d.title}.get(col, None)
            t = self._how(r) if col is Column.HOW else (t or "")
            return not t, t.casefold()
        return text

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by a column (a click on its header); selections follow their rows,
        and the rows stay in that order when the project changes (set_documents)."""
        if not 0 <= column < len(Column):
            return
        self._sorted = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = {id(r): i for i, r in enumerate(self._rows)}
        self._rows.sort(key=self._sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        moved = {old[id(r)]: i for i, r in enumerate(self._rows)}
        for idx in self.persistentIndexList():
            self.changePersistentIndex(idx, self.index(moved.get(idx.row(), idx.row()), idx.column()))
        self.layoutChanged.emit()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[Column(section)]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole \
                and section == Column.PUBLISHED:
            return PUBLISHED_TIP
        return None

    def document(self, row: int) -> Document | None:
        return self._rows[row].doc if 0 <= row < len(self._rows) else None

    def row_of(self, doc_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.doc.id == doc_id), -1)

    def documents_changed(self, doc_ids: list[str]) -> None:
        """The rows of these articles show what their documents hold now (a date given while
        the corpus is read: the rows stay where they are)."""
        ids = set(doc_ids)
        for i, r in enumerate(self._rows):
            if r.doc.id in ids:
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(Column) - 1))

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        """Worked out once per column: the view asks them of every row at each reset (20,000
        calls for 10,000 articles)."""
        if not index.isValid():
            return super().flags(index)
        col = index.column()
        found = self._flags.get(col)
        if found is None:
            found = super().flags(index)
            if col in EDITABLE:
                found |= Qt.ItemFlag.ItemIsEditable
            self._flags[col] = found
        return found

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], Column(index.column())
        d = row.doc
        if role == IdRole:
            return d.id
        if role == Qt.ItemDataRole.EditRole:
            return {Column.OUTLET: d.outlet or "", Column.HEADLINE: d.title or ""}.get(col)
        inferred = col is Column.PUBLISHED and d.dct is not None \
            and d.dct_source.kind is DateSourceKind.INFERRED  # (only its column says so)
        sure = d.dct_source.sureness if inferred else None  # "low": said with the date
        if role == Qt.ItemDataRole.AccessibleTextRole and col is Column.PUBLISHED and inferred:
            # what the italics say to the eye
            return f"{d.dct.isoformat()}, inferred" + (f", how sure: {sure}" if sure else "")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col is Column.OUTLET:
                return d.outlet or "—"
            if col is Column.HEADLINE:
                return d.title or f"(no headline: article {file_label(d)})"
            if col is Column.PUBLISHED:
                return (d.dct.isoformat() + (f" ({sure})" if sure else "")) if d.dct else NO_DATE
            return self._how(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col in EDITABLE:
                return (f"{source_title(d)}\n{count_words(row.passages, 'passage')} on the timeline\n"
                        f"File: {d.path}\nDouble-click or F2 to correct it")
            if col is Column.PUBLISHED and inferred:
                return (f"Inferred, not written in the article"
                        f"{f' (how sure: {sure})' if sure else ''}: {self._how(row)}\n"
                        "Double-click to correct the publication date")
            if col is Column.PUBLISHED:
                return ("Double-click to correct the publication date" if d.dct else
                        "No publication date: its events told in relative words (“on Tuesday”, "
                        "“last week”) wait for one. Double-click to give it")
            return self._how(row)
        if role == Qt.ItemDataRole.FontRole and col is Column.PUBLISHED and inferred:
            if self._italic is None:  # the application's font, in italics
                self._italic = QFont(QApplication.font())
                self._italic.setItalic(True)
            return self._italic  # a date the pile gave it, not one it states: read with care
        if role == Qt.ItemDataRole.ForegroundRole:
            if col in EDITABLE and not (d.outlet if col is Column.OUTLET else d.title):
                return theme.PLACEHOLDER
            if col in (Column.PUBLISHED, Column.HOW) and d.dct is None:
                return theme.NEEDS_USER
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in EDITABLE:
            return False
        d = self._rows[index.row()].doc
        text = " ".join(str(value or "").split()) or None
        title, outlet = d.title, d.outlet
        if index.column() == Column.OUTLET:
            outlet = text
        else:
            title = text
        if (title, outlet) == (d.title, d.outlet):
            return False
        d.title, d.outlet = title, outlet
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(Column) - 1))
        self.sourceEdited.emit(d.id, title, outlet)
        return True


class DocumentsList(QTreeView):
    """Signals: documentClicked(doc_id); dateChosen(doc_id, date or None) when the user sets a
    publication date (None: infer it again); invalidDate(text, why) when what they typed is not one;
    sourceEdited(doc_id, title, outlet); outletChosen(doc_ids, outlet) when the user gives the
    selected articles one outlet (a folder of one paper's articles whose text names none);
    removeRequested(doc_ids) once the user confirmed."""

    documentClicked = Signal(str)
    dateChosen = Signal(str, object)
    invalidDate = Signal(str, str)  # (what was typed, why it is not a day: day_refused)
    sourceEdited = Signal(str, object, object)
    outletChosen = Signal(list, object)  # (doc ids, outlet or None): one outlet for many
    removeRequested = Signal(list)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("documentsList")
        self.setAccessibleName("Articles")
        self.setAccessibleDescription(
            "Every article of the project: outlet, headline, publication date and how it was "
            "found. F2 corrects an outlet or headline, Enter on the date corrects it, Delete "
            "removes the article.")
        self.model_ = DocumentsModel(self)
        self.setModel(self.model_)
        self.model_.sourceEdited.connect(self.sourceEdited)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked)
        hdr = self.header()
        # a click on a header sorts by it; until then the rows keep the project's order
        hdr.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        hdr.setSortIndicatorShown(True)
        hdr.setStretchLastSection(True)
        hdr.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # at the window's default size the last header, "How the date was found", is read
        # whole (with a 300-pixel headline column it was cut to "How the date was")
        self.setColumnWidth(Column.OUTLET, 90)
        self.setColumnWidth(Column.HEADLINE, 200)
        self.setColumnWidth(Column.PUBLISHED, 140)  # "2010-06-08 (medium)": an inferred date
        # says how sure it is
        self.clicked.connect(self._clicked)
        self.doubleClicked.connect(self._double_clicked)
        self.activated.connect(self._clicked)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.edit_source_action = QAction("Correct outlet or headline", self, shortcut="F2",
                                          triggered=self._edit_current_source)
        self.edit_source_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action = QAction("Remove article from project…", self,
                                     triggered=self.confirm_remove)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.set_outlet_action = QAction("Set outlet of selected articles…", self,
                                         triggered=self.ask_outlet_of_selected)
        self.addActions([
            self.edit_source_action,
            self.set_outlet_action,
            QAction("Set publication date…", self,
                    triggered=lambda: self._edit_date(self.current_document())),
            QAction("Infer publication date again", self,
                    triggered=lambda: self._infer_again(self.current_document())),
            self.remove_action,
        ])
        self.read_only = False

    # -- contents ----------------------------------------------------------------------------
    def set_documents(self, docs: list[Document], passages: dict[str, int],
                      shown: set[str] | frozenset[str] | None = None,
                      names: Mapping[str, str] | None = None) -> None:
        """Show `docs` (only those in `shown`, unless None); `passages[doc id]` is how many
        of its passages are on the timeline; `names` the sources' distinct_names."""
        current = self.current_document()
        self.model_.set_documents(docs, passages, shown, names)
        if current is not None:
            self.select(current.id)

    def rows(self) -> list[list[str]]:
        """What the table shows, row by row (for tests and the accessibility tree)."""
        m = self.model_
        return [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]

    def row_of(self, doc_id: str) -> int:
        return self.model_.row_of(doc_id)

    def select(self, doc_id: str) -> None:
        row = self.model_.row_of(doc_id)
        if row >= 0:
            self.setCurrentIndex(self.model_.index(row, 0))

    def current_document(self) -> Document | None:
        idx = self.currentIndex()
        return self.model_.document(idx.row()) if idx.isValid() else None

    def selected_documents(self) -> list[Document]:
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()}) if \
            self.selectionModel() else []
        docs = [d for r in rows if (d := self.model_.document(r)) is not None]
        cur = self.current_document()
        return docs or ([cur] if cur is not None else [])

    # -- user actions --------------------------------------------------------------------------
    def _clicked(self, index: QModelIndex) -> None:
        doc = self.model_.document(index.row())
        if doc is not None:
            self.documentClicked.emit(doc.id)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() in EDITABLE:
            self.edit(index)
        else:
            self._edit_date(self.model_.document(index.row()))

    def _edit_current_source(self) -> None:
        idx = self.currentIndex()
        if idx.isValid():
            col = idx.column() if idx.column() in EDITABLE else Column.HEADLINE
            self.edit(self.model_.index(idx.row(), col))

    def keyPressEvent(self, e) -> None:  # noqa: N802
        """Enter on the date column corrects the date (elsewhere it opens the article); Delete
        removes the selected articles, after asking."""
        idx = self.currentIndex()
        if e.key() == Qt.Key.Key_Delete and self.state() != self.State.EditingState:
            self.confirm_remove()
            return
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and idx.isValid() and \
                idx.column() in (Column.PUBLISHED, Column.HOW) and self.state() != self.State.EditingState:
            self._edit_date(self.model_.document(idx.row()))
            return
        super().keyPressEvent(e)

    def _edit_date(self, doc: Document | None, *_args) -> None:
        if doc is None:
            return
        current = doc.dct.isoformat() if doc.dct else ""
        text, ok = QInputDialog.getText(
            self, "Publication date", f"Publication date of {source_title(doc)} "
            "(as the article or your notes write it: 27 May 2010, May 27, 2010, 2010-05-27):",
            text=current)
        if not ok or text.strip() == current:
            return
        value = typed_day(text)
        if value is None:
            self.invalidDate.emit(text.strip(), day_refused(text))
            return
        self.dateChosen.emit(doc.id, value)

    def ask_outlet_of_selected(self) -> bool:
        """Ask for one outlet and give it to every selected article (Ctrl+A: all of them):
        a folder of numbered files from one paper names its outlet in none of them."""
        docs = self.selected_documents()
        if not docs:
            return False
        known = Counter(d.outlet for d in docs if d.outlet)
        text, ok = QInputDialog.getText(
            self, "Outlet", f"Outlet of the {count_words(len(docs), 'selected article')} "
            "(empty: none):", text=known.most_common(1)[0][0] if known else "")
        if not ok:
            return False
        outlet = " ".join(text.split()) or None
        if not self._confirm_replace_outlets(docs, outlet):
            return False
        self.outletChosen.emit([d.id for d in docs], outlet)
        return True

    def _confirm_replace_outlets(self, docs: list[Document], outlet: str | None) -> bool:
        """Ask before an outlet the articles already carry (found in them, or typed) gives
        way to another: Ctrl+A then Enter would otherwise rename every source at once."""
        replaced = Counter(d.outlet for d in docs if d.outlet and d.outlet != outlet)
        if not replaced:
            return True
        n = sum(replaced.values())
        names = "\n".join(f"• {name} ({count_words(k, 'article')})"
                          for name, k in replaced.most_common(8))
        more = f"\n…and {len(replaced) - 8} more" if len(replaced) > 8 else ""
        new = f"“{outlet}”" if outlet else "no outlet"
        answer = QMessageBox.question(
            self, "Replace outlets",
            f"Give {new} to {count_words(n, 'article')} that already name another outlet?"
            f"\n\n{names}{more}\n\nEdit › Undo puts their outlets back.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _infer_again(self, doc: Document | None) -> None:
        if doc is not None:
            self.dateChosen.emit(doc.id, None)

    def confirm_remove(self) -> bool:
        """Ask, then ask the window to remove the selected articles (removeRequested)."""
        docs = self.selected_documents()
        if not docs:
            return False
        names = "\n".join(f"• {source_title(d)}" for d in docs[:8])
        more = f"\n…and {len(docs) - 8} more" if len(docs) > 8 else ""
        what = "this article" if len(docs) == 1 else f"these {len(docs)} articles"
        answer = QMessageBox.question(
            self, "Remove from project",
            f"Remove {what} from the project?\n\n{names}{more}\n\nIts events are worked out "
            "again from the other articles; your marks and corrections are kept. The file on "
            "disk is not touched.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.removeRequested.emit([d.id for d in docs])
        return True
