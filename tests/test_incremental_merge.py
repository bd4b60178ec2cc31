"""Incremental merging (kerryview.incremental): adding or removing a few dated articles
re-merges only what they touch, and the events are exactly those a merge of the whole corpus
gives with the project's word weights: same ids (same passages grouped), dates, labels,
sources, importance and disagreements."""
from __future__ import annotations

import json
from datetime import date
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
import sqlite_utils

import kerryview.incremental
import kerryview.pipeline as pipeline
from kerryview.bundled import bundled_corpus_paths
from kerryview.cancellation import Cancelled
from kerryview.events.clauses import is_clause_event
from kerryview.incremental import merge as merging
from kerryview.model import DateSourceKind
from kerryview.pipeline import StoredResult, import_into_store, remove_documents
from kerryview.store import Store
from kerryview.store.migrations import MIGRATIONS, latest_version

from pipeline_checks import dated_demo

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import incremental as bench  # noqa: E402  (benchmarks/incremental.py: the Timeline17 pile)

TIMELINE17 = Path(__file__).resolve().parents[2] / "shared" / "data" / "timeline17"
needs_timeline17 = pytest.mark.skipif(not TIMELINE17.is_dir(),
                                      reason="Timeline17 development data not here")


@pytest.fixture(params=[False, "news", True],
                ids=["without clause events", "news sentences' clause events", "with clause events"])
def clause_events(request, monkeypatch):
    """Clause events off and on (kerryview.events.clauses): one merge, full or incremental,
    keeps them apart from the dated mentions."""
    import kerryview.events.clauses as clauses
    monkeypatch.setattr(clauses, "CLAUSE_EVENTS", request.param)
    monkeypatch.setattr(pipeline, "CLAUSE_EVENTS", request.param)
    return request.param


@pytest.fixture
def no_refit(monkeypatch):
    """Merge incrementally however many passages come (the test piles are small: a batch is
    more than REFIT_FRACTION of them)."""
    monkeypatch.setattr(merging, "REFIT_FRACTION", 10.0)


def _events(events):
    return sorted((e.id, e.value, e.start, e.end, e.granularity.value, e.label, e.status,
                   e.importance, e.duration, tuple(e.conflicts),
                   tuple(sorted((m.document_id, m.start, m.end, m.timex.value, m.resolution,
                                 m.status) for m in e.mentions)))
                  for e in events)


def _documents(store):
    return sorted((d.id, d.sha256, d.dct, d.dct_source) for d in store.documents())


def _from_scratch(store, monkeypatch):
    """The stored documents resolved from scratch, merged with the project's word weights
    (kerryview.incremental.merge.with_project_weights)."""
    return merging.with_project_weights(store)


# the development folders only: bpoil_reuters is our own held-out pile (README)
DEV_FOLDERS = ("Finan_washingtonpost", "H1N1_bbc", "H1N1_guardian", "H1N1_reuters", "MJ_bbc",
               "bpoil_bbc", "bpoil_foxnews", "bpoil_guardian", "bpoil_washingtonpost", "haiti_bbc")


def _pile(tmp_path, n):
    return bench.make_pile(tmp_path / "pile", n, TIMELINE17, folders=DEV_FOLDERS)


@needs_timeline17
def test_two_batches_of_real_articles_merge_as_the_whole_pile(tmp_path, monkeypatch, no_refit,
                                                             clause_events):
    files = _pile(tmp_path, 60)
    store = Store(tmp_path / "p.db")
    first = import_into_store(store, files[:36])
    assert not isinstance(first, StoredResult)  # a new project: resolved in full
    total = store.conn.execute("SELECT count(*) FROM merge_items").fetchone()[0]
    result = import_into_store(store, files[36:48])
    assert isinstance(result, StoredResult)
    result = import_into_store(store, files[48:])
    assert isinstance(result, StoredResult)
    assert 0 < result.reclustered < store.conn.execute(
        "SELECT count(*) FROM merge_items").fetchone()[0]
    assert total < store.conn.execute("SELECT count(*) FROM merge_items").fetchone()[0]
    expected = _from_scratch(store, monkeypatch)
    assert _events(result.events) == _events(store.events()) == _events(expected)
    assert len(store.documents()) == 60
    told_in_clauses = [e for e in expected if all(is_clause_event(m) for m in e.mentions)]
    assert bool(told_in_clauses) == bool(clause_events)


