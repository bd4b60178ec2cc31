"""What the find bar searches is kept with the events (schema step 11, table event_search,
kerryview.searchtext): every save writes it from the passages it saves, the step fills it for
an older project, a new version of it is made again at the open, and the first search finds
with it exactly what it finds by reading every passage."""
from __future__ import annotations

import sqlite3

import kerryview.incremental.merge as merging
import kerryview.searchtext as searchtext
from kerryview.gui.search import SearchIndex, parse_query
from kerryview.gui.timeline.index import TimelineIndex
from kerryview.pipeline import StoredResult, import_into_store, remove_documents
from kerryview.store import Store
from kerryview.store.migrations import latest_version, stored_version

from pipeline_checks import dated_demo, garble_table


def _computed(store: Store) -> dict[str, str]:
    """Each stored event's search text worked out from its passages and its articles."""
    texts = {d.id: d.text for d in store.documents()}
    names = searchtext.ArticleNames(texts.get)
    return {e.id: searchtext.passages_text(e.mentions, names) for e in store.events()
            if e.mentions}


def _kept(path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    rows = dict(conn.execute("SELECT event_id, text FROM event_search"))
    conn.close()
    return rows


def test_every_save_keeps_each_event_s_search_text(tmp_path, monkeypatch):
    monkeypatch.setattr(merging, "REFIT_FRACTION", 10.0)  # a small pile: add incrementally
    files = dated_demo(tmp_path)
    path = tmp_path / "p.db"
    store = Store(path)
    import_into_store(store, files[:3])  # in full
    assert _kept(path) == _computed(store) and _kept(path)
    assert isinstance(import_into_store(store, files[3:]), StoredResult)  # incrementally
    assert _kept(path) == _computed(store)
    assert "wang yi" in "".join(_kept(path).values())
    remove_documents(store, [store.documents()[0].id])
    assert _kept(path) == _computed(store)
    store.set_document_date(store.documents()[0].id, None)
    import_into_store(store, [], )  # resolved again in full
    assert _kept(path) == _computed(store)
    store.close()


def test_step_11_fills_the_search_texts_of_an_older_project(bundled_db, tmp_path):
    old = tmp_path / "old.db"
    old.write_bytes(bundled_db.read_bytes())
    conn = sqlite3.connect(old)
    conn.execute("DROP TABLE event_search")
    conn.execute("DELETE FROM schema_version WHERE version >= 11")
    conn.execute("DELETE FROM meta WHERE key = 'search_version'")
    conn.execute("UPDATE meta SET value = '10' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    assert stored_version(sqlite3.connect(old)) == 10
    ro = Store(old, read_only=True)  # not upgraded: no texts, the passages are searched
    assert ro.search_texts([e.id for e in ro.events(passages=False)]) == {}
    ro.close()
    store = Store(old)
    assert stored_version(store.conn) == latest_version() >= 11
    assert _kept(old) == _computed(store) and len(_kept(old)) == len(store.events())
    ids = [e.id for e in store.events(passages=False)]
    assert store.search_texts(ids) == _kept(old) == store.search_texts(ids[:2]) | \
        store.search_texts(ids[2:])
    store.close()


def test_texts_made_by_another_version_are_made_again_at_the_open(bundled_db, tmp_path,
                                                                  monkeypatch):
    path = tmp_path / "p.db"
    path.write_bytes(bundled_db.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute("UPDATE event_search SET text = 'stale'")
    conn.commit()
    conn.close()
    monkeypatch.setattr(searchtext, "VERSION", searchtext.VERSION + 1)
    searchtext.version.cache_clear()
    try:
        read_only = Store(path, read_only=True)  # stale and not to be written: not used
        assert read_only.search_texts([e.id for e in read_only.events()]) == {}
        read_only.close()
        store = Store(path)
        assert _kept(path) == _computed(store)
        assert store.refresh_search_texts_if_stale() is False  # once
        store.close()
    finally:
        searchtext.version.cache_clear()


QUERIES = ["Kerry", "wang yi", "Xie", '"climate talks"', "beijing", "Blinken", "ing",
           "july 2023", "Kerry 18 July 2023", "reuters", "lasted", "zzz"]


def test_the_first_search_reads_no_passage_and_finds_what_the_passages_find(bundled_db):
    store = Store(bundled_db, read_only=True)
    docs = store.documents()
    titles = {d.id: d.title or d.id for d in docs}
    texts = {d.id: d.text for d in docs}
    with_passages = SearchIndex(TimelineIndex(store.events()), titles, texts)
    light = store.events(passages=False)
    read: list = []
    stored = SearchIndex(TimelineIndex(light), titles, texts,
                         read_passages=lambda evs: read.extend(evs) or store.read_passages(evs),
                         stored_texts=store.search_texts)
    for q in QUERIES:
        assert stored.matches(parse_query(q)) == with_passages.matches(parse_query(q)), q
    assert read == [] and not any(e.mentions for e in light)
    assert stored._text == with_passages._text  # the same text searched, every event's
    store.close()


def test_a_damaged_search_table_is_left_for_the_passages(bundled_db, tmp_path):
    """The search texts are checked at the first search, not at the open (a project shows
    without them); damaged, the passages are searched instead, to the same events."""
    from kerryview.store.store import _CHECKED_FILES
    path = tmp_path / "p.db"
    path.write_bytes(bundled_db.read_bytes())
    garble_table(path, "event_search")
    _CHECKED_FILES.clear()
    store = Store(path, read_only=True, defer_cache_check=True)  # shown as usual
    light = store.events(passages=False)
    assert store.search_texts([e.id for e in light]) == {}
    docs = store.documents()
    search = SearchIndex(TimelineIndex(light), {d.id: d.title or d.id for d in docs},
                         {d.id: d.text for d in docs}, read_passages=store.read_passages,
                         stored_texts=store.search_texts)
    assert [light[r].id for r in search.matches(parse_query("wang yi"))]
    store.close()
