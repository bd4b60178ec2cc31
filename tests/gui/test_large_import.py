"""A long import as the user sees it: the stage, its counts and the time left in the status bar;
the events of the articles tagged so far on the timeline while the rest are tagged; Cancel at
any point puts back the project as it was, in the window and in the file."""
from __future__ import annotations

import re
import threading

import pytest

import kerryview.gui.provisional as provisional
import kerryview.pipeline as pipeline
from kerryview.gui.provisional import Preview
from kerryview.store import Store

DAYS = ["2023-07-17", "2023-07-18", "2023-07-19", "2023-08-02", "2023-08-03", "2023-09-11"]


def _pile(folder, n=len(DAYS)):
    """Dated articles (a date line each), each with events of its own."""
    folder.mkdir()
    for i, day in enumerate(DAYS[:n]):
        (folder / f"a{i}.txt").write_text(
            f"date {day}\n\nThe envoy met the minister {i} in Beijing on Monday. "
            f"Talks on trade number {i} lasted 12 hours on Tuesday. "
            f"The delegation will leave on {day[:4]}-12-0{i + 1}.\n", encoding="utf-8")
    return folder


@pytest.fixture
def one_by_one(monkeypatch):
    """Each article its own batch, and every batch previewed."""
    monkeypatch.setattr(pipeline, "BATCH_ARTICLES", 1)
    monkeypatch.setattr(provisional, "MIN_INTERVAL_S", 0.0)
    monkeypatch.setattr(provisional, "SHARE", 1e9)


