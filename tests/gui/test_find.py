"""Find (Ctrl+F), its filters, Go to date (Ctrl+G) and moving between lanes, as a user meets
them: what is listed, what the timeline selects and shows, what is drawn highlighted."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from kerryview.gui import theme
from kerryview.gui.mainwindow.actions import Action
from kerryview.gui.search import parse_date
from kerryview.gui.timeline import axis as ta
from kerryview.gui.timeline.index import TimelineIndex
from kerryview.gui.timeline.widget import TimelineWidget
from kerryview.model import Event

from conftest import shown_window


def results(window) -> list[str]:
    """The labels listed under the search box (first line of each result)."""
    m = window.find.model
    return [m.index(i).data().split("\n")[0] for i in range(m.rowCount())]


def search(qtbot, window, text: str) -> None:
    """Ctrl+F, type `text`, wait for the live search (debounced) to list what it found."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find.isVisible() and window.find.field.hasFocus()
    window.find.field.clear()
    qtbot.keyClicks(window.find.field, text)
    qtbot.waitUntil(lambda: not window.find._timer.isActive(), timeout=3000)


def test_typing_wang_yi_lists_the_meeting_and_enter_selects_it(qtbot, window):
    search(qtbot, window, "Wang Yi")
    assert results(window) == ["Kerry met Wang Yi"]
    first = window.find.model.index(0).data()
    assert "18 July 2023" in first and "2 sources" in first
    assert window.find.count.text() == "1 event"
    qtbot.keyClick(window.find.field, Qt.Key.Key_Return)
    assert window.find.results.hasFocus()
    assert window.timeline.currentEvent().label == "Kerry met Wang Yi"
    assert window.passages.passage_texts()[0].startswith("Kerry met Wang Yi")
    # Enter on the result opens its first passage in the article; Up goes back to the box
    qtbot.keyClick(window.find.results, Qt.Key.Key_Return)
    assert window.reader.highlighted_text().startswith("Kerry met Wang Yi")
    qtbot.keyClick(window.find.results, Qt.Key.Key_Up)
    assert window.find.field.hasFocus()
    window.find.enter_results()
    # Escape closes the bar, stops highlighting and gives the timeline its focus back
    qtbot.keyClick(window.find.results, Qt.Key.Key_Escape)
    assert not window.find.isVisible() and not window.find.results.isVisible()
    assert window.timeline.hasFocus()
    assert not window.timeline.highlightActive()


def test_wang_yi_in_the_bundled_corpus_selects_the_meeting_and_scrolls_to_it(qtbot, bundled_store):
    w = shown_window(qtbot, bundled_store)
    w.timeline.setView(ta.iso_to_seconds("2000-01-01"), ta.iso_to_seconds("2000-02-01"))
    search(qtbot, w, "Wang Yi")
    # the passages say "Kerry told Wang on Tuesday": the article's "Wang Yi" is found through
    # the name; the meeting, reported by four articles, comes first
    rows = w.find.model.event_rows()
    assert rows
    meeting = rows[0]
    assert w.index().events[meeting].start.startswith("2023-07-18")
    assert w.index().n_sources[meeting] == 4
    assert "Tue 18 July 2023 · 4 sources" in w.find.model.index(0).data()
    qtbot.keyClick(w.find.field, Qt.Key.Key_Return)
    assert w.timeline.currentRow() == meeting
    assert w.timeline.currentRow() in w.timeline.visibleRows()  # scrolled into view
    assert any("Wang" in t for t in w.passages.passage_texts())


def test_a_date_search_lists_the_events_on_that_date(qtbot, window):
    for text in ("18 July", "18 July 2023", "2023-07-18"):
        search(qtbot, window, text)
        assert results(window) == ["Kerry met Wang Yi"], text
    search(qtbot, window, "July 2023")
    assert results(window) == ["Talks with Xie Zhenhua", "Kerry met Wang Yi",
                               "Kerry leaves Beijing"]
    search(qtbot, window, "2021")
    assert results(window) == ["Kerry visited China"]
    search(qtbot, window, "Kerry July 2023")  # words and a date together
    assert results(window) == ["Kerry met Wang Yi", "Kerry leaves Beijing"]


