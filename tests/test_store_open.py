"""Opening a project fast (issue: a 10,000-article project opens in well under a second): the
app's open checks the tables it shows the project from, and an import checks its caches."""
import sqlite3

import pytest

from kerryview.store import Store
from kerryview.store.store import _CHECKED_FILES
from pipeline_checks import garble_table
from test_store import _corpus


def _project_with_a_cache(db):
    store = Store(db)
    docs, events = _corpus()
    store.save_corpus(docs, events)
    store.conn.execute("INSERT INTO analyses (sha256, version) VALUES ('ab', 'v')")
    store.conn.commit()
    store.close()
    _CHECKED_FILES.clear()  # as a new process would: this one saw the file undamaged


def test_the_app_open_leaves_a_damaged_cache_to_the_import(tmp_path):
    db = tmp_path / "p.db"
    _project_with_a_cache(db)
    garble_table(db, "analyses")
    with pytest.raises(sqlite3.DatabaseError):
        Store(db)  # the CLI's open checks everything
    store = Store(db, defer_cache_check=True)
    assert [e.id for e in store.events()] == ["e1"]  # shown as before
    with pytest.raises(sqlite3.DatabaseError):
        store.check_caches()


def test_the_app_open_still_refuses_damaged_events(tmp_path):
    db = tmp_path / "p.db"
    _project_with_a_cache(db)
    garble_table(db, "events")
    with pytest.raises(sqlite3.DatabaseError):
        Store(db, defer_cache_check=True)


def test_an_import_checks_the_caches_first(tmp_path):
    from kerryview.pipeline import import_into_store, remove_documents

    db = tmp_path / "p.db"
    _project_with_a_cache(db)
    garble_table(db, "analyses")
    store = Store(db, defer_cache_check=True)
    calls = []
    for name in ("check_caches", "record_import", "analyses"):
        method = getattr(store, name)
        setattr(store, name, lambda *a, _m=method, _n=name, **k: (calls.append(_n), _m(*a, **k))[1])
    for job in (lambda: import_into_store(store, []), lambda: remove_documents(store, ["d1"])):
        calls.clear()
        with pytest.raises(sqlite3.DatabaseError):
            job()
        assert calls == ["check_caches"]  # refused before it records or reads anything
    assert [e.id for e in Store(db, defer_cache_check=True).events()] == ["e1"]


def test_the_window_reads_stories_without_their_centroids(tmp_path):
    from kerryview.stories import Story

    store = Store(tmp_path / "p.db")
    docs, events = _corpus()
    store.save_corpus(docs, events)
    with store.writing():
        store.save_stories([Story("s1", "Kerry · Xie", ("kerri",), ("d1",), (("kerri", 1.0),))])
    full, listed = store.stories(), store.stories(centroids=False)
    assert full[0].centroid == (("kerri", 1.0),) and listed[0].centroid == ()
    assert [(s.id, s.name, s.terms, s.document_ids) for s in listed] == \
        [(s.id, s.name, s.terms, s.document_ids) for s in full]


def test_the_collector_is_paused_only_while_reading():
    import gc

    from kerryview.gcpause import gc_paused

    assert gc.isenabled()
    with gc_paused():
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block found it off: leaves it to the outer one
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError
    assert gc.isenabled()


def test_what_a_paused_read_made_is_aged_not_walked_and_still_collected():
    """Objects built while the collector was paused go to the oldest generation when the
    read ends (the next young collection does not walk them all), and a reference cycle among
    them is still freed by a full collection."""
    import gc
    import weakref

    from kerryview.gcpause import gc_paused

    class Node:
        pass

    with gc_paused():
        built = [[i] for i in range(20_000)]
        a, b = Node(), Node()
        a.other, b.other = b, a
        gone = weakref.ref(a)
    young = {id(o) for o in gc.get_objects(generation=0)}
    assert not any(id(x) in young for x in built[:100])
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(x) in oldest for x in built[:100])
    del a, b
    assert gone() is not None  # a cycle: reference counts alone never free it
    gc.collect()
    assert gone() is None


def test_two_overlapping_pauses_keep_the_collector_off_until_the_last_ends():
    """Two threads reading at once (the worker's load and the window's reload) end in either
    order: the first to end must not switch the collector back on under the other."""
    import gc

    from kerryview.gcpause import gc_paused
    assert gc.isenabled()
    first, second = gc_paused(), gc_paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)  # the first ends while the second still reads
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()
