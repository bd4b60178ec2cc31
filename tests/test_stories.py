"""Stories of a pile (kerryview.stories): grouping, names, the per-story corpus stages, storage."""
from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

import kerryview.stories as ks
from kerryview.analysis import AnalysisCache
from kerryview.bundled import bundled_corpus_paths
from kerryview.incremental import merge as merging
from kerryview.pipeline import (StoredResult, build_corpus, import_into_store,
                                read_documents, remove_documents)
from kerryview.store import Store
from kerryview.stories import Story, cluster_stories, per_story, story_of_documents, story_terms
from kerryview.events.clauses import merge_weights
from kerryview.text.wordlists import story_stopwords

HERE = Path(__file__).resolve().parent
TWO_STORIES = HERE / "data" / "stories"  # four articles on a volcano, four on a cup final
TIMELINE17 = HERE.parents[1] / "shared" / "data" / "timeline17"


def _docs(*paths):
    return read_documents(list(paths))[0]


def _one_story(docs):
    """The pile as one story, its words weighed on their own: the public path, build_corpus
    with the story given."""
    return build_corpus(docs, given=[Story("", "", (), tuple(d.id for d in docs))])


def _summary(events):
    """What a user sees of each event: its date, status, label and passages."""
    return sorted((e.id, e.value, e.status, e.label, e.importance, tuple(e.conflicts),
                   tuple((m.document_id, m.start, m.end, m.timex.value) for m in e.mentions))
                  for e in events)


def test_two_stories_are_told_apart_and_named_by_their_words():
    stories = cluster_stories(_docs(TWO_STORIES))
    assert sorted(sorted(s.document_ids) for s in stories) == [
        ["cup1", "cup2", "cup3", "cup4"], ["volcano1", "volcano2", "volcano3", "volcano4"]]
    names = {s.document_ids[0][:3]: s.name for s in stories}
    assert "cup" in names["cup"] and "eruption" in names["vol"]
    assert all(len(s.terms) == ks.NAME_TERMS and s.name.count(ks.NAME_SEPARATOR) == 2
               for s in stories)


def test_grouping_is_deterministic_and_ids_follow_the_articles_not_their_order():
    docs = _docs(TWO_STORIES, *bundled_corpus_paths())
    first = cluster_stories(docs)
    again = cluster_stories(list(reversed(docs)))
    assert {s.id: set(s.document_ids) for s in first} == {s.id: set(s.document_ids) for s in again}
    assert cluster_stories(docs) == first
    assert len(first) == 3 and len(first[0]) == 5  # largest first: the bundled story


def test_the_bundled_demo_is_one_story_and_its_events_are_those_of_the_whole_pile():
    docs = _docs(*bundled_corpus_paths())
    found: list[Story] = []
    events = build_corpus(docs, stories=found)
    assert len(found) == 1 and set(found[0].document_ids) == {d.id for d in docs}
    assert "climate" in found[0].name
    assert _summary(events) == _summary(_one_story(_docs(*bundled_corpus_paths())))


@pytest.mark.skipif(not TIMELINE17.is_dir(), reason="needs ../shared/data/timeline17")
def test_a_timeline17_folder_is_one_story_and_keeps_its_events():
    paths = sorted((TIMELINE17 / "bpoil_bbc" / "articles").glob("*.txt"))[:24]
    found: list[Story] = []
    events = build_corpus(_docs(*paths), stories=found)
    assert len(found) == 1
    assert _summary(events) == _summary(_one_story(_docs(*paths)))


def test_each_story_is_resolved_on_its_own(monkeypatch):
    import kerryview.pipeline as pipeline
    used = []  # the words' weights each story's merge is given
    real = pipeline._merge_events
    monkeypatch.setattr(pipeline, "_merge_events", lambda *a, **k: used.append(a[5]) or real(*a, **k))
    docs = _docs(TWO_STORIES, *bundled_corpus_paths())
    found: list[Story] = []
    cache = AnalysisCache()
    events = build_corpus(docs, stories=found, analyses=cache)
    story = story_of_documents(found)
    assert len(found) == 3
    for e in events:  # no event is merged across stories
        assert len({story[d] for d in e.document_ids}) == 1
    # each story merged on its own, its words weighed as in the whole pile
    vec = merge_weights([f for d in docs for f in cache.current(d.sha256).found])  # as the pipeline
    apart = []
    for s in found:
        part = _docs(*[d.path for d in docs if d.id in s.document_ids])
        apart += build_corpus(part, given=[Story("", "", (), tuple(d.id for d in part))],
                              vectorizer=vec)
    assert _summary(events) == _summary(apart)
    # the weights are the pile's, not each story's own (since session 16's kinds of happening the
    # bundled story's events no longer differ with its own weights, so the weights are compared)
    assert len(used) >= len(found) and all(v.idf == vec.idf for v in used[:len(found)])
    own = merge_weights([f for d in docs if d.id in found[0].document_ids
                         for f in cache.current(d.sha256).found])
    assert own.idf != vec.idf


