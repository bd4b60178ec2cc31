"""The timeline widget alone: level of detail, what is drawn, offsets. The index and the frame
layout are tested without Qt in tests/test_timeline_layout.py, the view in test_timeline_view.py."""
from __future__ import annotations


from PySide6.QtCore import QRectF
from PySide6.QtGui import QAccessible
from hypothesis import given, settings, strategies as st

from kerryview.gui import theme
from kerryview.gui.timeline import axis as ta
from kerryview.gui.textmap import OffsetMap
from kerryview.gui.timeline.widget import TimelineWidget
from kerryview.gui.timeline.index import TimelineIndex
from kerryview.gui.timeline.layout import overview_notes
from timeline_samples import ev, synthetic


def shown(qtbot, events) -> TimelineWidget:
    """A 1200x320 timeline of `events`, shown."""
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.resize(1200, 320)
    w.show()
    w.setIndex(TimelineIndex(events))
    return w


def crowd(qtbot, view_end: str) -> TimelineWidget:
    """3,000 events over 40 years, viewed from 2001-01-01 to `view_end`."""
    w = shown(qtbot, synthetic(3000))
    w.setView(ta.iso_to_seconds("2001-01-01"), ta.iso_to_seconds(view_end))
    return w


def colours_in(img, rect) -> set[str]:
    """The colours of the pixels of `img` inside `rect`, as '#rrggbb'."""
    r = rect.toAlignedRect().intersected(img.rect())
    return {img.pixelColor(x, y).name() for x in range(r.left(), r.right() + 1)
            for y in range(r.top(), r.bottom() + 1)}


def near(img, rect, colour, tolerance: int) -> int:
    """How many pixels of `img` inside `rect` are within `tolerance` of `colour` (each of r, g,
    b): antialiased text has few pixels of its exact colour."""
    r = rect.toAlignedRect().intersected(img.rect())
    want = (colour.red(), colour.green(), colour.blue())
    n = 0
    for x in range(r.left(), r.right() + 1):
        for y in range(r.top(), r.bottom() + 1):
            c = img.pixelColor(x, y)
            if max(abs(c.red() - want[0]), abs(c.green() - want[1]),
                   abs(c.blue() - want[2])) <= tolerance:
                n += 1
    return n


@given(st.text(alphabet=st.sampled_from(list("ab \n\r😀é𝄞中")), max_size=40))
@settings(deadline=None)
def test_offsets_match_qtextdocument(text):
    from PySide6.QtGui import QTextCursor, QTextDocument
    doc = QTextDocument()
    doc.setPlainText(text)
    m = OffsetMap(text)
    for i in range(len(text) + 1):
        if i and text[i - 1] == "\r" and i < len(text) and text[i] == "\n":
            continue  # between \r and \n of one line break
        cur = QTextCursor(doc)
        cur.setPosition(m.to_qt(i))
        assert cur.position() == m.to_qt(i)
    # the text between two offsets is what the document shows there
    for a in range(len(text) + 1):
        for b in range(a, min(len(text), a + 6) + 1):
            cur = QTextCursor(doc)
            cur.setPosition(m.to_qt(a))
            cur.setPosition(m.to_qt(b), QTextCursor.MoveMode.KeepAnchor)
            want = text[a:b].replace("\r\n", "\u2029").replace("\n", "\u2029").replace("\r", "\u2029")
            if text[a:b].startswith("\n") and a and text[a - 1] == "\r":
                continue
            assert cur.selectedText() == want
            assert m.from_qt(m.to_qt(a)) == a or (a and text[a - 1] == "\r")


