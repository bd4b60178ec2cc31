"""The timeline's frame-time machinery (benchmarks/timeline_paint.py measures the time): pictures
drawn once and copied, bars cut in three, labels measured ahead of need. Each must draw or lay
out exactly what the plain way does."""
from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from kerryview.gui.theme import TimelineFonts
from kerryview.gui.timeline.index import BAR, POINT, TimelineIndex
from kerryview.gui.timeline.paint import LabelMetrics, Sprites, draw_body
from kerryview.model import Event


def render(draw, w: int = 400, h: int = 40) -> QImage:
    img = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(QColor("white"))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    draw(p)
    p.end()
    return img


def max_difference(a: QImage, b: QImage) -> int:
    return max(abs(getattr(QColor(a.pixel(x, y)), c)() - getattr(QColor(b.pixel(x, y)), c)())
               for x in range(a.width()) for y in range(a.height()) for c in ("red", "green", "blue"))


def test_a_picture_is_drawn_once_then_copied(qapp):
    sprites, calls = Sprites(), []

    def paint(q: QPainter) -> None:
        calls.append(1)
        q.fillRect(QRectF(0, 0, 10, 10), QColor("red"))

    def frame(p: QPainter) -> None:
        for x in (3, 50, 90, 130):
            sprites.draw(p, x, 5, "mark", 10, 10, paint)
        sprites.end_frame()

    img = render(frame)
    assert len(calls) == 1 and len(sprites) == 1
    for x in (3, 50, 90, 130):
        assert QColor(img.pixel(x + 5, 10)) == QColor("red")
        assert QColor(img.pixel(x + 12, 10)) == QColor("white")
    again = render(frame)  # a later frame: copied, drawn the same
    assert len(calls) == 1 and again == img


def test_a_picture_draws_only_in_its_own_place_on_the_sheet(qapp):
    """Pictures share one sheet: what one draws past its size never shows in another."""
    sprites = Sprites(size=64)

    def spill(q: QPainter) -> None:
        q.fillRect(QRectF(-20, -20, 100, 100), QColor("blue"))

    def frame(p: QPainter) -> None:
        sprites.draw(p, 0, 0, "spill", 10, 10, spill)
        sprites.draw(p, 20, 0, "empty", 10, 10, lambda q: None)
        sprites.end_frame()

    img = render(frame)
    assert QColor(img.pixel(5, 5)) == QColor("blue")
    assert QColor(img.pixel(25, 5)) == QColor("white") and QColor(img.pixel(15, 5)) == QColor("white")


def test_a_full_sheet_starts_again_once_a_frame(qapp):
    """9 pictures of 10 x 10 fit a 32 x 32 sheet with their gaps. A frame of 12 fills it and
    starts it again once; a frame of 24 draws what fits neither in place, every time."""
    sprites, calls = Sprites(size=32), []

    def frame(p: QPainter, n: int) -> None:
        for k in range(n):
            sprites.draw(p, k, 0, k, 10, 10, lambda q, k=k: calls.append(k))
        sprites.end_frame()

    render(lambda p: frame(p, 12))
    assert calls == list(range(12)) and len(sprites) == 3
    calls.clear()
    render(lambda p: frame(p, 24))
    assert calls == list(range(24)) and len(sprites) == 9


def test_a_bar_cut_in_three_looks_as_the_bar_drawn_whole(qapp):
    for kind in (BAR, POINT):
        for x, w in ((10, 100), (20, 14), (-50, 500), (5, 250)):
            r = QRectF(x, 20, w, 6)
            whole = render(lambda p: draw_body(p, kind, False, r, False))
            sprites = Sprites()
            cut = render(lambda p: (sprites.draw_bar(
                p, r, 400, ("bar", kind), lambda q, rr: draw_body(q, kind, False, rr, False)),
                sprites.end_frame()))
            assert max_difference(whole, cut) <= 8, (kind, x, w)


