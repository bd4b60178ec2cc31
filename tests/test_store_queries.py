"""The store's queries written once: the story filter of the stored merge's lookups, the
chunked IN (...) lists (kerryview.store.sql), the two ways events are read
(Store._stored_events) and the one rescoring of a project scored by other weights."""
from __future__ import annotations

import sqlite3

import pytest

from kerryview.store import Store
from kerryview.store import sql
from kerryview.store.merge_rows import MERGE_COLUMNS


def _row(i: int, doc: str, **kw) -> tuple:
    values = {"id": i, "doc_id": doc, "doc_order": 0, "seq": i, "level": i % 3,
              "cell_lo": i % 5, "cell_hi": i % 5 + (i % 2), "day": i % 4, "first": i % 7,
              "read_level": i % 3, "rep": int(i % 3 != 0), "copy_key": f"k{i % 6}",
              "comp": i % 9, "event_id": f"e{i}", "keys": "[]", "item": "{}", "cands": b""}
    values.update(kw)
    return tuple(values[c] for c in MERGE_COLUMNS)


@pytest.fixture
def merged(tmp_path):
    """A stored merge over 6 documents in 2 stories (and one in none), 120 rows."""
    store = Store(tmp_path / "m.db")
    docs = [f"d{k}" for k in range(7)]
    store.save_merge([_row(i, docs[i % 7]) for i in range(120)], {"w": 1.0}, 120, "v", 120)
    with store.writing():
        store.join_stories({d: ("s1" if k < 3 else "s2") for k, d in enumerate(docs[:6])})
    yield store, {"s1": set(docs[:3]), "s2": set(docs[3:6])}
    store.close()


def test_each_lookup_of_one_story_is_the_lookup_kept_to_its_documents(merged):
    store, stories = merged
    doc = MERGE_COLUMNS.index("doc_id")
    lookups = [  # (all rows, one story's) of each lookup the incremental merge uses per story
        lambda story: store.merge_rows_with_copy_keys({"k1", "k2", "k5"}, story),
        lambda story: store.merge_bucket(1, 3, story),
        lambda story: store.merge_day(2, story),
    ]
    for lookup in lookups:
        everything = lookup(None)
        assert everything
        for story, docs in stories.items():
            kept = sorted(r for r in everything if r[doc] in docs)
            assert kept and sorted(lookup(story)) == kept
    docs_of = dict(store.conn.execute("SELECT id, doc_id FROM merge_items"))
    rows = store.conn.execute("SELECT level, doc_id, rep, cell_lo FROM merge_items").fetchall()

    def levels(docs) -> set[int]:
        return {lvl for lvl, d, rep, lo in rows if rep == 1 and lo is not None and d in docs}
    assert store.merge_levels() == levels(set(docs_of.values()))
    for story, docs in stories.items():
        for max_level in (None, 1):
            assert sorted(store.merge_readers(0, 6, max_level, story)) == sorted(
                r for r in store.merge_readers(0, 6, max_level) if docs_of[r[0]] in docs)
        assert store.merge_levels(story) == levels(docs)
    story_merge = store.merge_of_story("s2")  # what kerryview.incremental is handed
    assert sorted(story_merge.merge_day(2)) == sorted(store.merge_day(2, "s2"))
    assert story_merge.merge_levels() == store.merge_levels("s2")


def test_lists_of_ids_read_in_chunks_give_what_one_list_gives(bundled_db, merged, monkeypatch):
    store = Store(bundled_db, read_only=True)
    ids = [e.id for e in store.events(passages=False)]
    docs = [d.id for d in store.documents()]
    whole = store.mentions_of(ids), store.stories_of_documents(docs), \
        sorted(d.id for d in store.documents_by_id(docs))
    merge_store, _ = merged
    merge_whole = merge_store.merge_rows_by_ids(range(120)), \
        merge_store.merge_rows_with_copy_keys({"k1", "k3"}, "s1")
    monkeypatch.setattr(sql, "CHUNK", 2)  # every list in many chunks
    assert (store.mentions_of(ids), store.stories_of_documents(docs),
            sorted(d.id for d in store.documents_by_id(docs))) == whole
    assert len(whole[0]) > 2 and len(whole[1]) > 2
    assert sorted(merge_store.merge_rows_by_ids(range(120))) == sorted(merge_whole[0])
    assert sorted(merge_store.merge_rows_with_copy_keys({"k1", "k3"}, "s1")) == \
        sorted(merge_whole[1])
    assert list(sql.chunks([1, 2, 3, 4, 5])) == [[1, 2], [3, 4], [5]]
    store.close()


