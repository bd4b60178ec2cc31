"""One happening told at two precisions in two clusters of mentions ("died in June" / "died on
25 June") is one event: the coarser cluster joins the finer one it is most alike, never two of
them (merge.join_precisions; the rule, its thresholds, its example and counter-example:
kerryview/events/data/two_precisions.json)."""
from __future__ import annotations

import json
from importlib.resources import files

import pytest

import kerryview.events.merge as merging
from kerryview.dating.datelines import read_dateline
from kerryview.events.mentions import find_mentions
from kerryview.model import DateSource, DateSourceKind, Document
from kerryview.text.wordlists import two_precisions
from kerryview.timex import tag

from test_merge import _events, _with
from test_merge_publication import _joined_incrementally

RULE = json.loads((files("kerryview.events") / "data" / "two_precisions.json").read_text(encoding="utf-8"))
DATE = "date 2009-06-28 "


def _plain(text: str) -> str:
    return text.replace("[", "").replace("]", "")


def _clusters(texts: list[str]) -> list[list[merging.Item]]:
    """Each text an article of 2009-06-28, its dated mentions one cluster (as cluster() would
    leave them when their passages are too unlike on average)."""
    found, dcts, out = [], {}, []
    for n, text in enumerate(texts):
        text = DATE + _plain(text)
        doc = Document(id=str(n), path=str(n), text=text, dct=read_dateline(text).value,
                       dateline=read_dateline(text),
                       dct_source=DateSource(DateSourceKind.STATED_IN_TEXT, "stated"))
        found.extend(find_mentions(doc, tag(text, doc.dct)))
        dcts[doc.id] = doc.dct.isoformat()
    items = merging.build_items(found, dcts)
    for n in range(len(texts)):
        out.append([it for it in items if it.mention.document_id == str(n)])
    assert all(len(c) == 1 for c in out)  # one dated mention each: the date in brackets
    return out


def _without_rule(monkeypatch) -> None:
    monkeypatch.setattr(merging, "two_precisions", lambda: two_precisions()._replace(threshold=2.0))


def _documents(clusters) -> list[list[str]]:
    return sorted(sorted({it.mention.document_id for it in c}) for c in clusters)


def test_the_example_is_one_event():
    coarse, fine = _clusters(RULE["example"])
    assert coarse[0].interval.granularity.value == "month" and fine[0].mention.timex.value == "2009-06-25"
    assert _documents(merging.join_precisions([coarse, fine])) == [["0", "1"]]
    assert _documents(merging.join_precisions([fine, coarse])) == [["0", "1"]]  # in any order


def test_the_example_is_two_events_without_the_rule(monkeypatch):
    _without_rule(monkeypatch)
    coarse, fine = _clusters(RULE["example"])
    assert _documents(merging.join_precisions([coarse, fine])) == [["0"], ["1"]]


def test_a_month_alike_to_two_of_its_days_joins_neither():
    month, day, other_day = _clusters(RULE["counter_example"])
    assert _documents(merging.join_precisions([month, day, other_day])) == [["0"], ["1"], ["2"]]
    # with one of the days only, the month joins it
    assert _documents(merging.join_precisions([month, day])) == [["0", "1"]]
    assert _documents(merging.join_precisions([month, other_day])) == [["0", "2"]]


def test_the_best_of_two_clusters_of_one_day_is_joined():
    month, day = _clusters(RULE["example"])
    [elsewhere] = _clusters(["Fans of Michael Jackson gathered outside his Los Angeles home [on 25 June]."])
    for n, it in enumerate(elsewhere):
        it.mention.document_id = "2"
    joined = merging.join_precisions([month, elsewhere, day])
    assert _documents(joined) == [["0", "1"], ["2"]]


def test_a_day_and_a_time_of_it_in_two_zones_are_one_event():
    events = _events({
        "a": "date 2014-03-12 The flight from Kuala Lumpur to Beijing lost contact with air traffic "
             "control on Saturday, Malaysia Airlines said.",
        "b": "date 2014-03-12 The flight from Kuala Lumpur to Beijing lost contact with air traffic "
             "control on Saturday at 17:30 UTC, Malaysia Airlines said.",
        "c": "date 2014-03-12 The flight from Kuala Lumpur to Beijing lost contact with air traffic "
             "control at 12:30 EST on Saturday, Malaysia Airlines said.",
    })
    [event] = _with(events, "Kuala Lumpur")
    assert event.document_ids == ["a", "b", "c"]
    assert event.start.startswith("2014-03-08")


FLIGHT = "The flight from Kuala Lumpur to Beijing lost contact with air traffic control {}, Malaysia Airlines said."


def test_a_day_joins_a_time_of_it_told_in_two_zones():
    day, utc, est = _clusters([FLIGHT.format("[on Saturday]"), FLIGHT.format("[at 16:30 UTC on Saturday]"),
                               FLIGHT.format("[at 12:30 EST on Saturday]")])
    assert utc[0].utc == est[0].utc  # one instant, said in two zones
    times = [*utc, *est]  # (one cluster of the time, as cluster() would leave it)
    assert _documents(merging.join_precisions([day, times])) == [["0", "1", "2"]]


def test_a_day_alike_to_two_times_of_it_joins_neither():
    day, evening, morning = _clusters([FLIGHT.format("[on Saturday]"), FLIGHT.format("[at 16:30 UTC on Saturday]"),
                                       FLIGHT.format("[at 09:00 UTC on Saturday]")])
    assert _documents(merging.join_precisions([day, evening, morning])) == [["0"], ["1"], ["2"]]
    assert _documents(merging.join_precisions([day, morning])) == [["0", "2"]]


def test_clusters_too_unlike_stay_apart():
    month, day = _clusters(["Michael Jackson died [in June] after a cardiac arrest.",
                            "Shares in Sony rose [on 25 June] in Tokyo."])
    assert _documents(merging.join_precisions([month, day])) == [["0"], ["1"]]


# an incremental import joins as a full one (kerryview.incremental.merge reads the clusters
# within 3 x max_days of a change): two passages a little alike, under the merge's threshold,
# joined with the rule's threshold lowered under their link
STORY = {
    "a": "date 2009-06-28 Michael Jackson died in June at his home in Los Angeles, his brother "
         "Jermaine told reporters.",
    "b": "date 2009-06-28 Fans gathered in London on 25 June after news broke that Michael Jackson "
         "had died at his home.",
    "c": "date 2009-03-05 Michael Jackson announced on Thursday a series of 50 concerts at the O2 "
         "arena in London.",
    "d": "date 2010-03-05 Sony said on Thursday it had sold 31 million Michael Jackson albums since "
         "the singer died.",
    "e": "date 2011-11-08 Dr Conrad Murray was found guilty on Monday of the involuntary "
         "manslaughter of Michael Jackson.",
}


def _lowered(monkeypatch) -> None:
    monkeypatch.setattr(merging, "two_precisions", lambda: two_precisions()._replace(threshold=0.1))


def test_the_story_is_joined_only_with_the_threshold_lowered(monkeypatch):
    assert sorted(e.document_ids for e in _with(_events(STORY), "home")) == [["a"], ["b"]]
    _lowered(monkeypatch)
    assert [e.document_ids for e in _with(_events(STORY), "home")] == [["a", "b"]]


@pytest.mark.parametrize("first", ["a", "b"])
def test_an_incremental_import_joins_as_a_full_one(tmp_path, monkeypatch, first):
    _lowered(monkeypatch)
    # (the helper asserts that the import was incremental and equals a full resolution)
    assert _joined_incrementally(tmp_path, monkeypatch, STORY, first, "home") == [["a", "b"]]
