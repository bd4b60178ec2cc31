"""Which articles of a pile tell the same story, found before the corpus stages.

An archive holds many stories (an oil spill, a flu pandemic, a bank crisis); dating an undated
article, merging passages into events and finding where sources disagree only ever need the
articles of the same story. Grouping the pile first makes those stages run per story, so their
cost grows with the largest story, not with the archive, and no event is merged across stories.

How, in time near-linear in the articles (never all pairs):
1. Each article becomes a vector over its content words (kerryview.text.similarity: names
   count double), without the words every news story uses (data/story_stopwords.txt) and the
   names of outlets (an outlet's boilerplate must not group its articles): sublinear term
   frequency times a damped idf (idf ** IDF_POWER: the words a story repeats, "oil", "spill",
   say which story it is even when every article has them). Its SIGNATURE_TERMS heaviest
   terms that another article also has are its signature.
2. An inverted index holds, for each term, the POSTING_CAP articles it weighs most in; an
   article's candidate neighbours are the articles its signature terms lead to there, ranked
   by the weight they share, and the best CANDIDATES of them are compared exactly (cosine of
   signatures, lowered when two stated publication dates lie far apart: TIME_WINDOW_DAYS).
3. Single link at LINK_SIMILARITY (high: tight groups); groups smaller than MIN_STORY join the
   group of their most similar article outside them when it is EARLY_ATTACH_SIMILARITY alike
   (in a small pile the first groups are few: a stray's nearest one may be another story's);
   then groups whose centroids are at
   STORY_SIMILARITY or more alike merge (average-like: one article that strays between two
   stories cannot chain them), and the strays are attached again (until none is left whose
   nearest articles joined a story: a stray near strays follows them). A stray less alike
   to a story than linked articles are (STRAY_SIMILARITY) whose own years (its stated date,
   else every year it writes out but a deadline's, "by 2050") lie STRAY_YEARS_APART or more
   from the story's publication years (an undated one's, deadlines included, all that far
   before them: it may announce a later future) is not attached to it: it is a story of its
   own, dated alone (by that story's years, undated 2009 articles beside the 2023 demo were
   dated in 2023).
4. Stories must be clearly apart: of two whose centroids are at APART_SIMILARITY or more
   alike, the smaller is part of the larger (a side of a long story, e.g. the politics of a
   financial crisis; stories of different topics are far below it).
The thresholds were chosen on development data (benchmarks/stories_clustering.py).
Each story is named by its most characteristic NAME_TERMS terms: frequent among its articles,
rare in the others ("BP · oil · spill"). Everything is deterministic: ties go by pile order.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from heapq import nlargest
from typing import Callable, Sequence, TypeVar

from kerryview.model import DECLARED_KINDS, Document
from kerryview.text.similarity import WORD, content_terms, stem
from kerryview.text.wordlists import story_stopwords

SIGNATURE_TERMS = 30
POSTING_CAP = 40
CANDIDATES = 12
LINK_SIMILARITY = 0.4
ATTACH_SIMILARITY = 0.0
EARLY_ATTACH_SIMILARITY = 0.15  # before the groups merge (measured: README_stories_clustering)
MIN_STORY = 3
IDF_POWER = 0.25
STORY_SIMILARITY = 0.3
CENTROID_TERMS = 60
MERGE_ROUNDS = 40
APART_SIMILARITY = 0.15
# a stray less alike to a story than linked articles are joins it only when its own years
# do not lie STRAY_YEARS_APART or more from the story's (measured: README_stories_clustering)
STRAY_SIMILARITY = LINK_SIMILARITY
STRAY_YEARS_APART = 2
TIME_WINDOW_DAYS = 120  # 0: stated publication dates are not used (measured: benchmarks)
NAME_TERMS = 3
LEADING_TERMS = 25
MAX_CHARS = 20_000  # an article's first characters say what story it tells
NAME_SEPARATOR = " · "



@dataclass(frozen=True)
class Story:
    """A group of articles of one story. `id` is stable while its first article (by content)
    stays in it; `name` is for people ("BP · oil · spill"); `terms` its characteristic stems;
    `centroid` its CENTROID_TERMS heaviest signature terms with their weights (a unit vector),
    what an article added later is compared with (assign)."""

    id: str
    name: str
    terms: tuple[str, ...]
    document_ids: tuple[str, ...]
    centroid: tuple[tuple[str, float], ...] = field(default=(), compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.document_ids)


@cache
def _outlet_pattern() -> re.Pattern[str]:
    """The outlet names of kerryview/ingest/data/outlets.tsv as whole words: removed from the
    text, because every article of a folder from one outlet carries its name."""
    from kerryview.ingest.metadata import outlet_names
    names = sorted({n for n, _ in outlet_names()}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


@cache
def _dropped() -> frozenset[str]:
    return frozenset(stem(w) for w in story_stopwords()) | story_stopwords()


def story_terms(text: str) -> Counter[str]:
    """The weighted content terms of an article that can tell its story: no figures, no words
    every story uses, no outlet names."""
    text = _outlet_pattern().sub(" ", text[:MAX_CHARS])
    dropped = _dropped()
    return Counter({t: w for t, w in content_terms(text).items()
                    if not t[:1].isdigit() and t not in dropped and len(t) > 2})


def _stated_date(doc: Document) -> date | None:
    """The publication date an article states (or the user set): never one inferred earlier,
    so the stories do not depend on the last resolution."""
    if doc.dateline is not None:
        return doc.dateline.value
    if doc.dct is not None and doc.dct_source.kind in DECLARED_KINDS:
        return doc.dct
    return None


class _Links:
    """Union-find over article positions; the smaller position is the root (deterministic)."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _vectors(bags: list[Counter[str]]) -> list[dict[str, float]]:
    """Each article's signature: its heaviest SIGNATURE_TERMS terms (sublinear tf times idf)
    among those another article has too, as a unit vector."""
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(bags)
    out = []
    for bag in bags:
        weights = {t: (1.0 + math.log(max(w, 1.0))) * (1.0 + math.log(n / df[t])) ** IDF_POWER
                   for t, w in bag.items() if df[t] > 1}
        top = nlargest(SIGNATURE_TERMS, sorted(weights), key=weights.__getitem__)
        norm = math.sqrt(sum(weights[t] ** 2 for t in top)) or 1.0
        out.append({t: weights[t] / norm for t in top if weights[t] > 0})
    return out