@needs_timeline17
def test_an_incremental_import_differs_from_a_fresh_one_only_by_its_word_weights(tmp_path,
                                                                               no_refit):
    """A fresh import of the whole pile fits the word weights (IDF) again on all its
    articles; an incremental one keeps the project's. That is the only difference: the
    stored documents merged over the stored stories with weights fitted again on them give
    the fresh import's events exactly (benchmarks/incremental.py prints both comparisons)."""
    from kerryview.analysis import AnalysisCache, stage_version

    files = _pile(tmp_path, 48)
    store = Store(tmp_path / "p.db")
    import_into_store(store, files[:36])
    assert isinstance(import_into_store(store, files[36:]), StoredResult)
    fresh = Store(tmp_path / "fresh.db")
    assert not isinstance(import_into_store(fresh, files), StoredResult)
    assert sorted(s.document_ids for s in store.stories()) == \
        sorted(s.document_ids for s in fresh.stories())
    refitted = pipeline.build_corpus(store.documents(), given=store.stories(),
                                     analyses=AnalysisCache(store.analyses(stage_version())))
    assert _events(fresh.events()) == _events(refitted)
    assert _events(store.events()) == _events(_from_scratch(store, None))
    # (on this pile the weights do change some events: neither equality is vacuous)
    assert _events(fresh.events()) != _events(store.events())


def _mixed_pile(tmp_path, folders, n):
    """n articles of each folder, interleaved, each with its date line."""
    out = []
    for folder in folders:
        sources = [s for s in bench._sources(TIMELINE17) if s[0].parent.parent.name == folder]
        out.append(sources[:n])
    pile = tmp_path / "mixed"
    pile.mkdir(parents=True)
    files = []
    for k, (article, day) in enumerate(s for group in zip(*out) for s in group):
        path = pile / f"{k:03d}-{article.parent.parent.name}-{article.stem}.txt"
        path.write_text(f"date {day}\n\n" + article.read_text(encoding="utf-8"), encoding="utf-8")
        files.append(path)
    return files


@needs_timeline17
def test_a_pile_of_several_stories_merges_each_story_incrementally(tmp_path, monkeypatch,
                                                                   no_refit):
    """Three stories (the financial crisis, Michael Jackson's death, the Haiti earthquake):
    articles added later join their stories, only those are merged again, and the events are
    those of the full resolution over the stored stories; removing articles likewise."""
    files = _mixed_pile(tmp_path, ["Finan_washingtonpost", "MJ_bbc", "haiti_bbc"], 20)
    store = Store(tmp_path / "p.db")
    import_into_store(store, files[:45])
    assert len(store.stories()) == 3
    result = import_into_store(store, files[45:])
    assert isinstance(result, StoredResult)
    stories = {d: s.name for s in store.stories() for d in s.document_ids}
    def folder(doc_id):
        return doc_id.split("-")[1]

    held = {}  # folder -> the story holding most of its first articles
    for f in sorted({folder(d) for d in stories}):
        names = [stories[p.stem] for p in files[:45] if folder(p.stem) == f]
        held[f] = max(sorted(set(names)), key=names.count)
    assert len(set(held.values())) == 3
    agree = [stories[p.stem] == held[folder(p.stem)] for p in files[45:]]
    assert sum(agree) >= len(agree) - 1, agree  # (MJ_bbc has pages of other news)
    assert 0 < result.reclustered < store.conn.execute(
        "SELECT count(*) FROM merge_items").fetchone()[0]
    assert _events(store.events()) == _events(_from_scratch(store, monkeypatch))
    for e in store.events():  # no event spans two stories
        assert len({stories[d] for d in e.document_ids}) == 1
    result = remove_documents(store, [files[1].stem, files[-1].stem])
    assert isinstance(result, StoredResult)
    assert _events(store.events()) == _events(_from_scratch(store, monkeypatch))