def test_dates_before_year_one_do_not_crash(qtbot):
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.resize(800, 300)
    w.setIndex(TimelineIndex([ev(0, "-0500-01-01", "-0499-01-01", "year"),
                              ev(1, "2023-07-18", "2023-07-19"), ev(2, "garbage", "")]))
    assert len(w.index()) == 2 and len(w.index().undated) == 1
    w.fitAll()
    # the timeline begins at year 1; the 2023 event is drawn: its dot, its label beside it
    img = w.grab().toImage()
    row = w.index().row_of["e1"]
    dot = w.markerPos(row)
    assert img.pixelColor(dot.toPoint()).name() == theme.HAPPENED.name()
    label = QRectF(dot.x() + 9, dot.y() - 8, w.fontMetrics().horizontalAdvance("event 1"), 16)
    assert theme.TEXT.name() in colours_in(img, label)


def test_an_event_whose_sources_disagree_says_so_on_its_badge(qtbot):
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.resize(800, 300)
    w.setIndex(TimelineIndex([ev(0, "2023-07-18", "2023-07-19", conflicts=["a says 'suspended', b says 'resumed'"]),
                              ev(1, "2023-07-17", "2023-07-18")]))
    w.fitAll()
    badges = {w.index().events[r].id: w._badge_text(r) for r in range(len(w.index()))}
    assert badges == {"e0": "×0 ≠", "e1": "×0"}
    assert "Sources disagree" in w._tooltip(w.index().row_of["e0"])
    # the user sees it: the badge of e0 is red, the badge of e1 grey
    img = w.grab().toImage()
    e0 = colours_in(img, w.eventRect(w.index().row_of["e0"]))
    e1 = colours_in(img, w.eventRect(w.index().row_of["e1"]))
    assert theme.CONFLICT_BG.name() in e0 and theme.BADGE_BG.name() not in e0
    assert theme.BADGE_BG.name() in e1 and theme.CONFLICT_BG.name() not in e1


def test_dense_data_reads_its_most_important_events_zoomed_out_and_more_zoomed_in(qtbot):
    events = synthetic(20000)
    for i, e in enumerate(events):
        e.importance = 100 if i % 500 == 0 else 1  # 40 headline events among the rest
    w = shown(qtbot, events)
    assert w.mode() == "overview"
    idx = w.index()
    headline = {r for r in range(len(idx)) if idx.importance[r] == 100}
    t0, t1 = w.view()
    in_view = {r for r in headline if t0 <= idx.starts[r] < t1}
    img = w.grab().toImage()
    drawn = dict(w.drawnLabels())
    # the user reads headline events, and hardly anything else, at fit-all
    assert len(in_view & drawn.keys()) >= len(in_view) * 0.6
    assert len(drawn.keys() & headline) > len(drawn) / 2
    assert all(drawn[r] == idx.labels[r] or len(drawn[r]) > 4 for r in drawn)
    # the note over the axis says how many of the events in view are labelled (counted here
    # from the painted labels and the events starting in view or going on in it), in grey text
    n_view = sum(1 for r in range(len(idx)) if idx.starts[r] < t1
                 and (idx.starts[r] >= t0 or idx.ends[r] > t0))
    shown_n = sum(1 for it in w.frame().items if it.x0 <= w.width() and it.row in drawn
                  and (it.x0 >= 0 or it.x1 > 0))
    assert 0 < shown_n < n_view
    assert w.overviewNote() in overview_notes(shown_n, n_view)
    where = w.overviewNoteRect()
    assert where.top() == 0 and where.right() <= w.width()
    assert near(img, where, theme.HINT_FG, 10) > 20  # (36 pixels of "38 of 19,600 events")
    # and it is said to a screen reader, in its longest words
    description = QAccessible.queryAccessibleInterface(w).text(QAccessible.Text.Description)
    assert f"most important of {n_view:,} events here · zoom in for more" in description
    w.setView(ta.iso_to_seconds("2001-03-01"), ta.iso_to_seconds("2001-03-08"))
    assert w.mode() == "detail"
    w.grab()
    assert w.overviewNote() == "" and w.overviewNoteRect().isEmpty()
    items = w.frame().items
    assert items
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if a.lane == b.lane:
                assert not a.hit.intersects(b.hit)
    # overflow marks count what did not fit
    drawn = {it.row for it in items}
    t0, t1 = w.view()
    in_view = {r for r in w.index().overlapping(t0, t1)}
    overflow = sum(c[2] for c in w.frame().overflow)
    assert len(drawn & in_view) + overflow >= len(in_view)


