"""Fit all frames where the events are, not their outliers (gui/timeline/framing.py)."""
from kerryview.calendar.seconds import DAY
from kerryview.gui.timeline.framing import dense_span, outside

YEAR = 365.25 * DAY


def test_fit_all_leaves_out_an_outlier_on_each_side():
    story = [50 * YEAR + i * DAY for i in range(40)]  # forty days of a story
    starts = sorted([-3 * YEAR] + story + [48 * YEAR + 300 * DAY])
    a, b = dense_span(starts)
    assert a >= story[0] - DAY and b <= story[-1]
    assert b - a < 45 * DAY


def test_few_events_are_all_framed():
    starts = [0.0, 10 * YEAR, 10 * YEAR + DAY]
    assert dense_span(starts) == (0.0, 10 * YEAR + DAY)
    assert dense_span([]) == (0.0, 0.0)


def test_what_the_view_leaves_out_is_counted_on_each_side():
    starts = [0.0, 10.0, 20.0, 30.0]
    ends = sorted([5.0, 15.0, 25.0, 35.0])
    assert outside(starts, ends, 12.0, 22.0) == (1, 1)
    assert outside(starts, ends, -5.0, 100.0) == (0, 0)
