"""Which mentions merging compares: blocked by date and by shared rare words, never all pairs.

Two mentions can only be one event when their dates are compatible (one inside the other, an
approximate date reaching into its neighbours) or near (days at most a few apart, a
disagreement between sources), and when their passages share a word (else their similarity is
zero and adds nothing). So the candidates of a mention are found through an inverted index of
the passages' words, kept per *date bucket*:

* every mention is filed under its words in the buckets its date covers, at the one level of a
  ladder of bucket widths (1, 2, 4, ... days) that fits its length: a day under a 1-day bucket,
  a month under a 32-day one, a year under a 512-day one. A date that contains another then
  always sits at the contained one's level or above, in the bucket holding its first day, so a
  mention finds every date containing it by looking at one bucket per level;
* a date known to the day is also filed under its day, for "near" dates a few days apart
  (and only there when it is a day or less long: its containers at level 0 are near).

A passage is filed under all its words but looks up only its KEY_TERMS weightiest (names,
figures and rare words weigh most): two passages of which neither has one of its weightiest
words in the other are too unlike to be one event.
A word filed more than `cap` times in one bucket (the story's own words on its busiest days:
"oil", "spill", "BP") is a stop word there: it yields no candidates, as an index of a search
engine ignores "the". The similarity of two candidates is still their full cosine, so capped
words count for pairs that share another word; only pairs that share nothing but such words
are not compared. A mention reads at most `budget` postings per bucket, its rarest words
first, so its work is bounded whatever the density of dates: the whole grows linearly with
the number of mentions.
"""
from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from kerryview.calendar.intervals import Interval

TERM_CAP = 24  # postings of one word in one bucket beyond which the word is a stop word there
KEY_TERMS = 16  # a passage is filed and looked up under its most weighty words only
POSTINGS_BUDGET = 400  # postings read per mention and bucket, rarest words first: a hard bound
NEAR_DAYS = 3  # dates known to the day this far apart are compared (a disagreement, maybe)
_ONE_DAY = timedelta(days=1)
_TINY = timedelta(microseconds=1)


def level(iv: Interval) -> int:
    """The rung of the ladder of bucket widths (2**k days) that holds a date of this length."""
    days = (iv.end - iv.start) / _ONE_DAY
    return max(0, math.ceil(math.log2(days))) if days > 1 else 0


def _cells(iv: Interval, k: int) -> range:
    """The buckets of width 2**k days the date overlaps (at most two at its own level)."""
    last = iv.end - _TINY if iv.end > iv.start else iv.start
    return range(iv.start.toordinal() >> k, (last.toordinal() >> k) + 1)


# The postings of one word in one bucket: (mention id, weight) pairs in the order filed. Most
# words of a bucket are filed once (a name, a figure, a rare word), so one posting is a complex
# number (id + weight*1j: 32 bytes), and more are one flat array of doubles id, weight, id,
# weight... (ids are integers far below 2**53, exact as doubles). Two arrays in a tuple per
# word took about 250 bytes for a single posting: the index was the largest part of the peak
# memory of a 10,000-article import.
Postings = complex | array


