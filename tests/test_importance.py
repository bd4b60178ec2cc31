"""Event importance and the key dates of a pile (kerryview.events.importance): a synthetic pile
whose days an editor would order one way, checked signal by signal."""
from datetime import date, timedelta

from kerryview.events.importance import (ANNOUNCED, BACKGROUND_DAYS, CLAUSE_OF_THE_DAY, COVERAGE,
                                         LATER, MAIN_NEWS, NOT_REPORTING, ONSET, ONSET_DAYS,
                                         RECALLED, SOURCE, day_importance, key_dates, score)
from kerryview.model import DateSource, DateSourceKind, Document, Event, EventMention, Granularity, Timex
from kerryview.pipeline import build_corpus

from pipeline_checks import dated_demo

GIVEN = DateSource(DateSourceKind.PAGE_METADATA, "given")
WORD = "exploded"  # a deed, not reporting: every mention's trigger below
SAID = "said"


def _doc(ident: str, published: date, text: str = f"The rig {WORD}. Officials {SAID} so.") -> Document:
    return Document(id=ident, path=f"{ident}.txt", text=text, dct=published, dct_source=GIVEN)


def _event(ident: str, day: date, docs: list[Document], *, trigger: str = WORD,
           position: str = "", dated_by: str = "time expression") -> Event:
    mentions = []
    for d in docs:
        at = d.text.index(trigger)
        mentions.append(EventMention(d.id, 0, len(d.text), d.text,
                                     Timex(0, 0, "", "DATE", day.isoformat()),
                                     trigger_start=at, trigger_end=at + len(trigger),
                                     dated_by=dated_by, position=position))
    return Event(ident, ident, day.isoformat(), day.isoformat(),
                 (day + timedelta(days=1)).isoformat(), Granularity.DAY, mentions=mentions)


DAY = date(2010, 4, 20)


def _scored(event: Event, docs: list[Document]) -> int:
    score([event], docs)
    return event.importance


def test_each_signal_weighs_what_the_module_says():
    same_day = _doc("a", DAY)
    later = _doc("b", DAY + timedelta(days=30))
    before = _doc("c", DAY - timedelta(days=3))
    assert _scored(_event("e", DAY, [same_day]), [same_day]) == SOURCE + NOT_REPORTING
    assert _scored(_event("e", DAY, [later]), [later]) == SOURCE + NOT_REPORTING + LATER
    assert _scored(_event("e", DAY, [before]), [before]) == SOURCE + NOT_REPORTING - ANNOUNCED
    assert _scored(_event("e", DAY, [same_day], trigger=SAID), [same_day]) == SOURCE
    assert _scored(_event("e", DAY, [same_day], position="lead"), [same_day]) == \
        SOURCE + NOT_REPORTING + MAIN_NEWS
    assert _scored(_event("e", DAY, [same_day], dated_by="publication"), [same_day]) == CLAUSE_OF_THE_DAY


def test_an_unknown_publication_date_neither_adds_nor_takes():
    undated = Document(id="u", path="u.txt", text=f"The rig {WORD}.", dct=None)
    assert _scored(_event("e", DAY, [undated]), [undated]) == SOURCE + NOT_REPORTING


def test_importance_orders_a_synthetic_pile_as_an_editor_would():
    """Three articles each: the day still recalled a month later first, then the day reported
    when it happened, then the day only announced beforehand; a day one article tells last."""
    recalled, reported, announced, passing = (DAY, DAY + timedelta(days=5),
                                              DAY + timedelta(days=10), DAY + timedelta(days=7))
    docs = [_doc(f"r{i}", DAY + timedelta(days=40 + i)) for i in range(3)] \
        + [_doc(f"p{i}", reported + timedelta(days=i % 2)) for i in range(3)] \
        + [_doc(f"a{i}", announced - timedelta(days=4 + i)) for i in range(3)] + [_doc("x", passing)]
    events = [_event("recalled", recalled, docs[0:3]), _event("reported", reported, docs[3:6]),
              _event("announced", announced, docs[6:9]), _event("passing", passing, docs[9:])]
    score(events, docs)
    by_importance = [e.id for e in sorted(events, key=lambda e: -e.importance)]
    assert by_importance == ["recalled", "reported", "announced", "passing"]
    days = day_importance(events, docs)
    assert sorted(days, key=lambda d: -days[d]) == [recalled, reported, announced, passing]


