"""A live blog's entry times: "2055: M2ab tweets ..." opens an entry posted at 20:55 on the
publication day, not an event of the year 2055. The entry's own words are the event; its time
is a clock time on the article's publication day, and each entry is a passage of its own (a page
flattened to text runs one entry on after the last words of the one before: "... Read his
tweets 2156: Joshua Green, The Atlantic ...").

Which texts are live blogs and where their entries open is told in one place,
kerryview.timex.liveblog (its rules are data: timex/rules/live_blog.tsv), which the tagger reads
too: a stamp is a 24-hour clock ("2057:", "2300 The BBC ...", run in after the last words of
the entry before: "... injured 2032 Gen Douglas Fraser ...") or a 12-hour one ("10.45 pm:").
An entry's time is the tagger's reading of its stamp when it read that clock time (a post after
midnight on the next day), else the clock time on the publication day.

An entry's stamp is when it was posted, not a time of the story the entry tells: "7.57 pm: Hayward
says the blowout preventer failed when robots tried to activate it a day later" counts "a day
later" from the blowout, not from 7.57 pm. The tagger, which knows no live blog, counts it from
the stamp (16 June, drawn as scheduled); a date the tagger counted from an entry's stamp dates
nothing here.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date
from typing import Sequence

from kerryview.model import Timex
from kerryview.timex.liveblog import entry_clocks


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
    """The entries of `text` when it is a live blog (timex.liveblog.entry_clocks), else NO_BLOG.
    Without a publication date its entry times date nothing. `timexes` are the tagger's."""
    clocks = entry_clocks(text, dct, timexes)  # entry opening -> (its words' start, "HH:MM")
    if not clocks:
        return NO_BLOG
    at = {t.start: t for t in timexes}
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
