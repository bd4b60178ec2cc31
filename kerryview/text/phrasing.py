"""Dates, durations and sources in the words a reporter uses, without Qt.

"about 12 hours", never "PT12H"; "in the early hours of Thursday 20 July 2023", never
"2023-07-20TMO" (a source is named in kerryview/sources.py). The GUI (tooltips,
the passages panel), the chronology and calendar exports and the explanations the pipeline
stores all phrase through here, so a reader sees one way of saying each thing.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from kerryview.calendar.timex3 import DateValue, parse_duration, parse_value, years_before_christ
from kerryview.model import Event, Granularity

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_UNIT_WORDS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "MIN": "minute",
               "S": "second"}
# How a TIMEX3 mod on a duration is said ("nearly 12 hours" is tagged APPROX).
_DURATION_MOD = {"APPROX": "about", "LESS_THAN": "less than", "MORE_THAN": "more than",
                 "EQUAL_OR_LESS": "at most", "EQUAL_OR_MORE": "at least"}
# How a TIMEX3 mod on a date narrows it: "early July", "late on 19 July".
_EARLY_LATE = {"START": "early", "MID": "mid-", "END": "late"}
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_ORDINAL = {1: "first", 2: "second", 3: "third", 4: "fourth"}
# Parts of the day: the noun phrase and its preposition ("on the morning of").
_PART_OF_DAY = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening",
                "NI": "night", "DT": "daytime"}


# -- durations ------------------------------------------------------------------------------------
def duration_words(value: str | None, mod: str | None = None) -> str:
    """"about 12 hours" for PT12H said "nearly 12 hours" (APPROX); "" for what is not a
    duration (never the ISO form)."""
    amounts = parse_duration(value)
    if not amounts:
        return ""
    parts = []
    for unit, num in amounts.items():
        word = _UNIT_WORDS[unit]
        parts.append(f"{num:g} {word}{'' if num == 1 else 's'}")
    text = " and ".join(parts) if len(parts) <= 2 else ", ".join(parts[:-1]) + " and " + parts[-1]
    lead = _DURATION_MOD.get(mod or "")
    return f"{lead} {text}" if lead else text


def _duration_noun(value: str | None) -> str:
    """"month" for P1M, "3 days" for P3D: a span to say "the month up to ..." with."""
    text = duration_words(value)
    return text[2:] if text.startswith("1 ") else text


# -- days and dates -------------------------------------------------------------------------------
def day_words(d: date | datetime, weekday: bool = True, year: bool = True) -> str:
    """"Monday 17 July 2023" (day month year, as British and wire style write it)."""
    text = f"{d.day} {MONTHS[d.month - 1]}" + (f" {d.year}" if year else "")
    return f"{WEEKDAYS[d.weekday()]} {text}" if weekday else text


def _day_of(v: DateValue) -> date | None:
    try:
        if v.month is not None and v.day is not None:
            return date(v.year, v.month, v.day)
        if v.week is not None and v.weekday is not None:
            return date.fromisocalendar(v.year, v.week, v.weekday)
    except ValueError:
        return None
    return None


def _clock(v: DateValue, zone: str | None) -> str:
    text = f"{v.hour:02d}:{v.minute or 0:02d}"
    return f"{text} {zone}" if zone else text


def _year_words(v: DateValue) -> str:
    """A value's year as a reader says it: "2023", "218 BC" (BC0218, TimeML's year before Christ)."""
    bc = years_before_christ(v)
    return str(v.year) if bc is None else f"{bc} BC"


def _value_phrase(v: DateValue, mod: str | None, zone: str | None) -> tuple[str, str] | None:
    """(preposition, noun phrase) for a parsed date value, or None when it has no calendar."""
    g = v.granularity
    early = _EARLY_LATE.get(mod or "")
    day = _day_of(v)
    year = _year_words(v)
    on_day = day_words(day) if day is not None else None
    if on_day is None and v.month is not None and v.day is not None and year.endswith(" BC"):
        on_day = f"{v.day} {MONTHS[v.month - 1]} {year}"  # "11 August 480 BC": no weekday known
    if on_day is not None:
        if v.part_of_day:
            pod = _PART_OF_DAY[v.part_of_day]
            if v.part_of_day == "MO" and mod == "START":
                return "in", f"the early hours of {on_day}"
            if v.part_of_day in ("MI", "DT"):
                return ("at" if v.part_of_day == "MI" else "during"), (
                    f"{pod} on {on_day}" if v.part_of_day == "MI"
                    else f"the day on {on_day}")
            lead = f"{early}" if early and early != "mid-" else ""
            return "on", f"the {lead + ' ' if lead else ''}{pod} of {on_day}"
        if v.hour == 24:  # T24:00, the end of the day
            return "at", f"midnight at the end of {on_day}"
        if v.hour is not None:
            return "at", f"{_clock(v, zone)} on {on_day}"
        if early == "mid-":
            return "at", f"midday on {on_day}"
        if early:
            return "", f"{early} on {on_day}"
        return "on", on_day
    if g is Granularity.MONTH:
        text = f"{MONTHS[v.month - 1]} {year}"
        if early:
            text = f"{early}{'' if early.endswith('-') else ' '}{text}"
        return "in", text
    if v.week is not None:
        try:
            monday = date.fromisocalendar(v.year, v.week, 1)
        except ValueError:
            return None
        if g is Granularity.WEEKEND:
            sat = monday + timedelta(days=5)
            sun = monday + timedelta(days=6)
            span = (f"{sat.day}–{day_words(sun, weekday=False)}" if sat.month == sun.month
                    else f"{day_words(sat, weekday=False, year=False)} – {day_words(sun, weekday=False)}")
            return "on", f"the weekend of {span}"
        text = f"the week of {day_words(monday)}"
        if early and early != "mid-":
            return "", f"{early} in {text}"
        return "in", text
    if v.quarter is not None:
        return "in", f"the {_ORDINAL[v.quarter]} quarter of {year}"
    if v.half is not None:
        return "in", f"the {_ORDINAL[v.half]} half of {year}"
    if v.season is not None:
        return "in", f"{early + ' ' if early and early != 'mid-' else ''}{_SEASONS[v.season]} {year}"
    if g is Granularity.DECADE:  # BC049 (year -498): the 490s BC
        return "in", f"the {v.year}s" if v.year > 0 else f"the {1 - v.year - 9}s BC"
    if g is Granularity.CENTURY:
        return "in", f"the {v.year}s" if v.year > 0 else f"the {1 - v.year - 99}s BC"
    if early:
        return "in", f"{early}{'' if early.endswith('-') else ' '}{year}"
    return "in", year


def value_words(value: str | None, mod: str | None = None, zone: str | None = None) -> str:
    """A TIMEX3 value as a reader says it: 2023-07-17 -> "Monday 17 July 2023", 2023-07 ->
    "July 2023", 2023-SU -> "summer 2023", PT12H -> "12 hours", PRESENT_REF -> "now"; a value
    without a calendar place (XXXX-07-17) in words as far as it goes, never the code."""
    if not value:
        return ""
    v = parse_value(value)
    if v is not None:
        phrase = _value_phrase(v, mod, zone)
        if phrase is not None:
            return phrase[1]
    if parse_duration(value):
        return duration_words(value, mod)
    if value == "PRESENT_REF":
        return "now"
    if value == "PAST_REF":
        return "the past"
    if value == "FUTURE_REF":
        return "the future"
    m = re.fullmatch(r"XXXX-(\d{2})-(\d{2})", value)
    if m and 1 <= int(m[1]) <= 12:
        return f"{int(m[2])} {MONTHS[int(m[1]) - 1]} (year unknown)"
    return "a date that cannot be placed"


def _seconds_day(iso: str) -> datetime | None:
    try:
        return datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return None


def when_parts(ev: Event, zone: str | None = None) -> tuple[str, str]:
    """(preposition, noun phrase) of an event's date: ("in", "the early hours of Thursday 20
    July 2023"), ("on", "Monday 17 July 2023"), ("in", "the month up to Tuesday 18 July 2023")."""
    v = parse_value(ev.value) if ev.value else None
    if v is not None:
        phrase = _value_phrase(v, ev.mod, zone)
        if phrase is not None:
            return phrase
    start, end = _seconds_day(ev.start), _seconds_day(ev.end)
    if start is None:
        return "", "date unknown"
    last = max(start, (end or start) - timedelta(seconds=1))
    if ev.granularity is Granularity.PERIOD and parse_duration(ev.value):
        noun = _duration_noun(ev.value)
        return "in", f"the {noun} up to {day_words(last)}"
    if last.date() == start.date():
        return "on", day_words(start)
    return "from", f"{day_words(start)} to {day_words(last)}"


