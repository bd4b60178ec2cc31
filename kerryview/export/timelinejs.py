"""The timeline for Knight Lab's TimelineJS, which newsrooms publish timelines with.

Two forms of the same slides: TimelineJS's JSON (what `new TL.Timeline(id, data)` reads) and
the columns of its Google Sheets template (CSV, to paste into a copy of the template). A date
keeps its granularity: a month-level event gives a year and a month, never the 1st; a season or
quarter becomes a range. Each slide's text quotes every source passage, with its article and
publication date, and says where sources disagree. A clock time keeps the zone its sources
stated ("12:30 EST" in the display date; TimelineJS dates have no zone of their own), slides are
grouped by the outlet most of their sources come from (never by status: TimelineJS draws each
group as a row), and the title is the project's.
"""
from __future__ import annotations

import csv
import io
from calendar import month_name
from dataclasses import dataclass
from datetime import datetime, timedelta
from html import escape
from typing import Iterable

from kerryview.model import Document, Event, Granularity
from kerryview.sources import distinct_names, name_sources_in, source_title
from kerryview.text.phrasing import (count_words, date_words, day_words, event_duration_words,
                                     event_zone)

# The Google Sheets template's header row, in its order.
COLUMNS = ["Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
           "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
           "Media Thumbnail", "Type", "Group", "Background"]
_WHOLE_YEARS = {Granularity.DECADE, Granularity.CENTURY}  # given as a range of years
_TIMES = {Granularity.HOUR, Granularity.MINUTE}
# Spans that no year-and-month can say: given as a range of days.
_RANGES = {g for g in Granularity if g.is_vague_range} - _WHOLE_YEARS - {Granularity.YEAR,
                                                                         Granularity.MONTH}


@dataclass
class Slide:
    """One event as TimelineJS shows it."""

    start: dict[str, str]  # year, month, day, hour, minute: only as fine as the date is known
    end: dict[str, str] | None
    display_date: str
    headline: str
    text: str  # HTML, as TimelineJS expects
    group: str
    id: str


