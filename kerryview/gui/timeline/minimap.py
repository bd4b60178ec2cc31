"""The mini-map under the timeline: every event's place over the whole span of the story
(outliers included), with the part the timeline shows outlined. Click or drag to move the
timeline there; the wheel zooms it.

Robust to outliers: when the events reach far beyond the dense part of the story ("fit all"'s
framing.dense_span: one "17th-century statue" in a pile about April 2009 stretches the span to
400 years, and the story would be a sliver), the dense part gets the middle of the map and the
time before and after it is squeezed into a strip at each edge (EDGE_SHARE of the width, set
off by a rule), where the outliers still show as marks and a click still goes to them.

Cheap by construction: the density is counted once per index and width (one bisect per
column, never a loop over the events), and a view change only repaints the outline.
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from kerryview.gui import theme
from kerryview.gui.timeline import axis as ta
from kerryview.gui.timeline.framing import DENSE_MIN_EVENTS, dense_span, framed_starts
from kerryview.gui.timeline.widget import TimelineWidget

HEIGHT = 30
COLUMN_PX = 3  # one density column
PAD = 0.02  # of the span, on each side
FAR = 4.0  # events reaching more than FAR times the dense part's length before or after it
EDGE_SHARE = 0.12  # of the width, for the squeezed time on each side where events reach far
SNAP_PX = 4  # a click this near an event's mark in a squeezed strip goes to that event

Knots = list[tuple[float, float]]  # (time, fraction of the width), both increasing


def scale_knots(starts, ends_max: float, framed) -> Knots:
    """Where time falls on the map, as a piecewise-linear scale: the whole span, padded; or,
    on a side where the events reach more than FAR times the length of the dense part of the
    `framed` starts away from it, that side's time squeezed into EDGE_SHARE of the width and
    the dense part (and the near side) over the rest. `starts` sorted."""
    a0, b0 = starts[0], ends_max
    before = after = False
    if len(starts) >= DENSE_MIN_EVENTS:
        ca, cb = dense_span(framed)
        cb += ta.DAY  # to the end of its last day
        far = FAR * max(cb - ca, ta.DAY)
        before, after = ca - a0 > far, b0 - cb > far
    if not before:
        ca = a0
    if not after:
        cb = b0
    if cb - ca < ta.DAY:
        ca, cb = ca - 3 * ta.DAY, cb + 3 * ta.DAY
    pad = (cb - ca if before or after else b0 - a0) * PAD
    ca, cb = ta.clamp_t(ca - pad), ta.clamp_t(cb + pad)
    if not (before or after):
        return [(ca, 0.0), (cb, 1.0)]
    knots = [(ta.clamp_t(a0 - pad), 0.0), (ca, EDGE_SHARE)] if before else [(ca, 0.0)]
    return knots + ([(cb, 1.0 - EDGE_SHARE), (ta.clamp_t(b0 + pad), 1.0)] if after
                    else [(cb, 1.0)])


def _interpolate(knots: Knots, v: float, src: int) -> float:
    """The other coordinate of `v` (a time for src=0, a fraction for src=1); linear beyond the
    first and last knots."""
    keys = [k[src] for k in knots]
    i = min(max(bisect_right(keys, v) - 1, 0), len(knots) - 2)
    (t0, f0), (t1, f1) = knots[i], knots[i + 1]
    p0, p1, q0, q1 = (t0, t1, f0, f1) if src == 0 else (f0, f1, t0, t1)
    return q0 + (v - p0) / ((p1 - p0) or 1.0) * (q1 - q0)


class TimelineMinimap(QWidget):
    """Follows `timeline`: its index and its view."""

    def __init__(self, timeline: TimelineWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline = timeline
        self.setFixedHeight(HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName("Timeline overview")
        self.setAccessibleDescription("All events over their whole span; the outlined part is "
                                      "what the timeline shows. Click or drag to move there.")
        self.setToolTip("The whole story: click or drag to show that part, wheel to zoom")
        self._key: tuple | None = None  # (index, width) the columns were counted for
        self._columns: list[int] = []
        self._bars: QPixmap | None = None  # the density, drawn once per index and size
        self._knots: Knots = [(0.0, 0.0), (1.0, 1.0)]
        self._dragging = False
        timeline.viewChanged.connect(self.update)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt)
        return QSize(800, HEIGHT)

    # -- mapping ----------------------------------------------------------------------------
    def span(self) -> tuple[float, float]:
        """The time from the left edge to the right edge: every event, padded."""
        self._refresh()
        return self._knots[0][0], self._knots[-1][0]

    def knots(self) -> Knots:
        """The map's scale (scale_knots): two knots when it is linear."""
        self._refresh()
        return list(self._knots)

    def x_of(self, t: float) -> float:
        self._refresh()
        return _interpolate(self._knots, t, 0) * self.width()

    def t_of(self, x: float) -> float:
        self._refresh()
        return _interpolate(self._knots, x / max(1, self.width()), 1)

    def windowRect(self) -> QRectF:  # noqa: N802
        """Where the timeline's view is outlined (at least 6 px wide, to be seen and grabbed)."""
        t0, t1 = self.timeline.view()
        x0, x1 = self.x_of(t0), self.x_of(t1)
        x0, x1 = max(x0, -1.0), min(x1, self.width() + 1.0)
        if x1 - x0 < 6:
            mid = (x0 + x1) / 2
            x0, x1 = mid - 3, mid + 3
        return QRectF(x0, 1, x1 - x0, self.height() - 2)

    def _refresh(self) -> None:
        index = self.timeline.index()
        key = (id(index), len(index), self.width())
        if key == self._key:
            return
        self._key = key
        self._bars = None
        if not len(index):
            self._columns, self._knots = [], [(0.0, 0.0), (1.0, 1.0)]
            return
        starts = index.starts
        self._knots = scale_knots(starts, index.extent()[1], framed_starts(index))
        n = max(1, self.width() // COLUMN_PX)
        edges = [bisect_left(starts, _interpolate(self._knots, i / n, 1)) for i in range(n + 1)]
        self._columns = [edges[i + 1] - edges[i] for i in range(n)]

    def squeezed(self) -> list[tuple[float, float]]:
        """The strips (x0, x1) where time is squeezed: the outliers' edges of the map."""
        self._refresh()
        w = self.width()
        parts = [(f0 * w, f1 * w) for (_, f0), (_, f1) in zip(self._knots, self._knots[1:])]
        middle = max(parts, key=lambda p: p[1] - p[0])
        return [p for p in parts if p is not middle]

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, e) -> None:  # noqa: N802 (Qt)
        self._refresh()
        if self._bars is None or self._bars.size() != self.size():
            self._bars = self._draw_bars()
        p = QPainter(self)
        p.drawPixmap(0, 0, self._bars)
        if self._columns:
            r = self.windowRect()
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setPen(QPen(theme.MINIMAP_WINDOW_EDGE, 1.5))
            p.setBrush(theme.MINIMAP_WINDOW)
            p.drawRoundedRect(r, 3, 3)
        p.setPen(theme.LEGEND_RULE)
        p.drawLine(QPointF(0, 0), QPointF(self.width(), 0))
        p.end()

    def _draw_bars(self) -> QPixmap:
        pix = QPixmap(self.size())
        pix.fill(theme.MINIMAP_BG)
        if self._columns:
            p = QPainter(pix)
            strips = self.squeezed()
            for x0, x1 in strips:  # set off the squeezed edges: their scale is not the middle's
                p.fillRect(QRectF(x0, 0, x1 - x0, self.height()), theme.MINIMAP_BG.darker(112))
                x = x1 if x0 == 0 else x0
                p.setPen(QPen(theme.LEGEND_RULE, 1, Qt.PenStyle.DashLine))
                p.drawLine(QPointF(x, 0), QPointF(x, self.height()))
            h = self.height() - 4

            def squeezed(i: int) -> bool:
                x = (i + 0.5) * COLUMN_PX
                return any(x0 <= x <= x1 for x0, x1 in strips)
            # the bars' scale is the middle's: a squeezed century must not flatten the story
            middle = [n for i, n in enumerate(self._columns) if not squeezed(i)]
            top = math.sqrt(max(middle or self._columns) or 1)
            for i, n in enumerate(self._columns):
                if n:
                    bh = min(float(h), max(2.0, h * math.sqrt(n) / top))
                    p.fillRect(QRectF(i * COLUMN_PX, self.height() - 2 - bh, COLUMN_PX - 1, bh),
                               theme.MINIMAP_BARS)
            p.end()
        return pix

    # -- input ------------------------------------------------------------------------------
    def _move_to(self, x: float) -> None:
        """Centre the timeline on the time under `x`; in a squeezed strip, where a pixel is
        years, on the event whose mark is under the pointer (SNAP_PX)."""
        index = self.timeline.index()
        if not len(index):
            return
        t = self.t_of(x)
        if any(x0 <= x <= x1 for x0, x1 in self.squeezed()):
            i = bisect_left(index.starts, t)
            near = [j for j in (i - 1, i) if 0 <= j < len(index)]
            j = min(near, key=lambda j: abs(self.x_of(index.starts[j]) - x))
            if abs(self.x_of(index.starts[j]) - x) <= SNAP_PX:
                t = index.starts[j]
        self.timeline.centerOn(t)

    def mousePressEvent(self, e) -> None:  # noqa: N802
        if e.button() == Qt.MouseButton.LeftButton:
            self._dragging = True
            self._move_to(e.position().x())

    def mouseMoveEvent(self, e) -> None:  # noqa: N802
        if self._dragging and e.buttons() & Qt.MouseButton.LeftButton:
            self._move_to(e.position().x())

    def mouseReleaseEvent(self, e) -> None:  # noqa: N802
        self._dragging = False

    def wheelEvent(self, e) -> None:  # noqa: N802
        d = e.angleDelta().y()
        if d:
            self.timeline.zoomAt(1.25 ** (d / 120))
        e.accept()