def test_a_day_many_articles_came_out_on_outweighs_a_quiet_day_told_as_often():
    quiet, busy = DAY, DAY + timedelta(days=60)
    tellers = [_doc("t1", DAY + timedelta(days=90)), _doc("t2", DAY + timedelta(days=91))]
    coverage = [_doc(f"c{i}", busy + timedelta(days=i % 2), "Markets fell.") for i in range(4)]
    # the pile's coverage opens more than a month before both days: neither is of the story's
    # first month
    docs = tellers + coverage + [_doc(f"opening{i}", quiet - timedelta(days=ONSET_DAYS + 1 + i),
                                      "Markets opened.") for i in range(2)]
    events = [_event("quiet", quiet, tellers), _event("busy", busy, tellers)]
    score(events, docs)
    assert events[0].importance == events[1].importance  # the events alike ...
    days = day_importance(events, docs)
    assert days[busy] > days[quiet]  # ... the day's coverage decides
    assert days[busy] - days[quiet] == 4 * COVERAGE
    assert set(days) == {quiet, busy}  # a day without an event is not a key date


def test_many_events_of_one_article_do_not_outweigh_many_articles():
    one = _doc("one", DAY)
    crowd = [_doc(f"c{i}", DAY + timedelta(days=1)) for i in range(2)]
    docs = [one] + crowd
    first, second = DAY - timedelta(days=1), DAY - timedelta(days=2)
    events = [_event(f"e{i}", first, [one]) for i in range(4)] + [_event("told", second, crowd)]
    days = day_importance(events, docs)
    assert days[second] > days[first]


def test_a_day_long_before_the_pile_s_first_article_is_background_its_onset_is_not():
    """All the articles recall the law of a year before and the explosion of the day before the
    first of them; the hearing, a week in, is told as often but only when it happened."""
    first = DAY + timedelta(days=1)
    docs = [_doc(f"d{i}", first + timedelta(days=i)) for i in range(8)]
    law, explosion, hearing = DAY - timedelta(days=365), DAY, first + timedelta(days=7)
    events = [_event("law", law, docs[4:7]), _event("explosion", explosion, docs[4:7]),
              _event("hearing", hearing, docs[6:8] + docs[5:6])]
    score(events, docs)
    assert events[0].importance == events[1].importance > events[2].importance  # alike as events
    days = day_importance(events, docs)
    assert days[explosion] > days[hearing] > days[law]
    assert (first - explosion).days <= BACKGROUND_DAYS < (first - law).days


def test_a_day_recalled_month_after_month_outweighs_one_recalled_in_one_burst():
    """Three articles each, all written weeks later: the explosion is come back to in three
    different months, the hearing only in the anniversary pieces of one week."""
    explosion, hearing = DAY, DAY + timedelta(days=3)
    opening = _doc("first", DAY - timedelta(days=1), "Markets opened.")
    months = [_doc(f"m{i}", DAY + timedelta(days=40 + 30 * i)) for i in range(3)]
    burst = [_doc(f"b{i}", DAY + timedelta(days=200 + i)) for i in range(3)]
    docs = [opening] + months + burst
    events = [_event("explosion", explosion, months), _event("hearing", hearing, burst)]
    score(events, docs)
    assert events[0].importance == events[1].importance  # alike as events (LATER for each)
    days = day_importance(events, docs)
    assert days[explosion] > days[hearing]
    assert days[explosion] - days[hearing] == 2 * RECALLED  # two months more


