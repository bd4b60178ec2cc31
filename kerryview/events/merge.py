"""One event per story event: mentions from all articles that tell the same thing, merged.

Two groups of mentions merge when their dates are compatible (the same interval, or one inside
the other: "July 20" and "the early hours of July 20") and their passages are alike (average
TF-IDF cosine over all pairs, so a cluster does not drift through a chain of weak links). Only
mentions whose dates overlap are ever compared, which keeps this near-linear for large corpora.
When passages are nearly identical but the dates differ by a few days, they are still one event,
and the disagreement is recorded instead of being hidden.
"""
from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from kerryview.cancellation import NEVER, Cancellation
from kerryview.events.mentions import Found
from kerryview.text.similarity import Vectorizer, cosine
from kerryview.text.wordlists import opposite_events
from kerryview.model import Event, EventMention
from kerryview.calendar.intervals import Interval, duration_timedelta, iso, value_interval

MERGE_THRESHOLD = 0.30  # average cosine for two groups with compatible dates
CONFLICT_THRESHOLD = 0.60  # so alike that differing dates are a disagreement between sources
CONFLICT_MAX_DAYS = 3
INFORMATIVE_LABEL_WORDS = 4


@dataclass
class Item:
    """A mention with what merging needs."""

    mention: EventMention
    label: str
    interval: Interval
    vector: dict[str, float]
    doc_dct: str  # ISO date of the mention's document, for choosing the latest knowledge
    approximate: bool = False  # "nearly a year ago": compatible with the neighbouring unit


def _widened(it: "Item") -> Interval:
    """An approximate date ("nearly a year ago" = 2022-07) reaches into its neighbours."""
    iv = it.interval
    if not it.approximate:
        return iv
    span = iv.end - iv.start
    start = iv.start - span if iv.start - datetime.min > span else datetime.min
    end = iv.end + span if datetime.max - iv.end > span else datetime.max
    return Interval(start, end, iv.granularity)  # never past the calendar's ends


def _compatible_items(a: "Item", b: "Item") -> bool:
    """Same date, or one inside the other ("2022" and "August 2022"; "July 20" and its early
    hours); an approximate date also matches its neighbouring unit."""
    x, y = a.interval, b.interval
    if x == y or x.contains(y) or y.contains(x):
        return True
    if a.approximate or b.approximate:
        wx, wy = _widened(a), _widened(b)
        return wx.contains(y) or wy.contains(x)
    return False


def _near_dates(a: Interval, b: Interval) -> bool:
    return (a.granularity.day_or_finer and b.granularity.day_or_finer
            and abs(a.start - b.start) <= timedelta(days=CONFLICT_MAX_DAYS))


def build_items(found: list[Found], dcts: dict[str, str], cancel: Cancellation = NEVER) -> list[Item]:
    vec = Vectorizer.fit([f.context for f in found])
    items = []
    for f in found:
        cancel.check()
        m = f.mention
        iv = f.interval or value_interval(m.timex.value, m.timex.mod)
        if iv is not None:
            items.append(Item(m, f.label, iv, vec.vector(f.context),
                              dcts.get(m.document_id, ""), m.timex.mod == "APPROX"))
    return items


@dataclass
class _Link:
    """What two groups share: summed similarity over compared pairs, how many pairs were
    compared, whether all those dates agree, and whether two of them are different dates in
    one sentence ("will pick up on July 18 where they left off the previous day")."""

    total: float
    compared: int
    compatible: bool
    same_sentence: bool

    def combine(self, other: "_Link") -> "_Link":
        return _Link(self.total + other.total, self.compared + other.compared,
                     self.compatible and other.compatible,
                     self.same_sentence or other.same_sentence)