def _parse(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _parts(dt: datetime, granularity: Granularity) -> dict[str, str]:
    parts = {"year": str(dt.year)}
    if granularity is Granularity.YEAR or granularity in _WHOLE_YEARS:
        return parts
    parts["month"] = str(dt.month)
    if granularity is Granularity.MONTH:
        return parts
    parts["day"] = str(dt.day)
    if granularity in _TIMES or (granularity is Granularity.PART_OF_DAY and dt.hour):
        parts["hour"] = str(dt.hour)
        parts["minute"] = str(dt.minute)
    return parts


def _display_date(ev: Event, start: datetime, last: datetime, zone: str | None = None) -> str:
    g = ev.granularity
    if g in _WHOLE_YEARS:
        return f"{start.year}–{last.year}"
    if g is Granularity.YEAR:
        return str(start.year)
    if g is Granularity.MONTH:
        return f"{month_name[start.month]} {start.year}"
    if g in _RANGES:
        first = f"{start.day} {month_name[start.month]}" + (f" {start.year}" if start.year != last.year else "")
        return f"{first} – {last.day} {month_name[last.month]} {last.year}"  # a winter spans two years
    day = f"{start.day} {month_name[start.month]} {start.year}"
    if g in _TIMES:
        return f"{day}, {start:%H:%M}" + (f" {zone}" if zone else "")
    if g is Granularity.PART_OF_DAY:  # "The early hours of Thursday 20 July 2023": no clock
        return date_words(ev)
    return day


def _text(ev: Event, docs: dict[str, Document], names: dict[str, str]) -> str:
    """The sources: each passage quoted, then its outlet, headline and date; disagreements
    first, naming the sources (`names`, kerryview.sources.distinct_names)."""
    out = []
    if ev.conflicts:
        items = "".join(f"<li>{escape(name_sources_in(c, names), quote=False)}</li>"
                        for c in ev.conflicts)
        out.append(f"<p><b>Sources disagree:</b></p><ul>{items}</ul>")
    if (lasting := event_duration_words(ev)):
        out.append(f"<p>Lasting {escape(lasting, quote=False)}</p>")
    for m in ev.mentions:
        d = docs.get(m.document_id)
        name = source_title(d)
        when = f", published {day_words(d.dct)}" if d and d.dct else ""
        passage = " ".join(m.text.split())
        out.append(f"<p>“{escape(passage, quote=False)}”<br><i>{escape(name, quote=False)}{escape(when, quote=False)}</i></p>")
    return "".join(out)


def _outlet(doc: Document | None) -> str:
    return (getattr(doc, "outlet", None) or "").strip() if doc is not None else ""


def group_of(ev: Event, docs: dict[str, Document]) -> str:
    """The outlet most of the event's passages come from ("" when no outlet is known: no
    group, rather than a row TimelineJS would draw for nothing)."""
    counts: dict[str, int] = {}
    for m in ev.mentions:
        name = _outlet(docs.get(m.document_id))
        if name:
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else ""


def slides(documents: list[Document], events: Iterable[Event]) -> list[Slide]:
    """Slides in time order; events whose dates cannot be read, or that the user marked as not
    an event, are left out."""
    docs = {d.id: d for d in documents}
    names = distinct_names(docs)
    out = []
    for ev in events:
        start, end = _parse(ev.start), _parse(ev.end)
        if start is None or end is None or ev.dismissed:
            continue
        last = max(start, end - timedelta(seconds=1))  # the end is exclusive
        g = ev.granularity
        span = g in _RANGES or g in _WHOLE_YEARS or (
            ev.duration is not None and g.day_or_finer and end - start > timedelta(days=1)) or (
            g is Granularity.PART_OF_DAY)
        end_parts = None
        if span:
            end_parts = _parts(last, g if g not in _WHOLE_YEARS else Granularity.YEAR)
        elif ev.duration and g.day_or_finer and end - start < timedelta(days=1):
            end_parts = _parts(last, Granularity.MINUTE)  # "nearly 12 hours" on a day: a bar of hours
        out.append(Slide(_parts(start, g), end_parts, _display_date(ev, start, last, event_zone(ev)),
                         ev.label, _text(ev, docs, names), group_of(ev, docs), ev.id))
    out.sort(key=lambda s: tuple(int(s.start.get(k, 0)) for k in ("year", "month", "day", "hour", "minute")))
    return out


def timelinejs_json(documents: list[Document], events: Iterable[Event], title: str) -> dict:
    """TimelineJS3's JSON: {"title": ..., "events": [{"start_date": ..., "text": ...}, ...]}."""
    items = []
    for s in slides(documents, events):
        item = {"unique_id": s.id, "start_date": dict(s.start), "display_date": s.display_date,
                "text": {"headline": escape(s.headline, quote=False), "text": s.text}}
        if s.end:
            item["end_date"] = dict(s.end)
        if s.group:
            item["group"] = s.group
        items.append(item)
    n = len({d.id for d in documents})
    return {"title": {"text": {"headline": escape(title, quote=False),
                               "text": f"{count_words(len(items), 'event')} from {count_words(n, 'article')}"}},
            "events": items}


def timelinejs_csv(documents: list[Document], events: Iterable[Event]) -> str:
    """Rows for TimelineJS's Google Sheets template, header included."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for s in slides(documents, events):
        end = s.end or {}
        time = f"{s.start['hour']}:{int(s.start['minute']):02d}" if "hour" in s.start else ""
        end_time = f"{end['hour']}:{int(end['minute']):02d}" if "hour" in end else ""
        w.writerow([s.start.get("year", ""), s.start.get("month", ""), s.start.get("day", ""), time,
                    end.get("year", ""), end.get("month", ""), end.get("day", ""), end_time,
                    s.display_date, s.headline, s.text, "", "", "", "", "", s.group, ""])
    return buf.getvalue()
