"""Calendar arithmetic on TIMEX3 values: format a date at a granularity, shift it, parse it back.

The tagger writes granularities as short codes (CODES: D day, W week, WE weekend, M month,
S season, Q quarter, H half-year, Y year, DE decade, CE century), each one Granularity. Values
keep their granularity (a month stays `2023-07`).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from kerryview.calendar.timex3 import parse_value
from kerryview.model import Granularity

# The tagger's codes: the one table from code to Granularity.
CODES: dict[str, Granularity] = {
    "D": Granularity.DAY, "W": Granularity.WEEK, "WE": Granularity.WEEKEND, "M": Granularity.MONTH,
    "S": Granularity.SEASON, "Q": Granularity.QUARTER, "H": Granularity.HALF_YEAR,
    "Y": Granularity.YEAR, "DE": Granularity.DECADE, "CE": Granularity.CENTURY}
_CODE_OF: dict[Granularity, str] = {g: code for code, g in CODES.items()}
# Fine to coarse, from 1 (a day): "a date at least as fine as a month" is RANK <= RANK["M"].
RANK: dict[str, int] = {code: Granularity.DAY.rank + 1 - g.rank for code, g in CODES.items()}
SEASON_MONTH: dict[str, int] = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
UNDERSPECIFIED: dict[str, str] = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX",
                                  "S": "XXXX-XX", "Q": "XXXX-QX", "H": "XXXX-HX", "Y": "XXXX", "DE": "XXX", "CE": "XX"}


def fmt(d: date, gran: str) -> str:
    """`d` written at granularity `gran` (e.g. 2023-07-17 at "W" -> 2023-W29)."""
    if gran == "D":
        return d.isoformat()
    if gran in ("W", "WE"):
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}" + ("-WE" if gran == "WE" else "")
    if gran == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if gran == "H":
        return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
    if gran == "S":
        m = d.month
        code = "WI" if m in (12, 1, 2) else "SP" if m <= 5 else "SU" if m <= 8 else "FA"
        return f"{d.year + (1 if m == 12 else 0):04d}-{code}"
    if gran == "Y":
        return f"{d.year:04d}"
    if gran == "DE":
        return f"{d.year // 10:03d}"
    if gran == "CE":
        return f"{d.year // 100:02d}"
    raise ValueError(gran)


class OutsideCalendar(OverflowError):
    """A date before year 1 or after 9999 ("next week" said on 9999-12-31): it has no value.
    An OverflowError, as date arithmetic raises, so callers catch both the same way."""


_LEADING_YEAR = re.compile(r"-?\d+")


def in_calendar(value: str) -> bool:
    """False for a value whose year is outside 1-9999 (10000-01-05, 0000-12, -001, -19): what
    calendar arithmetic on a date near the edges writes; values without a year (XXXX-WXX,
    PRESENT_REF, durations) and decades (999) or centuries (99) are in."""
    m = _LEADING_YEAR.match(value)
    if m is None:
        return True
    digits = m.group()
    if digits.startswith("-") or len(digits) > 4:
        return False
    return len(digits) < 4 or 1 <= int(digits) <= 9999


def add_months(d: date, months: int) -> date:
    """`d` moved by whole months, the day clamped to the month length; OutsideCalendar past
    year 1 or 9999 (never `d` itself: "next year" said in 9999 is not 9999)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    if not 1 <= year <= 9999:
        raise OutsideCalendar(f"{d.isoformat()} moved by {months} months is outside years 1-9999")
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, min(d.day, day))
        except ValueError:
            continue
    return d


def shift(d: date, unit: str, n: float) -> date:
    """`d` moved by `n` units (D, W, WE, M, S, Q, H, Y, DE, CE); fractions round to days.
    OutsideCalendar when the result would leave years 1-9999."""
    try:
        if unit == "D":
            return d + timedelta(days=round(n))
        if unit in ("W", "WE"):
            return d + timedelta(days=round(7 * n))
    except OverflowError:
        raise OutsideCalendar(f"{d.isoformat()} moved by {n} {unit} is outside years 1-9999") from None
    months = {"M": 1, "S": 3, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return d
    return add_months(d, round(months * n))


def code_of(granularity: Granularity) -> str:
    """The tagger's code of a granularity; a part of a day or a time is a day ("D")."""
    return "D" if granularity.day_or_finer else _CODE_OF[granularity]


def parse(value: str) -> tuple[date, str] | None:
    """(first day, granularity code) of a resolved calendar value, or None (durations, refs,
    XXXX). A season's first day is its middle month's 1st, where fmt writes it from."""
    v = parse_value(value)
    if v is None:
        return None
    code = code_of(v.granularity)
    try:
        if v.month is not None:
            return date(v.year, v.month, 1 if v.day is None else v.day), code
        if v.week is not None:
            return date.fromisocalendar(v.year, v.week, 1 if v.weekday is None else v.weekday), code
        if v.quarter is not None:
            return date(v.year, 3 * v.quarter - 2, 1), code
        if v.half is not None:
            return date(v.year, 6 * v.half - 5, 1), code
        if v.season is not None:
            return date(v.year, SEASON_MONTH[v.season], 1), code
        if code in ("DE", "CE") and v.year < 0:
            return None  # the 490s BC (BC049): Python's dates hold no year before Christ
        return date(max(v.year, 1) if code in ("DE", "CE") else v.year, 1, 1), code
    except ValueError:
        return None


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday(rule: str, year: int) -> date:
    """The date of a holiday rule of lexicon.json in `year`: "12-25" fixed, "11-4-4" 4th Thursday
    of November, "05-L-1" last Monday of May, "11-E" US Election Day, "E-2" Easter - 2 days.
    ValueError for a rule that is none of these or a year outside 1-9999 (OverflowError when
    the day itself falls outside)."""
    if not isinstance(rule, str) or not rule:
        raise ValueError(f"no holiday rule: {rule!r}")
    if not 1 <= year <= 9999:
        raise OutsideCalendar(f"year {year} is outside years 1-9999")
    if rule.startswith("E"):
        return easter(year) + timedelta(days=int(rule[1:]))
    parts = rule.split("-")
    month = int(parts[0])
    if len(parts) == 2 and parts[1] == "E":  # the Tuesday after the first Monday of November
        first = date(year, month, 1)
        monday = first + timedelta(days=(1 - first.isoweekday()) % 7)
        return monday + timedelta(days=1)
    if len(parts) == 2:
        return date(year, month, int(parts[1]))
    nth, weekday = parts[1], int(parts[2])
    if nth == "L":
        last = add_months(date(year, month, 1), 1) - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (int(nth) - 1))
