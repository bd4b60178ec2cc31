"""Is this text news? The signals that keep a news story that recalls the past a news story.

narrative.genre takes a text whose explicit years mostly lie well before the DCT for a history,
whose undated "in April" and "on Friday" follow the story's years. A news story that looks back
(an anniversary, a profile, a background section: "NATO was founded in 1949 ...") can pass
that count, yet it is still written about its publication date: on the TBAQ development files,
every bare month or month-day that follows a past year in the same or the previous sentence is
the DCT's (26 of 26), none the story's. What a history lacks and news has:

- a dateline at the head of the text: "BUFFALO, N.Y. (AP) --", "WASHINGTON, March 12 (Xinhua) --";
- expressions counted from the publication date: "on Friday", "yesterday", "last week",
  "this year", "two days ago";
- reporting: "said", "told", "according to" (rules/news.json).

Measured on the development halves (never the held-out ones): the five WikiWars histories have
at most 0.4 DCT-deictic expressions and 0.5 reporting words per 1,000 words; TimeBank and
AQUAINT news from 1 to 20 of each. The thresholds below leave that margin on both sides.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kerryview.text.wordlists import reporting_verbs

from .lexicon import table
from .pending import Pending

# At least this many DCT-deictic expressions, and this many per 1,000 words, make a text news.
MIN_DEICTIC = 3
DEICTIC_PER_1000 = 1.0
# Or at least this many reporting words, and this many per 1,000 words.
MIN_REPORTS = 5
REPORTS_PER_1000 = 3.0

# "NAIROBI, Kenya (AP) _", "WASHINGTON, August 8 (Xinhua) --", "NEWARK, N.J. _": a place in
# capitals, maybe a region or a date after a comma, maybe the agency in brackets, then a dash
_DATELINE = re.compile(r"\A\s*[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:,[^\n(]{1,40}?)?\s*"
                       r"(?:\([A-Za-z .]+\))?\s*(?:--|_|—|–)")


@dataclass(frozen=True, slots=True)
class NewsSignals:
    """What a text shows of news: the counts the decision is made from, and the decision."""

    dateline: bool
    deictic: int
    reports: int
    words: int

    @property
    def deixis(self) -> bool:
        """The writer dates the text by its publication: a dateline, or enough expressions
        counted from it. A history has no use for either."""
        per = 1000 / max(self.words, 1)
        return self.dateline or (self.deictic >= MIN_DEICTIC and self.deictic * per >= DEICTIC_PER_1000)

    @property
    def reporting(self) -> bool:
        """The text reports what people said, as news does, but so do histories of recent
        events and profiles (they quote): evidence of news only where the years are few."""
        per = 1000 / max(self.words, 1)
        return self.reports >= MIN_REPORTS and self.reports * per >= REPORTS_PER_1000

    @property
    def news(self) -> bool:
        return self.deixis or self.reporting


def deictic(p: Pending) -> bool:
    """An expression counted from the publication date by the writer ("Friday", "yesterday",
    "last week", "two days ago"), not from a date of the story."""
    if p.op in ("dayshift", "weekend"):
        return True
    if p.op == "weekday":
        return p.args.get("rel") not in ("previous", "following")
    return p.op == "shift" and p.args.get("base") == "dct" and not p.args.get("definite")


@lru_cache(maxsize=1)
def _reporting() -> re.Pattern[str]:
    words = sorted(set(table("news_attribution")) | reporting_verbs()["attribution"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b", re.I)


def news_signals(text: str, pendings: list[Pending]) -> NewsSignals:
    """The news signals of `text`, whose recognized expressions are `pendings`."""
    return NewsSignals(dateline=_DATELINE.match(text) is not None,
                       deictic=sum(1 for p in pendings if deictic(p)),
                       reports=len(_reporting().findall(text)),
                       words=len(text.split()))