def test_clicking_a_plus_n_mark_zooms_in(qtbot):
    from PySide6.QtCore import Qt
    w = shown(qtbot, synthetic(20000))
    scale = w.scale()
    mark = max(w.frame().overflow, key=lambda c: c[2])
    i = w._mark_at(mark[3].center())
    assert w.markTip(i).startswith(f"{mark[2]:,} more events not labelled, ")  # as "+n" says
    qtbot.mouseClick(w, Qt.MouseButton.LeftButton, pos=mark[3].center().toPoint())
    assert w.scale() > scale * 2


def test_layout_is_stable_while_panning(qtbot):
    w = crowd(qtbot, "2001-04-01")
    before = {it.row: it.lane for it in w.frame().items}
    w.panBy(40)
    after = {it.row: it.lane for it in w.frame().items}
    common = before.keys() & after.keys()
    assert common and all(before[r] == after[r] for r in common)


def test_selecting_an_event_moves_nothing_unless_it_was_hidden_in_a_mark(qtbot):
    w = crowd(qtbot, "2001-10-01")
    fr = w.frame()
    assert fr.mode == "detail" and fr.overflow  # some events wait in "+n" marks
    layout = {(it.row, it.lane) for it in fr.items}
    for row in sorted(r for r, _ in layout)[:20]:
        w.setCurrentEvent(row, ensure_visible=False)
        new = {(it.row, it.lane) for it in w.frame().items}
        assert new == layout, (row, sorted(layout - new)[:4], sorted(new - layout)[:4])
    t0, t1 = w.view()
    hidden = next(r for r in w.index().overlapping(t0, t1)
                  if r not in {r for r, _ in layout} and t0 < w.index().starts[r] < t1)
    w.setCurrentEvent(hidden, ensure_visible=False)
    assert any(it.row == hidden for it in w.frame().items)  # packed first, so it is drawn


def test_many_void_calls_and_emits_do_not_crash_the_interpreter(qtbot):
    """PySide6 6.12.0 on CPython 3.11 drops a reference to None/True per void call or emit;
    kerryview.gui._qtfix pins them (this loop aborts the interpreter without it)."""
    import sys
    from PySide6.QtCore import QRectF
    from kerryview.gui import _qtfix
    w = TimelineWidget()
    qtbot.addWidget(w)
    r = QRectF()
    for _ in range(30000):
        r.setWidth(1.0)
        w.viewChanged.emit()
    assert sys.getrefcount(None) > 0 and sys.getrefcount(True) > 0
    assert _qtfix.PINNED == _qtfix.LEAKS


def test_events_reported_by_more_sources_keep_their_lane_in_a_crowd(qtbot):
    from kerryview.model import EventMention, Timex
    evs = [ev(i, "2023-07-18", "2023-07-19") for i in range(30)]
    star = evs[-1]  # last in time order: plain first-fit would put it in an overflow mark
    star.label = "zz the big one"
    star.mentions = [EventMention(document_id=d, start=0, end=1, text="x",
                                  timex=Timex(0, 1, "x", "DATE", "2023-07-18")) for d in "abcd"]
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.resize(1000, 250)
    w.show()
    w.setIndex(TimelineIndex(evs))
    w.setView(ta.iso_to_seconds("2023-07-10"), ta.iso_to_seconds("2023-07-26"))
    shown = {w.index().events[r].id for r in w.visibleRows()}
    assert star.id in shown
    assert sum(c[2] for c in w.frame().overflow) == 30 - len(shown)


def _mark_extents(w: TimelineWidget) -> list[tuple[float, float]]:
    """Where each "+n" mark is drawn (as FramePainter._paint_overflow places it)."""
    from kerryview.gui.timeline.layout import MARK_PAD, mark_left, mark_text
    out = []
    for _a, _b, n, rect in w.frame().overflow:
        tw = w._labels.small_w(mark_text(n)) + MARK_PAD
        left = mark_left(rect.center().x(), tw, w.width())
        out.append((left, left + tw))
    return out


