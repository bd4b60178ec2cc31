"""What part of time the timeline shows, without Qt (the model of napari's components/camera.py).

A view is a left edge `t0` (seconds, see axis.py) and a `scale` in pixels per second. The widget
owns the width in pixels and passes it in, because Qt changes it (a hidden widget's resize is
known before its resize event); so every rule about zooming, panning, fitting and clamping is
plain arithmetic tested without a window (tests/test_timeline_view.py).
"""
from __future__ import annotations

from dataclasses import dataclass

from kerryview.gui.timeline import axis as ta

MAX_SCALE = 400.0 / ta.MINUTE  # the closest zoom: 400 px per minute
ZOOM_STEP = 1.6  # one zoomIn / zoomOut
FIT_MIN_SPAN = ta.DAY  # fitting events closer together than this shows a week around them
FIT_PAD = 0.03  # of the events' extent, on both sides
FIT_LABEL_ROOM = 0.6  # of LABEL_MAX, kept free right of the last event for its label
FIT_MIN_WIDTH = 300  # a narrower widget has not its real size yet: fit as if this wide


@dataclass
class TimelineView:
    """The left edge and the zoom. Methods that change the view return nothing; the widget
    repaints and announces the change."""

    t0: float = ta.iso_to_seconds("2023-01-01") or 0.0
    scale: float = 1200 / ta.YEAR  # pixels per second

    # -- mapping ----------------------------------------------------------------------------
    def x(self, t: float) -> float:
        """The pixel column of time `t`."""
        return (t - self.t0) * self.scale

    def t(self, x: float) -> float:
        """The time at pixel column `x`."""
        return self.t0 + x / self.scale

    def range(self, width: float) -> tuple[float, float]:
        """(t0, t1) shown by a widget `width` pixels wide."""
        return self.t0, self.t0 + max(1, width) / self.scale

    def bucket(self) -> int:
        """The half-octave zoom bucket; lane layouts are cached per bucket."""
        return ta.bucket_of(self.scale)

    def bucket_scale(self) -> float:
        """The lowest scale of the bucket: labels packed at it stay apart at every zoom in it."""
        return ta.bucket_low_scale(self.bucket())

    # -- limits -----------------------------------------------------------------------------
    @staticmethod
    def min_scale(width: float) -> float:
        """Zoomed out no further than the calendar axis.py can show (years 1..9999)."""
        return max(1, width) / (ta.T_MAX - ta.T_MIN)

    def clamp(self, width: float) -> None:
        span = max(1, width) / self.scale
        self.t0 = min(max(self.t0, ta.T_MIN), max(ta.T_MIN, ta.T_MAX - span))

    # -- changes ----------------------------------------------------------------------------
    def set_range(self, t0: float, t1: float, width: float) -> None:
        """Show [t0, t1], within the zoom limits (a range shorter than the closest zoom shows
        more, starting at t0)."""
        w = max(1, width)
        span = max(t1 - t0, w / MAX_SCALE)
        self.scale = min(max(w / span, self.min_scale(width)), MAX_SCALE)
        self.t0 = t0
        self.clamp(width)

    def zoom_at(self, factor: float, x: float, width: float) -> bool:
        """Zoom by `factor` keeping the time under pixel `x` in place; False at a zoom limit."""
        t = self.t0 + x / self.scale
        new = min(max(self.scale * factor, self.min_scale(width)), MAX_SCALE)
        if new == self.scale:
            return False
        self.scale = new
        self.t0 = t - x / new
        self.clamp(width)
        return True

    def pan_by(self, dx_px: float, width: float) -> None:
        self.t0 += dx_px / self.scale
        self.clamp(width)

    def center_on(self, t: float, width: float) -> None:
        self.t0 = t - width / 2 / self.scale
        self.clamp(width)

    def reveal(self, start: float, end: float, width: float) -> bool:
        """Scroll so that the span [start, end] can be seen and read (its label too); False when
        it already can, so the view does not jump under the user's eyes."""
        x0, x1 = self.x(start), self.x(end)
        margin = min(80, width / 6)
        if margin <= x0 <= width - margin - 120:
            return False
        if x0 < margin and x1 > width * 0.3:  # a long span already filling much of the view
            return False
        if (end - start) * self.scale < width * 0.7:
            self.center_on((start + end) / 2, width)
        else:
            self.t0 = start - margin / self.scale
            self.clamp(width)
        return True

    def resized(self, old_width: float, new_width: float) -> None:
        """Keep the same time span visible when the widget changes width."""
        self.scale *= new_width / old_width
        self.scale = min(max(self.scale, self.min_scale(new_width)), MAX_SCALE)


def fit_range(a: float, b: float, width: float, label_max: float) -> tuple[float, float]:
    """The range that shows events from `a` to `b` with a margin, and room on the right for the
    last event's label (`label_max` pixels at most)."""
    if b - a < FIT_MIN_SPAN:
        mid = (a + b) / 2
        a, b = mid - 3 * ta.DAY, mid + 3 * ta.DAY
    w = max(width, FIT_MIN_WIDTH)
    pad = (b - a) * FIT_PAD
    right = (label_max * FIT_LABEL_ROOM) / (w - label_max * FIT_LABEL_ROOM) * (b - a)
    return a - pad, b + pad + right


def zoom_into_range(a: float, b: float, width: float) -> tuple[float, float]:
    """The range that opens up the cell [a, b] (a "+n" mark): the cell fills
    most of the view, so its events spread out."""
    mid = (a + b) / 2
    span = max((b - a) * 1.6, width / MAX_SCALE)
    return mid - span / 2, mid + span / 2
