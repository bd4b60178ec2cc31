"""The Stories list as a user meets it: a project of three stories lists them with their counts;
choosing one shows only its events on the timeline and in the find bar; All stories shows all."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kerryview.bundled import bundled_corpus_paths
from kerryview.gui import settings
from kerryview.gui.mainwindow import MainWindow
from kerryview.gui.mainwindow.actions import Action
from kerryview.gui.stories import ALL_STORIES, StoryIdRole
from kerryview.pipeline import import_into_store
from kerryview.store import Store

TWO_STORIES = Path(__file__).resolve().parents[1] / "data" / "stories"


@pytest.fixture(scope="module")
def three_stories_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("stories") / "three.kvproj"
    store = Store(path)
    import_into_store(store, [TWO_STORIES, *bundled_corpus_paths()])
    store.close()
    return path


@pytest.fixture
def window(qtbot, three_stories_db, tmp_path):
    import shutil
    dest = tmp_path / "three.kvproj"
    shutil.copy(three_stories_db, dest)
    store = Store(dest)
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    store.close()


def listed(w) -> list[str]:
    m = w.stories.model
    return [m.index(r).data() for r in range(m.rowCount())]


def event_docs(w) -> set[str]:
    index = w.index()
    return {d for ev in list(index.events) + list(index.undated) for d in ev.document_ids}


def click_row(qtbot, w, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    view = w.stories.view
    rect = view.visualRect(w.stories.model.index(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_the_stories_are_listed_with_their_names_and_counts(window):
    w = window
    assert w.stories_dock.isVisible() and w.action(Action.STORIES).isEnabled()
    rows = listed(w)
    total_events = len(w.index()) + len(w.index().undated)
    assert rows[0] == f"{ALL_STORIES}\n13 articles · {total_events} events"
    assert len(rows) == 4
    names = [r.split("\n")[0] for r in rows[1:]]
    assert "climate" in names[0] and "cup" in names[1] + names[2]
    assert all(r.split("\n")[1].startswith(("5 articles", "4 articles")) for r in rows[1:])
    assert w.stories.view.selectionModel().isRowSelected(0)  # All stories by default
    assert w.stories.accessibleName() == "Stories"
    assert w.stories.view.accessibleName() == "Stories in the project"
    assert "cup" in w.stories.model.index(2).data(Qt.ItemDataRole.AccessibleTextRole) + \
        w.stories.model.index(3).data(Qt.ItemDataRole.AccessibleTextRole)


def test_choosing_a_story_shows_only_its_events_and_all_stories_shows_them_again(qtbot, window):
    w = window
    everything = len(w.index())
    cup_row = next(r for r in range(1, 4) if "cup" in listed(w)[r])
    cup_id = w.stories.model.index(cup_row).data(StoryIdRole)
    cup_docs = {s for s in w.store.stories() if s.id == cup_id}.pop().document_ids
    click_row(qtbot, w, cup_row)
    assert w.stories.chosen() == frozenset({cup_id})
    assert 0 < len(w.index()) < everything
    assert event_docs(w) <= set(cup_docs)
    assert "· 4 articles" in w.status.count_label.text()
    shown = int(listed(w)[cup_row].split("\n")[1].split(" · ")[1].split()[0])
    assert len(w.index()) + len(w.index().undated) == shown
    # Ctrl+click adds a second story
    other = next(r for r in range(1, 4) if r != cup_row)
    click_row(qtbot, w, other, Qt.KeyboardModifier.ControlModifier)
    assert len(w.stories.chosen()) == 2
    click_row(qtbot, w, 0)
    assert w.stories.chosen() is None and len(w.index()) == everything


def test_the_find_bar_searches_the_chosen_stories_only(qtbot, window):
    w = window
    volcano_row = next(r for r in range(1, 4) if "eruption" in listed(w)[r])
    w.find.open_bar()
    w.find.field.setText("Wembley")
    qtbot.waitUntil(lambda: not w.find._timer.isActive(), timeout=3000)
    assert w.find.model.rowCount() > 0
    click_row(qtbot, w, volcano_row)
    w.find.field.setText("Wembley ")
    qtbot.waitUntil(lambda: not w.find._timer.isActive(), timeout=3000)
    assert w.find.model.rowCount() == 0


def test_view_stories_hides_the_list_remembered_and_shows_every_story(qtbot, window):
    w = window
    click_row(qtbot, w, 1)
    assert w.stories.chosen() is not None
    w.action(Action.STORIES).trigger()
    assert not w.stories_dock.isVisible() and settings.STORIES_PANEL.get() is False
    assert w.stories.chosen() is None
    w.action(Action.STORIES).trigger()
    assert w.stories_dock.isVisible() and settings.STORIES_PANEL.get() is True


def test_a_project_of_one_story_shows_no_list(qtbot, bundled_store):
    w = MainWindow(bundled_store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert not w.stories_dock.isVisible() and not w.action(Action.STORIES).isEnabled()
    w.close()


def test_choosing_a_story_lists_only_its_articles_in_the_documents_table(qtbot, window):
    """The documents table follows the Stories list as the timeline does: the chosen story's
    articles, by their headlines, and every article again for All stories."""
    from kerryview.gui.mainwindow.documents import Column, IdRole
    w = window
    table = w.documents
    assert len(table.rows()) == 13
    cup_row = next(r for r in range(1, 4) if "cup" in listed(w)[r])
    cup_id = w.stories.model.index(cup_row).data(StoryIdRole)
    cup_docs = {s for s in w.store.stories() if s.id == cup_id}.pop().document_ids
    click_row(qtbot, w, cup_row)
    rows = table.rows()
    assert len(rows) == len(cup_docs) == 4
    m = table.model()
    assert {m.index(r, 0).data(IdRole) for r in range(m.rowCount())} == set(cup_docs)
    assert sorted(r[Column.HEADLINE] for r in rows) == [
        "Okafor's winner seals cup for Rovers; United manager under pressure",
        "Rovers beat United 2-1 in the cup final at Wembley",
        "Rovers parade the cup through the city after Wembley final win",
        "United sack manager after cup final defeat to Rovers"]
    other = next(r for r in range(1, 4) if r != cup_row)  # Ctrl+click: both stories' articles
    click_row(qtbot, w, other, Qt.KeyboardModifier.ControlModifier)
    assert 4 < len(table.rows()) < 13
    click_row(qtbot, w, 0)
    assert len(table.rows()) == 13


def _event(eid: str, *doc_ids: str):
    from kerryview.model import Event, EventMention, Granularity, Timex
    t = Timex(0, 4, "2023", "DATE", "2023")
    return Event(eid, eid, "2023", "2023-01-01", "2024-01-01", Granularity.YEAR,
                 mentions=[EventMention(d, 0, 4, "2023", t) for d in doc_ids])


def test_story_counts_count_an_event_once_in_every_story_of_its_articles():
    """An event counts once per story however many of its passages are in it, in each story
    one of its articles is in (an edit may merge across stories), and in none for an article
    no story holds (All stories still counts every event)."""
    from kerryview.gui.stories import story_rows
    from kerryview.stories import Story
    a = Story("a", "alpha", (), ("a1", "a2"))
    b = Story("b", "beta", (), ("b1",))
    events = [_event("e1", "a1", "a2", "a1"), _event("e2", "a1", "b1"), _event("e3", "b1"),
              _event("e4", "loose"), _event("e5")]
    rows = story_rows([a, b], events)
    assert [(r.story_id, r.articles, r.events) for r in rows] == \
        [("", 3, 5), ("a", 2, 2), ("b", 1, 2)]
    assert rows[1].counts() == "2 articles · 2 events"


def test_a_reload_names_the_sources_once_for_every_view(qtbot, window, monkeypatch):
    """The passages, the reader and the documents table name the articles by the same
    distinct names, worked out once per reload (a big project has 10,000 of them)."""
    import kerryview.gui.mainwindow.window as window_module
    from kerryview import sources
    calls = []

    def counted(docs):
        calls.append(len(docs))
        return sources.distinct_names(docs)
    for module in ("kerryview.gui.mainwindow.window", "kerryview.gui.passages",
                   "kerryview.gui.models", "kerryview.gui.mainwindow.documents"):
        monkeypatch.setattr(f"{module}.distinct_names", counted)
    w = window
    w.reload()
    assert calls == [len(w.docs)]
    expected = sources.distinct_names(w.docs)
    assert w.reader.names == expected
    assert w.passages._names == expected and w.passages.model._names == expected
    assert w.documents.model_._names == expected
    assert window_module.distinct_names is counted


def test_clicking_a_passage_in_the_reader_selects_its_event_in_the_story_shown(qtbot, window):
    """Clicking a marked passage in the reader selects its event at the row the timeline
    shows it, before and after a story is chosen (the rows change), and when the reader
    shows a passage of an event the chosen story leaves out, nothing else is selected."""
    w = window
    last = w.index().events[-1]
    [first] = w.store.mentions_of([last.id])[last.id][:1]  # opened without its passages
    assert not last.mentions
    w.reader.passageClicked.emit(first)
    assert w.timeline.currentEvent().id == last.id
    cup_row = next(r for r in range(1, 4) if "cup" in listed(w)[r])
    click_row(qtbot, w, cup_row)
    ev = w.index().events[-1]
    assert w.index().row_of[ev.id] != w._full.index.row_of[ev.id]  # its row moved
    w.reader.passageClicked.emit(ev.mentions[-1])
    assert w.timeline.currentEvent().id == ev.id
    assert w.passages.model.mention(w.passages.view.currentIndex().row()) == ev.mentions[-1]
    outside = next(e for e in w._full.index.events if e.id not in w.index().row_of)
    w.reader.passageClicked.emit(w.store.mentions_of([outside.id])[outside.id][0])
    assert w.timeline.currentEvent().id == ev.id


def _counting_summaries(monkeypatch) -> list[int]:
    """How many times an event's EventSummary is worked out from its passages."""
    from kerryview.model import EventSummary
    made = []
    of = EventSummary.of.__func__

    def counted(cls, mentions):
        made.append(len(mentions))
        return of(cls, mentions)
    monkeypatch.setattr(EventSummary, "of", classmethod(counted))
    return made