def _time_factor(a: date | None, b: date | None) -> float:
    if not TIME_WINDOW_DAYS or a is None or b is None:
        return 1.0
    gap = abs((a - b).days)
    return 1.0 if gap <= TIME_WINDOW_DAYS else TIME_WINDOW_DAYS / gap


def _capped_postings(vectors: list[dict[str, float]]) -> dict[str, list[int]]:
    """Each term shared by two or more vectors, with the POSTING_CAP vectors that weigh it
    most: the inverted index candidates are found through (a common term is capped, so the
    lookups stay near-linear)."""
    postings: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for t, w in vec.items():
            postings[t].append((w, i))
    return {t: [i for _, i in sorted(p, key=lambda x: (-x[0], x[1]))[:POSTING_CAP]]
            for t, p in postings.items() if len(p) > 1}


def _neighbours(sigs: list[dict[str, float]], dates: list[date | None],
                check: Callable[[], None]) -> list[list[tuple[float, int]]]:
    """For each article, its best CANDIDATES other articles with their exact similarity,
    found through the capped inverted index (never all pairs)."""
    capped = _capped_postings(sigs)
    out: list[list[tuple[float, int]]] = []
    for i, sig in enumerate(sigs):
        if i % 256 == 0:
            check()
        shared: dict[int, float] = defaultdict(float)
        for t, w in sig.items():
            for j in capped.get(t, ()):
                if j != i:
                    shared[j] += w * sigs[j][t]
        best = nlargest(CANDIDATES, sorted(shared), key=shared.__getitem__)
        scored = []
        for j in best:
            other = sigs[j]
            small, large = (sig, other) if len(sig) <= len(other) else (other, sig)
            sim = sum(w * large.get(t, 0.0) for t, w in small.items())
            scored.append((sim * _time_factor(dates[i], dates[j]), j))
        scored.sort(key=lambda x: (-x[0], x[1]))
        out.append(scored)
    return out


