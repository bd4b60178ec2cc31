"""A live blog's entry times: "2055: M2ab tweets ..." opens an entry posted at 20:55 on the
publication day, not an event of the year 2055. The entry's own words are the event; its time
is a clock time on the article's publication day, and each entry is a passage of its own (a page
flattened to text runs one entry on after the last words of the one before: "... Read his
tweets 2156: Joshua Green, The Atlantic ...").

A four-digit number before a colon is also how a chronology writes its years ("1918: The Spanish
flu ..."), so an article is read as a live blog only as a whole: several entries, and either an
entry no year can be (later than the publication year) or entries that run backwards (newest
first, as live blogs are written). The entry pattern is data (data/live_blog.tsv). A stamp
with no colon, a space only, at a line's start ("2300 The BBC is discontinuing ...", the BBC's
live pages) heads a chronology's years as often ("1933 Roosevelt gave ..."): those entries
must run backwards and either hold no year or come with the page's own words for a live blog.

The 12-hour stamp ("10.45 pm: So, after seven and a half hours, ...") is no year: the tagger
reads it as a clock time, and its value (read by the one TIMEX3 value parser,
kerryview.calendar.timex3) gives the entry's hour and minute. But the tagger puts a bare clock
time on the last day mentioned before it, so an entry after one that said "a day later" fell on
the next day, after the publication, and was drawn as scheduled: the entry goes on the
publication day. A diary of another day is written so too ("10.00 am: I reached the national
records building"), so these entries make a live blog when they run backwards or the page says
it is one ("as it happened").

An entry's stamp is when it was posted, not a time of the story the entry tells: "7.57 pm: Hayward
says the blowout preventer failed when robots tried to activate it a day later" counts "a day
later" from the blowout, not from 7.57 pm. The tagger, which knows no live blog, counts it from
the stamp (16 June, drawn as scheduled); a date the tagger counted from an entry's stamp dates
nothing here.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Sequence

from kerryview.calendar.timex3 import time_of_day
from kerryview.model import Timex
from kerryview.text.wordlists import event_rules

RULES_FILE = "live_blog.tsv"
MIN_ENTRIES = 3  # fewer entries are no live blog: "2004: Kerry won the debates"
EARLIEST_YEAR = 1900  # a bare stamp before it is no year a chronology heads a line with ("1145 BP says")


def _rule(name: str) -> str:
    [(_name, pattern, _example)] = [r for r in event_rules(RULES_FILE) if r[0] == name]
    return pattern


@cache
def _entry() -> re.Pattern[str]:
    return re.compile(r"(?<!\S)(?P<hh>[01][0-9]|2[0-3])(?P<mm>[0-5][0-9])" + _rule("entry_time"))


@cache
def _entry_bare() -> re.Pattern[str]:
    return re.compile(r"(?m)^(?P<hh>[01][0-9]|2[0-3])(?P<mm>[0-5][0-9])" + _rule("entry_time_bare"))


@cache
def _entry_12h() -> re.Pattern[str]:
    return re.compile(_rule("entry_time_12h"))


@cache
def _names_live() -> re.Pattern[str]:
    return re.compile(_rule("names_live"))


def _clock(t: Timex | None) -> str | None:
    """The "HH:MM" of the tagger's clock time `t` ("10.45 pm" -> 2010-06-15T22:45 or, in an
    undated text, XXXX-XX-XXT22:45 -> "22:45"), or None when the tagger read no clock time there."""
    hm = time_of_day(t.value) if t is not None and t.type == "TIME" else None
    return None if hm is None else f"{hm[0]:02d}:{hm[1]:02d}"


def _backwards(minutes: list[int]) -> bool:
    """Whether most entries are earlier than the one before them (newest first)."""
    return sum(b < a for a, b in zip(minutes, minutes[1:])) > (len(minutes) - 1) / 2


@dataclass(frozen=True)
class LiveBlog:
    """The entries of a live blog: where each opens (the clock time), where its words start,
    and its time on the publication day."""

    opens: tuple[int, ...]
    words: tuple[int, ...]
    times: dict[int, str | None]  # entry opening -> TIMEX3 value (None: no publication day)
    stamps: frozenset[str] = frozenset()  # the tagger's values of the entries' stamps

    def passage(self, start: int, end: int, pos: int) -> tuple[int, int]:
        """text[start:end] narrowed to the entry that holds `pos`, without its clock time."""
        for o, w in zip(self.opens, self.words):
            if start <= o <= pos:
                start = w
            elif pos < o < end:
                end = o
        return start, end

    def entry_words(self, pos: int) -> int:
        """Where the words of the entry whose clock time starts at `pos` start; `pos` itself
        when no entry opens there."""
        k = bisect_left(self.opens, pos)
        return self.words[k] if k < len(self.opens) and self.opens[k] == pos else pos

    def sentences(self, text: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """`sents` cut at each entry, without its clock time: an entry's words are a sentence of
        their own, whether the page ran them on after the entry before or not ("2300 The BBC is
        ..." -> "The BBC is ...")."""
        if not self.opens:
            return sents
        out = []
        for a, b in sents:
            for o, w in zip(self.opens, self.words):
                if a <= o < b:
                    if text[a:o].strip():
                        out.append((a, len(text[:o].rstrip())))
                    a = max(a, w)
            if a < b:
                out.append((a, b))
        return out

    def retime(self, t: Timex) -> Timex | None:
        """`t` as its entry's clock time when it opens an entry (None when the article has no
        publication day to put it on); None when the tagger counted `t` from an entry's stamp
        ("a day later" after "7.57 pm:"); else `t` itself."""
        if t.start not in self.times:
            if t.anchor_kind == "narrative" and t.anchor in self.stamps:
                return None
            return t
        value = self.times[t.start]
        if value is None:
            return None
        return replace(t, type="TIME", value=value, mod=None, anchor=value[:10], anchor_kind="dct")


NO_BLOG = LiveBlog((), (), {})


def live_blog(text: str, dct: date | None, timexes: Sequence[Timex]) -> LiveBlog:
    """The entries of `text` when it is a live blog, else NO_BLOG. Without a publication date
    only entries that run backwards tell a live blog, and its entry times date nothing.
    `timexes` are the tagger's: a 12-hour stamp's time is the tagger's value."""
    clocks: dict[int, tuple[int, str]] = {}  # entry opening -> (its words' start, "HH:MM")
    # a number the tagger read inside a time expression that starts before it is no stamp ("January 20, 2009 -
    # The plane ...", "fiscal 2010: Revenue fell")
    inside = [(t.start, t.end) for t in timexes]
    found = [m for m in _entry().finditer(text) if not any(a < m.start() < b for a, b in inside)]
    if len(found) >= MIN_ENTRIES:
        values = [int(m["hh"] + m["mm"]) for m in found]
        no_year = dct is not None and any(v > dct.year for v in values)
        if no_year or _backwards(values):
            clocks.update({m.start(): (m.end() - 1, f"{m['hh']}:{m['mm']}") for m in found})
    found = [m for m in _entry_bare().finditer(text) if m.start() not in clocks]
    if len(found) >= MIN_ENTRIES:  # "2300 The BBC is ...": a year heads a chronology's line so too
        values = [int(m["hh"] + m["mm"]) for m in found]
        # (a page that says "live updates" may still list years newest first: "2010 Deepwater
        # Horizon explodes | 2007 Tony Hayward becomes ...": one stamp must be no year)
        no_year = any(v < EARLIEST_YEAR or dct is not None and v > dct.year for v in values)
        if _backwards(values) and no_year:
            clocks.update({m.start(): (m.end() - 1, f"{m['hh']}:{m['mm']}") for m in found})
    at = {t.start: t for t in timexes}
    found = [(m, clock) for m in _entry_12h().finditer(text) if (clock := _clock(at.get(m.start())))]
    if len(found) >= MIN_ENTRIES:
        if _backwards([int(c.replace(":", "")) for _, c in found]) or _names_live().search(text):
            clocks.update({m.start(): (m.end() - 1, c) for m, c in found})
    if not clocks:
        return NO_BLOG
    opens = sorted(clocks)
    stamps = frozenset(at[o].value for o in opens if o in at)
    # without a publication day an entry's time has no day: it dates nothing (None)
    return LiveBlog(tuple(opens), tuple(clocks[o][0] for o in opens),
                    {o: _entry_value(at.get(o), dct, clocks[o][1]) for o in opens}, stamps)


def _entry_value(t: Timex | None, dct: date | None, clock: str) -> str | None:
    """An entry's time: the tagger's reading of its stamp when it read that clock time (a post
    after midnight on the next day, "0000" over "2346" the day's end: timex.news.live_blog_days),
    else the clock time on the publication day; None without a publication day."""
    if dct is None:
        return None
    if t is not None and t.type == "TIME" and t.value[:1].isdigit() and (
            t.value.endswith("T" + clock) or clock == "00:00" and t.value.endswith("T24:00")):
        return t.value
    return f"{dct.isoformat()}T{clock}"
