"""Event ids: one per event, however many events one time expression dates, the same in a
full and an incremental import, and unchanged for every other event (marks are kept by id)."""
from __future__ import annotations

from collections import Counter

from kerryview.analysis import analyse
from kerryview.events.merge import build_items, event_id, mentions_id
from kerryview.incremental.merge import decode, encode
from kerryview.pipeline import build_corpus, import_into_store, read_documents
from kerryview.bundled import bundled_corpus_paths
from kerryview.store import Store

# "died" and "collapsed" are two mentions of one time expression ("November 2008"); told with
# event words of two kinds (data/event_kinds.json different_words) and words of their own
# around, merging keeps them as two events, both dated by it. Their ids were one hash of
# document:time expression, and saving the second failed the whole import with
# "UNIQUE constraint failed: events.id" (haiti_bbc, session 19).
SCHOOLS = ("date 2010-01-20\n\nHaiti's buildings are weak, engineers say. Inspectors rarely visit "
           "building sites in the crowded capital, and owners ignore the few rules there are. "
           "Almost 100 people - mostly children - died when two schools collapsed within days of "
           "each other in November 2008. Builders use too little cement and poor steel, and "
           "hillside homes stack concrete floors without proper foundations. Few families can "
           "afford an architect.\n")


def _summary(events):
    return sorted((e.id, e.label, e.value, tuple((m.document_id, m.start, m.trigger_start)
                                                 for m in e.mentions)) for e in events)


def _on_november(events):
    return [e for e in events if any(m.timex.text == "November 2008" for m in e.mentions)]


def test_two_events_of_one_time_expression_import_with_two_ids(tmp_path):
    (tmp_path / "schools.txt").write_text(SCHOOLS, encoding="utf-8")
    store = Store(tmp_path / "p.kvproj")
    result = import_into_store(store, [tmp_path / "schools.txt"])
    assert result.problems == []
    events = Store(tmp_path / "p.kvproj").events()
    november = _on_november(events)
    assert len(november) == 2  # the two happenings stay two events (the crash was the bug)
    assert {e.value for e in november} == {"2008-11"}
    assert len({e.id for e in november}) == 2
    assert max(Counter(e.id for e in events).values()) == 1
    assert _summary(events) == _summary(result.events)


def test_the_ids_are_the_same_when_resolved_again_and_kept_by_an_incremental_merge(tmp_path):
    (tmp_path / "schools.txt").write_text(SCHOOLS, encoding="utf-8")
    store = Store(tmp_path / "p.kvproj")
    first = import_into_store(store, [tmp_path / "schools.txt"])
    again = import_into_store(store, [])  # resolved again from the stored analyses
    docs, _ = read_documents([tmp_path / "schools.txt"])
    assert _summary(first.events) == _summary(again.events) == _summary(build_corpus(docs))
    # an incremental merge reads the stored mentions back (incremental.merge.encode): each
    # keeps whether its time expression dates another, so a cluster made again of stored
    # mentions has the id a full merge gives it
    found = [f for d in docs for f in analyse(d).found_for(d)]
    items = build_items(found, {d.id: d.dct.isoformat() for d in docs})
    shared = [it for it in items if it.mention.timex.text == "November 2008"]
    assert len(shared) == 2 and all(it.shares_time for it in shared)
    assert not any(it.shares_time for it in items if it not in shared)
    for it in items:
        assert decode(encode(it)).shares_time == it.shares_time
        assert event_id([decode(encode(it))]) == event_id([it])
    assert event_id(shared[:1]) != event_id(shared[1:])


def test_an_event_whose_time_expressions_date_it_alone_keeps_its_id(tmp_path):
    # the hash of document:time-expression pairs as before, so the marks stored on it stay
    docs, _ = read_documents(bundled_corpus_paths())
    events = build_corpus(docs)
    alone = [e for e in events
             if all(sum(n.timex.start == m.timex.start and n.document_id == m.document_id
                        for f in events for n in f.mentions) == 1 for m in e.mentions)]
    assert alone
    for e in alone:
        assert e.id == mentions_id((m, False) for m in e.mentions)