def test_the_plus_n_marks_never_overlap_and_still_count_every_hidden_event(qtbot):
    """A "+12" is wider than a cluster cell: side by side the marks read "+12(+19(+37" over
    each other. Marks that would touch are one mark counting the events of both, which a click
    zooms into; every event left out of the lanes is still counted once."""
    from PySide6.QtCore import Qt
    for end in ("2001-10-01", "2003-01-01", "2006-01-01"):
        w = crowd(qtbot, end)
        fr = w.frame()
        assert fr.mode == "detail" and len(fr.overflow) > 3, end
        extents = _mark_extents(w)
        for (_l0, r0), (l1, _r1) in zip(extents, extents[1:]):
            assert l1 >= r0 + 2, (end, extents)
        assert all(0 <= left and right <= w.width() for left, right in extents)
        t0, t1 = w.view()
        in_view = set(w.index().overlapping(t0, t1))
        drawn = {it.row for it in fr.items}
        assert len(drawn & in_view) + sum(m[2] for m in fr.overflow) >= len(in_view)
    widest = max(w.frame().overflow, key=lambda m: m[3].width())
    scale = w.scale()
    qtbot.mouseClick(w, Qt.MouseButton.LeftButton, pos=widest[3].center().toPoint())
    assert w.scale() > scale


def test_a_label_squeezed_to_a_few_letters_is_not_drawn(qtbot):
    """A month's range starting before the view pins its label to the left edge, in what is
    left of the room packed for it: "The i…" told nothing (Timeline17 bpoil_guardian at fit
    all). A label is drawn whole, or cut after MIN_ELIDED_CHARS characters at least."""
    from kerryview.gui.timeline.paint import MIN_ELIDED_CHARS
    month = ev(0, "2010-04-01", "2010-05-01", "month")
    month.label = "The oil leak began weeks before the rig exploded, documents show"
    day = ev(1, "2010-06-10", "2010-06-11")
    day.label = "It emerged"
    w = shown(qtbot, [month, day])
    w.setView(ta.iso_to_seconds("2010-05-04"), ta.iso_to_seconds("2010-09-20"))
    w.grab()
    drawn = dict(w.drawnLabels())
    assert drawn.get(1) == "It emerged"  # short, whole: drawn
    for row, text in drawn.items():
        assert text == w.index().labels[row] or len(text.rstrip("…").rstrip()) >= MIN_ELIDED_CHARS, drawn
    assert 0 in w.visibleRows()  # its range is still there to click


def test_a_label_cut_by_the_right_edge_of_the_view_is_still_drawn(qtbot):
    """At the right edge the rest of a label is one pan away: "Deepwater …" stays."""
    day = ev(0, "2010-06-10", "2010-06-11")
    day.label = "Deepwater Horizon engineers capped the well"
    w = shown(qtbot, [day])
    t = ta.iso_to_seconds("2010-06-10")
    w.setView(t - 1100 / 1200 * 30 * 86400, t + 100 / 1200 * 30 * 86400)
    w.grab()
    drawn = dict(w.drawnLabels())
    assert drawn.get(0, "").endswith("…"), drawn