def test_the_story_s_first_month_outweighs_a_later_day_told_alike():
    """The spill's first days (the explosion, days before the first article; the sinking, a
    week in) against a hearing two months on: each told by three articles written weeks later,
    in one month, none published on or the day after it; only the first month adds ONSET."""
    first = DAY + timedelta(days=2)
    explosion, sinking, hearing = DAY, first + timedelta(days=7), first + timedelta(days=60)
    opening = [_doc("first", first, "Markets opened."), _doc("second", first + timedelta(days=3), "Markets closed.")]
    tellers = [_doc(f"t{i}", first + timedelta(days=130 + i)) for i in range(3)]
    docs = opening + tellers
    events = [_event(name, day, tellers) for name, day in
              (("explosion", explosion), ("sinking", sinking), ("hearing", hearing))]
    score(events, docs)
    assert len({e.importance for e in events}) == 1  # alike as events
    days = day_importance(events, docs)
    assert days[explosion] == days[sinking] > days[hearing]
    assert days[explosion] - days[hearing] == ONSET
    assert -BACKGROUND_DAYS <= (explosion - first).days < 0 < (sinking - first).days <= ONSET_DAYS \
        < (hearing - first).days
    # the month's last day is in it, the next is not
    edge, after = first + timedelta(days=ONSET_DAYS), first + timedelta(days=ONSET_DAYS + 1)
    at_edges = day_importance([_event("edge", edge, tellers), _event("after", after, tellers)], docs)
    assert at_edges[edge] == at_edges[after] + ONSET


def test_the_bundled_demo_ranks_its_talks_among_the_pile_s_key_dates():
    from kerryview.bundled import bundled_corpus_paths
    from kerryview.pipeline import read_documents
    docs, _ = read_documents(bundled_corpus_paths())
    events = build_corpus(docs)
    assert all(e.importance > 0 for e in events)
    days = day_importance(events, docs)
    top = sorted(days, key=lambda d: -days[d])[:3]
    assert date(2023, 7, 18) in top  # Wang Yi meeting: every article tells it


def test_extract_json_lists_the_pile_s_key_dates_highest_first_without_dismissed_events():
    """The key dates are a property of the pile a user sees (`extract --json`), not only of
    the benchmark: every day of an event, by day_importance, highest first; a dismissed
    event's day is not one."""
    from kerryview.export.json_export import corpus_json

    docs = [_doc(f"d{i}", DAY + timedelta(days=i)) for i in range(4)]
    one, two, gone = (DAY + timedelta(days=d) for d in (1, 2, 5))
    events = [_event("one", one, docs[:1]), _event("two", two, docs[:3]),
              _event("gone", gone, docs)]
    events[-1].dismissed = True
    score(events, docs)
    ranked = key_dates(events, docs)
    assert ranked == [(two, day_importance(events[:2], docs)[two]),
                      (one, day_importance(events[:2], docs)[one])]
    assert ranked[0][1] > ranked[1][1]
    out = corpus_json(docs, iter(events))  # events may come as an iterator
    assert out["key_dates"] == [{"day": d.isoformat(), "importance": w} for d, w in ranked]
    assert [e["id"] for e in out["events"]] == ["one", "two", "gone"]


def test_key_dates_of_the_calendar_s_last_and_first_days_do_not_crash():
    """A date line of 9999-12-31 (bad input) reaches extract --json's key dates."""
    last, first = date.max, date.min
    docs = [_doc("last", last), _doc("first", first)]
    events = [_event("last", DAY, docs[:1]), _event("first", first, docs[1:])]
    events[0].value = events[0].start = events[0].end = last.isoformat()  # no day after it
    score(events, docs)
    assert {d for d, _ in key_dates(events, docs)} == {last, first}


