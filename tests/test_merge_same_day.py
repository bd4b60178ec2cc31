"""Clusters of one day and one kind of happening whose passages, as wholes, tell the same thing
are one event (merge.join_same_day; the rule, its threshold, its example and counter-example:
kerryview/events/data/event_kinds.json same_day)."""
from __future__ import annotations

import json
from importlib.resources import files

import kerryview.events.merge as merging
from kerryview.dating.datelines import read_dateline
from kerryview.events.mentions import find_mentions
from kerryview.model import DateSource, DateSourceKind, Document
from kerryview.text.wordlists import event_kinds
from kerryview.timex import tag

RULE = json.loads((files("kerryview.events") / "data" / "event_kinds.json")
                  .read_text(encoding="utf-8"))["same_day"]

# Many sources of one death told amid other news: each group's passages share the names and
# the kind, a group its own other words (the tour; the trial).
TOUR = ["Michael Jackson died on 25 June 2009 while rehearsing for comeback concerts in London.",
        "Michael Jackson died on 25 June 2009, weeks before fifty sold-out shows at the O2 arena.",
        "Michael Jackson died on 25 June 2009, and his estate has since earned millions from his songs.",
        "Michael Jackson died on 25 June 2009, and fans gathered outside the hospital in Los Angeles."]
TRIAL = ["Prosecutors said Dr Conrad Murray left the room when Michael Jackson died on 25 June 2009.",
         "The jury heard that Dr Conrad Murray gave propofol before Michael Jackson died on 25 June 2009.",
         "A paramedic said Dr Conrad Murray called for help too late and Michael Jackson died on 25 June 2009.",
         "A bodyguard told the court Dr Conrad Murray hid vials when Michael Jackson died on 25 June 2009."]


def _clusters(groups: list[list[str]], one_article: bool = False) -> list[list[merging.Item]]:
    """Each group's passages, an article each (all in one article with `one_article`), as the
    items of one cluster."""
    out = []
    for g, group in enumerate(groups):
        found, dcts = [], {}
        for k, text in enumerate(group):
            doc_id = "a" if one_article else f"{'abcdefgh'[g]}{k}"
            text = f"date 2011-10-{11 + k} {text}"
            line = read_dateline(text)
            doc = Document(id=doc_id, path=doc_id, text=text, dct=line.value, dateline=line,
                           dct_source=DateSource(DateSourceKind.STATED_IN_TEXT, "stated"))
            found.extend(find_mentions(doc, tag(text, doc.dct)))
            dcts[doc_id] = doc.dct.isoformat()
        items = merging.build_items(found, dcts)
        for it in items:  # (one article's passages: each its own place in it)
            if one_article:
                it.mention.start += 1000 * g
        out.append(items)
    return out


def test_two_clusters_of_one_death_on_its_day_are_one():
    clusters = _clusters([TOUR, TRIAL])
    assert [len(c) for c in clusters] == [4, 4]
    [joined] = merging.join_same_day(clusters)
    assert len(joined) == 8
    assert {merging.same_day_key(c) for c in clusters} == {merging.same_day_key(joined)}


def test_they_stay_two_without_the_rule(monkeypatch):
    monkeypatch.setattr(merging, "event_kinds", lambda: event_kinds()._replace(same_day=2.0))
    assert len(merging.join_same_day(_clusters([TOUR, TRIAL]))) == 2


def test_the_data_example_is_one_and_its_counter_example_two():
    assert len(merging.join_same_day(_clusters(RULE["example"]))) == 1
    assert len(merging.join_same_day(_clusters(RULE["counter_example"]))) == 2


def test_never_two_clusters_of_one_article_alone():
    assert len(merging.join_same_day(_clusters([TOUR[:1], TRIAL[:1]], one_article=True))) == 2


def test_two_kinds_of_happening_on_one_day_stay_two():
    shot = [t.replace("died", "was shot") for t in TRIAL]
    assert len(merging.join_same_day(_clusters([TOUR, shot]))) == 2


# -- two doers, two happenings (event_kinds.json subjects_differ) ----------------------------
SUBJECTS = json.loads((files("kerryview.events") / "data" / "event_kinds.json")
                      .read_text(encoding="utf-8"))["subjects_differ"]


def _texts(pair: list[str]) -> dict[str, str]:
    return {f"{'ab'[k]}": f"date 2011-10-1{k + 1} " + t.replace("[", "").replace("]", "")
            for k, t in enumerate(pair)}


def test_two_peoples_deaths_on_one_day_in_one_city_are_two_events():
    from test_merge import _events
    events = [e for e in _events(_texts(SUBJECTS["example"])) if e.start.startswith("2009-06-25")]
    assert sorted(e.document_ids for e in events) == [["a"], ["b"]]


def test_a_subject_the_other_passage_names_is_one_event():
    from test_merge import _events
    events = [e for e in _events(_texts(SUBJECTS["counter_example"])) if "Timmons" in e.label]
    assert [e.document_ids for e in events] == [["a", "b"]]


def test_the_subjects_names():
    [[fawcett], [jackson]] = _clusters([[SUBJECTS["example"][0].replace("[", "").replace("]", "")],
                                        [SUBJECTS["example"][1].replace("[", "").replace("]", "")]])
    assert fawcett.subject_names == {"fawcett"} and jackson.subject_names == {"jackson"}
    assert merging.subjects_differ(fawcett, jackson)
    [[star]] = _clusters([["Dr Murray was with him when the pop star died on 25 June 2009."]])
    assert star.subject_names == frozenset() and not merging.subjects_differ(star, jackson)
