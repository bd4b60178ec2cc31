"""The timeline's view (what part of time is shown) without Qt: zoom, pan, fit, clamp."""
from __future__ import annotations

import math
import subprocess
import sys

import pytest
from hypothesis import given, settings, strategies as st

from kerryview.gui.timeline import axis as ta
from kerryview.gui.timeline.view import MAX_SCALE, TimelineView, fit_range, zoom_into_range

W = 1200  # widget width in pixels

# Importing a module with PySide6 blocked fails if the module needs Qt. (kerryview.gui's
# __init__ tries PySide6 for its refcount guard and carries on without it.)
QT_BLOCKED = """
import sys
sys.modules["PySide6"] = None
sys.modules["shiboken6"] = None
import {module}
loaded = sorted(m for m in sys.modules if m.startswith(("PySide6.", "shiboken6.")))
assert not loaded, loaded
"""


def imports_without_qt(module: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", QT_BLOCKED.format(module=module)],
                          capture_output=True, text=True)


def test_the_view_needs_no_qt():
    done = imports_without_qt("kerryview.gui.timeline.view")
    assert done.returncode == 0, done.stderr


def test_the_qt_check_catches_a_module_that_needs_qt():
    done = imports_without_qt("kerryview.gui.timeline.paint")
    assert done.returncode != 0 and "PySide6" in done.stderr


def day(iso: str) -> float:
    return ta.iso_to_seconds(iso)


def a_week() -> TimelineView:
    v = TimelineView()
    v.set_range(day("2023-07-10"), day("2023-07-17"), W)
    return v


def test_x_and_t_are_inverse():
    v = a_week()
    assert v.x(day("2023-07-10")) == 0
    assert v.t(W) == pytest.approx(day("2023-07-17"))
    assert v.t(v.x(day("2023-07-13"))) == pytest.approx(day("2023-07-13"))
    assert v.range(W) == pytest.approx((day("2023-07-10"), day("2023-07-17")))


def test_set_range_shows_the_range_within_the_zoom_limits():
    v = a_week()
    assert v.scale == pytest.approx(W / (7 * ta.DAY))
    v.set_range(day("2023-07-10"), day("2023-07-10") + 1, W)  # one second: as close as allowed
    assert v.scale == MAX_SCALE and v.t0 == day("2023-07-10")
    v.set_range(-1e15, 1e15, W)  # beyond the calendar: years 1 to 9999
    assert v.scale == pytest.approx(TimelineView.min_scale(W))
    assert v.t0 == ta.T_MIN


def test_zoom_keeps_the_time_under_the_pointer():
    v = a_week()
    t = v.t(300)
    assert v.zoom_at(2.0, 300, W)
    assert v.scale == pytest.approx(2 * W / (7 * ta.DAY))
    assert v.t(300) == pytest.approx(t)


def test_zoom_at_a_limit_changes_nothing():
    v = a_week()
    v.scale = MAX_SCALE
    t0 = v.t0
    assert not v.zoom_at(2.0, 300, W)
    assert (v.t0, v.scale) == (t0, MAX_SCALE)


def test_pan_and_back():
    v = a_week()
    t0 = v.t0
    v.pan_by(W / 7, W)  # one day
    assert v.t0 == pytest.approx(t0 + ta.DAY)
    v.pan_by(-W / 7, W)
    assert v.t0 == pytest.approx(t0)


def test_panning_stops_at_the_ends_of_the_calendar():
    v = a_week()
    v.pan_by(-1e12, W)
    assert v.t0 == ta.T_MIN
    v.pan_by(1e12, W)
    assert v.range(W)[1] == pytest.approx(ta.T_MAX)


def test_center_on():
    v = a_week()
    v.center_on(day("2023-08-01"), W)
    assert v.t(W / 2) == pytest.approx(day("2023-08-01"))


def test_reveal_leaves_a_visible_event_alone_and_brings_back_a_far_one():
    v = a_week()
    t0 = v.t0
    assert not v.reveal(day("2023-07-12"), day("2023-07-13"), W)
    assert v.t0 == t0
    assert v.reveal(day("2023-09-01"), day("2023-09-02"), W)
    assert v.t(W / 2) == pytest.approx(day("2023-09-01") + ta.DAY / 2)


def test_reveal_shows_the_start_of_a_span_longer_than_the_view():
    v = a_week()
    start, end = day("2023-09-01"), day("2023-12-01")
    assert v.reveal(start, end, W)
    assert 0 < v.x(start) <= 80


def test_resizing_keeps_the_time_span():
    v = a_week()
    v.resized(W, W // 2)
    assert v.range(W // 2) == pytest.approx((day("2023-07-10"), day("2023-07-17")))


def test_fit_range_shows_every_event_with_room_for_the_last_label():
    a, b = day("2023-01-01"), day("2023-12-31")
    t0, t1 = fit_range(a, b, W, 260.0)
    assert t0 < a and t1 > b
    v = TimelineView()
    v.set_range(t0, t1, W)
    assert W - v.x(b) >= 0.6 * 260 - 1  # the last label has room


def test_fit_range_of_one_day_shows_a_week():
    t0, t1 = fit_range(day("2023-07-18"), day("2023-07-18"), W, 260.0)
    assert t0 < day("2023-07-15") and t1 > day("2023-07-21")


def test_zoom_into_range_spreads_a_cell_over_most_of_the_view():
    a, b = day("2023-07-01"), day("2023-07-02")
    t0, t1 = zoom_into_range(a, b, W)
    assert t0 < a and b < t1 and (t1 - t0) == pytest.approx(1.6 * ta.DAY)


def test_zoom_buckets_are_half_octaves():
    v = a_week()
    bucket = v.bucket()
    assert v.bucket_scale() <= v.scale < v.bucket_scale() * math.sqrt(2) * 1.0001
    v.scale *= 2
    assert v.bucket() == bucket + 2


@given(st.floats(-3e10, 3e10), st.floats(1, 1e9), st.floats(0.1, 10), st.floats(0, W))
@settings(deadline=None)
def test_zoom_keeps_the_pointer_and_the_limits(t0, span, factor, x):
    v = TimelineView()
    v.set_range(t0, t0 + span, W)
    t = v.t(x)
    changed = v.zoom_at(factor, x, W)
    assert TimelineView.min_scale(W) <= v.scale <= MAX_SCALE
    a, b = v.range(W)
    assert ta.T_MIN <= a and b <= ta.T_MAX * (1 + 1e-12)
    if changed and ta.T_MIN < a and b < ta.T_MAX * (1 - 1e-12):  # not pushed back by the clamp
        assert v.t(x) == pytest.approx(t, abs=1e-3 + 1e-9 * abs(t))
