"""The timeline's index and frame layout without Qt: ordering, kinds, overlap queries, lanes,
levels of detail, "+n" marks, axis labels. Text widths are made up (a fixed width per character)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from kerryview.gui.timeline import axis as ta
from kerryview.gui.timeline.index import BAR, POINT, RANGE, TimelineIndex
from kerryview.gui.timeline.layout import (BY_PUBLICATION_TAG, BOTTOM_H, LANE_H, LANE_TOP, Box, Frame, LaneLayouts,
                                           badge_text, compute_frame, is_wide, marker_x, n_lanes,
                                           overlay_item, pack_lanes, tag_text)
from kerryview.gui.timeline.view import TimelineView
from kerryview.model import Event, EventMention, Timex

from test_timeline_view import imports_without_qt
from timeline_samples import ev, synthetic

W, H = 1200, 320
ROOT = Path(__file__).resolve().parents[1]


def text_w(text: str) -> float:
    return 7.0 * len(text)


class Timeline:
    """What the widget keeps between frames, without the widget."""

    def __init__(self, events, start: str, end: str, width: int = W, height: int = H) -> None:
        self.index = TimelineIndex(events)
        self.view = TimelineView()
        self.width, self.height = width, height
        self.view.set_range(ta.iso_to_seconds(start), ta.iso_to_seconds(end), width)
        self.lanes = LaneLayouts()
        self.current = -1

    def label_px(self, row: int) -> float:
        return min(text_w(self.index.labels[row]), 260.0) + 40

    def frame(self) -> Frame:
        return compute_frame(self.view, self.width, self.height, self.index, self.current,
                             self.lanes, self.label_px, text_w, text_w)


def test_layout_needs_no_qt():
    done = imports_without_qt("kerryview.gui.timeline.layout")
    assert done.returncode == 0, done.stderr


def test_no_colour_literal_outside_the_theme():
    """Every colour of the timeline and its legend is named in kerryview/gui/theme.py."""
    literal = re.compile(r"""QColor\(\s*["'\d]|#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b""")
    found = [f"{p.name}:{n}: {line.strip()}"
             for p in sorted((ROOT / "kerryview" / "gui" / "timeline").glob("*.py"))
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if literal.search(line)]
    assert not found, found
    assert literal.search((ROOT / "kerryview" / "gui" / "theme.py").read_text(encoding="utf-8"))


# -- the index ----------------------------------------------------------------------------------
def test_same_date_events_keep_a_stable_order():
    evs = [ev(i, "2023-07-18", "2023-07-19") for i in (3, 1, 2)]
    evs[0].label = "b"
    evs[1].label = "a"
    evs[2].label = "a"
    a = [e.id for e in TimelineIndex(evs).events]
    b = [e.id for e in TimelineIndex(list(reversed(evs))).events]
    assert a == b == ["e1", "e2", "e3"]


def test_kinds_points_bars_and_vague_ranges():
    idx = TimelineIndex([ev(0, "2023-07-18", "2023-07-19"),
                         ev(1, "2023-07-17T09:00", "2023-07-17T10:00", "hour", duration="PT3H"),
                         ev(2, "2023-07-01", "2023-08-01", "month"),
                         ev(3, "2023-06-01", "2023-09-01", "season"),
                         ev(4, "2023-07-16", "2023-07-17", duration="PT12H")])
    kinds = {e.id: k for e, k in zip(idx.events, idx.kinds)}
    assert kinds == {"e0": POINT, "e1": BAR, "e2": RANGE, "e3": RANGE, "e4": POINT}
    # three hours from 9 a.m.: a bar of those hours
    r = idx.row_of["e1"]
    assert idx.ends[r] - idx.starts[r] == 3 * 3600


def test_a_duration_without_clock_times_is_not_drawn_at_made_up_hours():
    """"Nearly 12 hours on Monday": Monday, never 00:00-12:00."""
    idx = TimelineIndex([ev(0, "2023-07-17", "2023-07-18", duration="PT12H")])
    assert idx.kinds[0] == POINT
    assert (idx.starts[0], idx.ends[0]) == (ta.iso_to_seconds("2023-07-17"),
                                            ta.iso_to_seconds("2023-07-18"))


def test_overlap_query_finds_long_ranges_from_inside():
    evs = [ev(0, "2000-01-01", "2010-01-01", "decade")] + synthetic(2000)
    idx = TimelineIndex(evs)
    a, b = ta.iso_to_seconds("2005-03-01"), ta.iso_to_seconds("2005-03-02")
    got = set(idx.overlapping(a, b))
    want = {r for r in range(len(idx)) if idx.starts[r] <= b and idx.ends[r] >= a}
    assert got == want and idx.row_of["e0"] in got


# -- lanes --------------------------------------------------------------------------------------
@given(st.lists(st.tuples(st.integers(0, 500), st.integers(0, 80), st.integers(1, 6),
                          st.integers(5, 200)), min_size=1, max_size=60),
       st.integers(1, 6))
@settings(deadline=None)
def test_packed_extents_never_overlap_in_a_lane(specs, n_lanes):
    evs = []
    for i, (start, length, n_src, _) in enumerate(specs):
        e = ev(i, f"2023-01-01T00:{start // 60:02d}:{start % 60:02d}", "")
        e.end = f"2023-01-01T00:{(start + length) // 60:02d}:{(start + length) % 60:02d}"
        e.mentions = [EventMention(document_id=str(k), start=0, end=1, text="x",
                                   timex=Timex(0, 1, "x", "DATE", "x")) for k in range(n_src)]
        evs.append(e)
    idx = TimelineIndex(evs)
    widths = {e.id: w for e, (_, _, _, w) in zip(evs, specs)}
    lay = pack_lanes(idx, list(range(len(idx))), n_lanes, 1.0,
                     lambda r: widths[idx.events[r].id])
    placed = [(lay.lanes[i], lay.ext_start[i], lay.ext_end[i]) for i in range(len(lay.rows))
              if lay.lanes[i] >= 0]
    for i, (la, a0, a1) in enumerate(placed):
        for lb, b0, b1 in placed[i + 1:]:
            assert la != lb or a1 <= b0 or b1 <= a0
    assert len(placed) + len(lay.overflow) == len(idx)
    assert lay.overflow == sorted(lay.overflow)
    assert list(lay.overflow_starts) == [idx.starts[r] for r in lay.overflow]
    assert lay.overflow_set == set(lay.overflow)


@given(st.lists(st.tuples(st.integers(0, 500), st.integers(0, 80), st.integers(1, 6),
                          st.integers(5, 200), st.integers(0, 100)), min_size=1, max_size=80),
       st.integers(1, 6), st.integers(-1, 79))
@settings(deadline=None)
def test_lanes_are_the_same_when_events_without_room_are_left_out_unmeasured(specs, n_lanes,
                                                                            first):
    """With a lower bound of each label's width (label_min: the width if measured, else less),
    pack_lanes gives every event the lane it gives measuring them all, and measures only the
    labels of events that had room for their shortest extent: a crowded window leaves most of
    its events out without measuring them."""
    evs = []
    for i, (start, length, _n, _w, _m) in enumerate(specs):
        e = ev(i, f"2023-01-01T00:{start // 60:02d}:{start % 60:02d}", "")
        e.end = f"2023-01-01T00:{(start + length) // 60:02d}:{(start + length) % 60:02d}"
        evs.append(e)
    idx = TimelineIndex(evs)
    width = {e.id: float(w) for e, (_, _, _, w, _) in zip(evs, specs)}
    least = {e.id: width[e.id] * m / 100 for e, (_, _, _, _, m) in zip(evs, specs)}
    measured: list[int] = []

    def label_px(r: int) -> float:
        measured.append(r)
        return width[idx.events[r].id]
    rows = list(range(len(idx)))
    first = first if first < len(idx) else -1
    want = pack_lanes(idx, rows, n_lanes, 1.0, lambda r: width[idx.events[r].id], first=first)
    got = pack_lanes(idx, rows, n_lanes, 1.0, label_px, first=first,
                     label_min=lambda r: least[idx.events[r].id])
    assert (got.rows, got.lanes, got.overflow) == (want.rows, want.lanes, want.overflow)
    assert list(got.overflow_starts) == list(want.overflow_starts)
    assert list(got.placed_starts) == list(want.placed_starts)
    placed = [(i, r) for i, r in enumerate(got.rows) if got.lanes[i] >= 0]
    assert [(got.ext_start[i], got.ext_end[i]) for i, _r in placed] == \
        [(want.ext_start[i], want.ext_end[i]) for i, _r in placed]
    assert {r for _i, r in placed} <= set(measured) and len(measured) == len(set(measured))


def test_a_crowded_window_measures_few_labels_of_those_it_leaves_out():
    """500 events of one minute in 3 lanes: a handful get lanes; only the labels of events
    that still had room for their badge are measured, not the 500."""
    evs = [ev(i, "2023-01-01T00:00:00", "2023-01-01T00:01:00") for i in range(500)]
    idx = TimelineIndex(evs)
    measured: list[int] = []
    lay = pack_lanes(idx, list(range(500)), 3, 1.0,
                     lambda r: measured.append(r) or 120.0, label_min=lambda r: 30.0)
    assert sum(1 for lane in lay.lanes if lane >= 0) == 3
    assert len(measured) == 3 and len(lay.overflow) == 497


def test_lane_layouts_are_cached_and_the_oldest_dropped():
    idx = TimelineIndex(synthetic(200))
    cache = LaneLayouts(size=2)
    a, b = idx.extent()
    first = cache.get((0, 0, 1, 3, -1), idx, a, b, 1e-5, lambda r: 50.0)
    assert cache.get((0, 0, 1, 3, -1), idx, a, b, 1e-5, lambda r: 1e9) is first
    cache.get((1, 0, 1, 3, -1), idx, a, b, 1e-5, lambda r: 50.0)
    cache.get((2, 0, 1, 3, -1), idx, a, b, 1e-5, lambda r: 50.0)
    assert len(cache) == 2
    assert cache.get((0, 0, 1, 3, -1), idx, a, b, 1e-5, lambda r: 50.0) is not first


def test_lanes_fill_the_height_below_the_axis():
    assert n_lanes(LANE_TOP + BOTTOM_H + 5 * LANE_H + LANE_H - 1) == 5
    assert n_lanes(10) == 1


# -- frames -------------------------------------------------------------------------------------
def test_an_empty_index_still_has_an_axis():
    fr = Timeline([], "2023-07-01", "2023-08-01").frame()
    assert fr.mode == "empty" and not fr.items and fr.unit == "day"
    assert [b.label for b in fr.bands] == ["July 2023", "August 2023"][:len(fr.bands)]


def ranked(n: int, seed: int = 5) -> list[Event]:
    """synthetic(n) with an importance each (kerryview.events.importance): a few headline
    events among many minor ones, as in a real pile."""
    import random
    rnd = random.Random(seed)
    out = synthetic(n)
    for e in out:
        e.importance = int(rnd.paretovariate(1.5) * 10)
    return out


def test_zoomed_out_dense_data_shows_its_most_important_events_and_counts_the_rest():
    tl = Timeline(ranked(20000), "1980-01-01", "2020-01-01")
    fr = tl.frame()
    idx = tl.index
    assert fr.mode == "overview" and fr.items  # labels at every zoom, not columns
    for i, a in enumerate(fr.items):
        for b in fr.items[i + 1:]:
            if a.lane == b.lane:
                assert a.hit.x + a.hit.w <= b.hit.x or b.hit.x + b.hit.w <= a.hit.x
    # the most important event of the view is drawn, and what is drawn outranks what is not
    in_view = [r for r in range(len(idx)) if fr.t0 <= idx.starts[r] < fr.t1]
    drawn = {it.row for it in fr.items}
    assert max(in_view, key=lambda r: idx.importance[r]) in drawn
    hidden = [idx.importance[r] for r in in_view if r not in drawn]
    mean_drawn = sum(idx.importance[r] for r in drawn) / len(drawn)
    assert mean_drawn > 3 * sum(hidden) / len(hidden)
    # every other event is counted once, in the "+n" mark over its day
    for a, b, n, box in fr.overflow:
        shown = sum(1 for it in fr.items if a <= idx.starts[it.row] < b)
        assert n == idx.count_starting(a, b) - shown
        assert box.y == H - BOTTOM_H
    counted = sum(m[2] for m in fr.overflow)
    assert len([r for r in drawn if fr.overflow[0][0] <= idx.starts[r] < fr.overflow[-1][1]]) \
        + counted == idx.count_starting(fr.overflow[0][0], fr.overflow[-1][1])


def test_zooming_into_an_overview_shows_more_events_and_keeps_the_headline_ones():
    tl = Timeline(ranked(20000), "1980-01-01", "2020-01-01")
    idx = tl.index
    wide = tl.frame()
    a, b = ta.iso_to_seconds("1999-01-01"), ta.iso_to_seconds("2001-01-01")
    before = [it.row for it in wide.items if a <= idx.starts[it.row] < b]
    tl.view.set_range(a, b, W)
    narrow = tl.frame()
    assert narrow.mode == "overview"
    after = {it.row for it in narrow.items}
    assert len(after) > 2 * len(before) > 0
    assert set(before) <= after  # what read zoomed out still reads zoomed in


def test_levels_of_detail_rank_events_by_importance_not_by_date():
    from kerryview.gui.timeline.index import LOD_FIRST
    idx = TimelineIndex(ranked(5000))
    levels = idx.lod_levels()
    assert [len(rows) for _s, rows in levels] == [64, 128, 256, 512, 1024, 2048, 4096, 5000]
    for starts, rows in levels:
        assert list(rows) == sorted(rows) and list(starts) == [idx.starts[r] for r in rows]
    top = set(levels[0][1])
    assert min(idx.importance[r] for r in top) >= max(
        idx.importance[r] for r in range(len(idx)) if r not in top)
    assert len(top) == LOD_FIRST
    # a tie cut by a level is not taken from the story's first years only
    flat = TimelineIndex(synthetic(5000))
    years = {ta.to_datetime(flat.starts[r]).year for r in flat.lod_levels()[0][1]}
    assert min(years) < 1990 and max(years) > 2010


def test_an_overview_chooses_among_the_events_going_on_in_view_not_only_those_starting():
    """Seen from noon, a crowded day's events all began before the view: the level of detail
    is chosen among the events meeting the window, the most important of them get the lanes
    and the frame counts them all as in view (it showed nothing: no lane, no mark, no note)."""
    from kerryview.gui.timeline.index import LOD_FIRST
    from kerryview.gui.timeline.layout import lod_rows
    day = [ev(i, "2023-07-18", "2023-07-19", importance=i % 5) for i in range(2000)]
    noon = [ev(2000 + i, "2023-07-18T12:00", "2023-07-18T12:00", "minute") for i in range(50)]
    tl = Timeline(day + noon, "2023-07-18T11:00", "2023-07-18T13:00")
    idx = tl.index
    fr = tl.frame()
    assert fr.mode == "overview" and fr.in_view == 2050
    assert len(fr.items) == n_lanes(H)
    assert all(idx.importance[it.row] == 4 for it in fr.items)
    a, b = ta.iso_to_seconds("2023-07-18T11:00"), ta.iso_to_seconds("2023-07-18T13:00")
    level, rows = lod_rows(idx, a, b, most=300)
    assert rows == sorted(rows) and len(rows) == LOD_FIRST << level == 256
    assert set(rows) <= set(idx.overlapping(a, b))
    rank = idx.lod_rank()
    assert max(rank[r] for r in rows) < min(rank[r] for r in idx.overlapping(a, b)
                                             if r not in set(rows))


def test_the_levels_of_detail_are_worked_out_when_first_needed_or_by_a_worker():
    from kerryview.gui.timeline.layout import DETAIL_MAX, prepare_overview
    small, big = TimelineIndex(synthetic(DETAIL_MAX)), TimelineIndex(synthetic(DETAIL_MAX + 1))
    assert not small.lod_built() and not big.lod_built()
    prepare_overview(small)
    prepare_overview(big)
    assert not small.lod_built() and big.lod_built()  # (no overview of 1,500 events)
    assert sorted(big.lod_rank()) == list(range(len(big)))


def test_zoomed_in_events_get_lanes_and_the_rest_plus_n_marks():
    tl = Timeline(synthetic(3000), "2001-01-01", "2001-10-01")
    fr = tl.frame()
    assert fr.mode == "detail" and fr.items and fr.overflow
    assert {it.lane for it in fr.items} <= set(range(n_lanes(H)))
    for i, a in enumerate(fr.items):
        assert a.hit.y == LANE_TOP + a.lane * LANE_H + 1
        for b in fr.items[i + 1:]:
            if a.lane == b.lane:
                assert a.hit.x + a.hit.w <= b.hit.x or b.hit.x + b.hit.w <= a.hit.x
    drawn = {it.row for it in fr.items}
    in_view = set(tl.index.overlapping(fr.t0, fr.t1))
    assert len(drawn & in_view) + sum(c[2] for c in fr.overflow) >= len(in_view)
    assert all(box.y == H - BOTTOM_H for *_, box in fr.overflow)


def test_lanes_stay_put_while_panning():
    tl = Timeline(synthetic(3000), "2001-01-01", "2001-04-01")
    before = {it.row: it.lane for it in tl.frame().items}
    tl.view.pan_by(40, W)
    after = {it.row: it.lane for it in tl.frame().items}
    common = before.keys() & after.keys()
    assert common and all(before[r] == after[r] for r in common)


def test_selecting_moves_nothing_unless_the_event_was_hidden_in_a_mark():
    tl = Timeline(synthetic(3000), "2001-01-01", "2001-10-01")
    fr = tl.frame()
    layout = {(it.row, it.lane) for it in fr.items}
    tl.current = min(r for r, _ in layout)
    assert {(it.row, it.lane) for it in tl.frame().items} == layout
    hidden = next(r for r in tl.index.overlapping(fr.t0, fr.t1)
                  if r not in {r for r, _ in layout} and fr.t0 < tl.index.starts[r] < fr.t1)
    tl.current = hidden
    assert any(it.row == hidden for it in tl.frame().items)


def test_the_selected_event_gets_a_lane_in_an_overview():
    tl = Timeline(ranked(20000), "2000-01-01", "2002-01-01")
    fr = tl.frame()
    assert fr.mode == "overview"
    drawn = {it.row for it in fr.items}
    row = next(r for r in range(tl.index.first_starting_at_or_after(
        ta.iso_to_seconds("2001-01-01")), len(tl.index)) if r not in drawn)
    assert overlay_item(fr, tl.index, -1, tl.view, W) is None
    tl.current = row
    fr = tl.frame()
    assert any(it.row == row for it in fr.items)  # packed first, so it is drawn
    assert overlay_item(fr, tl.index, row, tl.view, W) is None


def test_context_labels_stay_pinned_at_the_left_edge():
    tl = Timeline([], "2023-07-20", "2023-08-10")
    bands = tl.frame().bands
    assert [b.label for b in bands] == ["July 2023", "August 2023"]
    july, august = bands
    assert july.xa < 0 and july.lx == 8  # July began before the view: its name stays in sight
    assert august.lx == august.xa + 8


def test_a_context_label_is_pushed_out_by_the_next_period():
    tl = Timeline([], "2023-07-31T22:00", "2023-08-02")
    july = tl.frame().bands[0]
    assert july.label == "Monday 31 July 2023"
    assert july.lx < 8
    assert july.lx + july.tw == pytest.approx(july.xb - 8)  # it ends where 1 August begins


def test_day_ticks_are_labelled_in_the_middle_of_their_day():
    tl = Timeline([], "2023-07-10", "2023-08-20")
    fr = tl.frame()
    assert fr.unit == "day" and fr.step == 1
    for a, b in zip(fr.tick_marks, fr.tick_marks[1:]):
        assert a.lx + a.tw / 2 == pytest.approx((a.x + b.x) / 2)
    assert not [m for m in fr.tick_marks if m.x > W]
    # no grid line of its own where a context period (a month) starts
    assert [m.grid for m in fr.tick_marks if m.label == "1"] == [False]


def test_hour_ticks_are_labelled_right_of_their_tick():
    tl = Timeline([], "2023-07-10", "2023-07-13")
    fr = tl.frame()
    assert fr.unit == "hour" and all(m.lx == m.x + 3 for m in fr.tick_marks)


def test_badges_and_tags():
    idx = TimelineIndex([ev(0, "2023-07-18", "2023-07-19", conflicts=["a != b"]),
                         ev(1, "2023-07-19", "2023-07-20", status="expected"),
                         ev(2, "2023-07-20", "2023-07-21")])
    by_id = {e.id: r for r, e in enumerate(idx.events)}
    assert badge_text(idx, by_id["e0"]) == "×0 ≠"
    assert badge_text(idx, by_id["e2"]) == "×0"
    assert [tag_text(idx, by_id[k]) for k in ("e0", "e1", "e2")] == ["", "expected", ""]


def test_an_event_dated_only_by_publication_says_so():
    """Headline news with no time expression of its own carries a tag saying its day is the
    articles' publication day; one passage with a date of its own is enough to drop it."""
    def mention(doc, dated_by):
        return EventMention(doc, 0, 10, "BP caps well", Timex(0, 0, "", "DATE", "2010-07-15"),
                            dated_by=dated_by)

    idx = TimelineIndex([
        ev(0, "2010-07-15", "2010-07-16", mentions=[mention("a", "publication"),
                                                      mention("b", "publication")]),
        ev(1, "2010-07-15", "2010-07-16", mentions=[mention("a", "publication"),
                                                      mention("c", "time expression")]),
        ev(2, "2010-07-15", "2010-07-16", status="scheduled",
           mentions=[mention("d", "publication")])])
    by_id = {e.id: r for r, e in enumerate(idx.events)}
    assert [tag_text(idx, by_id[k]) for k in ("e0", "e1", "e2")] == [
        BY_PUBLICATION_TAG, "", "scheduled"]


def test_a_point_becomes_a_span_once_its_day_is_wide_enough():
    assert not is_wide(POINT, 100, 127) and is_wide(POINT, 100, 128)
    assert is_wide(RANGE, 100, 114)
    assert marker_x(POINT, 100, 110) == 105  # the marker in the middle
    assert marker_x(POINT, -50, 300) == 4  # inside the start, kept on screen


def test_boxes_are_plain_rectangles():
    assert Box(1, 2, 3, 4) == (1, 2, 3, 4)


# -- the header: labels never run together ------------------------------------------------------
def test_day_names_in_the_header_fit_their_day():
    """At 12-hour ticks a day is ~100 px: "Tuesday 18 July 2023Wednesday 19 July 2023" ran
    together; each day gets the longest name that fits it."""
    for step_hours in (1, 3, 6, 12):
        scale = 48 / (step_hours * ta.HOUR)  # the closest zoom of that tick step
        t0 = ta.iso_to_seconds("2023-07-18")
        _u, _s, _ticks, cunit, ctx = ta.axis_ticks(t0, t0 + 3 * ta.DAY, scale)
        assert cunit == "day"
        day_px = ta.DAY * scale
        for _t, label in ctx:
            assert len(label) * ta.CONTEXT_CHAR_PX + ta.CONTEXT_LABEL_ROOM <= day_px or label in (
                "17 Jul", "18 Jul", "19 Jul", "20 Jul", "21 Jul")
    wide = ta.axis_ticks(t0, t0 + ta.DAY / 2, 400 / ta.HOUR)[4]
    assert wide[0][1] == "Tuesday 18 July 2023"


def test_month_ticks_leave_the_year_to_the_row_above():
    """"Dec Jan 2006 Feb": the year is the context row's, never squeezed between months."""
    t0 = ta.iso_to_seconds("2005-10-01")
    unit, step, ticks, cunit, ctx = ta.axis_ticks(t0, t0 + 200 * ta.DAY, 40 / ta.MONTH)
    assert unit == "month" and cunit == "year"
    assert [lab for _t, lab in ticks][:6] == ["Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]
    assert [lab for _t, lab in ctx][:2] == ["2005", "2006"]


def test_events_told_only_in_clauses_never_turn_the_view_into_columns():
    """Clause events dated by publication (kerryview.events.clauses) yield their lane: however
    many there are, a view whose other events fit keeps its labels; the clause events that find
    no free lane are counted in "+n"."""
    from kerryview.gui.timeline.layout import DETAIL_MAX

    t = Timex(0, 0, "", "DATE", "2010-05-26")

    def told(i, dated_by):
        return Event(id=f"e{i}", label=f"event {i}", value="2010-05-26", start="2010-05-26",
                     end="2010-05-27", granularity="day",
                     mentions=[EventMention("a", 0, 1, "x", t, dated_by=dated_by)])

    news = [told(i, "time expression") for i in range(5)]
    clauses = [told(100 + i, "publication") for i in range(DETAIL_MAX + 1)]
    tl = Timeline(news + clauses, "2010-05-20", "2010-06-02")
    assert tl.index.count_overlapping(tl.view.t0, ta.iso_to_seconds("2010-06-02")) > DETAIL_MAX
    fr = tl.frame()
    assert fr.mode == "detail"
    drawn = {tl.index.events[it.row].id for it in fr.items}
    assert {e.id for e in news} <= drawn
    assert fr.overflow  # the clause events with no free lane: "+n"
    crowded = Timeline(news + [told(100 + i, "time expression") for i in range(DETAIL_MAX + 1)],
                       "2010-05-20", "2010-06-02")
    assert crowded.frame().mode == "overview"  # the same number of dated events: a selection


def test_the_matches_of_a_search_get_lanes_first():
    """A search's matches are read on the timeline, not only counted in "+n" marks."""
    tl = Timeline(synthetic(3000), "2001-01-01", "2001-10-01")
    fr = tl.frame()
    assert fr.mode == "detail" and fr.overflow
    drawn = {it.row for it in fr.items}
    hidden = [r for r in tl.index.overlapping(fr.t0, fr.t1) if r not in drawn
              and fr.t0 < tl.index.starts[r] < fr.t1 - 30 * 86400][:8]
    assert len(hidden) == 8
    matched = bytearray(len(tl.index))
    for r in hidden:
        matched[r] = 1
    found = compute_frame(tl.view, tl.width, tl.height, tl.index, -1, tl.lanes, tl.label_px,
                          text_w, text_w, matched=matched, match_gen=1)
    assert set(hidden) <= {it.row for it in found.items}
    assert sum(found.overflow_matched) == 0
    # the search closed: the usual lanes again
    assert {it.row for it in tl.frame().items} == drawn


# -- an edit changes the rows it touches (TimelineIndex.edited) ----------------------------------
INDEX_FIELDS = ("events", "starts", "ends", "kinds", "labels", "row_of", "scheduled", "conflicted",
                "by_publication", "clause_only", "n_sources", "importance", "reviewed",
                "dismissed", "summaries", "undated", "max_span")


def same_index(a: TimelineIndex, b: TimelineIndex) -> None:
    """Every array, map and duration class of `a` is `b`'s, and so are its levels of detail."""
    for name in INDEX_FIELDS:
        x, y = getattr(a, name), getattr(b, name)
        if name in ("events", "undated"):
            assert [id(e) for e in x] == [id(e) for e in y], name
        elif name == "max_span":
            assert x == y
        else:
            assert list(x) == list(y) if not isinstance(x, dict) else x == y, name
    assert [(dc.max_span, list(dc.starts), list(dc.rows), list(dc.clause_before))
            for dc in a.classes] == [(dc.max_span, list(dc.starts), list(dc.rows),
                                      list(dc.clause_before)) for dc in b.classes]
    assert [(list(s), list(r)) for s, r in a.lod_levels()] == \
        [(list(s), list(r)) for s, r in b.lod_levels()]
    assert list(a.lod_rank()) == list(b.lod_rank())
    assert list(a.sorted_ends()) == list(b.sorted_ends())
    assert a.extent() == b.extent() and a.t_max == b.t_max


def _varied(n: int, seed: int) -> list[Event]:
    """Days, hours, months, years and multi-day bars, some scheduled, some told only in
    clauses dated by publication, some undated; a few sharing a day and a label."""
    import random
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        y, m, d = rnd.randint(1990, 1995), rnd.randint(1, 12), rnd.randint(1, 27)
        kind = rnd.choice(["day", "day", "hour", "month", "year", "bar", "undated"])
        if kind == "hour":
            e = ev(i, f"{y}-{m:02d}-{d:02d}T{rnd.randint(0, 22):02d}:00",
                   f"{y}-{m:02d}-{d:02d}T23:00", "hour")
        elif kind == "month":
            e = ev(i, f"{y}-{m:02d}", f"{y}-{m:02d}-28", "month")
        elif kind == "year":
            e = ev(i, f"{y}", f"{y + 1}", "year")
        elif kind == "bar":
            e = ev(i, f"{y}-{m:02d}-{d:02d}", f"{y}-{m:02d}-{d + 1 + rnd.randint(1, 20) % (28 - d):02d}")
        elif kind == "undated":
            e = ev(i, "", "")
        else:
            e = ev(i, f"{y}-{m:02d}-{d:02d}", f"{y}-{m:02d}-{d + 1:02d}")
        e.label = rnd.choice(["talks", "summit", "vote", f"event {i}"])
        e.importance = rnd.randint(0, 5)
        e.status = rnd.choice(["happened", "happened", "scheduled"])
        e.reviewed = rnd.random() < 0.1
        if rnd.random() < 0.2:
            e.mentions = [EventMention(document_id=f"d{rnd.randint(0, 9)}", start=0, end=1,
                                       text="x", timex=Timex(0, 1, "x", "DATE", e.start),
                                       dated_by="publication")]
        out.append(e)
    return out


@settings(deadline=None, max_examples=150)
@given(st.integers(0, 10 ** 6), st.integers(0, 6), st.integers(0, 6))
def test_an_edited_index_is_the_index_of_the_edited_events_and_its_undo_the_one_before(
        seed, n_removed, n_added):
    """Taking some events out and putting new ones in (an edit: renamed, moved, merged, split,
    added, deleted) gives row for row the index built from the edited list, and the reverse
    change gives back the index before, undated events in their order."""
    import random
    from dataclasses import replace
    rnd = random.Random(seed)
    events = _varied(300, seed)
    before = TimelineIndex(events)
    if seed % 3:  # worked out before the edit (kept up by it), or not (worked out after)
        before.lod_levels()
        before.sorted_ends()
        before.extent()  # (the latest end is kept once worked out)
    removed = rnd.sample(events, n_removed)
    added = []
    for i in range(n_added):
        base = rnd.choice(events)
        new = replace(base, id=f"new{i}", label=rnd.choice([base.label, "talks", "zz"]))
        if rnd.random() < 0.5:  # moved
            new.start, new.end = rnd.choice(events).start, rnd.choice(events).end
        added.append(new)
    kept = [e for e in events if all(e is not r for r in removed)]
    after = before.edited(removed, added)
    same_index(after, TimelineIndex(kept + added))
    same_index(after.edited(added, removed, undated=before.undated), before)


def test_an_edit_that_puts_an_event_after_the_last_row_keeps_the_levels_of_detail():
    """Renaming the latest event (same id: it goes back after the last row) or moving one past
    the end, once the levels of detail are worked out, gives the index built from the edited
    list, and undo the one before (review of session 17: an IndexError at the last row)."""
    from dataclasses import replace
    events = _varied(100, 1)
    before = TimelineIndex(events)
    before.lod_levels()
    before.extent()  # worked out before the edit: the one moved past the end is the latest
    last = before.events[-1]
    renamed = replace(last, label="zzzz")
    kept = [e for e in events if e is not last]
    after = before.edited([last], [renamed])
    same_index(after, TimelineIndex(kept + [renamed]))
    same_index(after.edited([renamed], [last], undated=before.undated), before)
    moved = replace(before.events[3], id="later", start="2100-01-01", end="2100-01-02", value="2100-01-01")
    gone = before.events[3]
    later = before.edited([gone], [moved])
    same_index(later, TimelineIndex([e for e in events if e is not gone] + [moved]))

def test_an_edit_of_a_big_index_goes_over_the_rows_that_change_only():
    """Renaming one event of 20,000 reads no event's date and rebuilds no summary but its
    own; the rows before its place are the same objects' rows."""
    events = synthetic(20000)
    index = TimelineIndex(events)
    from dataclasses import replace
    old = index.events[10000]
    new = replace(old, label="renamed")
    calls = []
    import kerryview.gui.timeline.index as module
    real = module.iso_to_seconds
    try:
        module.iso_to_seconds = lambda v: calls.append(v) or real(v)
        after = index.edited([old], [new])
    finally:
        module.iso_to_seconds = real
    assert len(calls) == 2  # its start and end
    assert after.events[after.row_of[new.id]] is new and old not in after.events
    assert index.events[10000] is old  # the index before is left as it was


@settings(deadline=None, max_examples=200)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(1, 30000)), max_size=60),
       st.integers(200, 1400))
