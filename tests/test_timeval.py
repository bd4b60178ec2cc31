from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, strategies as st

from kerryview.calendar.intervals import duration_timedelta, value_interval
from kerryview.calendar import values


@pytest.mark.parametrize("value, start, end, gran", [
    ("2023-07-17", "2023-07-17", "2023-07-18", "day"),
    ("2022-08", "2022-08-01", "2022-09-01", "month"),
    ("2023", "2023-01-01", "2024-01-01", "year"),
    ("199", "1990-01-01", "2000-01-01", "decade"),
    ("2023-W29", "2023-07-17", "2023-07-24", "week"),
    ("2023-Q3", "2023-07-01", "2023-10-01", "quarter"),
    ("2023-SU", "2023-06-01", "2023-09-01", "season"),
    ("2023-WI", "2022-12-01", "2023-03-01", "season"),  # the winter whose January is in 2023
    ("2023-W28-WE", "2023-07-15", "2023-07-17", "weekend"),
    ("2023-07-19T17:00", "2023-07-19T17:00", "2023-07-19T17:01", "minute"),
    ("2023-07-20TMO", "2023-07-20T00:00", "2023-07-20T12:00", "part-of-day"),
])
def test_intervals_keep_granularity(value, start, end, gran):
    iv = value_interval(value)
    assert (iv.start, iv.end, iv.granularity) == (
        datetime.fromisoformat(start), datetime.fromisoformat(end), gran)


@pytest.mark.parametrize("value", ["XXXX-07-17", "PRESENT_REF", "PT12H", "2023-02-30", "", "0000"])
def test_values_without_a_place_in_time(value):
    assert value_interval(value) is None


def test_mod_narrows():
    iv = value_interval("2023-07", "START")
    assert iv.start == datetime(2023, 7, 1) and iv.end < datetime(2023, 7, 12)


def test_durations():
    assert duration_timedelta("PT12H") == timedelta(hours=12)
    assert duration_timedelta("P3D") == timedelta(days=3)
    assert duration_timedelta("P") is None and duration_timedelta("XYZ") is None


def test_durations_for_people():
    from kerryview.calendar.intervals import describe_duration
    assert describe_duration("PT12H", "APPROX") == "about 12 hours"
    assert describe_duration("P3D") == "3 days"
    assert describe_duration("PT1H30M") == "1 hour 30 minutes"
    assert describe_duration("PXY") == "PXY"  # vague: shown as written


@given(st.dates(min_value=date(100, 1, 1), max_value=date(9989, 12, 31)),
       st.sampled_from(["D", "W", "M", "S", "Q", "H", "Y", "DE", "CE"]))
def test_the_tagger_and_the_timeline_agree_on_what_a_value_covers(d, gran):
    """A date written at any granularity by the tagger lies inside the interval the timeline
    draws for that value (this caught winters drawn a year late and weekends not drawn at all)."""
    iv = value_interval(values.fmt(d, gran))
    assert iv is not None and iv.start <= datetime(d.year, d.month, d.day) < iv.end
    if d.isoweekday() >= 6:
        we = value_interval(values.fmt(d, "WE"))
        assert we is not None and we.start <= datetime(d.year, d.month, d.day) < we.end
