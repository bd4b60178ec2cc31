"""Flat arrays over the events for a timeline of 100,000 events, without Qt.

Events are sorted once by (start, end, label, id) so same-date events keep a stable order; the
row of an event is its position in that order everywhere in the GUI. Start/end are floats in
`array('d')` (see axis.py), so finding what is visible is `bisect`, never a loop over all events.

Events overlapping a time range are found through duration classes: events whose displayed span
is at most 2**k seconds sit in class k, sorted by start, so the ones overlapping [a, b] start in
[a - 2**k, b]. A year-long range is found when the view shows one hour of it, without scanning
every event that starts earlier. Packing the events found into lanes is layout.py's.
"""
from __future__ import annotations

import math
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Sequence

from kerryview.calendar.seconds import DAY, duration_seconds, iso_to_seconds
from kerryview.model import Event, Granularity

POINT, BAR, RANGE = 0, 1, 2
LOD_FIRST = 64  # the events of the first level of detail (then 128, 256, ... all of them)


# Dates that give a clock time: only these can place a duration's hours on the axis.
_CLOCK = frozenset({Granularity.HOUR, Granularity.MINUTE})
_VAGUE = {g: g.is_vague_range for g in Granularity}  # (the property chain, looked up once)
_ORDER = itemgetter(0, 1, 2, 3)  # start, end, label, id: same-date events keep one order


def event_kind(ev: Event, span: float) -> int:
    if _VAGUE[ev.granularity]:  # a month is a soft range, not a point on the 1st
        return RANGE
    if ev.duration and ev.granularity in _CLOCK and duration_seconds(ev.duration):
        # "from 9 a.m., for three hours": a bar of those hours. "Nearly 12 hours on Monday"
        # stays Monday (its hours are words): 00:00-12:00 would be clock times never said.
        return BAR
    if span > DAY * 1.01:
        return BAR
    return POINT


@dataclass
class DurationClass:
    max_span: float
    starts: array = field(default_factory=lambda: array("d"))
    rows: array = field(default_factory=lambda: array("l"))
    # clause_before[i]: how many of the first i are told only in clauses dated by publication
    clause_before: array = field(default_factory=lambda: array("l", [0]))


