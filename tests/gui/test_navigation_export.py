"""Navigation (fit all on the dense part, edge buttons, mini-map, toolbar, +n buttons, the
reader's room) and the File > Export as entries, checked as a user sees them."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from kerryview.gui.mainwindow import export as gui_export
from kerryview.gui.mainwindow.actions import Action
from kerryview.gui.timeline import axis as ta
from kerryview.gui.timeline.index import TimelineIndex
from kerryview.gui.timeline.widget import TimelineWidget
from kerryview.model import Event

DAY = ta.DAY


def _story_with_outlier() -> list[Event]:
    """Thirty events over three weeks of July 2023, and one in 1967."""
    evs = [Event(id=f"s{i}", label=f"story event {i}", value=f"2023-07-{1 + i % 21:02d}",
                 start=f"2023-07-{1 + i % 21:02d}", end=f"2023-07-{2 + i % 21:02d}", granularity="day")
           for i in range(30)]
    evs.append(Event(id="old", label="The treaty of 1967", value="1967-05-02", start="1967-05-02",
                     end="1967-05-03", granularity="day"))
    return evs


@pytest.fixture
def timeline(qtbot):
    tl = TimelineWidget()
    qtbot.addWidget(tl)
    tl.resize(1000, 400)
    tl.show()
    qtbot.waitExposed(tl)
    return tl


def test_fit_all_frames_the_story_not_its_outlier(timeline, qtbot):
    from kerryview.gui.timeline.edges import EdgeIndicators

    edges = EdgeIndicators(timeline)
    timeline.setIndex(TimelineIndex(_story_with_outlier()))
    t0, t1 = timeline.view()
    assert ta.iso_to_seconds("2023-06-25") < t0 < ta.iso_to_seconds("2023-07-01")
    assert t1 < ta.iso_to_seconds("2023-08-15")  # the story fills the view, not 56 years
    assert edges.counts() == (1, 0)
    assert edges.left.isVisible() and edges.left.text() == "◀ 1 earlier"
    assert not edges.right.isVisible()
    qtbot.mouseClick(edges.left, Qt.MouseButton.LeftButton)
    old = timeline.index().row_of["old"]
    assert timeline.currentRow() == old
    t0, t1 = timeline.view()
    assert t0 <= timeline.index().starts[old] <= t1  # the outlier is now in view
    assert edges.counts()[1] > 0 and edges.right.text().endswith("later ▶")


def test_minimap_click_moves_the_view_and_outlines_it(timeline, qtbot):
    from kerryview.gui.timeline.minimap import TimelineMinimap

    mini = TimelineMinimap(timeline)
    mini.resize(1000, 30)
    mini.show()
    qtbot.waitExposed(mini)
    timeline.setIndex(TimelineIndex(_story_with_outlier()))
    r = mini.windowRect()
    assert r.right() > mini.width() * 0.9  # the story is at the right end of 1967..2023
    # 1967..2023 is squeezed into the map's left strip: a pixel there is about half a year
    x = mini.x_of(ta.iso_to_seconds("1990-01-01"))
    assert abs(mini.t_of(int(x)) - ta.iso_to_seconds("1990-01-01")) < 365 * DAY
    qtbot.mouseClick(mini, Qt.MouseButton.LeftButton, pos=QPoint(int(x), 15))
    t0, t1 = timeline.view()
    assert abs((t0 + t1) / 2 - mini.t_of(int(x))) < DAY
    assert abs(mini.windowRect().center().x() - x) < 3
    # dragging follows the pointer
    x2 = mini.x_of(ta.iso_to_seconds("2000-01-01"))
    qtbot.mousePress(mini, Qt.MouseButton.LeftButton, pos=QPoint(int(x), 15))
    qtbot.mouseMove(mini, QPoint(int(x2), 15))
    qtbot.mouseRelease(mini, Qt.MouseButton.LeftButton, pos=QPoint(int(x2), 15))
    t0, t1 = timeline.view()
    assert abs((t0 + t1) / 2 - mini.t_of(int(x2))) < DAY
    assert abs(mini.t_of(int(x2)) - ta.iso_to_seconds("2000-01-01")) < 365 * DAY


def test_plus_n_marks_act_like_buttons(timeline, qtbot):
    evs = [Event(id=f"d{i}", label=f"crowded event number {i}", value="2023-07-18",
                 start="2023-07-18", end="2023-07-19", granularity="day") for i in range(40)]
    timeline.setIndex(TimelineIndex(evs))
    timeline.setView(ta.iso_to_seconds("2023-07-10"), ta.iso_to_seconds("2023-07-26"))
    marks = timeline.frame().overflow
    assert marks, "forty events on one day overflow the lanes"
    centre = marks[0][3].center()
    # from elsewhere first, no button held: QTest keeps the pointer and buttons an earlier
    # test left, and a held button makes the move a drag, not a hover
    for button in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
        qtbot.mouseRelease(timeline, button, pos=QPoint(1, 1))
    qtbot.mouseMove(timeline, QPoint(1, 1))
    qtbot.mouseMove(timeline, QPoint(int(centre.x()), int(centre.y())))
    qtbot.waitUntil(lambda: timeline.hoveredMark() == 0)
    # drawn as hovered: the mark's pixels change colour under the pointer
    hovered = timeline.grab().toImage().pixelColor(int(centre.x()) - 8, int(centre.y()))
    qtbot.mouseMove(timeline, QPoint(5, 5))
    qtbot.waitUntil(lambda: timeline.hoveredMark() == -1)
    plain = timeline.grab().toImage().pixelColor(int(centre.x()) - 8, int(centre.y()))
    assert hovered != plain
    scale = timeline.scale()
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(int(centre.x()), int(centre.y())))
    assert timeline.scale() > scale  # a click zooms into what the mark holds


def test_toolbar_zooms_and_goes_to_a_typed_date(window, qtbot):
    nav = window.navigation
    scale = window.timeline.scale()
    qtbot.mouseClick(nav.widgetForAction(window.action(Action.ZOOM_IN)), Qt.MouseButton.LeftButton)
    assert window.timeline.scale() > scale
    qtbot.mouseClick(nav.widgetForAction(window.action(Action.ZOOM_OUT)), Qt.MouseButton.LeftButton)
    assert window.timeline.scale() == pytest.approx(scale)
    nav.date_box.setFocus()
    qtbot.keyClicks(nav.date_box, "20 July 2023")
    qtbot.keyClick(nav.date_box, Qt.Key.Key_Return)
    t0, t1 = window.timeline.view()
    day = ta.iso_to_seconds("2023-07-20")
    assert t0 < day < t1 and t1 - t0 < 3 * DAY
    assert nav.date_box.text() == ""
    qtbot.keyClicks(nav.date_box, "next blursday")
    qtbot.keyClick(nav.date_box, Qt.Key.Key_Return)
    assert nav.date_box.text() == "next blursday"  # kept, to be corrected
    assert "is not a date" in window.statusBar().currentMessage()


def test_the_reader_can_take_most_of_the_window(window, qtbot):
    before = window.reader.height()
    window.action(Action.ENLARGE_READER).trigger()
    qtbot.waitUntil(lambda: window.reader.height() > window.height() * 0.5)
    assert window.reader.height() > 2 * before
    window.action(Action.ENLARGE_READER).trigger()
    qtbot.waitUntil(lambda: abs(window.reader.height() - before) <= 2)


def test_legend_hint_is_whole_at_1280_pixels(window, qtbot):
    assert window.legend.width() <= 1280
    window.legend.repaint()
    assert window.legend.shown_hint.startswith("wheel zoom · drag pan")


def test_talks_are_said_in_words(window, qtbot):
    row = window.index().row_of["e-talks"]
    window.timeline.setCurrentEvent(row)
    header = window.passages.header.text()
    assert "Monday 17 July 2023" in header and "lasting 12 hours" in header
    assert "PT12H" not in header and "(day" not in header
    tip = window.timeline._tooltip(row)
    assert "lasting 12 hours" in tip and "PT12H" not in tip
    # a day, not 00:00-12:00
    idx = window.index()
    assert idx.ends[row] - idx.starts[row] == DAY


def test_export_pictures_of_the_timeline(window, tmp_path, qtbot):
    tl = window.timeline
    png = tmp_path / "view.png"
    with qtbot.waitSignal(window.exportDone) as done:
        assert gui_export.export(window, png, "png")
    assert done.args == [True]
    img = QImage(str(png))
    assert (img.width(), img.height()) == (2 * tl.width(), 2 * tl.height())
    assert "Exported a picture of this view" in window.statusBar().currentMessage()
    svg = tmp_path / "view.svg"
    assert gui_export.export(window, svg, "svg")
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    texts = "".join(el.text or "" for el in root.iter() if el.tag.endswith("text"))
    assert "Kerry met Wang Yi" in texts  # text stays text
    pdf = tmp_path / "all.pdf"
    assert gui_export.export(window, pdf, "pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page\n") + data.count(b"/Type /Page\r") \
        + data.count(b"/Type /Page ") + data.count(b"/Type/Page") >= 1
    assert "whole timeline on" in window.statusBar().currentMessage()


def test_pdf_pages_split_at_gaps_until_every_event_is_readable(timeline):
    from kerryview.gui.timeline.picture import page_ranges

    timeline.setIndex(TimelineIndex(_story_with_outlier()))
    pages = page_ranges(timeline, 1000, 600)
    assert pages[0][0] == 0 and pages[-1][1] == 31 and len(pages) >= 2
    assert sum(hi - lo for lo, hi in pages) == 31
    assert all(lo < hi for lo, hi in pages)


def test_a_failed_picture_export_keeps_the_previous_file(window, tmp_path, qtbot, monkeypatch):
    png = tmp_path / "view.png"
    png.write_bytes(b"the previous export")
    monkeypatch.setattr(QImage, "save", lambda self, *a, **k: False)
    with qtbot.waitSignal(window.exportDone) as done:
        assert not gui_export.export(window, png, "png")
    assert done.args == [False]
    assert png.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    assert "Could not export" in window.statusBar().currentMessage()


def test_export_menu_writes_a_calendar(window, tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "plans"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), "")))
    texts = [a.text() for a in window.export_menu.actions() if not a.isSeparator()]
    assert texts[:3] == ["Picture of this view (&PNG)…", "Drawing of this view (&SVG)…",
                         "Whole timeline (P&DF)…"]
    with qtbot.waitSignal(window.exportDone) as done:
        window.export_actions["ics"].trigger()
    assert done.args == [True]
    lines = (tmp_path / "plans.ics").read_bytes().decode("utf-8").replace("\r\n ", "").split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR"
    assert "SUMMARY:Kerry leaves Beijing" in lines and "DTSTART;VALUE=DATE:20230720" in lines
    assert "X-WR-CALNAME:News of July 2023" in lines  # folder "news" says nothing: the dates do
    assert not any("Talks with Xie" in line for line in lines)  # it happened: not in a calendar


def test_a_cancelled_pdf_leaves_the_previous_file(timeline, tmp_path):
    from kerryview.export import ExportCancelled
    from kerryview.gui.timeline.picture import save_pdf

    timeline.setIndex(TimelineIndex(_story_with_outlier()))
    pdf = tmp_path / "all.pdf"
    pdf.write_bytes(b"the previous export")
    seen = []
    with pytest.raises(ExportCancelled):
        save_pdf(timeline, pdf, "t", lambda d, n, text: seen.append(text), lambda: len(seen) >= 2)
    assert pdf.read_bytes() == b"the previous export"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert seen[0].startswith("Laying out page 1")


def test_a_long_range_is_drawn_only_where_it_can_be_seen(timeline, tmp_path):
    """Months behind a week's view: their dotted outlines were drawn over ~4,000 px each, which
    a PDF writes dash by dash; now they stop just past the view's edges."""
    from PySide6.QtGui import QPdfWriter

    evs = [Event(id=f"m{i}", label=f"Month {i}", value="2023-07", start="2023-07-01",
                 end="2023-08-01", granularity="month") for i in range(8)]
    evs.append(Event(id="d", label="The day", value="2023-07-18", start="2023-07-18",
                     end="2023-07-19", granularity="day"))
    timeline.setIndex(TimelineIndex(evs))
    timeline.setView(ta.iso_to_seconds("2023-07-15"), ta.iso_to_seconds("2023-07-22"))
    assert timeline.eventRect(timeline.index().row_of["m0"]) is not None  # drawn, in a lane
    out = tmp_path / "view.pdf"
    writer = QPdfWriter(str(out))
    timeline.render(writer)
    del writer
    assert 0 < out.stat().st_size < 400_000  # 663 kB before, 218 kB now


