"""A happening told as news of the publication day in one article (a clause event, dated by
publication) and dated by a time expression in another is one event (merge.join_publication_dated;
the rule, its threshold and its example: kerryview/events/data/event_kinds.json publication_day)."""
from __future__ import annotations

import json
from importlib.resources import files

import pytest

import kerryview.events.merge as merging
from kerryview.events.clauses import is_clause_event
from kerryview.text.wordlists import event_kinds

from test_merge import _events, _with

RULE = json.loads((files("kerryview.events") / "data" / "event_kinds.json")
                  .read_text(encoding="utf-8"))["publication_day"]
CLAUSE, DATED = (t.replace("[", "").replace("]", "") for t in RULE["example"])


def _joined(texts: dict[str, str]) -> list:
    return [e for e in _events(texts, clauses="news") if len(e.document_ids) > 1]


def _without_rule(monkeypatch) -> None:
    monkeypatch.setattr(merging, "event_kinds", lambda: event_kinds()._replace(publication=2.0))



def _joined_incrementally(tmp_path, monkeypatch, texts: dict[str, str], first: str, words: str) -> list:
    """Articles c, d, e and FIRST (a or b) imported, then the other of a and b added: the
    incremental merge must give the full resolution's events; the document ids of those
    naming WORDS."""
    from kerryview.incremental import merge as incremental
    from kerryview.pipeline import StoredResult, import_into_store
    from kerryview.store import Store

    from test_incremental_merge import _events as rows, _from_scratch

    monkeypatch.setattr(incremental, "REFIT_FRACTION", 10.0)  # (a small pile)
    paths = _written(tmp_path, texts)
    store = Store(tmp_path / "p.db")
    import_into_store(store, [paths[n] for n in ("c", "d", "e", first)])
    result = import_into_store(store, [paths["b" if first == "a" else "a"]])
    assert isinstance(result, StoredResult)  # merged incrementally
    expected = _from_scratch(store, monkeypatch)
    assert rows(store.events()) == rows(expected)
    return [e.document_ids for e in _with(store.events(), words)]


def _written(folder, texts: dict[str, str]) -> dict:
    """Each text written to folder/<name>.txt: the articles of an incremental import."""
    paths = {}
    for name, text in texts.items():
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths

def test_the_example_is_one_event_at_the_time_expressions_date():
    [event] = _with(_events({"a": CLAUSE, "b": DATED}, clauses="news"), "Betty Ford")
    assert event.document_ids == ["a", "b"]
    kinds = {m.document_id: is_clause_event(m) for m in event.mentions}
    assert kinds == {"a": True, "b": False}  # a clause event of a, b's dated by "early Friday"
    dated = next(m for m in event.mentions if m.document_id == "b")
    assert event.value == dated.timex.value and event.start.startswith("2013-05-03")
    assert event.conflicts == []
    for text in RULE["example"]:  # each trigger in brackets is a word of the event's mentions
        word = text[text.index("[") + 1:text.index("]")]
        assert any(word in m.text for m in event.mentions)


def test_the_example_is_two_events_without_the_rule(monkeypatch):
    _without_rule(monkeypatch)
    events = _with(_events({"a": CLAUSE, "b": DATED}, clauses="news"), "Betty Ford")
    assert sorted(e.document_ids for e in events) == [["a"], ["b"]]


@pytest.mark.parametrize("when", ["at 4 a.m. Friday", "Friday morning"])
def test_a_clock_time_or_part_of_the_day_joins_as_the_day_does(when):
    """The clause event's day holds a time or a part of it (review of session 17: the day was
    compared with its precision, so only a whole day or "early Friday" joined)."""
    dated = DATED.replace("early Friday", when)
    assert dated != DATED
    [event] = _with(_events({"a": CLAUSE, "b": dated}, clauses="news"), "Betty Ford")
    assert event.document_ids == ["a", "b"]