def test_per_story_reports_one_run_of_progress_and_cancels():
    docs = _docs(TWO_STORIES)
    seen = []
    per_story(docs, lambda part, report: [report(2 * len(part) + 1, 0, "Done")] and part,
              lambda done, total, what: seen.append((done, total, what)))
    assert [d for d, _, _ in seen] == [9, 18] and {t for _, t, _ in seen} == {18}
    assert all(what.startswith("Story ") for _, _, what in seen)

    class Stop(Exception):
        pass

    def check():
        raise Stop

    with pytest.raises(Stop):
        cluster_stories(docs, check)


def test_words_every_story_uses_and_outlet_names_do_not_group_articles():
    assert {"told", "gmt", "spokesman"} <= story_stopwords()
    terms = story_terms("LONDON (Reuters) - Officials said on Tuesday that 12 flamingos escaped "
                        "from the zoo, BBC News reported.")
    assert "flamingo" in terms and "zoo" in terms
    assert not {"reuter", "reuters", "bbc", "said", "12"} & set(terms)


def test_an_empty_pile_and_articles_without_words():
    assert cluster_stories([]) == []
    docs = _docs(TWO_STORIES)
    docs[0].text = "   "
    stories = cluster_stories(docs)
    assert sorted(d for s in stories for d in s.document_ids) == sorted(d.id for d in docs)


def test_an_import_stores_the_story_of_each_article(tmp_path):
    store = Store(tmp_path / "p.kvproj")
    import_into_store(store, [TWO_STORIES])
    stories = store.stories()
    assert len(stories) == 2
    assert sorted(d for s in stories for d in s.document_ids) == sorted(d.id for d in store.documents())
    import_into_store(store, list(bundled_corpus_paths()))
    again = store.stories()
    assert [len(s) for s in again] == [5, 4, 4]
    assert {s.id for s in stories} <= {s.id for s in again}  # the first stories keep their ids
    store.close()
    read = Store(tmp_path / "p.kvproj", read_only=True)
    assert [(s.id, s.name, s.document_ids) for s in read.stories()] == \
        [(s.id, s.name, s.document_ids) for s in again]
    read.close()


def test_a_project_from_before_stories_gets_them_with_its_next_import(tmp_path):
    path = tmp_path / "old.kvproj"
    store = Store(path)
    import_into_store(store, [TWO_STORIES])
    store.close()
    conn = sqlite3.connect(path)  # as schema 6 left it: no story tables
    conn.execute("DROP TABLE stories")
    conn.execute("DROP TABLE story_documents")
    conn.execute("DELETE FROM schema_version WHERE version >= 8")  # (and later steps)
    conn.commit()
    conn.close()
    store = Store(path)
    assert store.stories() == []
    import_into_store(store, [])
    assert len(store.stories()) == 2
    store.close()


def test_importing_nothing_new_into_a_project_from_before_stories_keeps_its_merge_alone(tmp_path):
    """Its stored merge spans the whole pile: stories saved beside it would make the next
    incremental import merge per story over components that cross them."""
    path = tmp_path / "old.kvproj"
    store = Store(path)
    import_into_store(store, [TWO_STORIES])
    events = len(store.events())
    store.close()
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM story_documents")
    conn.execute("DELETE FROM stories")
    conn.commit()
    conn.close()
    store = Store(path)
    assert store.merge_info() is not None
    import_into_store(store, [TWO_STORIES])  # the same files: nothing new
    assert store.stories() == []
    assert len(store.events()) == events
    store.close()


