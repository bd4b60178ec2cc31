"""The Key dates list: the days that matter most in the events shown (the chosen stories', or
the whole project's), ranked by kerryview.events.importance.key_dates (the ranking `extract
--json` lists), each with the headline of its most important event. Choosing a day centres the
timeline on it and selects that event; the timeline marks the same days on its axis.

Model/view: key_date_rows computes the rows (no Qt); KeyDatesModel holds them; KeyDatesPanel is
the list with its title and "how many" box and emits dayChosen(row) and keyDaysChanged(rows).
The rows are computed when the data changes (set_corpus, marks_changed), once for a burst of
changes, right after the window painted the change, and only while the panel is shown: never
per paint of the timeline. A KeyDatesJob works them out on a worker thread of the panel's own
JobRunner (the window's runs imports and loads, which the list must neither wait for nor hold
back): the ranking weighs each article by where and how it tells an event, so it needs the
passages of every day-level event, which the window opens without (Store.events(passages=
False)); the job reads them on its own connection into copies, never into the window's events,
and only the rows of the latest data are shown (each refresh supersedes the job before).

A refresh keeps the rows and the axis pins shown, dimmed under an UPDATING note, until the new
job's rows replace them (no flicker at each dismiss, undo or story chosen): only an empty list
says NOW_WORKING. While the window shows an import's preview (hold), no job runs: the preview's
events are provisional and come again with the import's result, so one job runs per import.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import ClassVar, Iterable, Sequence

from PySide6.QtCore import (QAbstractListModel, QEvent, QModelIndex, QObject, QRectF, QSize, Qt,
                            QTimer, Signal)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QListView, QSpinBox,
                               QStyle, QStyledItemDelegate, QStyleOptionViewItem, QVBoxLayout,
                               QWidget)

from kerryview.events.importance import event_day, key_dates
from kerryview.gui import settings, theme
from kerryview.gui.jobs import IsCancelled, Job, JobRunner, Progress
from kerryview.gui.timeline import axis as ta
from kerryview.model import Document, Event, EventMention, EventSummary
from kerryview.store import Store

# event id -> the stored summary of the Event object its passages were read for, and them
Known = dict[str, tuple[EventSummary, list[EventMention]]]

EventIdRole = Qt.ItemDataRole.UserRole + 30  # the id of the day's most important event
DayRole = Qt.ItemDataRole.UserRole + 31  # the day (datetime.date)
MIN_SHOWN, MAX_SHOWN = 1, 50  # how many key dates the panel may be set to show
PAD_X, PAD_Y, GAP = 8, 5, 2  # a row's margins and the space between its day and its headline
HEADLINE_LINES = 3  # a longer headline is cut with "…" (its tooltip has it all)
# Rows are computed this long after the paint that showed new events: behind that paint and
# what it queued (the window's first-paint callbacks, its icon), never before them.
AFTER_PAINT_MS = 50
NOW_WORKING = "Working out key dates…"
UPDATING = "updating…"  # over the rows shown while the new ones are worked out
DIMMED_OPACITY = 0.45  # of those rows
NO_ROWS = "No day-level events yet"


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


@dataclass
class KeyDatesJob(Job["list[KeyDateRow] | None"]):
    """key_date_rows of the events shown, in the worker: the passages of those read without
    them come from the worker's own connection (Store.mentions_of) into copies, so the
    window's events stay without theirs. `dismissed`: the ids dismissed when the job was made
    (the marks are the window's, kept in the events it shows; an edit reloads them). `known`:
    the passages earlier jobs read (the panel's), reused for the same Event objects: a mark or
    a story chosen keeps them, so only a corpus read again from the store is read again
    (its events carry new summary objects). Returns None when cancelled (a newer job
    replaces it)."""

    events: list[Event]
    dismissed: frozenset[str]
    documents: list[Document]
    limit: int
    known: Known = field(default_factory=dict)
    busy_text: ClassVar[str] = NOW_WORKING
    what: ClassVar[str] = "working out of the key dates"

    def run(self, store: Store, progress: Progress, cancelled: IsCancelled
            ) -> list[KeyDateRow] | None:
        day_events = [e for e in self.events
                      if e.id not in self.dismissed and event_day(e) is not None]
        known = self.known
        unread = [e for e in day_events if not e.passages_read and
                  known.get(e.id, (None,))[0] is not e.stored_summary]
        if cancelled():
            return None
        passages = store.mentions_of([e.id for e in unread]) if unread else {}
        for e in unread:
            if e.id in passages:
                known[e.id] = (e.stored_summary, passages[e.id])
        if cancelled():
            return None
        ranked = [replace(e, mentions=e.mentions if e.passages_read else _known(known, e),
                          dismissed=False) for e in day_events]
        return key_date_rows(ranked, self.documents, self.limit)


def _known(known: Known, e: Event) -> list[EventMention]:
    hit = known.get(e.id)
    return hit[1] if hit is not None and hit[0] is e.stored_summary else e.mentions


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


@dataclass(frozen=True)
class _Fonts:
    """A row's two fonts (the day's bold, the headline's body) and their metrics."""

    bold: QFont
    body: QFont
    bold_metrics: QFontMetricsF
    body_metrics: QFontMetricsF
    bold_height: float

    @classmethod
    def of(cls, font: QFont) -> _Fonts:
        body = QFont(font)
        bold = QFont(body)
        bold.setBold(True)
        bold_metrics = QFontMetricsF(bold)
        return cls(bold, body, bold_metrics, QFontMetricsF(body), bold_metrics.height())


class KeyDateDelegate(QStyledItemDelegate):
    """A row as two parts, so the eye runs down the days: "1. Tue 20 Apr 2010" in bold with
    the key-date pin's colour on its rank, then the headline under it (at most
    HEADLINE_LINES lines)."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self.dimmed = False  # the rows are being worked out again: drawn faded
        self._fonts: _Fonts | None = None  # made at the first paint after a font change
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """The list's font changed (a setting, a style sheet, the desktop's): the fonts and
        their metrics are made again at the next paint, and the rows measured again."""
        if watched is self._view and event.type() == QEvent.Type.FontChange:
            self._fonts = None
            self.sizeHintChanged.emit(QModelIndex())
        return False

    def fonts(self) -> _Fonts:
        """The row's fonts and their metrics, made once per font of the list."""
        if self._fonts is None:
            self._fonts = _Fonts.of(self._view.font())
        return self._fonts

    def _parts(self, index: QModelIndex) -> tuple[str, str]:
        day, _, headline = (index.data() or "").partition("\n")
        return day, headline

    @staticmethod
    def _headline_heights(headline: str, width: float, fm: QFontMetricsF) -> tuple[float, float]:
        """The headline's height wrapped at `width`, and the height drawn (HEADLINE_LINES at
        most): measured once for both the row's size and the cut."""
        full = fm.boundingRect(QRectF(0, 0, width, 10000), int(Qt.TextFlag.TextWordWrap),
                               headline).height()
        return full, min(full, fm.lineSpacing() * HEADLINE_LINES)

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        f = self.fonts()
        width = max(80, self._view.viewport().width() - 2 * PAD_X)
        _, headline = self._parts(index)
        h = f.bold_height + GAP + self._headline_heights(headline, width, f.body_metrics)[1]
        return QSize(int(width + 2 * PAD_X), int(h + 2 * PAD_Y + 1))

    def paint(self, painter: QPainter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        r = QRectF(option.rect)
        painter.save()
        if self.dimmed:
            painter.setOpacity(DIMMED_OPACITY)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        hover = bool(opt.state & QStyle.StateFlag.State_MouseOver)
        painter.fillRect(r, QColor("#e0ecff") if selected else
                         (QColor("#f5f8fd") if hover else theme.BG))
        if selected:
            painter.fillRect(QRectF(r.left(), r.top(), 4, r.height()), theme.HAPPENED)
        painter.setPen(theme.LEGEND_RULE)
        painter.drawLine(r.bottomLeft(), r.bottomRight())
        f = self.fonts()
        day, headline = self._parts(index)
        rank, _, when = day.partition(" ")
        x, y = r.left() + PAD_X, r.top() + PAD_Y
        width = r.width() - 2 * PAD_X
        fm_bold, line_h = f.bold_metrics, f.bold_height
        painter.setFont(f.bold)
        painter.setPen(theme.KEY_DAY)
        painter.drawText(QRectF(x, y, width, line_h), Qt.AlignmentFlag.AlignLeft, rank)
        painter.setPen(theme.TEXT)
        rank_w = fm_bold.horizontalAdvance(rank + " ")
        painter.drawText(QRectF(x + rank_w, y, width - rank_w, line_h),
                         Qt.AlignmentFlag.AlignLeft, when)
        fm = f.body_metrics
        full, shown = self._headline_heights(headline, width, fm)
        box = QRectF(x, y + line_h + GAP, width, shown)
        painter.setFont(f.body)
        painter.setPen(theme.BODY_FG)
        if full > shown + 1:
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
    their days). The window gives it the project's store (set_store): the rows are worked out
    by a KeyDatesJob on a worker's own connection to it."""

    dayChosen = Signal(object)
    keyDaysChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.updating = QLabel(UPDATING)  # shown over the dimmed rows while they are renewed
        self.updating.setStyleSheet(f"color: {theme.NOTE_FG.name()};")
        self.updating.setAccessibleName("Key dates are being updated")
        self.updating.hide()
        top.addWidget(self.updating)
        layout.addLayout(top)
        # what the pins on the axis are: said here, where the days are (the legend under the
        # timeline has no room left at 1280 pixels)
        self.pin_note = QLabel(f'<span style="color:{theme.KEY_DAY.name()}">▼</span> '
                               "marks these days on the timeline's axis")
        self.pin_note.setWordWrap(True)
        self.pin_note.setStyleSheet(f"color: {theme.NOTE_FG.name()};")
        layout.addWidget(self.pin_note)
        self.model = KeyDatesModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.delegate = KeyDateDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
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
        # what the list says while it has no rows: in the list's place, at its top (under a
        # blank list it read as an empty pane)
        self.empty = QLabel(NOW_WORKING)
        self.empty.setWordWrap(True)
        # a note (a disabled label's grey is too faint to read)
        self.empty.setStyleSheet(f"color: {theme.NOTE_FG.name()};")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setContentsMargins(PAD_X, PAD_Y, PAD_X, PAD_Y)
        layout.addWidget(self.empty, 1)
        self.empty.hide()
        layout.addWidget(self.view, 1)
        self._events: list[Event] = []
        self._documents: list[Document] = []
        self._given = False  # the events of the current project were given (set_corpus)
        self._stale = False
        self._runner: JobRunner | None = None
        self._retired: list[JobRunner] = []  # old projects' runners whose job still runs
        self._job: KeyDatesJob | None = None  # the latest job: only its rows are shown
        self._pending = False  # a job waits for the running (cancelled) one to end
        self._held = False  # an import's preview is shown: no job until it ends (hold)
        self._known: Known = {}  # the passages the jobs read (KeyDatesJob.known), in the worker
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
        self._given = True
        self.marks_changed()

    def marks_changed(self) -> None:
        """The events' marks changed in place (a dismissed event leaves the ranking)."""
        self._stale = True
        self.update()  # computed once the window has painted (paintEvent)

    def paintEvent(self, e) -> None:  # noqa: N802
        """Stale rows are computed just after the paint that shows the new events: the job
        (about 0.9 s of CPU for 27,000 day-level events) runs in a worker, but its thread takes
        turns with this one: never before the window's first paint of a project."""
        super().paintEvent(e)
        if self._stale and not self._timer.isActive():
            self._timer.start()

    def set_store(self, store: Store) -> None:
        """The project's store (a new one for each project): jobs open their own connection
        to its file. A job still running on the old one is cancelled and its rows dropped; the
        old project's rows and events go at once (its days must not be pinned on the new
        timeline while the new project's documents are read), and the list says NOW_WORKING
        until the new project's events are given (set_corpus) and their rows worked out: no
        job runs before, which would rank no events and say NO_ROWS of a project full of them."""
        old = self._runner
        if old is not None:
            old.busyChanged.disconnect(self._runner_busy)
            self._retire(old)
        self._job, self._pending, self._known = None, False, {}
        self._events, self._documents = [], []  # another project's rows are not dimmed: gone
        self._given = False
        self._runner = JobRunner(store, self)
        self._runner.busyChanged.connect(self._runner_busy)
        self._runner.failed.connect(self._failed)
        self._show_rows([], NOW_WORKING)
        self.marks_changed()

    def _retire(self, runner: JobRunner) -> None:
        """An old project's runner: cancelled, kept until its thread ended (stop waits for
        it; Qt aborts the process if a running QThread is destroyed), then deleted."""
        if not runner.is_busy():
            runner.deleteLater()
            return
        runner.cancel()
        self._retired.append(runner)

        def ended(busy: bool) -> None:
            if not busy and runner in self._retired:
                self._retired.remove(runner)
                runner.deleteLater()
        runner.busyChanged.connect(ended)

    def hold(self, on: bool) -> None:
        """While on (an import's preview is shown), the rows shown stay, dimmed, and no job
        runs; off, the rows are worked out once for the data then shown."""
        was, self._held = self._held, bool(on)
        if on:
            self._mark_updating()
        elif was:  # (an export's end releases no hold: nothing to work out again)
            self.marks_changed()

    def refresh(self) -> None:
        """Start working out the rows (if the data changed since they were last): the rows
        shown stay, dimmed, until the new ones come, and a job still working on older data
        is cancelled (its rows are never shown)."""
        self._timer.stop()
        if not self._stale or self._runner is None:
            return
        self._mark_updating()
        if self._held or not self._given:
            return  # stays stale: worked out when the hold ends, or the events come
        self._stale = False
        self._job = None
        self._submit()

    def _mark_updating(self) -> None:
        """The rows shown are of older data: dimmed with UPDATING, or NOW_WORKING if none."""
        if self.model.rowCount():
            self.delegate.dimmed = True
            self.updating.show()
            self.view.viewport().update()
        else:
            self.empty.setText(NOW_WORKING)
            self._show_hint(True)

    def _show_hint(self, on: bool) -> None:
        """The hint (NOW_WORKING, NO_ROWS) in the list's place, or the list: never a blank
        list with a line under it. The keyboard focus stays in the panel."""
        if on == self.empty.isVisibleTo(self) and on != self.view.isVisibleTo(self):
            return
        had_focus = self.view.hasFocus()
        self.empty.setVisible(on)
        self.view.setVisible(not on)
        if had_focus and on:
            self.count.setFocus(Qt.FocusReason.OtherFocusReason)

    def _submit(self) -> None:
        if self._runner.is_busy():  # on older data: submitted when it has ended
            self._runner.cancel()
            self._pending = True
            return
        self._pending = False
        job = self._job = KeyDatesJob(
            list(self._events), frozenset(e.id for e in self._events if e.dismissed),
            list(self._documents), self.count.value(), self._known)
        self._runner.submit(job, lambda rows: self._done(job, rows))

    def _runner_busy(self, busy: bool) -> None:
        if not busy and self._pending:
            QTimer.singleShot(0, self._submit_pending)  # after the ended job's handlers

    def _submit_pending(self) -> None:
        if self._pending:  # (a refresh may have submitted it meanwhile)
            self._submit()

    def _done(self, job: KeyDatesJob, rows: list[KeyDateRow] | None) -> None:
        if job is self._job and rows is not None:
            self._show_rows(rows, NO_ROWS)
            if self._stale:  # the data changed meanwhile (held by an import): still dimmed
                self._mark_updating()

    def _failed(self, job: object, _message: str) -> None:
        """The project was closed or is damaged: no rows, no crash."""
        if job is self._job:
            self._show_rows([], NO_ROWS)

    def _show_rows(self, rows: list[KeyDateRow], hint: str) -> None:
        self.delegate.dimmed = False
        self.updating.hide()
        self.model.set_rows(rows)
        self.empty.setText(hint)
        self._show_hint(not rows)
        self.keyDaysChanged.emit(rows)

    def working(self) -> bool:
        """Whether rows are being worked out (the list says NOW_WORKING or UPDATING)."""
        return self._pending or (self._runner is not None and self._runner.is_busy())

    def stop(self) -> None:
        """Cancel the running jobs (the current project's and the old ones') and wait for
        their threads (the window is closing)."""
        self._job, self._pending = None, False
        for runner in [*self._retired, self._runner]:
            if runner is not None and runner.is_busy():
                runner.cancel()
                runner.wait()

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
            if self.working():  # its rows would mark the axis for a closed list: dropped
                self._job, self._pending, self._stale = None, False, True
                self._runner.cancel()
            self.keyDaysChanged.emit([])

    def _count_changed(self, n: int) -> None:
        settings.KEY_DATES_SHOWN.set(int(n))
        self.marks_changed()

    def _chosen(self, index: QModelIndex) -> None:
        row = self.model.row(index.row()) if index.isValid() else None
        if row is not None:
            self.dayChosen.emit(row)
