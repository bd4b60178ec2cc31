"""Schema step 10: events keep a summary of their passages, so a project opens without reading
every passage (Store.events(passages=False)); the summaries stay what the passages say."""
from __future__ import annotations

import sqlite3

import pytest

from kerryview.bundled import bundled_corpus_paths
from kerryview.edits import MergeEvents, SetLabel, SplitEvent, event_ref, mention_ref
from kerryview.model import EventSummary
from kerryview.pipeline import import_into_store, remove_documents
from kerryview.store import Store
from kerryview.store.migrations import latest_version, stored_version
from kerryview.store.schema import SUMMARY_COLUMNS


def _stored_summaries(path) -> dict[str, tuple]:
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT id, n_sources, n_passages, by_publication, clause_only, "
                        "document_ids FROM events").fetchall()
    conn.close()
    return {r[0]: r[1:] for r in rows}


def _expected(events) -> dict[str, tuple]:
    import json
    out = {}
    for e in events:
        s = EventSummary.of(e.mentions)
        out[e.id] = (s.n_articles, s.n_passages, int(s.by_publication), int(s.clause_only),
                     json.dumps(dict(zip(s.document_ids, s.per_document))))
    return out


def test_a_step_9_file_gets_its_summaries_from_its_passages(bundled_db, tmp_path):
    old = tmp_path / "old.db"
    old.write_bytes(bundled_db.read_bytes())
    conn = sqlite3.connect(old)
    for name in SUMMARY_COLUMNS:
        conn.execute(f'ALTER TABLE events DROP COLUMN "{name}"')
    conn.execute("UPDATE events SET n_sources = 0")  # the step recounts it too
    conn.execute("DELETE FROM schema_version WHERE version >= 10")
    conn.execute("DROP TABLE event_search")  # (step 11)
    conn.execute("UPDATE meta SET value = '9' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    assert stored_version(sqlite3.connect(old)) == 9
    # read-only, the step-9 file is not stale: read with every passage, as before
    ro = Store(old, read_only=True)
    assert not ro.needs_rebuild
    assert ro.events(passages=False) == ro.events()
    ro.close()
    store = Store(old)
    assert not store.needs_rebuild and stored_version(store.conn) == latest_version()
    events = store.events()
    assert _stored_summaries(old) == _expected(events)
    assert any(v[0] > 1 for v in _stored_summaries(old).values())  # a real corpus, recounted
    store.close()


def test_events_without_passages_carry_what_the_passages_say(bundled_db):
    store = Store(bundled_db, read_only=True)
    full, light = store.events(), store.events(passages=False)
    assert [e.id for e in light] == [e.id for e in full]
    from dataclasses import replace
    assert light == [replace(e, mentions=[]) for e in full]  # every field but the passages
    for a, b in zip(full, light):
        assert not b.mentions and not b.passages_read
        assert b.summary == a.summary and b.document_ids == a.document_ids
    read = store.mentions_of([e.id for e in light[:3]])
    assert [read[e.id] for e in light[:3]] == [e.mentions for e in full[:3]]
    assert _stored_summaries(bundled_db) == _expected(full)
    store.close()


def test_a_light_event_is_never_saved_without_its_passages(bundled_db, tmp_path):
    path = tmp_path / "p.db"
    path.write_bytes(bundled_db.read_bytes())
    store = Store(path)
    light = store.events(passages=False)
    with pytest.raises(ValueError), store.writing():
        store._replace_events(light)
    assert store.events() and all(e.mentions for e in store.events())
    store.close()


def test_the_edit_overlay_reads_the_passages_of_the_events_it_names(bundled_db, tmp_path):
    path = tmp_path / "p.db"
    path.write_bytes(bundled_db.read_bytes())
    store = Store(path)
    full = store.events()
    many = [e for e in full if len(e.mentions) >= 2]
    a, b = full[0], full[1]
    edits = [SetLabel(event_ref(a), "Renamed", was=a.label),
             MergeEvents((event_ref(a), event_ref(b)), was=(a.label, b.label))]
    if many:
        edits.append(SplitEvent(event_ref(many[-1]), frozenset({mention_ref(many[-1].mentions[0])})))
    store.add_edits(edits)
    with_passages, light = store.events(), store.events(passages=False)
    assert [(e.id, e.label, e.start, e.edited) for e in light] == \
        [(e.id, e.label, e.start, e.edited) for e in with_passages]
    for x, y in zip(with_passages, light):
        assert y.summary == x.summary and y.document_ids == x.document_ids
        assert y.passages_read == y.edited  # only the edited events were read with passages
    store.close()


def test_an_incremental_import_and_a_removal_keep_the_summaries(tmp_path):
    path = tmp_path / "p.db"
    store = Store(path)
    paths = bundled_corpus_paths()
    import_into_store(store, paths[:2])
    import_into_store(store, paths[2:])  # adds to the stored merge
    assert _stored_summaries(path) == _expected(store.events())
    gone = store.documents()[0].id
    remove_documents(store, [gone])
    events = store.events()
    assert all(gone not in e.document_ids for e in events)
    assert _stored_summaries(path) == _expected(events)
    store.close()


def test_read_passages_gives_events_their_stored_passages_in_place(bundled_db):
    store = Store(bundled_db, read_only=True)
    full = {e.id: e for e in store.events()}
    light = store.events(passages=False)
    some = light[:2]
    ref = mention_ref(full[light[5].id].mentions[0])
    assert store.read_passages(light, {ref}) >= 1 and light[5].passages_read
    assert light[5].mentions == full[light[5].id].mentions
    assert not light[6].passages_read or ref in {mention_ref(m) for m in light[6].mentions}
    assert store.read_passages(some) == 2 and [e.mentions for e in some] == \
        [full[e.id].mentions for e in some]
    assert store.read_passages(some) == 0  # already read
    doc = full[light[7].id].mentions[0].document_id
    assert light[7].id in store.event_ids_in_document(doc)
    assert store.event_ids_in_document(doc) == {i for i, e in full.items() if doc in e.document_ids}
    store.read_passages(light)
    assert all(e.passages_read for e in light) and \
        [e.mentions for e in light] == [full[e.id].mentions for e in light]
    store.close()


def test_many_events_read_their_passages_in_one_pass_alike(bundled_db, monkeypatch):
    from kerryview.store import store as store_module
    store = Store(bundled_db, read_only=True)
    ids = [e.id for e in store.events(passages=False)]
    by_lookup = store.mentions_of(ids)
    monkeypatch.setattr(store_module, "SCAN_ALL_ABOVE", 0)
    assert store.mentions_of(ids) == by_lookup and store.mentions_of(ids[:3]) == \
        {i: by_lookup[i] for i in ids[:3] if i in by_lookup}
    store.close()