def test_a_project_of_many_stories_keeps_its_merge_and_added_articles_join_their_stories(
        tmp_path, monkeypatch):
    """Merged story by story, the project keeps its merge; an article added later joins the
    stored story it is closest to, only that story is merged again, and the events are those
    of a full resolution over the stored stories with the project's word weights."""
    monkeypatch.setattr(merging, "REFIT_FRACTION", 10.0)  # a tiny pile: every batch is "many"
    volcano, cup = sorted(TWO_STORIES.glob("volcano*.txt")), sorted(TWO_STORIES.glob("cup*.txt"))
    store = Store(tmp_path / "two.kvproj")
    import_into_store(store, volcano[:3] + cup[:3])
    before = {s.id: set(s.document_ids) for s in store.stories()}
    assert len(before) == 2 and store.merge_info() is not None
    result = import_into_store(store, [volcano[3], cup[3]])
    assert isinstance(result, StoredResult)
    after = {s.id: set(s.document_ids) for s in store.stories()}
    assert sorted(map(sorted, after.values())) == [
        ["cup1", "cup2", "cup3", "cup4"], ["volcano1", "volcano2", "volcano3", "volcano4"]]
    docs = store.documents()
    assert set(after) == {s.id for s in cluster_stories(docs)}  # named as clustering names them
    assert _summary(store.events()) == _summary(merging.with_project_weights(store))
    first_cup = min((d for d in docs if d.id.startswith("cup")), key=lambda d: d.sha256).id
    assert isinstance(remove_documents(store, [first_cup]), StoredResult)
    assert sorted(len(s) for s in store.stories()) == [3, 4]
    assert {s.id for s in store.stories()} == {s.id for s in cluster_stories(store.documents())}
    store.close()


def test_added_articles_between_two_stories_or_a_new_story_cluster_again():
    docs = _docs(TWO_STORIES)
    stories = cluster_stories(docs)
    texts = {d.id: d.text for d in docs}
    volcano = next(s.id for s in stories if "volcano1" in s.document_ids)
    assert ks.assign([texts["volcano2"]], stories) == [volcano]
    between = texts["volcano2"] + "\n" + texts["cup2"]
    assert ks.assign([between], stories) is not None  # one joins the nearest until next time
    assert ks.assign([between] * ks.MIN_STORY, stories) is None  # many: cluster again
    assert ks.assign(["Nothing of either here."], stories) is None  # no word of any story
    stray = "The club's volunteers held a bake sale for the village hall roof."
    assert ks.assign([stray], stories) is not None  # one stray joins the nearest story
    assert ks.assign([stray] * ks.MIN_STORY, stories) is None  # many may be a story


@pytest.mark.skipif(not TIMELINE17.is_dir(), reason="needs ../shared/data/timeline17")
def test_one_long_story_is_not_split_into_its_sides():
    """The first 36 articles of the financial crisis (one Washington Post timeline) were three
    stories (Fed and firms; international; Obama and Congress): sides of one story, nearer to
    each other than stories of different topics ever are (APART_SIMILARITY), and strays near
    strays were left alone."""
    paths = sorted((TIMELINE17 / "Finan_washingtonpost" / "articles").glob("*.txt"))[:36]
    assert len(cluster_stories(_docs(*paths))) == 1
    monkeypatch = pytest.MonkeyPatch()
    with monkeypatch.context() as m:
        m.setattr(ks, "APART_SIMILARITY", 1.0)  # without the rule: split
        assert len(cluster_stories(_docs(*paths))) > 1


def test_words_with_accents_stay_whole_in_terms_and_story_names():
    """A careless pile with a French article named its story "ber · Caf · Gen" ("über",
    "Café", "Genève" cut at their first non-ASCII letter); passages compared "Calder" + "n"."""
    from kerryview.model import Document
    from kerryview.text.similarity import content_terms

    assert {"zürich", "genève", "calderón"} <= set(content_terms("In Zürich, Genève and Calderón"))
    text = ("Genève talks on Zürich café prices resumed. Genève and Zürich café owners met. "
            "Zürich café owners in Genève signed.")
    docs = [Document(id=f"d{i}", path=f"/p/d{i}.txt", text=text) for i in range(3)]
    (story,) = cluster_stories(docs)
    whole_words = set(text.replace(".", "").split())
    assert set(story.name.split(" · ")) <= whole_words and "Genève" in story.name