def when_phrase(ev: Event, zone: str | None = None) -> str:
    """"in the early hours of Thursday 20 July 2023", "on Monday 17 July 2023"."""
    prep, noun = when_parts(ev, zone)
    return f"{prep} {noun}" if prep else noun


def date_words(ev: Event, zone: str | None = None) -> str:
    """An event's date as a heading or a label says it: "Monday 17 July 2023", "the early
    hours of Thursday 20 July 2023", "early July 2023"."""
    text = when_parts(ev, zone)[1]
    return text[:1].upper() + text[1:]


def event_day(ev: Event) -> date | None:
    """The calendar day an event is told on, when it is known to the day (for grouping a
    chronology by day); None for months, seasons, years and spans longer than a day."""
    if not ev.granularity.day_or_finer:
        return None
    v = parse_value(ev.value) if ev.value else None
    if v is not None and (d := _day_of(v)) is not None:
        return d
    start = _seconds_day(ev.start)
    return start.date() if start else None


def event_duration_words(ev: Event) -> str:
    """The event's duration as said ("about 12 hours"), with its sources' mod; "" if none."""
    if not ev.duration:
        return ""
    mods = [m.duration_mod for m in ev.mentions if m.duration == ev.duration and m.duration_mod]
    return duration_words(ev.duration, mods[0] if mods else None)