def _bar_columns(mini) -> list[int]:
    """The x of every pixel column where the mini-map draws a density bar (under the view's
    translucent outline)."""
    from kerryview.gui import theme
    mini.grab()  # paints it
    img = mini._bars.toImage()
    bars = theme.MINIMAP_BARS.rgb()
    y = img.height() - 3  # every bar reaches down to here
    return [x for x in range(img.width()) if img.pixel(x, y) == bars]


def test_minimap_keeps_the_story_wide_when_one_event_is_centuries_away(timeline, qtbot):
    """H1N1_guardian's "17th-century statue" made the mini-map span 1600-2009, the story a
    sliver: the story now spans most of the map, the outlier a mark in a strip at its edge."""
    from kerryview.gui.timeline.minimap import EDGE_SHARE, TimelineMinimap

    evs = _story_with_outlier()
    evs[-1] = Event(id="old", label="a 17th-century statue", value="1600", start="1600-01-01",
                    end="1601-01-01", granularity="year")
    mini = TimelineMinimap(timeline)
    mini.resize(1000, 30)
    mini.show()
    qtbot.waitExposed(mini)
    timeline.setIndex(TimelineIndex(evs))
    cols = _bar_columns(mini)
    story = [x for x in cols if x > mini.width() * EDGE_SHARE]
    assert max(story) - min(story) > mini.width() * 0.6  # three weeks over most of the map
    assert [x for x in cols if x < mini.width() * EDGE_SHARE]  # the outlier: a mark at the edge
    assert mini.squeezed() == [(0.0, mini.width() * EDGE_SHARE)]  # set off by a rule
    x = mini.x_of(ta.iso_to_seconds("1600-01-01"))  # a click on the mark goes to the outlier
    qtbot.mouseClick(mini, Qt.MouseButton.LeftButton, pos=QPoint(int(x) + 2, 15))
    t0, t1 = timeline.view()
    assert t0 <= ta.iso_to_seconds("1600-01-01") <= t1