def test_overflow_marks_merge_as_they_are_drawn(cells, width):
    """The "+n" marks of a row of cells (some skipped): each mark is the cells from its first
    to its last, counting their events; merged exactly while a mark's text would come within
    MARK_GAP of the one before it (the rule written out plainly here, each mark measured at
    every comparison); marks left apart keep MARK_GAP between them."""
    from kerryview.gui.timeline.layout import (CELL_PX, MARK_GAP, MARK_PAD, mark_left,
                                               mark_text, overflow_marks)

    def small_w(text: str) -> float:
        return 6.5 * len(text)

    row, x = [], 3.0
    for skip, n in cells:
        x += skip * CELL_PX
        row.append((x, x + 1, n, Box(x + 1, 300, CELL_PX - 2, 19)))
        x += CELL_PX

    def extent(n, box):
        w = small_w(mark_text(n)) + MARK_PAD
        left = mark_left(box.x + box.w / 2, w, width)
        return left, left + w
    want: list = []
    for cell in row:
        want.append(cell)
        while len(want) > 1:
            (pa, _, pn, pbox), (_, b, n, box) = want[-2], want[-1]
            if extent(n, box)[0] >= extent(pn, pbox)[1] + MARK_GAP:
                break
            want[-2:] = [(pa, b, pn + n, Box(pbox.x, pbox.y, box.x + box.w - pbox.x, pbox.h))]
    got = overflow_marks(row, width, small_w)
    assert got == want
    assert sum(m[2] for m in got) == sum(c[2] for c in row)
    for (_, _, pn, pbox), (_, _, n, box) in zip(got, got[1:]):
        assert extent(n, box)[0] >= extent(pn, pbox)[1] + MARK_GAP
