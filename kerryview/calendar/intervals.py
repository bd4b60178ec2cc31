"""TIMEX3 values as calendar intervals, keeping their granularity.

A month stays a month: "2022-08" becomes [2022-08-01, 2022-09-01) with granularity "month",
never the 1st of August. Naive datetimes only: dates from text are calendar values, not instants
in a time zone (timeline tools that mixed the two shifted dates by a day).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kerryview.calendar.timex3 import DateValue, parse_duration, parse_value
from kerryview.model import Granularity

# Parts of the day as TimeML writes them, with the hours we draw them over.
PART_OF_DAY_HOURS = {"MO": (0, 12), "MI": (11, 13), "AF": (12, 17), "EV": (17, 21),
                     "NI": (21, 24), "DT": (8, 18)}
PART_OF_DAY_WORDS = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening",
                     "NI": "night", "DT": "daytime"}
# Meteorological seasons. YYYY-WI is the winter whose January is in YYYY (December of the year
# before to February), as the tagger writes it: "last winter" said in July 2023 is 2023-WI.
SEASON_MONTHS = {"SP": (3, 6), "SU": (6, 9), "FA": (9, 12), "WI": (0, 3)}
# How a mod narrows an interval: fraction of it kept (start, end).
MOD_FRACTIONS = {"START": (0.0, 1 / 3), "MID": (1 / 3, 2 / 3), "END": (2 / 3, 1.0)}
# Where intervals that would end after year 9999 (the century 99, December 9999) end instead:
# datetime cannot go further, and losing the last microsecond of the calendar harms nobody.
END_OF_CALENDAR = datetime.max


@dataclass(frozen=True, slots=True)
class Interval:
    start: datetime  # inclusive
    end: datetime  # exclusive
    granularity: Granularity

    def __post_init__(self) -> None:  # a word is taken too: events.mentions writes "period"
        if not isinstance(self.granularity, Granularity):
            object.__setattr__(self, "granularity", Granularity(self.granularity))

    def contains(self, other: "Interval") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Interval") -> bool:
        return self.start < other.end and other.start < self.end


def _month_start(year: int, month: int) -> datetime:
    """The 1st of a month counted from January of `year` (month 13 is next January)."""
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return datetime(year, month, 1) if year <= 9999 else END_OF_CALENDAR


def _year_start(year: int) -> datetime:
    return datetime(max(year, 1), 1, 1) if year <= 9999 else END_OF_CALENDAR


def _later(start: datetime, span: timedelta) -> datetime:
    """`start` + `span`, or the end of the calendar when that is past year 9999."""
    try:
        return start + span
    except OverflowError:
        return END_OF_CALENDAR


def value_interval(value: str, mod: str | None = None) -> Interval | None:
    """The interval a TIMEX3 date/time value denotes, or None when it has no place in time
    (PRESENT_REF, XXXX-07-17 with an unknown year, durations)."""
    parts = parse_value(value)
    if parts is None:
        return None
    try:
        interval = date_interval(parts)
    except (ValueError, OverflowError):  # 2023-02-30, or the weekend after 9999-12-31
        return None
    if mod in MOD_FRACTIONS:
        a, b = MOD_FRACTIONS[mod]
        span = interval.end - interval.start
        interval = Interval(interval.start + span * a, interval.start + span * b,
                            interval.granularity)
    return interval


def date_interval(v: DateValue) -> Interval:
    """The interval of a parsed value; ValueError when the calendar has no such date."""
    g = v.granularity
    if g in (Granularity.DECADE, Granularity.CENTURY) and v.year < 0:
        raise ValueError(f"no year {v.year} in the calendar")  # the 490s BC (BC049), as BC0490
    if g is Granularity.DECADE:
        return Interval(_year_start(v.year), _year_start(v.year + 10), g)
    if g is Granularity.CENTURY:
        return Interval(_year_start(v.year), _year_start(v.year + 100), g)
    if not 1 <= v.year <= 9999:
        raise ValueError(f"no year {v.year} in the calendar")
    if v.month is not None:
        if not 1 <= v.month <= 12:
            raise ValueError(f"no month {v.month}")
        if v.day is None:
            return Interval(_month_start(v.year, v.month), _month_start(v.year, v.month + 1), g)
        day = datetime(v.year, v.month, v.day)
        if v.part_of_day:
            a, b = PART_OF_DAY_HOURS[v.part_of_day]
            return Interval(day + timedelta(hours=a), _later(day, timedelta(hours=b)), g)
        if v.hour is not None:
            t = _later(day, timedelta(hours=v.hour, minutes=v.minute or 0))
            return Interval(t, _later(t, timedelta(minutes=1) if v.minute is not None
                                      else timedelta(hours=1)), g)
        return Interval(day, _later(day, timedelta(days=1)), g)
    if v.week is not None:
        monday = datetime.combine(date.fromisocalendar(v.year, v.week, 1), datetime.min.time())
        if v.weekday is not None:
            if not 1 <= v.weekday <= 7:
                raise ValueError(f"no weekday {v.weekday}")
            d = monday + timedelta(days=v.weekday - 1)
            return Interval(d, _later(d, timedelta(days=1)), g)
        if g is Granularity.WEEKEND:  # Saturday and Sunday of that ISO week
            return Interval(monday + timedelta(days=5), _later(monday, timedelta(days=7)), g)
        return Interval(monday, _later(monday, timedelta(days=7)), g)
    if v.quarter is not None:
        q = v.quarter
        return Interval(_month_start(v.year, 3 * q - 2), _month_start(v.year, 3 * q + 1), g)
    if v.half is not None:
        h = v.half
        return Interval(_month_start(v.year, 6 * h - 5), _month_start(v.year, 6 * h + 1), g)
    if v.season is not None:
        a, b = SEASON_MONTHS[v.season]
        return Interval(_month_start(v.year, a), _month_start(v.year, b), g)
    return Interval(_year_start(v.year), _year_start(v.year + 1), g)


def duration_timedelta(value: str) -> timedelta | None:
    """An ISO 8601 duration (P3D, PT12H, P1Y) as a timedelta; months and years are averaged."""
    f = parse_duration(value)
    if f is None:
        return None
    try:
        return timedelta(days=f.get("Y", 0) * 365.25 + f.get("M", 0) * 30.44 + f.get("W", 0) * 7
                         + f.get("D", 0), hours=f.get("H", 0), minutes=f.get("MIN", 0),
                         seconds=f.get("S", 0))
    except OverflowError:  # "a billion years": longer than the calendar, no span to draw
        return None


def iso(dt: datetime) -> str:
    """ISO 8601 text for a naive datetime, dropping a zero time of day."""
    return dt.date().isoformat() if dt.time() == datetime.min.time() else dt.isoformat(timespec="minutes")


_UNIT_WORDS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "MIN": "minute",
               "S": "second"}
_MOD_WORDS = {"APPROX": "about ", "LESS_THAN": "less than ", "MORE_THAN": "more than ",
              "EQUAL_OR_LESS": "at most ", "EQUAL_OR_MORE": "at least "}


def describe_duration(value: str | None, mod: str | None = None) -> str:
    """A duration for people: PT12H with APPROX -> "about 12 hours"; unknown forms as given."""
    amounts = parse_duration(value)
    if amounts is None:
        return value or ""
    parts = [f"{num:g} {_UNIT_WORDS[unit]}{'' if num == 1 else 's'}" for unit, num in amounts.items()]
    return _MOD_WORDS.get(mod or "", "") + " ".join(parts)
