"""Find and filter the timeline's events, without Qt: what the find bar's words and filters
match, as rows of a TimelineIndex.

A query is words and perhaps a date. Words match at the start of a word ("wang yi" finds "Wang
Yi", not "saying") in an event's label, its passages, the people and places they name and the
titles of its sources, all of them required; "quoted words" match as a phrase. People and
places: news names a person in full once ("top diplomat Wang Yi") and then by one name ("Kerry
told Wang on Tuesday"), so a passage's capitalised word that is part of a full name in its
article brings that full name along (kerryview.searchtext). A date ("18 July", "July 2023",
"2023-07-18", "summer 2023") matches the events on it: read first with the forms a reporter
types here, then with the tagger (kerryview.timex), and turned into an interval by
kerryview.calendar. A date without a year ("18 July") matches that day in every year.

All events' text is kept in one string so a word is one scan over it (str.find), not one per
event: 100,000 events answer in tens of milliseconds once the text is built.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Callable, Sequence

from kerryview.calendar.intervals import date_interval
from kerryview.calendar.seconds import to_seconds
from kerryview.calendar.timex3 import parse_value
from kerryview.gui.timeline.index import RANGE, TimelineIndex
from kerryview.searchtext import ArticleNames, passages_only, passages_text

if TYPE_CHECKING:
    from kerryview.model import Event

MONTHS = {m: i + 1 for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"))}
MONTHS.update({m[:3]: n for m, n in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_FORMS = [re.compile(f, re.IGNORECASE) for f in (
    rf"{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?",  # 18 July (2023)
    rf"{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?",  # July 18(, 2023)
    rf"{_MONTH},?\s+{_YEAR}",  # July 2023
    r"(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})",  # 18/07/2023 (day first)
)]


@dataclass(frozen=True)
class DateQuery:
    """A date typed by the user: [start, end) in timeline seconds, or, without a year, a
    month and day (`start`/`end` None) that match in every year."""

    text: str
    start: float | None = None
    end: float | None = None
    month: int | None = None
    day: int | None = None

    @property
    def has_year(self) -> bool:
        return self.start is not None

    def in_year(self, year: int) -> tuple[float, float] | None:
        """The interval of a year-less date in `year` (None when it does not exist then)."""
        if self.has_year:
            return self.start, self.end
        try:
            d = date(year, self.month, self.day)
        except ValueError:
            return None
        a = to_seconds(datetime(d.year, d.month, d.day))
        return a, a + 86400.0

    def describe(self) -> str:
        return self.text


def _day_interval(y: int, m: int, d: int) -> tuple[float, float] | None:
    try:
        day = datetime(y, m, d)
    except ValueError:
        return None
    return to_seconds(day), to_seconds(day + timedelta(days=1))


def _value_interval(value: str) -> tuple[float, float] | None:
    v = parse_value(value)
    if v is None:
        return None
    try:
        iv = date_interval(v)
    except (ValueError, OverflowError):
        return None
    return to_seconds(iv.start), to_seconds(iv.end)


def parse_date(text: str) -> DateQuery | None:
    """The date `text` names as a whole ("2023-07-18", "18 July 2023", "July 2023", "18 July",
    "July 18, 2023", "2023-07", "2023", "summer 2023"), or None."""
    s = " ".join(text.split())
    if not s or len(s) > 40:
        return None
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", s):
        iv = _value_interval(s)
        return DateQuery(s, *iv) if iv else None
    for form in _FORMS:
        m = form.fullmatch(s)
        if not m:
            continue
        mon = m["month"].lower().rstrip(".")
        month = int(mon) if mon.isdigit() else MONTHS.get(mon)
        if month is None or not 1 <= month <= 12:
            return None
        year = int(m["year"]) if m["year"] else None
        day = int(m["day"]) if "day" in m.groupdict() and m["day"] else None
        if day is None:
            iv = _value_interval(f"{year:04d}-{month:02d}")
            return DateQuery(s, *iv) if iv else None
        if year is None:
            if not 1 <= day <= 31 or _day_interval(2024, month, day) is None:
                return None
            return DateQuery(s, month=month, day=day)
        iv = _day_interval(year, month, day)
        return DateQuery(s, *iv) if iv else None
    return _tagged_date(s)


def _tagged_date(s: str) -> DateQuery | None:
    """What the tagger reads as one date filling all of `s` ("summer 2023", "Q3 2023")."""
    if not re.search(r"\d", s):
        return None  # "May", "spring", "Tuesday": words, or a date that needs an anchor
    from kerryview.timex import tag
    found = tag(s)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(s):
        return None
    iv = _value_interval(found[0].value)
    return DateQuery(s, *iv) if iv else None


@dataclass(frozen=True)
class Query:
    """What the find bar asks: words and phrases (casefolded), perhaps a date."""

    terms: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    date: DateQuery | None = None

    @property
    def empty(self) -> bool:
        return not self.terms and not self.phrases and self.date is None


def parse_query(text: str) -> Query:
    """Words, "phrases" and a date at the start or end of `text` ("Wang Yi July 2023")."""
    phrases = tuple(p.casefold() for p in re.findall(r'"([^"]+)"', text) if p.strip())
    rest = re.sub(r'"[^"]*"?', " ", text)
    words = rest.split()
    whole = parse_date(" ".join(words)) if words else None
    if whole is not None:
        return Query(phrases=phrases, date=whole)
    for n in (4, 3, 2, 1):  # the longest date at the end, then at the start
        if len(words) > n:
            for cut, other in ((words[-n:], words[:-n]), (words[:n], words[n:])):
                d = parse_date(" ".join(cut))
                if d is not None and (n > 1 or d.has_year):
                    return Query(tuple(w.casefold() for w in other), phrases, d)
    return Query(tuple(w.casefold() for w in words), phrases)


@dataclass(frozen=True)
class Filters:
    """The filters beside the search box; None / empty means "any"."""

    source: str | None = None  # a document id
    status: str | None = None  # happened | scheduled | expected
    mark: str | None = None  # reviewed | dismissed | unmarked
    date_from: float | None = None  # timeline seconds: events ending after it
    date_to: float | None = None  # events starting before it

    @property
    def empty(self) -> bool:
        return (self.source is None and self.status is None and self.mark is None
                and self.date_from is None and self.date_to is None)


MARKS = ("reviewed", "dismissed", "unmarked")
STATUSES = ("happened", "scheduled", "expected")


@dataclass
class SearchIndex:
    """The searchable text of every event of one TimelineIndex, built when first searched.
    `titles` names each document (its headline, else its file name); `texts` are the articles'
    texts, where the full names of people and places are found."""

    index: TimelineIndex
    titles: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    # reads the passages of events opened without them (the window's Store.read_passages)
    read_passages: Callable[[Sequence[Event]], object] | None = None
    # the searchable passages the store keeps of events opened without them (the window's
    # Store.search_texts: event id -> kerryview.searchtext.passages_text; those it has not
    # are read with their passages)
    stored_texts: Callable[[Sequence[str]], dict[str, str]] | None = None
    _text: str | None = None
    _offsets: array = field(default_factory=lambda: array("q"))
    _stored: dict[str, str] = field(default_factory=dict)

    def _build(self) -> str:
        parts: list[str] = []
        offsets = array("q")
        pos = 0
        events = self.index.events
        stored: dict[str, str] = {}
        unread = [ev for ev in events if not ev.passages_read]
        if unread and self.stored_texts is not None:
            stored = self.stored_texts([ev.id for ev in unread])
        missing = [ev for ev in unread if ev.id not in stored]
        if missing and self.read_passages is not None:
            self.read_passages(missing)
        names = ArticleNames(self.texts.get)
        self._stored = stored  # what ranked() reads of events whose passages were not read
        for ev in events:
            offsets.append(pos)
            own = None if ev.passages_read else stored.get(ev.id)
            if own is None:
                own = passages_text(ev.mentions, names)
            # label, passages and names (kerryview.searchtext), titles: one a line
            bits = [(ev.label or "").casefold()]
            if own:
                bits.append(own)
            bits.extend(self.titles.get(d, d).casefold() for d in ev.document_ids)
            chunk = "\n".join(bits) + "\x00"
            parts.append(chunk)
            pos += len(chunk)
        self._offsets = offsets
        self._text = "".join(parts)
        return self._text

    def text_rows(self, needle: str, word_start: bool = True) -> set[int]:
        """Rows whose text holds `needle` (casefolded), at the start of a word if
        `word_start`. str.find, not a regex: it scans 100,000 events' text in milliseconds, and
        after a hit the scan jumps to the next event."""
        text = self._text if self._text is not None else self._build()
        offsets = self._offsets
        n = len(offsets)
        rows: set[int] = set()
        i = text.find(needle)
        while i >= 0:
            if word_start and i > 0 and text[i - 1].isalnum():
                i = text.find(needle, i + 1)
                continue
            r = bisect_right(offsets, i) - 1
            rows.add(r)
            if r + 1 >= n:
                break
            i = text.find(needle, offsets[r + 1])  # one hit per event is enough
        return rows

    def date_rows(self, d: DateQuery) -> set[int]:
        """Rows of the events on date `d`: overlapping it, but a vague range (a month, a year)
        only when it fits inside it ("18 July" does not find "in 2023")."""
        idx = self.index
        if not len(idx):
            return set()
        if d.has_year:
            spans = [(d.start, d.end)]
        else:
            y0 = datetime(1970, 1, 1) + timedelta(seconds=max(idx.t_min, -6e10))
            y1 = datetime(1970, 1, 1) + timedelta(seconds=min(idx.t_max, 2.5e11))
            spans = [iv for y in range(max(1, y0.year), min(9999, y1.year) + 1)
                     if (iv := d.in_year(y)) is not None]
        out: set[int] = set()
        starts, ends, kinds = idx.starts, idx.ends, idx.kinds
        for a, b in spans:
            for r in idx.overlapping(a, b):
                if ends[r] <= a and starts[r] < a:
                    continue  # ends where the date begins
                if kinds[r] == RANGE and (starts[r] < a or ends[r] > b):
                    continue
                out.add(r)
        return out

    def matches(self, query: Query, filters: Filters = Filters()) -> list[int]:
        """Rows matching the query and every filter: in time order, or best first when the
        query has words (ranked)."""
        rows: set[int] | None = None
        for term in query.terms:
            found = self.text_rows(term)
            rows = found if rows is None else rows & found
            if not rows:
                return []
        for phrase in query.phrases:
            found = self.text_rows(" ".join(phrase.split()), word_start=False)
            rows = found if rows is None else rows & found
            if not rows:
                return []
        if query.date is not None:
            found = self.date_rows(query.date)
            rows = found if rows is None else rows & found
        candidates = sorted(rows) if rows is not None else range(len(self.index))
        found = list(candidates) if filters.empty else [r for r in candidates
                                                        if self._passes(r, filters)]
        if query.terms or query.phrases:
            found = self.ranked(found, " ".join(query.terms + query.phrases))
        return found

    def ranked(self, rows: list[int], words: str) -> list[int]:
        """Events found by words, best first: those whose own label or passages hold the
        words as typed, then those more sources report, then in time order; events told only
        in clauses dated by publication (kerryview.events.clauses) after all the others. (Found by a
        date or filters alone, events stay in time order.)"""
        idx = self.index

        stored = self._stored

        def key(r: int) -> tuple:
            ev = idx.events[r]
            own = words in (ev.label or "").casefold() or (
                any(words in m.text.casefold() for m in ev.mentions) if ev.passages_read else
                words in passages_only(stored.get(ev.id, "")))
            return (idx.clause_only[r], not own, -idx.n_sources[r], r)
        return sorted(rows, key=key)

    def _passes(self, r: int, f: Filters) -> bool:
        idx = self.index
        ev = idx.events[r]
        if f.source is not None and f.source not in ev.document_ids:
            return False
        if f.status is not None and (ev.status or "happened") != f.status:
            return False
        if f.mark == "reviewed" and not idx.reviewed[r]:
            return False
        if f.mark == "dismissed" and not idx.dismissed[r]:
            return False
        if f.mark == "unmarked" and (idx.reviewed[r] or idx.dismissed[r]):
            return False
        if f.date_from is not None and idx.ends[r] <= f.date_from and idx.starts[r] < f.date_from:
            return False
        if f.date_to is not None and idx.starts[r] >= f.date_to:
            return False
        return True