def test_minimap_of_an_evenly_spread_story_is_linear(timeline, qtbot):
    from kerryview.gui.timeline.minimap import TimelineMinimap

    evs = [Event(id=f"y{i}", label=f"e{i}", value=f"{1990 + i}-03-01", start=f"{1990 + i}-03-01",
                 end=f"{1990 + i}-03-02", granularity="day") for i in range(30)]
    mini = TimelineMinimap(timeline)
    mini.resize(1000, 30)
    timeline.setIndex(TimelineIndex(evs))
    assert len(mini.knots()) == 2 and mini.squeezed() == []


def test_the_fit_all_button_says_it_frames_the_busy_part_and_where_the_rest_is(qtbot, window):
    """"Fit all" leaves outliers to the edges' "◀ n earlier" / "n later ▶": a journalist who
    pressed it and sees "291 earlier" is told why by its tooltip, on the toolbar's button."""
    from PySide6.QtWidgets import QToolButton
    from kerryview.gui.mainwindow.actions import Action
    fit = window.action(Action.FIT_ALL)
    button = next(b for b in window.navigation.findChildren(QToolButton)
                  if b.defaultAction() is fit)
    tip = button.toolTip()
    assert "busy part of the story (9 events in 10)" in tip
    assert "earlier" in tip and "later" in tip