COPENHAGEN = """Delegates argue over emissions targets at the Copenhagen summit
Delegates from rich and poor nations argued late into the night over emissions targets at the \
Copenhagen summit, which opened on 7 December {year}. Danish hosts said a deal on forests and \
finance for poor countries was still possible.
Protesters marched through the city on Saturday. Police detained several hundred people near \
the conference centre. The summit is due to end on 18 December {year}, when more than a hundred \
heads of government are expected to arrive.
"""


def _demo_and_stray(tmp_path, text):
    stray = tmp_path / "stray.txt"
    stray.write_text(text, encoding="utf-8")
    return _docs(*bundled_corpus_paths(), stray)


def test_a_stray_of_other_years_is_a_story_of_its_own_and_dated_alone(tmp_path, monkeypatch):
    """A single article that shares few words with the demo's story (July 2023) and writes
    out only 2009 is not attached to it (dated by its years it was dated in 2023); the same
    article of 2023, or one that writes out no year, still joins it."""
    docs = _demo_and_stray(tmp_path, COPENHAGEN.format(year=2009))
    assert sorted(len(s) for s in cluster_stories(docs)) == [1, 5]
    stories = []
    build_corpus(docs, stories=stories)
    assert sorted(len(s) for s in stories) == [1, 5]
    stray = next(d for d in docs if d.id == "stray")
    assert stray.dct is None or stray.dct.year == 2009
    with monkeypatch.context() as m:  # without the rule: attached, dated in 2023
        m.setattr(ks, "STRAY_SIMILARITY", 0.0)
        assert [len(s) for s in cluster_stories(docs)] == [6]
    assert [len(s) for s in cluster_stories(
        _demo_and_stray(tmp_path, COPENHAGEN.format(year=2023)))] == [6]
    no_year = COPENHAGEN.replace(" {year}", "").format()
    assert [len(s) for s in cluster_stories(_demo_and_stray(tmp_path, no_year))] == [6]


def test_years_contradict_only_when_all_lie_apart_from_the_story():
    assert ks.years_contradict(frozenset({2009, 1918}), (2023, 2023))
    assert not ks.years_contradict(frozenset({2009, 2022}), (2023, 2023))  # one agrees
    assert not ks.years_contradict(frozenset(), (2023, 2023))  # no years: no say
    assert not ks.years_contradict(frozenset({2009}), None)
    assert ks.year_span([2011, 2009, 2010]) == (2009, 2011) and ks.year_span([]) is None


def test_an_added_stray_of_other_years_clusters_again():
    docs = _docs(TWO_STORIES)
    stories = cluster_stories(docs)
    spans = ks.story_spans(stories, {d.id: (d.dateline.value.isoformat(), "stated_in_text")
                                      for d in docs})
    assert set(spans.values()) == {(2024, 2024)}
    # a date inferred (a wire copy's year) is no stated date: clustering does not read it
    assert set(ks.story_spans(stories, {d.id: (d.dateline.value.isoformat(), "inferred")
                                        for d in docs}).values()) == {None}
    stray = "The club's volunteers held a bake sale for the village hall roof."
    assert ks.assign([stray], stories, [date(2024, 6, 1)], spans) is not None
    assert ks.assign([stray], stories, [date(2009, 6, 1)], spans) is None
    assert ks.assign([stray], stories, [None], spans) is not None  # no stated date: no say


NET_ZERO = "Scientists said the world must reach net zero by 2050, the goal set after the 2015 \
Paris Agreement."


