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
from collections.abc import Sequence
from functools import lru_cache

from kerryview.text.wordlists import reporting_verbs

from .lexicon import alternation, lexicon, table
from .pending import Pending

# At least this many DCT-deictic expressions, and this many per 1,000 words, make a text news.
MIN_DEICTIC = 3
DEICTIC_PER_1000 = 1.0
# Or at least this many reporting words, and this many per 1,000 words (a short report says
# "said" three or four times in 350 words: 11 per 1,000; the histories 0.5 at most).
MIN_REPORTS = 3
REPORTS_PER_1000 = 3.0
# What every "head" template has (an agency's bracket closing before a dash): a quick test
# before the date-line reader's grammar is loaded for a text.
_BRACKET_DASH = re.compile(r"\)\s*[-_\u2013\u2014\u2011]")


@lru_cache(maxsize=1)
def _datelines() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...], int]:
    """The dateline templates of rules/news.json compiled by the date-line reader's grammar
    (imported here, on first use, so that tagging a text that needs no dateline does not load
    it): those matched where a text or sentence opens, those matched anywhere in the head, and
    how many characters the head is."""
    from kerryview.dating.datelines import compile_template
    entry = lexicon()["news_datelines"]
    compiled = {"open": [], "head": []}
    for rule in entry["templates"].values():
        compiled[rule["where"]].append(compile_template(rule["template"])[0])
    return tuple(compiled["open"]), tuple(compiled["head"]), entry["head_chars"]


def dateline_at(text: str, pos: int = 0) -> int | None:
    """The end of a dateline opening text[pos:] ("BUFFALO, N.Y. (AP) --", "LONDON (Reuters) -",
    "NAIROBI, Kenya (AP) _"), after white space; None when there is none."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    if not text[pos:pos + 2].isupper():
        return None  # a dateline's place opens it in capitals: no need to load the grammar
    for regex in _datelines()[0]:
        m = regex.match(text, pos)
        if m is not None:
            return m.end()
    return None


def has_dateline(text: str) -> bool:
    """A dateline opens the text ("BUFFALO, N.Y. (AP) --"), or an agency's dateline stands in
    its head after a wire header ("(Repeats ...) SINGAPORE, April 27 (Reuters) - ...")."""
    if dateline_at(text) is not None:
        return True
    chars = lexicon()["news_datelines"]["head_chars"]
    if _BRACKET_DASH.search(text, 0, chars) is None:
        return False  # no bracket before a dash: no need to load the grammar
    return any(r.search(text, 0, chars) for r in _datelines()[1])


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
    if p.op in ("dayshift", "weekend", "past_span"):  # past_span: "the past year" (anchor.op_past_span)
        return True
    if p.op == "weekday":
        return p.args.get("rel") not in ("previous", "following")
    return p.op == "shift" and p.args.get("base") == "dct" and not p.args.get("definite")


@lru_cache(maxsize=1)
def _reporting() -> re.Pattern[str]:
    # longest first; the same pattern in every process (a set's order changes with the hash seed)
    words = sorted(set(table("news_attribution")) | reporting_verbs()["attribution"], key=lambda w: (-len(w), w))
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b", re.I)


def news_signals(text: str, pendings: list[Pending]) -> NewsSignals:
    """The news signals of `text`, whose recognized expressions are `pendings`."""
    return NewsSignals(dateline=has_dateline(text),
                       deictic=sum(1 for p in pendings if deictic(p)),
                       reports=len(_reporting().findall(text)),
                       words=len(text.split()))


# A sentence opened by a year as its frame: "In 1918, there was a first wave of mild flu in April".
# ("In March 2003, ...", "During the summer of 1998, ..." too: a month or season may precede it)
_FRAME = re.compile(r"(?:In|During)\s+(?:(?:early|late|mid-?)\s*)?(?:(?:the\s+)?[A-Z]?[a-z]+\.?\s+(?:of\s+)?)?"
                    r"((?:1[0-9]|20)\d\d)\s*,")
_FRAME_START = re.compile(r"\b(?:In|During)\s")  # what every frame opens with
FRAME_CHARS = 300  # how far back the opening of the sentence is looked for
# A frame is carried over at most this many sentences after its own (_carried_frame), looked for
# this far back.
CARRY_SENTENCES = 2
CARRY_CHARS = 3 * FRAME_CHARS
_DASHES = ("-", "_", "\u2013", "\u2014")


@lru_cache(maxsize=1)
def _new_clause() -> re.Pattern[str]:
    """A second main clause after the frame's ("..., and, until April's accident, ..."):
    rules/news.json new_clause after a comma, or a semicolon."""
    return re.compile(r";|,\s*(?:" + alternation(table("new_clause")) + r")\b", re.I)


def own_clause_start(text: str, start: int) -> int | None:
    """Where the main clause of text[start] begins when a second main clause holds it (right
    after the last rules/news.json new_clause cut, a comma and a conjunction or a semicolon,
    within FRAME_CHARS before it: "Talks will continue next month, but [at the weekend the two
    sides traded accusations]"), else None."""
    cut = None
    for cut in _new_clause().finditer(text, max(0, start - FRAME_CHARS), start):
        pass
    return cut.end() if cut is not None else None


