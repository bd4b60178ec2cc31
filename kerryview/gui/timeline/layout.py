"""What one frame of the timeline shows and where, without Qt.

Per frame only what is on screen is touched:
  * events meeting the view are found by bisect in TimelineIndex (index.py);
  * in detail mode, the events of a window aligned to a grid of chunks are packed into lanes
    (pack_lanes: greedy first-fit on the drawn extent, span + label), cached per (zoom bucket,
    chunk range, lanes) in LaneLayouts, so panning and zooming inside a bucket reuses the
    layout and lanes do not jump;
  * where a window holds more events than can be laid out (DETAIL_MAX), overview mode packs
    only the most important of them (a level of detail: TimelineIndex.lod_levels), so a
    zoomed-out story shows its headline events at their days and more as the view narrows;
  * events that do not get a lane are counted in "+n" marks in the bottom row (two bisects
    per cell of CELL_PX); a click on one zooms into what it holds;
  * the context row's labels stay pinned at the left edge while their period lasts.

Text widths come in as functions (the painter's font metrics), and rectangles are made by a
`rect(x, y, w, h)` function: the widget passes QRectF so that hit-testing can use them as they
are, tests pass `Box`. paint.py draws a Frame; widget.py hit-tests it.
"""
from __future__ import annotations

import math
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from heapq import nlargest
from typing import Any, Callable, NamedTuple, Sequence

from kerryview.gui.timeline import axis as ta
from kerryview.gui.timeline.index import LOD_FIRST, POINT, TimelineIndex
from kerryview.gui.timeline.view import TimelineView

# -- geometry (pixels) --------------------------------------------------------------------------
CONTEXT_H = 24  # the context row: the enclosing day/month/year
TICK_H = 22
AXIS_H = CONTEXT_H + TICK_H
LANE_TOP = AXIS_H + 6
LANE_H = 28
BOTTOM_H = 22  # the row of "+n" marks
MIN_HEIGHT = LANE_TOP + 3 * LANE_H + BOTTOM_H  # three lanes at least
LABEL_MAX = 260.0  # longer labels are elided
CHUNK_PX = 1024.0  # lanes are packed per window of whole chunks (at the bucket's scale)
CELL_PX = 26.0  # a cell of the "+n" marks (merged while their texts would touch)
MARK_PAD = 12.0  # a "+n" mark is as wide as its text and this
MARK_GAP = 3.0  # the least room between two "+n" marks (closer ones are merged)
MARK_MARGIN = 2.0  # a "+n" mark stays this far inside the widget's edges
DETAIL_MAX = 1500  # more events than this around the view: overview (the most important)
# the events an overview packs at most: ten lanes of a window of a few screens hold 250 labels
# at most, and every one is measured and tried in every lane (BP oil spill, Reuters, at
# fit-all: the same 25 labels from 256, 512 or 1,024; packing 512 cost 1-3 ms a zoom step)
OVERVIEW_MAX = 256
LAYOUT_CACHE = 48  # lane layouts kept
WIDE_RANGE_PX = 200.0  # ranges wider than this (a few labels) at the current zoom are packed last

Rect = Any  # whatever the `rect` function makes: QRectF in the widget, Box in tests


class Box(NamedTuple):
    """A rectangle without Qt."""

    x: float
    y: float
    w: float
    h: float


@dataclass
class Item:
    """An event drawn in a lane."""

    row: int
    lane: int
    x0: float
    x1: float
    right: float  # last pixel the label may use
    hit: Rect


class ContextBand(NamedTuple):
    """A period of the context row: its band from xa to xb, its label at lx (tw wide)."""

    i: int
    xa: float
    xb: float
    label: str
    lx: float
    tw: float


class TickMark(NamedTuple):
    """A tick at x (with a grid line unless a context period starts there), its label at lx."""

    x: float
    grid: bool
    label: str
    lx: float
    tw: float


