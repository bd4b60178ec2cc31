"""Publication dates (DCT) for every document, from metadata or from the rest of the corpus.

Order of evidence:
1. an explicit date line in the document ("date 2023-07-18", found when the file was read:
   Document.dateline);
2. a date from the page's metadata or set by the user (DateSource.kind says which), kept as is;
3. otherwise the date that makes the document agree best with the articles already dated (in
   waves: the most confident documents first, then those that match them): each
   candidate date is tried by re-tagging the document against it; a candidate scores for every
   passage that then lands on the same day as a closely matching passage of a dated article
   ("met Xie Zhenhua for nearly 12 hours ... on Monday" vs "... on July 17"), loses for every
   past-tense report placed after it or announced event placed before it, and prefers the
   reading in which the document's days lie close together. The earliest best date wins:
   news is published on the day of the latest event it reports.
A document with neither stays undated (its weekdays and year-less dates are not placed).
Nothing here knows any particular file.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable

from kerryview.cancellation import NEVER, Cancellation
from kerryview.text.sentences import sentence_spans
from kerryview.text.context import ContextBuilder
from kerryview.text.similarity import Vectorizer
from kerryview.model import DateSource, DateSourceKind, Document, Timex
from kerryview.text.phrasing import day_words, source_name
from kerryview.text.tense import tense
from kerryview.calendar.intervals import Interval, value_interval

Tagger = Callable[[str, date | None], list[Timex]]

MATCH_THRESHOLD = 0.35  # cosine above which two passages are taken to tell the same event
CANDIDATE_WINDOW_DAYS = 7  # a report is published within a week of the events it dates
VIOLATION_WEIGHT = 1.0
SPREAD_WEIGHT = 0.05  # per week of spread between the document's day-level dates
MAX_CANDIDATES = 120
KEPT_KINDS = frozenset({DateSourceKind.PAGE_METADATA, DateSourceKind.SET_BY_USER})
WAVE_MARGIN = 0.5  # documents scoring at least half the wave's best are dated in that wave


@dataclass
class _Passage:
    """A dated time expression of a document with the sentence around it."""

    timex_index: int
    sentence: str
    vector: dict[str, float] = field(default_factory=dict)
    tense: str | None = None
    bag: Counter[str] = field(default_factory=Counter)


@dataclass
class _Known:
    """A day-level passage of an already dated document, to match against."""

    doc_id: str
    text: str
    interval: Interval
    vector: dict[str, float]


def _sentence_of(text: str, contexts: ContextBuilder, t: Timex) -> str:
    i = contexts.sentence_index(t.start)
    if i is not None:
        a, b = contexts.sentences[i]
        return text[a:b]
    return text[max(0, t.start - 100):t.end + 100]


def _day_intervals(timexes: list[Timex]) -> list[Interval | None]:
    out = []
    for t in timexes:
        iv = value_interval(t.value, t.mod) if t.type in ("DATE", "TIME") else None
        out.append(iv if iv and iv.granularity.day_or_finer else None)
    return out


def declared_dct(d: Document) -> None:
    """Set d.dct to the date the document declares (its date line, its page's metadata, the
    user's), or None: what evidence 1 and 2 say, before anything is inferred."""
    line = d.dateline
    if line is not None:
        d.dct = line.value
        d.dct_source = DateSource(DateSourceKind.STATED_IN_TEXT,
                                  f"stated in the article (“{d.text[line.start:line.end]}”)")
    elif d.dct is not None and d.dct_source.kind in KEPT_KINDS:
        pass  # declared by the page's metadata when it was read, or set by the user
    else:
        d.dct, d.dct_source = None, DateSource.unknown()


def infer_dcts(docs: list[Document], tag: Tagger,
               cancel: Cancellation = NEVER) -> dict[str, list[Timex]]:
    """Set doc.dct / doc.dct_source for every document; return each document's timexes
    resolved against its final DCT (so callers need not tag again). `cancel` is checked for
    every candidate date and passage, so Cancel answers even inside one long article."""
    tagged: dict[str, list[Timex]] = {}
    for d in docs:
        declared_dct(d)
    undated = [d for d in docs if d.dct is None]
    for d in docs:
        if d.dct is not None:
            tagged[d.id] = tag(d.text, d.dct)
    if not undated:
        return tagged

    # Passages of every document, vectorised against one corpus-wide IDF.
    raw: dict[str, list[Timex]] = {d.id: tag(d.text, None) for d in undated}
    passages = {d.id: _passages(d.text, tagged[d.id] if d.id in tagged else raw[d.id], cancel)
                for d in docs}
    bags = [p.bag for ps in passages.values() for p in ps]
    vec = Vectorizer.fit(bags)
    for ps in passages.values():
        for p in ps:
            p.vector = vec.vector(p.bag)

    names = {d.id: source_name(d) for d in docs}
    # Which known passages each undated passage could be telling, kept up to date as
    # documents are dated: each newly known passage is looked up once in an index of the
    # undated passages (not every undated passage against every known one in every wave).
    undated_index = _UndatedIndex(undated, passages)
    matches: dict[str, dict[int, list[tuple[float, _Known]]]] = {
        d.id: {p.timex_index: [] for p in passages[d.id]} for d in undated}
    changed: set[str] = set(matches)

    def learn(known: list[_Known]) -> None:
        if not matches:
            return  # nothing left to date: the last one's passages need not be looked up
        for k in known:
            cancel.check()
            for doc_id, i, score in undated_index.matches(k.vector):
                if doc_id in matches:
                    matches[doc_id][i].append((score, k))
                    changed.add(doc_id)

    for d in docs:
        if d.dct is not None:
            learn(_known_of(d, tagged[d.id], passages[d.id]))

    # Waves: every undated document is scored against what is dated so far; the confident ones
    # (within WAVE_MARGIN of the wave's best) are dated, and their passages join the evidence.
    # A document is scored again only when a passage dated since its last score matches one of
    # its own (else its score is the same), against the same candidate dates mostly: its day
    # intervals under each candidate are kept (tagging is what costs). Re-tagging or re-scoring
    # every remaining document in every wave made dating quadratic in the corpus.
    days_under: dict[str, dict[date, list[Interval | None]]] = {d.id: {} for d in undated}
    remaining = list(undated)
    results: dict[str, _Best] = {}
    while remaining:
        for d in remaining:
            if d.id in changed:
                result = _best_candidate(d, passages[d.id], matches[d.id], tag, raw[d.id],
                                         cancel, days_under[d.id])
                if result is not None:
                    results[d.id] = result
        changed.clear()
        if not results:
            break
        top = max(r.score for r in results.values())
        for d in list(remaining):
            r = results.get(d.id)
            if r is None or r.score < top * WAVE_MARGIN and r.score != top:
                continue
            timexes = tag(d.text, r.dct)
            d.dct, tagged[d.id] = r.dct, timexes
            d.dct_source = DateSource(DateSourceKind.INFERRED, r.explanation(timexes, names))
            remaining.remove(d)
            del matches[d.id], results[d.id]
            undated_index.remove(d.id)
            learn(_known_of(d, timexes, passages[d.id]))
    for d in remaining:
        tagged[d.id] = raw[d.id]
    return tagged


def _passages(text: str, timexes: list[Timex], cancel: Cancellation = NEVER) -> list[_Passage]:
    """The dated passages of one text, each with the tense around its time expression (the
    tagger's reading of it, so that a date the tagger put in the past counts as past here)."""
    contexts = ContextBuilder(text, sentence_spans(text), timexes)
    out = []
    for i, t in enumerate(timexes):
        cancel.check()
        if t.type in ("DATE", "TIME"):
            out.append(_Passage(i, _sentence_of(text, contexts, t),
                                tense=tense(text, t.start, t.end), bag=contexts.terms(t.start)))
    return out


class _UndatedIndex:
    """The passages of undated documents, with an inverted index: which of them a passage of
    a dated document matches (cosine >= MATCH_THRESHOLD).

    Exact, without reading every posting of the story's common words (MaxScore, as search
    engines do): the query's words are taken in order of the most they can add (weight x the
    largest weight in their postings); once the words left cannot add up to the threshold, a
    passage not met yet cannot reach it, so the rest only completes the scores of those met,
    from their own vectors. The common words ("oil", "spill") weigh least and come last."""

    def __init__(self, docs: list[Document], passages: dict[str, list[_Passage]]) -> None:
        self.vectors: dict[tuple[str, int], dict[str, float]] = {
            (d.id, p.timex_index): p.vector for d in docs for p in passages[d.id]}
        self.dated: set[str] = set()
        self._build()

    def _build(self) -> None:
        self.postings: dict[str, list[tuple[str, int, float]]] = {}
        for (doc_id, i), vector in self.vectors.items():
            for term, w in vector.items():
                self.postings.setdefault(term, []).append((doc_id, i, w))
        self.max_weight = {t: max(w for _, _, w in ps) for t, ps in self.postings.items()}
        self.live = len({doc_id for doc_id, _ in self.vectors})

    def remove(self, doc_id: str) -> None:
        """The document is dated: its passages are no longer looked for. The index is built
        again without them once they are half of it (dating gets cheaper as it proceeds)."""
        self.dated.add(doc_id)
        if len(self.dated) * 2 > self.live:
            self.vectors = {k: v for k, v in self.vectors.items() if k[0] not in self.dated}
            self.dated = set()
            self._build()

    def matches(self, vector: dict[str, float]) -> list[tuple[str, int, float]]:
        bounds = sorted(((w * self.max_weight[t], t, w) for t, w in vector.items()
                         if t in self.max_weight), reverse=True)
        left = sum(b for b, _, _ in bounds)
        scores: dict[tuple[str, int], float] = {}
        k = 0
        while k < len(bounds) and left >= MATCH_THRESHOLD:  # a new passage can still match
            b, term, w = bounds[k]
            for doc_id, i, pw in self.postings[term]:
                if doc_id not in self.dated:
                    key = (doc_id, i)
                    scores[key] = scores.get(key, 0.0) + w * pw
            left -= b
            k += 1
        # Complete the scores word by word from the passages' own vectors, dropping a passage
        # as soon as what is left could not lift it to the threshold.
        reach = MATCH_THRESHOLD - 1e-9  # the bounds are sums of floats
        alive = {key: s for key, s in scores.items() if s + left >= reach}
        for b, term, w in bounds[k:]:
            left -= b
            alive = {key: s2 for key, s in alive.items()
                     if (s2 := s + w * self.vectors[key].get(term, 0.0)) + left >= reach}
            if not alive:
                break
        return [(doc_id, i, s) for (doc_id, i), s in alive.items() if s >= MATCH_THRESHOLD]


def _known_of(d: Document, timexes: list[Timex], ps: list[_Passage]) -> list[_Known]:
    ivs = _day_intervals(timexes)
    return [_Known(d.id, p.sentence, ivs[p.timex_index], p.vector)
            for p in ps if p.timex_index < len(ivs) and ivs[p.timex_index] is not None]


def _candidates(raw_days: list[Interval], matched: list[_Known]) -> list[date]:
    """Days within a week after the article's own dates and the dates of matching passages."""
    seeds = {iv.start.date() for iv in raw_days} | {k.interval.start.date() for k in matched}
    days = sorted({s + timedelta(days=k) for s in seeds for k in range(CANDIDATE_WINDOW_DAYS)
                   if (date.max - s).days >= k})  # none after 9999-12-31
    if len(days) > MAX_CANDIDATES:  # a corpus spread over years: try the days nearest its middle
        mid = days[len(days) // 2]
        days = sorted(sorted(days, key=lambda x: abs((x - mid).days))[:MAX_CANDIDATES])
    return days


@dataclass
class _Best:
    """The best candidate publication date of a document, with why: the passages that agree
    with a dated article's (index of the time expression, the known passage, the similarity)
    and how many passages it puts on the wrong side of the date."""

    dct: date
    score: float
    agreeing: list[tuple[int, _Known, float]]
    violations: int

    def explanation(self, timexes: list[Timex], names: dict[str, str] | None = None) -> str:
        """The sentence shown to the user, from the document's timexes under this date;
        `names` are the other articles as a reporter names them (text/phrasing.source_name)."""
        if self.agreeing:
            i, k, s = max(self.agreeing, key=lambda a: a[2])
            t = timexes[i]
            name = (names or {}).get(k.doc_id, "another article")
            why = (f"date taken from the other articles: “{' '.join(t.text.split())}” here is "
                   f"{day_words(k.interval.start.date())}, the day {name} gives for the same "
                   f"event; {len(self.agreeing)} passage"
                   f"{'s agree' if len(self.agreeing) != 1 else ' agrees'}")
        else:
            why = "date taken from the article's own dates: the latest day it reports"
        if self.violations:
            why += f" ({self.violations} passage{'s' if self.violations != 1 else ''} disagree)"
        return why


def _best_candidate(d: Document, ps: list[_Passage],
                    matches: dict[int, list[tuple[float, _Known]]], tag: Tagger,
                    raw: list[Timex], cancel: Cancellation = NEVER,
                    days_under: dict[date, list[Interval | None]] | None = None) -> _Best | None:
    """The best candidate date, or None without evidence. `matches` are the known passages
    each of the document's passages (by time expression) could be telling; `days_under` keeps
    the document's day intervals under each candidate tried (the same in every wave)."""
    days_under = {} if days_under is None else days_under
    raw_days = [iv for iv in _day_intervals(raw) if iv is not None]
    if not raw_days and not any(matches.values()):
        return None
    by_index = {p.timex_index: p for p in ps}
    best = None
    for c in _candidates(raw_days, [k for m in matches.values() for _, k in m]):
        cancel.check()
        ivs = days_under.get(c)
        if ivs is None:
            ivs = days_under[c] = _day_intervals(tag(d.text, c))
        agree, violations, agreeing = 0.0, 0, []
        days = []
        for i, iv in enumerate(ivs):
            if iv is None or i not in by_index:
                continue
            days.append(iv.start.date())
            p = by_index[i]
            if p.tense == "past" and iv.start.date() > c:
                violations += 1
            if p.tense == "future" and iv.end.date() < c:  # ended before the day before c
                violations += 1
            hits = [(s, k) for s, k in matches.get(i, []) if k.interval.overlaps(iv)]
            if hits:
                s, k = max(hits, key=lambda h: h[0])
                agree += s
                agreeing.append((i, k, s))
        if agree == 0 and not raw_days:
            continue
        spread = ((max(days) - min(days)).days / 7) if days else 0.0
        score = agree - VIOLATION_WEIGHT * violations - SPREAD_WEIGHT * spread
        if best is None or score > best.score + 1e-9:
            best = _Best(c, score, agreeing, violations)
    return best
