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
    assert fawcett.subject_names == {"farrah", "fawcett"} and jackson.subject_names == {"michael", "jackson"}
    assert merging.subjects_differ(fawcett, jackson)
    [[star]] = _clusters([["Dr Murray was with him when the pop star died on 25 June 2009."]])
    assert star.subject_names == frozenset() and not merging.subjects_differ(star, jackson)


# -- one doer named two ways (review 21a findings 4-6, 13) ------------------------------------
NAMED_TWO_WAYS = [  # an epithet, a transliteration, a group named two ways: one happening each
    ("Michael Jackson died in Los Angeles on 25 June 2009 after a cardiac arrest.",
     "The King of Pop died in Los Angeles on 25 June 2009 after a cardiac arrest."),
    ("Muammar Gaddafi was killed near Sirte on 20 October 2011 by rebel fighters.",
     "Moammar Qaddafi was killed near Sirte on 20 October 2011 by rebel fighters."),
    ("Navy SEALs killed Osama bin Laden in Abbottabad on 2 May 2011.",
     "American commandos Team Six killed Osama bin Laden in Abbottabad on 2 May 2011."),
]


def test_one_doer_named_two_ways_is_one_event():
    from test_merge import _events
    for a, b in NAMED_TWO_WAYS:
        events = [e for e in _events(_texts([a, b])) if not e.start.startswith("2011-10-1")]
        assert [e.document_ids for e in events] == [["a", "b"]], (a, b)


def test_a_description_a_group_or_a_lone_first_word_is_no_persons_name():
    texts = ["The King of Pop died in Los Angeles on 25 June 2009.",
             "Navy SEALs killed Osama bin Laden on 2 May 2011.",
             "American commandos Team Six killed Osama bin Laden on 2 May 2011.",
             "Fawcett died in Los Angeles on 25 June 2009.",
             "Farrah Fawcett died in Los Angeles on 25 June 2009."]
    items = [c[0] for c in _clusters([[t] for t in texts])]
    assert [it.subject_names for it in items] == [frozenset()] * 4 + [{"farrah", "fawcett"}]


def test_two_surnames_spelled_alike_are_one_doer_and_a_lone_surname_needs_other_words_apart():
    [[a], [b], [c]] = _clusters([["Police said Gaddafi was killed near Sirte on 20 October 2011."],
                                 ["Police said Qaddafi was killed near Sirte on 20 October 2011."],
                                 ["Police said Fawcett was killed near Sirte on 20 October 2011."]])
    assert not merging.subjects_differ(a, b)  # one name spelled two ways
    assert not merging.subjects_differ(a, c)  # a surname alone, nothing else apart


def test_a_passives_subject_is_no_doer():
    [[hired], [hiring]] = _clusters([["Dr Conrad Murray was hired in May 2009 by promoters AEG Live."],
                                     ["They remained friendly and Michael Jackson hired the physician in May 2009."]])
    assert hired.subject_names and hiring.subject_names
    assert not merging.subjects_differ(hired, hiring)


FAN = "A teenage fan died in Los Angeles on 25 June 2009 after hearing the news, police said."


def test_a_nameless_third_passage_does_not_chain_two_doers():
    from test_merge import _events
    texts = {k: f"date 2011-10-1{n + 1} {t}" for n, (k, t) in enumerate(
        zip("abc", SUBJECTS["example"] + [FAN]))}
    events = [e for e in _events({k: t.replace("[", "").replace("]", "") for k, t in texts.items()})
              if e.start.startswith("2009-06-25")]
    assert len(events) == 2
    assert not any({"a", "b"} <= set(e.document_ids) for e in events)


def test_join_same_day_compares_every_named_subject_not_only_the_medoids():
    plain = [t.replace("[", "").replace("]", "") for t in SUBJECTS["example"]]
    clusters = _clusters([[FAN, plain[1]], [plain[0]]])  # the fan's passage is the first's medoid
    assert merging._medoid(clusters[0]).subject_names == frozenset()
    assert len(merging.join_same_day(clusters)) == 2


def test_join_same_day_makes_each_clusters_unit_vector_once(monkeypatch):
    made, plain_unit = [], merging.unit
    monkeypatch.setattr(merging, "unit", lambda v: made.append(1) or plain_unit(v))
    deaths = [[f"{who} died on 25 June 2009 in {where}."] for who, where in
              [("Mr Ames", "Boston"), ("Mr Brody", "Denver"), ("Mr Cole", "Austin"), ("Mr Dunn", "Tampa")]]
    clusters = _clusters(deaths)
    merging.join_same_day(clusters)
    keyed = [c for c in clusters if merging.same_day_key(c) is not None]
    # once per cluster, and twice per join asked again of the sums (at most 6 pairs): not once
    # more per pair compared
    assert len(keyed) == 4 and len(made) <= len(keyed) + 2 * 6