def test_key_dates_of_equal_weight_go_to_the_day_more_articles_tell():
    """A day two articles announced and one a single article told in its lead weigh the same;
    the day more articles tell comes first, though it is the later one."""
    told, announced = DAY, DAY + timedelta(days=10)
    lead = _doc("lead", told + timedelta(days=2))
    notices = [_doc(f"n{i}", announced - timedelta(days=5 - i)) for i in range(2)]
    docs = [lead, *notices]
    events = [_event("told", told, [lead], position="lead"),
              _event("announced", announced, notices)]
    score(events, docs)
    weights = day_importance(events, docs)
    assert weights[told] == weights[announced]
    assert key_dates(events, docs) == [(announced, weights[announced]), (told, weights[told])]


# ------------------------------------------------------------ a project scored by older weights

def _as_saved_by_older_weights(store) -> None:
    """What a project saved before importance.VERSION holds: other values, no version."""
    with store.writing():
        store.conn.execute("UPDATE events SET importance = 3 * importance + 7")
        store.conn.execute("DELETE FROM meta WHERE key = 'importance_version'")


def _rescored(events, store) -> dict[str, int]:
    score(events, store.documents())
    return {e.id: e.importance for e in events}


def test_an_incremental_import_into_a_project_of_older_scores_scores_every_event_again(
        tmp_path, monkeypatch):
    import kerryview.incremental.merge as merging
    from kerryview.pipeline import StoredResult, import_into_store
    from kerryview.store import Store

    monkeypatch.setattr(merging, "REFIT_FRACTION", 10.0)  # a small pile: add incrementally
    paths = dated_demo(tmp_path)
    store = Store(tmp_path / "p.db")
    import_into_store(store, paths[:-1])
    untouched = {e.id for e in store.events()}
    _as_saved_by_older_weights(store)
    assert isinstance(import_into_store(store, paths[-1:]), StoredResult)
    events = store.events()
    stored = {e.id: e.importance for e in events}
    assert untouched & set(stored)  # events the new article did not change ...
    assert stored == _rescored(events, store)  # ... scored by the same weights as the rest
    assert store.rescore_if_stale() is False  # and recorded so: nothing to do the next time


def test_opening_a_project_of_older_scores_scores_it_again_once(tmp_path):
    from kerryview.pipeline import import_into_store
    from kerryview.store import Store

    store = Store(tmp_path / "p.db")
    import_into_store(store, dated_demo(tmp_path))
    expected = {e.id: e.importance for e in store.events()}
    _as_saved_by_older_weights(store)
    store.close()
    read_only = Store(tmp_path / "p.db", read_only=True)  # shown as scored now, nothing written
    assert {e.id: e.importance for e in read_only.events()} == expected
    assert read_only.conn.execute("SELECT count(*) FROM meta WHERE key = 'importance_version'"
                                  ).fetchone()[0] == 0
    read_only.close()
    reopened = Store(tmp_path / "p.db")
    assert {r[0]: r[1] for r in reopened.conn.execute("SELECT id, importance FROM events")} \
        == expected
    assert reopened.rescore_if_stale() is False


def test_one_archive_article_months_before_does_not_move_the_story_s_first_month():
    """A pile on the spill (the explosion, then two articles a day for six weeks) holds one
    archive piece of the November before: the explosion keeps its first-month points (measured
    from the archive piece, the month ended in December and the explosion lost them)."""
    explosion, hearing = DAY, DAY + timedelta(days=60)
    coverage = [_doc(f"c{i}", DAY + timedelta(days=1 + i // 2), "Markets opened.") for i in range(84)]
    tellers = [_doc(f"t{i}", DAY + timedelta(days=130 + i)) for i in range(3)]
    events = [_event("explosion", explosion, tellers), _event("hearing", hearing, tellers)]
    docs = coverage + tellers
    pile = day_importance(events, docs)
    archive = _doc("archive", date(2009, 11, 2), "Markets opened.")
    with_archive = day_importance(events, docs + [archive])
    assert with_archive == pile
    assert pile[explosion] - pile[hearing] == ONSET + COVERAGE * 2  # and the next day's two articles