@dataclass
class DateTermIndex:
    """Inverted index of passages' words per date bucket (see the module's docstring).

    `extent(i)` is where mention i is filed (its date, widened when approximate), `interval(i)`
    its own date, `day_level(i)` whether it is known to the day."""

    cap: int = TERM_CAP
    budget: int = POSTINGS_BUDGET
    # Postings packed (see Postings): the index is the largest thing merging holds.
    buckets: dict[tuple[int, int], dict[str, Postings]] = field(default_factory=dict)
    days: dict[int, dict[str, Postings]] = field(default_factory=dict)
    levels: set[int] = field(default_factory=set)

    def add(self, i: int, terms: dict[str, float], extent: Interval, day_level: bool,
            start: datetime) -> None:
        k = level(extent)
        if day_level and k == 0:
            cells = range(0)  # a day or less, known to the day: found among the near days
        else:
            self.levels.add(k)
            cells = _cells(extent, k)
        for c in cells:
            _file(self.buckets.setdefault((k, c), {}), i, terms)
        if day_level:
            _file(self.days.setdefault(start.toordinal(), {}), i, terms)

    def _collect(self, bucket: dict[str, Postings] | None,
                 terms: dict[str, float], seen: set[int], into: dict[int, float]) -> None:
        """Add to `into` each mention of the bucket its share of the dot product with
        `terms` over the words rare there; `seen` skips mentions met in another bucket."""
        if not bucket:
            return
        for j, s in dot_products(self._reading(bucket, terms)).items():
            if j not in seen:
                seen.add(j)
                into[j] = s

    def _reading(self, bucket: dict[str, Postings], terms: dict[str, float]
                 ) -> list[tuple[float, Postings]]:
        """What `terms` reads in a bucket: (its weight, the postings) of each of its words rare
        there, the rarest first, within the budget."""
        lists = [(n, w, p) for t, w in terms.items()
                 if (p := bucket.get(t)) is not None and (n := count(p)) <= self.cap]
        lists.sort(key=lambda x: x[0])  # the rarest words first: they say the most
        read: list[tuple[float, Postings]] = []
        budget = self.budget
        for n, w, p in lists:
            budget -= n
            if budget < 0:
                break  # a passage of many middling words: enough looked at in this bucket
            read.append((w, p))
        return read

    def candidates(self, terms: dict[str, float], iv: Interval, day_level: bool
                   ) -> dict[int, float]:
        """Mentions that share a word (rare in that bucket) with `terms` and whose dates may
        contain `iv`, or lie within NEAR_DAYS of it when both are known to the day, each with
        its dot product with `terms` over those words (a lower bound of the cosine: capped
        words are left out). A superset: the caller checks the dates exactly."""
        out: dict[int, float] = {}
        seen: set[int] = set()
        k0 = level(iv)
        first = iv.start.toordinal()
        for k in sorted(self.levels):
            if k >= k0:
                self._collect(self.buckets.get((k, first >> k)), terms, seen, out)
        if day_level:
            near: dict[int, float] = {}
            for d in range(first - NEAR_DAYS, first + NEAR_DAYS + 1):
                self._collect(self.days.get(d), terms, set(), near)
            with_near(out, near)
        return out


def dot_products(read: Iterable[tuple[float, Postings]]) -> dict[int, float]:
    """Each mention's dot product with a passage over what the passage reads ((its weight of a
    word, the word's postings), in the order read: DateTermIndex._reading), summed word by
    word in that order, so that the same reading gives the same floats wherever it is made."""
    local: dict[int, float] = {}
    for w, p in read:
        if type(p) is complex:  # inlined postings(): the hot loop of merging
            j = int(p.real)
            local[j] = local.get(j, 0.0) + w * p.imag
            continue
        it = iter(p)
        for j, wj in zip(it, it):
            j = int(j)
            local[j] = local.get(j, 0.0) + w * wj
    return local


def with_near(found: dict[int, float], near: dict[int, float]) -> dict[int, float]:
    """`found` (the mentions met in the date buckets) with those met among the near days, each
    with the higher of its two scores."""
    for j, s in near.items():
        found[j] = max(found.get(j, 0.0), s)
    return found




def _file(bucket: dict[str, Postings], i: int, terms: dict[str, float]) -> None:
    for t, w in terms.items():
        p = bucket.get(t)
        if p is None:
            bucket[t] = complex(i, w)
        elif type(p) is complex:
            bucket[t] = array("d", (p.real, p.imag, i, w))
        else:
            p.append(i)
            p.append(w)


def count(p: Postings) -> int:
    """How many postings."""
    return 1 if type(p) is complex else len(p) >> 1


def postings(p: Postings) -> Iterator[tuple[int, float]]:
    """The (mention id, weight) pairs, in the order filed."""
    if type(p) is complex:
        yield int(p.real), p.imag
        return
    it = iter(p)
    for j, w in zip(it, it):
        yield int(j), w


def key_terms(vector: dict[str, float], n: int = KEY_TERMS) -> dict[str, float]:
    """The passage's `n` weightiest words (names, figures, rare words: what identifies an
    event), which it looks up; a long passage's many light words would only multiply the
    postings read."""
    if len(vector) <= n:
        return vector
    return dict(sorted(vector.items(), key=lambda tw: (-tw[1], tw[0]))[:n])


def candidate_pairs(n: int, terms: Callable[[int], dict[str, float]],
                    interval: Callable[[int], Interval], extent: Callable[[int], Interval],
                    day_level: Callable[[int], bool], cap: int = TERM_CAP,
                    floor: float = 0.0, check: Callable[[], None] = lambda: None
                    ) -> Iterator[tuple[int, int]]:
    """Each candidate pair (i, j), i != j, whose dot product over rare words reaches `floor`,
    at least once (a pair may come from both sides: the caller skips what it has seen).
    `check` is called once per mention (Cancel)."""
    index = DateTermIndex(cap)
    for i in range(n):
        check()
        index.add(i, terms(i), extent(i), day_level(i), interval(i).start)
    for i in range(n):
        check()  # (the key terms made here, not kept for all: a dict per mention)
        for j, s in index.candidates(key_terms(terms(i)), interval(i), day_level(i)).items():
            if j != i and s >= floor:
                yield i, j