@needs_timeline17
def test_copies_of_stored_articles_join_their_events(tmp_path, monkeypatch, no_refit):
    files = _pile(tmp_path, 30)
    store = Store(tmp_path / "p.db")
    import_into_store(store, files[:24])
    copies = []
    for f in files[:4] + files[24:]:  # a reprint adds a line: the same passages, another file
        copy = tmp_path / "copies" / f.name
        copy.parent.mkdir(exist_ok=True)
        copy.write_text(f.read_text(encoding="utf-8") + "\nReprinted.\n", encoding="utf-8")
        copies.append(copy)
    result = import_into_store(store, copies)
    assert isinstance(result, StoredResult)
    assert _events(store.events()) == _events(_from_scratch(store, monkeypatch))


@needs_timeline17
def test_removing_articles_touches_only_their_events(tmp_path, monkeypatch, no_refit):
    files = _pile(tmp_path, 40)
    store = Store(tmp_path / "p.db")
    import_into_store(store, files)
    doomed = [d.id for d in store.documents()[3:6]] + [store.documents()[-1].id]
    result = remove_documents(store, doomed)
    assert isinstance(result, StoredResult)
    assert not set(doomed) & {d.id for d in store.documents()}
    assert not store.conn.execute(
        f"SELECT count(*) FROM merge_items WHERE doc_id IN ({', '.join('?' * len(doomed))})",
        doomed).fetchone()[0]
    assert _events(result.events) == _events(_from_scratch(store, monkeypatch))


def test_the_demo_added_in_two_batches_merges_as_a_whole(tmp_path, monkeypatch, no_refit,
                                                          clause_events):
    files = dated_demo(tmp_path)
    store = Store(tmp_path / "p.db")
    import_into_store(store, files[:3])
    result = import_into_store(store, files[3:])
    assert isinstance(result, StoredResult)
    assert _events(store.events()) == _events(_from_scratch(store, monkeypatch))
    labels = {e.label: e.start[:10] for e in store.events()}
    assert any("Xie" in label for label in labels)


STRAY = """date {year}-12-08

Delegates argue over emissions targets at the Copenhagen summit
Delegates from rich and poor nations argued late into the night over emissions targets at the \
Copenhagen summit, which opened on Monday. Danish hosts said a deal on forests and finance for \
poor countries was still possible. Police detained several hundred protesters on Saturday.
"""


@pytest.mark.parametrize("year, alone", [(2009, True), (2023, False)])
def test_an_added_stray_takes_the_story_a_full_import_gives_it(tmp_path, monkeypatch, no_refit,
                                                               year, alone):
    """A dated article that shares few words with the demo's story (kerryview.stories: a
    stray) joins it incrementally when it is of the story's years; one of years far from
    them resolves the whole corpus, which keeps it a story of its own: both as a full import
    of all the articles at once."""
    files = dated_demo(tmp_path)
    stray = tmp_path / "stray.txt"
    stray.write_text(STRAY.format(year=year), encoding="utf-8")
    store = Store(tmp_path / "p.db")
    import_into_store(store, files)
    result = import_into_store(store, [stray])
    assert isinstance(result, StoredResult) is not alone
    fresh = Store(tmp_path / "fresh.db")
    import_into_store(fresh, files + [stray])
    assert sorted(map(sorted, (s.document_ids for s in store.stories()))) == \
        sorted(map(sorted, (s.document_ids for s in fresh.stories())))
    assert sorted(len(s) for s in fresh.stories()) == ([1, 5] if alone else [6])
    assert _events(store.events()) == _events(_from_scratch(store, monkeypatch))
    if alone:  # resolved in full: the very events of the fresh import
        assert _events(store.events()) == _events(fresh.events())