@dataclass
class Frame:
    mode: str  # "empty" | "detail" | "overview" (only the most important events get lanes)
    t0: float
    t1: float
    unit: str = ""
    step: int = 1
    ticks: list = field(default_factory=list)  # (t, label)
    context_unit: str = ""
    context: list = field(default_factory=list)  # (t, label)
    bands: list[ContextBand] = field(default_factory=list)
    tick_marks: list[TickMark] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    overflow: list = field(default_factory=list)  # (t_a, t_b, count, rect)
    overflow_matched: list[int] = field(default_factory=list)  # per overflow mark, while finding
    in_view: int = 0  # events starting in view (an overview's: and going on from before it)


def n_lanes(height: int) -> int:
    return max(1, (height - LANE_TOP - BOTTOM_H) // LANE_H)


def badge_text(index: TimelineIndex, row: int) -> str:
    """The sources badge: '×3', and '×3 ≠' when the sources disagree."""
    n = f"×{index.n_sources[row]}"
    return n + " ≠" if index.conflicted[row] else n


# The tag of an event that only its articles' publication dates (headline news, no time
# expression of its own): the reader should see the day is the publication's, not the text's.
BY_PUBLICATION_TAG = "day of publication"


def tag_text(index: TimelineIndex, row: int) -> str:
    """The status tag of an event that has not (yet) happened, or the tag of one dated only by
    publication; '' for the others."""
    if index.scheduled[row]:
        return index.events[row].status or "scheduled"
    if index.by_publication[row]:
        return BY_PUBLICATION_TAG
    return ""


def is_wide(kind: int, x0: float, x1: float) -> bool:
    """A day-level point becomes a mark spanning its day once the day is wide enough."""
    return x1 - x0 >= (28 if kind == POINT else 14)


def marker_x(kind: int, x0: float, x1: float) -> float:
    """Where a user clicks an event: its marker, or just inside the start of a wide span."""
    return max(x0, 0) + 4 if is_wide(kind, x0, x1) else (x0 + x1) / 2


# -- lanes --------------------------------------------------------------------------------------
@dataclass
class LaneLayout:
    """Lane of every event of a window (-1: did not fit, counted in an overflow mark)."""

    rows: list[int]
    lanes: list[int]
    ext_start: array
    ext_end: array
    overflow: list[int]
    overflow_starts: array  # where the overflow marks go
    overflow_set: frozenset[int]  # fast "is it hidden?"
    placed_set: frozenset[int]  # the rows in a lane
    placed_starts: array  # their starts, sorted


def pack_lanes(index: TimelineIndex, rows: Sequence[int], n_lanes: int, scale: float,
               label_px: Callable[[int], float], lead_px: float = 8.0,
               gap_px: float = 8.0, first: int = -1,
               prefer: Sequence[int] | None = None,
               label_min: Callable[[int], float] | None = None) -> LaneLayout:
    """Greedy first-fit interval packing on each event's drawn extent (its span and its label).

    Events are placed by importance, not only by time: `first` (the selected event), then
    the events flagged in `prefer` (the matches of a search); events told only in clauses
    dated by publication go last, and very wide ranges after events not much wider than the
    screen; among the rest the more important first (Event.importance: what more articles
    report, in their headlines, and recall later), then those with more sources, then time
    order; each goes into the top-most lane where its extent meets nothing
    already placed (an interval set per lane, searched with bisect). So when a dense stretch
    cannot show everything, the story's headline events keep their labels and the rest is
    counted in the "+n" marks. `rows` must be in row (time) order.

    `scale` is pixels per second: use the lowest scale of the zoom bucket so the time extent of a
    label is never smaller than on screen, which keeps labels apart at every zoom in the bucket.

    `label_min(row)`, when given, is at most `label_px(row)` and cheap (a width measured
    already, or the badge's alone): an event with no lane free even for that extent is left
    out without measuring its label (a dense window's first detail frame measured 1,400
    labels, ~20 us each, to leave 1,300 of them out). The lanes are the same either way; the
    extent kept for an event left out (ext_end) is then the smaller one.
    """
    starts, ends, n_src = index.starts, index.ends, index.n_sources
    inv = 1.0 / scale
    # A range far wider than the view's detail (a year while looking at days) is background:
    # it yields to precise events, which would otherwise vanish into "+n" marks.
    wide = WIDE_RANGE_PX * inv
    clause_only, importance = index.clause_only, index.importance
    order = sorted(rows, key=lambda r: (r != first, not prefer[r] if prefer else False,
                                        clause_only[r], ends[r] - starts[r] > wide,
                                        -importance[r], -n_src[r], r))
    lane_starts: list[list[float]] = [[] for _ in range(n_lanes)]
    lane_ends: list[list[float]] = [[] for _ in range(n_lanes)]
    lanes: list[int] = []
    es = array("d")
    ee = array("d")
    overflow: list[int] = []
    for r in order:
        s = starts[r]
        x0 = s - lead_px * inv
        first_lane = 0
        if label_min is not None:
            # the first lane with room for the shortest extent the event can have (a longer
            # label only narrows the room), or none: left out, its label never measured
            least = max(ends[r], s + (label_min(r) + 2 * lead_px + 12) * inv) + gap_px * inv
            for first_lane in range(n_lanes):
                ls, le = lane_starts[first_lane], lane_ends[first_lane]
                i = bisect_right(ls, x0)
                if (i == 0 or le[i - 1] <= x0) and (i == len(ls) or ls[i] >= least):
                    break
            else:
                es.append(x0)
                ee.append(least)
                lanes.append(-1)
                overflow.append(r)
                continue
        x1 = max(ends[r], s + (label_px(r) + 2 * lead_px + 12) * inv) + gap_px * inv
        es.append(x0)
        ee.append(x1)
        for lane in range(first_lane, n_lanes):
            ls, le = lane_starts[lane], lane_ends[lane]
            i = bisect_right(ls, x0)
            if (i == 0 or le[i - 1] <= x0) and (i == len(ls) or ls[i] >= x1):
                ls.insert(i, x0)
                le.insert(i, x1)
                lanes.append(lane)
                break
        else:
            lanes.append(-1)
            overflow.append(r)
    overflow.sort()
    placed = sorted(starts[r] for r, lane in zip(order, lanes) if lane >= 0)
    return LaneLayout(rows=order, lanes=lanes, ext_start=es, ext_end=ee, overflow=overflow,
                      overflow_starts=array("d", (starts[r] for r in overflow)),
                      overflow_set=frozenset(overflow),
                      placed_set=frozenset(r for r, lane in zip(order, lanes) if lane >= 0),
                      placed_starts=array("d", placed))


class LaneLayouts:
    """The lane packings of recent windows, oldest dropped first. Emptied when the index
    changes; label widths never change for a given index, so nothing else invalidates them."""

    def __init__(self, size: int = LAYOUT_CACHE) -> None:
        self.size = size
        self._layouts: dict[tuple, LaneLayout] = {}

    def clear(self) -> None:
        self._layouts.clear()

    def __len__(self) -> int:
        return len(self._layouts)

    def __contains__(self, key: tuple) -> bool:
        return key in self._layouts

    def get(self, key: tuple, index: TimelineIndex, wa: float, wb: float, s_lo: float,
            label_px: Callable[[int], float], rows: Sequence[int] | None = None,
            prefer: Sequence[int] | None = None,
            label_min: Callable[[int], float] | None = None) -> LaneLayout:
        """The lane packing of the events in [wa, wb] (or of `rows`, in row order: a level of
        detail's) at one zoom bucket, the rows flagged in `prefer` first; key is (bucket,
        first chunk, last chunk, lanes, ..., row packed first or -1), and must name the rows
        and the preference when they are given."""
        layout = self._layouts.get(key)
        if layout is None:
            if len(self._layouts) >= self.size:
                self._layouts.pop(next(iter(self._layouts)))
            if rows is None:
                rows = index.overlapping(wa, wb)
            layout = pack_lanes(index, rows, key[3], s_lo, label_px, first=key[-1],
                                prefer=prefer, label_min=label_min)
            self._layouts[key] = layout
        return layout


def lod_rows(index: TimelineIndex, wa: float, wb: float, most: int = OVERVIEW_MAX
             ) -> tuple[int, list[int]]:
    """(level, rows) of the most detailed level of detail (TimelineIndex.lod_levels) with at
    most `most` events meeting [wa, wb]: those starting in it and those begun before it and
    going on in it (2,000 events of one day, seen from its noon: none starts there, and an
    overview of only those starting would be blank); the most important events of a stretch
    too crowded to lay out all of it; rows in row (time) order."""
    levels = index.lod_levels()
    rank = index.lod_rank()
    begun = index.begun_before(wa)
    begun_ranks = sorted(rank[r] for r in begun)
    level = 0
    lo = hi = 0
    for k, (starts, _rows) in enumerate(levels):
        a, b = bisect_left(starts, wa), bisect_right(starts, wb)
        if k and b - a + bisect_left(begun_ranks, LOD_FIRST << k) > most:
            break
        level, lo, hi = k, a, b
    size = LOD_FIRST << level
    return level, [r for r in begun if rank[r] < size] + list(levels[level][1][lo:hi])


def prepare_overview(index: TimelineIndex) -> None:
    """Work out the levels of detail of an index that an overview may show (more events than
    DETAIL_MAX): called by the workers that build one, so its first overview does not on the
    GUI thread."""
    if len(index) > DETAIL_MAX:
        index.lod_levels()


# -- the frame ----------------------------------------------------------------------------------
def compute_frame(view: TimelineView, width: int, height: int, index: TimelineIndex,
                  current: int, lanes: LaneLayouts, label_px: Callable[[int], float],
                  small_w: Callable[[str], float], context_w: Callable[[str], float],
                  rect: Callable[[float, float, float, float], Rect] = Box,
                  matched: Sequence[int] | None = None,
                  match_starts: Sequence[float] | None = None,
                  match_rows: Sequence[int] | None = None, match_gen: int = 0,
                  label_min: Callable[[int], float] | None = None) -> Frame:
    """What to draw for `view` on a `width` x `height` widget. `current` is the selected row
    (-1: none); `label_px(row)` the width of an event's label with its badges, `small_w` and
    `context_w` the widths of tick and context labels. `matched` (a flag per row, while a search
    is active) gives the matches lanes first and counts those hidden in each "+n" mark
    (overflow_matched); `match_starts` are the matches' starts, sorted, `match_rows` their
    rows (the widget keeps them; worked out here when not given), `match_gen` names the
    search in the lane layouts' keys; `label_min` a cheap lower bound of `label_px`
    (pack_lanes).

    A window holding more events than DETAIL_MAX is an overview: the events of its most
    detailed level of detail that holds at most OVERVIEW_MAX (lod_rows) are packed into lanes,
    the most important first, and every other event starting in view is counted in a "+n"
    mark; zooming in reaches finer levels, so more events read as the view narrows."""
    t0, t1 = view.range(width)
    scale = view.scale
    fr = Frame(mode="empty", t0=t0, t1=t1)
    fr.unit, fr.step, fr.ticks, fr.context_unit, fr.context = ta.axis_ticks(t0, t1, scale)
    fr.bands = context_bands(fr.context, view, width, context_w)
    fr.tick_marks = tick_marks(fr, view, width, small_w)
    if not len(index):
        return fr
    bucket = view.bucket()
    s_lo = ta.bucket_low_scale(bucket)
    chunk = CHUNK_PX / s_lo
    c0 = math.floor(t0 / chunk) - 1
    c1 = math.floor(t1 / chunk) + 1
    wa, wb = c0 * chunk, (c1 + 1) * chunk
    n = n_lanes(height)
    fr.in_view = index.count_starting(t0, t1)
    cur = current
    if cur >= 0 and (index.starts[cur] > wb or index.ends[cur] < wa):
        cur = -1
    starts, ends = index.starts, index.ends
    gen = match_gen if matched is not None else 0
    if matched is not None and (match_starts is None or match_rows is None):
        match_rows = array("l", (r for r in range(len(index)) if matched[r]))
        match_starts = array("d", (starts[r] for r in match_rows))
    if index.count_overlapping(wa, wb, news_only=True) > DETAIL_MAX:
        # too many to lay out: the most important ones, the others counted in "+n" marks
        fr.mode = "overview"
        # the events in view: those starting in it and those going on from before it
        begun = index.begun_before(t0)
        fr.in_view += len(begun)
        key = (bucket, c0, c1, n, gen)
        level, rows = lod_rows(index, wa, wb)
        if matched is not None and (key + (level, -1)) not in lanes:
            # and the matches of the search (the most important of them, if many)
            found = match_rows[bisect_left(match_starts, wa):bisect_right(match_starts, wb)]
            if len(found) > OVERVIEW_MAX:
                found = nlargest(OVERVIEW_MAX, found, key=index.importance.__getitem__)
            rows = sorted(set(rows).union(found))
        layout = lanes.get(key + (level, -1), index, wa, wb, s_lo, label_px, rows, matched,
                           label_min)
        if cur >= 0 and cur not in layout.placed_set:
            rows = layout.rows if cur in layout.overflow_set else layout.rows + [cur]
            layout = lanes.get(key + (level, cur), index, wa, wb, s_lo, label_px, sorted(rows),
                               matched, label_min)
    else:
        fr.mode = "detail"
        # The usual packing, so that selecting an event moves nothing; only when the selected
        # event would be left in a "+n" mark is it packed first, so it is always drawn.
        key = (bucket, c0, c1, n, gen)
        layout = lanes.get(key + (-1,), index, wa, wb, s_lo, label_px, prefer=matched,
                           label_min=label_min)
        if cur >= 0 and cur not in layout.placed_set:
            layout = lanes.get(key + (cur,), index, wa, wb, s_lo, label_px, prefer=matched,
                               label_min=label_min)
    items = fr.items
    for i, r in enumerate(layout.rows):
        lane = layout.lanes[i]
        if lane < 0 or layout.ext_end[i] < t0 or layout.ext_start[i] > t1:
            continue
        x0 = (starts[r] - t0) * scale
        x1 = (ends[r] - t0) * scale
        right = (layout.ext_end[i] - t0) * scale - 8
        top = LANE_TOP + lane * LANE_H
        items.append(Item(r, lane, x0, x1, right,
                          rect(min(x0, x1 - 6) - 6, top + 1, right - x0 + 12, LANE_H - 2)))
    mark_top, mark_h = height - BOTTOM_H, BOTTOM_H - 3
    if fr.mode == "overview":
        # every event starting in view that is not in a lane: of a finer level or no room
        placed = layout.placed_starts
        cells = [(a, b, k - (bisect_left(placed, b) - bisect_left(placed, a)), box)
                 for a, b, k, box in cluster_cells(starts, t0, t1, scale, s_lo, mark_top,
                                                   mark_h)]
        # and those begun before the first cell and going on in view, at its left edge
        cell = CELL_PX / s_lo
        first_cell = math.floor(t0 / cell) * cell
        hidden = [r for r in begun if starts[r] < first_cell and r not in layout.placed_set]
        if hidden:
            a, b, _one, box = cluster_cells(array("d", [t0]), t0, t1, scale, s_lo, mark_top,
                                            mark_h)[0]
            k = 0
            if cells and cells[0][0] == a:
                a, b, k, box = cells.pop(0)
            cells.insert(0, (a, b, k + len(hidden), box))
        fr.overflow = overflow_marks([c for c in cells if c[2] > 0], width, small_w, rect)
        if matched is not None and fr.overflow:
            shown = array("d", sorted(starts[it.row] for it in items if matched[it.row]))
            fr.overflow_matched = [
                (bisect_left(match_starts, b) - bisect_left(match_starts, a))
                - (bisect_left(shown, b) - bisect_left(shown, a))
                for a, b, _n, _rect in fr.overflow]
        _zoom_from(fr, [starts[r] for r in hidden])
    elif layout.overflow:
        # every event left out of the lanes, those begun before the view and going on in it
        # too (a crowded day seen from its noon): counted at the left edge, not dropped
        cell = CELL_PX / s_lo  # (the first cell of cluster_cells counts from its start)
        first_cell = math.floor(t0 / cell) * cell
        over, over_starts = layout.overflow, layout.overflow_starts
        k = bisect_left(over_starts, first_cell)
        begun = []
        if k:
            begun = [r for r in over[:k] if ends[r] > t0]
            over, over_starts = begun + over[k:], \
                array("d", [t0]) * len(begun) + over_starts[k:]
        fr.overflow = overflow_marks(
            cluster_cells(over_starts, t0, t1, scale, s_lo, mark_top, mark_h),
            width, small_w, rect)
        if matched is not None and fr.overflow:
            hits = array("d", (s for r, s in zip(over, over_starts) if matched[r]))
            fr.overflow_matched = [bisect_left(hits, b) - bisect_left(hits, a)
                                   for a, b, _n, _rect in fr.overflow]
        _zoom_from(fr, [starts[r] for r in begun])
    return fr


def _zoom_from(fr: Frame, begun_starts: list[float]) -> None:
    """The first "+n" mark, counting events begun before the view (`begun_starts`: theirs),
    is clicked into from where the last of them begins (a crowded day's midnight), so that
    a start comes into view: its cell alone would show them begun before it again, and the
    first of them may be a year-long range begun long before."""
    if begun_starts and fr.overflow:
        a, b, n, box = fr.overflow[0]
        fr.overflow[0] = (min(a, max(begun_starts)), b, n, box)


def cluster_cells(starts: Sequence[float], t0: float, t1: float, scale: float, s_lo: float,
                  top: float, height: float, rect: Callable[..., Rect] = Box) -> list:
    """(t_a, t_b, count, rect) of each cell of CELL_PX (at the bucket's scale `s_lo`, so cells
    stay put while zooming inside a bucket) holding one of the sorted `starts` in [t0, t1]."""
    out = []
    cell = CELL_PX / s_lo
    i0 = math.floor(t0 / cell)
    i1 = math.floor(t1 / cell)
    lo = bisect_left(starts, i0 * cell)
    for i in range(i0, i1 + 1):
        hi = bisect_left(starts, (i + 1) * cell, lo)
        n = hi - lo
        if n:
            a = i * cell
            xa = (a - t0) * scale
            w = cell * scale
            out.append((a, a + cell, n, rect(xa + 1, top, max(2.0, w - 2), height)))
        lo = hi
    return out


def short_count(n: int) -> str:
    """A count as a mark says it: 999, 1.2k, 12k."""
    if n < 1000:
        return str(n)
    if n < 10000:
        return f"{n / 1000:.1f}k"
    return f"{n // 1000}k"


def overview_notes(shown: int, in_view: int) -> tuple[str, ...]:
    """What an overview says of its lanes (only the most important events are labelled), in
    the words that fit, longest first; () when every event in view is labelled."""
    if in_view <= shown:
        return ()
    if not shown:
        return (f"{in_view:,} events here · zoom in to read them", f"{in_view:,} events here")
    return (f"The {shown:,} most important of {in_view:,} events here · zoom in for more",
            f"The {shown:,} most important of {in_view:,} events",
            f"{shown:,} of {in_view:,} events")


def mark_text(n: int) -> str:
    """The text of a "+n" mark holding `n` events."""
    return f"+{short_count(n)}"


def mark_left(centre: float, w: float, width: float) -> float:
    """The left edge of a "+n" mark `w` wide centred on `centre`, kept inside the widget."""
    return min(max(centre - w / 2, MARK_MARGIN), width - w - MARK_MARGIN)


def overflow_marks(cells: list, width: float, small_w: Callable[[str], float],
                   rect: Callable[..., Rect] = Box) -> list:
    """The "+n" marks of `cells` (cluster_cells, Box rects), a mark merged with the one before
    it while they would touch (each text + MARK_PAD wide, centred on its cells, inside the
    widget): a cell of CELL_PX is narrower than "+12", and the marks read "+12(+19(+37" over
    each other. A merged mark counts the events of its cells and a click zooms into them all."""
    def extent(n: int, box: Box) -> tuple[float, float]:
        w = small_w(mark_text(n)) + MARK_PAD
        left = mark_left(box.x + box.w / 2, w, width)
        return left, left + w

    marks: list = []
    rights: list[float] = []  # each mark's right end, measured once (not at every comparison)
    for a, b, n, box in cells:
        left, right = extent(n, box)
        while marks and left < rights[-1] + MARK_GAP:
            # (a mark grown by a merge may touch the one before it too)
            pa, _, pn, pbox = marks.pop()
            rights.pop()
            a, n, box = pa, pn + n, Box(pbox.x, pbox.y, box.x + box.w - pbox.x, pbox.h)
            left, right = extent(n, box)
        marks.append((a, b, n, box))
        rights.append(right)
    return [(a, b, n, rect(*box)) for a, b, n, box in marks]


def context_bands(context: list, view: TimelineView, width: int,
                  text_w: Callable[[str], float]) -> list[ContextBand]:
    """The context periods meeting the view; each label is pinned to the left edge while its
    period lasts and pushed out by the next one."""
    out = []
    x = view.x
    for i, (t, lab) in enumerate(context):
        xa = x(t)
        xb = x(context[i + 1][0]) if i + 1 < len(context) else width + 10
        if xb < 0 or xa > width:
            continue
        tw = text_w(lab)
        lx = max(xa, 0) + 8
        if lx + tw > xb - 8:
            lx = xb - 8 - tw
        out.append(ContextBand(i, xa, xb, lab, lx, tw))
    return out


def tick_marks(fr: Frame, view: TimelineView, width: int,
               text_w: Callable[[str], float]) -> list[TickMark]:
    """The ticks up to the right edge; a label names the period after its tick, centred in it
    when the ticks are single days, months or years."""
    out = []
    x_of = view.x
    center = fr.step == 1 and fr.unit in ("day", "month", "year")
    ticks = fr.ticks
    ctx_ts = {t for t, _ in fr.context}
    for i, (t, lab) in enumerate(ticks):
        x = x_of(t)
        if x > width:
            break
        tw = text_w(lab)
        if center and i + 1 < len(ticks):
            lx = (x + x_of(ticks[i + 1][0]) - tw) / 2
        else:
            lx = x + 3
        out.append(TickMark(x, t not in ctx_ts, lab, lx, tw))
    return out


def overlay_item(fr: Frame, index: TimelineIndex, current: int, view: TimelineView, width: int,
                 rect: Callable[..., Rect] = Box) -> Item | None:
    """The selected event drawn on top when the frame does not show it in a lane (a "+n" mark
    holds it), so the selection never disappears; None when not needed."""
    r = current
    if r < 0 or fr.mode == "empty" or any(it.row == r for it in fr.items):
        return None
    x0, x1 = view.x(index.starts[r]), view.x(index.ends[r])
    if x1 < 0 or x0 > width:
        return None
    return Item(r, 0, x0, x1, width - 4, rect(0, 0, 0, 0))