def frame_year(text: str, start: int, end: int | None = None) -> int | None:
    """The year that opens the sentence around `start` as its frame ("In 1918, ... in April",
    "During 2003, ... in March", after a dateline: "LONDON (Reuters) - In 2003, ..."): a date of
    that sentence written without a year is of that year, even in news; None when the sentence
    opens otherwise, or when the expression (ending at `end`) stands outside the frame's scope
    (frame_scope_end). The sentence is the one splitter's (kerryview.text.sentences). A sentence
    opened otherwise may go on with the frame of one just before it (_carried_frame: "In 1918,
    there was a first wave of mild flu in April. It then came back in August.")."""
    lo = max(0, start - CARRY_CHARS)
    if _FRAME_START.search(text, lo, start) is None or _FRAME.search(text, lo, start) is None:
        return None  # no frame opens this sentence or the ones before: no need to split
    from kerryview.text.sentences import sentence_spans  # on first use: start-up stays as it was
    # one character past `start`, so that a sentence end right before the expression is seen
    spans = [(lo + a, lo + b) for a, b in sentence_spans(text[lo:start + 1])]
    if not spans or (lo > 0 and len(spans) == 1):
        return None  # the sentence opens further back than CARRY_CHARS
    head_start = spans[-1][0]
    end = end or start
    m = _frame_at(text, head_start, start) if start - FRAME_CHARS <= head_start < start else None
    if m is not None:
        if frame_scope_end(text, m.end(), min(len(text), end + FRAME_CHARS), ((start, end),)) <= start:
            return None  # "In March 1989, the tanker struck a reef, and, until April's BP accident, ..."
        return int(m.group(1))
    return _carried_frame(text, spans[:-1] if lo == 0 else spans[1:-1], head_start, start, end)


def _frame_at(text: str, head_start: int, stop: int) -> re.Match[str] | None:
    """The frame opening the sentence at `head_start` ("In 1918,"), after a dateline too."""
    m = _FRAME.match(text, head_start, stop)
    if m is None and any(d in text[head_start:stop] for d in _DASHES):
        after = dateline_at(text[:stop], head_start)
        m = _FRAME.match(text, after + _space(text, after, stop), stop) if after is not None else None
    return m