class Ticking:
    """A clock that moves a second each time it is read: the status bar's time left is then
    known however fast the machine is."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def test_the_status_bar_says_each_stage_with_counts_and_time_left(qtbot, window, tmp_path,
                                                                   one_by_one):
    window.status.stage_clock.clock = Ticking()
    said = []
    window.status.messageChanged.connect(said.append)
    with qtbot.waitSignal(window.jobs.finished, timeout=120000):
        assert window.import_paths([_pile(tmp_path / "pile")])
    n = len(DAYS)
    assert f"Reading files: 0 of {n}" in said
    tagging = [m for m in said if m.startswith("Tagging articles:")]
    assert any(re.fullmatch(rf"Tagging articles: \d of {n}, about \d+ s left", m)
               for m in tagging), tagging
    assert any(m.startswith("Finding events: ") and m.endswith(f"of {n + 2} articles")
               for m in said), said  # the project's two articles and the new ones
    assert any(m.startswith(f"Merging events across {n + 2} articles") for m in said)
    assert any(re.fullmatch(r"Saving \d+ articles and [\d,]+ events.*", m) for m in said)
    assert window.statusBar().currentMessage().startswith(f"Added {n} articles;")
    assert not window.status.progress.isVisible()


def test_the_timeline_shows_the_events_tagged_so_far_while_the_import_runs(
        qtbot, window, tmp_path, one_by_one):
    before = {e.id for e in window.index().events}
    seen = []

    def look(job, preview):  # connected after the window's own handler: what the user sees
        seen.append((preview.tagged, window.jobs.is_busy(), {e.id for e in window.index().events},
                     len(window.docs), window.status.count_label.text(),
                     window.timeline.isEnabled()))

    window.jobs.partial.connect(look)
    with qtbot.waitSignal(window.jobs.finished, timeout=120000):
        window.import_paths([_pile(tmp_path / "pile")])
    assert [s[0] for s in seen] == list(range(1, len(DAYS) + 1))
    tagged, busy, shown, docs, counts, enabled = seen[1]
    assert busy and enabled
    assert before < shown  # the project's events and the first articles' own
    assert docs == 2 + 2
    assert re.fullmatch(r"[\d,]+ events \([\d,]+ provisional\) · 4 articles", counts)
    assert len(seen[-1][2]) > len(shown)
    # the import's own result replaces the preview
    assert {e.id for e in window.index().events} == {e.id for e in window.store.events()}
    assert "provisional" not in window.status.count_label.text()


def test_a_previewed_event_can_be_opened_while_the_import_runs(qtbot, window, tmp_path,
                                                                one_by_one):
    opened = []

    def open_one(job, preview):
        if opened:
            return
        rows = [r for r, e in enumerate(window.index().events)
                if any(m.document_id.startswith("a0") for m in e.mentions)]
        ev = window.index().events[rows[0]]
        window.select_event(rows[0])
        window.open_mention(ev.mentions[0])
        shown = window.reader.document()
        opened.append((window.passages.passage_texts() == [m.text for m in ev.mentions],
                       shown is not None and shown.id.startswith("a0"), window.jobs.is_busy()))

    window.jobs.partial.connect(open_one)
    with qtbot.waitSignal(window.jobs.finished, timeout=120000):
        window.import_paths([_pile(tmp_path / "pile")])
    assert opened == [(True, True, True)]


def test_cancel_mid_import_puts_back_the_project_as_it_was(qtbot, window, tmp_path, one_by_one,
                                                           monkeypatch):
    clicked = threading.Event()
    build = pipeline.build_corpus

    def after_the_click(*args, **kwargs):  # the worker must not finish before the user clicks
        clicked.wait(60)
        return build(*args, **kwargs)

    monkeypatch.setattr(pipeline, "build_corpus", after_the_click)
    path = window.store.path
    before_shown = sorted(e.id for e in window.index().events)
    before_stored = ([d.id for d in window.store.documents()],
                     sorted(e.id for e in window.store.events()))
    previews = []

    def cancel_at_the_second(job, preview):
        previews.append(len(window.index()))
        if len(previews) == 2:
            window.status.cancel_button.click()
            clicked.set()

    window.jobs.partial.connect(cancel_at_the_second)
    with qtbot.waitSignal(window.jobs.cancelled, timeout=120000):
        window.import_paths([_pile(tmp_path / "pile")])
    assert previews[1] > len(before_shown)  # the preview was shown, then taken back
    assert sorted(e.id for e in window.index().events) == before_shown
    assert sorted(window.docs) == before_stored[0]
    assert window.status.count_label.text() == "4 events · 2 articles"
    assert "nothing was changed" in window.statusBar().currentMessage()
    reopened = Store(path)  # the file, as the next start of the app reads it
    try:
        assert ([d.id for d in reopened.documents()],
                sorted(e.id for e in reopened.events())) == before_stored
        assert reopened.pending_import() == []
    finally:
        reopened.close()


def test_a_preview_that_fails_does_not_stop_the_import(qtbot, window, tmp_path, one_by_one,
                                                        monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("no preview")

    monkeypatch.setattr(provisional.ProvisionalTimeline, "_merge", broken)
    got = []
    window.jobs.partial.connect(lambda job, p: got.append(p))
    with qtbot.waitSignal(window.jobs.finished, timeout=120000):
        window.import_paths([_pile(tmp_path / "pile")])
    assert got == []
    assert len(window.docs) == 2 + len(DAYS)


def test_previews_cost_the_import_a_bounded_share_and_merge_bounded_groups(monkeypatch):
    """Previews take at most SHARE of the time (plus one group), merge at most GROUP_ARTICLES
    articles at once, come at most every MIN_INTERVAL_S, and the last shows every article."""
    from kerryview.gui.timeline.index import TimelineIndex

    monkeypatch.setattr(provisional, "GROUP_ARTICLES", 3)
    now = [0.0]
    published: list[tuple[float, Preview]] = []
    groups: list[int] = []
    timeline = provisional.ProvisionalTimeline([], TimelineIndex([]),
                                               lambda p: published.append((now[0], p)),
                                               clock=lambda: now[0])

    def slow_merge(group):  # merging takes 0.1 s per article
        groups.append(len(group))
        now[0] += 0.1 * len(group)

    timeline._merge = slow_merge
    for done in range(2, 202, 2):  # two articles tagged per second
        timeline.add([object(), object()], done, 400)  # type: ignore[list-item]
        now[0] += 1.0
    assert published[0][1].tagged == 2  # the first batch is shown at once
    assert max(groups) == 3
    spent = 0.1 * sum(groups)
    assert spent <= provisional.SHARE * now[0] + 0.3
    assert sum(groups) < 200  # so the preview lags behind the tagging
    times = [t for t, _ in published]
    assert len(times) > 3
    assert all(b - a >= provisional.MIN_INTERVAL_S for a, b in zip(times, times[1:]))
    said = []
    timeline._progress = lambda done, total, what: said.append(what)
    timeline.add([object()] * 2, 400, 400)  # type: ignore[list-item]
    assert published[-1][1].tagged == 400 and sum(groups) == 202  # the last shows them all
    finals = [p for _, p in published if p.tagged == 400]
    assert len(finals) >= 2  # ... and shows them as they are merged, not only at its end
    assert said and said[0].startswith("Showing the events of the tagged articles: ")
    counts = [int(w.split(": ")[1].split(" of ")[0]) for w in said]
    assert counts == sorted(counts) and len(counts) > 1 and counts[-1] < 400


def test_the_import_workers_setting_reaches_the_pipeline(qtbot, window, tmp_path):
    """settings.IMPORT_WORKERS > 1: the app's import tags on that many processes; an import
    function that takes no such option (a test's stand-in) is called as before."""
    from kerryview.gui import settings
    from kerryview.pipeline import import_into_store

    settings.IMPORT_WORKERS.set(2)
    seen = []

    def pipeline_like(store, paths, progress=None, cancelled=None, *, workers=None,
                      analysed=None):
        seen.append((workers, analysed is not None))
        return import_into_store(store, paths, progress, cancelled)

    def plain(store, paths, progress=None, cancelled=None):
        seen.append("plain")
        return import_into_store(store, paths, progress, cancelled)

    pile = _pile(tmp_path / "pile", 2)
    for fn in (pipeline_like, plain):
        window.import_fn = fn
        with qtbot.waitSignal(window.jobs.finished, timeout=120000):
            window.import_paths([pile])
    assert seen == [(2, True), "plain"]