def _linked(n: int, near: list[list[tuple[float, int]]]) -> list[list[int]]:
    """Single link: articles at LINK_SIMILARITY or more are in one group."""
    links = _Links(n)
    for i, scored in enumerate(near):
        for sim, j in scored:
            if sim >= LINK_SIMILARITY:
                links.join(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[links.find(i)].append(i)
    return list(groups.values())


class _Years:
    """The years an article or a group of articles speaks for, to tell a stray from another
    time apart (computed only for the strays that would join a story, and those stories).

    An article's own years: its stated publication date's year, else the years it writes
    out (written_years; read from the pipeline's recognition, `recognized`, when given).
    A story's publication years: the years of its members' stated dates, else of their own
    years; the range they span (wide when unsure: the rule then holds back)."""

    def __init__(self, docs: Sequence[Document], dates: Sequence[date | None],
                 recognized: Callable[[Document], list | None] | None = None) -> None:
        self.docs, self.dates, self.recognized = docs, dates, recognized
        self._own: dict[int, Written] = {}

    def written(self, i: int) -> Written:
        if i not in self._own:
            stated = self.dates[i]
            doc = self.docs[i]
            if stated is not None:
                self._own[i] = Written(frozenset({stated.year}), None)
            elif not _may_write_a_year(doc.text):
                self._own[i] = _NONE_WRITTEN  # (no recognition asked for, not even the pipeline's)
            else:
                self._own[i] = written_years(doc.text, self.recognized(doc) if self.recognized else None)
        return self._own[i]

    def own(self, i: int) -> frozenset[int]:
        return self.written(i).years

    def span(self, group: Sequence[int]) -> tuple[int, int] | None:
        stated = [self.dates[i].year for i in group if self.dates[i] is not None]
        return year_span(stated or [y for i in group[:SPAN_SAMPLE] for y in self.own(i)])

    def contradict(self, stray: Sequence[int], story: Sequence[int]) -> bool:
        own = frozenset(y for i in stray for y in self.own(i))
        written = [self.written(i).every for i in stray]
        every = None if None in written else frozenset(y for w in written for y in w)
        return bool(own) and years_contradict(own, self.span(story), every)  # (no years: no span read)


SPAN_SAMPLE = 20  # an undated story's years: those its first articles write out
_FOUR_DIGITS = re.compile(r"\d{4}")  # no year is written out without them: no tagging


def _may_write_a_year(text: str) -> bool:
    """Whether the first MAX_CHARS of a text have four digits: else it writes out no year, and
    nothing need be tagged to tell."""
    return _FOUR_DIGITS.search(text, 0, MAX_CHARS) is not None


@dataclass(frozen=True)
class Written:
    """The years an undated article writes out as its own time, and every year it writes out,
    deadlines included (None: its years are its stated date's)."""

    years: frozenset[int]
    every: frozenset[int] | None


_NONE_WRITTEN = Written(frozenset(), frozenset())
_WORD_BEFORE = re.compile(r"(\w+)\W*$")


def written_years(text: str, recognized: list | None = None) -> Written:
    """The years a text writes out in its first MAX_CHARS (what the recognizer can tell
    without a publication date; only its lead, 3,000 characters, lost Timeline17 B3 F1 0.893
    -> 0.887 without dates), from its recognition (`recognized`: kerryview.timex.recognize
    of the whole text, as the pipeline makes it) when given, else recognized here. A year
    right after a deadline word ("by 2050", "until 2030": data/deadline_words.json) is not
    the article's own: a goal or a period's end, it says nothing of when it was written."""
    from kerryview.text.wordlists import deadline_words
    from kerryview.timex.narrative import explicit_years
    text = text[:MAX_CHARS]
    if not _may_write_a_year(text):
        return _NONE_WRITTEN
    try:
        if recognized is None:
            from kerryview.timex.recognize import recognize
            recognized = recognize(text)
        own, every = [], []
        deadline = deadline_words()
        for p in recognized:
            if p.start >= MAX_CHARS:
                continue
            for y in explicit_years([p]):
                if y > 0:
                    every.append(y)
                    before = _WORD_BEFORE.search(text, max(0, p.start - 20), p.start)
                    if before is None or before.group(1).lower() not in deadline:
                        own.append(y)
        return Written(frozenset(own), frozenset(every))
    except Exception:  # noqa: BLE001 - a text the recognizer fails on tells no years
        return _NONE_WRITTEN


def year_span(years: Sequence[int]) -> tuple[int, int] | None:
    """The range of a story's publication years (None: no years known)."""
    return (min(years), max(years)) if years else None


def years_contradict(own: frozenset[int], span: tuple[int, int] | None,
                     written: frozenset[int] | None = None) -> bool:
    """Whether an article's own years (all of them) lie STRAY_YEARS_APART or more from a
    story's publication years: an article of another time. No years on a side: no say.
    Of an undated article (`written`: every year it writes out, deadlines included), every
    one must lie that far before the story's: one after them may be a future it announces
    ("net zero by 2050"), and a deadline bounds its time on either side ("halved by 2010",
    "by 2050"), so one in or near the story's years says it may be of them."""
    if not own or span is None:
        return False
    lo, hi = span
    if written is not None:
        return all(y <= lo - STRAY_YEARS_APART for y in written | own)
    return all(y <= lo - STRAY_YEARS_APART or y >= hi + STRAY_YEARS_APART for y in own)


def _attach_small(groups: list[list[int]], near: list[list[tuple[float, int]]],
                  floor: float = ATTACH_SIMILARITY, years: _Years | None = None
                  ) -> list[list[int]]:
    """Each group smaller than MIN_STORY joins the story of its most similar article outside it
    (more than `floor` alike), when there is a story of MIN_STORY or more; with `years`, not
    when it is under STRAY_SIMILARITY alike and its own years contradict the story's."""
    of = {i: k for k, g in enumerate(groups) for i in g}
    big = {k for k, g in enumerate(groups) if len(g) >= MIN_STORY}
    joined: dict[int, int] = {}
    for k, g in enumerate(groups):
        if k in big:
            continue
        best: tuple[float, int] | None = None
        for i in g:
            for sim, j in near[i]:
                if sim > floor and of[j] in big and (best is None or sim > best[0]):
                    best = (sim, of[j])
        if best is not None and not (years is not None and best[0] < STRAY_SIMILARITY
                                     and years.contradict(g, groups[best[1]])):
            joined[k] = best[1]
    out = [list(g) for g in groups]
    for k, target in joined.items():
        out[target].extend(out[k])
        out[k] = []
    return [sorted(g) for g in out if g]


def _centroid(group: list[int], sigs: list[dict[str, float]]) -> dict[str, float]:
    total: dict[str, float] = defaultdict(float)
    for i in group:
        for t, w in sigs[i].items():
            total[t] += w
    top = nlargest(CENTROID_TERMS, sorted(total), key=total.__getitem__)
    norm = math.sqrt(sum(total[t] ** 2 for t in top)) or 1.0
    return {t: total[t] / norm for t in top}


def _merge_groups(groups: list[list[int]], sigs: list[dict[str, float]],
                  check: Callable[[], None]) -> list[list[int]]:
    """Groups whose centroids are at STORY_SIMILARITY or more alike become one, the most alike
    first, in rounds (at most MERGE_ROUNDS: each costs one pass over the groups) until none
    is: a centroid speaks for all of a group's articles, so one
    article that strays between two stories cannot chain them (as single link would)."""
    groups = [sorted(g) for g in groups]
    for _ in range(MERGE_ROUNDS):
        if len(groups) < 2:
            break
        check()
        cents = [_centroid(g, sigs) for g in groups]
        capped = _capped_postings(cents)
        pairs = []
        for k, c in enumerate(cents):
            seen: set[int] = set()
            for t in c:
                seen.update(j for j in capped.get(t, ()) if j > k)
            for j in sorted(seen):
                other = cents[j]
                sim = sum(w * other.get(t, 0.0) for t, w in c.items())
                if sim >= STORY_SIMILARITY:
                    pairs.append((sim, k, j))
        if not pairs:
            break
        pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
        taken: set[int] = set()
        for _, k, j in pairs:  # each group merges once a round: centroids stay true
            if k in taken or j in taken:
                continue
            taken.update((k, j))
            groups[k] = sorted(groups[k] + groups[j])
            groups[j] = []
        groups = [g for g in groups if g]
    return groups


def _absorb_substories(groups: list[list[int]], sigs: list[dict[str, float]]
                       ) -> list[list[int]]:
    """Each group joins the most alike group (by centroid) at least as large as it, when they
    are at APART_SIMILARITY or more alike (the smallest
    first; a group that joins another takes those that joined it along)."""
    groups = sorted((sorted(g) for g in groups), key=lambda g: (len(g), g[0]))
    cents = [_centroid(g, sigs) for g in groups]
    into: dict[int, int] = {}
    for k, g in enumerate(groups):
        best: tuple[float, int] | None = None
        for j in range(len(groups) - 1, k, -1):  # the larger groups (sorted by size)
            if len(g) > len(groups[j]):
                break
            sim = sum(w * cents[j].get(t, 0.0) for t, w in cents[k].items())
            if sim >= APART_SIMILARITY and (best is None or sim > best[0]):
                best = (sim, j)
        if best is not None:
            into[k] = best[1]
    for k in range(len(groups)):  # smallest first: a group joined by others may join one
        if k in into:
            target = into[k]
            while target in into:
                target = into[target]
            groups[target] = groups[target] + groups[k]
            groups[k] = []
    return [sorted(g) for g in groups if g]


def _surface_forms(texts: Sequence[str], stems: set[str]) -> dict[str, str]:
    """The way each stem is most often written in these texts ("BP", "Gulf", "spill")."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        for m in WORD.finditer(text[:MAX_CHARS]):
            raw = m.group().strip("'’-")
            word = raw.lower()
            if word.endswith(("'s", "’s")):
                word, raw = word[:-2], raw[:-2]
            s = stem(word)
            if s in stems:
                seen[s][raw if raw.isupper() or raw[:1].isupper() else word] += 1
    out = {}
    for s, forms in seen.items():
        lower = sum(c for f, c in forms.items() if f.islower())
        best = max(sorted(forms), key=forms.__getitem__)
        # a word written in lower case as often as capitalised is an ordinary word
        out[s] = best.lower() if lower * 2 >= sum(forms.values()) else best
    return out


def _leading(bag: Counter[str]) -> list[str]:
    """An article's LEADING_TERMS most frequent terms (ties by term): what it is about."""
    return nlargest(LEADING_TERMS, sorted(bag), key=bag.__getitem__)


def _name(group: list[int], leading: list[list[str]], df: Counter[str], n: int,
          texts: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """The NAME_TERMS terms most characteristic of a story: among the leading terms of most of
    its articles and of few others (`df` counts leading terms; with one story, simply its most
    common leading terms)."""
    inside: Counter[str] = Counter()
    for i in group:
        inside.update(leading[i])
    size, rest = len(group), n - len(group)
    score = {}
    for t, c in inside.items():
        outside = max(df[t] - c, 0)
        score[t] = (c / size) * (math.log((1 + rest) / (1 + outside)) + 1.0)
    terms = tuple(nlargest(NAME_TERMS, sorted(score), key=score.__getitem__))
    forms = _surface_forms([texts[i] for i in group[:50]], set(terms))
    return NAME_SEPARATOR.join(forms.get(t, t) for t in terms), terms


def _story_id(documents: Sequence[Document]) -> str:
    return story_id(min((d.sha256 or d.id) for d in documents))


def story_id(first: str) -> str:
    """A story's id, from the smallest content hash (or id, without one) of its articles."""
    return "s" + hashlib.sha1(first.encode()).hexdigest()[:10]


def cluster_stories(documents: Sequence[Document], check: Callable[[], None] = lambda: None,
                    recognized: Callable[[Document], list | None] | None = None
                    ) -> list[Story]:
    """The stories of a pile, largest first (ties by the pile order of their first article);
    every article in exactly one. `check` is called now and then (it raises to cancel).
    `recognized` gives an article's recognition as the pipeline has it or makes it (stored,
    or made once for its tagger too; None: none): its years are read from it rather than
    tagged here (written_years)."""
    docs = list(documents)
    if not docs:
        return []
    texts = [d.text for d in docs]
    bags = []
    for k, text in enumerate(texts):
        if k % 64 == 0:
            check()
        bags.append(story_terms(text))
    sigs = _vectors(bags)
    dates = [_stated_date(d) for d in docs]
    near = _neighbours(sigs, dates, check)
    years = _Years(docs, dates, recognized)
    # the strays clearly near a group first (fewer groups to merge); the others wait for the
    # merged stories: a small group then is no stray's nearest story by chance
    groups = _attach_small(_linked(len(docs), near), near, EARLY_ATTACH_SIMILARITY, years)
    groups = _merge_groups(groups, sigs, check)
    for _ in range(MERGE_ROUNDS):  # a stray whose nearest articles were strays themselves
        attached = _attach_small(groups, near, years=years)  # joins the story they joined
        if len(attached) == len(groups):
            break
        groups = attached
    groups = sorted(_absorb_substories(groups, sigs), key=lambda g: (-len(g), g[0]))
    stories = []
    leading = [_leading(bag) for bag in bags]
    leading_df = Counter(t for terms in leading for t in terms)
    for group in groups:
        name, terms = _name(group, leading, leading_df, len(docs), texts)
        members = [docs[i] for i in group]
        stories.append(Story(_story_id(members), name or "(no words)", terms,
                             tuple(d.id for d in members),
                             tuple(sorted(_centroid(group, sigs).items()))))
    return stories


R = TypeVar("R")
Progress = Callable[[int, int, str], None]


def per_story(documents: list[Document], resolve: Callable[[list[Document], Progress | None], list[R]],
              progress: Progress | None = None, found: list[Story] | None = None,
              check: Callable[[], None] = lambda: None,
              given: Sequence[Story] | None = None,
              recognized: Callable[[Document], list | None] | None = None) -> list[R]:
    """`resolve` (the corpus stages) run on each story's articles on its own, results joined;
    with one story, on the whole pile exactly as without stories. The stories (`given`, kept
    as they are, else those cluster_stories finds) are appended to `found`. Progress is
    reported as one run over the pile: each story's steps are counted after those of the
    stories before it. `recognized`: the articles' recognitions (cluster_stories)."""
    stories = partition(documents, given) if given is not None else \
        cluster_stories(documents, check, recognized)
    if found is not None:
        found.extend(stories)
    if len(stories) <= 1:
        return resolve(documents, progress)
    by_id = {d.id: d for d in documents}
    parts = [[by_id[i] for i in s.document_ids] for s in stories]
    total = sum(2 * len(p) + 1 for p in parts)  # the stages' own count of steps
    out: list[R] = []
    offset = 0
    for k, (story, part) in enumerate(zip(stories, parts), 1):
        steps = 2 * len(part) + 1

        def sub(done: int, _total: int, what: str, base: int = offset) -> None:
            if progress:
                progress(min(base + done, total), total,
                         f"Story {k} of {len(stories)} ({story.name}): {what}")
        out.extend(resolve(part, sub if progress else None))
        offset += steps
    return out


def partition(documents: Sequence[Document], given: Sequence[Story]) -> list[Story]:
    """The given stories over these documents, in pile order within each (documents no story
    names make one story more; stories left without documents are dropped)."""
    pos = {d.id: k for k, d in enumerate(documents)}
    out, named = [], set()
    for s in given:
        members = tuple(sorted((i for i in s.document_ids if i in pos and i not in named),
                               key=pos.__getitem__))
        named.update(members)
        if members:
            out.append(Story(s.id, s.name, s.terms, members, s.centroid))
    rest = [d for d in documents if d.id not in named]
    if rest:
        out.append(Story(_story_id(rest), "(not in a story)", (), tuple(d.id for d in rest)))
    return out


def story_of_documents(stories: Sequence[Story]) -> dict[str, str]:
    """document id -> its story's id."""
    return {d: s.id for s in stories for d in s.document_ids}


# an added article's story: its centroid at least as alike as two stories may be (step 4)...
ASSIGN_SIMILARITY = APART_SIMILARITY
ASSIGN_MARGIN = 0.8  # ...and the next story's at most this share of it (else: cluster again)


def article_vector(text: str, known: set[str] | None = None) -> dict[str, float]:
    """An article's signature for comparing it with stored story centroids, from its text
    alone: its heaviest SIGNATURE_TERMS terms by sublinear frequency (the pile's idf is not
    stored; damped as it is, IDF_POWER, it changes the weights little), among `known` (the
    terms of the stored centroids: a term of no centroid adds only to the norm) when given."""
    bag = story_terms(text)
    weights = {t: 1.0 + math.log(max(w, 1.0)) for t, w in bag.items()
               if known is None or t in known}
    top = nlargest(SIGNATURE_TERMS, sorted(weights), key=weights.__getitem__)
    norm = math.sqrt(sum(weights[t] ** 2 for t in top)) or 1.0
    return {t: weights[t] / norm for t in top}


def assign(texts: Sequence[str], stories: Sequence[Story],
           dates: Sequence[date | None] | None = None,
           spans: dict[str, tuple[int, int] | None] | None = None) -> list[str] | None:
    """The ids of the stored stories the articles of an import belong to, as clustering the
    whole pile again would place them: each joins the story whose centroid is most alike.
    One under ASSIGN_SIMILARITY to every story is a stray, and one with another story within
    ASSIGN_MARGIN of the nearest lies between two; either joins the nearest, as strays do
    (step 3), until the next full resolution clusters the pile again. None (cluster it now)
    when an article has no word of any story, or when MIN_STORY or more are strays or
    between stories (together they may be a story of their own). Why not cluster again for
    one article between two: in a 10,000-article archive of 118 stories, small stories sit
    beside the large ones they came from, so one added article in ten lay between two, and
    clustering again cost 89 s instead of about 11 (benchmarks/incremental.py).
    With the articles' stated `dates` and the stories' publication years (`spans`, by id),
    also None when an article under STRAY_SIMILARITY alike to its nearest story is of
    years that contradict that story's: clustering would keep it apart (step 3)."""
    out, unsure = [], 0
    for k, text in enumerate(texts):
        vector = article_vector(text)
        scored = sorted(((sum(w * vector.get(t, 0.0) for t, w in s.centroid), k)
                         for k, s in enumerate(stories)), key=lambda x: (-x[0], x[1]))
        if not scored or scored[0][0] <= 0.0:
            return None
        between = len(scored) > 1 and scored[1][0] > ASSIGN_MARGIN * scored[0][0]
        unsure += between or scored[0][0] < ASSIGN_SIMILARITY
        nearest = stories[scored[0][1]]
        stated = dates[k] if dates is not None else None
        if stated is not None and spans is not None and scored[0][0] < STRAY_SIMILARITY \
                and years_contradict(frozenset({stated.year}), spans.get(nearest.id)):
            return None
        out.append(nearest.id)
    return None if unsure >= MIN_STORY else out


def story_spans(stories: Sequence[Story], dates: dict[str, tuple[str | None, str]]
                ) -> dict[str, tuple[int, int] | None]:
    """Each stored story's publication years (year_span), from its articles' stored dates
    (`dates`: document id -> (ISO date or None, kind), as Store.document_date_kinds gives),
    those they declare (_stated_date: not a wire copy's inferred year, as clustering reads
    them)."""
    stated = {k.value for k in DECLARED_KINDS}
    return {s.id: year_span([int(dct[:4]) for d in s.document_ids
                             if (dct := (got := dates.get(d, (None, "")))[0])
                             and got[1] in stated])
            for s in stories}