def _carried_frame(text: str, before: list[tuple[int, int]], head_start: int, start: int, end: int) -> int | None:
    """The frame of a sentence just before the expression's, which the narration goes on with:
    a fronted "In 1918," sets the time the next sentences tell of until one of them moves it
    ("In 1918, there was a first wave of mild flu in April. It then seemed to disappear but came
    back severely in [August]." is 1918-08; "In early 1987, McCain attended two meetings ...
    Four senators met with Ed Gray on [April 2]." 1987-04-02). It is carried over at most
    CARRY_SENTENCES sentences of the same paragraph (kerryview.text.sentences.paragraph_break),
    to an expression in a clause of the past tense outside quotations, and only while no
    sentence between, nor the frame's own after the frame, nor the expression's, writes an
    anchor of its own (rules/news.json own_anchor, or a year in digits: "inspections in
    [February], March and April this year" is the publication's year; "Now he is pro-ethanol."
    brings the text back to its day) and no sentence between is in the present or future tense
    ("BP says it has improved safety since."). (rules/news.json news_readings frame_carried_over)"""
    from kerryview.text.sentences import paragraph_break, sentence_spans
    from kerryview.text.tense import tense
    from .scene import in_quotation
    if not before or in_quotation(text, start) or tense(text, start, end, reporting=False) != "past":
        return None
    own = sentence_spans(text[head_start:end + FRAME_CHARS])
    own_end = head_start + own[0][1] if own else end
    anchors = _anchor_words()
    if anchors.search(text, head_start, start) or anchors.search(text, end, max(end, own_end)):
        return None  # "... in February, March and April this year"
    for k, (s, e) in enumerate(reversed(before)):
        if k >= CARRY_SENTENCES or paragraph_break(text, s, head_start):
            return None
        m = _frame_at(text, s, e)
        if m is not None:
            return None if anchors.search(text, m.end(), e) else int(m.group(1))
        if anchors.search(text, s, e) or tense(text, s, s) in ("present", "future"):
            return None  # a sentence between moved the time on, or back to the writer's day
    return None


def frame_scope_end(text: str, frame_end: int, end: int, times: Sequence[tuple[int, int]] = ()) -> int:
    """Where the scope of a time phrase fronted at the head of a sentence (ending at
    `frame_end`) ends, `end` when it runs to it (the one home of the frame's scope: the
    tagger's frame_year and the clause events of kerryview.events.mentions read it). A fronted
    adverbial scopes over its clause and over what is coordinated with it ("In 2005, an
    explosion killed 15 workers, and the company was fined"; "In 1918, the flu appeared in
    April, and returned in October"); a second main clause (rules/news.json new_clause after a
    comma, or a semicolon) starts a new scope when its time phrase carries its own anchor or
    stands in a noun phrase (_own_anchor: "In March 1989, the tanker spewed oil, and, until
    April's BP accident, it was the worst spill"; not "..., and in May it bought Aral"). `times`: the spans of the sentence's time phrases (not the frame's own)."""
    cuts = [(m.start(), m.end()) for m in _new_clause().finditer(text, frame_end, end)]
    for k, (a, b) in enumerate(cuts):
        stop = cuts[k + 1][0] if k + 1 < len(cuts) else end
        own = [t for t in times if b <= t[0] < stop]
        if own and _own_anchor(text, own[0]):
            return a
    return end


@lru_cache(maxsize=1)
def _anchor_words() -> re.Pattern[str]:
    """rules/news.json own_anchor, or a year in digits."""
    return re.compile(r"\b(?:1\d\d\d|20\d\d)\b|'\d\d\b|\b" + alternation(table("own_anchor")), re.I)


def _own_anchor(text: str, time: tuple[int, int]) -> bool:
    """Whether the time phrase at `time` of a second main clause starts a scope of its own: it
    carries its own anchor (a year, a word counted from now: "last week", "Monday"), or it stands
    inside a noun phrase ("until April's BP accident"), not the clause's adverbial ("and in May
    it bought": May of the frame's year, whether or not the clause has a subject of its own)."""
    if _anchor_words().search(text, time[0], time[1]):
        return True
    return text.startswith(("'s", "’s"), time[1])


def _space(text: str, pos: int, end: int) -> int:
    """How many white-space characters stand at text[pos:end]."""
    n = 0
    while pos + n < end and text[pos + n].isspace():
        n += 1
    return n