def test_choosing_a_story_reads_no_stories_and_counts_nothing_again(qtbot, window,
                                                                     monkeypatch):
    """The stories and the counts of the corpus shown stand while stories are chosen in the
    list: a click reads nothing from the project and counts no event's passages again (it
    only picks the events shown); the lists show the same counts."""
    import kerryview.gui.mainwindow.window as window_module
    w = window
    before = listed(w)
    queries: list[str] = []
    w.store.conn.set_trace_callback(queries.append)
    counted = []
    count = getattr(window_module, "count_corpus", None)
    monkeypatch.setattr(window_module, "count_corpus",
                        lambda *a, **k: counted.append(1) or count(*a, **k), raising=False)
    made = _counting_summaries(monkeypatch)
    cup_row = next(r for r in range(1, 4) if "cup" in listed(w)[r])
    click_row(qtbot, w, cup_row)
    shown = len(w.index())
    click_row(qtbot, w, 0)
    w.store.conn.set_trace_callback(None)
    assert 0 < shown < len(w.index())
    assert not [q for q in queries if "stories" in q or "story_documents" in q], queries
    assert counted == [] and made == []
    assert listed(w) == before


def test_a_reload_works_out_each_event_s_summary_once(qtbot, window, monkeypatch):
    """Showing events read with their passages (an import's, an edit's) works out each one's
    summary once, in the TimelineIndex: the documents table's passage counts and the story
    counts are read from those (count_corpus), not counted again."""
    from kerryview.gui.jobs import Corpus
    w = window
    events = w.store.events()  # with their passages, as an import hands them over
    docs = w.store.documents()
    made = _counting_summaries(monkeypatch)
    w.reload(Corpus.of(docs, events))
    assert len(made) == len(events)
    per_doc = {}
    for ev in w.index().events:
        for m in ev.mentions:
            per_doc[m.document_id] = per_doc.get(m.document_id, 0) + 1
    model = w.documents.model_
    assert {model.document(r).id: model._rows[r].passages for r in range(model.rowCount())} \
        == {d.id: per_doc.get(d.id, 0) for d in docs}