def test_source_names_and_passages_are_searched(qtbot, window):
    search(qtbot, window, "envoy in beijing")  # the title of article a; more sources first
    assert results(window) == ["Kerry met Wang Yi", "Talks with Xie Zhenhua",
                               "Kerry leaves Beijing"]
    search(qtbot, window, "lasted")  # only in the talks' passage
    assert results(window) == ["Talks with Xie Zhenhua"]
    search(qtbot, window, "ing")  # words match at their start: not "Beijing" nor "meeting"
    assert results(window) == []
    assert window.find.count.text() == "No events match"


def test_filters_combine_with_the_search(qtbot, window):
    f = window.find
    search(qtbot, window, "Kerry")
    assert len(results(window)) == 3
    f.status.setCurrentIndex(f.status.findData("scheduled"))
    assert results(window) == ["Kerry leaves Beijing"]
    f.status.setCurrentIndex(0)
    f.source.setCurrentIndex(f.source.findData("b"))  # no outlet or headline: by its file
    assert f.source.currentText() == "article b"
    assert results(window) == ["Kerry met Wang Yi", "Kerry visited China"]
    f.source.setCurrentIndex(0)
    # marks: reviewed / not an event / unmarked
    window.select_event(window.index().row_of["e-wang"])
    window.mark_current_event(reviewed=True)
    window.select_event(window.index().row_of["e-2021"])
    window.mark_current_event(dismissed=True)
    for mark, want in (("reviewed", ["Kerry met Wang Yi"]), ("dismissed", ["Kerry visited China"]),
                       ("unmarked", ["Kerry leaves Beijing"])):
        f.mark.setCurrentIndex(f.mark.findData(mark))
        assert results(window) == want, mark
    # marking an event while a marks filter is set updates the list at once
    window.select_event(window.index().row_of["e-leave"])
    window.mark_current_event(reviewed=True)
    assert results(window) == []
    f.mark.setCurrentIndex(0)
    # a date range, alone (no words) and with the words
    f.field.clear()
    qtbot.keyClicks(f.date_from, "2023-07-18")
    qtbot.keyClicks(f.date_to, "19 July 2023")
    qtbot.waitUntil(lambda: not f._timer.isActive(), timeout=3000)
    assert results(window) == ["Kerry met Wang Yi"]
    assert window.timeline.highlighted() == [window.index().row_of["e-wang"]]
    f.date_to.setText("July 2023")
    f.run()
    assert results(window) == ["Kerry met Wang Yi", "Kerry leaves Beijing"]
    f.date_to.setText("someday")
    f.run()
    assert f.count.text() == "Check the date" and "not a date" in f.date_to.toolTip()
    f.clear_filters()
    assert f.filters().empty and results(window) == []


def test_go_to_date_centres_the_view_on_the_date(qtbot, window):
    tl = window.timeline
    tl.setView(ta.iso_to_seconds("2021-01-01"), ta.iso_to_seconds("2021-03-01"))
    for text, day in (("2023-07-18", "2023-07-18"), ("18 July 2023", "2023-07-18")):
        assert window.go_to_date(text)
        t0, t1 = tl.view()
        a, b = ta.iso_to_seconds(day), ta.iso_to_seconds(day) + ta.DAY
        assert abs((t0 + t1) / 2 - (a + b) / 2) < 60
        assert t0 < a and b < t1 and t1 - t0 < 3 * ta.DAY  # the day fills the middle
    assert window.go_to_date("July 2023")
    t0, t1 = tl.view()
    assert t0 < ta.iso_to_seconds("2023-07-01") and ta.iso_to_seconds("2023-08-01") < t1
    assert t1 - t0 < 70 * ta.DAY
    assert tl.tickUnit() == "day"
    assert not window.go_to_date("next blursday")
    assert "is not a date" in window.status.currentMessage()


def test_ctrl_g_opens_the_go_to_date_dialog(qtbot, window, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(
        lambda *a, **k: ("20 July 2023", True)))
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    t0, t1 = window.timeline.view()
    assert abs((t0 + t1) / 2 - ta.iso_to_seconds("2023-07-20T12:00")) < 60
    assert window.action(Action.GO_TO_DATE).shortcut().toString() == "Ctrl+G"
    assert window.action(Action.FIND).shortcut().toString() == "Ctrl+F"