def test_an_undated_article_resolves_the_whole_corpus(tmp_path, no_refit):
    files = dated_demo(tmp_path)
    store = Store(tmp_path / "p.db")
    import_into_store(store, files[:3])
    result = import_into_store(store, bundled_corpus_paths()[3:4])  # no date line: inferred
    assert not isinstance(result, StoredResult)
    fresh = Store(tmp_path / "fresh.db")
    import_into_store(fresh, files[:3] + bundled_corpus_paths()[3:4])
    assert _events(store.events()) == _events(fresh.events())
    assert store.merge_info()[2] == 0  # the full resolution stored a fresh merge


def test_too_many_new_passages_refit_the_weights(tmp_path):
    files = dated_demo(tmp_path)
    store = Store(tmp_path / "p.db")
    import_into_store(store, files[:2])
    result = import_into_store(store, files[2:])  # far more than REFIT_FRACTION of the passages
    assert not isinstance(result, StoredResult)
    fresh = Store(tmp_path / "fresh.db")
    import_into_store(fresh, files)
    assert _events(store.events()) == _events(fresh.events())


def test_a_failure_inside_falls_back_to_the_full_resolution(tmp_path, monkeypatch, no_refit):
    files = dated_demo(tmp_path)
    store = Store(tmp_path / "p.db")
    import_into_store(store, files[:3])

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(merging, "merge_incrementally", broken)
    result = import_into_store(store, files[3:])
    assert not isinstance(result, StoredResult)
    fresh = Store(tmp_path / "fresh.db")
    import_into_store(fresh, files)
    assert _events(store.events()) == _events(fresh.events())


def test_a_cancelled_incremental_import_writes_nothing(tmp_path, no_refit):
    files = dated_demo(tmp_path)
    store = Store(tmp_path / "p.db")
    import_into_store(store, files[:3])
    before = (_documents(store), _events(store.events()),
              store.conn.execute("SELECT * FROM merge_items ORDER BY id").fetchall())
    asked = []

    def cancelled():  # Cancel once the merge has started
        asked.append(1)
        return len(asked) > 40

    with pytest.raises(Cancelled):
        import_into_store(store, files[3:], cancelled=cancelled)
    assert (_documents(store), _events(store.events()),
            store.conn.execute("SELECT * FROM merge_items ORDER BY id").fetchall()) == before


def test_a_project_of_schema_6_gets_the_merge_tables_and_merges_in_full_once(tmp_path,
                                                                              no_refit):
    files = dated_demo(tmp_path)
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)
    for step in MIGRATIONS:
        if step.version <= 6:
            step.apply(db)
    db["schema_version"].create({"version": int, "description": str, "applied": float},
                                pk="version")
    db["schema_version"].insert_all([{"version": s.version, "description": "", "applied": 0.0}
                                     for s in MIGRATIONS if s.version <= 6])
    db["meta"].create({"key": str, "value": str}, pk="key")
    db.close()
    assert "merge_items" not in {r[0] for r in sqlite3.connect(path).execute(
        "SELECT name FROM sqlite_master")}
    store = Store(path)
    assert {"merge_items", "merge_words"} <= set(store.db.table_names())
    assert store.merge_info() is None
    import_into_store(store, files[:3])
    assert store.merge_info() is not None
    assert isinstance(import_into_store(store, files[3:]), StoredResult)


@needs_timeline17
def test_removing_an_article_added_incrementally_and_a_reprinted_one(tmp_path, monkeypatch,
                                                                     no_refit):
    files = _pile(tmp_path, 30)
    store = Store(tmp_path / "p.db")
    import_into_store(store, files[:24])
    reprint = tmp_path / "reprint.txt"  # the same passages as the first article
    reprint.write_text(files[0].read_text(encoding="utf-8") + "\nReprinted.\n", encoding="utf-8")
    assert isinstance(import_into_store(store, files[24:] + [reprint]), StoredResult)
    first, added = store.documents()[0].id, store.documents()[26].id
    result = remove_documents(store, [first, added])  # the reprint's copies stand for them now
    assert isinstance(result, StoredResult)
    assert _events(store.events()) == _events(_from_scratch(store, monkeypatch))
    assert store.merge_info()[2] > 0  # the passages changed since the weights were fitted