# -- sources --------------------------------------------------------------------------------------
def count_words(n: int, noun: str, plural: str | None = None) -> str:
    """"1 source", "4 sources"."""
    return f"{n:,} {noun if n == 1 else (plural or noun + 's')}"


def status_words(status: str) -> str:
    """The status shown beside an event that has not happened (yet); "" when it has."""
    return {"scheduled": "scheduled", "expected": "expected"}.get(status or "", "")


# -- time zones -----------------------------------------------------------------------------------
def zone_in(text: str) -> str | None:
    """The time-zone abbreviation a time expression states ("12:30 p.m. EST" -> "EST"), or None
    ("GMT" and the others of events/data/time_zones.tsv, as whole words, in any case)."""
    from kerryview.text.wordlists import time_zones

    zones = time_zones()
    for word in re.findall(r"(?<![A-Za-z])[A-Za-z]{2,4}(?![A-Za-z])", text or ""):
        if word.upper() in zones and (word.isupper() or word.upper() in ("GMT", "UTC")):
            return word.upper()
    return None


def event_zone(ev: Event) -> str | None:
    """The zone a clock-time event's sources state for it, if any (the first that does)."""
    if ev.granularity not in (Granularity.HOUR, Granularity.MINUTE):
        return None
    for m in ev.mentions:
        z = zone_in(m.timex.text)
        if z:
            return z
    return None


def zone_offset(zone: str, day: date) -> timedelta | None:
    """The zone's offset from UTC on that day (kerryview.calendar.zones: one table, one reading
    of "EST" in July), or None for a name not in the table."""
    from kerryview.calendar.zones import offset_on
    from kerryview.text.wordlists import time_zones

    return offset_on(zone.upper(), day) if zone.upper() in time_zones() else None


def time_of_day_words(ev: Event, zone: str | None = None) -> str:
    """What an event's date says within its day: "12:30 EST", "the early hours", "late",
    "morning"; "" for a plain day (the day itself is said elsewhere, e.g. a heading)."""
    v = parse_value(ev.value) if ev.value else None
    if v is None or _day_of(v) is None:
        return ""
    early = _EARLY_LATE.get(ev.mod or "")
    if v.part_of_day:
        if v.part_of_day == "MO" and ev.mod == "START":
            return "the early hours"
        pod = _PART_OF_DAY[v.part_of_day]
        return f"{early} {pod}" if early and early != "mid-" else pod
    if v.hour == 24:
        return "midnight at the end of the day"
    if v.hour is not None:
        return _clock(v, zone)
    if early == "mid-":
        return "midday"
    return early or ""
