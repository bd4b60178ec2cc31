"""The timeline: one custom-painted QWidget meant for 100,000 events.

Per frame it only touches what is on screen:
  * the visible time range comes from the view (t0 and pixels per second); events meeting it are
    found by bisect in TimelineIndex;
  * in detail mode, events of a window aligned to a grid of chunks are packed into lanes (greedy
    first-fit on the drawn extent: span + label), cached per (zoom bucket, chunk range, lanes), so
    panning and zooming inside a bucket reuses the layout and lanes do not jump;
  * where a window holds more events than can be read, cluster mode draws one column per time cell
    with its count (two bisects per cell); events that do not fit the lanes in detail mode become
    "+n" marks in the bottom row. Clicking either zooms in there.
The axis ticks adapt (decades/years -> months -> days -> hours -> minutes) and a context row above
them always names the enclosing day/month/year, pinned at the left edge.
"""
from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (QBrush, QColor, QFont, QFontMetricsF, QLinearGradient, QPainter,
                           QPainterPath, QPen)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from kerryview.gui.timeline import axis as ta
from kerryview.gui.timeline.index import BAR, POINT, RANGE, Layout, TimelineIndex, pack_lanes

# -- look ---------------------------------------------------------------------------------------
BG = QColor("#ffffff")
LANE_ALT = QColor("#f7f9fc")
CONTEXT_BG = (QColor("#e8edf5"), QColor("#dde4ef"))
CONTEXT_FG = QColor("#1e293b")
TICK_FG = QColor("#475569")
GRID = QColor("#e6eaf0")
GRID_MAJOR = QColor("#c5cedb")
TEXT = QColor("#111827")
HAPPENED = QColor("#1d4ed8")
HAPPENED_FILL = QColor("#dbe6fd")
SCHEDULED = QColor("#b45309")
SCHEDULED_FILL = QColor("#fff7ed")
VAGUE = QColor("#0f766e")
BADGE_BG = QColor("#e2e8f0")
BADGE_FG = QColor("#334155")
CONFLICT_BG = QColor("#fee2e2")  # the sources badge of an event whose sources disagree
CONFLICT_FG = QColor("#991b1b")
REVIEWED_BG = QColor("#dcfce7")  # the user checked this event
REVIEWED_FG = QColor("#166534")
DISMISSED = QColor("#94a3b8")  # the user said it is not an event: faded and struck through
SELECT = QColor("#111827")
SELECT_GLOW = QColor(250, 204, 21, 150)
CLUSTER = QColor("#94a3b8")
CLUSTER_FG = QColor("#1e293b")

CONTEXT_H = 24
TICK_H = 22
AXIS_H = CONTEXT_H + TICK_H
LANE_TOP = AXIS_H + 6
LANE_H = 28
BOTTOM_H = 22
LABEL_MAX = 260.0
CHUNK_PX = 1024.0
CELL_PX = 26.0
DETAIL_MAX = 1500
MAX_SCALE = 400.0 / ta.MINUTE  # 400 px per minute
LAYOUT_CACHE = 48


@dataclass
class Item:
    row: int
    lane: int
    x0: float
    x1: float
    right: float  # last pixel the label may use
    hit: QRectF


@dataclass
class Frame:
    mode: str  # "empty" | "detail" | "cluster"
    t0: float
    t1: float
    unit: str = ""
    step: int = 1
    ticks: list = field(default_factory=list)
    context_unit: str = ""
    context: list = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    cells: list = field(default_factory=list)  # (t_a, t_b, count, rect)
    overflow: list = field(default_factory=list)  # (t_a, t_b, count, rect)
    in_view: int = 0