def _what_the_user_sees(w, view=None) -> dict:
    """The window as a user reads it once a project is open (the timeline at `view`)."""
    if view is not None:
        w.timeline.setView(*view)
    m = w.documents.model_
    frame = w.timeline.frame()
    rows = w.timeline.visibleRows()
    w.find.open_bar()
    w.find.field.setText("Kerry")
    w.find.run()
    found = [w.find.model.index(i).data() for i in range(w.find.model.rowCount())]
    w.find.close_bar()
    return {"mode": frame.mode, "width": w.timeline.width(),
            "drawn": [(i.row, i.lane) for i in frame.items], "rows": rows,
            "status": w.status.count_label.text(), "documents": w.documents.rows(),
            "passages": [m.data(m.index(r, 0), Qt.ItemDataRole.ToolTipRole)
                         for r in range(m.rowCount())],
            "stories": listed(w), "stories shown": w.stories_dock.isVisible(),
            "sources": [w.find.source.itemText(i) for i in range(w.find.source.count())],
            "found": found, "title": w.windowTitle()}


def test_a_big_project_shows_its_timeline_first_then_what_one_read_shows(
        qtbot, three_stories_db, tmp_path, monkeypatch):
    """Opened in the worker, a project's timeline is painted before its documents are read;
    once they are, the window shows exactly what reading everything at once shows (the
    timeline, the status bar, the documents table, the stories, the find bar)."""
    import shutil

    import kerryview.gui.mainwindow.window as window_module
    from kerryview.store.store import Store as StoreClass
    dest = tmp_path / "three.kvproj"
    shutil.copy(three_stories_db, dest)
    order: list[str] = []
    documents = StoreClass.documents
    monkeypatch.setattr(StoreClass, "documents",
                        lambda self: order.append("documents read") or documents(self))
    monkeypatch.setattr(window_module, "ASYNC_LOAD_EVENTS", 1)
    store = Store(dest)
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.timeline.painted.connect(lambda: order.append(f"painted {len(w.timeline.index())}"))
    measure = w.timeline.measureAhead  # labels measured ahead of need: not while reading
    w.timeline.measureAhead = lambda on: order.append(f"ahead {on}") or measure(on)
    w.timeline.notify_paints = True
    with qtbot.waitSignal(w.corpusLoaded, timeout=30000):
        w.show()
    events = len(w.timeline.index())
    assert f"painted {events}" in order and \
        order.index(f"painted {events}") < order.index("documents read")
    read = order.index("documents read")
    assert "ahead False" in order[:read] and "ahead True" in order[read:]
    view = w.timeline.view()
    seen = _what_the_user_sees(w)
    w.close()
    monkeypatch.setattr(window_module, "ASYNC_LOAD_EVENTS", 10 ** 9)  # read at once
    at_once = MainWindow(Store(dest))
    qtbot.addWidget(at_once)
    at_once.resize(1280, 800)
    at_once.show()
    qtbot.waitExposed(at_once)
    assert not at_once.loading
    # both fit every event in view (one at the width the Stories list leaves, one before it
    # was laid out and then kept when it was)
    (a, b), (c, d) = view, at_once.timeline.view()
    assert abs(a - c) + abs(b - d) < 0.02 * (b - a)
    assert _what_the_user_sees(at_once, view) == seen
    assert seen["stories shown"] and len(seen["documents"]) == 13
    at_once.close()