def test_another_kind_of_happening_of_that_day_stays_apart():
    """The same people and place, another happening ("left" is not "checked into")."""
    other = CLAUSE.replace("has checked into", "has left")
    assert _joined({"a": other, "b": DATED}) == []


def test_another_day_stays_apart():
    """Published two days after: the clause event is of that day, not of Friday (the day
    after, its present perfect may tell Friday's news: publication_day.day_before)."""
    later = CLAUSE.replace("date 2013-05-03", "date 2013-05-05")
    events = _with(_events({"a": later, "b": DATED}, clauses="news"), "Betty Ford")
    assert sorted(e.document_ids for e in events) == [["a"], ["b"]]


BEFORE = RULE["day_before"]
LATER, FRIDAY = (t.replace("[", "").replace("]", "") for t in BEFORE["example"])


def test_a_headline_told_the_day_after_joins_the_day_before():
    """publication_day.day_before: "Lindsay Lohan checks into the Betty Ford Center",
    published on Saturday, is Friday's news; the event keeps Friday's date."""
    [event] = _with(_events({"a": LATER, "b": FRIDAY}, clauses="news"), "Betty Ford")
    assert event.document_ids == ["a", "b"]
    assert event.start.startswith("2013-05-03")
    for text in BEFORE["example"]:
        word = text[text.index("[") + 1:text.index("]")]
        assert any(word in m.text for m in event.mentions)


def test_the_day_before_is_two_events_without_the_rule(monkeypatch):
    monkeypatch.setattr(merging, "_told_as_headline", lambda group: False)
    events = _with(_events({"a": LATER, "b": FRIDAY}, clauses="news"), "Betty Ford")
    assert sorted(e.document_ids for e in events) == [["a"], ["b"]]


def test_the_simple_past_the_day_after_stays_apart():
    """Told in the simple past, a clause event is of its publication day only."""
    past = LATER.replace("Lohan checks into", "Lohan checked into")
    assert past != LATER
    events = _with(_events({"a": past, "b": FRIDAY}, clauses="news"), "Betty Ford")
    assert sorted(e.document_ids for e in events) == [["a"], ["b"]]


def test_a_headline_told_the_day_before_stays_apart():
    """The day before is the publication's, never the day after it."""
    earlier = LATER.replace("date 2013-05-04", "date 2013-05-02")
    events = _with(_events({"a": earlier, "b": FRIDAY}, clauses="news"), "Betty Ford")
    assert sorted(e.document_ids for e in events) == [["a"], ["b"]]


@pytest.mark.parametrize("first", ["a", "b"])
def test_an_incremental_import_joins_the_day_before_as_a_full_one(tmp_path, monkeypatch, first):
    """The headline's article added to a project holding Friday's (or the other way round),
    with other articles of both days and the day after: the full resolution's events
    (kerryview.incremental.merge _on_days reads the days near a changed cluster's)."""
    texts = {"a": LATER, "b": FRIDAY,
             "c": "date 2013-05-04 Prosecutors said the actress had skipped a court-ordered stay "
                  "at a Newport Beach clinic on Thursday.",
             "d": "date 2013-05-05 The court has received a report from the Betty Ford "
                  "Center. Lindsay Lohan is settling in there, her lawyer says.",
             "e": "date 2013-05-02 Lindsay Lohan checked into a Newport Beach clinic on "
                  "Thursday."}
    assert ["a", "b"] in _joined_incrementally(tmp_path, monkeypatch, texts, first, "Betty Ford")


def test_other_people_stay_apart():
    """One kind of happening on one day, told of someone else somewhere else."""
    other = ("date 2013-05-03 The singer will serve 60 days. Her lawyer spoke to the judge on "
             "Thursday. Amanda Bynes has checked into a Malibu clinic for treatment.")
    assert _joined({"a": other, "b": DATED}) == []


def _dated_groups(events, docs: str = "ab") -> list[list[str]]:
    """The documents (of `docs`) of each event's mentions dated by a time expression (its
    clause events left out)."""
    groups = (sorted(m.document_id for m in e.mentions
                     if not is_clause_event(m) and m.document_id in docs) for e in events)
    return sorted(g for g in groups if g)