class TimelineWidget(QWidget):
    """Signals: currentEventChanged(row) when the selection changes (also from outside through
    setCurrentEvent), eventActivated(row) on Enter/double-click, viewChanged() on zoom/pan,
    firstPainted() once after the first paint, painted() after every paint."""

    currentEventChanged = Signal(int)
    eventActivated = Signal(int)
    viewChanged = Signal()
    firstPainted = Signal()
    painted = Signal()  # after every paint, while notify_paints is set

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumHeight(LANE_TOP + 3 * LANE_H + BOTTOM_H)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Timeline")
        self._index = TimelineIndex([])
        self._t0 = ta.iso_to_seconds("2023-01-01") or 0.0
        self._scale = 1200 / ta.YEAR
        self._current = -1
        self._layouts: dict[tuple, Layout] = {}
        self._label_w = array("f")
        self._elided: dict[tuple, str] = {}
        self._frame: Frame | None = None
        self._press: QPointF | None = None
        self._press_t0 = 0.0
        self._dragging = False
        self._painted = False
        self._fit_pending = False
        self.notify_paints = False
        self._empty_text = ("No events yet",
                            "Open articles with File › Open files… or drop files or folders here.")
        self._setup_fonts()

    # -- data -------------------------------------------------------------------------------
    def setIndex(self, index: TimelineIndex, keep_view: bool = False) -> None:
        old_id = self.currentEvent()
        self._index = index
        self._label_w = array("f", [-1.0]) * len(index)
        self._layouts.clear()
        self._elided.clear()
        self._current = -1
        if old_id is not None and old_id.id in index.row_of:
            self._current = index.row_of[old_id.id]
        if not keep_view:
            self.fitAll()
        self._invalidate()

    def index(self) -> TimelineIndex:
        return self._index

    def marksChanged(self) -> None:  # noqa: N802 (Qt style)
        """Repaint after the index's marks changed in place; marks never change the layout
        (same label and badge widths), so nothing moves."""
        self._invalidate()

    def currentRow(self) -> int:
        return self._current

    def currentEvent(self):
        if 0 <= self._current < len(self._index):
            return self._index.events[self._current]
        return None

    def setCurrentEvent(self, row: int, ensure_visible: bool = True) -> None:
        if not (-1 <= row < len(self._index)):
            row = -1
        changed = row != self._current
        self._current = row
        if ensure_visible and row >= 0:
            self.ensureVisible(row)
        self._invalidate()
        if changed:
            self.currentEventChanged.emit(row)

    def setEmptyText(self, title: str, detail: str) -> None:
        self._empty_text = (title, detail)
        self.update()

    # -- view -------------------------------------------------------------------------------
    def view(self) -> tuple[float, float]:
        return self._t0, self._t0 + max(1, self.width()) / self._scale

    def scale(self) -> float:
        return self._scale

    def _min_scale(self) -> float:
        return max(1, self.width()) / (ta.T_MAX - ta.T_MIN)

    def setView(self, t0: float, t1: float) -> None:
        w = max(1, self.width())
        span = max(t1 - t0, w / MAX_SCALE)
        self._scale = min(max(w / span, self._min_scale()), MAX_SCALE)
        self._t0 = t0
        self._clamp()
        self._invalidate()
        self.viewChanged.emit()

    def _clamp(self) -> None:
        span = max(1, self.width()) / self._scale
        self._t0 = min(max(self._t0, ta.T_MIN), max(ta.T_MIN, ta.T_MAX - span))

    def zoomAt(self, factor: float, x: float | None = None) -> None:
        if x is None:
            x = self.width() / 2
            if self._current >= 0:
                cx = self._x(self._index.starts[self._current])
                if 0 <= cx <= self.width():
                    x = cx
        t = self._t0 + x / self._scale
        new = min(max(self._scale * factor, self._min_scale()), MAX_SCALE)
        if new == self._scale:
            return
        self._scale = new
        self._t0 = t - x / new
        self._clamp()
        self._invalidate()
        self.viewChanged.emit()

    def zoomIn(self) -> None:
        self.zoomAt(1.6)

    def zoomOut(self) -> None:
        self.zoomAt(1 / 1.6)

    def panBy(self, dx_px: float) -> None:
        self._t0 += dx_px / self._scale
        self._clamp()
        self._invalidate()
        self.viewChanged.emit()

    def centerOn(self, t: float) -> None:
        self._t0 = t - self.width() / 2 / self._scale
        self._clamp()
        self._invalidate()
        self.viewChanged.emit()

    def fitAll(self) -> None:
        idx = self._index
        if not len(idx):
            return
        a, b = idx.extent()
        if b - a < ta.DAY:
            mid = (a + b) / 2
            a, b = mid - 3 * ta.DAY, mid + 3 * ta.DAY
        w = self.width()
        # before the widget has its real size, fit again when it gets it
        self._fit_pending = not self.isVisible() or w < 300
        w = max(w, 300)
        pad = (b - a) * 0.03
        # leave room on the right for the last event's label
        right = (LABEL_MAX * 0.6) / (w - LABEL_MAX * 0.6) * (b - a)
        self.setView(a - pad, b + pad + right)

    def ensureVisible(self, row: int) -> None:
        s, e = self._index.starts[row], self._index.ends[row]
        w = self.width()
        x0, x1 = self._x(s), self._x(e)
        margin = min(80, w / 6)
        if margin <= x0 <= w - margin - 120:
            return
        if x0 < margin and x1 > w * 0.3:  # a long span already filling much of the view
            return
        if (e - s) * self._scale < w * 0.7:
            self.centerOn((s + e) / 2)
        else:
            self._t0 = s - margin / self._scale
            self._clamp()
            self._invalidate()
            self.viewChanged.emit()

    def _x(self, t: float) -> float:
        return (t - self._t0) * self._scale

    def _invalidate(self) -> None:
        self._frame = None
        self.update()

    # -- fonts and labels -------------------------------------------------------------------
    def _setup_fonts(self) -> None:
        base = QFont(self.font())
        if base.pointSizeF() < 10:
            base.setPointSizeF(10)
        self._f_label = base
        self._f_bold = QFont(base)
        self._f_bold.setBold(True)
        self._f_small = QFont(base)
        self._f_small.setPointSizeF(base.pointSizeF() * 0.82)
        self._f_context = QFont(base)
        self._f_context.setBold(True)
        self._fm = QFontMetricsF(self._f_label)
        self._fm_bold = QFontMetricsF(self._f_bold)
        self._fm_small = QFontMetricsF(self._f_small)
        self._fm_context = QFontMetricsF(self._f_context)

    def _badge_text(self, row: int) -> str:
        n = f"×{self._index.n_sources[row]}"
        return n + " ≠" if self._index.conflicted[row] else n

    def _tag_text(self, row: int) -> str:
        if self._index.scheduled[row]:
            return self._index.events[row].status or "scheduled"
        return ""

    def _extras_w(self, row: int) -> float:
        w = self._fm_small.horizontalAdvance(self._badge_text(row)) + 12
        tag = self._tag_text(row)
        if tag:
            w += self._fm_small.horizontalAdvance(tag) + 14
        return w

    def _label_px(self, row: int) -> float:
        w = self._label_w[row]
        if w < 0:
            w = min(self._fm_bold.horizontalAdvance(self._index.labels[row]), LABEL_MAX)
            w += self._extras_w(row)
            self._label_w[row] = w
        return w

    def _elide(self, row: int, width: float, bold: bool) -> str:
        key = (row, int(width) >> 2, bold)
        text = self._elided.get(key)
        if text is None:
            if len(self._elided) > 20000:
                self._elided.clear()
            fm = self._fm_bold if bold else self._fm
            text = fm.elidedText(self._index.labels[row], Qt.TextElideMode.ElideRight,
                                 max(0.0, (int(width) >> 2) * 4.0))
            self._elided[key] = text
        return text

    # -- frame (what to draw; no painting) --------------------------------------------------
    def nLanes(self) -> int:
        return max(1, (self.height() - LANE_TOP - BOTTOM_H) // LANE_H)

    def frame(self) -> Frame:
        if self._frame is None:
            self._frame = self._compute_frame()
        return self._frame

    def _compute_frame(self) -> Frame:
        t0, t1 = self.view()
        fr = Frame(mode="empty", t0=t0, t1=t1)
        fr.unit, fr.step, fr.ticks, fr.context_unit, fr.context = ta.axis_ticks(t0, t1, self._scale)
        idx = self._index
        if not len(idx):
            return fr
        bucket = ta.bucket_of(self._scale)
        s_lo = ta.bucket_low_scale(bucket)
        chunk = CHUNK_PX / s_lo
        c0 = math.floor(t0 / chunk) - 1
        c1 = math.floor(t1 / chunk) + 1
        wa, wb = c0 * chunk, (c1 + 1) * chunk
        lanes = self.nLanes()
        fr.in_view = idx.count_starting(t0, t1)
        if idx.count_overlapping(wa, wb) > DETAIL_MAX:
            fr.mode = "cluster"
            self._cluster_cells(fr, idx.starts, t0, t1, s_lo, fr.cells, LANE_TOP,
                                self.height() - BOTTOM_H - 4)
            return fr
        fr.mode = "detail"
        cur = self._current
        if cur >= 0 and (idx.starts[cur] > wb or idx.ends[cur] < wa):
            cur = -1
        # The usual packing, so that selecting an event moves nothing; only when the selected
        # event would be left in a "+n" mark is it packed first, so it is always drawn.
        layout = self._layout((bucket, c0, c1, lanes, -1), idx, wa, wb, s_lo)
        if cur >= 0 and cur in layout.overflow_set:
            layout = self._layout((bucket, c0, c1, lanes, cur), idx, wa, wb, s_lo)
        sc = self._scale
        for i, r in enumerate(layout.rows):
            lane = layout.lanes[i]
            if lane < 0 or layout.ext_end[i] < t0 or layout.ext_start[i] > t1:
                continue
            x0 = (idx.starts[r] - t0) * sc
            x1 = (idx.ends[r] - t0) * sc
            right = (layout.ext_end[i] - t0) * sc - 8
            top = LANE_TOP + lane * LANE_H
            fr.items.append(Item(r, lane, x0, x1, right,
                                 QRectF(min(x0, x1 - 6) - 6, top + 1, right - x0 + 12, LANE_H - 2)))
        if layout.overflow:
            y = self.height() - BOTTOM_H
            self._cluster_cells(fr, layout.overflow_starts, t0, t1, s_lo, fr.overflow, y, None)
        return fr

    def _layout(self, key: tuple, idx: TimelineIndex, wa: float, wb: float, s_lo: float):
        """The lane packing of the events in [wa, wb] at one zoom bucket (cached); key[-1] is
        the row packed first, or -1."""
        layout = self._layouts.get(key)
        if layout is None:
            if len(self._layouts) >= LAYOUT_CACHE:
                self._layouts.pop(next(iter(self._layouts)))
            layout = pack_lanes(idx, idx.overlapping(wa, wb), key[3], s_lo, self._label_px, first=key[-1])
            layout.overflow_starts = array("d", (idx.starts[r] for r in layout.overflow))
            layout.overflow_set = frozenset(layout.overflow)
            self._layouts[key] = layout
        return layout

    def _cluster_cells(self, fr: Frame, starts, t0: float, t1: float, s_lo: float, out: list,
                       top: float, bottom: float | None) -> None:
        cell = CELL_PX / s_lo
        i0 = math.floor(t0 / cell)
        i1 = math.floor(t1 / cell)
        sc = self._scale
        lo = bisect_left(starts, i0 * cell)
        for i in range(i0, i1 + 1):
            hi = bisect_left(starts, (i + 1) * cell, lo)
            n = hi - lo
            if n:
                a = i * cell
                xa = (a - t0) * sc
                w = cell * sc
                out.append((a, a + cell, n, QRectF(xa + 1, top, max(2.0, w - 2),
                                                     (bottom - top) if bottom else BOTTOM_H - 3)))
            lo = hi

    # -- what a user sees, for tests and the self-test -------------------------------------
    def tickUnit(self) -> str:
        return self.frame().unit

    def tickLabels(self) -> list[str]:
        t0, t1 = self.view()
        return [lab for t, lab in self.frame().ticks if t0 <= t <= t1]

    def contextLabels(self) -> list[str]:
        fr = self.frame()
        return [lab for _, lab in self._context_spans(fr)]

    def visibleRows(self) -> list[int]:
        return [it.row for it in self.frame().items if it.hit.right() >= 0 and it.x0 <= self.width()]

    def mode(self) -> str:
        return self.frame().mode

    def eventRect(self, row: int) -> QRectF | None:
        for it in self.frame().items:
            if it.row == row:
                return QRectF(it.hit)
        return None

    def markerPos(self, row: int) -> QPointF | None:
        for it in self.frame().items:
            if it.row == row:
                wide = it.x1 - it.x0 >= (28 if self._index.kinds[row] == POINT else 14)
                x = max(it.x0, 0) + 4 if wide else (it.x0 + it.x1) / 2
                return QPointF(x, it.hit.center().y())
        return None

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 (Qt)
        fr = self.frame()
        p = QPainter(self)
        try:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            p.fillRect(self.rect(), BG)
            self._paint_lanes_bg(p)
            self._paint_axis(p, fr)
            if fr.mode == "empty":
                self._paint_empty(p)
            elif fr.mode == "cluster":
                self._paint_clusters(p, fr)
            else:
                self._paint_items(p, fr)
            if fr.overflow:
                self._paint_overflow(p, fr)
            self._paint_current_overlay(p, fr)
            if self.hasFocus():
                p.setPen(QPen(QColor("#93c5fd"), 2))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        finally:
            p.end()
        if not self._painted:
            self._painted = True
            self.firstPainted.emit()
        if self.notify_paints:
            self.painted.emit()

    def _paint_lanes_bg(self, p: QPainter) -> None:
        w = self.width()
        for lane in range(self.nLanes()):
            if lane % 2:
                p.fillRect(QRectF(0, LANE_TOP + lane * LANE_H, w, LANE_H), LANE_ALT)

    def _context_spans(self, fr: Frame):
        """(x of the sticky label, label) for each context period meeting the view."""
        out = []
        ctx = fr.context
        w = self.width()
        for i, (t, lab) in enumerate(ctx):
            xa = self._x(t)
            xb = self._x(ctx[i + 1][0]) if i + 1 < len(ctx) else w + 1e6
            if xb < 0 or xa > w:
                continue
            tw = self._fm_context.horizontalAdvance(lab)
            lx = max(xa, 0) + 8
            if lx + tw > xb - 8:
                lx = xb - 8 - tw
            out.append((lx, lab))
        return out

    def _paint_axis(self, p: QPainter, fr: Frame) -> None:
        w, h = self.width(), self.height()
        ctx = fr.context
        # context row: alternating bands, label pinned to the left edge while its period lasts
        p.setFont(self._f_context)
        for i, (t, lab) in enumerate(ctx):
            xa = self._x(t)
            xb = self._x(ctx[i + 1][0]) if i + 1 < len(ctx) else w + 10
            if xb < 0 or xa > w:
                continue
            band = QRectF(max(xa, -1), 0, min(xb, w + 1) - max(xa, -1), CONTEXT_H)
            p.fillRect(band, CONTEXT_BG[i % 2])
            tw = self._fm_context.horizontalAdvance(lab)
            lx = max(xa, 0) + 8
            if lx + tw > xb - 8:
                lx = xb - 8 - tw
            if lx + tw > 0:
                p.setPen(CONTEXT_FG)
                p.drawText(QRectF(lx, 0, tw + 2, CONTEXT_H),
                           Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, lab)
            if 0 <= xa <= w:
                p.setPen(QPen(GRID_MAJOR, 1))
                p.drawLine(QPointF(xa, 0), QPointF(xa, h))
        # tick row
        p.fillRect(QRectF(0, CONTEXT_H, w, TICK_H), QColor("#f8fafc"))
        p.setPen(QPen(QColor("#cbd5e1"), 1))
        p.drawLine(QPointF(0, AXIS_H - 0.5), QPointF(w, AXIS_H - 0.5))
        p.setFont(self._f_small)
        center = fr.step == 1 and fr.unit in ("day", "month", "year")
        ticks = fr.ticks
        ctx_ts = {t for t, _ in ctx}
        for i, (t, lab) in enumerate(ticks):
            x = self._x(t)
            if x > w:
                break
            if t not in ctx_ts:
                p.setPen(QPen(GRID, 1))
                p.drawLine(QPointF(x, CONTEXT_H + TICK_H - 6), QPointF(x, h))
            tw = self._fm_small.horizontalAdvance(lab)
            if center and i + 1 < len(ticks):
                xn = self._x(ticks[i + 1][0])
                lx = (x + xn - tw) / 2
            else:
                lx = x + 3
            if lx + tw < 0:
                continue
            p.setPen(TICK_FG)
            p.drawText(QRectF(lx, CONTEXT_H, tw + 2, TICK_H),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, lab)

    def _paint_empty(self, p: QPainter) -> None:
        title, detail = self._empty_text
        r = QRectF(0, LANE_TOP, self.width(), self.height() - LANE_TOP)
        f = QFont(self._f_label)
        f.setPointSizeF(f.pointSizeF() * 1.4)
        p.setFont(f)
        p.setPen(QColor("#334155"))
        p.drawText(r.adjusted(0, 0, 0, -r.height() / 2 + 4),
                   Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, title)
        p.setFont(self._f_label)
        p.setPen(QColor("#64748b"))
        p.drawText(r.adjusted(0, r.height() / 2 + 8, 0, 0),
                   Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, detail)

    def _paint_clusters(self, p: QPainter, fr: Frame) -> None:
        if not fr.cells:
            return
        top = LANE_TOP + 18
        bottom = self.height() - BOTTOM_H - 4
        maxn = max(c[2] for c in fr.cells)
        sm = math.sqrt(maxn)
        p.setFont(self._f_small)
        # Opaque fills, no antialiased rounded paths: a translucent rounded column costs about
        # 0.2 ms to rasterise, and a zoomed-out frame draws dozens (benchmarks/timeline_paint.py).
        base, c = QColor(255, 255, 255), QColor(CLUSTER)
        k = 150 / 255
        fill = QColor(round(c.red() * k + base.red() * (1 - k)),
                      round(c.green() * k + base.green() * (1 - k)),
                      round(c.blue() * k + base.blue() * (1 - k)))
        for a, b, n, rect in fr.cells:
            hgt = max(4.0, (bottom - top) * math.sqrt(n) / sm)
            bar = QRectF(rect.x(), bottom - hgt, rect.width(), hgt)
            p.fillRect(bar, fill)
            text = _short_count(n)
            tw = self._fm_small.horizontalAdvance(text)
            if tw <= rect.width() + 4:
                p.setPen(CLUSTER_FG)
                p.drawText(QRectF(rect.center().x() - tw / 2 - 2, bar.top() - 16, tw + 4, 15),
                           Qt.AlignmentFlag.AlignCenter, text)
        msg = f"{fr.in_view:,} events here: zoom in (wheel, +) or click a column to read them"
        p.setFont(self._f_label)
        tw = self._fm.horizontalAdvance(msg)
        r = QRectF(self.width() - tw - 20, self.height() - BOTTOM_H, tw + 12, BOTTOM_H - 2)
        p.fillRect(r, QColor(255, 255, 255, 220))
        p.setPen(QColor("#334155"))
        p.drawText(r, Qt.AlignmentFlag.AlignCenter, msg)

    def _paint_overflow(self, p: QPainter, fr: Frame) -> None:
        p.setFont(self._f_small)
        for a, b, n, rect in fr.overflow:
            text = f"+{_short_count(n)}"
            tw = self._fm_small.horizontalAdvance(text) + 8
            x = min(max(rect.center().x() - tw / 2, 2.0), self.width() - tw - 2)
            r = QRectF(x, rect.y() + 2, tw, rect.height() - 4)
            p.setPen(QPen(CLUSTER, 1))
            p.setBrush(QColor("#f1f5f9"))
            p.drawRoundedRect(r, 6, 6)
            p.setPen(CLUSTER_FG)
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_items(self, p: QPainter, fr: Frame) -> None:
        idx = self._index
        # vague ranges first so that points and bars stay on top
        for it in fr.items:
            if idx.kinds[it.row] == RANGE:
                self._paint_item(p, it)
        for it in fr.items:
            if idx.kinds[it.row] != RANGE:
                self._paint_item(p, it)

    def _paint_item(self, p: QPainter, it: Item, overlay: bool = False) -> None:
        idx = self._index
        r = it.row
        kind = idx.kinds[r]
        sched = bool(idx.scheduled[r])
        selected = r == self._current
        top = LANE_TOP + it.lane * LANE_H
        x0, x1 = it.x0, it.x1
        # a day-level point becomes a mark spanning its day once the day is wide enough
        wide = x1 - x0 >= (28 if kind == POINT else 14)
        colour = SCHEDULED if sched else (VAGUE if kind == RANGE else HAPPENED)
        extras = self._extras_w(r)
        dismissed = idx.dismissed[r]
        if dismissed:
            p.setOpacity(0.35)
        text_h = LANE_H
        if wide and kind != RANGE:
            # a span: a slim bar along the bottom of the lane, the label above it
            body = QRectF(x0, top + LANE_H - 9, x1 - x0, 6)
            draw_body(p, kind, sched, body, selected)
            label_x = max(x0, 0.0) + 6
            text_h = LANE_H - 8
        elif wide:
            draw_body(p, kind, sched, QRectF(x0, top + 3, x1 - x0, LANE_H - 6), selected)
            label_x = max(x0, 0.0) + 8
        else:
            cx = (x0 + x1) / 2
            draw_marker(p, kind, sched, QPointF(cx, top + LANE_H / 2), selected)
            label_x = cx + 9
        if dismissed:
            p.setOpacity(1.0)
        label_x = max(label_x, 4.0)  # a label whose event starts off-screen stays readable
        # elided at the widget's right edge too: never clipped text
        avail = min(it.right, self.width() - 6) - label_x - extras
        if avail < 24:
            return
        text = self._elide(r, avail, selected)
        fm = self._fm_bold if selected else self._fm
        tw = fm.horizontalAdvance(text)
        if overlay:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(255, 255, 255, 235))
            p.drawRoundedRect(QRectF(label_x - 3, top + 3, tw + extras + 6, text_h - 4), 4, 4)
        p.setFont(self._f_bold if selected else self._f_label)
        p.setPen(DISMISSED if dismissed else TEXT if kind != RANGE or sched else QColor("#134e4a"))
        p.drawText(QRectF(label_x, top, tw + 2, text_h),
                   Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        if dismissed:
            y = top + text_h / 2 + 1
            p.drawLine(QPointF(label_x, y), QPointF(label_x + tw, y))
        # sources badge and status tag
        p.setFont(self._f_small)
        bx = label_x + tw + 6
        badge = self._badge_text(r)
        bw = self._fm_small.horizontalAdvance(badge) + 8
        cy = top + text_h / 2
        br = QRectF(bx, cy - 8, bw, 16)
        conflicted = self._index.conflicted[r]
        reviewed = self._index.reviewed[r]
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(CONFLICT_BG if conflicted else REVIEWED_BG if reviewed else BADGE_BG)
        p.drawRoundedRect(br, 8, 8)
        p.setPen(CONFLICT_FG if conflicted else REVIEWED_FG if reviewed else BADGE_FG)
        p.drawText(br, Qt.AlignmentFlag.AlignCenter, badge)
        tag = self._tag_text(r)
        if tag:
            tgw = self._fm_small.horizontalAdvance(tag) + 10
            tr = QRectF(bx + bw + 4, cy - 8, tgw, 16)
            pen = QPen(colour, 1, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(SCHEDULED_FILL)
            p.drawRoundedRect(tr, 8, 8)
            p.setPen(SCHEDULED)
            p.drawText(tr, Qt.AlignmentFlag.AlignCenter, tag)

    def _paint_current_overlay(self, p: QPainter, fr: Frame) -> None:
        """The selected event stays visible even when clustered or in overflow."""
        r = self._current
        if r < 0 or fr.mode == "empty" or any(it.row == r for it in fr.items):
            return
        idx = self._index
        x0, x1 = self._x(idx.starts[r]), self._x(idx.ends[r])
        if x1 < 0 or x0 > self.width():
            return
        it = Item(r, 0, x0, x1, self.width() - 4, QRectF())
        self._paint_item(p, it, overlay=True)

    # -- input ------------------------------------------------------------------------------
    def hitTest(self, pos: QPointF):
        fr = self.frame()
        for it in reversed(fr.items):
            if it.hit.contains(pos):
                return ("event", it.row)
        for a, b, n, rect in fr.overflow:
            if rect.adjusted(-4, 0, 4, 0).contains(pos):
                return ("cluster", (a, b))
        for a, b, n, rect in fr.cells:
            if QRectF(rect.x(), LANE_TOP, rect.width(), rect.bottom() - LANE_TOP).contains(pos):
                return ("cluster", (a, b))
        return None

    def mousePressEvent(self, e) -> None:  # noqa: N802
        if e.button() == Qt.MouseButton.RightButton:
            hit = self.hitTest(e.position())  # the context menu acts on the event under the pointer
            if hit and hit[0] == "event":
                self.setCurrentEvent(hit[1], ensure_visible=False)
        if e.button() == Qt.MouseButton.LeftButton:
            self._press = e.position()
            self._press_t0 = self._t0
            self._dragging = False
        super().mousePressEvent(e)

    def mouseMoveEvent(self, e) -> None:  # noqa: N802
        if self._press is not None and e.buttons() & Qt.MouseButton.LeftButton:
            dx = e.position().x() - self._press.x()
            if abs(dx) > 4 or self._dragging:
                self._dragging = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self._t0 = self._press_t0 - dx / self._scale
                self._clamp()
                self._invalidate()
                self.viewChanged.emit()
        elif not e.buttons():
            hit = self.hitTest(e.position())
            if hit:
                self.setCursor(Qt.CursorShape.PointingHandCursor)
            else:
                self.unsetCursor()

    def mouseReleaseEvent(self, e) -> None:  # noqa: N802
        if e.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragging:
                hit = self.hitTest(e.position())
                if hit and hit[0] == "event":
                    self.setCurrentEvent(hit[1], ensure_visible=False)
                elif hit and hit[0] == "cluster":
                    a, b = hit[1]
                    self._zoom_into(a, b)
            self._press = None
            self._dragging = False
            self.unsetCursor()

    def _zoom_into(self, a: float, b: float) -> None:
        mid = (a + b) / 2  # the cell fills most of the view: its events spread out
        span = max((b - a) * 1.6, self.width() / MAX_SCALE)
        self.setView(mid - span / 2, mid + span / 2)

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
            step = -1 if k == Qt.Key.Key_Left else 1
            if self._current < 0:
                t0, t1 = self.view()
                row = self._index.nearest_row((t0 + t1) / 2)
            else:
                row = min(max(self._current + step, 0), n - 1)
            self.setCurrentEvent(row)
        elif k == Qt.Key.Key_Home and n:
            self.setCurrentEvent(0)
        elif k == Qt.Key.Key_End and n:
            self.setCurrentEvent(n - 1)
        elif k == Qt.Key.Key_PageUp:
            self.panBy(-self.width() * 0.8)
        elif k == Qt.Key.Key_PageDown:
            self.panBy(self.width() * 0.8)
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
                a, b = hit[1]
                n = self._index.count_starting(a, b)
                span = f"{ta.format_span(a, a, 'day')} – {ta.format_span(b - 1, b - 1, 'day')}"
                QToolTip.showText(e.globalPos(), f"{n:,} events, {span}: click to zoom in", self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def _tooltip(self, row: int) -> str:
        from html import escape
        ev = self._index.events[row]
        idx = self._index
        when = ta.format_span(idx.starts[row], idx.ends[row], ev.granularity)
        lines = [f"<b>{escape(ev.label)}</b>", f"{escape(when)} <i>({escape(ev.granularity)}"
                 f"{', ' + escape(ev.duration) if ev.duration else ''})</i>",
                 f"{len(ev.document_ids)} source(s), {len(ev.mentions)} passage(s)"]
        if ev.status != "happened":
            lines.append(f"<span style='color:#b45309'>{escape(ev.status)}</span>")
        if ev.conflicts:
            lines.append("<span style='color:#b91c1c'>Sources disagree</span>")
        if idx.reviewed[row]:
            lines.append("<span style='color:#166534'>Reviewed</span>")
        if idx.dismissed[row]:
            lines.append("<span style='color:#64748b'>Marked as not an event</span>")
        return "<br>".join(lines)

    def showEvent(self, e) -> None:  # noqa: N802
        super().showEvent(e)
        if self._fit_pending and self.width() >= 300:
            self.fitAll()

    def resizeEvent(self, e) -> None:  # noqa: N802
        old = e.oldSize().width()
        if self._fit_pending and e.size().width() >= 300 and self.isVisible():
            self._invalidate()
            super().resizeEvent(e)
            self.fitAll()
            return
        if old > 0 and e.size().width() > 0:
            # keep the same time span visible
            self._scale *= e.size().width() / old
            self._scale = min(max(self._scale, self._min_scale()), MAX_SCALE)
        self._invalidate()
        super().resizeEvent(e)

    def focusInEvent(self, e) -> None:  # noqa: N802
        self.update()
        super().focusInEvent(e)

    def focusOutEvent(self, e) -> None:  # noqa: N802
        self.update()
        super().focusOutEvent(e)


def _short_count(n: int) -> str:
    if n < 1000:
        return str(n)
    if n < 10000:
        return f"{n / 1000:.1f}k"
    return f"{n // 1000}k"


# -- shapes, shared with the legend -------------------------------------------------------------
def draw_marker(p: QPainter, kind: int, scheduled: bool, c: QPointF, selected: bool) -> None:
    colour = SCHEDULED if scheduled else (VAGUE if kind == RANGE else HAPPENED)
    if selected:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(SELECT_GLOW)
        p.drawEllipse(c, 10, 10)
    pen = QPen(SELECT if selected else colour, 2 if selected else 1.6)
    if scheduled:
        pen.setStyle(Qt.PenStyle.DashLine if kind != POINT else Qt.PenStyle.SolidLine)
    p.setPen(pen)
    if kind == RANGE:
        fill = QColor(colour)
        fill.setAlpha(70)
        p.setBrush(fill)
        p.setPen(QPen(QColor(colour.red(), colour.green(), colour.blue(), 140), 1,
                      Qt.PenStyle.DashLine if scheduled else Qt.PenStyle.SolidLine))
        p.drawRoundedRect(QRectF(c.x() - 6, c.y() - 8, 12, 16), 3, 3)
    elif kind == BAR:
        p.setBrush(SCHEDULED_FILL if scheduled else colour)
        p.drawRoundedRect(QRectF(c.x() - 6, c.y() - 4, 12, 8), 2, 2)
    else:
        p.setBrush(QColor("#ffffff") if scheduled else colour)
        if scheduled:  # hollow diamond
            path = QPainterPath()
            path.moveTo(c.x(), c.y() - 6)
            path.lineTo(c.x() + 6, c.y())
            path.lineTo(c.x(), c.y() + 6)
            path.lineTo(c.x() - 6, c.y())
            path.closeSubpath()
            p.drawPath(path)
        else:
            p.drawEllipse(c, 5, 5)


def draw_body(p: QPainter, kind: int, scheduled: bool, r: QRectF, selected: bool) -> None:
    colour = SCHEDULED if scheduled else (VAGUE if kind == RANGE else HAPPENED)
    if selected:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(SELECT_GLOW)
        p.drawRoundedRect(r.adjusted(-3, -3, 3, 3), 6, 6)
    if kind == RANGE:
        # vague date: a soft translucent range fading at both ends
        g = QLinearGradient(r.left(), 0, r.right(), 0)
        base = QColor(colour)
        edge = QColor(colour)
        base.setAlpha(60)
        edge.setAlpha(15)
        g.setColorAt(0.0, edge)
        g.setColorAt(min(0.15, 40 / max(r.width(), 1)), base)
        g.setColorAt(max(0.85, 1 - 40 / max(r.width(), 1)), base)
        g.setColorAt(1.0, edge)
        p.setBrush(QBrush(g))
        pen = QPen(QColor(colour.red(), colour.green(), colour.blue(), 110), 1,
                   Qt.PenStyle.DashLine if scheduled else Qt.PenStyle.DotLine)
        if selected:
            pen = QPen(SELECT, 2)
        p.setPen(pen)
        p.drawRoundedRect(r, 4, 4)
        return
    pen = QPen(SELECT if selected else colour, 2 if selected else 1.4)
    if scheduled:
        pen.setStyle(Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.setBrush(SCHEDULED_FILL if scheduled else HAPPENED_FILL)
    p.drawRoundedRect(r, 4, 4)
    # a solid left edge marks where it starts
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawRoundedRect(QRectF(r.left(), r.top(), min(4.0, r.width()), r.height()), 2, 2)


class TimelineLegend(QWidget):
    """One line under the timeline explaining the marks."""

    ENTRIES = [
        (POINT, False, "happened"),
        (POINT, True, "scheduled / expected"),
        (BAR, False, "with a duration"),
        (RANGE, False, "vague date (month, season, year)"),
    ]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        f = QFont(self.font())
        f.setPointSizeF(max(9.0, f.pointSizeF() * 0.9))
        self.setFont(f)
        self._fm = QFontMetricsF(f)
        self.setFixedHeight(int(self._fm.height() + 10))
        self.setToolTip("Wheel: zoom around the pointer · drag: pan · ←/→: previous/next event · "
                        "Enter: open · +/−: zoom · Shift+←/→: pan")

    def sizeHint(self):  # noqa: D401
        from PySide6.QtCore import QSize
        return QSize(800, self.height())

    def _badge_entry(self, p: QPainter, x: float, cy: float, badge: str, text: str,
                     bg: QColor, fg: QColor) -> float:
        """A badge as the timeline draws it, then what it means; returns the next x."""
        bw = self._fm.horizontalAdvance(badge) + 10
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(bg)
        p.drawRoundedRect(QRectF(x, cy - 8, bw, 16), 8, 8)
        p.setPen(fg)
        p.drawText(QRectF(x, cy - 8, bw, 16), Qt.AlignmentFlag.AlignCenter, badge)
        p.setPen(QColor("#334155"))
        p.drawText(QRectF(x + bw + 6, 0, 200, self.height()), Qt.AlignmentFlag.AlignVCenter, text)
        return x + bw + self._fm.horizontalAdvance(text) + 34

    def paintEvent(self, e) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#f8fafc"))
        p.setPen(QColor("#e2e8f0"))
        p.drawLine(0, 0, self.width(), 0)
        x = 12.0
        cy = self.height() / 2
        for kind, sched, text in self.ENTRIES:
            draw_marker(p, kind, sched, QPointF(x + 6, cy), False)
            p.setPen(QColor("#334155"))
            tw = self._fm.horizontalAdvance(text)
            p.drawText(QRectF(x + 16, 0, tw + 4, self.height()), Qt.AlignmentFlag.AlignVCenter, text)
            x += tw + 40
        x = self._badge_entry(p, x, cy, "×4", "number of sources", BADGE_BG, BADGE_FG)
        x = self._badge_entry(p, x, cy, "≠", "sources disagree", CONFLICT_BG, CONFLICT_FG)
        x = self._badge_entry(p, x, cy, "×2", "reviewed", REVIEWED_BG, REVIEWED_FG)
        p.setPen(QColor("#64748b"))
        hint = "wheel zoom · drag pan · ←/→ events · Enter open"
        if x + self._fm.horizontalAdvance(hint) < self.width() - 12:
            p.drawText(QRectF(0, 0, self.width() - 12, self.height()),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, hint)
        p.end()
