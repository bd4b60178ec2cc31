"""Clock times in named time zones as instants in UTC, so that sources in different zones agree.

"12:30 EST" and "16:30 UTC" of one arrival are one instant: the tagger keeps each time as
written (a calendar value, drawn where the text puts it), and merging compares the UTC
instants of times that name their zone. A date without a clock time ("Tuesday") is a day of
the writer's calendar: it contains the times said on that day, whatever their zone.
The zone names and their offsets are data (kerryview/events/data/time_zones.tsv).
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from kerryview.calendar.intervals import Interval
from kerryview.model import Granularity, Timex
from kerryview.text.wordlists import time_zones

_CLOCK = frozenset({Granularity.HOUR, Granularity.MINUTE})


def zone_names() -> list[str]:
    """The time-zone names a clock time may carry ("EST", "BST"; time_zones.tsv), the
    longest first (a regular expression's alternatives)."""
    return sorted(time_zones(), key=len, reverse=True)


@cache
def _zone_pattern() -> re.Pattern[str]:
    return re.compile(r"(?<![A-Za-z-])\(?(" + "|".join(map(re.escape, zone_names())) + r")\)?(?!\w)")


def _sunday(year: int, month: int, nth: int) -> date:
    """The nth Sunday of a month (nth = -1: the last)."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (nth - 1))
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1))
    return last - timedelta(days=(last.weekday() + 1) % 7)


def _summer(day: date, rule: str) -> bool:
    """Whether summer time is kept on that day (decided by the day; the changeover hours at
    night are not told apart)."""
    y = day.year
    if rule == "us":
        if y >= 2007:
            return _sunday(y, 3, 2) <= day < _sunday(y, 11, 1)
        return _sunday(y, 4, 1) <= day < _sunday(y, 10, -1)
    if rule == "eu":
        return _sunday(y, 3, -1) <= day < _sunday(y, 10, -1)
    return False


def utc_interval(timex: Timex, iv: Interval) -> Interval | None:
    """The interval in UTC of a clock time whose text names its zone ("12:30 EST"), or None
    (no zone named, or not a clock time)."""
    if iv.granularity not in _CLOCK:
        return None
    m = _zone_pattern().search(timex.text)
    if m is None:
        return None
    if iv.start.year < 2 or iv.end.year > 9998:
        return None  # at the calendar's ends there is no room to shift
    shift = offset_on(m.group(1), iv.start.date())
    return Interval(iv.start - shift, iv.end - shift, iv.granularity)


def offset_on(zone: str, day: date) -> timedelta:
    """How far the clock a zone name stands for is ahead of UTC on that day ("EST" in July:
    -4 hours, Eastern time being then on summer time)."""
    standard, summer, rule = time_zones()[zone]
    return timedelta(hours=summer if _summer(day, rule) else standard)

