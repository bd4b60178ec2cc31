"""The Key dates list: the days that matter most in the events shown (the chosen stories', or
the whole project's), ranked by kerryview.events.importance.key_dates (the ranking `extract
--json` lists), each with the headline of its most important event. Choosing a day centres the
timeline on it and selects that event; the timeline marks the same days on its axis.

Model/view: key_date_rows computes the rows (no Qt); KeyDatesModel holds them; KeyDatesPanel is
the list with its title and "how many" box and emits dayChosen(row) and keyDaysChanged(rows).
The rows are computed when the data changes (set_corpus, marks_changed), once for a burst of
changes, right after the window painted the change, and only while the panel is shown: never
per paint of the timeline.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterable, Sequence

from PySide6.QtCore import (QAbstractListModel, QModelIndex, QObject, QRectF, QSize, Qt, QTimer,
                            Signal)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QListView, QSpinBox,
                               QStyle, QStyledItemDelegate, QStyleOptionViewItem, QVBoxLayout,
                               QWidget)

from kerryview.events.importance import event_day, key_dates
from kerryview.gui import settings, theme
from kerryview.gui.timeline import axis as ta
from kerryview.model import Document, Event

EventIdRole = Qt.ItemDataRole.UserRole + 30  # the id of the day's most important event
DayRole = Qt.ItemDataRole.UserRole + 31  # the day (datetime.date)
MIN_SHOWN, MAX_SHOWN = 1, 50  # how many key dates the panel may be set to show
PAD_X, PAD_Y, GAP = 8, 5, 2  # a row's margins and the space between its day and its headline
HEADLINE_LINES = 3  # a longer headline is cut with "…" (its tooltip has it all)
# Rows are computed this long after the paint that showed new events: behind that paint and
# what it queued (the window's first-paint callbacks, its icon), never before them.
AFTER_PAINT_MS = 50


@dataclass(frozen=True)
class KeyDateRow:
    rank: int  # 1 = the most important day
    day: date
    importance: int  # the day's weight (importance.day_importance)
    event_id: str  # its most important event
    headline: str  # that event's label

    def day_text(self) -> str:
        """The day as a reader says it: "Tue 20 Apr 2010"."""
        d = self.day
        return f"{ta.WEEKDAYS[d.weekday()]} {d.day} {ta.MONTHS[d.month - 1]} {d.year}"

    def span(self) -> tuple[float, float]:
        """The day on the timeline's axis (seconds): its start and the next day's."""
        start = (self.day.toordinal() - ta.EPOCH_ORDINAL) * ta.DAY
        return start, start + ta.DAY


def key_date_rows(events: Iterable[Event], documents: Iterable[Document],
                  limit: int) -> list[KeyDateRow]:
    """The `limit` key dates of `events` (dismissed ones left out, as key_dates does), highest
    first, each with its most important event: the highest importance, then the one more
    articles tell, then the first in timeline order (start, label)."""
    events = [e for e in events if not e.dismissed]
    ranked = key_dates(events, documents)[:max(0, limit)]
    wanted = {day for day, _ in ranked}
    best: dict[date, Event] = {}
    for e in events:
        day = event_day(e)
        if day not in wanted:
            continue
        held = best.get(day)
        if held is None or _stronger(e, held):
            best[day] = e
    return [KeyDateRow(rank, day, weight, best[day].id, best[day].label or "")
            for rank, (day, weight) in enumerate(ranked, start=1) if day in best]


def _stronger(a: Event, b: Event) -> bool:
    ka = (a.importance, len(a.document_ids))
    kb = (b.importance, len(b.document_ids))
    if ka != kb:
        return ka > kb
    return (a.start, a.label or "", a.id) < (b.start, b.label or "", b.id)


class KeyDatesModel(QAbstractListModel):
    """One row per key date: "Tue 20 Apr 2010" with its rank, over its headline."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[KeyDateRow] = []

    def set_rows(self, rows: Sequence[KeyDateRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[KeyDateRow]:
        return list(self._rows)

    def row(self, i: int) -> KeyDateRow | None:
        return self._rows[i] if 0 <= i < len(self._rows) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.rank}. {row.day_text()}\n{row.headline}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return (f"Key date {row.rank}: {row.day_text()}. Its most important event: "
                    f"{row.headline}")
        if role == EventIdRole:
            return row.event_id
        if role == DayRole:
            return row.day
        return None


class KeyDateDelegate(QStyledItemDelegate):
    """A row as two parts, so the eye runs down the days: "1. Tue 20 Apr 2010" in bold with
    the key-date pin's colour on its rank, then the headline under it (at most
    HEADLINE_LINES lines)."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def _fonts(self) -> tuple[QFont, QFont]:
        body = QFont(self._view.font())
        bold = QFont(body)
        bold.setBold(True)
        return bold, body

    def _parts(self, index: QModelIndex) -> tuple[str, str]:
        day, _, headline = (index.data() or "").partition("\n")
        return day, headline

    def _headline_rect(self, headline: str, width: float, body: QFont) -> QRectF:
        fm = QFontMetricsF(body)
        r = fm.boundingRect(QRectF(0, 0, width, 10000), int(Qt.TextFlag.TextWordWrap), headline)
        return QRectF(0, 0, width, min(r.height(), fm.lineSpacing() * HEADLINE_LINES))

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        bold, body = self._fonts()
        width = max(80, self._view.viewport().width() - 2 * PAD_X)
        _, headline = self._parts(index)
        h = QFontMetricsF(bold).height() + GAP + self._headline_rect(headline, width, body).height()
        return QSize(int(width + 2 * PAD_X), int(h + 2 * PAD_Y + 1))

    def paint(self, painter: QPainter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        r = QRectF(option.rect)
        painter.save()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        hover = bool(opt.state & QStyle.StateFlag.State_MouseOver)
        painter.fillRect(r, QColor("#e0ecff") if selected else
                         (QColor("#f5f8fd") if hover else theme.BG))
        if selected:
            painter.fillRect(QRectF(r.left(), r.top(), 4, r.height()), theme.HAPPENED)
        painter.setPen(theme.LEGEND_RULE)
        painter.drawLine(r.bottomLeft(), r.bottomRight())
        bold, body = self._fonts()
        day, headline = self._parts(index)
        rank, _, when = day.partition(" ")
        x, y = r.left() + PAD_X, r.top() + PAD_Y
        width = r.width() - 2 * PAD_X
        fm_bold = QFontMetricsF(bold)
        painter.setFont(bold)
        painter.setPen(theme.KEY_DAY)
        painter.drawText(QRectF(x, y, width, fm_bold.height()), Qt.AlignmentFlag.AlignLeft, rank)
        painter.setPen(theme.TEXT)
        rank_w = fm_bold.horizontalAdvance(rank + " ")
        painter.drawText(QRectF(x + rank_w, y, width - rank_w, fm_bold.height()),
                         Qt.AlignmentFlag.AlignLeft, when)
        box = self._headline_rect(headline, width, body).translated(x, y + fm_bold.height() + GAP)
        painter.setFont(body)
        painter.setPen(theme.BODY_FG)
        fm = QFontMetricsF(body)
        if fm.boundingRect(QRectF(0, 0, width, 10000), int(Qt.TextFlag.TextWordWrap),
                           headline).height() > box.height() + 1:
            headline = self._cut(headline, width, fm)
        painter.drawText(box, int(Qt.TextFlag.TextWordWrap), headline)
        painter.restore()

    @staticmethod
    def _cut(text: str, width: float, fm: QFontMetricsF) -> str:
        """The longest start of `text` (whole words) that fits HEADLINE_LINES lines with "…"."""
        words = text.split()
        limit = fm.lineSpacing() * HEADLINE_LINES + 1
        lo, hi = 0, len(words)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            candidate = " ".join(words[:mid]) + "…"
            h = fm.boundingRect(QRectF(0, 0, width, 10000), int(Qt.TextFlag.TextWordWrap),
                                candidate).height()
            lo, hi = (mid, hi) if h <= limit else (lo, mid - 1)
        return " ".join(words[:lo]) + "…"


class KeyDatesPanel(QWidget):
    """The Key dates list. Signals: dayChosen(KeyDateRow) when a row is clicked or Enter is
    pressed on it; keyDaysChanged(list[KeyDateRow]) when the rows changed (the timeline marks
    their days). `read_passages` (set by the window) reads the passages of events opened
    without them: key_dates weighs each article by where and how it tells the event."""

    dayChosen = Signal(object)
    keyDaysChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.read_passages: Callable[[Sequence[Event]], object] | None = None
        self.setAccessibleName("Key dates")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 4)
        top = QHBoxLayout()
        self.shown_label = QLabel("&Show")
        self.count = QSpinBox()
        self.count.setRange(MIN_SHOWN, MAX_SHOWN)
        self.count.setValue(min(max(settings.KEY_DATES_SHOWN.get(), MIN_SHOWN), MAX_SHOWN))
        self.count.setSuffix(" days")
        self.count.setAccessibleName("How many key dates to show")
        self.shown_label.setBuddy(self.count)
        top.addWidget(self.shown_label)
        top.addWidget(self.count)
        top.addStretch(1)
        layout.addLayout(top)
        # what the pins on the axis are: said here, where the days are (the legend under the
        # timeline has no room left at 1280 pixels)
        self.pin_note = QLabel(f'<span style="color:{theme.KEY_DAY.name()}">▼</span> '
                               "marks these days on the timeline's axis")
        self.pin_note.setWordWrap(True)
        self.pin_note.setStyleSheet(f"color: {theme.HINT_FG.name()};")
        layout.addWidget(self.pin_note)
        self.model = KeyDatesModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(KeyDateDelegate(self.view))
        self.view.setMouseTracking(True)  # the row under the pointer is lit
        self.view.setResizeMode(QListView.ResizeMode.Adjust)  # rows wrap again when resized
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setAccessibleName("Key dates of the events shown")
        self.view.setAccessibleDescription(
            "The days that matter most, most important first, each with its most important "
            "event. Click one or press Enter to centre the timeline on that day and select "
            "the event.")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.view, 1)
        self.empty = QLabel("No day-level events yet")
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)  # drawn as a hint
        layout.addWidget(self.empty)
        self.empty.hide()
        self._events: list[Event] = []
        self._documents: list[Document] = []
        self._stale = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AFTER_PAINT_MS)
        self._timer.timeout.connect(self.refresh)
        self.view.clicked.connect(self._chosen)
        self.view.activated.connect(self._chosen)  # Enter (and a double-click)
        self.count.valueChanged.connect(self._count_changed)

    def set_corpus(self, events: Sequence[Event], documents: Sequence[Document]) -> None:
        """The events shown and the articles they are told in: the rows are computed again
        soon (once for several calls), or when the panel is next shown."""
        self._events = list(events)
        self._documents = list(documents)
        self.marks_changed()

    def marks_changed(self) -> None:
        """The events' marks changed in place (a dismissed event leaves the ranking)."""
        self._stale = True
        self.update()  # computed once the window has painted (paintEvent)

    def paintEvent(self, e) -> None:  # noqa: N802
        """Stale rows are computed just after the paint that shows the new events: reading
        the passages of 30,000 events and weighing their days takes 0.6 s of CPU, which must
        not hold back the window's first paint of a project."""
        super().paintEvent(e)
        if self._stale and not self._timer.isActive():
            self._timer.start()

    def refresh(self) -> None:
        """Compute the rows now (if the data changed since they were last computed)."""
        self._timer.stop()
        if not self._stale:
            return
        self._stale = False
        day_events = [e for e in self._events if event_day(e) is not None]
        try:
            if self.read_passages is not None:
                self.read_passages(day_events)
            rows = key_date_rows(day_events, self._documents, self.count.value())
        except sqlite3.Error:  # the project was closed (or is damaged): no rows, no crash
            rows = []
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.keyDaysChanged.emit(rows)

    def rows(self) -> list[KeyDateRow]:
        return self.model.rows()

    def showEvent(self, e) -> None:  # noqa: N802
        """Shown (View > Key dates): computed if stale, the timeline's marks back."""
        super().showEvent(e)
        if not self._stale:
            self.keyDaysChanged.emit(self.model.rows())

    def hideEvent(self, e) -> None:  # noqa: N802
        """Closed (not the window minimised): the timeline's marks go with the list, and the
        rows are no longer computed while it stays closed."""
        super().hideEvent(e)
        self._timer.stop()  # stays stale: computed when shown again (not after a closed window)
        if not e.spontaneous():
            self.keyDaysChanged.emit([])

    def _count_changed(self, n: int) -> None:
        settings.KEY_DATES_SHOWN.set(int(n))
        self.marks_changed()

    def _chosen(self, index: QModelIndex) -> None:
        row = self.model.row(index.row()) if index.isValid() else None
        if row is not None:
            self.dayChosen.emit(row)