def test_a_big_project_says_it_is_loading_until_its_events_are_shown(qtbot, three_stories_db,
                                                                      tmp_path, monkeypatch):
    """Opened by the app (the window owns the project), a project read in the worker says so
    on the timeline, not that it is empty."""
    import shutil

    import kerryview.gui.mainwindow.window as window_module
    from kerryview.gui.project import open_project
    dest = tmp_path / "three.kvproj"
    shutil.copy(three_stories_db, dest)
    monkeypatch.setattr(window_module, "ASYNC_LOAD_EVENTS", 1)
    project = open_project(dest)
    w = MainWindow(project.store)
    qtbot.addWidget(w)
    w.own_project(project)  # as kerryview.gui.app.run does
    assert w.events_loading and w.timeline._empty_text[0].startswith("Loading ")
    with qtbot.waitSignal(w.corpusLoaded, timeout=30000):
        w.show()
    assert len(w.index()) and w.timeline._empty_text[0] == window_module.EMPTY_PROJECT_TEXT[0]
    w.close()
    project.close()


def test_the_key_dates_list_shown_again_gets_most_of_the_left_side(qtbot, window):
    """View > Key dates off and on again beside the Stories list: the key dates get their
    share of the height (Qt left them a few rows, under a list of four stories)."""
    from kerryview.gui.mainwindow.window import KEY_DATES_SHARE
    w = window
    w.resize(1280, 800)
    qtbot.waitUntil(lambda: w.stories_dock.isVisible() and w.key_dates.isVisible())
    w.key_dates.show_panel(False)
    qtbot.waitUntil(lambda: not w.key_dates.isVisible())
    w.key_dates.show_panel(True)

    def shared() -> bool:
        total = w.stories_dock.height() + w.key_dates.height()
        return w.key_dates.height() >= (KEY_DATES_SHARE - 0.05) * total
    qtbot.waitUntil(shared, timeout=3000)


