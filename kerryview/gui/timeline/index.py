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
from zlib import crc32
from bisect import bisect_left, bisect_right
from itertools import accumulate
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Callable, Sequence

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


def event_key(ev: Event) -> tuple | None:
    """(start, end, label, id, kind, event) of a dated event as the index sorts and draws it;
    None for an event whose start the calendar cannot place (undated)."""
    s = iso_to_seconds(ev.start)
    if s is None:
        return None
    e = iso_to_seconds(ev.end)
    if e is None or e < s:
        e = s
    kind = event_kind(ev, e - s)
    if kind == BAR and ev.duration:
        dur = duration_seconds(ev.duration)
        if dur:  # an explicit duration ("PT12H") is the bar's length from the start
            e = s + dur
    return (s, e, ev.label or "", ev.id, kind, ev)


def lod_key(clause_only: int, importance: int, n_sources: int, event_id: str) -> int:
    """One number per event that sorts the levels of detail's ranking: (told only in clauses
    dated by publication, -importance, -sources, a hash of its id: ids are in no order of
    time, and the hash moves with the event, not with its row)."""
    return ((clause_only << 96) - (importance << 48) - (min(n_sources, 0xFFFF) << 32)
            + crc32(event_id.encode()))


def is_dated(ev: Event) -> bool:
    """Whether the index places `ev` on the timeline (else it is among its undated events)."""
    return iso_to_seconds(ev.start) is not None


