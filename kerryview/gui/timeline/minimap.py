"""The mini-map under the timeline: every event's place over the whole span of the story
(outliers included), with the part the timeline shows outlined. Click or drag to move the
timeline there; the wheel zooms it.

Cheap by construction: the density is counted once per index and width (one bisect per
column, never a loop over the events), and a view change only repaints the outline.
"""
from __future__ import annotations

import math
from bisect import bisect_left

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from kerryview.gui import theme
from kerryview.gui.timeline import axis as ta
from kerryview.gui.timeline.widget import TimelineWidget

HEIGHT = 30
COLUMN_PX = 3  # one density column
PAD = 0.02  # of the span, on each side


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
        self._span = (0.0, 1.0)
        self._dragging = False
        timeline.viewChanged.connect(self.update)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt)
        return QSize(800, HEIGHT)

    # -- mapping ----------------------------------------------------------------------------
    def span(self) -> tuple[float, float]:
        """The time from the left edge to the right edge: every event, padded."""
        self._refresh()
        return self._span

    def x_of(self, t: float) -> float:
        a, b = self.span()
        return (t - a) / (b - a) * self.width()

    def t_of(self, x: float) -> float:
        a, b = self.span()
        return a + x / max(1, self.width()) * (b - a)

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
            self._columns, self._span = [], (0.0, 1.0)
            return
        a, b = index.extent()
        if b - a < ta.DAY:
            a, b = a - 3 * ta.DAY, b + 3 * ta.DAY
        pad = (b - a) * PAD
        a, b = ta.clamp_t(a - pad), ta.clamp_t(b + pad)
        self._span = (a, b)
        n = max(1, self.width() // COLUMN_PX)
        starts = index.starts
        edges = [bisect_left(starts, a + (b - a) * i / n) for i in range(n + 1)]
        self._columns = [edges[i + 1] - edges[i] for i in range(n)]

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
            h = self.height() - 4
            top = math.sqrt(max(self._columns))
            for i, n in enumerate(self._columns):
                if n:
                    bh = max(2.0, h * math.sqrt(n) / top)
                    p.fillRect(QRectF(i * COLUMN_PX, self.height() - 2 - bh, COLUMN_PX - 1, bh),
                               theme.MINIMAP_BARS)
            p.end()
        return pix

    # -- input ------------------------------------------------------------------------------
    def _move_to(self, x: float) -> None:
        if len(self.timeline.index()):
            self.timeline.centerOn(self.t_of(x))

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