def _pair_links(items: list[Item], weights: list[int],
                cancel: Cancellation = NEVER) -> dict[tuple[int, int], _Link]:
    """Compare each mention with those whose dates are compatible or near (a sweep in time
    order), so the work grows with the density of dates, not with the corpus squared.
    `weights[i]` counts the identical copies item i stands for."""
    order = sorted(range(len(items)), key=lambda i: (items[i].interval.start, i))
    links: dict[tuple[int, int], _Link] = {}
    for pos, i in enumerate(order):
        cancel.check()
        a = items[i].interval
        for j in order[pos + 1:]:
            b = items[j].interval
            if b.start - a.start > timedelta(days=CONFLICT_MAX_DAYS) and b.start >= a.end:
                break
            compatible = _compatible_items(items[i], items[j])
            if compatible or _near_dates(a, b):
                mi, mj = items[i].mention, items[j].mention
                w = weights[i] * weights[j]
                links[(min(i, j), max(i, j))] = _Link(
                    cosine(items[i].vector, items[j].vector) * w, w, compatible,
                    mi.document_id == mj.document_id and mi.start == mj.start
                    and mi.timex.value != mj.timex.value)
    return links


def cluster(items: list[Item], cancel: Cancellation = NEVER) -> list[list[Item]]:
    """Average-linkage agglomerative clustering over date-near mentions.

    Pairs never compared have dates too far apart: they make a merge a disagreement and count
    zero similarity. Two different dates in one sentence are never one event, and an article
    does not disagree with itself. Uses a heap with lazy invalidation: O(L log L) for L links.
    """
    # Identical passages with the same date (syndicated copies, repeated paragraphs) are one
    # event before anything is compared: the pairwise work then grows with distinct passages.
    copies: dict[tuple, list[int]] = {}
    for i, it in enumerate(items):
        key = (it.interval, it.mention.timex.value, tuple(sorted(it.vector.items())))
        copies.setdefault(key, []).append(i)
    reps = [group[0] for group in copies.values()]
    members: dict[int, list[int]] = {k: list(group) for k, group in enumerate(copies.values())}
    docs: dict[int, set[str]] = {k: {items[i].mention.document_id for i in group}
                                 for k, group in members.items()}
    nbr: dict[int, dict[int, _Link]] = {k: {} for k in members}
    rep_items = [items[r] for r in reps]
    for (i, j), link in _pair_links(rep_items, [len(members[k]) for k in members], cancel).items():
        nbr[i][j] = nbr[j][i] = link
    version = {i: 0 for i in members}

    def score(g: int, h: int, link: _Link) -> float | None:
        pairs = len(members[g]) * len(members[h])
        compatible = link.compatible and link.compared == pairs
        if link.same_sentence or (not compatible and docs[g] & docs[h]):
            return None
        avg = link.total / pairs
        return avg if avg >= (MERGE_THRESHOLD if compatible else CONFLICT_THRESHOLD) else None

    heap: list[tuple[float, int, int, int, int]] = []

    def push(g: int, h: int) -> None:
        s = score(g, h, nbr[g][h])
        if s is not None:
            a, b = min(g, h), max(g, h)
            heapq.heappush(heap, (-s, a, b, version[a], version[b]))

    for g in nbr:
        for h in nbr[g]:
            if g < h:
                push(g, h)
    while heap:
        cancel.check()
        _, g, h, vg, vh = heapq.heappop(heap)
        if g not in members or h not in members or version[g] != vg or version[h] != vh:
            continue
        # Merge h into g.
        members[g].extend(members.pop(h))
        docs[g] |= docs.pop(h)
        hn = nbr.pop(h)
        gn = nbr[g]
        gn.pop(h, None)
        hn.pop(g, None)
        for x in set(gn) | set(hn):
            a, b = gn.get(x), hn.get(x)
            link = a.combine(b) if a and b else (a or b)
            gn[x] = nbr[x][g] = link
            nbr[x].pop(h, None)
        version[g] += 1
        del version[h]
        for x in gn:
            push(g, x)
    return [[items[i] for i in sorted(g, key=lambda k: (items[k].mention.document_id,
                                                         items[k].mention.start))]
            for g in members.values()]