@needs_timeline17
def test_only_the_region_a_new_article_can_reach_is_clustered_again(tmp_path, monkeypatch,
                                                                     no_refit):
    """The stored events of a component that no link across the new mentions' region could
    change keep their clustering: fewer mentions are clustered again than the components
    hold, and the events still equal a merge of the whole corpus."""
    files = _pile(tmp_path, 150)
    store = Store(tmp_path / "p.db")
    import_into_store(store, files[:140])
    changes = []
    real = merging.merge_incrementally
    monkeypatch.setattr(kerryview.incremental.merging, "merge_incrementally",
                        lambda *a, **k: changes.append(real(*a, **k)) or changes[-1])
    for batch in (files[140:145], files[145:]):
        assert isinstance(import_into_store(store, batch), StoredResult)
        assert _events(store.events()) == _events(_from_scratch(store, monkeypatch))
    assert len(changes) == 2 and all(0 < c.reclustered < c.members for c in changes)


def test_a_merge_is_challenged_only_by_a_strong_link_across_at_its_score():
    """_challenged replays both sides' merges: a cluster across challenges a merge when its
    average with one side, as the clusters are at that moment, reaches the merge's score and
    a strong link joins them."""
    weights = [1, 1, 1, 1]
    # 1 into 0 at 0.8; across, 3 into 2 at 0.6; then 0's cluster meets 2 at 0.5
    history = [(0.8, 0, 1), (0.6, 2, 3), (0.5, 0, 9)]
    weights += [1] * 6
    across = {0: {2: 0.7}, 2: {0: 0.7}}
    strong = {0: {2}, 2: {0}}
    # at 0.8: avg(0, 2) = 0.7 < 0.8; at 0.6: avg({0,1}, 2) = 0.35; at 0.5: {0,1}-{2,3} 0.175
    assert merging._challenged(history, weights, across, strong) == set()
    # a second strong link 1-2 at 0.7: {0,1} with 2 averages 0.7 >= 0.6, the merge 2+3
    across = {0: {2: 0.7}, 1: {2: 0.7}, 2: {0: 0.7, 1: 0.7}}
    strong = {0: {2}, 1: {2}, 2: {0, 1}}
    assert merging._challenged(history, weights, across, strong) == {0, 2}
    # the same sums without a strong link: no merge across possible
    assert merging._challenged(history, weights, across, {}) == set()
    # at the first merge already: 0 with 2 at 0.9 beats 0.8
    assert merging._challenged(history, weights, {0: {2: 0.9}, 2: {0: 0.9}},
                               {0: {2}, 2: {0}}) == {0, 2}


