"""What is never an event, whatever dates it holds: date lines, bylines, "Last updated" lines,
photo captions and credits, copyright lines, lines made of nothing but dates, the readers'
comments under an article, and a radio or TV schedule page (its blurbs announce broadcasts).

The rules are data (data/not_events.tsv, each with an example); date lines are recognised by
the one date-line reader (kerryview.dating.datelines), in every style it reads, wherever they
stand: an "Updated ..." line under the headline is no more an event than the first date line.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache

from kerryview.dating.datelines import read_dateline
from kerryview.model import Timex
from kerryview.text.wordlists import event_rules

RULES_FILE = "not_events.tsv"
# A line is "dates alone" when, outside its time expressions, at most this many words remain
# ("2007 – 2008 – 2009", "Timeline: 2008"); such a line says when, never what.
MAX_WORDS_BESIDE_DATES = 1
MAX_DATE_LINE_CHARS = 160  # a longer line is a sentence that opens with a date, not a date line
_WORD = re.compile(r"[A-Za-z]{2,}")


@dataclass(frozen=True)
class NotEventRule:
    name: str
    scope: str  # "line": the whole line; "prefix": the time expressions inside the match;
    # "sentence": the sentence (a question, a photo caption run into the text); "listing": the page
    max_words: int  # 0: any length; for "listing", the least number of matches in the page
    pattern: re.Pattern
    example: str

    def matches(self, line: str) -> bool:
        if self.max_words and len(line.split()) > self.max_words:
            return False
        return self.pattern.search(line) is not None


OUTLET_SLOT = "{outlet}"  # in a pattern: any news outlet of kerryview/ingest/data/outlets.tsv


def _outlets() -> str:
    """The outlets' names as one alternative, longest first ("Bloomberg News" before
    "Bloomberg"): a "(Name - Outlet)" credit must name a real outlet, else any bracket of two
    capitalised names is taken for a credit ("Sen. Richard Shelby (R - Ala.) blocked ...")."""
    from kerryview.ingest.metadata import outlet_names
    return "(?:" + "|".join(r"[ \t]+".join(map(re.escape, name.split()))
                            for name, _shown in outlet_names()) + ")"


# In a pattern: one word or phrase of a list of data/lead_rules.json (slot -> list name): a
# photo caption's opening noun ("Images of ..."), its participle ("... taken on ..."), a
# picture's position ("(top L)").
WORD_SLOTS = {"{caption_noun}": "caption_nouns", "{caption_participle}": "caption_participles",
              "{caption_position}": "caption_positions", "{channel}": "broadcast_channels"}


def _slot_words(name: str) -> str:
    """The words of a lead_rules.json list as one alternative, longest first, any spaces
    between a phrase's words ("top L", "top  left")."""
    from kerryview.text.wordlists import event_lists
    words = sorted(event_lists("lead_rules.json")[name], key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")"


def _filled(pattern: str) -> str:
    pattern = pattern.replace(OUTLET_SLOT, _outlets()) if OUTLET_SLOT in pattern else pattern
    for slot, name in WORD_SLOTS.items():
        if slot in pattern:
            pattern = pattern.replace(slot, _slot_words(name))
    return pattern


@cache
def rules() -> tuple[NotEventRule, ...]:
    return tuple(NotEventRule(name, scope, int(limit), re.compile(_filled(pattern), re.IGNORECASE),
                              example)
                 for name, scope, limit, pattern, example in event_rules(RULES_FILE))


def not_event_prefix(line: str) -> int:
    """How many characters at the start of `line` hold time expressions that are no events
    ("WASHINGTON, May 24 (Reuters) - BP said ...": the wire dateline's date; "Headline By Jane
    Doe DUBAI, April 30 (Reuters) - The ...": all up to the run-in dateline), or 0."""
    stripped = line.lstrip()
    lead = len(line) - len(stripped)
    end = next((m.end() for r in rules()
                if r.scope == "prefix" and (m := r.pattern.match(stripped))), 0)
    # a run-in dateline after a page's stamp ("Mon May 11, 2009 2:06 pm EDT LONDON May 11
    # (Reuters) - Thai scientists ..."): the prefix runs to the end of the dateline
    end = max(end, next((m.end() for r in rules()
                         if r.scope == "run_in" and (m := r.pattern.search(stripped))), 0))
    return lead + end if end else 0


@lru_cache(maxsize=4096)
def why_not_event_sentence(sentence: str) -> str | None:
    """The name of the rule by which a sentence tells no event, or None: a question ("Will BP
    pay for the clean-up?") asks rather than reports; a photo caption with its credit ("A worker
    cleans a beach on Tuesday. REUTERS/Sean Gardner") shows rather than tells. Cached: a
    sentence with several dates, and a lead sentence, are asked again by find_mentions."""
    stripped = " ".join(sentence.split())
    for r in rules():
        if r.scope == "sentence" and r.matches(stripped):
            return r.name
    return None


def why_not_event(line: str, timexes: list[Timex] = (), offset: int = 0) -> str | None:
    """The name of the rule by which `line` is no event, or None. `timexes` are the time
    expressions found in it (document offsets; `offset` is where the line starts)."""
    stripped = line.strip()
    if not stripped:
        return None
    for r in rules():
        if r.scope == "line" and r.matches(stripped):
            return r.name
    if len(stripped) <= MAX_DATE_LINE_CHARS and _is_whole_date_line(stripped):
        return "date_line"
    if timexes:
        rest = list(line)
        for t in timexes:
            for i in range(max(0, t.start - offset), min(len(line), t.end - offset)):
                rest[i] = " "
        if len(_WORD.findall("".join(rest))) <= MAX_WORDS_BESIDE_DATES:
            return "dates_alone"
    return None


# The characters other than ASCII that a case-insensitive pattern matches to an ASCII letter
# and that str.lower() does not turn into it (the dotless i, the long s): _folded maps them.
_FOLD = str.maketrans({"ı": "i", "ſ": "s"})
_WHOLE_TEXT_SCOPES = ("comments", "comments_after", "sign_off", "listing")


@cache
def _anchors() -> dict[str, tuple[tuple[str, ...], ...]]:
    """rule name -> what every match of a whole-text rule holds (lower case): each run of plain
    characters the pattern must match ("wrote:" of "... jenny wrote:"; "posted" and "by:" of
    "Posted by:"), and for a choice of words, one of them ("readers", "viewers", "listeners").
    A text that lacks one is not scanned by the rule's pattern: the same answer, at once."""
    try:  # re's own parser (private: Python 3.11+); without it every text is scanned, as before
        from re import _constants as C, _parser as P
    except ImportError:  # pragma: no cover - another Python
        return {}

    def needs(items) -> list[tuple[str, ...]]:
        out, cur = [], ""
        for op, av in items:
            if op is C.LITERAL:
                cur += chr(av)
                continue
            if cur:
                out.append((cur,))
            cur = ""
            if op is C.SUBPATTERN:  # a group is matched whole; a repeat may match nothing
                out.extend(needs(av[-1]))
            elif op is C.BRANCH:  # one of its choices: each must hold a run of its own
                choices = [max((n[0] for n in needs(alt) if len(n) == 1), key=len, default="")
                           for alt in av[1]]
                if all(choices):
                    out.append(tuple(choices))
        return out + [(cur,)] if cur else out

    return {r.name: tuple(dict.fromkeys(tuple(w.lower() for w in n)
                                        for n in needs(P.parse(r.pattern.pattern, r.pattern.flags))))
            for r in rules() if r.scope in _WHOLE_TEXT_SCOPES}


@lru_cache(maxsize=4)  # comments_start, listing and sign_offs read one text after another
def _folded(text: str) -> str:
    """`text` in lower case, as a case-insensitive pattern sees its letters."""
    low = text.lower()
    return low if text.isascii() else low.translate(_FOLD)


def _may_match(rule: NotEventRule, text: str) -> bool:
    """Whether a whole-text rule can match `text` at all: it holds what each match holds."""
    folded = _folded(text)
    return all(any(w in folded for w in need) for need in _anchors().get(rule.name, ()))


def comments_start(text: str) -> int | None:
    """Where the readers' comments under an article begin, or None: they run to the end of the
    page, and a comment tells what a reader thinks, never an event of the story. A comment
    signed before it ("At 18:40 23rd Mar 2010, jenny wrote:") starts at its signature; one
    signed after it ("... Posted by: Dano111 | October 13, 2008 10:19 PM | Report abuse")
    at the article's sign-off before it ("By Dan Froomkin | February 2, 2009; 1:40 PM ET"), else
    at the start of the signature's line. Only the rules whose words the text holds scan it."""
    starts = []
    for r in rules():
        if r.scope in ("comments", "comments_after") and not _may_match(r, text):
            continue
        if r.scope == "comments" and (m := _at_foot(r, text)):
            starts.append(m.start())
        elif r.scope == "comments_after" and (m := r.pattern.search(text)):
            offs = [s.end() for o in rules() if o.scope == "sign_off" and _may_match(o, text)
                    for s in o.pattern.finditer(text, 0, m.start())]
            starts.append(max(offs) if offs else text.rfind("\n", 0, m.start() + 1) + 1)
    return min(starts, default=None)


def sign_offs(text: str) -> list[tuple[int, int]]:
    """The spans of a blog post's sign-offs: its byline with the time it was posted, at the
    post's foot before the readers' comments ("By Ezra Klein | May 27, 2009; 10:04 AM ET"; rule
    scope "sign_off"). Its date is the post's time stamp (dating.cues: rule sign_off_stamp)."""
    return [m.span() for r in rules() if r.scope == "sign_off" and _may_match(r, text)
            for m in r.pattern.finditer(text)]


def _at_foot(rule: NotEventRule, text: str) -> re.Match | None:
    """The first match of a "comments" rule in `text`; for a rule with max words, the first
    that closes the page: at most that many words after it and more before it than after (a
    print-edition note at the foot, not a syndication credit opening a copied story)."""
    if not rule.max_words:
        return rule.pattern.search(text)
    for m in rule.pattern.finditer(text):
        after = len(text[m.end():].split())
        if after <= rule.max_words and len(text[:m.start()].split()) > after:
            return m
    return None


def listing(text: str) -> str | None:
    """The name of the rule by which `text` is a radio or TV schedule page, or None. Each
    programme's blurb ends in its credits ("Presenter\\/Dermot O'Leary, Producer\\/Ben Walker for
    Labora TV"), so a page that credits programmes again and again is a listing: its blurbs
    announce broadcasts, not events of a story. News prose credits a programme once or twice."""
    for r in rules():
        if r.scope == "listing" and _may_match(r, text) \
                and sum(1 for _ in r.pattern.finditer(text)) >= r.max_words:
            return r.name
    return None


def _is_whole_date_line(line: str) -> bool:
    """A date line that is the whole line: one that runs into a sentence ("WASHINGTON, May 24
    (Reuters) - BP said ...") leaves that sentence to be read."""
    read = read_dateline(line)
    return read is not None and read.end >= len(line.rstrip(" .,;:|-–—"))


class LineFilter:
    """why_not_event for the line around each offset of one text, each line judged once."""

    def __init__(self, text: str, timexes: list[Timex]) -> None:
        self._text = text
        self._timexes = sorted(timexes, key=lambda t: t.start)
        self._seen: dict[int, str | None] = {}
        self._starts = [t.start for t in self._timexes]
        self.comments = comments_start(text)
        self.listing = listing(text)  # a schedule page: nothing on it is an event

    def line_of(self, pos: int) -> tuple[int, int]:
        start = self._text.rfind("\n", 0, pos) + 1
        end = self._text.find("\n", pos)
        return start, len(self._text) if end < 0 else end

    def in_prefix(self, start: int, end: int) -> bool:
        """Whether text[start:end] lies in a line's prefix that holds no events."""
        a, b = self.line_of(start)
        key = -1 - a
        if key not in self._seen:
            self._seen[key] = str(not_event_prefix(self._text[a:b]))
        return end <= a + int(self._seen[key])

    def body_start(self, pos: int) -> int:
        """Where the text that may be news starts on the line around `pos`: after a prefix that
        holds no events (a wire dateline and what precedes it), else the line's start."""
        a, b = self.line_of(pos)
        self.in_prefix(a, a)
        return a + int(self._seen[-1 - a])

    def reason(self, pos: int) -> str | None:
        if self.listing is not None:
            return self.listing
        if self.comments is not None and pos >= self.comments:
            return "readers_comments"
        start, end = self.line_of(pos)
        if start not in self._seen:
            inside = []
            for t in self._timexes[bisect_left(self._starts, start):]:
                if t.start >= end:
                    break
                if t.end <= end:
                    inside.append(t)
            self._seen[start] = why_not_event(self._text[start:end], inside, start)
        return self._seen[start]
