"""The one parser of TIMEX3 values: a value taken apart into what it says.

Everything that reads a date value (the tagger's calendar arithmetic in calendar.values, the
intervals the timeline draws in calendar.intervals, the seconds of an event's start and end in
calendar.seconds) starts from `parse_value`, so a form is understood the same way everywhere.
This module only reads the syntax; whether 2023-02-30 exists is for the calendar to say.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from kerryview.model import Granularity

_DATE = re.compile(
    r"(?P<year>\d{4}|[+-]\d{4,6}|BC(?!0000)\d{4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?:T(?:(?P<hour>\d{2})(?::(?P<minute>\d{2}))?(?::(?P<second>\d{2}(?:\.\d+)?))?"
    r"|(?P<pod>MO|MI|AF|EV|NI|DT)))?)?"
    r"|W(?P<week>\d{2})(?:-(?P<weekday>\d)|-(?P<weekend>WE))?|Q(?P<quarter>[1-4])|H(?P<half>[12])"
    r"|(?P<season>SP|SU|FA|WI)))?"
    r"|(?P<decade>\d{3})|(?P<century>\d{2})|BC(?P<bcdecade>\d{3})|BC(?P<bccentury>\d{2})")
_DURATION = re.compile(
    r"P(?:(?P<Y>\d+(?:\.\d+)?)Y)?(?:(?P<M>\d+(?:\.\d+)?)M)?(?:(?P<W>\d+(?:\.\d+)?)W)?"
    r"(?:(?P<D>\d+(?:\.\d+)?)D)?(?:T(?:(?P<H>\d+(?:\.\d+)?)H)?(?:(?P<MIN>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<S>\d+(?:\.\d+)?)S)?)?")


@dataclass(frozen=True, slots=True)
class DateValue:
    """A TIMEX3 date or time value taken apart; what the value does not say is None.

    `year` is the first year of a decade (199 -> 1990) or century (19 -> 1900), also before
    Christ (BC049, the 490s BC: 499 BC, year -498; BC04, the 400s BC: 499 BC), and may be
    outside 1..9999 in ISO 8601's signed form (-0500-01-01: the calendar has no place for it,
    the timeline draws it roughly). A year before Christ as TimeML writes it (BC0218, 218 BC)
    has the same numbering, which has a year 0 (1 BC): BC0218 is year -217, as -0217 is; see
    `years_before_christ`. `granularity`
    is how precisely the value places its date; seconds are kept but a time with seconds is
    still known to the minute, as the tagger writes it.
    """

    granularity: Granularity
    year: int
    month: int | None = None
    day: int | None = None
    week: int | None = None  # ISO week
    weekday: int | None = None  # 1 Monday .. 7 Sunday, of a week value (2023-W29-3)
    quarter: int | None = None
    half: int | None = None
    season: str | None = None  # SP SU FA WI
    part_of_day: str | None = None  # MO MI AF EV NI DT
    hour: int | None = None
    minute: int | None = None
    second: float | None = None


def _int(text: str | None) -> int | None:
    return None if text is None else int(text)


def _year(text: str) -> int:
    """The year of a value's year field: 2023, -0500 (ISO 8601), BC0218 (-217: 1 BC is year 0)."""
    return 1 - int(text[2:]) if text.startswith("BC") else int(text)


def years_before_christ(v: DateValue) -> int | None:
    """How many years before Christ a parsed value's year lies, as "218 BC" says it (BC0218,
    BC0218-08-11 and -0217 -> 218); None for a year of our era, and for a decade or century
    (their year is where the period's digits put it: 00 is the first century, from year 1)."""
    if v.granularity in (Granularity.DECADE, Granularity.CENTURY):
        return None
    return 1 - v.year if v.year < 1 else None