def test_up_and_down_move_between_lanes(qtbot):
    # three events on the same day stack into three lanes; one a week later sits in lane 0
    events = [Event(id=f"e{i}", label=label, value=day, start=day, end=end, granularity="day")
              for i, (label, day, end) in enumerate((
                  ("Alpha meeting", "2023-07-18", "2023-07-19"),
                  ("Bravo meeting", "2023-07-18", "2023-07-19"),
                  ("Charlie meeting", "2023-07-18", "2023-07-19"),
                  ("Delta meeting", "2023-07-25", "2023-07-26")))]
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.resize(1200, 320)
    w.show()
    w.setIndex(TimelineIndex(events))
    w.setView(ta.iso_to_seconds("2023-07-15"), ta.iso_to_seconds("2023-07-29"))
    lane = {it.row: it.lane for it in w.frame().items}
    assert sorted(lane.values()).count(0) == 2 and len(set(lane.values())) == 3
    w.setFocus()
    top = next(r for r, ln in lane.items() if ln == 0 and r != 3)
    w.setCurrentEvent(top)
    qtbot.keyClick(w, Qt.Key.Key_Down)
    assert lane[w.currentRow()] == 1
    qtbot.keyClick(w, Qt.Key.Key_Down)
    assert lane[w.currentRow()] == 2
    qtbot.keyClick(w, Qt.Key.Key_Down)  # no lane below: stays
    assert lane[w.currentRow()] == 2
    qtbot.keyClick(w, Qt.Key.Key_Up)
    qtbot.keyClick(w, Qt.Key.Key_Up)
    assert w.currentRow() == top  # nearest in time: the 18th, not the 25th
    qtbot.keyClick(w, Qt.Key.Key_Right)  # Left/Right still step in time order
    assert w.currentRow() == top + 1


def test_matches_are_painted_highlighted_and_the_rest_dimmed(qtbot, window):
    tl = window.timeline
    tl.setView(ta.iso_to_seconds("2023-07-16"), ta.iso_to_seconds("2023-07-22"))
    wang, leave = window.index().row_of["e-wang"], window.index().row_of["e-leave"]

    def colours_left_of_label(row):
        """Pixels in the lane just right of the event's mark: the match backing if any."""
        img = tl.grab().toImage()
        rect = tl.eventRect(row)
        y = int(rect.center().y())
        x0 = int(tl.markerPos(row).x())
        return {img.pixelColor(x, yy).name() for x in range(x0 - 14, x0 + 30)
                for yy in (y - 10, y + 10)}

    assert theme.MATCH_BG.name() not in colours_left_of_label(wang)
    search(qtbot, window, "Wang Yi")
    assert tl.highlighted() == [wang]
    assert theme.MATCH_BG.name() in colours_left_of_label(wang)
    assert theme.MATCH_BG.name() not in colours_left_of_label(leave)
    # the unmatched event is dimmed: its mark and label are paler than with no search active
    rect = tl.eventRect(leave).toAlignedRect().intersected(tl.rect().adjusted(0, 0, -4, -4))

    def darkest() -> int:
        img = tl.grab().toImage()
        return min(img.pixelColor(x, y).lightness() for x in range(rect.left(), rect.right())
                   for y in range(rect.top(), rect.bottom()))
    dimmed = darkest()
    window.find.close_bar()
    assert darkest() < dimmed - 60
    assert theme.MATCH_BG.name() not in colours_left_of_label(wang)


def test_new_widgets_have_accessible_names(qtbot, window):
    window.open_find()
    f = window.find
    for w in (f, f.field, f.results, f.source, f.status, f.mark, f.date_from, f.date_to,
              f.close_button, f.clear_filters_button, f.count):
        assert w.accessibleName(), w
    for w in (f, f.field, f.results, f.source, f.status, f.mark, f.date_from, f.date_to):
        assert w.accessibleDescription(), w
    # everything is reachable by Tab from the search box
    seen = set()
    QApplication.processEvents()
    w = f.field
    for _ in range(30):
        seen.add(w)
        w = w.nextInFocusChain()
    assert {f.source, f.status, f.mark, f.date_from, f.date_to} <= seen


def test_parse_date_reads_what_a_reporter_types():
    assert parse_date("2023-07-18").start == ta.iso_to_seconds("2023-07-18")
    assert parse_date("18 July 2023").start == ta.iso_to_seconds("2023-07-18")
    assert parse_date("July 18, 2023").end == ta.iso_to_seconds("2023-07-19")
    d = parse_date("July 2023")
    assert (d.start, d.end) == (ta.iso_to_seconds("2023-07"), ta.iso_to_seconds("2023-08"))
    d = parse_date("18 July")
    assert not d.has_year and (d.month, d.day) == (7, 18)
    assert parse_date("summer 2023").start == ta.iso_to_seconds("2023-06")
    for not_a_date in ("Wang Yi", "May", "31 February 2023", "", "2023-13"):
        assert parse_date(not_a_date) is None, not_a_date


