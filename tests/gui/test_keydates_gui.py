"""The Key dates list as a journalist meets it: the pile's top days, most important first, each
with its day and the headline of its most important event; choosing one moves the timeline to
that day and selects that event; the timeline's day axis marks the same days; dismissing an
event, importing articles, choosing a story or the "how many" box change the list. The rows
are worked out in a worker thread (KeyDatesJob): the tests wait for them."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from kerryview.events.importance import score
from kerryview.gui import settings, theme
from kerryview.gui.keydates import DayRole, EventIdRole, KeyDateRow
from kerryview.gui.mainwindow.actions import Action
from kerryview.gui.timeline import axis as ta
from kerryview.gui.timeline.layout import AXIS_H
from kerryview.model import DateSource, Document, Event
from kerryview.store import Store

from conftest import mention, shown_window

EXPECTED = ["1. Mon 17 Jul 2023\nTalks with Xie Zhenhua",
            "2. Tue 18 Jul 2023\nKerry met Wang Yi",
            "3. Thu 20 Jul 2023\nKerry left Beijing"]


def _doc(doc_id: str, text: str, dct: date) -> Document:
    return Document(id=doc_id, path=f"/news/{doc_id}.txt", title=None, text=text, dct=dct,
                    dct_source=DateSource.unknown())


def _event(event_id: str, label: str, day: str, mentions) -> Event:
    d = date.fromisoformat(day)
    ev = Event(id=event_id, label=label, value=day, start=day,
               end=date.fromordinal(d.toordinal() + 1).isoformat(), granularity="day")
    ev.mentions = mentions
    return ev


def key_dates_corpus() -> tuple[list[Document], list[Event]]:
    """Three articles of Kerry's Beijing visit: the talks of the 17th are recalled by an article
    of the 21st (the top day), the 18th has two events (the meeting told by two articles, the
    tour by one), the 20th one."""
    a = _doc("a", "Kerry met Wang Yi on July 18 in Beijing. Talks with Xie Zhenhua lasted 12 "
                  "hours on July 17. Kerry toured a solar plant on July 18.", date(2023, 7, 18))
    b = _doc("b", "Kerry met Wang Yi on July 18, officials said.", date(2023, 7, 18))
    c = _doc("c", "Kerry left Beijing on July 20. Talks with Xie Zhenhua began on July 17.",
             date(2023, 7, 21))
    events = [
        _event("e-wang", "Kerry met Wang Yi", "2023-07-18", [
            mention(a, "Kerry met Wang Yi on July 18 in Beijing.", "July 18", "2023-07-18", "met"),
            mention(b, "Kerry met Wang Yi on July 18, officials said.", "July 18", "2023-07-18",
                    "met")]),
        _event("e-tour", "Kerry toured a solar plant", "2023-07-18", [
            mention(a, "Kerry toured a solar plant on July 18.", "July 18", "2023-07-18",
                    "toured")]),
        _event("e-talks", "Talks with Xie Zhenhua", "2023-07-17", [
            mention(a, "Talks with Xie Zhenhua lasted 12 hours on July 17.", "July 17",
                    "2023-07-17", "Talks"),
            mention(c, "Talks with Xie Zhenhua began on July 17.", "July 17", "2023-07-17",
                    "Talks")]),
        _event("e-leave", "Kerry left Beijing", "2023-07-20", [
            mention(c, "Kerry left Beijing on July 20.", "July 20", "2023-07-20", "left")]),
    ]
    docs = [a, b, c]
    score(events, docs)
    return docs, events


@pytest.fixture
def corpus():
    """This module's pile, for conftest's `store` and `window` fixtures."""
    return key_dates_corpus()


def listed(w) -> list[str]:
    m = w.key_dates.panel.model
    return [m.index(r).data() for r in range(m.rowCount())]


def wait_listed(qtbot, w, expected: list[str]) -> None:
    qtbot.waitUntil(lambda: listed(w) == expected, timeout=3000)


def click_row(qtbot, w, row: int) -> None:
    view = w.key_dates.panel.view
    rect = view.visualRect(w.key_dates.panel.model.index(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def day_span(day: str) -> tuple[float, float]:
    start = ta.iso_to_seconds(day)
    return start, start + ta.DAY


def test_the_top_days_are_listed_by_rank_with_the_headline_of_their_top_event(qtbot, window):
    w = window
    assert w.key_dates.isVisible() and w.action(Action.KEY_DATES).isChecked()
    wait_listed(qtbot, w, EXPECTED)
    m = w.key_dates.panel.model
    assert m.index(1).data(EventIdRole) == "e-wang"  # of the 18th's two events, told by two
    assert m.index(1).data(DayRole) == date(2023, 7, 18)
    assert m.index(0).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Key date 1: Mon 17 Jul 2023. Its most important event: Talks with Xie Zhenhua")
    assert w.key_dates.panel.view.accessibleName() == "Key dates of the events shown"
    assert "Enter" in w.key_dates.panel.view.accessibleDescription()
    assert w.key_dates.panel.count.accessibleName() == "How many key dates to show"
    assert w.key_dates.accessibleName() == "Key dates"


def test_clicking_a_key_date_centres_the_timeline_on_that_day_and_selects_its_event(qtbot, window):
    w = window
    wait_listed(qtbot, w, EXPECTED)
    click_row(qtbot, w, 1)
    a, b = day_span("2023-07-18")
    t0, t1 = w.timeline.view()
    assert t0 < a and b < t1 and abs((t0 + t1) / 2 - (a + b) / 2) < 60  # centred on the day
    assert t1 - t0 < 3 * ta.DAY  # zoomed in to it: its hours on the axis
    assert w.timeline.tickUnit() in ("hour", "minute")
    assert w.timeline.currentEvent().id == "e-wang"
    assert w.passages.model.rowCount() == 2  # the passages panel follows the selection
    assert "Kerry met Wang Yi" in w.statusBar().currentMessage()


def test_enter_on_a_key_date_goes_to_it(qtbot, window):
    w = window
    wait_listed(qtbot, w, EXPECTED)
    view = w.key_dates.panel.view
    view.setFocus()
    view.setCurrentIndex(w.key_dates.panel.model.index(2))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    a, b = day_span("2023-07-20")
    t0, t1 = w.timeline.view()
    assert t0 < a and b < t1 and abs((t0 + t1) / 2 - (a + b) / 2) < 60
    assert w.timeline.currentEvent().id == "e-leave"


def test_the_day_axis_marks_the_key_days_at_fit_all(qtbot, window):
    w = window
    wait_listed(qtbot, w, EXPECTED)
    w.timeline.fitAll()
    marks = w.timeline.keyDayMarks()
    assert [rank for rank, _ in marks] == [1, 2, 3]
    image = w.timeline.grab().toImage()
    dpr = image.devicePixelRatio()
    for (rank, x), day in zip(marks, ("2023-07-17", "2023-07-18", "2023-07-20")):
        a, b = day_span(day)
        assert w.timeline._view.x(a) <= x <= w.timeline._view.x(b)
        # the pin is drawn there, hanging from the axis rule, in the key-date colour
        assert image.pixelColor(int(x * dpr), int((AXIS_H + 1) * dpr)) == theme.KEY_DAY, rank


def test_dismissing_the_top_event_updates_the_list_and_the_marks(qtbot, window):
    w = window
    wait_listed(qtbot, w, EXPECTED)
    w.timeline.setCurrentEvent(w.index().row_of["e-talks"])
    w.action(Action.DISMISSED).trigger()  # Event > Not an event
    wait_listed(qtbot, w, ["1. Tue 18 Jul 2023\nKerry met Wang Yi",
                           "2. Thu 20 Jul 2023\nKerry left Beijing"])
    w.timeline.fitAll()
    assert [rank for rank, _ in w.timeline.keyDayMarks()] == [1, 2]
    # the 18th's top event dismissed: the day stays, told by its other event
    w.timeline.setCurrentEvent(w.index().row_of["e-wang"])
    w.action(Action.DISMISSED).trigger()
    wait_listed(qtbot, w, ["1. Tue 18 Jul 2023\nKerry toured a solar plant",
                           "2. Thu 20 Jul 2023\nKerry left Beijing"])
    w.undo()
    w.undo()
    wait_listed(qtbot, w, EXPECTED)


def test_how_many_key_dates_is_a_setting(qtbot, window, store):
    w = window
    wait_listed(qtbot, w, EXPECTED)
    w.key_dates.panel.count.setValue(2)
    wait_listed(qtbot, w, EXPECTED[:2])
    w.timeline.fitAll()
    assert [rank for rank, _ in w.timeline.keyDayMarks()] == [1, 2]
    assert settings.KEY_DATES_SHOWN.get() == 2
    w.close()
    again = shown_window(qtbot, store)
    assert again.key_dates.panel.count.value() == 2
    wait_listed(qtbot, again, EXPECTED[:2])


def test_the_view_menu_hides_the_list_and_its_marks(qtbot, window):
    w = window
    wait_listed(qtbot, w, EXPECTED)
    act = w.action(Action.KEY_DATES)
    assert act in w.menuBar().actions()[2].menu().actions()  # View > Key dates
    act.trigger()
    assert not w.key_dates.isVisible() and not act.isChecked()
    assert settings.KEY_DATES_PANEL.get() is False
    w.timeline.fitAll()
    assert w.timeline.keyDayMarks() == []
    act.trigger()
    assert w.key_dates.isVisible()
    qtbot.waitUntil(lambda: len(w.timeline.keyDayMarks()) == 3, timeout=3000)


def test_importing_articles_lists_their_key_dates(qtbot, tmp_path):
    store = Store(tmp_path / "empty.kvproj")
    w = shown_window(qtbot, store)
    assert not w.key_dates.isVisible()  # nothing to rank yet
    (tmp_path / "a.txt").write_text("date 2023-07-18 Kerry met Wang Yi in Beijing on Tuesday.\n",
                                    encoding="utf-8")
    with qtbot.waitSignal(w.jobs.finished, timeout=60000):
        assert w.import_paths([tmp_path / "a.txt"])
    assert w.key_dates.isVisible()
    qtbot.waitUntil(lambda: listed(w)[:1] != [], timeout=3000)
    assert listed(w)[0].startswith("1. Tue 18 Jul 2023\n")
    w.jobs.wait()
    store.close()


def test_key_date_rows_read_like_a_calendar():
    row = KeyDateRow(rank=1, day=date(2010, 4, 20), importance=726, event_id="x", headline="h")
    assert row.day_text() == "Tue 20 Apr 2010"
    assert row.span() == day_span("2010-04-20")


TWO_STORIES = Path(__file__).resolve().parents[1] / "data" / "stories"


def test_a_chosen_story_lists_its_own_key_dates(qtbot, tmp_path):
    from kerryview.bundled import bundled_corpus_paths
    from kerryview.pipeline import import_into_store
    store = Store(tmp_path / "three.kvproj")
    import_into_store(store, [TWO_STORIES, *bundled_corpus_paths()])
    w = shown_window(qtbot, store)
    qtbot.waitUntil(lambda: bool(listed(w)), timeout=3000)
    everything = listed(w)
    stories = w.stories.model.rows()[1:]
    kerry = next(s for s in stories if "climate" in s.name)
    w.stories.choose({kerry.story_id})
    qtbot.waitUntil(lambda: listed(w) not in ([], everything), timeout=3000)
    shown = {ev.id for ev in w.index().events}
    rows = w.key_dates.panel.rows()
    assert rows and all(r.event_id in shown for r in rows)
    assert any(r.day == date(2023, 7, 18) for r in rows)  # Kerry meets Wang Yi
    w.stories.choose(None)
    qtbot.waitUntil(lambda: listed(w) == everything, timeout=3000)
    w.jobs.wait()
    store.close()


def test_the_list_ranks_days_as_extract_does_though_the_window_opens_without_passages(
        qtbot, bundled_store):
    """The window reads events without their passages (a fast open); key dates weigh each
    article by where and how it tells an event, so the list reads them first."""
    from kerryview.events.importance import key_dates
    expected = [d for d, _ in key_dates(bundled_store.events(), bundled_store.documents())][:10]
    w = shown_window(qtbot, bundled_store)
    qtbot.waitUntil(lambda: bool(listed(w)), timeout=3000)
    assert [r.day for r in w.key_dates.panel.rows()] == expected
    assert not any(ev.mentions for ev in w.index().events)  # read in the worker's copies
    w.jobs.wait()


def test_a_damaged_project_leaves_the_list_empty_without_a_crash(qtbot, window, store):
    w = window
    wait_listed(qtbot, w, EXPECTED)
    w.reload()  # new Event objects, read without their passages
    store.close()
    Path(store.path).write_bytes(b"not a database" * 100)  # the job's connection fails
    panel = w.key_dates.panel
    panel.marks_changed()
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.working(), timeout=5000)
    assert listed(w) == [] and panel.empty.text() == "No day-level events yet"
    assert w.isVisible()


def test_the_job_ranks_as_key_dates_on_events_read_with_their_passages(bundled_store):
    """The window's events are read without passages; the job reads them into copies on its
    own connection: the same rows as key_date_rows on every passage, the events untouched."""
    from kerryview.gui.keydates import KeyDatesJob, key_date_rows
    docs = bundled_store.documents()
    full = bundled_store.events()
    shown = bundled_store.events(passages=False)
    assert not any(e.mentions for e in shown)
    job = KeyDatesJob(shown, frozenset(), docs, 50)
    rows = job.run(bundled_store, lambda *a: None, lambda: False)
    assert rows and rows == key_date_rows(full, docs, 50)
    assert not any(e.mentions for e in shown)  # no passage read into the window's events
    # a mark the window shows (kept in its events) counts, whatever the store says
    top = next(e for e in full if e.id == rows[0].event_id)
    top.dismissed = True
    dismissed = KeyDatesJob(shown, frozenset({top.id}), docs, 50).run(
        bundled_store, lambda *a: None, lambda: False)
    assert dismissed == key_date_rows(full, docs, 50) != rows
    assert KeyDatesJob(shown, frozenset(), docs, 50).run(
        bundled_store, lambda *a: None, lambda: True) is None  # cancelled


def test_a_job_reads_again_only_the_passages_of_events_read_again(bundled_store, monkeypatch):
    """The passages a job read are kept for the next (a mark, a story chosen: the same Event
    objects); events read again from the store (an import, an edit) are read again."""
    from kerryview.gui.keydates import KeyDatesJob, key_date_rows
    docs = bundled_store.documents()
    shown = bundled_store.events(passages=False)
    asked: list[int] = []
    original = Store.mentions_of
    monkeypatch.setattr(Store, "mentions_of",
                        lambda self, ids: asked.append(len(ids)) or original(self, ids))
    known: dict = {}
    first = KeyDatesJob(shown, frozenset(), docs, 50, known).run(
        bundled_store, lambda *a: None, lambda: False)
    assert asked and asked[-1] > 0
    top = first[0].event_id
    again = KeyDatesJob(shown, frozenset({top}), docs, 50, known).run(
        bundled_store, lambda *a: None, lambda: False)
    assert len(asked) == 1  # nothing read: the same events
    full = bundled_store.events()
    for e in full:
        e.dismissed = e.id == top
    assert again == key_date_rows(full, docs, 50)
    read_again = bundled_store.events(passages=False)
    assert KeyDatesJob(read_again, frozenset(), docs, 50, known).run(
        bundled_store, lambda *a: None, lambda: False) == first
    assert len(asked) == 2 and asked[-1] == asked[0]


def _gated_passages(monkeypatch):
    """Store.mentions_of in a worker held until the returned gate is set; `reading` is set
    when a job reads."""
    import threading
    gate = threading.Event()
    reading = threading.Event()
    original = Store.mentions_of

    def slow(self, ids):
        if threading.current_thread() is not threading.main_thread():  # the job's, only
            reading.set()
            gate.wait(10)
        return original(self, ids)
    monkeypatch.setattr(Store, "mentions_of", slow)
    return gate, reading


def test_rows_of_older_data_are_never_shown(qtbot, window, monkeypatch):
    """A job still working when the data changes is cancelled; the rows shown before stay,
    dimmed under "updating…", until the new data's rows come; the old job's are never shown."""
    w = window
    panel = w.key_dates.panel
    wait_listed(qtbot, w, EXPECTED)
    w.reload()  # new Event objects, read without their passages
    gate, reading = _gated_passages(monkeypatch)
    shown: list[list[KeyDateRow]] = []
    panel.keyDaysChanged.connect(lambda rows: shown.append(list(rows)))
    panel.marks_changed()
    panel.refresh()
    assert reading.wait(5) and panel.working()
    assert listed(w) == EXPECTED and not panel.empty.isVisible()
    assert panel.updating.isVisible() and panel.updating.text() == "updating…"
    panel.count.setValue(2)  # new data while the job reads
    panel.refresh()
    gate.set()
    wait_listed(qtbot, w, EXPECTED[:2])
    qtbot.waitUntil(lambda: not panel.working(), timeout=5000)
    assert listed(w) == EXPECTED[:2] and not panel.updating.isVisible()
    assert [len(rows) for rows in shown] == [2]  # never the first job's three, never none


def _row_colour(panel, row: int):
    image = panel.view.viewport().grab().toImage()
    rect = panel.view.visualRect(panel.model.index(row))
    dpr = image.devicePixelRatio()
    # the rank's digit, drawn in the key-date colour: its most saturated pixel
    best = None
    for x in range(rect.left() + 4, rect.left() + 24):
        for y in range(rect.top() + 2, rect.top() + 22):
            c = image.pixelColor(int(x * dpr), int(y * dpr))
            if best is None or c.saturation() > best.saturation():
                best = c
    return best


def test_a_dismiss_keeps_the_rows_and_pins_shown_dimmed_until_the_new_ones_come(
        qtbot, window, monkeypatch):
    """No flicker: while the list is worked out again the rows stay (faded, "updating…")
    and the timeline keeps its pins; then the new rows replace them at once."""
    w = window
    panel = w.key_dates.panel
    wait_listed(qtbot, w, EXPECTED)
    w.timeline.fitAll()
    crisp = _row_colour(panel, 0)
    import threading
    from kerryview.gui import keydates
    gate, running = threading.Event(), threading.Event()
    original = keydates.KeyDatesJob.run

    def held(self, *args):
        running.set()
        gate.wait(10)
        return original(self, *args)
    monkeypatch.setattr(keydates.KeyDatesJob, "run", held)
    shown: list[list[KeyDateRow]] = []
    panel.keyDaysChanged.connect(lambda rows: shown.append(list(rows)))
    w.timeline.setCurrentEvent(w.index().row_of["e-talks"])
    w.action(Action.DISMISSED).trigger()  # Event > Not an event
    qtbot.waitUntil(running.is_set, timeout=3000)
    assert listed(w) == EXPECTED and panel.updating.isVisible()
    assert not panel.empty.isVisible()
    w.timeline.setView(day_span("2023-07-16")[0], day_span("2023-07-21")[1])
    assert [rank for rank, _ in w.timeline.keyDayMarks()] == [1, 2, 3]  # the pins stay
    faded = _row_colour(panel, 0)
    assert faded.saturation() < crisp.saturation()  # drawn dimmed
    gate.set()
    wait_listed(qtbot, w, ["1. Tue 18 Jul 2023\nKerry met Wang Yi",
                           "2. Thu 20 Jul 2023\nKerry left Beijing"])
    assert not panel.updating.isVisible()
    assert [rank for rank, _ in w.timeline.keyDayMarks()] == [1, 2]
    assert [len(rows) for rows in shown] == [2]  # the pins were never cleared
    assert _row_colour(panel, 0).saturation() == crisp.saturation()


def test_an_import_with_a_preview_works_out_the_key_dates_once(qtbot, window, tmp_path,
                                                              monkeypatch):
    """Each preview of a running import reloads the timeline; the list keeps the rows shown
    before (dimmed) and ranks once, on the import's result."""
    from kerryview.gui import keydates
    w = window
    panel = w.key_dates.panel
    wait_listed(qtbot, w, EXPECTED)
    runs: list[int] = []
    original = keydates.KeyDatesJob.run
    monkeypatch.setattr(keydates.KeyDatesJob, "run",
                        lambda self, *a: runs.append(len(self.events)) or original(self, *a))
    during: list[tuple[list[str], bool]] = []
    w.jobs.partial.connect(lambda *a: QTimer.singleShot(
        0, lambda: during.append((listed(w), panel.updating.isVisible()))))
    for i in range(3):
        (tmp_path / f"n{i}.txt").write_text(
            f"date 2023-07-2{i} Kerry met Wang Yi in Beijing on July 2{i}.\n", encoding="utf-8")
    with qtbot.waitSignal(w.jobs.finished, timeout=60000):
        assert w.import_paths([tmp_path / f"n{i}.txt" for i in range(3)])
    qtbot.waitUntil(lambda: not panel.working() and not panel._stale and bool(runs),
                    timeout=5000)
    assert during and all(rows == EXPECTED and dimmed for rows, dimmed in during)
    assert len(runs) == 1 and runs[0] == len(w.index())  # once, on the result
    assert listed(w) not in ([], EXPECTED) and not panel.updating.isVisible()
    assert any("Sat 22 Jul 2023" in row for row in listed(w))  # an imported article's day