class TimelineIndex:
    """Sorted events and their float arrays. `rows` are indexes into `events`."""

    def __init__(self, events: Sequence[Event], reuse: TimelineIndex | None = None) -> None:
        """`reuse`: an index over mostly the same Event objects (the timeline before an edit);
        their parsed spans are taken from it instead of parsing 100,000 dates again."""
        keyed = []
        self.undated: list[Event] = []
        known = {id(ev): r for r, ev in enumerate(reuse.events)} if reuse is not None else {}
        for ev in events:
            r = known.get(id(ev)) if known else None
            if r is not None:
                keyed.append((reuse.starts[r], reuse.ends[r], ev.label or "", ev.id,
                              reuse.kinds[r], ev))
                continue
            s = iso_to_seconds(ev.start)
            if s is None:
                self.undated.append(ev)
                continue
            e = iso_to_seconds(ev.end)
            if e is None or e < s:
                e = s
            kind = event_kind(ev, e - s)
            if kind == BAR and ev.duration:
                dur = duration_seconds(ev.duration)
                if dur:  # an explicit duration ("PT12H") is the bar's length from the start
                    e = s + dur
            keyed.append((s, e, ev.label or "", ev.id, kind, ev))
        keyed.sort(key=_ORDER)
        n = len(keyed)
        self.events: list[Event] = [k[5] for k in keyed]
        self.starts = array("d", [k[0] for k in keyed])
        self.ends = array("d", [k[1] for k in keyed])
        self.kinds = bytes([k[4] for k in keyed])
        self.labels: list[str] = [k[2] for k in keyed]
        self.row_of: dict[str, int] = {k[3]: i for i, k in enumerate(keyed)}
        # per event, in one pass over them and their summaries (Event.summary: stored for an
        # event read without its passages; a third of the time to lay out 50,000 events was
        # seven passes): whether it is scheduled, how many articles tell it,
        # whether sources disagree, whether it is dated only by the publication of the
        # articles telling it (an article's headline news with no time expression of its own:
        # drawn with a tag that says so) and whether it is told only in clauses dated by
        # publication (kerryview.events.clauses: they yield their lane to every other event,
        # pack_lanes, so they never crowd out the dated news); and the duration classes
        scheduled, conflicted = bytearray(n), bytearray(n)
        by_publication, clause_only = bytearray(n), bytearray(n)
        self.n_sources = array("l", [0]) * n
        # how newsworthy each event is (kerryview.events.importance): the overview shows the
        # most important first (lod_levels), and lanes are given to them first (pack_lanes)
        self.importance = array("l", [k[5].importance or 0 for k in keyed])
        self._lod: list[tuple[array, array]] | None = None  # built on first use (lod_levels)
        self._lod_rank = array("l")  # per row, its place in the levels' ranking
        # the user's marks, changed in place (set_mark) without rebuilding the index
        self.reviewed, self.dismissed = bytearray(n), bytearray(n)
        # each event's EventSummary, worked out once here: the window's counts read them
        self.summaries: list = [None] * n
        classes: dict[int, DurationClass] = {}
        log2, ceil = math.log2, math.ceil
        for i, k in enumerate(keyed):
            ev = k[5]
            if ev.status != "happened" and ev.status:
                scheduled[i] = 1
            if ev.conflicts:
                conflicted[i] = 1
            if ev.reviewed:
                self.reviewed[i] = 1
            if ev.dismissed:
                self.dismissed[i] = 1
            summary = self.summaries[i] = ev.summary  # stored, for one read without passages
            if summary.n_passages:
                self.n_sources[i] = summary.n_articles
                if summary.by_publication:
                    by_publication[i] = 1
                if summary.clause_only:
                    clause_only[i] = 1
            span = k[1] - k[0]
            c = 0 if span <= 1 else ceil(log2(span))
            dc = classes.get(c)
            if dc is None:
                dc = classes[c] = DurationClass(max_span=2.0 ** c)
            dc.starts.append(k[0])
            dc.rows.append(i)
            dc.clause_before.append(dc.clause_before[-1] + clause_only[i])
        self.scheduled, self.conflicted = bytes(scheduled), bytes(conflicted)
        self.by_publication, self.clause_only = bytes(by_publication), bytes(clause_only)
        self.classes = [classes[c] for c in sorted(classes)]
        self.max_span = max((dc.max_span for dc in self.classes), default=0.0)

    def lod_levels(self) -> list[tuple[array, array]]:
        """Levels of detail: level k holds the LOD_FIRST * 2**k most important events (the last
        level all of them) as (starts, rows) in row (time) order, so the ones of a window are
        found by bisect. Ranked as pack_lanes places them: events told only in clauses dated by
        publication last, then by importance, then by sources; ties are broken by a hash of the
        row, not by time, so that a level cut through a tie takes its events from the whole
        story and not from its first weeks. Worked out once, on first use: by the first
        overview (layout.lod_rows), or ahead in a worker (layout.prepare_overview); an index
        built on the GUI thread (an edit, a story chosen) never pays for it while zoomed in
        (~0.1 s CPU per 100,000 events)."""
        if self._lod is None:
            n = len(self.events)
            clause_only, imp, n_src = self.clause_only, self.importance, self.n_sources
            # one number per row sorts as (clause_only, -importance, -sources, hash of the row)
            # (a multiplicative hash: rows are in time order, their hashes are not)
            key = [((clause_only[r] << 96) - (imp[r] << 48) - (min(n_src[r], 0xFFFF) << 32)
                    + (r * 2654435761 & 0xFFFFFFFF)) for r in range(n)]
            order = sorted(range(n), key=key.__getitem__)
            rank = array("l", [0]) * n
            for i, r in enumerate(order):
                rank[r] = i
            starts = self.starts
            levels = []
            size = LOD_FIRST
            while True:
                rows = array("l", sorted(order[:size]))
                levels.append((array("d", [starts[r] for r in rows]), rows))
                if size >= n:
                    break
                size *= 2
            self._lod, self._lod_rank = levels, rank
        return self._lod

    def lod_rank(self) -> array:
        """Per row, its place in the ranking of lod_levels: row r is in level k when its rank
        is below LOD_FIRST * 2**k (every row is in the last level)."""
        self.lod_levels()
        return self._lod_rank

    def lod_built(self) -> bool:
        """Whether lod_levels is worked out (what may use it if there, without paying for it)."""
        return self._lod is not None

    def set_mark(self, row: int, *, reviewed: bool | None = None, dismissed: bool | None = None) -> None:
        """Change the user's marks of one event (its Event too)."""
        ev = self.events[row]
        if reviewed is not None:
            self.reviewed[row] = int(reviewed)
            ev.reviewed = reviewed
        if dismissed is not None:
            self.dismissed[row] = int(dismissed)
            ev.dismissed = dismissed

    def __len__(self) -> int:
        return len(self.events)

    @property
    def t_min(self) -> float:
        return self.starts[0] if self.starts else 0.0

    @property
    def t_max(self) -> float:
        return max(self.ends[-1], max(self.ends)) if self.ends else 0.0

    def extent(self) -> tuple[float, float]:
        if not self.starts:
            return 0.0, 0.0
        return self.starts[0], max(self.ends)

    # -- range queries -----------------------------------------------------------------------
    def count_overlapping(self, a: float, b: float, news_only: bool = False) -> int:
        """An upper bound (exact up to a factor ~2 for the longest class) of events over [a, b];
        `news_only`: of those not told only in clauses dated by publication (they yield their
        lane to the others, so they never decide whether the view can show labels)."""
        n = 0
        for dc in self.classes:
            lo, hi = bisect_left(dc.starts, a - dc.max_span), bisect_right(dc.starts, b)
            if hi > lo:
                n += hi - lo
                if news_only:
                    n -= dc.clause_before[hi] - dc.clause_before[lo]
        return n

    def overlapping(self, a: float, b: float) -> list[int]:
        """Rows of the events whose span [start, end] meets [a, b], in row (time) order."""
        out: list[int] = []
        ends = self.ends
        for dc in self.classes:
            lo = bisect_left(dc.starts, a - dc.max_span)
            hi = bisect_right(dc.starts, b)
            if hi <= lo:
                continue
            out.extend(r for r in dc.rows[lo:hi] if ends[r] >= a)
        out.sort()
        return out

    def begun_before(self, t: float) -> list[int]:
        """Rows of the events that start before `t` and end after it (going on at `t`: a day
        seen from its noon), in row (time) order."""
        out: list[int] = []
        ends = self.ends
        for dc in self.classes:
            lo = bisect_left(dc.starts, t - dc.max_span)
            hi = bisect_left(dc.starts, t)
            if hi > lo:
                out.extend(r for r in dc.rows[lo:hi] if ends[r] > t)
        out.sort()
        return out

    def count_starting(self, a: float, b: float) -> int:
        return bisect_left(self.starts, b) - bisect_left(self.starts, a)

    def first_starting_at_or_after(self, t: float) -> int:
        return bisect_left(self.starts, t)

    def nearest_row(self, t: float) -> int:
        if not self.starts:
            return -1
        i = bisect_left(self.starts, t)
        if i >= len(self.starts):
            return len(self.starts) - 1
        if i > 0 and t - self.starts[i - 1] < self.starts[i] - t:
            return i - 1
        return i