def test_no_tick_label_peeks_out_from_under_the_edge_buttons(timeline, qtbot):
    """The edge buttons sit on the tick row's ends: a tick label they half cover read "2(" next
    to "1 later ▶" (2015 under it). The row beside each button shows no piece of a label."""
    from kerryview.gui.timeline.edges import EdgeIndicators
    from kerryview.gui import theme
    from kerryview.gui.timeline.layout import CONTEXT_H, TICK_H

    evs = _story_with_outlier()
    evs.append(Event(id="late", label="Review of 2031", value="2031-05-02", start="2031-05-02",
                     end="2031-05-03", granularity="day"))
    edges = EdgeIndicators(timeline)
    timeline.setIndex(TimelineIndex(evs))
    a, b = ta.iso_to_seconds("2023-06-01"), ta.iso_to_seconds("2023-08-01")
    checked = 0
    for width in range(700, 1001, 23):
        timeline.resize(width, 400)
        for shift in range(0, 5):
            timeline.setView(a + shift * 3.3 * DAY, b + shift * 3.3 * DAY)
            assert edges.left.isVisible() and edges.right.isVisible()
            image = timeline.grab().toImage()
            dpr = image.devicePixelRatio()
            strips = (range(edges.left.geometry().right() + 1, edges.left.geometry().right() + 4),
                      range(edges.right.x() - 3, edges.right.x()))
            for xs in strips:
                for x in xs:
                    for y in range(CONTEXT_H + 3, CONTEXT_H + TICK_H - 8):
                        colour = image.pixelColor(int(x * dpr), int(y * dpr)).name()
                        assert colour == theme.TICK_ROW_BG.name(), (width, shift, x, y, colour)
            checked += 1
    assert checked == 14 * 5


