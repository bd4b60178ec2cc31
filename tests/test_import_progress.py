"""Progress texts: the stage with its counts and the time left at that stage's pace."""
from __future__ import annotations

from kerryview.progress import StageClock, duration_words, estimate_words, stage_of


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_duration_words_say_a_wait_as_a_person_would():
    assert [duration_words(s) for s in (0.2, 40, 60, 80, 599, 1800, 5400)] == \
        ["1 s", "40 s", "1 min", "1 min 20 s", "9 min 59 s", "30 min", "1.5 h"]
    # a time left is an estimate: no seconds once minutes are left
    assert [estimate_words(s) for s in (40, 80, 418, 5400)] == ["40 s", "1 min", "7 min", "1.5 h"]


def test_the_stage_is_the_text_before_its_counts():
    assert stage_of("Tagging articles: 2,157 of 9,997") == "Tagging articles"
    assert stage_of("Merging events across 9,997 articles") == \
        "Merging events across 9,997 articles"


def test_time_left_comes_from_the_pace_of_the_stage_since_it_began():
    clock = FakeClock()
    stages = StageClock(clock)
    assert stages.text(0, 100, "Reading files: 0 of 100") == "Reading files: 0 of 100"
    clock.now += 50  # a slow first stage must not make the next one look slow
    assert stages.text(0, 400, "Tagging articles: 0 of 400") == "Tagging articles: 0 of 400"
    clock.now += 1
    assert stages.text(10, 400, "Tagging articles: 10 of 400") == \
        "Tagging articles: 10 of 400"  # too early to tell a pace
    clock.now += 9  # 100 articles in 10 s: 300 more take 30 s
    assert stages.text(100, 400, "Tagging articles: 100 of 400") == \
        "Tagging articles: 100 of 400, about 30 s left"
    clock.now += 290  # slower now: 200 in 300 s since the stage began, 200 left
    assert stages.text(200, 400, "Tagging articles: 200 of 400") == \
        "Tagging articles: 200 of 400, about 5 min left"
    assert stages.text(400, 400, "Tagging articles: 400 of 400") == \
        "Tagging articles: 400 of 400"


def test_a_stage_without_counts_says_how_long_it_has_been_running():
    clock = FakeClock()
    stages = StageClock(clock)
    assert stages.text(0, 0, "Merging events across 9,997 articles") == \
        "Merging events across 9,997 articles"
    clock.now += 75
    assert stages.text() == "Merging events across 9,997 articles (1 min 15 s so far)"
    stages.reset()
    assert stages.text() == ""


def test_an_import_tells_each_stored_batch_of_new_articles(tmp_path, monkeypatch):
    """The pipeline's `analysed` hook: every new article once, in batches as they are stored,
    with their analyses and how many of how many are done; the project's own articles are not
    told again."""
    import kerryview.pipeline as pipeline
    from kerryview.bundled import bundled_corpus_paths
    from kerryview.store import Store

    monkeypatch.setattr(pipeline, "BATCH_ARTICLES", 2)
    paths = bundled_corpus_paths()
    store = Store(tmp_path / "p.db")
    first = pipeline.import_into_store(store, paths[:1]).added
    told = []
    pipeline.import_into_store(store, paths[1:], analysed=lambda batch, done, total: told.append(
        ([d.id for d, _ in batch], [a.sha256 == d.sha256 for d, a in batch], done, total)))
    n = len(paths) - 1
    assert [len(ids) for ids, *_ in told] == [2] * (n // 2) + [n % 2] * (n % 2)
    assert all(all(same) for _, same, *_ in told)
    assert [done for *_, done, _ in told][-1] == n and {t for *_, t in told} == {n}
    ids = [i for batch, *_ in told for i in batch]
    assert sorted(ids) == sorted(d.id for d in store.documents() if d.id not in first)