def test_the_list_never_reads_passages_into_the_window(qtbot, window):
    w = window
    wait_listed(qtbot, w, EXPECTED)
    shown: list[list[KeyDateRow]] = []
    w.key_dates.panel.keyDaysChanged.connect(lambda rows: shown.append(list(rows)))
    w.reload()  # new Event objects, read without their passages: ranked again
    qtbot.waitUntil(lambda: len(shown) >= 1 and bool(shown[-1]), timeout=3000)
    assert listed(w) == EXPECTED
    assert not any(ev.mentions for ev in w.index().events)


def test_rows_are_painted_without_making_fonts_until_the_font_changes(qtbot, window,
                                                                      monkeypatch):
    """Painting the list (each scroll, hover, selection) makes no QFont: the day's bold and the
    headline's fonts are made once, and again when the list's font changes, which the rows
    then show (taller rows, the day in the new size)."""
    import kerryview.gui.keydates as kd
    wait_listed(qtbot, window, EXPECTED)
    panel = window.key_dates.panel
    made = []

    class CountedFont(kd.QFont):
        def __init__(self, *args):
            made.append(args)
            super().__init__(*args)
    monkeypatch.setattr(kd, "QFont", CountedFont)
    view = panel.view
    view.viewport().repaint()  # fonts made before the patch are kept
    for r in range(panel.model.rowCount()):
        view.setCurrentIndex(panel.model.index(r))
        view.viewport().repaint()
    assert made == []
    height = view.visualRect(panel.model.index(0)).height()
    before = view.viewport().grab().toImage()
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    view.setFont(font)
    qtbot.waitUntil(lambda: view.visualRect(panel.model.index(0)).height() > height * 1.3,
                    timeout=2000)
    view.viewport().repaint()
    view.viewport().repaint()
    assert len(made) == 2  # the body and the bold, once for the new font
    assert panel.delegate.fonts().bold.pointSizeF() == font.pointSizeF()
    assert view.viewport().grab().toImage() != before