def test_zoomed_out_the_matches_get_lanes_and_the_marks_count_the_rest(qtbot):
    from timeline_samples import synthetic
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.resize(1200, 320)
    w.show()
    w.setIndex(TimelineIndex(synthetic(3000)))
    w.fitAll()
    assert w.mode() == "overview"

    def marks():
        img = w.grab().toImage()
        return {img.pixelColor(x, y).name() for x in range(0, w.width(), 2)
                for y in range(w.height() - 22, w.height() - 2, 2)}
    assert theme.MATCH.name() not in marks()
    idx = w.index()
    t0, t1 = w.view()
    few = range(0, 3000, 100)  # 1 %: every one in view is labelled, none left in a mark
    drawn = {it.row for it in w.frame().items}
    assert len(drawn & set(few)) < len(few) / 3  # (most were not, before the search)
    w.setHighlight(few)
    fr = w.frame()
    w.grab()
    labelled = dict(w.drawnLabels())
    assert all(r in labelled for r in few if t0 <= idx.starts[r] < t1 - 86400 * 400)
    assert sum(fr.overflow_matched) == 0
    many = range(0, 3000, 3)  # a third: more than the lanes hold
    w.setHighlight(many)
    fr = w.frame()
    drawn = {it.row for it in fr.items}
    # matches first: another event takes a lane only where no match would fit
    assert len(drawn & set(many)) > 0.9 * len(drawn) > 0
    a, b = fr.overflow[0][0], fr.overflow[-1][1]  # the marks' cells, a little past the view
    hidden = [r for r in many if r not in drawn and a <= idx.starts[r] < b]
    assert hidden and sum(fr.overflow_matched) == len(hidden)
    assert theme.MATCH.name() in marks()  # the marks holding a match are drawn as matches
    w.setHighlight(None)
    assert theme.MATCH.name() not in marks()


def test_the_window_reads_passages_when_first_needed(qtbot, window):
    """Opened without the passages (Store.events(passages=False)), the window reads the
    selected event's; a search reads none (it searches what the store keeps of them:
    kerryview.searchtext); the counts drawn come from the stored summaries and stay the
    same."""
    # the Key dates list is shown and has ranked the events: it reads their passages in a
    # worker, into copies of its own (tests/gui/test_keydates_gui.py)
    assert window.key_dates.isVisible()
    qtbot.waitUntil(lambda: bool(window.key_dates.panel.rows()), timeout=5000)
    index = window.index()
    assert len(index.events) >= 2 and not any(ev.mentions for ev in index.events)
    told = {ev.id: ev for ev in window.store.events()}
    assert [index.n_sources[r] for r in range(len(index))] == \
        [len(told[ev.id].document_ids) for ev in index.events]
    window.timeline.setCurrentEvent(0)
    first = index.events[0]
    assert first.mentions == told[first.id].mentions
    assert window.passages.model.rowCount() == len(first.mentions)
    assert not index.events[1].mentions  # the others wait
    search(qtbot, window, "lasted")
    assert results(window) == ["Talks with Xie Zhenhua"]
    assert not any(ev.mentions for ev in index.events[1:])


def test_the_source_filter_lists_the_articles_when_the_bar_is_shown(qtbot, window):
    """A reload with the bar closed lists no source (a big project has 10,000, and every
    story chosen reloads); opening the bar lists them, the one chosen before kept."""
    f = window.find
    search(qtbot, window, "Kerry")
    f.source.setCurrentIndex(f.source.findData("b"))
    listed = [f.source.itemText(i) for i in range(f.source.count())]
    assert len(listed) > 2
    f.close_bar()
    added = []
    original = f.source.addItem
    f.source.addItem = lambda *a: added.append(a) or original(*a)
    window.reload()
    assert added == []
    f.open_bar()
    assert [f.source.itemText(i) for i in range(f.source.count())] == listed
    assert f.source.currentData() == "b" and len(added) == len(listed)
    assert results(window) == ["Kerry met Wang Yi", "Kerry visited China"]