def make_event(group: list[Item]) -> Event:
    """An Event from merged mentions: the date most sources support, at its finest granularity
    (a year and a month inside it agree; only incompatible dates are disagreements)."""
    def support(it: Item) -> int:
        return len({o.mention.document_id for o in group if _compatible_items(it, o)})

    chosen = max(group, key=lambda it: (support(it), it.interval.granularity.rank,
                                        not it.approximate, it.doc_dct))
    iv = chosen.interval
    durations = Counter(it.mention.duration for it in group if it.mention.duration)
    duration = durations.most_common(1)[0][0] if durations else None
    latest = max(group, key=lambda it: (it.doc_dct, it.mention.document_id))
    # The label: the most typical passage's, preferring one that says more than "Kerry said".
    medoid = max(group, key=lambda it: (len(it.label.split()) >= INFORMATIVE_LABEL_WORDS,
                                        sum(cosine(it.vector, o.vector) for o in group)))
    conflicts = _conflicts(group, chosen, durations)
    ident = hashlib.sha1("|".join(sorted(f"{it.mention.document_id}:{it.mention.timex.start}"
                                         for it in group)).encode()).hexdigest()[:12]
    start, end = iv.start, iv.end
    dur = duration_timedelta(duration) if duration else None
    if dur and dur >= timedelta(days=1) and iv.granularity.day_or_finer and dur < datetime.max - start:
        end = max(end, start + dur)  # "a three-day visit" starting that day (none past 9999)
    return Event(id=ident, label=medoid.label, value=chosen.mention.timex.value,
                 start=iso(start), end=iso(end), granularity=iv.granularity,
                 status=latest.mention.status, duration=duration,
                 mod=chosen.mention.timex.mod, mentions=[it.mention for it in group],
                 conflicts=conflicts)


def _conflicts(group: list[Item], chosen: Item, durations: Counter) -> list[str]:
    """Where the sources disagree, dates and durations in words (text/phrasing.py)."""
    from kerryview.text.phrasing import duration_words, value_words

    out = []
    for it in group:
        if not _compatible_items(it, chosen):
            t = it.mention.timex
            c = chosen.mention.timex
            said = f"“{' '.join(t.text.split())}”" if t.text else "by its publication"
            out.append(f"{it.mention.document_id} dates it {value_words(t.value, t.mod)} "
                       f"({said}), not {value_words(c.value, c.mod)}")
    out.extend(_opposite_words(group))
    if len(durations) > 1:
        out.append("sources give different durations: " + ", ".join(
            f"{duration_words(d) or d} ({c} source{'s' if c > 1 else ''})"
            for d, c in durations.most_common()))
    return out


def _trigger(m: EventMention) -> str:
    if m.trigger_start is None or m.trigger_end is None:
        return ""
    return m.text[m.trigger_start - m.start:m.trigger_end - m.start]


def _opposite_words(group: list[Item]) -> list[str]:
    """"003 says 'suspended', 004 says 'resumed'": sources that tell one event with opposite words."""
    pairs = opposite_events()
    out = []
    seen: set[tuple[str, str]] = set()
    for i, a in enumerate(group):
        wa = _trigger(a.mention)
        pa = pairs.get(wa.lower())
        if pa is None:
            continue
        for b in group[i + 1:]:
            if b.mention.document_id == a.mention.document_id:
                continue
            wb = _trigger(b.mention)
            pb = pairs.get(wb.lower())
            if pb is not None and pb[0] == pa[0] and pb[1] != pa[1]:
                key = (a.mention.document_id, b.mention.document_id)
                if key not in seen:
                    seen.add(key)
                    out.append(f"{a.mention.document_id} says “{wa}”, {b.mention.document_id} says “{wb}”")
    return out


def merge(found: list[Found], dcts: dict[str, str], cancel: Cancellation = NEVER) -> list[Event]:
    """Events of all articles' mentions (`cancel` checked throughout: merging a large corpus
    takes long enough that Cancel must answer inside it)."""
    events = []
    for g in cluster(build_items(found, dcts, cancel), cancel):
        cancel.check()
        events.append(make_event(g))
    events.sort(key=lambda e: (e.start, e.end, e.label, e.id))
    return events
