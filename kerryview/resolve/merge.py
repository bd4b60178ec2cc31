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
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from kerryview.events.similarity import Vectorizer, content_terms, cosine
from kerryview.model import Event, EventMention
from kerryview.timeval import Interval, duration_timedelta, iso, value_interval

MERGE_THRESHOLD = 0.30  # average cosine for two groups with compatible dates
CONFLICT_THRESHOLD = 0.60  # so alike that differing dates are a disagreement between sources
CONFLICT_MAX_DAYS = 3
GRANULARITY_RANK = {"century": 0, "decade": 1, "year": 2, "half-year": 3, "quarter": 3,
                    "season": 3, "month": 4, "week": 5, "day": 6, "part-of-day": 7, "hour": 8,
                    "minute": 9}


@dataclass
class Item:
    """A mention with what merging needs."""

    mention: EventMention
    label: str
    interval: Interval
    vector: dict[str, float]
    doc_dct: str  # ISO date of the mention's document, for choosing the latest knowledge


def _context(m: EventMention) -> str:
    t = m.timex
    rel_start, rel_end = t.start - m.start, t.end - m.start
    return m.text[:max(rel_start, 0)] + " " + m.text[max(rel_end, 0):]


def _compatible(a: Interval, b: Interval) -> bool:
    if a == b:
        return True
    fine_a = GRANULARITY_RANK[a.granularity] >= GRANULARITY_RANK["day"]
    fine_b = GRANULARITY_RANK[b.granularity] >= GRANULARITY_RANK["day"]
    # A day and a time within it, or a date and a part of that same day.
    return fine_a and fine_b and (a.contains(b) or b.contains(a))


def _near_dates(a: Interval, b: Interval) -> bool:
    return (GRANULARITY_RANK[a.granularity] >= GRANULARITY_RANK["day"]
            and GRANULARITY_RANK[b.granularity] >= GRANULARITY_RANK["day"]
            and abs(a.start - b.start) <= timedelta(days=CONFLICT_MAX_DAYS))


def build_items(found: list[tuple[EventMention, str]], dcts: dict[str, str]) -> list[Item]:
    bags = [content_terms(_context(m)) for m, _ in found]
    vec = Vectorizer.fit(bags)
    items = []
    for (m, label), bag in zip(found, bags):
        iv = value_interval(m.timex.value, m.timex.mod)
        if iv is not None:
            items.append(Item(m, label, iv, vec.vector(bag), dcts.get(m.document_id, "")))
    return items


def cluster(items: list[Item]) -> list[list[Item]]:
    """Average-linkage agglomerative clustering, comparing only date-near mentions."""
    n = len(items)
    order = sorted(range(n), key=lambda i: (items[i].interval.start, i))
    sims: dict[tuple[int, int], float] = {}
    # Sweep in time order; compare each mention with those starting within the conflict window
    # or overlapping it.
    for pos, i in enumerate(order):
        a = items[i].interval
        for j in order[pos + 1:]:
            b = items[j].interval
            if b.start - a.start > timedelta(days=CONFLICT_MAX_DAYS) and b.start >= a.end:
                break
            if _compatible(a, b) or _near_dates(a, b):
                s = cosine(items[i].vector, items[j].vector)
                if s > 0:
                    sims[(min(i, j), max(i, j))] = s
    groups: dict[int, list[int]] = {i: [i] for i in range(n)}
    owner = list(range(n))

    def link(g: int, h: int) -> tuple[float, bool]:
        total, pairs, all_compatible = 0.0, 0, True
        for i in groups[g]:
            for j in groups[h]:
                total += sims.get((min(i, j), max(i, j)), 0.0)
                pairs += 1
                if not _compatible(items[i].interval, items[j].interval):
                    all_compatible = False
        return total / max(pairs, 1), all_compatible

    while True:
        best = None
        candidates = {(min(owner[i], owner[j]), max(owner[i], owner[j])) for i, j in sims
                      if owner[i] != owner[j]}
        for g, h in candidates:
            avg, compatible = link(g, h)
            need = MERGE_THRESHOLD if compatible else CONFLICT_THRESHOLD
            if avg >= need and (best is None or avg > best[0]):
                best = (avg, g, h)
        if best is None:
            break
        _, g, h = best
        for i in groups[h]:
            owner[i] = g
        groups[g].extend(groups.pop(h))
    return [[items[i] for i in sorted(g, key=lambda k: (items[k].mention.document_id,
                                                         items[k].mention.start))]
            for g in groups.values()]


def make_event(group: list[Item]) -> Event:
    """An Event from merged mentions: the date most sources give, at its finest granularity."""
    by_day = Counter(_day_key(it.interval) for it in group)
    top = max(by_day.values())
    # Majority date; ties go to the date of the most recently published source.
    chosen_day = max((k for k, c in by_day.items() if c == top),
                     key=lambda k: max(it.doc_dct for it in group if _day_key(it.interval) == k))
    agreeing = [it for it in group if _day_key(it.interval) == chosen_day]
    finest = max(agreeing, key=lambda it: (GRANULARITY_RANK[it.interval.granularity],
                                           -(it.interval.end - it.interval.start).total_seconds()))
    iv = finest.interval
    durations = Counter(it.mention.duration for it in group if it.mention.duration)
    duration = durations.most_common(1)[0][0] if durations else None
    latest = max(group, key=lambda it: (it.doc_dct, it.mention.document_id))
    medoid = max(group, key=lambda it: sum(cosine(it.vector, o.vector) for o in group))
    conflicts = _conflicts(group, chosen_day, durations)
    ident = hashlib.sha1("|".join(sorted(f"{it.mention.document_id}:{it.mention.timex.start}"
                                         for it in group)).encode()).hexdigest()[:12]
    start, end = iv.start, iv.end
    dur = duration_timedelta(duration) if duration else None
    if dur and iv.granularity == "day" and dur < timedelta(days=1):
        pass  # a duration shorter than the day: keep the day, the bar length comes from duration
    elif dur and GRANULARITY_RANK[iv.granularity] >= GRANULARITY_RANK["day"] and dur >= timedelta(days=1):
        end = max(end, start + dur)
    return Event(id=ident, label=medoid.label, value=finest.mention.timex.value,
                 start=iso(start), end=iso(end), granularity=iv.granularity,
                 status=latest.mention.status, duration=duration,
                 mod=finest.mention.timex.mod, mentions=[it.mention for it in group],
                 conflicts=conflicts)


def _day_key(iv: Interval) -> tuple:
    if GRANULARITY_RANK[iv.granularity] >= GRANULARITY_RANK["day"]:
        return ("day", iv.start.date())
    return (iv.granularity, iv.start, iv.end)


def _conflicts(group: list[Item], chosen, durations: Counter) -> list[str]:
    out = []
    other = [it for it in group if _day_key(it.interval) != chosen]
    for it in other:
        t = it.mention.timex
        out.append(f"{it.mention.document_id} dates it {t.value} (“{' '.join(t.text.split())}”)")
    if len(durations) > 1:
        out.append("sources give different durations: " + ", ".join(
            f"{d} ({c} source{'s' if c > 1 else ''})" for d, c in durations.most_common()))
    return out


def merge(found: list[tuple[EventMention, str]], dcts: dict[str, str]) -> list[Event]:
    events = [make_event(g) for g in cluster(build_items(found, dcts))]
    events.sort(key=lambda e: (e.start, e.end, e.label, e.id))
    return events
