"""Calendar time for the timeline, without Qt.

Dates from text are calendar values, never time-zone-aware instants: a time is a float number of
seconds since 1970-01-01T00:00 on a naive proleptic Gregorian calendar, so 2023-07-18 is always
the same column whatever the machine's time zone. Years outside 1..9999 are placed approximately
(they cannot be shown with Python's datetime, so the view is limited to that range).
"""
from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta

from kerryview.calendar.intervals import duration_timedelta

DAY = 86400.0
HOUR = 3600.0
MINUTE = 60.0
MONTH = 30.436875 * DAY
YEAR = 365.2425 * DAY

_EPOCH = datetime(1970, 1, 1)
_EPOCH_ORD = date(1970, 1, 1).toordinal()
T_MIN = (date(1, 1, 1).toordinal() - _EPOCH_ORD) * DAY
T_MAX = (date(9999, 12, 31).toordinal() - _EPOCH_ORD) * DAY

_ISO = re.compile(
    r"^\s*([+-]?\d{1,6})(?:-(\d{1,2})(?:-(\d{1,2})"
    r"(?:[T ](\d{1,2})(?::(\d{1,2})(?::(\d{1,2}(?:[.,]\d+)?))?)?)?)?)?")


def iso_to_seconds(text: str | None) -> float | None:
    """'2023-07-17', '2023-07-17T09:30', '2023-07', '2023' -> seconds; None if unreadable."""
    if not text:
        return None
    m = _ISO.match(text)
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2) or 1)
    day = int(m.group(3) or 1)
    hour = int(m.group(4) or 0)
    minute = int(m.group(5) or 0)
    sec = float((m.group(6) or "0").replace(",", "."))
    if not (1 <= month <= 12 and 1 <= day <= 31 and hour <= 24 and minute < 60):
        return None
    if 1 <= year <= 9999:
        try:
            days = date(year, month, day).toordinal() - _EPOCH_ORD
        except ValueError:  # 2023-02-30: keep the month
            days = date(year, month, 1).toordinal() - _EPOCH_ORD + day - 1
    else:  # before year 1 or after 9999: approximate, still ordered
        days = (year - 1970) * 365.2425 + (month - 1) * 30.436875 + day - 1
    return days * DAY + hour * HOUR + minute * MINUTE + sec


def duration_seconds(value: str | None) -> float | None:
    """ISO 8601 / TIMEX3 duration 'PT12H', 'P3D', 'P1M' -> seconds (months/years averaged),
    parsed by kerryview.calendar.intervals like everywhere else."""
    span = duration_timedelta(value.strip()) if value else None
    if span is None or not span.total_seconds():
        return None
    return span.total_seconds()


def clamp_t(t: float) -> float:
    return min(max(t, T_MIN), T_MAX)


def to_datetime(t: float) -> datetime:
    return _EPOCH + timedelta(seconds=clamp_t(t))


def to_seconds(dt: datetime) -> float:
    return (dt.toordinal() - _EPOCH_ORD) * DAY + dt.hour * HOUR + dt.minute * MINUTE + dt.second


# -- axis ticks ---------------------------------------------------------------------------------
# (unit, step, approximate length in seconds, minimum pixels between ticks)
TICK_STEPS: list[tuple[str, int, float, float]] = [
    ("minute", 1, MINUTE, 48), ("minute", 5, 5 * MINUTE, 48), ("minute", 15, 15 * MINUTE, 48),
    ("minute", 30, 30 * MINUTE, 48),
    ("hour", 1, HOUR, 48), ("hour", 3, 3 * HOUR, 48), ("hour", 6, 6 * HOUR, 48),
    ("hour", 12, 12 * HOUR, 48),
    ("day", 1, DAY, 26), ("day", 2, 2 * DAY, 26), ("day", 5, 5 * DAY, 26),
    ("month", 1, MONTH, 34), ("month", 3, 3 * MONTH, 40),
    ("year", 1, YEAR, 40), ("year", 2, 2 * YEAR, 40), ("year", 5, 5 * YEAR, 40),
    ("year", 10, 10 * YEAR, 44), ("year", 20, 20 * YEAR, 44), ("year", 50, 50 * YEAR, 44),
    ("year", 100, 100 * YEAR, 48), ("year", 250, 250 * YEAR, 48), ("year", 500, 500 * YEAR, 48),
    ("year", 1000, 1000 * YEAR, 48),
]
# The context row names the period one level up, so the year never disappears.
CONTEXT_OF = {"minute": "day", "hour": "day", "day": "month", "month": "year", "year": "decade"}

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTHS_LONG = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
WEEKDAYS_LONG = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def choose_step(scale: float) -> tuple[str, int, float, float]:
    """The finest tick step whose ticks are at least its minimum pixels apart."""
    for step in TICK_STEPS:
        if step[2] * scale >= step[3]:
            return step
    return TICK_STEPS[-1]


