"""TIMEX3 values as calendar intervals, keeping their granularity.

A month stays a month: "2022-08" becomes [2022-08-01, 2022-09-01) with granularity "month",
never the 1st of August. Naive datetimes only: dates from text are calendar values, not instants
in a time zone (timeline tools that mixed the two shifted dates by a day).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

# Parts of the day as TimeML writes them, with the hours we draw them over.
PART_OF_DAY_HOURS = {"MO": (0, 12), "MI": (11, 13), "AF": (12, 17), "EV": (17, 21),
                     "NI": (21, 24), "DT": (8, 18)}
# Meteorological seasons. YYYY-WI is the winter whose January is in YYYY (December of the year
# before to February), as the tagger writes it: "last winter" said in July 2023 is 2023-WI.
SEASON_MONTHS = {"SP": (3, 6), "SU": (6, 9), "FA": (9, 12), "WI": (0, 3)}
# How a mod narrows an interval: fraction of it kept (start, end).
MOD_FRACTIONS = {"START": (0.0, 1 / 3), "MID": (1 / 3, 2 / 3), "END": (2 / 3, 1.0)}

_VALUE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?:T(?:(?P<hour>\d{2})(?::(?P<minute>\d{2}))?(?::\d{2}(?:\.\d+)?)?|(?P<pod>MO|MI|AF|EV|NI|DT)))?)?"
    r"|W(?P<week>\d{2})(?:-(?P<wday>\d)|-(?P<weekend>WE))?|Q(?P<quarter>[1-4])|H(?P<half>[12])"
    r"|(?P<season>SP|SU|FA|WI)))?$")
_DECADE = re.compile(r"^(?P<decade>\d{3})$")
_CENTURY = re.compile(r"^(?P<century>\d{2})$")
_DURATION = re.compile(
    r"^P(?:(?P<Y>\d+(?:\.\d+)?)Y)?(?:(?P<M>\d+(?:\.\d+)?)M)?(?:(?P<W>\d+(?:\.\d+)?)W)?"
    r"(?:(?P<D>\d+(?:\.\d+)?)D)?(?:T(?:(?P<H>\d+(?:\.\d+)?)H)?(?:(?P<MIN>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<S>\d+(?:\.\d+)?)S)?)?$")


@dataclass(frozen=True, slots=True)
class Interval:
    start: datetime  # inclusive
    end: datetime  # exclusive
    granularity: str

    def contains(self, other: "Interval") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Interval") -> bool:
        return self.start < other.end and other.start < self.end


def _month_start(year: int, month: int) -> datetime:
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return datetime(year, month, 1)


def value_interval(value: str, mod: str | None = None) -> Interval | None:
    """The interval a TIMEX3 date/time value denotes, or None when it has no place in time
    (PRESENT_REF, XXXX-07-17 with an unknown year, durations)."""
    try:
        interval = _interval(value)
    except ValueError:  # e.g. 2023-02-30: a value no calendar has
        return None
    if interval is None:
        return None
    if mod in MOD_FRACTIONS:
        a, b = MOD_FRACTIONS[mod]
        span = interval.end - interval.start
        interval = Interval(interval.start + span * a, interval.start + span * b,
                            interval.granularity)
    return interval


def _interval(value: str) -> Interval | None:
    if m := _DECADE.match(value):
        y = int(m["decade"]) * 10
        return Interval(datetime(max(y, 1), 1, 1), datetime(y + 10, 1, 1), "decade")
    if m := _CENTURY.match(value):
        y = int(m["century"]) * 100
        return Interval(datetime(max(y, 1), 1, 1), datetime(y + 100, 1, 1), "century")
    m = _VALUE.match(value)
    if not m or int(m["year"]) == 0:
        return None
    year = int(m["year"])
    if m["month"]:
        month = int(m["month"])
        if not m["day"]:
            return Interval(_month_start(year, month), _month_start(year, month + 1), "month")
        day = datetime(year, month, int(m["day"]))
        if m["pod"]:
            a, b = PART_OF_DAY_HOURS[m["pod"]]
            return Interval(day + timedelta(hours=a), day + timedelta(hours=b), "part-of-day")
        if m["hour"]:
            t = day + timedelta(hours=int(m["hour"]), minutes=int(m["minute"] or 0))
            if m["minute"]:
                return Interval(t, t + timedelta(minutes=1), "minute")
            return Interval(t, t + timedelta(hours=1), "hour")
        return Interval(day, day + timedelta(days=1), "day")
    if m["week"]:
        monday = datetime.combine(date.fromisocalendar(year, int(m["week"]), 1), datetime.min.time())
        if m["wday"]:
            d = monday + timedelta(days=int(m["wday"]) - 1)
            return Interval(d, d + timedelta(days=1), "day")
        if m["weekend"]:  # Saturday and Sunday of that ISO week
            return Interval(monday + timedelta(days=5), monday + timedelta(days=7), "weekend")
        return Interval(monday, monday + timedelta(days=7), "week")
    if m["quarter"]:
        q = int(m["quarter"])
        return Interval(_month_start(year, 3 * q - 2), _month_start(year, 3 * q + 1), "quarter")
    if m["half"]:
        h = int(m["half"])
        return Interval(_month_start(year, 6 * h - 5), _month_start(year, 6 * h + 1), "half-year")
    if m["season"]:
        a, b = SEASON_MONTHS[m["season"]]
        return Interval(_month_start(year, a), _month_start(year, b), "season")
    return Interval(datetime(year, 1, 1), datetime(year + 1, 1, 1), "year")


def duration_timedelta(value: str) -> timedelta | None:
    """An ISO 8601 duration (P3D, PT12H, P1Y) as a timedelta; months and years are averaged."""
    m = _DURATION.match(value or "")
    if not m or value in ("P", "PT"):
        return None
    f = {k: float(v) for k, v in m.groupdict().items() if v}
    return timedelta(days=f.get("Y", 0) * 365.25 + f.get("M", 0) * 30.44 + f.get("W", 0) * 7
                     + f.get("D", 0), hours=f.get("H", 0), minutes=f.get("MIN", 0),
                     seconds=f.get("S", 0))


def iso(dt: datetime) -> str:
    """ISO 8601 text for a naive datetime, dropping a zero time of day."""
    return dt.date().isoformat() if dt.time() == datetime.min.time() else dt.isoformat(timespec="minutes")


_UNIT_WORDS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "MIN": "minute",
               "S": "second"}
_MOD_WORDS = {"APPROX": "about ", "LESS_THAN": "less than ", "MORE_THAN": "more than ",
              "EQUAL_OR_LESS": "at most ", "EQUAL_OR_MORE": "at least "}


def describe_duration(value: str | None, mod: str | None = None) -> str:
    """A duration for people: PT12H with APPROX -> "about 12 hours"; unknown forms as given."""
    m = _DURATION.match(value or "")
    if not m or value in ("P", "PT"):
        return value or ""
    parts = []
    for key, word in _UNIT_WORDS.items():
        n = m.group(key)
        if n:
            num = float(n)
            text = f"{num:g}"
            parts.append(f"{text} {word}{'' if num == 1 else 's'}")
    return _MOD_WORDS.get(mod or "", "") + " ".join(parts)