def test_events_read_with_or_without_passages_are_the_same_events(bundled_db):
    store = Store(bundled_db, read_only=True)
    full = store.events()
    light = store.events(passages=False)
    assert [e.id for e in light] == [e.id for e in full]
    assert all(not e.passages_read for e in light if e.summary.n_passages)
    assert [e.summary for e in light] == [e.summary for e in full]
    store.read_passages(light)
    assert light == full
    store.close()


def _older_scores(path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE events SET importance = 3 * importance + 7")
    conn.execute("DELETE FROM meta WHERE key = 'importance_version'")
    conn.commit()
    conn.close()


def test_a_read_only_project_of_older_scores_is_scored_alike_however_it_is_read(bundled_db,
                                                                                 tmp_path):
    path = tmp_path / "old.db"
    path.write_bytes(bundled_db.read_bytes())
    expected = {e.id: e.importance for e in Store(bundled_db, read_only=True).events()}
    _older_scores(path)
    store = Store(path, read_only=True)
    light = store.events(passages=False)
    assert {e.id: e.importance for e in light} == expected
    assert not any(e.mentions for e in light)  # read for the scoring, let go again
    assert {e.id: e.importance for e in store.events()} == expected
    store.close()
    writable = Store(path)  # scored and stored once, by the same code
    assert {e.id: e.importance for e in writable.events(passages=False)} == expected
    assert writable.rescore_if_stale() is False
    writable.close()


def test_saving_events_works_out_each_one_s_summary_once(bundled_db, tmp_path, monkeypatch):
    """An import's save compares each event's row with the stored one and inserts the new
    ones: the row (and the summary of its passages in it) is made once per event."""
    from kerryview.model import EventSummary
    source = Store(bundled_db, read_only=True)
    docs, events = source.documents(), source.events()
    source.close()
    made = []
    of = EventSummary.of.__func__
    monkeypatch.setattr(EventSummary, "of",
                        classmethod(lambda cls, ms: made.append(1) or of(cls, ms)))
    store = Store(tmp_path / "new.db")
    store.save_corpus(docs, events)
    assert len(made) == len(events)
    made.clear()
    store.save_corpus(docs, events)  # nothing changed: compared, nothing written
    assert len(made) == len(events)
    assert {e.id: e.summary for e in store.events(passages=False)} == \
        {e.id: e.summary for e in events}
    store.close()


def test_stored_article_lists_are_read_together_and_a_damaged_one_alone(bundled_db, tmp_path):
    """The summaries read without passages decode their article lists in one go when the
    first is asked for; a damaged list leaves that event without articles, the others as
    stored."""
    path = tmp_path / "p.db"
    path.write_bytes(bundled_db.read_bytes())
    store = Store(path, read_only=True)
    expected = {e.id: e.summary.document_ids for e in store.events()}
    light = store.events(passages=False)
    assert {e.id: e.summary.document_ids for e in light} == expected
    store.close()
    damaged = light[3].id
    conn = sqlite3.connect(path)
    conn.execute("UPDATE events SET document_ids = '{\"broken' WHERE id = ?", [damaged])
    conn.commit()
    conn.close()
    store = Store(path, read_only=True)
    found = {e.id: e.summary.document_ids for e in store.events(passages=False)}
    assert found[damaged] == () and \
        {i: d for i, d in found.items() if i != damaged} == \
        {i: d for i, d in expected.items() if i != damaged}
    store.close()