def test_clause_events_never_join_or_split_dated_events():
    """Two articles that date a happening by time expressions are merged (or not) as without
    the clause events: a clause cluster joins one dated cluster at most, and adds sources."""
    a = ("date 2013-05-03 Lindsay Lohan, 26, checked into the Betty Ford Center in Rancho "
         "Mirage early Friday.")
    b = ("date 2013-05-03 The actress Lindsay Lohan checked into a clinic in Rancho Mirage "
         "on Friday, avoiding arrest.")
    before = _events({"a": a, "b": b}, clauses="news")
    after = _events({"a": a, "b": b, "c": CLAUSE}, clauses="news")
    assert _dated_groups(after) == _dated_groups(before)
    assert sum("c" in e.document_ids and len(e.document_ids) > 1 for e in after) == 1


def test_the_threshold_is_a_cosine():
    assert 0 < RULE["threshold"] < 1 and event_kinds().publication == RULE["threshold"]


@pytest.mark.parametrize("first", ["a", "b"])
def test_an_incremental_import_joins_as_a_full_one(tmp_path, monkeypatch, first):
    """The clause events' article added to a project holding the dated one (or the other way
    round): the events are the full resolution's, the two articles one event."""
    from kerryview.incremental import merge as incremental
    from kerryview.pipeline import StoredResult, import_into_store
    from kerryview.store import Store

    from test_incremental_merge import _events as rows, _from_scratch

    monkeypatch.setattr(incremental, "REFIT_FRACTION", 10.0)  # (a pile of two)
    texts = {"a": CLAUSE, "b": DATED,
             "c": "date 2013-05-03 Prosecutors said the actress had skipped a court-ordered stay "
                  "at a Newport Beach clinic on Thursday."}
    paths = _written(tmp_path, texts)
    store = Store(tmp_path / "p.db")
    import_into_store(store, [paths["c"], paths[first]])
    result = import_into_store(store, [paths["b" if first == "a" else "a"]])
    assert isinstance(result, StoredResult)  # merged incrementally
    expected = _from_scratch(store, monkeypatch)
    assert rows(store.events()) == rows(expected)
    assert [e.document_ids for e in _with(store.events(), "Betty Ford")] == [["a", "b"]]


def test_one_article_alone_never_joins_its_own_clause_and_dated_mention():
    """publication_day.one_article: one article telling an undated clause and a dated one of
    one kind tells two happenings (without the rule, one event of both)."""
    text = RULE["one_article"]["example"].replace("[", "").replace("]", "")
    events = _with(_events({"a": text}, clauses="news"), "called")
    assert len(events) == 2
    assert sorted(is_clause_event(e.mentions[0]) for e in events) == [False, True]


def _item(text: str, doc: str, clause: bool):
    """A mention of the example's text, its [bracketed] event word its trigger, dated to its
    date line's day by its publication (a clause event) or by a time expression."""
    import re

    from kerryview.calendar.intervals import value_interval
    from kerryview.events.clauses import own_words
    from kerryview.events.merge import Item
    from kerryview.model import EventMention, Timex
    from kerryview.text.similarity import Vectorizer, content_terms

    day, marked = text.split(" ", 2)[1:]
    plain = marked.replace("[", "").replace("]", "")
    m = re.search(r"\[([^\]]+)\]", marked)
    mention = EventMention(doc, 0, len(plain), plain, Timex(0, 0, "", "DATE", day),
                           trigger_start=m.start(), trigger_end=m.start() + len(m[1]),
                           dated_by="publication" if clause else "time expression")
    bag = own_words(mention, content_terms(plain))
    return Item(mention, plain, value_interval(day), Vectorizer({}).vector(bag), day)


