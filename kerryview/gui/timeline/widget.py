"""The timeline widget: one custom-painted QWidget meant for 100,000 events.

It owns the input (mouse, wheel, keys), the signals, the tooltips and a small API for tests,
and delegates the rest:
  view.py    what part of time is shown: zoom around a point, pan, fit, clamp (no Qt);
  layout.py  what one frame shows and where: lanes, overviews, "+n" marks, axis labels (no Qt);
  paint.py   drawing a frame with QPainter, in the colours and fonts of gui/theme.py;
  legend.py  the line under the timeline explaining the marks.
The frame is computed once per change of view, data or size, and cached until the next one.
"""
from __future__ import annotations

import math
import time
from array import array
from bisect import bisect_left, bisect_right
from typing import Callable, Iterable, Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from kerryview.gui import theme
from kerryview.gui.timeline import accessible
from kerryview.gcpause import keep_out_of_full_collections
from kerryview.text.phrasing import count_words, date_words, event_duration_words, event_zone
from kerryview.model import Event
from kerryview.gui.timeline import axis as ta
from kerryview.gui.timeline.framing import DENSE_MIN_EVENTS, dense_span, framed_starts
from kerryview.gui.timeline.index import TimelineIndex
from kerryview.gui.timeline.layout import (LABEL_MAX, MARK_PAD, MIN_HEIGHT, Frame, LaneLayouts,
                                           badge_text, compute_frame, mark_left, mark_text,
                                           marker_x, n_lanes)
from kerryview.gui.timeline.legend import TimelineLegend
from kerryview.gui.timeline.paint import FramePainter, LabelMetrics
from kerryview.gui.timeline.view import (FIT_MIN_WIDTH, ZOOM_STEP, TimelineView, fit_range,
                                         zoom_into_range)

__all__ = ["TimelineWidget", "TimelineLegend"]

AHEAD_RECENTRE_ROWS = 500  # the view moved this many rows away: measure from there on
AHEAD_QUIET_S = 0.004  # measure ahead only this long after the last frame was painted
AHEAD_SLICE_S = 0.001  # idle time given at once to measuring labels ahead of need (delays an input by at most this)