def test_the_users_split_of_the_left_side_is_kept_when_a_list_is_shown_again(qtbot, window):
    """The user gave the Stories list more room than the key dates; hiding and showing either
    list keeps their split (it was set back to KEY_DATES_SHARE each time)."""
    w = window
    w.resize(1280, 800)
    qtbot.waitUntil(lambda: w.stories_dock.isVisible() and w.key_dates.isVisible())
    qtbot.wait(50)  # the first split, KEY_DATES_SHARE, is set

    def share() -> float:
        return w.key_dates.height() / (w.stories_dock.height() + w.key_dates.height())
    total = w.stories_dock.height() + w.key_dates.height()
    w.resizeDocks([w.stories_dock, w.key_dates], [round(total * 0.7), round(total * 0.3)],
                  Qt.Orientation.Vertical)  # as the user drags the separator
    qtbot.waitUntil(lambda: abs(share() - 0.3) < 0.05, timeout=3000)
    for dock in (w.key_dates, w.stories_dock):
        dock.hide()
        qtbot.waitUntil(lambda dock=dock: not dock.isVisible())
        dock.show()
        qtbot.waitUntil(lambda dock=dock: dock.isVisible())
        qtbot.wait(50)
        assert abs(share() - 0.3) < 0.05, share()


def _seen(w) -> dict:
    """What the user reads of the events and their counts: the stories list, the documents
    table, the status bar's counts, the events on the timeline (label, day)."""
    index = w.index()
    return {"stories": listed(w), "documents": w.documents.rows(),
            "status": w.status.count_label.text(),
            "events": sorted((ev.label, ev.start) for ev in index.events),
            "undated": sorted(ev.label for ev in index.undated)}


