"""The find bar (Edit › Find, Ctrl+F): a search box and filters above the timeline, and the
list of events found beside it. What matches is kerryview.gui.search's (no Qt); this module is
the widgets and the keys.

Keys: typing searches as you type (after a short pause); Enter or Down moves into the results;
Up from the first result goes back to the box; selecting a result selects its event on the
timeline (eventChosen), Enter on a result opens its first passage (eventActivated); Escape
closes the bar (closed) and the window gives the timeline its focus back.
"""
from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit,
                               QListView, QToolButton, QVBoxLayout, QWidget)

from kerryview.gui.findmodel import EventRowRole, FindResultsModel
from kerryview.gui.models import document_title
from kerryview.gui.search import MARKS, STATUSES, Filters, SearchIndex, parse_date, parse_query
from kerryview.gui.timeline.index import TimelineIndex
from kerryview.model import Document, Event

DEBOUNCE_MS = 180  # typing pauses this long before the search runs
BAD_FIELD_STYLE = "QLineEdit { border: 2px solid #dc2626; }"


class FindBar(QWidget):
    """Signals: matchesChanged(rows or None) when what the timeline should highlight changes
    (None: no search active); eventChosen(row) when a result is selected; eventActivated(row) on
    Enter or double-click on a result; closed() when Escape or × closes the bar."""

    matchesChanged = Signal(object)
    eventChosen = Signal(int)
    eventActivated = Signal(int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Find")
        self.setAccessibleDescription("Search the events and filter them; the events found are "
                                      "listed and highlighted on the timeline")
        self._search = SearchIndex(TimelineIndex([]))
        # set by the window: reads the passages of events opened without them (first search)
        self.read_passages: Callable[[Sequence[Event]], object] | None = None
        # set by the window: the searchable passages the project keeps (Store.search_texts)
        self.stored_texts: Callable[[Sequence[str]], dict[str, str]] | None = None
        self._docs: list[Document] = []
        self._sources_listed = False  # the source filter lists self._docs (_list_sources)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.run)

        self.field = QLineEdit()
        self.field.setPlaceholderText("Find events: words, names, a source, a date (18 July 2023)")
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Find events")
        self.field.setAccessibleDescription(
            "Words of a label, a passage or a source's title, or a date such as 18 July 2023 or "
            "July 2023. Enter or Down moves to the results; Escape closes.")
        self.field.textChanged.connect(lambda _t: self._timer.start())
        self.field.installEventFilter(self)

        self.count = QLabel()
        self.count.setAccessibleName("Number of events found")
        self.count.setMinimumWidth(110)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setToolTip("Close the find bar (Escape)")
        self.close_button.setAccessibleName("Close find bar")
        self.close_button.setAccessibleDescription("Stops highlighting the events found")
        self.close_button.clicked.connect(self.close_bar)

        self.source = self._combo("Source", "Only events reported by this article")
        self.status = self._combo("Status", "Only events that happened, are scheduled, or are "
                                  "expected")
        self.status.addItem("Any status", None)
        for s in STATUSES:
            self.status.addItem(s.capitalize(), s)
        self.mark = self._combo("Review marks", "Only events you marked reviewed, marked as not "
                                "an event, or did not mark")
        self.mark.addItem("Reviewed or not", None)
        for m, text in zip(MARKS, ("Reviewed", "Not an event", "Unmarked")):
            self.mark.addItem(text, m)
        self.date_from = self._date_field("From", "Only events on or after this date, such as "
                                          "2023-07-01 or July 2023")
        self.date_to = self._date_field("To", "Only events on or before this date, such as "
                                        "2023-07-31 or July 2023")
        self.clear_filters_button = QToolButton()
        self.clear_filters_button.setText("Clear filters")
        self.clear_filters_button.setAccessibleName("Clear filters")
        self.clear_filters_button.setAccessibleDescription("Shows events of every source, status "
                                                           "and date again")
        self.clear_filters_button.clicked.connect(self.clear_filters)

        self.model = FindResultsModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setUniformItemSizes(True)
        self.results.setAlternatingRowColors(True)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setMinimumWidth(180)
        self.results.setSpacing(2)  # results of two lines each stay apart
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setAccessibleName("Events found")
        self.results.setAccessibleDescription("The events matching the search and filters, in "
                                              "time order; selecting one shows it on the timeline")
        self.results.selectionModel().currentChanged.connect(self._result_current)
        self.results.activated.connect(self._result_activated)
        self.results.installEventFilter(self)

        top = QHBoxLayout()
        top.setContentsMargins(6, 4, 6, 0)
        top.addWidget(self.field, 1)
        top.addWidget(self.count)
        top.addWidget(self.close_button)
        filters = QHBoxLayout()
        filters.setContentsMargins(6, 2, 6, 4)
        for label, w in (("Source", self.source), ("Status", self.status), ("Marks", self.mark),
                         ("From", self.date_from), ("To", self.date_to)):
            lab = QLabel(label)
            lab.setBuddy(w)
            filters.addWidget(lab)
            filters.addWidget(w, 2 if w is self.source else 1)
        filters.addWidget(self.clear_filters_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addLayout(top)
        box.addLayout(filters)

        for w in (self, self.results):
            esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), w, self.close_bar)
            esc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.set_corpus(TimelineIndex([]), [])

    def _combo(self, name: str, description: str) -> QComboBox:
        c = QComboBox()
        c.setAccessibleName(name)
        c.setAccessibleDescription(description)
        c.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        c.setMinimumContentsLength(10)
        c.currentIndexChanged.connect(lambda _i: self.run())
        return c

    def _date_field(self, name: str, description: str) -> QLineEdit:
        f = QLineEdit()
        f.setPlaceholderText("any date")
        f.setAccessibleName(f"{name} date")
        f.setAccessibleDescription(description)
        f.setToolTip(description)
        f.setMaximumWidth(130)
        f.textChanged.connect(lambda _t: self._timer.start())
        return f

    # -- data ---------------------------------------------------------------------------------
    def set_corpus(self, index: TimelineIndex, docs: list[Document]) -> None:
        """The events to search (the timeline's index) and the articles (for the source filter
        and the titles searched); the search runs again if one is active."""
        titles = {d.id: document_title(d) for d in docs}  # once each (10,000 on a big project)
        self._search = SearchIndex(index, titles, {d.id: d.text for d in docs},
                                   self.read_passages, self.stored_texts)
        self._docs = sorted(docs, key=lambda d: titles[d.id].casefold())
        self._sources_listed = False
        if self.isVisible():
            self._list_sources()
            self.run()
        else:
            self.model.set_results(index, [])

    def _list_sources(self) -> None:
        """The source filter's articles, listed when the bar is shown (every reload of a big
        project, and each story chosen, would otherwise list 10,000 articles unseen)."""
        if self._sources_listed:
            return
        self._sources_listed = True
        titles = self._search.titles
        keep = self.source.currentData()
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem("All sources", None)
        for d in self._docs:
            self.source.addItem(titles[d.id], d.id)
        i = self.source.findData(keep) if keep is not None else 0
        self.source.setCurrentIndex(max(i, 0))
        self.source.blockSignals(False)

    def filters(self) -> Filters | None:
        """The filters as set; None while a date field holds something that is not a date
        (the field is outlined in red and says why)."""
        bounds = []
        for f, end in ((self.date_from, False), (self.date_to, True)):
            text = f.text().strip()
            if not text:
                f.setStyleSheet("")
                f.setToolTip(f.accessibleDescription())
                bounds.append(None)
                continue
            d = parse_date(text)
            if d is None or not d.has_year:
                f.setStyleSheet(BAD_FIELD_STYLE)
                f.setToolTip(f"“{text}” is not a date with a year, like 2023-07-18, "
                             "18 July 2023 or July 2023")
                return None
            f.setStyleSheet("")
            f.setToolTip(f.accessibleDescription())
            bounds.append(d.end if end else d.start)
        return Filters(source=self.source.currentData(), status=self.status.currentData(),
                       mark=self.mark.currentData(), date_from=bounds[0], date_to=bounds[1])

    def active(self) -> bool:
        """A search or a filter is set (and the bar is open)."""
        f = self.filters()
        return self.isVisible() and (bool(self.field.text().strip()) or f is None or not f.empty)

    def run(self) -> None:
        """Search now (typing waits DEBOUNCE_MS first) and publish the results."""
        self._timer.stop()
        if not self.isVisible():
            return
        query = parse_query(self.field.text())
        filters = self.filters()
        index = self._search.index
        if filters is None:
            self.count.setText("Check the date")
            return
        if query.empty and filters.empty:
            self.model.set_results(index, [])
            self.count.setText("")
            self.matchesChanged.emit(None)
            return
        rows = self._search.matches(query, filters)
        self.model.set_results(index, rows)
        n = len(rows)
        self.count.setText("No events match" if not n else f"{n:,} event{'s' * (n != 1)}")
        self.count.setAccessibleDescription(self.count.text())
        self.matchesChanged.emit(rows)

    def clear_filters(self) -> None:
        for c in (self.source, self.status, self.mark):
            c.blockSignals(True)
            c.setCurrentIndex(0)
            c.blockSignals(False)
        for f in (self.date_from, self.date_to):
            f.blockSignals(True)
            f.clear()
            f.blockSignals(False)
        self.run()

    # -- opening and closing ------------------------------------------------------------------
    def open_bar(self) -> None:
        """Show the bar and the results, the search box focused with its text selected."""
        self._list_sources()
        self.show()
        self.results.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self.run()

    def showEvent(self, e) -> None:  # noqa: N802 - however the bar is shown
        self._list_sources()
        super().showEvent(e)

    def close_bar(self) -> None:
        self._timer.stop()
        self.hide()
        self.results.hide()
        self.matchesChanged.emit(None)
        self.closed.emit()

    def select_event(self, row: int) -> None:
        """Show timeline row `row` as the current result if it is one (the timeline's selection
        moved), without announcing it back."""
        i = self.model.result_of(row)
        sm = self.results.selectionModel()
        sm.blockSignals(True)
        if i >= 0:
            idx = self.model.index(i)
            sm.setCurrentIndex(idx, sm.SelectionFlag.ClearAndSelect)
            self.results.scrollTo(idx)
        else:
            sm.clearSelection()
        sm.blockSignals(False)
        self.results.viewport().update()

    # -- results ------------------------------------------------------------------------------
    def enter_results(self) -> bool:
        """Move the focus to the results, the first one current (and chosen) if none is."""
        if self.model.rowCount() == 0:
            return False
        self.results.setFocus(Qt.FocusReason.OtherFocusReason)
        cur = self.results.currentIndex()
        if not cur.isValid() or not self.results.selectionModel().isSelected(cur):
            self.results.setCurrentIndex(self.model.index(0))
            self._result_current(self.model.index(0))
        return True

    def _result_current(self, current, _previous=None) -> None:
        if current.isValid():
            self.eventChosen.emit(current.data(EventRowRole))

    def _result_activated(self, index) -> None:
        if index.isValid():
            self.eventActivated.emit(index.data(EventRowRole))

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:  # noqa: N802
        if e.type() == QEvent.Type.KeyPress:
            k = e.key()
            if obj is self.field and k in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                if self._timer.isActive():
                    self.run()  # Enter right after typing: search first
                self.enter_results()
                return True
            if (obj is self.results and k == Qt.Key.Key_Up
                    and self.results.currentIndex().row() <= 0):
                self.field.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(obj, e)
