"""How the timeline writes an event's date: at its granularity, whatever that is."""
from __future__ import annotations

import pytest

from kerryview.calendar.intervals import Interval, value_interval
from kerryview.calendar.seconds import to_seconds
from kerryview.gui.timeline.axis import format_span
from kerryview.model import Granularity

LABELS = {
    "19": "1900s", "202": "2020s", "2023": "2023", "2023-H1": "Jan–Jun 2023", "2023-Q3": "Jul–Sep 2023",
    "2023-SU": "Jun–Aug 2023", "2023-WI": "Dec 2022–Feb 2023", "2023-07": "July 2023",
    "2023-W29": "week of 17 Jul 2023", "2023-W28-WE": "weekend of 15 Jul 2023",
    "2023-07-18": "Tue 18 July 2023", "2023-07-20TMO": "Thu 20 Jul 2023 morning",
    "2023-07-19T17": "Wed 19 Jul 2023 17:00", "2023-07-19T17:05": "Wed 19 Jul 2023 17:05",
}


def label(iv: Interval) -> str:
    return format_span(to_seconds(iv.start), to_seconds(iv.end), iv.granularity)


@pytest.mark.parametrize("value, text", LABELS.items())
def test_a_date_is_written_at_its_granularity(value, text):
    assert label(value_interval(value)) == text


def test_a_half_year_is_a_range_not_its_first_day():
    assert label(value_interval("2023-H1")) == "Jan–Jun 2023"  # was "Sun 1 January 2023"


def test_a_period_gives_its_first_and_last_day():
    from datetime import datetime
    iv = Interval(datetime(2023, 6, 18), datetime(2023, 7, 18), Granularity.PERIOD)
    assert label(iv) == "18 Jun 2023 – 17 Jul 2023"


def test_every_granularity_has_its_own_label():
    covered = {value_interval(v).granularity for v in LABELS} | {Granularity.PERIOD}
    assert covered == set(Granularity)