def test_two_passages_alike_only_by_their_event_word_stay_apart(monkeypatch):
    """publication_day.event_word_once: "Cases rose" (a clause event) and "Shares rose" (dated
    that day) share their kind and nothing else (with the event word counted, one event)."""
    from kerryview.text.similarity import Vectorizer

    clause_text, dated_text = RULE["event_word_once"]["example"]
    clause, dated = _item(clause_text, "a", True), _item(dated_text, "b", False)
    vec = Vectorizer({})
    assert len(merging.join_publication_dated([[clause], [dated]], vec)) == 2
    monkeypatch.setattr(merging, "_event_words", lambda group: set())
    assert len(merging.join_publication_dated([[clause], [dated]], vec)) == 1


def test_the_headline_manner_examples():
    """clause_rules.json news_of_the_day_before: its example's clauses before "not" tell news
    in the manner of a headline, those after it do not."""
    import re

    from kerryview.events.clauses import tells_as_headline

    raw = json.loads((files("kerryview.events") / "data" / "clause_rules.json")
                     .read_text(encoding="utf-8"))["news_of_the_day_before"]["example"]
    yes, no = raw.split("; not ")
    verbs = {"checks", "killed", "negotiating"}
    for part, expected in ((yes, True), (no, False)):
        for text in re.findall(r'"([^"]+)"', part):
            verb = next(w for w in text.split() if w in verbs)
            at = text.index(verb)
            assert tells_as_headline(text, (at, at + len(verb))) is expected, text


def test_a_present_perfect_since_a_time_is_no_news_of_the_day_before():
    """clause_rules.json continuative_perfect: its example is a sum up to the report (without
    the rule, news of the day before)."""
    import re

    from kerryview.events import clauses
    from kerryview.events.clauses import tells_as_headline

    raw = json.loads((files("kerryview.events") / "data" / "clause_rules.json")
                     .read_text(encoding="utf-8"))["continuative_perfect"]["example"]
    text = re.findall(r'"([^"]+)"', raw)[0]  # "... since the explosion"
    at = text.index("fallen")
    assert tells_as_headline(text, (at, at + len("fallen"))) is False
    rules = dict(clauses.clause_rules())
    rules["continuative_perfect"] = frozenset()
    from unittest import mock
    with mock.patch.object(clauses, "clause_rules", lambda: rules):
        assert tells_as_headline(text, (at, at + len("fallen"))) is True


def test_a_stretch_of_time_a_habit_or_a_negation_is_no_news_of_the_day_before():
    """clause_rules.json continuative_perfect and stretch_prepositions (with the tagger's unit,
    set and ordinal words), habitual_adverbs, modals.json negations: the verb tells no one
    happening, so not in the manner of a headline; every example of the two rules reads so."""
    import re

    from kerryview.events.clauses import tells_as_headline

    raw = json.loads((files("kerryview.events") / "data" / "clause_rules.json").read_text(encoding="utf-8"))
    examples = re.findall(r'"([^"]+)"', raw["continuative_perfect"]["example"] + raw["stretch_prepositions"]["example"])
    assert len(examples) == 5
    cases = [(text, False) for text in examples] + [
        ("He has never resigned.", False), ("Smith hasn't resigned.", False),
        ("The firm publishes its results annually.", False), ("Oil prices have risen over the past year.", False),
        ("Lindsay Lohan has checked into rehab for the second time.", True),
        ("BP has posted a loss for the first quarter.", True),
        ("The company has lost a quarter of its value.", True),
        ("Lindsay Lohan checks into Betty Ford Center.", True)]
    verbs = {"fallen", "closed", "checks", "resigned", "publishes", "risen", "checked", "posted", "lost"}
    for text, expected in cases:
        verb = next(w for w in re.findall(r"\w+", text) if w in verbs)
        at = text.index(verb)
        assert tells_as_headline(text, (at, at + len(verb))) is expected, text


# -- publication_day.clause_day_before: two clause events a day apart ---------------------------
CLAUSE_BEFORE = RULE["clause_day_before"]
EARLIER, LATER_CLAUSE = (t.replace("[", "").replace("]", "") for t in CLAUSE_BEFORE["example"])


