"""A chronology to paste into a story: the events in date order, grouped by day, each with its
sources quoted. Markdown, or plain text for a CMS or an e-mail.

Days are headings ("Monday 17 July 2023"); an event known only to a month, a season or a year
gets its own heading at its place in time ("July 2023"), never a made-up 1st of the month.
Within a day, a clock time or a part of the day leads the line ("12:30 EST", "the early
hours"); durations are words ("about 12 hours"). Events marked "not an event" are left out.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from kerryview.model import Document, Event
from kerryview.sources import source_title
from kerryview.text.phrasing import (count_words, date_words, day_words, event_day,
                                     event_duration_words, event_zone, status_words,
                                     time_of_day_words)


@dataclass
class Entry:
    """One event as the chronology says it."""

    lead: str  # "12:30 EST", "the early hours", "" for a plain day
    label: str
    notes: list[str]  # "about 12 hours", "scheduled", "2 sources"
    conflicts: list[str]
    quotes: list[tuple[str, str, str]]  # (passage, source name, publication date in words)


@dataclass
class Section:
    heading: str
    entries: list[Entry] = field(default_factory=list)


def _sort_key(ev: Event):
    return (ev.start, ev.end, ev.label, ev.id)


def sections(documents: list[Document], events: Iterable[Event]) -> list[Section]:
    """The chronology's sections in time order: one per day, or per vaguer date."""
    docs = {d.id: d for d in documents}
    out: list[Section] = []
    for ev in sorted((e for e in events if not e.dismissed and e.start), key=_sort_key):
        day = event_day(ev)
        zone = event_zone(ev)
        heading = day_words(day) if day is not None else date_words(ev, zone)
        if not out or out[-1].heading != heading:
            out.append(Section(heading))
        notes = []
        if (d := event_duration_words(ev)):
            notes.append(d)
        if (s := status_words(ev.status)):
            notes.append(s)
        n_src = len(ev.document_ids)
        notes.append(count_words(n_src, "source"))
        quotes = []
        for m in ev.mentions:
            doc = docs.get(m.document_id)
            when = day_words(doc.dct, weekday=False) if doc and doc.dct else ""
            quotes.append((" ".join(m.text.split()), source_title(doc, "another article"), when))
        lead = time_of_day_words(ev, zone) if day is not None else ""
        out[-1].entries.append(Entry(lead, " ".join(ev.label.split()), notes, list(ev.conflicts),
                                     quotes))
    return out


def _md_escape(text: str) -> str:
    """Markdown punctuation that would change the text's meaning, escaped."""
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def markdown(documents: list[Document], events: Iterable[Event], title: str) -> str:
    secs = sections(documents, events)
    n = sum(len(s.entries) for s in secs)
    lines = [f"# {_md_escape(title)}", "",
             f"*{count_words(n, 'event')} from {count_words(len(documents), 'article')}, in date "
             "order, each with what its sources say.*", ""]
    for s in secs:
        lines += [f"## {_md_escape(s.heading)}", ""]
        for e in s.entries:
            lead = f"{_md_escape(e.lead[:1].upper() + e.lead[1:])}: " if e.lead else ""
            lines.append(f"- {lead}**{_md_escape(e.label)}** ({', '.join(e.notes)})")
            if e.conflicts:
                lines.append(f"  - *Sources disagree:* {_md_escape('; '.join(e.conflicts))}")
            for passage, source, when in e.quotes:
                by = f"{_md_escape(source)}{', ' + when if when else ''}"
                lines.append(f"  > “{_md_escape(passage)}” — *{by}*")
                lines.append("  >")
            if e.quotes:
                lines.pop()
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def plain_text(documents: list[Document], events: Iterable[Event], title: str) -> str:
    secs = sections(documents, events)
    n = sum(len(s.entries) for s in secs)
    lines = [title, "=" * len(title), "",
             f"{count_words(n, 'event')} from {count_words(len(documents), 'article')}, in date "
             "order, each with what its sources say.", ""]
    for s in secs:
        lines += [s.heading, "-" * len(s.heading)]
        for e in s.entries:
            lead = f"{e.lead[:1].upper() + e.lead[1:]}: " if e.lead else ""
            lines.append(f"* {lead}{e.label} ({', '.join(e.notes)})")
            if e.conflicts:
                lines.append(f"    Sources disagree: {'; '.join(e.conflicts)}")
            for passage, source, when in e.quotes:
                lines.append(f"    “{passage}”")
                lines.append(f"      ({source}{', ' + when if when else ''})")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