def test_a_cut_label_never_cuts_a_number(qtbot):
    """"BP captured 2,2…" misquotes 2,200, "rises to 150,…" 150,000 and "rises to 1.…" 1.5: a
    number is kept whole or left out, and a label starting with one is not drawn cut in it
    (only its event's mark). Swept over the label's room, 4 px at a time."""
    import re
    labels = ["BP captured 2,200 barrels of oil in a day",
              "Death toll rises to 150,000 across Haiti",
              "Oil output rises to 1.5 million barrels a day",
              "2,200 barrels of oil captured by BP in a day"]
    t = ta.iso_to_seconds("2010-06-10")
    seen: dict[str, set] = {}
    for label in labels:
        day = ev(0, "2010-06-10", "2010-06-11")
        day.label = label
        w = shown(qtbot, [day])
        seen[label] = set()
        for right_px in range(40, 400, 4):
            w.setView(t - (1200 - right_px) / 1200 * 30 * 86400, t + right_px / 1200 * 30 * 86400)
            w.grab()
            text = dict(w.drawnLabels()).get(0, "")
            seen[label].add(text)
            kept = text[:-1].rstrip(" ,.")  # "150,…": the number the user reads is 150
            if text.endswith("…") and kept[-1:].isdigit():
                assert not re.match(r"[,.]?\d", label[len(kept):]), text
    assert {"BP captured…", "BP captured 2,200…"} <= seen[labels[0]], seen[labels[0]]
    assert {"Death toll rises to…", "Death toll rises to 150,000…"} <= seen[labels[1]]
    assert {"Oil output rises to…", "Oil output rises to 1.5…"} <= seen[labels[2]]
    assert "2,200 barrels of oil…" in seen[labels[3]]
    assert all(text == "" or text.startswith("2,200") for text in seen[labels[3]]), seen[labels[3]]


def test_a_cut_label_ends_on_a_whole_word(qtbot):
    """"Procedure when mud is forced against the flo…" read as a typo: a label is cut after
    its last whole word, as an editor shortens a line."""
    day = ev(0, "2010-06-10", "2010-06-11")
    day.label = "Procedure when mud is forced against the flow of oil had failed"
    w = shown(qtbot, [day])
    t = ta.iso_to_seconds("2010-06-10")
    for right_px in (230, 245, 260, 275, 290):  # room for the label, a few widths
        w.setView(t - (1200 - right_px) / 1200 * 30 * 86400, t + right_px / 1200 * 30 * 86400)
        w.grab()
        text = dict(w.drawnLabels())[0]
        assert text.endswith("…"), text
        kept = text[:-1].rstrip()
        assert day.label.startswith(kept) and day.label[len(kept)] == " ", text
        assert not text.endswith(" …"), text


def test_left_and_right_step_through_the_labelled_events_of_an_overview(qtbot):
    """Zoomed out, ←/→ go from headline to headline; stepping onto the thousands waiting in
    "+n" marks would move every lane at each key."""
    from PySide6.QtCore import Qt
    w = shown(qtbot, synthetic(20000))
    assert w.mode() == "overview"
    w.setFocus()
    lanes = {it.row: it.lane for it in w.frame().items}
    labelled = sorted(r for r in lanes if 300 <= w._view.x(w.index().starts[r]) <= w.width() - 300)
    w.setCurrentEvent(labelled[0], ensure_visible=False)
    for expected in labelled[1:6]:
        qtbot.keyClick(w, Qt.Key.Key_Right)
        assert w.currentRow() == expected
        assert {it.row: it.lane for it in w.frame().items} == lanes  # nothing moved
    qtbot.keyClick(w, Qt.Key.Key_Left)
    assert w.currentRow() == labelled[4]
    w.setView(ta.iso_to_seconds("2001-03-01"), ta.iso_to_seconds("2001-03-08"))
    row = w.currentRow()
    qtbot.keyClick(w, Qt.Key.Key_Right)  # zoomed in: the next event in time, as always
    assert w.currentRow() == row + 1


def test_an_overview_of_events_begun_before_the_view_labels_the_most_important(qtbot):
    """2,000 events of one day seen from 11:00 to 13:00: none starts in view, all go on in it.
    The overview labels the most important of them and says how many it leaves out (it drew
    nothing at all: no label, no "+n" mark, no note)."""
    events = [ev(i, "2023-07-18", "2023-07-19", importance=i % 5) for i in range(2000)]
    w = shown(qtbot, events)
    w.setView(ta.iso_to_seconds("2023-07-18T11:00"), ta.iso_to_seconds("2023-07-18T13:00"))
    assert w.mode() == "overview"
    w.grab()
    drawn = dict(w.drawnLabels())
    idx = w.index()
    assert len(drawn) >= 3  # a lane each at least
    assert all(idx.importance[r] == 4 for r in drawn)  # the most important
    assert all(text == idx.labels[r] for r, text in drawn.items())
    assert w.overviewNote() == (f"The {len(drawn)} most important of 2,000 events here · zoom "
                                "in for more")