@lru_cache(maxsize=8192)  # pure, its answer frozen: the tagger and the pipeline ask the same values again
def parse_value(value: str) -> DateValue | None:
    """The parts of a date or time value (2023, 2023-07, 2023-07-17T09:30, 2023-W29-WE,
    2023-Q3, 2023-H1, 2023-SU, 199, 19, 2023-07-20TMO, -0500, BC0218, BC0480-SP, BC049, BC04), or None for
    anything else: durations, PRESENT_REF, values with X, BC0000 (there is no year 0 BC)."""
    m = _DATE.fullmatch(value)
    if m is None:
        return None
    if m["decade"]:
        return DateValue(Granularity.DECADE, int(m["decade"]) * 10)
    if m["century"]:
        return DateValue(Granularity.CENTURY, int(m["century"]) * 100)
    if m["bcdecade"]:  # BC049: 499-490 BC, years -498 .. -489
        return DateValue(Granularity.DECADE, 1 - (int(m["bcdecade"]) * 10 + 9))
    if m["bccentury"]:  # BC04: 499-400 BC, years -498 .. -399
        return DateValue(Granularity.CENTURY, 1 - (int(m["bccentury"]) * 100 + 99))
    year = _year(m["year"])
    if m["day"]:
        if m["pod"]:
            g = Granularity.PART_OF_DAY
        elif m["hour"]:
            g = Granularity.MINUTE if m["minute"] else Granularity.HOUR
        else:
            g = Granularity.DAY
        return DateValue(g, year, int(m["month"]), int(m["day"]), part_of_day=m["pod"],
                         hour=_int(m["hour"]), minute=_int(m["minute"]),
                         second=None if m["second"] is None else float(m["second"]))
    if m["month"]:
        return DateValue(Granularity.MONTH, year, int(m["month"]))
    if m["week"]:
        g = (Granularity.DAY if m["weekday"] else Granularity.WEEKEND if m["weekend"]
             else Granularity.WEEK)
        return DateValue(g, year, week=int(m["week"]), weekday=_int(m["weekday"]))
    if m["quarter"]:
        return DateValue(Granularity.QUARTER, year, quarter=int(m["quarter"]))
    if m["half"]:
        return DateValue(Granularity.HALF_YEAR, year, half=int(m["half"]))
    if m["season"]:
        return DateValue(Granularity.SEASON, year, season=m["season"])
    return DateValue(Granularity.YEAR, year)


_UNDATED_TIME = re.compile(r"(?:\d{4}|XXXX)-(?:\d{2}|XX)-(?:\d{2}|XX)T(?P<hour>\d{2})(?::(?P<minute>\d{2}))?(?::\d{2}(?:\.\d+)?)?")


def time_of_day(value: str) -> tuple[int, int] | None:
    """The hour and minute a TIMEX3 time value says (2010-06-15T22:45 -> (22, 45); 2010-06-15T22
    -> (22, 0)), also on a day not wholly known (XXXX-XX-XXT22:45, 1995-XX-XXT22:45: a clock time
    of an undated text), or None when the value says no hour (a date, a part of the day, a
    duration)."""
    v = parse_value(value)
    if v is not None:
        return None if v.hour is None else (v.hour, v.minute or 0)
    m = _UNDATED_TIME.fullmatch(value)
    return None if m is None else (int(m["hour"]), int(m["minute"] or 0))


_ISO_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})(?=$|[T ])")


def iso_day(text: str) -> date | None:
    """The calendar day an ISO 8601 date or timestamp names, as written ("2023-07-18",
    "2023-07-18T10:00Z", "2023-07-18 10:00+08:00" -> 2023-07-18; the zone is not applied, as
    a newspaper's date line is its own day), or None."""
    m = _ISO_DAY.match(text)
    v = parse_value(m.group(1)) if m else None
    if v is None:
        return None
    try:
        return date(v.year, v.month, v.day)
    except ValueError:  # 2023-02-30
        return None


# Duration units in the order a duration writes them: Y M W D, then after T: H M S.
DURATION_UNITS = ("Y", "M", "W", "D", "H", "MIN", "S")


def parse_duration(value: str | None) -> dict[str, float] | None:
    """The amounts of an ISO 8601 / TIMEX3 duration by unit (PT1H30M -> {"H": 1, "MIN": 30}),
    in DURATION_UNITS order; None when it is not one (PXY, P, PT, a date)."""
    m = _DURATION.fullmatch(value or "")
    if not m or value in ("P", "PT"):
        return None
    return {unit: float(m[unit]) for unit in DURATION_UNITS if m[unit]}
