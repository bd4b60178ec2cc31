"""One article's failure never costs the others (issue #11, item 4).

Two faults real news reached (an article dated 9999-12-31 that says "next week"; "D day",
which the holiday normalizer had no rule for) are fixed where they arose; and whatever a stage
raises for one article, that article becomes a problem the user is told about, is still stored
with its text, and the other articles are processed as if it were not there.
"""
from __future__ import annotations

import json
from datetime import date

import pytest

import kerryview.dating.inference as inference
import kerryview.pipeline as pipeline
from kerryview.cli import main
from kerryview.dating.datelines import read_dateline
from kerryview.model import Document
from kerryview.pipeline import Problem, build_corpus, import_into_store
from kerryview.store import Store
from kerryview.timex import tag

GOOD = "date 2023-07-18\n\nKerry met Xie Zhenhua in Beijing on Monday for nearly 12 hours.\n"
OTHER = "date 2023-07-19\n\nKerry met Premier Li Qiang on Tuesday in Beijing.\n"
POISON = "The POISON summit opened on Monday, July 17, 2023, in Geneva.\n"  # undated: dating reads it


def _docs(*texts: str) -> list[Document]:
    return [Document(id=f"d{i}", path=f"/articles/d{i}.txt", text=t, dateline=read_dateline(t))
            for i, t in enumerate(texts)]


def _summary(events) -> list[tuple]:
    return sorted((e.value, e.label, tuple((m.document_id, m.start) for m in e.mentions))
                  for e in events)


# --- the two faults, fixed at their source -------------------------------------------------

@pytest.mark.parametrize("dct", [None, date(2023, 7, 18)])
def test_d_day_is_a_date_or_underspecified(dct):
    # was: TypeError in op_holiday (no DCT), AttributeError 'startswith' in values.holiday (DCT)
    [t] = tag("The allies landed on D day in Normandy.", dct)
    assert t.text == "D day"
    assert t.value == ("2023-06-06" if dct else "XXXX-06")


@pytest.mark.parametrize("phrase, value", [("next week", "XXXX-WXX"), ("next month", "XXXX-XX"),
                                           ("next year", "XXXX"), ("next decade", "XXX"),
                                           ("two weeks later", "XXXX-WXX")])
def test_dates_past_9999_have_no_value(phrase, value):
    # was: OverflowError, and then a clamped value: "next week" said on 9999-12-31 was 9999-W52
    [t] = tag(f"The summit will be held {phrase}.", date(9999, 12, 31))
    assert t.value == value


def test_dates_before_year_1_are_written_before_christ():
    """A year counted back from year 1 is 1 BC (TIMEX3 'BC0001', astronomical year 0), which the
    one value parser reads; an article of such a date is read with the others (below)."""
    from kerryview.calendar.timex3 import parse_value

    [t] = tag("The summit was held last year.", date(1, 3, 1))
    assert t.value == "BC0001" and parse_value(t.value).year == 0


def test_extract_reads_d_day_and_9999_articles_with_the_others(tmp_path, capsys):
    (tmp_path / "dday.txt").write_text("The allies landed on D day in Normandy.\n")
    (tmp_path / "dday-dated.txt").write_text("date 2023-07-18\n\nThe allies landed on D day in Normandy.\n")
    (tmp_path / "far.txt").write_text("Date: 9999-12-31\n\nThe summit will be held next week.\n")
    (tmp_path / "first.txt").write_text("Date: 0001-03-01\n\nThe summit was held last year.\n")
    (tmp_path / "good.txt").write_text(GOOD)
    assert main(["extract", "--json", str(tmp_path)]) == 0
    out = capsys.readouterr()
    assert out.err == ""
    corpus = json.loads(out.out)
    assert {d["id"] for d in corpus["documents"]} == {"dday", "dday-dated", "far", "first", "good"}
    assert {e["value"] for e in corpus["events"]} >= {"2023-06-06", "2023-07-17"}


# --- whatever a stage raises, only that article is lost -----------------------------------

def _raise_for_poison(real):
    def stage(*args, **kwargs):
        texts = [a.text if isinstance(a, Document) else a for a in args]
        if any(isinstance(t, str) and "POISON" in t for t in texts):
            raise RuntimeError("poisoned article")
        return real(*args, **kwargs)
    return stage


