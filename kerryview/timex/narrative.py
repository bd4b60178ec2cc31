"""News or narrative: which reference time the undated expressions of a text follow.

News is written about its publication date: a bare "in March" or "on 12 August" is the one
nearest the document creation time (DCT), moved by the tense of its clause. A history (a
Wikipedia article on a war, a biography, a background section) narrates a time of its own:
"in March" after "1943" is 1943-03, and "the following year" or "two days later" move on from
the story's last date. HeidelTime needs to be told which (`-t news` / `-t narratives`); here
the text decides, from the years it states itself: when most of them lie well before the DCT,
the reference time is the story's, not the publication date's. Without a DCT a text narrates
unless it reads as news: the signals of news when it writes out MIN_PAST years or more, any sign
of news (a dateline, one expression counted from the writer's day, the reporting words of news:
news.MIN_REPORTS of them at news.REPORTS_PER_1000, one "said" is no sign) when fewer. An undated
text that reads as news (a page of a news pile whose publication date is unknown: "Yesterday I
found out ...") is news whose DCT is unknown: its "May 9"
and "last night" stay undated (XXXX-05-09), they are not the year of the last date it happened
to write ("her horse was dead since 1954").

Decided per document, from the explicit years of the recognized expressions (absolute dates,
months and years that carry their own year), before any of them is resolved. A text that shows
the signals of news (a dateline, expressions counted from the DCT, reporting: news.py) stays
news even when it recalls the past; a text of MANY_YEARS or more needs the writer's own
dating for that (a dateline or expressions counted from the DCT), reporting alone is not news
there: the Wikipedia history of the Iraq war (2003-2009, written 2009) quotes as much as news
does (3.2 reporting words per 1,000), and so do the profiles of Timeline17's financial-crisis
folder (a senator's career, 54 years written out).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kerryview.calendar.timex3 import parse_value
from kerryview.model import Granularity

from .context import is_post
from .news import MIN_DEICTIC, NewsSignals, news_signals
from .pending import Pending

# A year at least this many years before the DCT is the past the text narrates, not its news.
PAST_YEARS = 2
# A text narrates when at least this many of its explicit years, and this share of them, are
# such past years. The count keeps one background sentence of a news story ("the 1991 war")
# from turning the whole story into a history; TimeBank news states 0-8 explicit years, of
# which 4 past ones at most; WikiWars histories state hundreds, nearly all past.
MIN_PAST = 5
MIN_SHARE = 0.6
# A text that writes out this many years (TimeBank news at most 8, the WikiWars histories 77 and
# more) narrates even when its story reaches the DCT's own year (a history of a war still going
# on when it was written: WW1's years moved to end in the DCT year keep only 38 % of them two
# years back, but 62 % before the DCT's year); then years before the DCT's year count as past.
MANY_YEARS = 20



@dataclass(frozen=True, slots=True)
class Genre:
    """How a text relates to its DCT: the counts the decision was made from, and the decision."""

    explicit_years: int
    past_years: int
    narrative: bool
    news: bool = False  # the years said narrative, but the text reads as news (news.py)
    # a history, whose annotators (WikiWars, after TIMEX2) write conventions of their own: ages
    # and a duration's "of" phrase in its extent, "every day" as XXXX-XX-XX, "for the time being"
    # (anchor.Resolver op_history_only, op_history_set; anchor._with_of_phrases): is_history
    history: bool = False


def explicit_years(pendings: list[Pending]) -> list[int]:
    """The years that the text writes out: values the recognizer could give without the DCT."""
    out = []
    for p in pendings:
        if p.value is None or p.type not in ("DATE", "TIME"):
            continue
        v = parse_value(p.value)
        if v is not None and v.granularity not in (Granularity.DECADE, Granularity.CENTURY):
            out.append(v.year)  # "264 BC" is BC0264: year -263
    return out


def genre(pendings: list[Pending], dct: date | None, text: str | None = None) -> Genre:
    """News (reference = DCT) or narrative (reference = the story's last date); with the
    `text`, a news story that looks back stays news."""
    years = explicit_years(pendings)
    if dct is None:
        return _undated_genre(pendings, years, text)
    past = sum(1 for y in years if y <= dct.year - PAST_YEARS)
    narrative = past >= MIN_PAST and past >= MIN_SHARE * len(years)
    if not narrative and len(years) >= MANY_YEARS:
        before = sum(1 for y in years if y < dct.year)
        narrative = before >= MIN_SHARE * len(years)
    if narrative and text is not None:
        signals = news_signals(text, pendings)
        # A text of many years is a history unless its writer dates it by its publication
        # (dateline, "yesterday", "last week"): reporting words alone ("said", "according to")
        # are as common in a history of a recent war or a profile as in news.
        if signals.deixis or (signals.reporting and len(years) < MANY_YEARS):
            return Genre(len(years), past, False, news=True)
        return Genre(len(years), past, True, history=is_history(text, len(years), signals))
    return Genre(len(years), past, narrative)


def is_history(text: str, years: int, signals: NewsSignals, dated: bool = True) -> bool:
    """A narrative that is a history, not a news story that looks back ("In 1988, a pregnant
    32-year-old woman died" in a background paragraph, "18 years of experience") nor a post.
    With a DCT the test is genre()'s own: MANY_YEARS years or more written out (TimeBank news
    at most 8, a news story's background 5 to 8, the WikiWars histories 34 and more) and no
    deixis (NewsSignals.deixis: a dateline, or expressions counted from the writer's day at news
    density); reporting words do not count against it there, as in genre(), for a history of a
    recent war quotes as much as news. Without a DCT it shows no reporting of news and fewer
    than MIN_DEICTIC expressions counted from the writer's day, and writes out a year, MIN_PAST
    years when it is no longer than a post (context.is_post: "gym every week", "my baby is 16
    days old" are no history; no post writes out five years)."""
    if dated:  # genre() made it a narrative and no news: no deixis, reporting only among many years
        return years >= MANY_YEARS and not signals.deixis
    if signals.reporting or signals.deictic >= MIN_DEICTIC:
        return False
    return years >= (MIN_PAST if is_post(text) else 1)


def _undated_genre(pendings: list[Pending], years: list[int], text: str | None) -> Genre:
    """Without a DCT (which years are past is not known: all count). A text that writes out at
    least MIN_PAST years narrates unless it shows the signals of news, as a dated one does; a text
    of fewer years narrates only when it shows no sign of news (no dateline, no expression
    counted from the writer's day, not the reporting of news, NewsSignals.reporting: "In 1943 the
    army moved north; that autumn it stopped"; one "said" is no sign, a history quotes too), for then nothing but its story dates it. Else it is news whose publication
    date is unknown."""
    signals = news_signals(text, pendings) if text is not None else None
    if len(years) >= MIN_PAST:
        news = signals is not None and (signals.deixis or (signals.reporting and len(years) < MANY_YEARS))
    else:
        news = signals is not None and (signals.dateline or signals.deictic > 0 or signals.reporting)
    history = not news and text is not None and is_history(text, len(years), signals, dated=False)
    return Genre(len(years), len(years), not news, news=news, history=history)