def test_the_levels_of_detail_are_worked_out_only_once_an_overview_is_painted(qtbot):
    """An index made on the GUI thread (every edit, a story chosen) does not pay for the
    overview's levels of detail (~0.1 s CPU per 100,000 events) while the view is zoomed in:
    not when painted, not while labels are measured ahead; the first overview works them out.
    The workers that load or import a corpus work them out before it is shown."""
    from kerryview.gui.jobs import LoadJob
    from kerryview.gui.timeline.layout import DETAIL_MAX
    w = shown(qtbot, synthetic(3000))
    w.setView(ta.iso_to_seconds("2001-03-01"), ta.iso_to_seconds("2001-03-08"))
    idx = TimelineIndex(list(w.index().events))  # the same events, as an edit makes them
    w.setIndex(idx, keep_view=True)
    w.grab()
    while w._labels.measure_some(1.0):
        pass
    assert w.mode() == "detail" and w.drawnLabels()
    assert not idx.lod_built()
    w.fitAll()
    w.grab()
    assert w.mode() == "overview" and w.drawnLabels() and idx.lod_built()

    class Stored:
        def __init__(self, events):
            self.list = events

        def events(self, passages=True):
            return self.list
    few, many = synthetic(DETAIL_MAX), synthetic(DETAIL_MAX + 1)
    assert not LoadJob().run(Stored(few), lambda *a: None, lambda: False).index.lod_built()
    assert LoadJob().run(Stored(many), lambda *a: None, lambda: False).index.lod_built()


def test_a_crowded_day_seen_from_inside_counts_every_event_left_out_in_a_mark(qtbot):
    """Zoomed into the hours of a day holding more events than lanes, the day's events begin
    before the view (at midnight): those without a lane were counted nowhere, with no
    overview (fewer than 1,500 events) to say so; they are counted in a "+n" mark at the left
    edge, as when the whole day is in view, and a click on it shows where they begin. With
    2,000 (an overview) too; a year begun long before them does not make the click show
    the year."""
    from kerryview.gui.timeline.layout import mark_text
    for n in (60, 2000):
        evs = [ev(i, "2023-07-18", "2023-07-19") for i in range(n)]
        evs += [ev(n + i, "2023", "2024", "year") for i in range(3)]  # begun long before
        n += 3
        w = TimelineWidget()
        qtbot.addWidget(w)
        w.resize(1000, 250)
        w.show()
        w.setIndex(TimelineIndex(evs))
        for a, b in (("2023-07-10", "2023-07-26"), ("2023-07-18T02:00", "2023-07-18T20:00")):
            w.setView(ta.iso_to_seconds(a), ta.iso_to_seconds(b))
            fr = w.frame()
            drawn = {it.row for it in fr.items}
            assert 0 < len(drawn) < n
            assert sum(m[2] for m in fr.overflow) == n - len(drawn), (n, a)
            marks = [mark_text(m[2]) for m in fr.overflow]
            if a > "2023-07-18":  # from inside the day: one mark at the left edge
                assert marks == [mark_text(n - len(drawn))], (n, a, marks)
            for left, right in _mark_extents(w):  # drawn inside the timeline
                assert 0 <= left and right <= w.width()
        (left, right), = _mark_extents(w)
        # a click on the mark shows from where they begin: their day comes into view
        from PySide6.QtCore import QPoint, Qt
        y = int(fr.overflow[0][3].center().y())
        qtbot.mouseClick(w, Qt.MouseButton.LeftButton, pos=QPoint(int((left + right) / 2), y))
        t0, t1 = w.view()
        assert ta.iso_to_seconds("2023-07-17") < t0 <= ta.iso_to_seconds("2023-07-18") < t1, n