def _red_cross(events) -> list[list[str]]:
    return sorted(e.document_ids for e in _with(events, "Red Cross"))


def test_a_clause_told_as_a_headline_the_day_after_joins_the_clause_of_the_day_before():
    """The example: one event, at the earlier day, the later day no disagreement (it dates
    the report: merge.told_the_day_after)."""
    [event] = _with(_events({"a": EARLIER, "b": LATER_CLAUSE}, clauses="news"), "Red Cross")
    assert event.document_ids == ["a", "b"]
    assert all(is_clause_event(m) for m in event.mentions)
    assert event.value == "2021-03-09" and event.conflicts == []
    for text in CLAUSE_BEFORE["example"]:
        word = text[text.index("[") + 1:text.index("]")]
        assert any(word in m.text for m in event.mentions)


def test_the_clause_of_the_day_before_stays_apart_without_the_headline_manner(monkeypatch):
    monkeypatch.setattr(merging, "_told_as_headline", lambda group: False)
    assert _red_cross(_events({"a": EARLIER, "b": LATER_CLAUSE}, clauses="news")) == [["a"], ["b"]]


def test_the_simple_past_the_day_after_is_its_own_days_clause():
    """Told in the simple past, the later clause is of its publication day: two events."""
    past = LATER_CLAUSE.replace("has opened", "opened")
    assert past != LATER_CLAUSE
    assert _red_cross(_events({"a": EARLIER, "b": past}, clauses="news")) == [["a"], ["b"]]


def test_two_days_apart_stay_apart():
    """The day before only, not two days before."""
    later = LATER_CLAUSE.replace("date 2021-03-10", "date 2021-03-11")
    assert _red_cross(_events({"a": EARLIER, "b": later}, clauses="news")) == [["a"], ["b"]]


def test_another_kind_of_happening_the_day_before_stays_apart():
    other = LATER_CLAUSE.replace("has opened", "has closed")
    assert _red_cross(_events({"a": EARLIER, "b": other}, clauses="news")) == [["a"], ["b"]]


def test_a_happening_told_day_after_day_is_no_chain():
    """Three or five days running: each day's would join the day before's, which has its
    own match the day before it (or the later its own the day after): each day's stays
    apart, neither a chain of days nor pairs hanging on where the run starts (five days
    were {1, 2}, {3}, {4}, {5}: the third's refused as the second's had a match, the fourth's
    refused though the third's joined none)."""
    days = [LATER_CLAUSE.replace("date 2021-03-10", f"date 2021-03-{d:02}") for d in range(8, 13)]
    assert len(set(days)) == 5
    three = _events({"a": EARLIER, "b": LATER_CLAUSE, "c": days[3]}, clauses="news")
    assert _red_cross(three) == [["a"], ["b"], ["c"]]
    five = _events({f"h{d}": t for d, t in zip(range(8, 13), days)}, clauses="news")
    assert _red_cross(five) == [["h10"], ["h11"], ["h12"], ["h8"], ["h9"]]


def test_a_happening_told_two_days_running_between_others_is_one():
    """Two days running, the days around them telling other things: one event."""
    texts = {"a": EARLIER, "b": LATER_CLAUSE,
             "c": "date 2021-03-08 Aid flights landed in the capital on Sunday. The Red Cross has "
                  "flown doctors to Port-au-Prince.",
             "d": "date 2021-03-11 The Red Cross has closed its office in Les Cayes."}
    assert _red_cross(_events(texts, clauses="news")) == [["a", "b"], ["c"], ["d"]]


def test_a_dated_join_keeps_its_date_and_the_day_after_is_no_disagreement():
    """publication_day.day_before with three articles the day after: the event is dated by
    the time expression, the day after's publication dates the reports (was: outvoted,
    the event dated the day after, the time expression a disagreement)."""
    texts = {"a": LATER, "b": FRIDAY, "c": LATER.replace("90 days", "three months"),
             "d": LATER.replace("Her lawyer spoke", "Her lawyer talked")}
    [event] = _with(_events(texts, clauses="news"), "Betty Ford")
    assert event.document_ids == ["a", "b", "c", "d"]
    assert event.start.startswith("2013-05-03") and event.conflicts == []


