"""What a dated passage is about: its sentence, plus the undated sentences around it (those
that follow it until the next dated one, and the one before), weighted down with distance.

News narrates in blocks: "Kerry told Wang on Tuesday at the Great Hall ..." is followed by the
quotes from that meeting, and another article's "... told senior officials on Tuesday" by the
same quotes. The block after a dated sentence stays under that date (the same idea as the last
mentioned date that anchors "the previous day"), so comparing blocks finds the same event told
in different words far better than comparing single sentences.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from kerryview.text.similarity import content_terms
from kerryview.model import Timex

FOLLOWING_SENTENCES = 3
PRECEDING_SENTENCES = 1  # an undated lede is usually dated by the sentence after it
NEIGHBOUR_WEIGHT = 0.5  # the k-th sentence away counts NEIGHBOUR_WEIGHT ** k
OTHER_CLAUSE_WEIGHT = 0.5
_CLAUSE_BREAK = re.compile(r"[,;:]\s+|\s+[-–—]\s+")


def _clauses(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out, pos = [], a
    for m in _CLAUSE_BREAK.finditer(text, a, b):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, b))
    return out


def is_dating(t: Timex) -> bool:
    """A time expression that moves the narrative to another date."""
    return t.type in ("DATE", "TIME") and not t.value.endswith("_REF")


def _without(text: str, a: int, b: int, timexes: list[Timex], starts: list[int]) -> str:
    """text[a:b] with the time expressions inside it cut out (timexes sorted by start)."""
    parts, pos = [], a
    for k in range(bisect_left(starts, a), len(timexes)):
        t = timexes[k]
        if t.start >= b:
            break
        if t.end <= b:
            parts.append(text[pos:t.start])
            pos = t.end
    parts.append(text[pos:b])
    return " ".join(parts)


class ContextBuilder:
    """Context bags for the passages of one document."""

    def __init__(self, text: str, sentences: list[tuple[int, int]], timexes: list[Timex]):
        self.text = text
        self.sentences = sentences
        self.starts = [a for a, _ in sentences]
        self.timexes = sorted(timexes, key=lambda t: t.start)
        self.timex_starts = [t.start for t in self.timexes]
        self.dated = [False] * len(sentences)
        # content words of a span, kept: one sentence is the passage or a neighbour of many
        # mentions (every clause event of a sentence, the clauses around it)
        self._span_terms: dict[tuple[int, int, bool], Counter[str]] = {}
        for t in timexes:
            i = self.sentence_index(t.start)
            if i is not None and is_dating(t):
                self.dated[i] = True

    def sentence_index(self, offset: int) -> int | None:
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.sentences[i][1]:
            return i
        return None

    def terms(self, offset: int) -> Counter[str]:
        """Weighted content words of the passage holding `offset` and its narrative block."""
        i = self.sentence_index(offset)
        if i is None:
            return Counter()
        a, b = self.sentences[i]
        bag: Counter[str] = Counter()
        # Within its sentence, the passage's own clause counts fully, the other clauses less:
        # "warned it could get worse this summer, and cited a record on July 16" tells two things.
        for ca, cb in _clauses(self.text, a, b):
            own = ca <= offset < cb
            for term, w in self._content(ca, cb, True).items():
                bag[term] += w * (1.0 if own else OTHER_CLAUSE_WEIGHT)
        self._add(bag, range(i + 1, min(i + 1 + FOLLOWING_SENTENCES, len(self.sentences))))
        self._add(bag, range(i - 1, max(i - 1 - PRECEDING_SENTENCES, -1), -1))
        return bag

    def sentence_terms(self, offset: int) -> Counter[str]:
        """Content words of the sentence holding `offset` alone (its time expressions left out),
        without the narrative block: the words of a clause event dated by publication, which
        is compared only with the clause events of its day (kerryview.events.clauses.own_words).
        The one bag kept for the sentence: do not change it."""
        i = self.sentence_index(offset)
        if i is None:
            return Counter()
        return self._content(*self.sentences[i], True)

    def said_terms(self, offset: int, report: list[tuple[int, int]]) -> Counter[str]:
        """Content words of the sentence holding `offset` (its time expressions left out) less
        the spans `report`: what a report says, without who said it and the reporting verb
        ('"The levee will hold," | said Mayor Smith'), the words of a report event (two
        things one speaker said are two events)."""
        i = self.sentence_index(offset)
        if i is None:
            return Counter()
        a, b = self.sentences[i]
        parts, pos = [], a
        for ra, rb in sorted(report):
            parts.append(_without(self.text, pos, max(pos, ra), self.timexes, self.timex_starts))
            pos = max(pos, rb)
        parts.append(_without(self.text, pos, b, self.timexes, self.timex_starts))
        return content_terms(" ".join(parts))

    def _add(self, bag: Counter[str], indices: range) -> None:
        weight = 1.0
        for k in indices:
            if self.dated[k]:
                break
            weight *= NEIGHBOUR_WEIGHT
            a, b = self.sentences[k]
            for term, w in self._content(a, b, False).items():
                bag[term] += w * weight

    def _content(self, a: int, b: int, without_timexes: bool) -> Counter[str]:
        key = (a, b, without_timexes)
        got = self._span_terms.get(key)
        if got is None:
            span = (_without(self.text, a, b, self.timexes, self.timex_starts) if without_timexes
                    else self.text[a:b])
            got = self._span_terms[key] = content_terms(span)
        return got