def test_a_project_of_schema_8_gets_its_candidates_packed_and_adds_incrementally(tmp_path,
                                                                                   no_refit):
    """Schema step 9 packs the stored lookups (merge_items.cands, JSON text before): the same
    candidates, and the next import is incremental and gives what it gives in a project that
    kept them packed from the start."""
    from kerryview.store.merge_rows import unpack_cands
    files = dated_demo(tmp_path)
    packed, old = tmp_path / "packed.db", tmp_path / "old.db"
    store = Store(packed)
    import_into_store(store, files[:3])
    store.close()
    shutil.copy(packed, old)
    conn = sqlite3.connect(old)  # as schema 8 kept it: JSON text
    rows = conn.execute("SELECT id, cands FROM merge_items WHERE cands IS NOT NULL").fetchall()
    assert rows and all(isinstance(c, bytes) for _, c in rows)
    lists = {i: unpack_cands(c) for i, c in rows}
    conn.executemany("UPDATE merge_items SET cands = ? WHERE id = ?",
                     [(json.dumps(c), i) for i, c in lists.items()])
    conn.execute("DELETE FROM schema_version WHERE version > 8")
    conn.execute("UPDATE meta SET value = '8' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    migrated = Store(old)
    assert [r[0] for r in migrated.conn.execute("SELECT max(version) FROM schema_version")] == [latest_version()]
    now = dict(migrated.conn.execute(
        "SELECT id, cands FROM merge_items WHERE cands IS NOT NULL").fetchall())
    assert all(isinstance(c, bytes) for c in now.values())
    assert {i: unpack_cands(c) for i, c in now.items()} == lists
    results = [import_into_store(s, files[3:]) for s in (migrated, Store(packed))]
    assert all(isinstance(r, StoredResult) for r in results)
    assert _events(results[0].events) == _events(results[1].events)


def _lookups_now(store) -> dict[int, set[int]]:
    """What the lookup of every stored representative finds in its story's date index as the
    project is now (DateTermIndex over all of them, at LINK_FLOOR): what a full merge's
    lookups would find with these word weights."""
    from kerryview.events.blocking import DateTermIndex, key_terms
    from kerryview.events.merge import LINK_FLOOR, _widened, compared_near
    rows = store.conn.execute(
        "SELECT m.id, m.item, sd.story_id FROM merge_items m JOIN story_documents sd ON "
        "sd.document_id = m.doc_id WHERE m.rep = 1 ORDER BY m.doc_order, m.seq").fetchall()
    by_story: dict[str, list] = {}
    for row_id, item, story in rows:
        by_story.setdefault(story, []).append((row_id, merging.decode(item)))
    out = {}
    for members in by_story.values():
        index = DateTermIndex()
        for row_id, it in members:
            index.add(row_id, it.vector, _widened(it), compared_near(it), it.interval.start)
        for row_id, it in members:
            found = index.candidates(key_terms(it.vector), it.interval, compared_near(it))
            out[row_id] = {j for j, s in found.items() if j != row_id and s >= LINK_FLOOR}
    return out


@needs_timeline17
def test_every_stored_lookup_finds_what_a_lookup_of_the_merged_corpus_finds(tmp_path,
                                                                            no_refit):
    """After incremental adds, each stored mention's candidates are those its lookup finds in
    the whole corpus now: a stored mention that finds a new one (strongly or weakly, inside
    the components merged again or outside them) keeps that link for the next merge, and
    one whose words read otherwise is looked up again."""
    from kerryview.store.merge_rows import unpack_cands
    files = _pile(tmp_path, 60)
    store = Store(tmp_path / "p.db")
    import_into_store(store, files[:36])
    for batch in (files[36:48], files[48:]):
        assert isinstance(import_into_store(store, batch), StoredResult)
    stored = {i: {j for j, _ in unpack_cands(c)} for i, c in store.conn.execute(
        "SELECT id, cands FROM merge_items WHERE rep = 1")}
    expected = _lookups_now(store)
    assert stored.keys() == expected.keys()
    wrong = {i: (stored[i] ^ expected[i]) for i in stored if stored[i] != expected[i]}
    assert not wrong


def test_removing_an_article_parts_the_events_it_joined(tmp_path, monkeypatch, no_refit):
    """003 tells Xi's pledge in a sentence with two dates, which joins the events of 001's
    sentence (merge.join_same_words): removed, the joined event is made again from 001's
    alone, as a full import of the four others makes it."""
    files = dated_demo(tmp_path)
    store = Store(tmp_path / "p.db")
    import_into_store(store, files)
    [xi] = [e for e in store.events() if "Xi Jinping reiterated" in e.label]
    assert {d[:3] for d in xi.document_ids} == {"001", "003"}
    doomed = [d.id for d in store.documents() if d.id.startswith("003")]
    assert isinstance(remove_documents(store, doomed), StoredResult)
    assert _events(store.events()) == _events(_from_scratch(store, monkeypatch))
    assert [{d[:3] for d in e.document_ids} for e in store.events()
            if "Xi Jinping reiterated" in e.label] == [{"001"}]


WIRE = """date 2023-07-19

Climate talks

BEIJING, July 19 (Xinhua) -- Chinese and U.S. officials held talks on climate on Tuesday, \
a spokesman said.
"""


def test_an_added_wire_story_joins_its_sentence_as_a_full_import_does(tmp_path, monkeypatch,
                                                                      no_refit):
    """The sentence after a wire dateline gives a clause event whose passage starts at the
    dateline and a mention whose passage starts after it (kerryview.events.mentions): one
    sentence (merge.sentence_index) whether the article comes alone or with the others."""
    files = dated_demo(tmp_path)
    wire = tmp_path / "wire.txt"
    wire.write_text(WIRE, encoding="utf-8")
    store = Store(tmp_path / "p.db")
    import_into_store(store, files)
    assert isinstance(import_into_store(store, [wire]), StoredResult)
    assert _events(store.events()) == _events(_from_scratch(store, monkeypatch))
    [talks] = [e for e in store.events() if "officials held talks on climate" in e.label]
    told = {(m.dated_by, m.start) for m in talks.mentions if m.document_id.startswith("wire")}
    assert len(told) == 2 and {d for d, _ in told} == {"publication", "time expression"}
    assert talks.value == "2023-07-18" and talks.conflicts == []  # Tuesday, not the report's
    fresh = Store(tmp_path / "fresh.db")
    import_into_store(fresh, files + [wire])
    assert _events(store.events()) == _events(fresh.events())


WORK = ("date 2023-07-19\n\nKerry ends Beijing visit {}\n\nU.S. climate envoy John Kerry said "
        "more work was needed to reach agreements with China on major climate issues, after "
        "three days of talks in Beijing.\n")


def test_added_articles_keep_their_publication_day_as_a_full_import_does(tmp_path, monkeypatch,
                                                                        no_refit):
    """003 tells Kerry's 'more work was needed this year' in a sentence with two dates; three
    articles added later tell his words dated by their publication alone, in sentences of
    one date: sources of the day, kept (merge.happening_dates sets aside only the report day
    of a two-date sentence), whether they come with the others or after them."""
    files = dated_demo(tmp_path)
    added = []
    for k in range(3):
        added.append(tmp_path / f"work{k}.txt")
        added[-1].write_text(WORK.format(k), encoding="utf-8")
    store = Store(tmp_path / "p.db")
    import_into_store(store, files)
    assert isinstance(import_into_store(store, added), StoredResult)
    assert _events(store.events()) == _events(_from_scratch(store, monkeypatch))
    [work] = [e for e in store.events() if "more work was needed" in e.label]
    assert {d[:3] for d in work.document_ids} == {"003", "wor"} and len(work.document_ids) == 4
    assert work.value == "2023-07-19" and work.conflicts == []
    fresh = Store(tmp_path / "fresh.db")  # (other word weights: the same event, not all)
    import_into_store(fresh, files + added)
    assert [(e.value, len(e.document_ids)) for e in fresh.events()
            if "more work was needed" in e.label] == [("2023-07-19", 4)]


# Wire copy: dated by its year-less wire dateline alone (its year from its story's articles).
WIRE_COPY = ("{head}\n\nBEIJING, July {day} (Reuters) - U.S. climate envoy John Kerry and "
             "Chinese officials {what} in Beijing on climate cooperation, a spokesman said.\n")


def _wire_copy(tmp_path, name, day, what, head="Kerry in Beijing"):
    path = tmp_path / name
    path.write_text(WIRE_COPY.format(head=head, day=day, what=what), encoding="utf-8")
    return path


def _dates(store):
    return sorted((d.id, d.dct, d.dct_source) for d in store.documents())


def test_wire_copy_stored_or_added_is_dated_and_merged_incrementally_as_in_full(
        tmp_path, monkeypatch, no_refit):
    """Articles dated by a year-less wire dateline alone ("BEIJING, July 18 (Reuters) -")
    take their year from their story: a project holding one, and an import bringing one,
    stay incremental (before, any such article resolved the whole corpus at every import);
    the story they touch is dated again as a full import dates it: same dates and events as
    a full import of the same stories, and as a fresh import of all. Removing one too."""
    files = dated_demo(tmp_path)
    first = _wire_copy(tmp_path, "wire1.txt", 17, "held talks on Monday")
    second = _wire_copy(tmp_path, "wire2.txt", 19, "ended three days of talks")
    store = Store(tmp_path / "p.db")
    import_into_store(store, files[:3] + [first])
    assert store.document("wire1").dct == date(2023, 7, 17)
    recognized = []  # the texts the tagger's recognition reads: the new articles' alone
    module = sys.modules["kerryview.timex.recognize"]
    real = module.recognize
    monkeypatch.setattr(module, "recognize", lambda text, *a, **k: (
        recognized.append(text), real(text, *a, **k))[1])
    monkeypatch.setattr(pipeline, "recognize", module.recognize)
    result = import_into_store(store, files[3:] + [second])
    assert isinstance(result, StoredResult)
    assert sorted(recognized) == sorted(p.read_text(encoding="utf-8")
                                        for p in files[3:] + [second])
    assert store.document("wire2").dct == date(2023, 7, 19)
    assert store.document("wire2").dct_source.kind is DateSourceKind.INFERRED
    assert _events(store.events()) == _events(_from_scratch(store, monkeypatch))
    fresh = Store(tmp_path / "fresh.db")
    import_into_store(fresh, files + [first, second])
    assert _dates(store) == _dates(fresh)  # (events: other word weights, test_added_articles_...)
    assert isinstance(remove_documents(store, ["wire1"]), StoredResult)
    assert _events(store.events()) == _events(_from_scratch(store, monkeypatch))


def test_wire_copy_whose_year_the_added_articles_change_resolves_the_whole_corpus(
        tmp_path, no_refit):
    """'BEIJING, Dec 30' among articles of January 2024 is the story's run-up: 30 December
    2023. Articles of December 2024 added later put it in 2024 (the story running on into
    December): its day changes, so the events it tells move, and the whole corpus is
    resolved, to what a fresh import gives."""
    def page(name, day, what):
        path = tmp_path / name
        path.write_text(f"date {day}\n\nKerry in Beijing\n\nU.S. climate envoy John Kerry and "
                        f"Chinese officials {what} in Beijing on climate cooperation.\n",
                        encoding="utf-8")
        return path

    january = [page(f"jan{k}.txt", f"2024-01-{d:02d}", f"held talks {k}")
               for k, d in enumerate((3, 8, 15))]
    december = [page(f"dec{k}.txt", f"2024-12-{d:02d}", f"met again {k}")
                for k, d in enumerate((20, 27, 29))]
    wire = tmp_path / "wire.txt"
    wire.write_text("Kerry in Beijing\n\nBEIJING, Dec 30 (Reuters) - U.S. climate envoy John "
                    "Kerry and Chinese officials talked in Beijing on climate cooperation.\n",
                    encoding="utf-8")
    store = Store(tmp_path / "p.db")
    import_into_store(store, january + [wire])
    assert store.document("wire").dct == date(2023, 12, 30)
    result = import_into_store(store, december)
    assert not isinstance(result, StoredResult)
    assert store.document("wire").dct == date(2024, 12, 30)
    fresh = Store(tmp_path / "fresh.db")
    import_into_store(fresh, january + [wire] + december)
    assert _dates(store) == _dates(fresh)
    assert _events(store.events()) == _events(fresh.events())


@needs_timeline17
def test_a_days_clusters_joined_as_one_happening_merge_incrementally_as_in_full(tmp_path, no_refit):
    """merge.join_same_day joins the clusters of Michael Jackson's death (MJ_bbc: sources of
    one day told amid varied news); an import of the last tenth of the folder reads every
    cluster of that day and gives the full merge's events (it once kept them apart)."""
    folder = TIMELINE17 / "MJ_bbc" / "articles"
    n = sum(1 for p in folder.iterdir() if p.stat().st_size > 0)
    files = bench.make_pile(tmp_path / "pile", n, TIMELINE17, folders=("MJ_bbc",))
    store = Store(tmp_path / "p.db")
    import_into_store(store, files[:n * 9 // 10])
    assert isinstance(import_into_store(store, files[n * 9 // 10:]), StoredResult)
    expected = _from_scratch(store, None)
    assert _events(store.events()) == _events(expected)
    death = [e for e in expected if e.start.startswith("2009-06-25")]
    assert max(len(e.document_ids) for e in death) >= 30  # (its clusters joined)