def test_the_legend_draws_whole_entries_only(qtbot, window):
    """With docks on both sides the timeline is narrow: the legend read "≠ so" at its edge. An
    entry that does not fit is left out whole (the first ones stay, in order); the window's
    default size shows them all."""
    from kerryview.gui import theme
    from kerryview.gui.timeline.legend import TimelineLegend
    every = [t for _k, _s, t in TimelineLegend.ENTRIES] + [m for _b, m in TimelineLegend.BADGES]
    window.legend.repaint()
    assert window.legend.shown_entries == every
    legend = TimelineLegend()
    qtbot.addWidget(legend)
    legend.show()
    seen = set()
    for width in range(380, 1000, 37):
        legend.resize(width, legend.height())
        image = legend.grab().toImage()
        dpr = image.devicePixelRatio()
        assert legend.shown_entries == every[:len(legend.shown_entries)]
        seen.add(len(legend.shown_entries))
        if legend.shown_hint:
            continue  # the hint is drawn right-aligned at the end: it is whole (test above)
        for x in range(width - 11, width):
            for y in range(2, legend.height()):
                colour = image.pixelColor(int(x * dpr), int(y * dpr)).name()
                assert colour == theme.LEGEND_BG.name(), (width, x, y, legend.shown_entries)
    assert len(seen) > 3  # narrower, fewer entries


def test_a_period_name_is_never_cut_at_the_right_edge(timeline, qtbot):
    """The context row names each period ("October 2010"); one starting too near the right
    edge read "October 20", a day that is not meant. It is named whole or not at all."""
    from kerryview.gui import theme
    from kerryview.gui.timeline.layout import CONTEXT_H
    timeline.setIndex(TimelineIndex(_story_with_outlier()))
    a = ta.iso_to_seconds("2010-04-01")
    cut = 0
    for shift in range(0, 40):
        timeline.setView(a + shift * 1.5 * DAY, a + (shift * 1.5 + 190) * DAY)
        last = timeline.frame().bands[-1]
        if last.lx + last.tw <= timeline.width() or last.lx >= timeline.width() - 2:
            continue
        cut += 1
        image = timeline.grab().toImage()
        dpr = image.devicePixelRatio()
        colours = {image.pixelColor(int(x * dpr), int(y * dpr)).name()
                   for x in range(int(last.lx) + 1, timeline.width())
                   for y in range(4, CONTEXT_H - 4)}
        assert colours <= {c.name() for c in theme.CONTEXT_BG} | {theme.GRID_MAJOR.name(),
                                                                  theme.FOCUS_RING.name()}, \
            (shift, last.label, colours)
    assert cut > 0  # the views tried put a period's start near the edge
