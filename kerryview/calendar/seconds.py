"""Calendar values as seconds on one naive time axis, for drawing timelines (no Qt).

A time is a float number of seconds since 1970-01-01T00:00 on a naive proleptic Gregorian
calendar, so 2023-07-18 is always the same column whatever the machine's time zone: dates from
text are calendar values, never time-zone-aware instants.
"""
from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from kerryview.calendar.intervals import date_interval, duration_timedelta
from kerryview.calendar.timex3 import parse_value
from kerryview.model import Granularity

DAY = 86400.0
HOUR = 3600.0
MINUTE = 60.0
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
# What an event's start and end are written as: 2023, 2023-07, 2023-07-17, 2023-07-17T09:30.
_WRITTEN_AS_DATES = {Granularity.YEAR, Granularity.MONTH, Granularity.DAY, Granularity.HOUR,
                     Granularity.MINUTE}


def to_seconds(dt: datetime) -> float:
    return (dt.toordinal() - EPOCH_ORDINAL) * DAY + dt.hour * HOUR + dt.minute * MINUTE + dt.second


@lru_cache(maxsize=1 << 16)
def iso_to_seconds(text: str | None) -> float | None:
    """Where a value starts: '2023-07-17', '2023-07-17T09:30', '2023-07', '2023' (what an
    event's start and end are written as), or any other date value by its interval's start;
    None if it is none of them (2023-02-30, PRESENT_REF). Years outside 1..9999
    ('-0500-01-01') are placed approximately, still in order. Remembered: the 100,000 starts
    and ends of a timeline of 10,000 articles are 11,000 distinct values (a third of the
    time to lay it out was parsing them again)."""
    v = parse_value(text.strip()) if text else None
    if v is None:
        return None
    period_bc = v.granularity in (Granularity.DECADE, Granularity.CENTURY) and v.year < 0  # BC049: roughly, below
    if (v.granularity not in _WRITTEN_AS_DATES or v.week is not None) and not period_bc:
        try:  # a week, a quarter, a part of a day...: where its interval starts
            return to_seconds(date_interval(v).start)
        except (ValueError, OverflowError):
            return None
    month = 1 if v.month is None else v.month
    day = 1 if v.day is None else v.day
    if 1 <= v.year <= 9999:
        try:
            days = date(v.year, month, day).toordinal() - EPOCH_ORDINAL
        except ValueError:
            return None
    elif 1 <= month <= 12 and 1 <= day <= 31:  # before year 1 or after 9999: roughly, in order
        days = (v.year - 1970) * 365.2425 + (month - 1) * 30.436875 + day - 1
    else:
        return None
    return days * DAY + (v.hour or 0) * HOUR + (v.minute or 0) * MINUTE + (v.second or 0.0)


def duration_seconds(value: str | None) -> float | None:
    """ISO 8601 / TIMEX3 duration 'PT12H', 'P3D', 'P1M' -> seconds (months/years averaged);
    None for no duration or a zero one."""
    span = duration_timedelta(value.strip()) if value else None
    if span is None or not span.total_seconds():
        return None
    return span.total_seconds()