class TimelineWidget(QWidget):
    """Signals: currentEventChanged(row) when the selection changes (also from outside through
    setCurrentEvent), eventActivated(row) on Enter/double-click, viewChanged() on zoom/pan,
    firstPainted() once after the first paint, painted() after every paint, selectionChanged()
    when events are added to or taken from a selection of several (Ctrl+click, Ctrl+Space)."""

    currentEventChanged = Signal(int)
    eventActivated = Signal(int)
    viewChanged = Signal()
    firstPainted = Signal()
    painted = Signal()  # after every paint, while notify_paints is set
    selectionChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # set by the window: reads the passages of events opened without them (a tooltip
        # names the duration's and the clock time's wording from them)
        self.read_passages: Callable[[Sequence[Event]], object] | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumHeight(MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Timeline")
        accessible.install()  # events as accessible children, the selection announced
        self._index = TimelineIndex([])
        self._view = TimelineView()
        self._current = -1
        self._chosen: set[int] = set()  # a selection of several events (merge, bulk marks)
        self._fonts = theme.TimelineFonts.from_font(self.font())
        self._labels = LabelMetrics(self._fonts)
        self._layouts = LaneLayouts()
        self._painter = FramePainter(self._fonts, self._labels)
        # between frames, measure the labels ahead of need (LabelMetrics.measure_some)
        self._ahead = QTimer(self)
        self._ahead.setInterval(0)
        self._ahead.timeout.connect(self._measure_ahead)
        self._frame: Frame | None = None
        self._press: QPointF | None = None
        self._press_t0 = 0.0
        self._dragging = False
        self._painted = False
        self._painted_at = 0.0  # perf_counter() at the end of the last paint
        self._fit_pending = False
        self._matched: bytearray | None = None  # a flag per row while a search is active
        self._match_starts = array("d")  # the matched events' starts, sorted
        self._match_rows = array("l")  # and their rows, in the same order
        self._match_gen = 0  # which search the lanes were packed for (LaneLayouts keys)
        self.notify_paints = False
        self._after_paint: list[Callable[[], object]] = []  # paint_then
        self._key_days: list[tuple[float, float]] = []  # the key dates' days, most important first
        self._empty_text = ("No events yet",
                            "Open articles with File › Open files… or drop files or folders here.")

    # the label caches, which benchmarks/timeline_paint.py empties for its cold frames
    @property
    def _label_w(self):
        return self._labels.widths

    @_label_w.setter
    def _label_w(self, widths) -> None:
        self._labels.widths = widths

    @property
    def _elided(self) -> dict:
        return self._labels.elided

    # -- data -------------------------------------------------------------------------------
    def setIndex(self, index: TimelineIndex, keep_view: bool = False) -> None:  # noqa: N802
        old_id = self.currentEvent()
        self._index = index
        self._labels.reset(index)
        self._layouts.clear()
        self._current = -1
        self._chosen = set()  # rows changed: the window selects again what it needs
        self._matched = None  # rows changed: the find bar sets its matches again
        self._match_starts = array("d")
        self._match_rows = array("l")
        if old_id is not None and old_id.id in index.row_of:
            self._current = index.row_of[old_id.id]
        if not keep_view:
            self.fitAll()
        self._invalidate()
        if len(index):
            keep_out_of_full_collections()
            t0, t1 = self.view()
            self._labels.measure_ahead_from(index.nearest_row((t0 + t1) / 2))
            self._ahead.start()
        else:
            self._ahead.stop()

    def _measure_ahead(self) -> None:
        """A slice of measuring, when no frame was painted in the last AHEAD_QUIET_S: while
        the user drags or zooms, the time between frames is used, never the frame's own."""
        quiet = time.perf_counter() - self._painted_at
        if quiet < AHEAD_QUIET_S:
            self._ahead.start(max(1, math.ceil((AHEAD_QUIET_S - quiet) * 1000)))
            return
        if self._ahead.interval():
            self._ahead.setInterval(0)
        if not self._labels.measure_some(AHEAD_SLICE_S):
            self._ahead.stop()

    def measureAhead(self, on: bool) -> None:  # noqa: N802 (Qt style)
        """Measure labels ahead of need between frames (the default), or hold that while
        the window reads the rest of a project in the worker (it would take the time the
        worker needs); on again, it goes on where it stopped."""
        if on and len(self._index):
            self._ahead.start()
        else:
            self._ahead.stop()

    def index(self) -> TimelineIndex:
        return self._index

    def marksChanged(self) -> None:  # noqa: N802 (Qt style)
        """Repaint after the index's marks changed in place; marks never change the layout
        (same label and badge widths), so nothing moves."""
        self._invalidate()

    def setHighlight(self, rows: Iterable[int] | None) -> None:  # noqa: N802
        """Draw the events of `rows` highlighted and dim the others (a search is active), or
        draw every event as usual (None). While a search is active its matches are given
        lanes first (then the most important of the others), so what was found is read on
        the timeline and not only counted in "+n" marks."""
        self._match_gen += 1
        if rows is None:
            self._matched = None
            self._match_starts = array("d")
            self._match_rows = array("l")
        else:
            flags = bytearray(len(self._index))
            for r in rows:
                flags[r] = 1
            self._matched = flags
            starts = self._index.starts
            self._match_rows = array("l", (r for r in range(len(flags)) if flags[r]))
            self._match_starts = array("d", (starts[r] for r in self._match_rows))
        self._invalidate()

    def setAxisCovered(self, left: float, right: float) -> None:  # noqa: N802
        """The tick row's ends covered by buttons (edges.py), `left` and `right` pixels wide:
        no tick label is drawn there (one cut by a button read "2(" for 2015). Labels only:
        the frame is kept and only repainted."""
        covered = (float(left), float(right))
        if covered != self._painter.axis_covered:
            self._painter.axis_covered = covered
            self.update()

    def setKeyDays(self, spans: Iterable[tuple[float, float]]) -> None:  # noqa: N802
        """Mark these days (start, end in axis seconds; most important first) on the day axis:
        the key dates of what is shown (kerryview.gui.keydates). Marks never change the layout,
        so the frame is kept and only repainted."""
        self._key_days = [(float(a), float(b)) for a, b in spans]
        self.update()

    def keyDayMarks(self) -> list[tuple[int, float]]:  # noqa: N802
        """The key days marked in view: (rank from 1, pixel column of the day's middle)."""
        view, w = self._view, self.width()
        out = []
        for rank, (a, b) in enumerate(self._key_days, start=1):
            x0, x1 = view.x(a), view.x(b)
            if x1 >= 0 and x0 <= w:
                out.append((rank, (x0 + x1) / 2))
        return out

    def highlighted(self) -> list[int]:
        """The rows drawn highlighted; [] when no search is active."""
        return [] if self._matched is None else [r for r, f in enumerate(self._matched) if f]

    def highlightActive(self) -> bool:  # noqa: N802
        return self._matched is not None

    def currentRow(self) -> int:  # noqa: N802
        return self._current

    def currentEvent(self):  # noqa: N802
        if 0 <= self._current < len(self._index):
            return self._index.events[self._current]
        return None

    def setCurrentEvent(self, row: int, ensure_visible: bool = True) -> None:  # noqa: N802
        if not (-1 <= row < len(self._index)):
            row = -1
        changed = row != self._current
        self._current = row
        if ensure_visible and row >= 0:
            self.ensureVisible(row)
        self._invalidate()
        if changed:
            self.currentEventChanged.emit(row)
            accessible.announce(self)

    def selectedRows(self) -> list[int]:  # noqa: N802
        """The events selected (what merging and the marks act on): the current one and those
        held with Ctrl+click or Ctrl+Space."""
        rows = set(self._chosen)
        if self._current >= 0:
            rows.add(self._current)
        return sorted(rows)

    def setSelectedRows(self, rows: Iterable[int]) -> None:  # noqa: N802
        """Hold `rows` selected beside the current event (an empty list: the current alone)."""
        n = len(self._index)
        self._chosen = {r for r in rows if 0 <= r < n}
        self._invalidate()
        self.selectionChanged.emit()

    def toggleSelected(self, row: int, from_current: bool = True) -> None:  # noqa: N802
        """Ctrl+click (from_current): the event joins the selection and becomes current, the
        previous current one stays held; one already held leaves it. Ctrl+Space (not
        from_current): the current event is held, or let go, and stays current."""
        if not 0 <= row < len(self._index):
            return
        chosen = set(self._chosen)
        if not from_current:
            chosen ^= {row}
            self._chosen = chosen
        elif row in chosen or row == self._current:
            chosen.discard(row)
            if row == self._current:
                self.setCurrentEvent(max(chosen) if chosen else -1, ensure_visible=False)
            self._chosen = chosen
        else:
            if self._current >= 0:
                chosen.add(self._current)
            chosen.add(row)
            self._chosen = chosen
            self.setCurrentEvent(row, ensure_visible=False)
        self._invalidate()
        self.selectionChanged.emit()

    def setEmptyText(self, title: str, detail: str) -> None:  # noqa: N802
        self._empty_text = (title, detail)
        self.update()

    def emptyText(self) -> tuple[str, str]:  # noqa: N802
        """What the timeline says while it has no events: (title, detail)."""
        return self._empty_text

    # -- view -------------------------------------------------------------------------------
    def view(self) -> tuple[float, float]:
        return self._view.range(self.width())

    def scale(self) -> float:
        return self._view.scale

    def _view_changed(self) -> None:
        self._invalidate()
        self.viewChanged.emit()
        if self._labels.measuring_ahead():  # measure where the user now looks first
            t0, t1 = self.view()
            row = self._index.nearest_row((t0 + t1) / 2)
            if abs(row - self._labels.ahead_from) > AHEAD_RECENTRE_ROWS:
                self._labels.measure_ahead_from(row)

    def setView(self, t0: float, t1: float) -> None:  # noqa: N802
        self._view.set_range(t0, t1, self.width())
        self._view_changed()

    def zoomAt(self, factor: float, x: float | None = None) -> None:  # noqa: N802
        """Zoom around pixel `x`; by default around the selected event if it is in view, else
        the middle."""
        if x is None:
            x = self.width() / 2
            if self._current >= 0:
                cx = self._view.x(self._index.starts[self._current])
                if 0 <= cx <= self.width():
                    x = cx
        if self._view.zoom_at(factor, x, self.width()):
            self._view_changed()

    def zoomIn(self) -> None:  # noqa: N802
        self.zoomAt(ZOOM_STEP)

    def zoomOut(self) -> None:  # noqa: N802
        self.zoomAt(1 / ZOOM_STEP)

    def panBy(self, dx_px: float) -> None:  # noqa: N802
        self._view.pan_by(dx_px, self.width())
        self._view_changed()

    def centerOn(self, t: float) -> None:  # noqa: N802
        self._view.center_on(t, self.width())
        self._view_changed()

    def showSpan(self, a: float, b: float) -> None:  # noqa: N802
        """Centre the view on [a, b) at a zoom where it fills the middle half of the view
        (Go to date: a day shows its hours, a month its days)."""
        span = max(b - a, 1.0)
        self.setView(a - span / 2, b + span / 2)

    def fitAll(self) -> None:  # noqa: N802
        """Frame where the events are: most of them (framing.py), the outliers counted at the
        edges; a few events are all framed."""
        idx = self._index
        if not len(idx):
            return
        a, b = idx.extent() if len(idx) < DENSE_MIN_EVENTS else dense_span(framed_starts(idx))
        # before the widget has its real size, fit again when it gets it
        self._fit_pending = not self.isVisible() or self.width() < FIT_MIN_WIDTH
        self.setView(*fit_range(a, b, self.width(), LABEL_MAX))

    def ensureVisible(self, row: int) -> None:  # noqa: N802
        if self._view.reveal(self._index.starts[row], self._index.ends[row], self.width()):
            self._view_changed()

    def _invalidate(self) -> None:
        self._frame = None
        self.update()

    # -- frame (what to draw; no painting) --------------------------------------------------
    def nLanes(self) -> int:  # noqa: N802
        return n_lanes(self.height())

    def frame(self) -> Frame:
        if self._frame is None:
            fonts = self._fonts
            self._frame = compute_frame(self._view, self.width(), self.height(), self._index,
                                        self._current, self._layouts, self._labels.label_px,
                                        self._labels.small_w,
                                        fonts.fm_context.horizontalAdvance, QRectF,
                                        matched=self._matched,
                                        match_starts=self._match_starts,
                                        match_rows=self._match_rows,
                                        match_gen=self._match_gen,
                                        label_min=self._labels.label_min)
        return self._frame

    def _badge_text(self, row: int) -> str:
        return badge_text(self._index, row)

    # -- what a user sees, for tests and the self-test -------------------------------------
    def tickUnit(self) -> str:  # noqa: N802
        return self.frame().unit

    def tickLabels(self) -> list[str]:  # noqa: N802
        t0, t1 = self.view()
        return [lab for t, lab in self.frame().ticks if t0 <= t <= t1]

    def contextLabels(self) -> list[str]:  # noqa: N802
        return [band.label for band in self.frame().bands]

    def visibleRows(self) -> list[int]:  # noqa: N802
        return [it.row for it in self.frame().items if it.hit.right() >= 0 and it.x0 <= self.width()]

    def drawnLabels(self) -> list[tuple[int, str]]:  # noqa: N802
        """(row, text) of each label the last paint drew, as elided on screen."""
        return list(self._painter.drawn)

    def overviewNote(self) -> str:  # noqa: N802
        """The note the last paint drew over the axis of an overview ("The 24 most important
        of 3,025 events here · zoom in for more"); '' when none."""
        return self._painter.note

    def overviewNoteRect(self) -> QRectF:  # noqa: N802
        """Where the last paint drew the overview's note (empty when none)."""
        return QRectF(self._painter.note_rect)

    def mode(self) -> str:
        return self.frame().mode

    def eventRect(self, row: int) -> QRectF | None:  # noqa: N802
        for it in self.frame().items:
            if it.row == row:
                return QRectF(it.hit)
        return None

    def markerPos(self, row: int) -> QPointF | None:  # noqa: N802
        for it in self.frame().items:
            if it.row == row:
                return QPointF(marker_x(self._index.kinds[row], it.x0, it.x1), it.hit.center().y())
        return None

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 (Qt)
        fr = self.frame()
        r = event.rect()
        p = QPainter(self)
        try:
            self._painter.paint(p, fr, index=self._index, view=self._view, current=self._current,
                                width=self.width(), height=self.height(), focus=self.hasFocus(),
                                empty_text=self._empty_text, matched=self._matched,
                                match_starts=self._match_starts, chosen=self._chosen,
                                key_days=self._key_days, rows=(r.top(), r.bottom() + 1))
        finally:
            p.end()
        self._painted_at = time.perf_counter()
        if not self._painted:
            self._painted = True
            self.firstPainted.emit()
        if self.notify_paints:
            self.painted.emit()
        then, self._after_paint = self._after_paint, []
        for callback in then:
            QTimer.singleShot(0, callback)

    def paint_then(self, callback: Callable[[], object], wait_ms: int = 250) -> None:
        """Paint what the widget shows now (at once, when it is on screen) and call `callback`
        once that paint is done; at once when the widget is hidden (nothing to paint first),
        and after `wait_ms` at the latest (a window no paint reaches)."""
        if not self.isVisible():
            callback()
            return
        done: list[bool] = []

        def once() -> None:
            if not done:
                done.append(True)
                callback()
        self._after_paint.append(once)
        self.repaint()
        QTimer.singleShot(wait_ms, once)

    # -- input ------------------------------------------------------------------------------
    def rowInTime(self, step: int) -> int:  # noqa: N802
        """The event Left (step -1) or Right (+1) selects: the previous or next in time; in an
        overview, the previous or next of those labelled on screen (the others wait in "+n"
        marks until the user zooms in: stepping onto one would reshuffle the lanes at every
        key), the next in time once none is left on screen. With nothing selected, the event
        nearest the middle of the view."""
        idx, n = self._index, len(self._index)
        if self._current < 0:
            t0, t1 = self.view()
            return idx.nearest_row((t0 + t1) / 2)
        fr = self.frame()
        if fr.mode == "overview":
            w = self.width()
            shown = sorted(it.row for it in fr.items if 0 <= self._view.x(idx.starts[it.row]) <= w)
            i = bisect_right(shown, self._current) if step > 0 else \
                bisect_left(shown, self._current) - 1
            if 0 <= i < len(shown):
                return shown[i]
        return min(max(self._current + step, 0), n - 1)

    def rowInLane(self, step: int) -> int:  # noqa: N802
        """The event nearest in time to the selected one in the nearest lane above (step -1) or
        below (+1) that has an event on screen; -1 when there is none. With nothing selected,
        the event nearest the middle of the top lane."""
        items = [it for it in self.frame().items if it.x0 <= self.width() and it.hit.right() >= 0]
        if not items:
            return -1
        cur = next((it for it in items if it.row == self._current), None)
        if cur is None:
            if self._current >= 0:
                x = self._view.x(self._index.starts[self._current])
                lane = -1 if step > 0 else len(items) + 100  # from outside the lanes
            else:
                x, lane = self.width() / 2, -1
                step = 1
        else:
            x, lane = marker_x(self._index.kinds[cur.row], cur.x0, cur.x1), cur.lane
        lanes = sorted({it.lane for it in items if (it.lane - lane) * step > 0},
                       key=lambda ln: abs(ln - lane))
        if not lanes:
            return -1
        target = lanes[0]
        best = min((it for it in items if it.lane == target),
                   key=lambda it: abs(marker_x(self._index.kinds[it.row], it.x0, it.x1) - x))
        return best.row

    def hitTest(self, pos: QPointF):
        fr = self.frame()
        for it in reversed(fr.items):
            if it.hit.contains(pos):
                return ("event", it.row)
        for a, b, n, rect in fr.overflow:
            if self._on_mark(pos, n, rect):
                return ("cluster", (a, b))
        return None

    def _on_mark(self, pos: QPointF, n: int, rect) -> bool:
        """Whether `pos` is on a "+n" mark: its cell, or the pill drawn for it, which is kept
        inside the timeline (mark_left) and so may lie beside a cell at an edge."""
        if rect.adjusted(-4, 0, 4, 0).contains(pos):
            return True
        w = self._labels.small_w(mark_text(n)) + MARK_PAD
        return QRectF(mark_left(rect.center().x(), w, self.width()), rect.y(), w,
                      rect.height()).contains(pos)

    def mousePressEvent(self, e) -> None:  # noqa: N802
        if e.button() == Qt.MouseButton.RightButton:
            hit = self.hitTest(e.position())  # the context menu acts on the event under the pointer
            if hit and hit[0] == "event":
                self.setCurrentEvent(hit[1], ensure_visible=False)
        if e.button() == Qt.MouseButton.LeftButton:
            self._press = e.position()
            self._press_t0 = self._view.t0
            self._dragging = False
        super().mousePressEvent(e)

    def mouseMoveEvent(self, e) -> None:  # noqa: N802
        if self._press is not None and e.buttons() & Qt.MouseButton.LeftButton:
            dx = e.position().x() - self._press.x()
            if abs(dx) > 4 or self._dragging:
                self._dragging = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self._view.t0 = self._press_t0  # where the drag began, dragged by dx
                self.panBy(-dx)
        elif not e.buttons():
            hit = self.hitTest(e.position())
            if hit:
                self.setCursor(Qt.CursorShape.PointingHandCursor)
            else:
                self.unsetCursor()
            self._set_hover_mark(self._mark_at(e.position()) if hit and hit[0] == "cluster" else -1)

    def mouseReleaseEvent(self, e) -> None:  # noqa: N802
        if e.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragging:
                hit = self.hitTest(e.position())
                if hit and hit[0] == "event" and \
                        e.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    self.toggleSelected(hit[1])
                elif hit and hit[0] == "event":
                    if self._chosen:
                        self._chosen = set()
                        self.selectionChanged.emit()
                    self.setCurrentEvent(hit[1], ensure_visible=False)
                elif hit and hit[0] == "cluster":
                    a, b = hit[1]
                    self._zoom_into(a, b)
            self._press = None
            self._dragging = False
            self.unsetCursor()

    def _mark_at(self, pos: QPointF) -> int:
        """The "+n" mark under `pos`, or -1."""
        for i, (_a, _b, n, rect) in enumerate(self.frame().overflow):
            if self._on_mark(pos, n, rect):
                return i
        return -1

    def _set_hover_mark(self, i: int) -> None:
        if i != self._painter.hover_mark:
            self._painter.hover_mark = i
            self.update()

    def hoveredMark(self) -> int:  # noqa: N802
        """The "+n" mark drawn as hovered (-1: none)."""
        return self._painter.hover_mark

    def leaveEvent(self, e) -> None:  # noqa: N802
        self._set_hover_mark(-1)
        super().leaveEvent(e)

    def _zoom_into(self, a: float, b: float) -> None:
        self.setView(*zoom_into_range(a, b, self.width()))

    def mouseDoubleClickEvent(self, e) -> None:  # noqa: N802
        hit = self.hitTest(e.position())
        if hit and hit[0] == "event":
            self.setCurrentEvent(hit[1], ensure_visible=False)
            self.eventActivated.emit(hit[1])
        else:
            self.zoomAt(2.0, e.position().x())

    def wheelEvent(self, e) -> None:  # noqa: N802
        d = e.angleDelta()
        if d.x() and not d.y():
            self.panBy(-d.x() / 120 * self.width() / 10)
        elif e.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.panBy(-d.y() / 120 * self.width() / 10)
        elif d.y():
            self.zoomAt(1.25 ** (d.y() / 120), e.position().x())
        e.accept()

    def keyPressEvent(self, e) -> None:  # noqa: N802
        k = e.key()
        mods = e.modifiers()
        n = len(self._index)
        if k in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoomIn()
        elif k in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoomOut()
        elif k in (Qt.Key.Key_Left, Qt.Key.Key_Right) and mods & (
                Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier):
            self.panBy((-1 if k == Qt.Key.Key_Left else 1) * self.width() / 5)
        elif k in (Qt.Key.Key_Left, Qt.Key.Key_Right) and n:
            self.setCurrentEvent(self.rowInTime(-1 if k == Qt.Key.Key_Left else 1))
        elif k in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not mods & (
                Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier) and n:
            row = self.rowInLane(-1 if k == Qt.Key.Key_Up else 1)
            if row >= 0:
                self.setCurrentEvent(row)
        elif k == Qt.Key.Key_Home and n:
            self.setCurrentEvent(0)
        elif k == Qt.Key.Key_End and n:
            self.setCurrentEvent(n - 1)
        elif k == Qt.Key.Key_PageUp:
            self.panBy(-self.width() * 0.8)
        elif k == Qt.Key.Key_PageDown:
            self.panBy(self.width() * 0.8)
        elif k == Qt.Key.Key_Space and mods & Qt.KeyboardModifier.ControlModifier \
                and self._current >= 0:
            self.toggleSelected(self._current, from_current=False)
        elif k == Qt.Key.Key_Escape and self._chosen:
            self.setSelectedRows([])
        elif k in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._current >= 0:
            self.eventActivated.emit(self._current)
        else:
            super().keyPressEvent(e)

    def event(self, e) -> bool:
        if e.type() == QEvent.Type.ToolTip:
            hit = self.hitTest(QPointF(e.pos()))
            if hit and hit[0] == "event":
                QToolTip.showText(e.globalPos(), self._tooltip(hit[1]), self)
            elif hit:
                QToolTip.showText(e.globalPos(), self.markTip(self._mark_at(QPointF(e.pos()))),
                                  self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def markTip(self, i: int) -> str:  # noqa: N802
        """The tooltip of the "+n" mark `i` of the frame: the events it holds (its n, not
        every event of its days) and their days."""
        if not 0 <= i < len(self.frame().overflow):
            return ""
        a, b, n, _rect = self.frame().overflow[i]
        span = f"{ta.format_span(a, a, 'day')} – {ta.format_span(b - 1, b - 1, 'day')}"
        return f"{count_words(n, 'more event')} not labelled, {span}: click to zoom in"

    def _tooltip(self, row: int) -> str:
        from html import escape  # tooltips only: not loaded before the first paint

        ev = self._index.events[row]
        if self.read_passages is not None:
            self.read_passages([ev])
        idx = self._index
        when = date_words(ev, event_zone(ev))
        lasting = event_duration_words(ev)
        lines = [f"<b>{escape(ev.label)}</b>",
                 escape(when) + (f" <i>(lasting {escape(lasting)})</i>" if lasting else ""),
                 f"{count_words(len(ev.document_ids), 'source')}, "
                 f"{count_words(ev.summary.n_passages, 'passage')}"]
        if ev.status != "happened":
            lines.append(f"<span style='color:{theme.TIP_STATUS.name()}'>"
                         f"{escape(ev.status)}</span>")
        if ev.conflicts:
            lines.append(f"<span style='color:{theme.TIP_CONFLICT.name()}'>Sources disagree</span>")
        if idx.reviewed[row]:
            lines.append(f"<span style='color:{theme.TIP_REVIEWED.name()}'>Reviewed</span>")
        if idx.dismissed[row]:
            lines.append(f"<span style='color:{theme.TIP_DISMISSED.name()}'>"
                         "Marked as not an event</span>")
        return "<br>".join(lines)

    def showEvent(self, e) -> None:  # noqa: N802
        super().showEvent(e)
        if self._fit_pending and self.width() >= FIT_MIN_WIDTH:
            self.fitAll()

    def resizeEvent(self, e) -> None:  # noqa: N802
        old = e.oldSize().width()
        if self._fit_pending and e.size().width() >= FIT_MIN_WIDTH and self.isVisible():
            self._invalidate()
            super().resizeEvent(e)
            self.fitAll()
            return
        if old > 0 and e.size().width() > 0:
            # keep the same time span visible
            self._view.resized(old, e.size().width())
        self._invalidate()
        super().resizeEvent(e)

    def focusInEvent(self, e) -> None:  # noqa: N802
        self.update()
        super().focusInEvent(e)

    def focusOutEvent(self, e) -> None:  # noqa: N802
        self.update()
        super().focusOutEvent(e)