def test_a_future_target_or_a_deadline_is_no_year_of_another_time(tmp_path):
    """An undated article of the demo's story (July 2023) that writes out a target year
    ("net zero by 2050") and a historical one ("the 2015 Paris Agreement") stays in it: a
    year after the story's never says the article is of another time (it may announce that
    future), and a year after a deadline word is not the article's own."""
    undated = COPENHAGEN.replace(" {year}", "").format().rstrip()  # a stray the rule decides
    assert [len(s) for s in cluster_stories(_demo_and_stray(tmp_path, f"{undated} {NET_ZERO}"))] == [6]
    in_2050 = f"{undated} Scientists expect the world to reach net zero in 2050."
    assert [len(s) for s in cluster_stories(_demo_and_stray(tmp_path, in_2050))] == [6]
    history = f"{undated} The goal was set after the 2015 Paris Agreement."  # history alone:
    assert sorted(len(s) for s in cluster_stories(_demo_and_stray(tmp_path, history))) == [1, 5]
    written = ks.written_years(NET_ZERO)
    assert written.years == {2015} and written.every == {2015, 2050}  # "by 2050": a deadline
    assert not ks.years_contradict(written.years, (2023, 2023), written.every)
    assert ks.years_contradict(written.years, (2023, 2023))  # as a stated year would: apart
    assert not ks.years_contradict(frozenset({2009}), (2023, 2023), frozenset({2009, 2030}))
    assert ks.years_contradict(frozenset({2009}), (2023, 2023), frozenset({2009, 2020}))
    # a deadline in the story's years: maybe of them ("had halved by 2023"); one long before
    # the story's is no year of the article's own either way
    assert not ks.years_contradict(frozenset({2009}), (2023, 2023), frozenset({2009, 2023}))
    assert not ks.years_contradict(frozenset({2030}), (2023, 2023), frozenset({2030}))
    assert ks.years_contradict(frozenset({2030}), (2023, 2023))  # a stated 2030: apart
    assert ks.written_years("Sanctions stay in force until 2030.").years == frozenset()
    assert ks.written_years("Talks ended in 2009.").years == {2009}


def test_every_deadline_word_lives_in_its_data_file_with_an_example():
    import json
    from importlib.resources import files
    from kerryview.text.wordlists import deadline_words, list_words
    raw = json.loads((files("kerryview.text") / "data" / "deadline_words.json").read_text("utf-8"))
    lists = {k: v for k, v in raw.items() if not k.startswith("_")}
    assert set(lists) == {"deadline"}
    for entry in lists.values():
        assert entry["about"] and entry["example"] and entry["words"]
    assert deadline_words() == list_words(raw["deadline"]) >= {"by", "until", "through", "to"}


def test_clustering_reads_the_years_of_a_stored_recognition_without_tagging_again(
        tmp_path, monkeypatch):
    """build_corpus with the articles' analyses: the stray rule reads an undated article's
    years from its stored recognition (the same stories), never running the tagger again."""
    import importlib
    recognizer = importlib.import_module("kerryview.timex.recognize")
    from kerryview.analysis import analyse
    docs = _demo_and_stray(tmp_path, COPENHAGEN.format(year=2009))
    cache = AnalysisCache()
    for d in docs:
        cache.put(analyse(d))
    calls = []
    real = recognizer.recognize
    monkeypatch.setattr(recognizer, "recognize", lambda *a, **k: calls.append(1) or real(*a, **k))
    stories = []
    build_corpus(docs, analyses=cache, stories=stories)
    assert sorted(len(s) for s in stories) == [1, 5] and calls == []
    stray = next(d for d in docs if d.id == "stray")
    assert ks.written_years(stray.text, cache.current(stray.sha256).recognized()) == \
        ks.written_years(stray.text)  # the same years as tagging its first MAX_CHARS
    assert calls == [1]  # (only the second tags)


def test_clustering_without_stored_analyses_tags_each_article_once(tmp_path, monkeypatch):
    """build_corpus on a first reading (no analyses): the recognition the stray rule reads an
    undated article's years from is the one the pipeline's tagger then uses (the same stories),
    so every article is tagged once, the stray too."""
    import importlib
    from collections import Counter

    import kerryview.pipeline as pipeline
    recognizer = importlib.import_module("kerryview.timex.recognize")
    docs = _demo_and_stray(tmp_path, COPENHAGEN.format(year=2009))
    calls: Counter[str] = Counter()
    real = recognizer.recognize

    def counting(text, *a, **k):
        calls[text] += 1
        return real(text, *a, **k)
    monkeypatch.setattr(recognizer, "recognize", counting)  # (written_years, on its own)
    monkeypatch.setattr(pipeline, "recognize", counting)
    stories = []
    build_corpus(docs, stories=stories)
    assert sorted(len(s) for s in stories) == [1, 5]
    stray = next(d for d in docs if d.id == "stray")
    assert calls[stray.text] == 1 and set(calls.values()) == {1} and len(calls) == len(docs)