def test_a_bar_too_short_to_cut_is_left_to_the_caller(qapp):
    answers = []
    render(lambda p: answers.append(Sprites().draw_bar(p, QRectF(0, 0, 10, 6), 400, "bar",
                                                       lambda q, r: None)))
    assert answers == [False]


def test_labels_measured_ahead_are_the_widths_measured_on_demand(qapp):
    events = [Event(id=f"e{i}", label="talks " * (i % 7 + 1), value="2023-07-18",
                    start="2023-07-18", end="2023-07-19", granularity="day") for i in range(300)]
    index = TimelineIndex(events)
    fonts = TimelineFonts.from_font(qapp.font())
    ahead, on_demand = LabelMetrics(fonts), LabelMetrics(fonts)
    ahead.reset(index)
    on_demand.reset(index)
    ahead.measure_ahead_from(150)
    while ahead.measure_some(0.001):
        pass
    assert not ahead.measuring_ahead()
    assert list(ahead.widths) == [on_demand.label_px(r) for r in range(len(index))]


def test_a_paint_of_the_tick_row_alone_draws_it_as_the_whole_frame_does(qtbot, monkeypatch):
    """The edge buttons (child widgets, not opaque) have the timeline paint the tick row under
    them again on its own, every time their counts change. That paint leaves out the lanes
    and the "+n" marks, which lie below it, and draws the rows it covers pixel for pixel as
    the paint of the whole widget; what the last paint drew (drawnLabels, the overview's
    note) is still the whole frame's."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QRegion
    from kerryview.gui.timeline import axis as ta
    from kerryview.gui.timeline.layout import CONTEXT_H, TICK_H
    from kerryview.gui.timeline.paint import FramePainter
    from kerryview.gui.timeline.widget import TimelineWidget
    from timeline_samples import synthetic

    w = TimelineWidget()
    qtbot.addWidget(w)
    w.resize(1200, 320)
    w.show()
    w.setIndex(TimelineIndex(synthetic(3000)))
    for a, b in (("2001-01-01", "2001-03-01"), ("1990-01-01", "2030-01-01")):  # detail, overview
        w.setView(ta.iso_to_seconds(a), ta.iso_to_seconds(b))
        whole = w.grab().toImage()
        drawn, note = w.drawnLabels(), w.overviewNote()
        assert drawn and (note != "") == (w.mode() == "overview")
        items = []
        paint_item = FramePainter._paint_item
        monkeypatch.setattr(FramePainter, "_paint_item",
                            lambda self, *a, **k: items.append(1) or paint_item(self, *a, **k))
        row = QRect(4, CONTEXT_H + 1, w.width() - 8, TICK_H - 3)  # under the edge buttons
        part = QImage(whole)
        part.fill(QColor("magenta"))
        w.render(part, row.topLeft(), QRegion(row))  # (the region drawn at the offset)
        monkeypatch.undo()
        assert items == []  # no event drawn, only the axis
        assert part.copy(row) == whole.copy(row)
        assert w.drawnLabels() == drawn and w.overviewNote() == note


def test_a_set_timeline_is_walked_by_no_full_collection(qtbot):
    """kerryview.gcpause.keep_out_of_full_collections: once the timeline holds its events, a
    full collection of the cyclic garbage collector walks none of them (at 100,000 events one
    took 0.3 s in the middle of a drag), and an event the timeline lets go of is still freed."""
    import gc
    import weakref

    from kerryview.gui.timeline.widget import TimelineWidget
    from timeline_samples import synthetic

    gc.unfreeze()
    try:
        w = TimelineWidget()
        qtbot.addWidget(w)
        events = synthetic(500)
        index = TimelineIndex(events)
        w.setIndex(index)
        assert gc.get_freeze_count() > 0
        assert not any(o is events for o in gc.get_objects(2))  # the list went to the permanent one
        gone = weakref.ref(index)
        w.setIndex(TimelineIndex([]))
        del index
        assert gone() is None  # freed by its reference count, frozen or not
    finally:
        gc.unfreeze()