def test_an_edit_with_a_story_chosen_shows_what_reading_the_project_again_shows(qtbot, window):
    """An edit changes only the edited events' rows and counts (it no longer reads or counts
    every event again): with a story chosen, a merge shows and counts what reading the project
    again shows, its undo exactly what was shown before, its redo what the merge showed."""
    w = window
    cup_row = next(r for r in range(1, 4) if "cup" in listed(w)[r])
    click_row(qtbot, w, cup_row)
    before = _seen(w)
    evs = list(w.index().events[:2])
    w._read_passages(evs)
    assert w.edits.merge(evs)
    after = _seen(w)
    assert after != before and len(after["events"]) == len(before["events"]) - 1
    w.edits.stack.undo()
    assert _seen(w) == before
    w.edits.stack.redo()
    assert _seen(w) == after
    w.reload()  # the project read again, the story still chosen
    assert w.stories.chosen() is not None and _seen(w) == after


def _undated_pile(tmp_path):
    """Two stories; the first holds a dated event and three undated ones (no calendar day),
    the second one event: choosing the first shows a subset of the project's events."""
    from conftest import make_corpus, mention
    from kerryview.model import DateSource, Document, Event
    from kerryview.stories import Story

    docs, events = make_corpus()
    other = Document(id="c", path="/news/c.txt", title="Volcano", text="The volcano erupted in 2021.",
                     dct=None, dct_source=DateSource.unknown())
    volcano = Event(id="e-volcano", label="The volcano erupted", value="2021", start="2021-01-01",
                    end="2022-01-01", granularity="year")
    volcano.mentions = [mention(other, "The volcano erupted in 2021.", "2021", "2021", "erupted")]
    a = docs[0]
    undated = []
    for i, (passage, word) in enumerate([("Kerry met Wang Yi", "Kerry"),
                                         ("Talks lasted 12 hours", "Talks"),
                                         ("He will leave", "He")]):
        ev = Event(id=f"u{i}", label=f"Undated {i}", value="XXXX", start="", end="",
                   granularity="year")
        ev.mentions = [mention(a, passage, word, "XXXX")]
        undated.append(ev)
    store = Store(tmp_path / "undated.kvproj")
    store.save_corpus([*docs, other], [*events, *undated, volcano])
    store.save_stories([Story("s-envoy", "envoy · Beijing", ("envoy",), ("a", "b")),
                        Story("s-volcano", "volcano", ("volcano",), ("c",))])
    return store


def test_an_undo_with_a_story_chosen_puts_the_undated_events_back_in_their_place(qtbot, tmp_path):
    """With a story chosen, renaming the first of its undated events and undoing it shows and
    exports the undated events in the order they had (the undo put the renamed one back at
    the end of the shown list: the story's index was given no order for them)."""
    import json
    from dataclasses import replace

    from kerryview.gui.edits.controller import fields_of
    from kerryview.gui.mainwindow import export as gui_export

    store = _undated_pile(tmp_path)
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    try:
        click_row(qtbot, w, next(r for r in range(1, 3) if "envoy" in listed(w)[r]))
        assert w.stories.chosen() == frozenset({"s-envoy"})
        before = [ev.label for ev in w.index().undated]
        assert before == ["Undated 0", "Undated 1", "Undated 2"]
        first = w.index().undated[0]
        w._read_passages([first])
        assert w.edits.edit_event(first, replace(fields_of(first), label="Renamed"))
        assert sorted(ev.label for ev in w.index().undated) == ["Renamed", "Undated 1", "Undated 2"]
        w.edits.stack.undo()
        assert [ev.label for ev in w.index().undated] == before
        out = tmp_path / "shown.json"
        with qtbot.waitSignal(w.exportDone, timeout=10000) as done:
            assert gui_export.export(w, out, "json")
        assert done.args == [True]
        exported = [e["label"] for e in json.loads(out.read_text())["events"]]
        assert [x for x in exported if x.startswith("Undated")] == before
    finally:
        w.jobs.cancel()
        w.jobs.wait()
        w.close()
        store.close()
