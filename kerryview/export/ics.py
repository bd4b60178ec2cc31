"""What is scheduled or expected, as an iCalendar file (RFC 5545) a newsroom calendar imports.

Written by hand: the format is small, and the rules that matter are few and tested here
(CRLF line ends, lines folded at 75 octets without splitting a character, TEXT escaping,
DTSTAMP in UTC, a UID that stays the same across exports so a re-import updates events
instead of duplicating them).

Only events known to the day or finer go in: a calendar has no place for "later this year".
A day without a clock time is an all-day event (VALUE=DATE), whatever its duration ("12 hours"
stays words in the description, never made-up clock times). A clock time with a stated zone
("12:30 p.m. EST") is written in UTC; without one it is floating local time, as the text said.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Iterable

from kerryview import __version__
from kerryview.calendar.intervals import duration_timedelta
from kerryview.calendar.timex3 import parse_value
from kerryview.model import Document, Event, Granularity
from kerryview.sources import source_title
from kerryview.text.phrasing import (date_words, day_words, event_day, event_duration_words,
                                     event_zone, zone_offset)

INCLUDED_STATUSES = ("scheduled", "expected")
_TIMED = (Granularity.HOUR, Granularity.MINUTE)


def escape_text(text: str) -> str:
    """RFC 5545 3.3.11 TEXT: backslash, semicolon and comma escaped, line ends as \\n."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """RFC 5545 3.1: content lines longer than 75 octets are folded (CRLF then a space),
    never inside a UTF-8 character."""
    out = []
    chunk = ""
    size = 0
    limit = 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(chunk)
            chunk, size, limit = "", 0, 74  # continuation lines start with a space
        chunk += ch
        size += n
    out.append(chunk)
    return "\r\n ".join(out)


def _utc(dt: datetime) -> str:
    return dt.strftime("%Y%m%dT%H%M%SZ")


def _clock_time(ev: Event) -> datetime | None:
    """The event's clock time as the text gave it, when it gave one."""
    if ev.granularity not in _TIMED:
        return None
    v = parse_value(ev.value) if ev.value else None
    if v is None or v.hour is None or v.day is None:
        return None
    try:
        return datetime(v.year, v.month, v.day, v.hour, v.minute or 0)
    except ValueError:
        return None


def _description(ev: Event, docs: dict[str, Document]) -> str:
    lines = [f"When: {date_words(ev, event_zone(ev))}"]
    if (d := event_duration_words(ev)):
        lines.append(f"Lasting: {d}")
    lines.append(f"Status: {ev.status}")
    if ev.conflicts:
        lines.append("Sources disagree: " + "; ".join(ev.conflicts))
    lines.append("")
    lines.append("Sources:")
    for m in ev.mentions:
        doc = docs.get(m.document_id)
        when = f", published {day_words(doc.dct, weekday=False)}" if doc and doc.dct else ""
        name = source_title(doc, "another article")
        lines.append(f"- {name}{when}: “{' '.join(m.text.split())}”")
    return "\n".join(lines)


def vevent_lines(ev: Event, docs: dict[str, Document], stamp: datetime) -> list[str] | None:
    """The unfolded content lines of one VEVENT, or None when the event has no day."""
    day = event_day(ev)
    if day is None:
        return None
    lines = ["BEGIN:VEVENT", f"UID:{ev.id}@kerryview", f"DTSTAMP:{_utc(stamp)}"]
    clock = _clock_time(ev)
    if clock is not None:
        zone = event_zone(ev)
        offset = zone_offset(zone, clock.date()) if zone else None
        length = duration_timedelta(ev.duration) if ev.duration else None
        if offset is not None:
            start = clock - offset
            lines.append(f"DTSTART:{_utc(start)}")
            if length:
                lines.append(f"DTEND:{_utc(start + length)}")
        else:  # floating: the local time the text gave
            lines.append(f"DTSTART:{clock:%Y%m%dT%H%M%S}")
            if length:
                lines.append(f"DTEND:{clock + length:%Y%m%dT%H%M%S}")
    else:
        lines.append(f"DTSTART;VALUE=DATE:{day:%Y%m%d}")
        lines.append(f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}")
    lines.append(f"SUMMARY:{escape_text(ev.label)}")
    lines.append(f"DESCRIPTION:{escape_text(_description(ev, docs))}")
    lines.append(f"STATUS:{'CONFIRMED' if ev.status == 'scheduled' else 'TENTATIVE'}")
    lines.append(f"CATEGORIES:{escape_text(ev.status)}")
    lines.append("TRANSP:TRANSPARENT")
    lines.append("END:VEVENT")
    return lines


def calendar_events(events: Iterable[Event]) -> list[Event]:
    """The events a calendar gets: scheduled or expected, not dismissed, known to the day."""
    out = [e for e in events if e.status in INCLUDED_STATUSES and not e.dismissed
           and event_day(e) is not None]
    out.sort(key=lambda e: (event_day(e) or date.min, e.start, e.id))
    return out


def ics_text(documents: list[Document], events: Iterable[Event], title: str,
             now: datetime | None = None) -> str:
    """The whole VCALENDAR, CRLF line ends, folded."""
    stamp = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(tzinfo=None)
    docs = {d.id: d for d in documents}
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0",
             f"PRODID:-//kerryview//kerryview {__version__}//EN", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{escape_text(title)}"]
    for ev in calendar_events(events):
        lines.extend(vevent_lines(ev, docs, stamp) or ())
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