def _merge_raising_for_poison(found, dcts, *rest, **options):
    if any("POISON" in f.mention.text for f in found):
        raise RuntimeError("poisoned article")
    return inference_free_merge(found, dcts, *rest, **options)


inference_free_merge = pipeline.merge

STAGES = {  # a fault in each stage, raised for the poisoned article only
    "tagger": ("recognize", pipeline, lambda: _raise_for_poison(pipeline.recognize)),
    "dating": ("_passages", inference, lambda: _raise_for_poison(inference._passages)),
    "mentions": ("find_mentions", pipeline, lambda: _raise_for_poison(pipeline.find_mentions)),
    "merging": ("merge", pipeline, lambda: _merge_raising_for_poison),
}


@pytest.fixture(params=sorted(STAGES))
def poisoned(request, monkeypatch):
    name, module, make = STAGES[request.param]
    monkeypatch.setattr(module, name, make())
    # and in the stage's own module, where an import's per-article stage (kerryview.analysis)
    # calls it
    import sys
    home = {"tagger": "kerryview.timex.recognize", "mentions": "kerryview.events.mentions"}
    if request.param in home:
        module = sys.modules[home[request.param]]
        monkeypatch.setattr(module, name, _raise_for_poison(getattr(module, name)))
    return request.param


def test_a_failing_article_is_a_problem_and_the_others_are_processed(poisoned):
    expected = _summary(build_corpus(_docs(GOOD, OTHER)))
    docs = _docs(GOOD, POISON, OTHER)
    docs[2].id = "d1"  # the same ids as in `expected`; the poisoned one is d9
    docs[1].id, docs[1].path = "d9", "/articles/poison.txt"
    problems: list[Problem] = []
    events = build_corpus(docs, problems=problems)
    assert [str(p) for p in problems] == [
        "/articles/poison.txt: could not be processed: RuntimeError: poisoned article; "
        "the other articles are imported"]
    assert _summary(events) == expected
    assert docs[1].dct is None  # it keeps only a date it states itself (it states none)


def test_a_failing_article_is_stored_with_its_text(poisoned, tmp_path):
    for name, text in (("good.txt", GOOD), ("poison.txt", POISON), ("other.txt", OTHER)):
        (tmp_path / name).write_text(text)
    store = Store(tmp_path / "corpus.db")
    try:
        result = import_into_store(store, [tmp_path])
        stored = {d.id: d.text for d in store.documents()}
        n_events = store.event_count()
    finally:
        store.close()
    assert [p.path for p in result.problems] == [str(tmp_path / "poison.txt")]
    assert "could not be processed" in result.problems[0].message
    assert stored == {"good": GOOD, "poison": POISON, "other": OTHER}
    assert n_events == len(result.events) >= 2
    assert all(m.document_id != "poison" for e in result.events for m in e.mentions)


def test_extract_reports_the_failing_article_and_exits_2(poisoned, tmp_path, capsys):
    for name, text in (("good.txt", GOOD), ("poison.txt", POISON)):
        (tmp_path / name).write_text(text)
    assert main(["extract", "--json", str(tmp_path)]) == 2
    out = capsys.readouterr()
    assert out.err == (f"kerryview: {tmp_path / 'poison.txt'}: could not be processed: "
                       "RuntimeError: poisoned article; the other articles are imported\n")
    corpus = json.loads(out.out)
    assert [d["id"] for d in corpus["documents"]] == ["good", "poison"]
    assert corpus["events"] and all(m["document"] == "good" for e in corpus["events"]
                                    for m in e["mentions"])


def test_a_failure_only_two_articles_cause_together_sets_aside_the_later(monkeypatch):
    real = pipeline.merge

    def merge(found, dcts, *rest, **options):  # fails only when both articles are merged together
        if {f.mention.document_id for f in found} >= {"d0", "d1"}:
            raise RuntimeError("these two disagree")
        return real(found, dcts, *rest, **options)

    monkeypatch.setattr(pipeline, "merge", merge)
    problems: list[Problem] = []
    events = build_corpus(_docs(GOOD, OTHER), problems=problems)
    assert [p.path for p in problems] == ["/articles/d1.txt"]
    assert events and {m.document_id for e in events for m in e.mentions} == {"d0"}
