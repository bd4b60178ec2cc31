"""How alike two passages are: TF-IDF cosine over content words, names weighted up.

Used to match the same event told in different articles. Words are lower-cased and crudely
stemmed (plural -s, -ed, -ing; data/stemming.json) so "met"/"meeting" do not match but "talks"/"talk"
and "use"/"used" do; figures and words that
start with a capital inside a sentence (names: Xie, Wang, Beijing Hotel) count double, because
who and where say more about an event's identity than ordinary words do.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from kerryview.text.wordlists import list_words, package_dir, stopwords

# A word is letters of any script ("Zürich", "Calderón", not "Z" and "rich"), with inner
# apostrophes and hyphens; a figure is digits with their separators.
WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])*|\d+(?:[.,]\d+)*")
NAME_WEIGHT = 2.0


def stem(word: str) -> str:
    """The crude stem both passage matching and story grouping compare words by (the rules
    and their examples: data/stemming.json): an inflection cut ("talks", "arrested"), and
    a short word's e kept when its -d or -s is cut ("used", "uses": "use"; "died": "die"),
    so that its forms meet."""
    r = _stemming()
    if word in r.no_ending:
        return word  # "news": no plural of "new"
    for suffix in r.endings:
        if word.endswith(suffix):
            if len(word) - len(suffix) >= r.min_stem:
                return word[: -len(suffix)]
            if suffix in r.short_e and len(word) > r.min_stem and not word.endswith(r.short_e_not) \
                    and any(c in r.vowels for c in word[:-len(suffix)]):
                return word[:-1]  # "used": "use"; not "shed": "she"
    return word


@dataclass(frozen=True)
class _Stemming:
    endings: tuple[str, ...]
    min_stem: int
    short_e: frozenset[str]  # the endings whose d or s alone is cut from a short word
    short_e_not: tuple[str, ...]  # nor then from a word ending so ("need")
    vowels: str  # nor from one with none of these before its e ("shed", "fled")
    no_ending: frozenset[str] = frozenset()  # words whose -s is no ending ("news")


@cache
def _stemming() -> _Stemming:
    r = json.loads((package_dir("kerryview.text") / "data" / "stemming.json").read_text(encoding="utf-8"))
    return _Stemming(tuple(r["suffixes"]["endings"]), r["suffixes"]["min_stem"],
                     frozenset(r["short_e"]["endings"]), tuple(r["short_e"]["not_after"]),
                     r["short_e"]["vowels"], list_words(r["no_ending"]))


def content_terms(text: str) -> Counter[str]:
    """Weighted bag of content words of a passage."""
    terms: Counter[str] = Counter()
    known = _TERMS.get
    for i, word in enumerate(WORD.findall(text)):
        term = known(word) or _term(word)
        if term[0]:
            terms[term[0]] += term[1] if i > 0 else term[2]
    return terms


def is_name(word: str) -> bool:
    """Whether content_terms weighs a word inside a passage as a name: it starts with a capital
    (a passage's first word never counts so)."""
    return word[:1].isupper()


def plain_terms(text: str) -> set[str]:
    """The terms of a passage's words that content_terms weighs as no names: lower-case words,
    figures, and its first word."""
    out = set()
    known = _TERMS.get
    for i, word in enumerate(WORD.findall(text)):
        term = known(word) or _term(word)
        if term[0] and (i == 0 or not is_name(word.strip("'’-"))):
            out.add(term[0])
    return out


def name_terms(text: str) -> set[str]:
    """The terms of a passage's words that content_terms weighs as names (a capital, not its
    first word): who and where it tells of."""
    out = set()
    known = _TERMS.get
    for i, word in enumerate(WORD.findall(text)):
        term = known(word) or _term(word)
        if term[0] and i > 0 and is_name(word.strip("'’-")):
            out.add(term[0])
    return out


# What content_terms makes of each word it has read: (its term or "" for none, its weight, its
# weight as a passage's first word). A passage's words are mostly words read before, and the
# stemming and stop-word test of each word were most of content_terms' time. Bounded: emptied
# when full (some 30 MB at most; 589 Timeline17 articles hold 22,000 different words).
_TERMS: dict[str, tuple[str, float, float]] = {}
_TERMS_MAX = 100_000


def _term(word: str) -> tuple[str, float, float]:
    raw = word.strip("'’-")
    if raw[:1].isdigit():  # a figure ("52.2", "12") identifies a fact as well as a name
        term = (raw, NAME_WEIGHT, NAME_WEIGHT) if len(raw) > 1 else ("", 0.0, 0.0)
    else:
        low = raw.lower()
        if low.endswith(("'s", "’s")):
            low = low[:-2]
        if len(low) < 2 or low in stopwords():
            term = ("", 0.0, 0.0)
        else:
            term = (stem(low), NAME_WEIGHT if is_name(raw) else 1.0, 1.0)
    if len(_TERMS) >= _TERMS_MAX:
        _TERMS.clear()
    _TERMS[word] = term
    return term


@dataclass
class Vectorizer:
    """IDF over the passages of one corpus, and unit vectors for them."""

    idf: dict[str, float]

    @classmethod
    def fit(cls, bags: list[Counter[str]]) -> "Vectorizer":
        df: Counter[str] = Counter()
        for bag in bags:
            df.update(bag.keys())
        n = max(len(bags), 1)
        return cls({t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()})

    def vector(self, bag: Counter[str]) -> dict[str, float]:
        return unit({t: w * self.idf.get(t, 1.0) for t, w in bag.items()})


def unit(vec: dict[str, float]) -> dict[str, float]:
    """`vec` scaled to length 1 (an empty or zero one as it is), so a dot product is a cosine."""
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def word_overlap(a: Counter[str], b: Counter[str]) -> tuple[float, float]:
    """How far two bags of content words (content_terms) are the same words: the weight
    they share (names count double, as in content_terms) and that over the weight of
    either (weighted Jaccard: 1 for the same words, less for each word one says alone)."""
    shared = sum(min(w, b[t]) for t, w in a.items() if t in b)
    union = sum(a.values()) + sum(b.values()) - shared
    return shared, (shared / union if union else 0.0)