def _floor(dt: datetime, unit: str, step: int) -> datetime:
    if unit == "decade":
        unit, step = "year", 10
    if unit == "year":
        return datetime(max(1, (dt.year // step) * step), 1, 1)
    if unit == "month":
        return datetime(dt.year, ((dt.month - 1) // step) * step + 1, 1)
    if unit == "day":
        return datetime(dt.year, dt.month, ((dt.day - 1) // step) * step + 1)
    if unit == "hour":
        return datetime(dt.year, dt.month, dt.day, (dt.hour // step) * step)
    return datetime(dt.year, dt.month, dt.day, dt.hour, (dt.minute // step) * step)


def _advance(dt: datetime, unit: str, step: int) -> datetime | None:
    if unit == "decade":
        unit, step = "year", 10
    try:
        if unit == "year":
            return datetime(dt.year + step - (dt.year % step if dt.year % step else 0), 1, 1)
        if unit == "month":
            m = dt.month - 1 + step
            return datetime(dt.year + m // 12, m % 12 + 1, 1)
        if unit == "day":
            if step == 1:
                return dt + timedelta(days=1)
            nd = dt.day + step
            if nd > _days_in_month(dt.year, dt.month) - step // 2:
                return _advance(datetime(dt.year, dt.month, 1), "month", 1)
            return datetime(dt.year, dt.month, nd)
        if unit == "hour":
            return dt + timedelta(hours=step)
        return dt + timedelta(minutes=step)
    except (OverflowError, ValueError):
        return None


def _days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def tick_label(dt: datetime, unit: str, step: int, spacing_px: float) -> str:
    if unit == "year":
        return str(dt.year)
    if unit == "month":
        return MONTHS[dt.month - 1] if dt.month != 1 or step != 1 else f"{MONTHS[0]} {dt.year}"
    if unit == "day":
        if spacing_px >= 62:
            return f"{WEEKDAYS[dt.weekday()]} {dt.day}"
        return str(dt.day)
    return f"{dt.hour:02d}:{dt.minute:02d}"


def context_label(dt: datetime, unit: str) -> str:
    if unit == "day":
        return f"{WEEKDAYS_LONG[dt.weekday()]} {dt.day} {MONTHS_LONG[dt.month - 1]} {dt.year}"
    if unit == "month":
        return f"{MONTHS_LONG[dt.month - 1]} {dt.year}"
    if unit == "year":
        return str(dt.year)
    return f"{(dt.year // 10) * 10}s"


def iter_boundaries(t0: float, t1: float, unit: str, step: int, limit: int = 400):
    """(seconds, datetime) of every boundary of `unit`*`step` from just before t0 to past t1."""
    t0, t1 = clamp_t(t0), clamp_t(t1)
    dt: datetime | None = _floor(to_datetime(t0), unit, step)
    n = 0
    while dt is not None and n < limit:
        t = to_seconds(dt)
        yield t, dt
        if t > t1:
            return
        dt = _advance(dt, unit, step)
        n += 1


def axis_ticks(t0: float, t1: float, scale: float):
    """Ticks for a view: (unit, step, [(t, label)], context unit, [(t, context label)])."""
    unit, step, approx, _ = choose_step(scale)
    spacing = approx * scale
    ticks = [(t, tick_label(dt, unit, step, spacing)) for t, dt in iter_boundaries(t0, t1, unit, step)]
    cunit = CONTEXT_OF[unit]
    if unit == "year" and step >= 10:
        cunit = "century"
    if cunit == "century":
        ctx = [(t, f"{dt.year // 100 * 100}s") for t, dt in iter_boundaries(t0, t1, "year", 100)]
    else:
        ctx = [(t, context_label(dt, cunit)) for t, dt in iter_boundaries(t0, t1, cunit, 1)]
    return unit, step, ticks, cunit, ctx


def format_span(start: float, end: float, granularity: str) -> str:
    """Human text for an event's date: '18 July 2023', 'July 2023', '2023', '17 Jul 09:00'."""
    dt = to_datetime(start)
    if granularity in ("year", "decade", "century"):
        return str(dt.year)
    if granularity in ("quarter", "season", "half"):
        e = to_datetime(max(start, end - 1))
        return f"{MONTHS[dt.month - 1]}–{MONTHS[e.month - 1]} {dt.year}"
    if granularity == "month":
        return f"{MONTHS_LONG[dt.month - 1]} {dt.year}"
    if granularity == "weekend":
        return f"weekend of {dt.day} {MONTHS[dt.month - 1]} {dt.year}"
    if granularity == "week":
        return f"week of {dt.day} {MONTHS[dt.month - 1]} {dt.year}"
    if granularity in ("hour", "minute", "second"):
        return f"{WEEKDAYS[dt.weekday()]} {dt.day} {MONTHS[dt.month - 1]} {dt.year} {dt.hour:02d}:{dt.minute:02d}"
    return f"{WEEKDAYS[dt.weekday()]} {dt.day} {MONTHS_LONG[dt.month - 1]} {dt.year}"


def bucket_of(scale: float) -> int:
    """Half-octave zoom bucket: layouts are cached per bucket."""
    return math.floor(math.log2(scale) * 2)


def bucket_low_scale(bucket: int) -> float:
    return 2.0 ** (bucket / 2)
