"""Calendar time for the timeline, without Qt: ticks, labels, zoom buckets.

Times are seconds on kerryview.calendar.seconds's naive axis (dates from text are calendar
values, never time-zone-aware instants), which also reads event dates and durations. The view
is limited to years 1..9999, what Python's datetime can show.
"""
from __future__ import annotations

import math
from datetime import date, datetime, timedelta

from kerryview.calendar.intervals import PART_OF_DAY_HOURS, PART_OF_DAY_WORDS
# iso_to_seconds, duration_seconds and to_seconds are read from here by the GUI.
from kerryview.calendar.seconds import (DAY, EPOCH_ORDINAL, HOUR, MINUTE, duration_seconds,  # noqa: F401
                                        iso_to_seconds, to_seconds)
from kerryview.model import Granularity

MONTH = 30.436875 * DAY
YEAR = 365.2425 * DAY

_EPOCH = datetime(1970, 1, 1)
T_MIN = (date(1, 1, 1).toordinal() - EPOCH_ORDINAL) * DAY
T_MAX = (date(9999, 12, 31).toordinal() - EPOCH_ORDINAL) * DAY


def clamp_t(t: float) -> float:
    return min(max(t, T_MIN), T_MAX)


def to_datetime(t: float) -> datetime:
    return _EPOCH + timedelta(seconds=clamp_t(t))


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
    """A tick's label. Months never carry their year: the context row above names it, and
    "Jan 2006" between narrow months ran into its neighbours ("Dec Jan 2006 Feb")."""
    if unit == "year":
        return str(dt.year)
    if unit == "month":
        return MONTHS[dt.month - 1]
    if unit == "day":
        if spacing_px >= 62:
            return f"{WEEKDAYS[dt.weekday()]} {dt.day}"
        return str(dt.day)
    return f"{dt.hour:02d}:{dt.minute:02d}"


# The context row's bold labels are at most about this wide per character (DejaVu Sans Bold at
# the timeline's size is 7.5); a label is chosen that fits its period with room to spare.
CONTEXT_CHAR_PX = 8.0
CONTEXT_LABEL_ROOM = 24.0  # margins around a context label inside its period


def day_context_label(dt: datetime, period_px: float = math.inf) -> str:
    """The longest form of a day's name that fits a period `period_px` wide: "Tuesday 18 July
    2023", "Tue 18 Jul 2023", "Tue 18 Jul", "18 Jul" (so neighbouring days never run
    together: "Tuesday 18 July 2023Wednesday 19 July 2023")."""
    forms = (f"{WEEKDAYS_LONG[dt.weekday()]} {dt.day} {MONTHS_LONG[dt.month - 1]} {dt.year}",
             f"{WEEKDAYS[dt.weekday()]} {dt.day} {MONTHS[dt.month - 1]} {dt.year}",
             f"{WEEKDAYS[dt.weekday()]} {dt.day} {MONTHS[dt.month - 1]}",
             f"{dt.day} {MONTHS[dt.month - 1]}")
    for form in forms:
        if len(form) * CONTEXT_CHAR_PX + CONTEXT_LABEL_ROOM <= period_px:
            return form
    return forms[-1]


def context_label(dt: datetime, unit: str, period_px: float = math.inf) -> str:
    if unit == "day":
        return day_context_label(dt, period_px)
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
        day_px = DAY * scale  # a day's width, which says how long its name may be
        ctx = [(t, context_label(dt, cunit, day_px)) for t, dt in iter_boundaries(t0, t1, cunit, 1)]
    return unit, step, ticks, cunit, ctx


_PART_OF_DAY_BY_HOURS = {hours: PART_OF_DAY_WORDS[pod] for pod, hours in PART_OF_DAY_HOURS.items()}


def format_span(start: float, end: float, granularity: str) -> str:
    """Human text for an event's date at its granularity: '2023', '2020s', 'Jan–Jun 2023',
    'July 2023', 'week of 17 Jul 2023', 'Tue 18 July 2023', 'Thu 20 Jul 2023 morning',
    'Mon 17 Jul 2023 09:00'."""
    g = Granularity(granularity)
    dt = to_datetime(start)
    last = to_datetime(max(start, end - 1))  # the end is exclusive
    day = f"{WEEKDAYS[dt.weekday()]} {dt.day} {MONTHS[dt.month - 1]} {dt.year}"
    if g is Granularity.YEAR:
        return str(dt.year)
    if g in (Granularity.DECADE, Granularity.CENTURY):
        return f"{dt.year // 10 * 10 if g is Granularity.DECADE else dt.year // 100 * 100}s"
    if g in (Granularity.HALF_YEAR, Granularity.QUARTER, Granularity.SEASON):
        if last.year != dt.year:  # a winter: Dec 2022–Feb 2023
            return f"{MONTHS[dt.month - 1]} {dt.year}–{MONTHS[last.month - 1]} {last.year}"
        return f"{MONTHS[dt.month - 1]}–{MONTHS[last.month - 1]} {dt.year}"
    if g is Granularity.PERIOD:
        return f"{dt.day} {MONTHS[dt.month - 1]} {dt.year} – {last.day} {MONTHS[last.month - 1]} {last.year}"
    if g is Granularity.MONTH:
        return f"{MONTHS_LONG[dt.month - 1]} {dt.year}"
    if g is Granularity.WEEKEND:
        return f"weekend of {dt.day} {MONTHS[dt.month - 1]} {dt.year}"
    if g is Granularity.WEEK:
        return f"week of {dt.day} {MONTHS[dt.month - 1]} {dt.year}"
    if g is Granularity.PART_OF_DAY:
        hours = (dt.hour, dt.hour + round((end - start) / HOUR))
        return f"{day} {_PART_OF_DAY_BY_HOURS.get(hours, f'{dt.hour:02d}:00–{hours[1]:02d}:00')}"
    if g in (Granularity.HOUR, Granularity.MINUTE):
        return f"{day} {dt.hour:02d}:{dt.minute:02d}"
    return f"{WEEKDAYS[dt.weekday()]} {dt.day} {MONTHS_LONG[dt.month - 1]} {dt.year}"  # a day


def bucket_of(scale: float) -> int:
    """Half-octave zoom bucket: layouts are cached per bucket."""
    return math.floor(math.log2(scale) * 2)


def bucket_low_scale(bucket: int) -> float:
    return 2.0 ** (bucket / 2)
