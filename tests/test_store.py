"""The SQLite store: round trips, stable order, and all-or-nothing writes."""
from datetime import date

import pytest

from kerryview.model import DateSource, DateSourceKind, Document, Event, EventMention, Timex
from kerryview.store import Store


def _corpus():
    doc = Document(id="d1", path="/x/d1.txt", text="Kerry met Xie on Monday.", title=None,
                   sha256="ab", dct=date(2023, 7, 18),
                   dct_source=DateSource(DateSourceKind.STATED_IN_TEXT, "stated"))
    t = Timex(16, 23, "Monday", "DATE", "2023-07-17", anchor="2023-07-18", anchor_kind="dct")
    m = EventMention("d1", 0, 24, doc.text, t, 6, 9, "happened", "Monday -> 2023-07-17",
                     "PT12H", "APPROX")
    ev = Event("e1", "Kerry met Xie", "2023-07-17", "2023-07-17", "2023-07-18", "day",
               duration="PT12H", mentions=[m], conflicts=["d2 dates it 2023-07-18"])
    return [doc], [ev]


def test_round_trip(tmp_path):
    store = Store(tmp_path / "c.db")
    docs, events = _corpus()
    store.save_corpus(docs, events)
    again = Store(tmp_path / "c.db")
    assert again.documents() == docs
    assert again.events() == events
    assert again.hashes() == {"ab": "d1"}


def test_failed_write_leaves_previous_corpus(tmp_path):
    store = Store(tmp_path / "c.db")
    docs, events = _corpus()
    store.save_corpus(docs, events)
    broken = Event("e2", "x", "2023", "2023-01-01", "2024-01-01", "year",
                   mentions=[object()])  # not a mention: fails half-way through the write
    with pytest.raises(Exception):
        store.save_corpus(docs, events + [broken])
    assert Store(tmp_path / "c.db").events() == events


def test_events_come_back_in_time_order(tmp_path):
    store = Store()
    evs = [Event(f"e{i}", f"L{i}", v, v, v, "day") for i, v in
           enumerate(["2023-07-18", "2022-08-01", "2023-07-17"])]
    store.save_corpus([], evs)
    assert [e.start for e in store.events()] == ["2022-08-01", "2023-07-17", "2023-07-18"]


def test_older_schema_keeps_documents_and_rebuilds_events(tmp_path):
    from kerryview.bundled import bundled_corpus_paths
    from kerryview.pipeline import import_into_store

    db = tmp_path / "old.db"
    store = Store(db)
    import_into_store(store, bundled_corpus_paths()[:2])
    n_events = store.event_count()
    store.db["meta"].upsert({"key": "schema_version", "value": "1"}, pk="key")
    store.close()
    reopened = Store(db)
    assert reopened.needs_rebuild and reopened.event_count() == 0
    assert len(reopened.documents()) == 2
    import_into_store(reopened, [])
    assert Store(db).event_count() == n_events and not Store(db).needs_rebuild


def test_user_marks_on_events_survive_rewrites_and_reopening(tmp_path):
    store = Store(tmp_path / "c.db")
    docs, events = _corpus()
    store.save_corpus(docs, events)
    store.set_event_mark("e1", reviewed=True)
    store.set_event_mark("e1", dismissed=True)
    store.save_corpus(*_corpus())  # a re-resolution rewrites every derived row
    [ev] = Store(tmp_path / "c.db").events()
    assert (ev.reviewed, ev.dismissed) == (True, True)
    fresh = _corpus()[1]
    store.apply_marks(fresh)  # what an import does with the events it just derived
    assert fresh[0].reviewed and fresh[0].dismissed
    store.set_event_mark("e1", reviewed=False, dismissed=False)
    assert store.marks() == {}
    [ev] = store.events()
    assert (ev.reviewed, ev.dismissed) == (False, False)