@pytest.mark.parametrize("first", ["a", "b"])
def test_an_incremental_import_joins_the_clause_of_the_day_before_as_a_full_one(
        tmp_path, monkeypatch, first):
    """The later (or the earlier) article added to a project holding the other and articles
    of the days around: the full resolution's events."""
    texts = {"a": EARLIER, "b": LATER_CLAUSE,
             "c": "date 2021-03-11 The Red Cross has closed its field hospital in Les Cayes.",
             "d": "date 2021-03-08 The Red Cross has flown doctors to Port-au-Prince.",
             "e": "date 2021-03-12 The Red Cross has opened a second field hospital in "
                  "Port-au-Prince to treat the injured."}
    assert ["a", "b"] in _joined_incrementally(tmp_path, monkeypatch, texts, first, "Red Cross")


def test_a_present_after_a_look_ahead_subordinator_is_no_news():
    """clause_rules.json look_ahead_subordinators: its example's clauses before "not" tell a
    happening still to come (no event of the publication day, not in the manner of a
    headline), those after it tell news."""
    import re

    from kerryview.events.clauses import clause_spans, looks_ahead, publication_event_words, tells_as_headline
    from kerryview.text.verbs import is_verb

    raw = json.loads((files("kerryview.events") / "data" / "clause_rules.json")
                     .read_text(encoding="utf-8"))["look_ahead_subordinators"]["example"]
    yes, no = raw.split("; not ")
    verbs = {"completed", "intercepted", "passed", "capped", "treating"}
    for part, ahead in ((yes, True), (no, False)):
        for text in re.findall(r'"([^"]+)"', part):
            verb = next(w for w in re.findall(r"\w+", text) if w in verbs)
            at = (text.index(verb), text.index(verb) + len(verb))
            clause = next(c for c in clause_spans(text, (0, len(text))) if c.start <= at[0] < c.end)
            assert looks_ahead(text, clause, at) is ahead, text
            if ahead:
                assert publication_event_words(text, clause, is_verb) is None, text
                assert tells_as_headline(text, at) is False, text
    # the present perfect alone is a headline's manner; so the rule is what says no above
    text = "The tests have been successfully completed."
    at = (text.index("completed"), text.index("completed") + len("completed"))
    assert tells_as_headline(text, at) is True


@pytest.mark.parametrize("order", [(0, 1, 2, 3, 4), (4, 3, 2, 1, 0), (1, 2, 3, 0, 4), (2, 0, 4, 1, 3),
                                   (0, 4, 2, 1, 3)])
def test_an_incremental_import_of_a_happening_told_day_after_day_is_a_full_one(
        tmp_path, monkeypatch, order):
    """Five days running imported one at a time in several orders: the full resolution's
    events, each day's apart (publication_day.clause_day_before)."""
    from kerryview.incremental import merge as incremental
    from kerryview.pipeline import import_into_store
    from kerryview.store import Store

    from test_incremental_merge import _events as rows, _from_scratch

    monkeypatch.setattr(incremental, "REFIT_FRACTION", 10.0)  # (a small pile)
    days = {f"h{d}": LATER_CLAUSE.replace("date 2021-03-10", f"date 2021-03-{d:02}")
            for d in range(8, 13)}
    paths = _written(tmp_path, days)
    names = sorted(days, key=lambda n: int(n[1:]))
    store = Store(tmp_path / "p.db")
    for i in order:
        import_into_store(store, [paths[names[i]]])
    assert rows(store.events()) == rows(_from_scratch(store, monkeypatch))
    assert _red_cross(store.events()) == [["h10"], ["h11"], ["h12"], ["h8"], ["h9"]]