def duration_class(span: float) -> int:
    """The duration class of a span (DurationClass: at most 2**k seconds long)."""
    return 0 if span <= 1 else math.ceil(math.log2(span))


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
            k = event_key(ev)
            if k is None:
                self.undated.append(ev)
            else:
                keyed.append(k)
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
        self._sorted_ends: array | None = None  # built on first use (sorted_ends)
        self._max_end: float | None = None  # the latest end, on first use (extent)
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

    def edited(self, removed: Sequence[Event], added: Sequence[Event],
               undated: Sequence[Event] | None = None) -> TimelineIndex:
        """A new index of these events, `removed` (Event objects held here; others are
        ignored) taken out and `added` put in: row for row what TimelineIndex(the events
        edited) gives, without going over the events that did not change. An edit of one
        event of 100,000 moves the rows between its old and new place and nothing else;
        this index is left as it was (an undo shows it again through the reverse change).
        `undated`: the undated events of the result in their order (an undo puts back the
        list it had), else this index's without the removed ones, then the added undated.
        The levels of detail are worked out again on first use (lod_levels)."""
        out = TimelineIndex.__new__(TimelineIndex)
        events, starts, ends, labels = self.events, self.starts, self.ends, self.labels
        n = len(events)
        gone_set: set[int] = set()
        gone_ids = set()
        for ev in removed:
            r = self.row_of.get(ev.id, -1)
            if not (0 <= r < n and events[r] is ev):
                r = next((i for i, e in enumerate(events) if e is ev), -1)  # (an id twice)
            if r >= 0:
                gone_set.add(r)
                gone_ids.add(ev.id)
        gone = sorted(gone_set)
        keyed, new_undated = [], []
        for ev in added:
            k = event_key(ev)
            if k is None:
                new_undated.append(ev)
            else:
                keyed.append(k)
        keyed.sort(key=_ORDER)
        if undated is None:
            removed_ids = {id(ev) for ev in removed}
            undated = [ev for ev in self.undated if id(ev) not in removed_ids] + new_undated
        out.undated = list(undated)
        # where each added event goes among the old rows: after those whose key is not above
        at = []
        for k in keyed:
            s, e, label, eid = k[0], k[1], k[2], k[3]
            i, hi = bisect_left(starts, s), bisect_right(starts, s)
            while i < hi and (ends[i], labels[i], events[i].id) <= (e, label, eid):
                i += 1
            at.append(i)
        # an old row r kept is row r - (gone before it) + (added before it); the j-th added
        # goes to at[j] - (gone before it) + j
        new_rows = [p - bisect_left(gone, p) + j for j, p in enumerate(at)]
        marks = gone + at
        first = min(marks) if marks else n
        last = max(marks) if marks else n - 1  # (nothing changed: an empty stretch)
        net = len(keyed) - len(gone)
        # sh[r - first]: how far an old row r in [first, last] moves (constant between the
        # rows taken out and the places put in: filled by stretches, not row by row)
        sh = array("l", [0]) * (last - first + 1)
        cuts = sorted({first, last + 1} | {g + 1 for g in gone} | set(at))
        for a, b in zip(cuts, cuts[1:]):
            if first <= a <= last:
                sh[a - first:b - first] = array("l", [bisect_right(at, a) - bisect_left(gone, a)]) \
                    * (min(b, last + 1) - a)

        def spliced(seq, values, copy=None):
            seq = copy(seq) if copy is not None else seq[:]
            for r in reversed(gone):
                del seq[r]
            for r, v in zip(new_rows, values):
                seq.insert(r, v)
            return seq

        evs = [k[5] for k in keyed]
        summaries = [ev.summary for ev in evs]
        out.events = spliced(events, evs)
        out.starts = spliced(starts, [k[0] for k in keyed])
        out.ends = spliced(ends, [k[1] for k in keyed])
        out.kinds = bytes(spliced(self.kinds, [k[4] for k in keyed], bytearray))
        out.labels = spliced(labels, [k[2] for k in keyed])
        out.importance = spliced(self.importance, [ev.importance or 0 for ev in evs])
        out.summaries = spliced(self.summaries, summaries)
        out.n_sources = spliced(self.n_sources, [s.n_articles if s.n_passages else 0
                                                 for s in summaries])

        def flags(seq, values, copy=bytearray):
            return spliced(seq, [1 if v else 0 for v in values], copy)

        out.scheduled = bytes(flags(self.scheduled, [ev.status != "happened" and ev.status
                                                     for ev in evs]))
        out.conflicted = bytes(flags(self.conflicted, [ev.conflicts for ev in evs]))
        out.by_publication = bytes(flags(self.by_publication,
                                         [s.n_passages and s.by_publication for s in summaries]))
        clause_added = [1 if s.n_passages and s.clause_only else 0 for s in summaries]
        out.clause_only = bytes(flags(self.clause_only, clause_added))
        out.reviewed = flags(self.reviewed, [ev.reviewed for ev in evs])
        out.dismissed = flags(self.dismissed, [ev.dismissed for ev in evs])
        out._lod, out._lod_rank = None, array("l")
        if self._lod is not None:  # kept up: ranks move for the events edited only
            self._edit_levels(out, gone, gone_set, sh, new_rows, first, last, net,
                              [lod_key(c, ev.importance or 0, k, ev.id) for c, ev, k in
                               zip(clause_added, evs, (s.n_articles if s.n_passages else 0
                                                      for s in summaries))])
        out._sorted_ends = None
        out._max_end = None
        if self._sorted_ends is not None:
            ends_sorted = self._sorted_ends[:]
            for r in gone:
                del ends_sorted[bisect_left(ends_sorted, ends[r])]
            for k in keyed:
                ends_sorted.insert(bisect_right(ends_sorted, k[1]), k[1])
            out._sorted_ends = ends_sorted
        n_new = len(out.events)
        # event ids -> rows: only the rows between the first and the last change move (all
        # those after the first when the count changed)
        row_of = dict(self.row_of)
        for i in gone_ids:
            row_of.pop(i, None)
        hi = n_new if net else min(n_new, last + len(keyed) + 1)
        new_events = out.events
        for i in range(first, hi):
            row_of[new_events[i].id] = i
        out.row_of = row_of
        # the duration classes: their entries below the first change stay, those after the
        # last move by `net`, those between are worked out again
        new_by_class: dict[int, list[tuple[int, float, int]]] = {}
        for j, k in enumerate(keyed):
            c = duration_class(k[1] - k[0])
            new_by_class.setdefault(c, []).append((new_rows[j], k[0], clause_added[j]))
        old_classes = {duration_class(dc.max_span): dc for dc in self.classes}
        classes = []
        for c in sorted(set(old_classes) | set(new_by_class)):
            dc = old_classes.get(c)
            if dc is None:
                dc = DurationClass(max_span=2.0 ** c)
            rows, cstarts, before = dc.rows, dc.starts, dc.clause_before
            j0, j1 = bisect_left(rows, first), bisect_right(rows, last)
            mid_rows = [r + sh[r - first] for r in rows[j0:j1] if r not in gone_set]
            mid_starts = [t for r, t in zip(rows[j0:j1], cstarts[j0:j1]) if r not in gone_set]
            for nr, t, _c in new_by_class.get(c, ()):
                i = bisect_left(mid_rows, nr)
                mid_rows.insert(i, nr)
                mid_starts.insert(i, t)
            nd = DurationClass(max_span=dc.max_span)
            nd.rows = rows[:j0]
            nd.rows.extend(array("l", mid_rows))
            nd.rows.extend(array("l", [r + net for r in rows[j1:]]) if net else rows[j1:])
            if not nd.rows:
                continue
            nd.starts = cstarts[:j0]
            nd.starts.extend(array("d", mid_starts))
            nd.starts.extend(cstarts[j1:])
            nd.clause_before = before[:j0 + 1]
            clause = out.clause_only
            nd.clause_before.extend(accumulate((clause[r] for r in mid_rows),
                                               initial=nd.clause_before[-1]))
            del nd.clause_before[j0 + 1]  # (accumulate's initial, there already)
            total = nd.clause_before[-1]
            delta = total - before[j1]
            tail = before[j1 + 1:]
            nd.clause_before.extend(array("l", [x + delta for x in tail]) if delta else tail)
            classes.append(nd)
        out.classes = classes
        out.max_span = max((dc.max_span for dc in classes), default=0.0)
        return out

    def _edit_levels(self, out: TimelineIndex, gone: list[int], gone_set: set[int],
                     sh: array, new_rows: list[int], first: int, last: int, net: int,
                     keys: list[int]) -> None:
        """The levels of detail of `out` (this index edited: rows `gone` out, new ones in at
        `new_rows` with ranking keys `keys`; an old row r kept in [first, last] moves by
        sh[r - first], after it by `net`), from this index's: what lod_levels of `out`
        gives, without ranking every event again."""

        rank_old = self._lod_rank
        order, okeys = self._lod_order[:], self._lod_keys[:]
        same_count = not net
        top = min(last, len(rank_old) - 1)  # `last` may be n: an event put in after the last row
        if same_count:  # the rows that move are those in [first, last]: in place
            for r in range(first, top + 1):
                if r not in gone_set:
                    order[rank_old[r]] = r + sh[r - first]
        changed = []  # the places in the ranking where an event went out or came in
        for p in sorted((rank_old[r] for r in gone), reverse=True):
            del order[p]
            del okeys[p]
            changed.append(p)
        if not same_count:
            order = [r if r < first else r + net if r > last else r + sh[r - first]
                     for r in order]
        for nr, k in zip(new_rows, keys):
            lo = bisect_left(okeys, k)
            p, hi = lo, bisect_right(okeys, k, lo)
            while p < hi and order[p] < nr:  # equal keys: in row order (a stable sort)
                p += 1
            order.insert(p, nr)
            okeys.insert(p, k)
            changed.append(p)
        n = len(order)
        if same_count:  # ranks change between the first and the last place changed only
            rank = rank_old[:]
            for r in range(first, top + 1):
                if r not in gone_set:
                    rank[r + sh[r - first]] = rank_old[r]
            if changed:
                for p in range(min(changed), min(n, max(changed) + len(changed) + 1)):
                    rank[order[p]] = p
        else:
            rank = array("l", [0]) * n
            for i, r in enumerate(order):
                rank[r] = i
        out._lod_order, out._lod_keys, out._lod_rank = order, okeys, rank
        window = len(gone) + len(new_rows)
        old_levels = self._lod
        starts = out.starts

        def level(size: int) -> tuple[array, array]:
            k = (size // LOD_FIRST).bit_length() - 1
            if k < len(old_levels):
                old_starts, old = old_levels[k]
            else:
                old_starts, old = self.starts, array("l", range(len(self.events)))
            j0, j1 = bisect_left(old, first), bisect_right(old, last)
            rows = old[:j0]
            mid = [r + sh[r - first] for r in old[j0:j1] if r not in gone_set]
            rows.extend(array("l", mid))
            rows.extend(array("l", [r + net for r in old[j1:]]) if net else old[j1:])
            level_starts = old_starts[:j0]
            level_starts.extend(array("d", [starts[r] for r in mid]))
            level_starts.extend(old_starts[j1:])
            # who may have crossed the cut: those within `window` of it, and those put in
            for r in order[max(0, size - window):size + window] + new_rows:
                i = bisect_left(rows, r)
                there = i < len(rows) and rows[i] == r
                if rank[r] < size and not there:
                    rows.insert(i, r)
                    level_starts.insert(i, starts[r])
                elif rank[r] >= size and there:
                    del rows[i]
                    del level_starts[i]
            return level_starts, rows

        out._lod = out._levels(level)

    def lod_levels(self) -> list[tuple[array, array]]:
        """Levels of detail: level k holds the LOD_FIRST * 2**k most important events (the last
        level all of them) as (starts, rows) in row (time) order, so the ones of a window are
        found by bisect. Ranked as pack_lanes places them: events told only in clauses dated by
        publication last, then by importance, then by sources; ties are broken by a hash of the
        event's id, not by time, so that a level cut through a tie takes its events from the
        whole story and not from its first weeks, and an edit changes the ranks of the events
        it edits only (edited keeps the levels up). Worked out once, on first use: by the first
        overview (layout.lod_rows), or ahead in a worker (layout.prepare_overview); an index
        built on the GUI thread (an edit, a story chosen) never pays for it while zoomed in
        (~0.1 s CPU per 100,000 events)."""
        if self._lod is None:
            n = len(self.events)
            clause_only, imp, n_src, events = \
                self.clause_only, self.importance, self.n_sources, self.events
            # (lod_key's number, written out: a call per event was a fifth of the time)
            key = [((c << 96) - (i << 48) - (min(k, 0xFFFF) << 32) + crc32(e.id.encode()))
                   for c, i, k, e in zip(clause_only, imp, n_src, events)]
            order = sorted(range(n), key=key.__getitem__)
            rank = array("l", [0]) * n
            for i, r in enumerate(order):
                rank[r] = i
            self._lod_order, self._lod_keys = order, [key[r] for r in order]
            self._lod_rank = rank
            starts = self.starts

            def level(size: int) -> tuple[array, array]:
                rows = array("l", sorted(order[:size]))
                return array("d", [starts[r] for r in rows]), rows
            self._lod = self._levels(level)
        return self._lod

    def _levels(self, level: Callable[[int], tuple[array, array]]) -> list[tuple[array, array]]:
        """The levels of detail, level k (starts, rows) being level(its size)."""
        n, starts = len(self.events), self.starts
        levels = []
        size = LOD_FIRST
        while size < n:
            levels.append(level(size))
            size *= 2
        levels.append((starts[:], array("l", range(n))))  # the last: all of them
        return levels

    def sorted_ends(self) -> array:
        """Every event's end, sorted (how many end before a time is a bisect); worked out on
        first use, and kept up by an edit (edited)."""
        if self._sorted_ends is None:
            self._sorted_ends = array("d", sorted(self.ends))
        return self._sorted_ends

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
        return self._latest_end() if self.ends else 0.0

    def extent(self) -> tuple[float, float]:
        if not self.starts:
            return 0.0, 0.0
        return self.starts[0], self._latest_end()

    def _latest_end(self) -> float:
        """The latest end, worked out once (a pass over every end: ~3 ms at 100,000 events,
        which a caller asking at every zoom step paid each time)."""
        if self._max_end is None:
            self._max_end = max(self.ends)
        return self._max_end

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
