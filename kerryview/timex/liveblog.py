"""Live blogs: pages of entries each stamped with the clock time it was posted, newest first
("2057: BP says ...", "1858 Around a dozen networks ...", "10.45 pm: So, after ..."). The one
home of telling a live blog and its stamps: the tagger reads a blog's 24-hour stamps as times
of the blog's day, not years (live_blog_days, with_run_in_stamps), and the events find its
entries (entry_clocks; kerryview.events.liveblog makes each entry a passage and retimes it).
The rules are data with an example each (rules/live_blog.tsv).

A four-digit number before a colon is also how a chronology writes its years ("1918: The
Spanish flu ..."), so a text is read as a live blog only as a whole: several stamps, newest
first, and one of them no year.

The tagger's reading (live_blog_days): the stamps at the starts of lines (rule line_stamp), at
least MIN_STAMPS, newest first but for one turn at midnight, one that no year of news could be
("2159", "0000": the grammar reads 1000-2099 as years). A page copied flat runs an entry on
after the last words of the one before ("... and 250,000 injured 2032 Gen Douglas Fraser, the
commander of US SOUTHCOM, says ..."; rule run_in_stamp): such stamps make a blog by the same
rule, counted on their own, and join the line stamps when all run newest first together.

The events' reading (entry_clocks) is older and asks what the publication date tells: a stamp
with a colon anywhere ("2055: M2ab tweets ...") makes an entry when several do and either one
is no year the article could tell of (after its publication year) or they run backwards. A
stamp with no colon, a space only, at a line's start ("2300 The BBC is discontinuing ...")
heads a chronology's years as often ("1933 Roosevelt gave ..."): those entries must run
backwards and one must be no year. The 12-hour stamp ("10.45 pm: So, after seven and a half
hours, ...") is no year: the tagger reads it as a clock time, and its value (read by the one
TIMEX3 value parser, kerryview.calendar.timex3) gives the entry's hour and minute; a diary of
another day is written so too ("10.00 am: I reached the national records building"), so these
entries make a live blog when they run backwards or the page says it is one ("as it happened").
The stamps the tagger read as a blog's (live_blog_days) are entries too.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import cache, lru_cache
from typing import Any

from kerryview.calendar.timex3 import time_of_day
from kerryview.model import Timex

from .context import words_before
from .lexicon import table
from .pending import Pending

RULES_FILE = "live_blog.tsv"
# At least this many stamped lines make a live blog for the tagger (the BBC's Timeline17 live
# pages have 60 to 90; a profile's list of years, "2000 Dr Murray opens a practice", two or three).
MIN_STAMPS = 4
MIN_ENTRIES = 3  # fewer entries are no live blog for the events: "2004: Kerry won the debates"
# A run-in stamp's entry, up to the next stamp or the line's end, has at least this many words,
# and MIN_ENTRY_LOWER of them in lower case: a post is a sentence, its verb and small words
# unlike names ("2149 Mrs Clinton says they will remain", "0020 Still counting in Sunderland"),
# a list of names and vote counts none ("Conservative Smith 2245 Labour Jones 1830 Liberal ...").
MIN_ENTRY_WORDS = 4
MIN_ENTRY_LOWER = 2
_LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
EARLIEST_YEAR = 1900  # a bare stamp before it is no year a chronology heads a line with ("1145 BP says")


@cache
def rules() -> dict[str, tuple[str, str]]:
    """The rules of rules/live_blog.tsv: name -> (regular expression, example)."""
    from .grammar import read_tsv  # on first use, as the grammar is
    return {name: (pattern, example) for name, pattern, example in read_tsv(RULES_FILE, 3)}


@cache
def _regex(name: str) -> re.Pattern[str]:
    return re.compile(rules()[name][0])


@cache
def _entry() -> re.Pattern[str]:
    return re.compile(r"(?<!\S)(?P<hh>[01][0-9]|2[0-3])(?P<mm>[0-5][0-9])" + rules()["entry_time"][0])


@cache
def _entry_bare() -> re.Pattern[str]:
    return re.compile(r"(?m)^(?P<hh>[01][0-9]|2[0-3])(?P<mm>[0-5][0-9])" + rules()["entry_time_bare"][0])


# ---------------------------------------------------------------- the tagger's stamps
def _run_in(text: str, start: int) -> bool:
    """Whether the word before a run-in stamp at `start` lets it be one: no word that makes a
    number after it a year (lexicon temporal_prep: "the 2004 Asian tsunami"), no genitive."""
    prev = words_before(text, start, 1)
    if not prev:
        return True
    w = prev[-1].lower()
    return w not in table("temporal_prep") and not w.endswith(("'s", "’s"))


def _holds_entry(text: str, start: int, end: int) -> bool:
    """Whether the words after a run-in stamp, from `start` to the next run-in stamp at `end` or
    the line's end, make a post: at least MIN_ENTRY_WORDS words of letters, MIN_ENTRY_LOWER of
    them in lower case."""
    line_end = text.find("\n", start, end)
    words = _LETTER_WORD.findall(text[start:end if line_end < 0 else line_end])
    return len(words) >= MIN_ENTRY_WORDS and sum(w.islower() for w in words) >= MIN_ENTRY_LOWER


def _days(stamps: list[tuple[int, int]]) -> dict[int, int] | None:
    """Each stamp's offset with the days its post comes after the page's date, when the stamps
    run newest first (each earlier than the one above it but once, where the day turns at
    midnight: "0000" over "2346"); None when they turn more than once. A blog's page carries
    the date of the day it started (an election night's live page is dated the polling day), so
    the posts above the day's turn, after midnight ("0005", "0020" over "0000 / 2346"), are of
    the next day: 1; "0000" right over the turn stays the end of the page's day (T24:00)."""
    values = [v for _, v in stamps]
    turns = [i for i, (above, below) in enumerate(zip(values, values[1:])) if below > above]
    if len(turns) > 1:
        return None
    # the posts above the turn, but for a "0000" that closes the page's day
    after = set(range(turns[0] + 1)) if turns else set()
    if turns and values[turns[0]] == 0:
        after.discard(turns[0])
    return {start: int(i in after) for i, (start, _) in enumerate(stamps)}


def _blog(stamps: list[tuple[int, int]]) -> dict[int, int]:
    """_days of `stamps` when they make a live blog: at least MIN_STAMPS of them, newest first,
    and one at least that no year of news could be (the grammar reads 1000-2099 as years). A
    chronology of years is none: it goes forward ("1914: ... 1915: ..."), and a CV that goes
    back ("2006: ... 2004: ...") has only years."""
    if len(stamps) < MIN_STAMPS or all(1000 <= v < 2100 for _, v in stamps):
        return {}
    return _days(stamps) or {}


@lru_cache(maxsize=8)
def live_blog_days(text: str) -> dict[int, int]:
    """The clock stamps of a live blog in `text`, each offset with the days its post comes after
    the page's date (_days): the stamps at the starts of lines (rule line_stamp) when they make
    a blog (_blog), and those run in after an entry's last words (rule run_in_stamp) when they
    make one on their own and all run newest first with the line stamps. Empty when the text is
    no such blog."""
    line = _blog([(m.start(), int(m["hhmm"])) for m in _regex("line_stamp").finditer(text)])
    found = [m for m in _regex("run_in_stamp").finditer(text)]
    ends = [m.start() for m in found[1:]] + [len(text)]
    run_in = _blog([(m.start(), int(m["hhmm"])) for m, end in zip(found, ends)
                    if _run_in(text, m.start()) and _holds_entry(text, m.end(), end)]) \
        if len(found) >= MIN_STAMPS else {}
    if not run_in:
        return line
    both = _days(sorted((s, int(text[s:s + 4])) for s in {**line, **run_in}))
    return both if both is not None else line


def live_blog_stamps(text: str) -> frozenset[int]:
    """The offsets of the clock stamps of a live blog in `text` (the keys of live_blog_days).
    Empty when the text is no such blog."""
    return frozenset(live_blog_days(text))


def stamp_args(days: dict[int, int], start: int, hh: str, mm: str) -> dict[str, Any]:
    """The resolver's "dayshift" arguments of a live blog's stamp at `start` (live_blog_days): a
    post after midnight is the next day's time; "0000" over "2346" is the page's day's end (as
    the first post of a page, its day's start)."""
    hhmm = f"{hh}:{mm}"
    if hhmm == "00:00" and days[start] == 0 and start != max(days):
        hhmm = "24:00"
    return {"n": days[start], "suffix": f"T{hhmm}"}


def with_run_in_stamps(text: str, pendings: list[Pending], candidates: int) -> list[Pending]:
    """`pendings` (sorted, the recognizer's) with a live blog's run-in stamps read as its times
    (rule time_live_blog reads the stamps at the starts of lines): one the grammar read as a
    year ("... injured 2032 Gen Douglas Fraser ...") or not at all ("2149") becomes the stamp's
    time; one inside a longer expression stays as the grammar read it. `candidates`: how many
    four-digit words of the text stand between spaces before a capital, as every run-in stamp
    does (the recognizer counts them as it reads): fewer than MIN_STAMPS make no blog of run-in
    stamps, and the text is not scanned again."""
    if candidates < MIN_STAMPS:
        return pendings
    days = live_blog_days(text)
    run_in = [s for s in days if s > 0 and text[s - 1] != "\n"]
    if not run_in:
        return pendings
    out = list(pendings)
    for s in run_in:
        over = [p for p in out if p.start < s + 4 and s < p.end]
        if any((p.start, p.end) != (s, s + 4) for p in over):
            continue
        out = [p for p in out if p not in over]
        out.append(Pending(s, s + 4, "TIME", op="dayshift", args=stamp_args(days, s, text[s:s + 2], text[s + 2:s + 4]),
                           rule="time_live_blog"))
    return sorted(out, key=lambda p: p.start)


# ---------------------------------------------------------------- the events' entries
def _clock(t: Timex | None) -> str | None:
    """The "HH:MM" of the tagger's clock time `t` ("10.45 pm" -> 2010-06-15T22:45 or, in an
    undated text, XXXX-XX-XXT22:45 -> "22:45"), or None when the tagger read no clock time there."""
    hm = time_of_day(t.value) if t is not None and t.type == "TIME" else None
    return None if hm is None else f"{hm[0]:02d}:{hm[1]:02d}"


def _backwards(minutes: list[int]) -> bool:
    """Whether most entries are earlier than the one before them (newest first)."""
    return sum(b < a for a, b in zip(minutes, minutes[1:])) > (len(minutes) - 1) / 2


def entry_clocks(text: str, dct: date | None, timexes: Sequence[Timex]) -> dict[int, tuple[int, str]]:
    """The entries of `text` when it is a live blog: where each opens (its stamp) -> (where its
    words start, "HH:MM"); empty when it is none. Without a publication date only entries that
    run backwards tell a live blog. `timexes` are the tagger's: a 12-hour stamp's time is the
    tagger's value."""
    clocks: dict[int, tuple[int, str]] = {}
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
    found = [(m, clock) for m in _regex("entry_time_12h").finditer(text) if (clock := _clock(at.get(m.start())))]
    if len(found) >= MIN_ENTRIES:
        if _backwards([int(c.replace(":", "")) for _, c in found]) or _regex("names_live").search(text):
            clocks.update({m.start(): (m.end() - 1, c) for m, c in found})
    for s in live_blog_days(text):  # run in after an entry's last words: "... injured 2032 Gen Douglas ..."
        if s > 0 and text[s - 1] != "\n" and s not in clocks:
            clocks[s] = (s + 5, f"{text[s:s + 2]}:{text[s + 2:s + 4]}")
    return clocks
