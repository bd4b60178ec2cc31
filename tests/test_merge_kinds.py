"""Kinds of happening (kerryview/events/data/event_kinds.json): two passages told with event words
of two kinds are two steps of a story, and their link counts different_words.factor of their
likeness (merge.told_apart); two words of one listed kind are one word, and on one day their
link counts same_kind.factor (merge.told_as_one). Every example is read here."""
from __future__ import annotations

import json
import re
from importlib.resources import files

import pytest

from kerryview.calendar.intervals import value_interval
from kerryview.events.merge import Item, link, told_apart, told_as_one
from kerryview.model import EventMention, Timex
from kerryview.text.similarity import Vectorizer, content_terms, cosine
from kerryview.text.wordlists import event_kinds

from test_merge import _events, _with

RAW = json.loads((files("kerryview.events") / "data" / "event_kinds.json").read_text(encoding="utf-8"))
EXAMPLES = [(name, pair) for name, kind in RAW["kinds"].items() for pair in kind["examples"]]


def _items(pair: list[str]) -> tuple[Item, Item]:
    """The two passages of an example as mentions of one day, each with its [bracketed]
    trigger, their words weighed over the two."""
    texts = [p.replace("[", "").replace("]", "") for p in pair]
    vec = Vectorizer.fit([content_terms(t) for t in texts])
    out = []
    for doc, (marked, text) in enumerate(zip(pair, texts)):
        m = re.search(r"\[([^\]]+)\]", marked)
        at = m.start()
        mention = EventMention(str(doc), 0, len(text), text, Timex(0, 0, "", "DATE", "2013-06-06"),
                               trigger_start=at, trigger_end=at + len(m[1]))
        out.append(Item(mention, text, value_interval("2013-06-06"),
                        vec.vector(content_terms(text)), "2013-06-07"))
    return out[0], out[1]


@pytest.mark.parametrize("name,pair", EXAMPLES, ids=[f"{n}:{p[0][:30]}" for n, p in EXAMPLES])
def test_two_words_of_one_kind_tell_one_happening(name, pair):
    a, b = _items(pair)
    words = [re.search(r"\[([^\]]+)\]", p)[1].lower() for p in pair]
    assert words[0] != words[1]
    kinds = event_kinds()[0]
    assert all(kinds.get(w) == name for w in words if w in kinds), words
    assert not told_apart(a, b)
    cos = cosine(a.vector, b.vector)
    assert cos > 0
    same = RAW["same_kind"]["factor"] if told_as_one(a, b) else 1.0  # (a noun: no kind told)
    assert link(a, b) == pytest.approx(min(same * cos, 1.0))


def test_two_words_of_two_kinds_count_the_factor_of_their_likeness():
    a, b = _items(RAW["different_words"]["example"])
    assert told_apart(a, b)
    assert link(a, b) == pytest.approx(RAW["different_words"]["factor"] * cosine(a.vector, b.vector))
    assert 0 < RAW["different_words"]["factor"] < 1


def test_two_words_of_one_listed_kind_on_one_day_count_the_factor_of_their_likeness():
    a, b = _items(RAW["same_kind"]["example"])
    assert told_as_one(a, b) and not told_apart(a, b)
    cos = cosine(a.vector, b.vector)
    assert link(a, b) == pytest.approx(min(RAW["same_kind"]["factor"] * cos, 1.0))
    assert link(a, b) > cos
    assert RAW["same_kind"]["factor"] > 1
    # a word of no kind is no listed kind: "raised" and "raised" are merely one word
    a, b = _items(["The WHO [raised] its alert level to 5 on Wednesday.",
                   "The agency [raised] the pandemic alert level on Wednesday."])
    assert not told_as_one(a, b) and link(a, b) == pytest.approx(cosine(a.vector, b.vector))


def test_two_words_of_one_kind_a_few_days_apart_are_not_made_more_alike():
    """A disagreement (dates a few days apart) is one event only for passages alike in their
    own words: the kind adds nothing there."""
    a, b = _items(RAW["same_kind"]["example"])
    b.interval = value_interval("2013-06-08")
    assert link(a, b) == pytest.approx(cosine(a.vector, b.vector))


def test_a_form_stands_in_one_kind_only():
    seen: dict[str, str] = {}
    for name, kind in RAW["kinds"].items():
        for w in kind["words"].split() + kind.get("phrases", []):
            assert w == w.lower() and seen.setdefault(w, name) == name, (w, seen[w], name)


def test_reporting_verbs_event_nouns_and_opposites_are_not_told_apart():
    """'said' tells the telling of what was said, 'talks' names the occasion another passage's
    verb tells: neither says which happening; 'suspended' and 'resumed' are one event's
    sources disagreeing (the merged event lists them), not two events."""
    for words in (("said", "arrested"), ("talks", "met"), ("suspended", "resumed")):
        pair = [f"Officials [{words[0]}] the envoy in Beijing on Monday.",
                f"Officials [{words[1]}] the envoy in Beijing on Monday."]
        assert not told_apart(*_items(pair)), words
    assert told_apart(*_items(["Officials [arrested] the envoy in Beijing on Monday.",
                               "Officials [pulled] the envoy in Beijing on Monday."]))


def test_a_word_of_no_kind_is_told_apart_from_none():
    """An ambiguous word ("fired": a worker or a gun) or a light verb ("held" talks) says no
    kind (event_kinds.json no_kind): its passage may tell the other's happening, whose
    likeness stays; two other words of no listed kind still tell two ("met", "praised")."""
    from kerryview.events.merge import told_with
    for words in (("met", "held"), ("fired", "shot"), ("found", "convicted"), ("passed", "approved"),
                  ("strikes", "bombed"), ("named", "nominated"), ("issued", "released")):
        pair = [f"Officials [{words[0]}] the envoy in Beijing on Monday.",
                f"Officials [{words[1]}] the envoy in Beijing on Monday."]
        a, b = _items(pair)
        assert not told_apart(a, b), words
        assert link(a, b) == pytest.approx(cosine(a.vector, b.vector)), words
    assert told_apart(*_items(["Officials [met] the envoy in Beijing on Monday.",
                               "Officials [praised] the envoy in Beijing on Monday."]))
    kinds = event_kinds()
    for name, part in RAW["no_kind"].items():
        a, b = _items(part["example"])
        assert not told_apart(a, b), name
        for w in part["words"].split():
            assert w not in kinds.kinds and told_with(w) is None, w


def test_a_phrase_tells_the_kind_its_word_alone_does_not():
    # "phrases": the word and the word after it
    from kerryview.events.merge import told_with
    assert told_with("passed", "away").kind == "die" and told_with("passed", "a") is None  # no_kind
    assert told_with("found", "guilty").kind == "convict" and told_with("found", "the") is None
    assert told_with("broke", "off").kind == "interrupt" and told_with("broke", "the") is None
    for name, kind in RAW["kinds"].items():
        for phrase in kind.get("phrases", []):
            assert len(phrase.split()) == 2 and told_with(*phrase.split()).kind == name, phrase


def test_every_listed_word_tells_its_kind():
    """A listed word that told_with never reads (an event noun, a reporting verb) is dead."""
    from kerryview.events.merge import told_with
    from kerryview.text.wordlists import cues
    from kerryview.events.merge import is_reporting
    dead = [w for kind in RAW["kinds"].values() for w in kind["words"].split() if told_with(w) is None]
    assert dead == []
    dead = [w for part in RAW["no_kind"].values() for w in part["words"].split()
            if is_reporting(w) or w in cues()["event_nouns"]]  # None already, whatever the list says
    assert dead == []


def test_an_arrest_and_a_charge_of_one_day_stay_two_events():
    """Two articles of one day tell the arrest and the charge of one suspect, alike in their
    names and place: two steps of the story, not one event told twice (without the kinds,
    one event of both)."""
    events = _events({
        "a": "date 2007-05-26 Police arrested Jermayne Timmons, 15, in Albany on Friday after a "
             "tip from a neighbour.",
        "b": "date 2007-05-26 Prosecutors charged Jermayne Timmons, 15, with manslaughter in "
             "Albany on Friday."})
    assert sorted(e.document_ids for e in _with(events, "Timmons")) == [["a"], ["b"]]


DEATH = ("date 2013-06-07 Esther Williams, the champion swimmer who starred in MGM's aquatic "
         "musicals, {} in her sleep at her home in Beverly Hills on Thursday, her publicist said.")


def test_a_death_told_with_two_words_of_its_kind_is_one_event():
    events = _events({"a": DEATH.format("died"), "b": DEATH.format("passed away")})
    [event] = _with(events, "Esther Williams")
    assert event.document_ids == ["a", "b"] and event.value == "2013-06-06"


QUAKE = {"a": "date 2010-01-13 Haiti's worst quake in two centuries hit south of the capital "
              "Port-au-Prince on Tuesday, wrecking the presidential palace and the UN "
              "headquarters.",
         "b": "date 2010-01-13 The 7.0-magnitude quake struck at 1653 local time on Tuesday near "
              "Port-au-Prince, flattening homes, schools and hospitals across the city."}


def test_one_quake_told_with_hit_and_struck_is_one_event():
    """Two articles of one day tell the quake with two words of one kind and otherwise other
    words: one event of both (without the kinds, two)."""
    [event] = _with(_events(QUAKE), "quake")
    assert event.document_ids == ["a", "b"] and event.value.startswith("2010-01-12")


def test_every_form_of_a_listed_word_tells_its_kind():
    """An unlisted -s/-ed/-ing form of a listed word tells the listed word's kind, by its stem
    ("murdering" of "murdered"): a passage is not told apart from its own verb's other form."""
    from kerryview.events.merge import told_with
    from kerryview.text.similarity import stem
    kinds = event_kinds()
    no_kind_stems = {stem(w) for w in kinds.unknown}
    for word, name in kinds.kinds.items():
        if " " in word or stem(word) in no_kind_stems:
            continue
        for form in (stem(word) + "s", stem(word) + "ed", stem(word) + "ing"):
            if stem(form) == stem(word) and form not in kinds.unknown:
                assert told_with(form).kind == name, (word, form)
    for form, name in (("murdering", "die"), ("perishing", "die"), ("succumbing", "die"),
                       ("capturing", "arrest"), ("detaining", "arrest"), ("indicting", "charge"),
                       ("indicts", "charge"), ("accusing", "charge"), ("plunging", "fall"),
                       ("crashing", "strike"), ("colliding", "strike"), ("defeating", "win"),
                       ("releasing", "release"), ("escaping", "escape"), ("jailing", "sentence"),
                       ("suspending", "interrupt"), ("wounds", "injure"), ("sacking", "dismiss"),
                       ("ousting", "dismiss"), ("blasted", "explode")):
        assert told_with(form).kind == name and told_with(form).listed, form
    assert told_with("founded") is not None and told_with("founded").kind == "found"  # "found": no kind
    a, b = _items(["A gunman [murdered] three bank workers in Athens on Wednesday.",
                   "A gunman [murdering] three bank workers in Athens on Wednesday."])
    assert not told_apart(a, b) and told_as_one(a, b) and link(a, b) == pytest.approx(1.0)


def test_a_word_of_a_quake_or_a_blast_tells_neither():
    """'Rocked', 'shook', 'jolted' tell a quake's strike or a blast's explosion (no_kind)."""
    for word in ("rocked", "shook", "jolted"):
        for other in ("exploded", "struck"):
            a, b = _items([f"A blast [{word}] a market in Peshawar on Monday, killing 30.",
                           f"A bomb [{other}] in a market in Peshawar on Monday, killing 30."])
            assert not told_apart(a, b), (word, other)


def test_checking_and_admitting_tell_no_entry_but_checking_into_does():
    """'Checked' the well and 'admitted' a mistake are no entry (no_kind); 'checked into' is."""
    from kerryview.events.merge import told_with
    assert told_with("checked", "the") is None and told_with("admitted", "that") is None
    assert told_with("checked", "into").kind == "enter"
    a, b = _items(["Engineers [checked] the pressure of the well in the Gulf on Monday.",
                   "Engineers [entered] the control room of the rig in the Gulf on Monday."])
    assert not told_as_one(a, b)  # not one kind: no likeness added


def test_a_directive_is_told_apart_from_the_action_it_asks_for(monkeypatch):
    """event_kinds.json directive: "has told BP to use" is the telling (kind directive), not
    BP's use of dispersants: the example's two passages are told apart, their likeness counts
    different_words.factor; without the rule ('told' a reporting verb, of no kind) they are
    not. Out of the construction 'told' says no kind."""
    from kerryview.events import merge
    from kerryview.events.merge import directs, told_with
    a, b = _items(RAW["directive"]["example"])
    assert a.told_with.kind == merge.DIRECTIVE and a.told_with.listed
    assert told_apart(a, b)
    assert link(a, b) == pytest.approx(RAW["different_words"]["factor"] * cosine(a.vector, b.vector))
    said = "A BP official told the Associated Press news agency that the company would pay."
    assert not directs(said, said.index("told") + 4) and told_with("told") is None
    assert directs("BP was told to stop.", len("BP was told"))
    assert not directs("He told reporters that he wanted to go.", len("He told"))
    kinds = event_kinds()._replace(directive=frozenset())
    monkeypatch.setattr(merge, "event_kinds", lambda: kinds)
    a, b = _items(RAW["directive"]["example"])
    assert not told_apart(a, b)


OBJECTS = RAW["same_kind"]["objects_differ"]["examples"]


@pytest.mark.parametrize("pair", OBJECTS, ids=[p[0][:30] for p in OBJECTS])
def test_one_kind_done_to_two_things_is_not_made_more_alike(pair):
    """'destroyed the presidential palace' and 'damaged the UN headquarters': one kind, two
    objects (no word in common, or other figures): two happenings, as two kinds are."""
    a, b = _items(pair)
    assert told_as_one(a, b) and not told_apart(a, b)
    assert link(a, b) == pytest.approx(RAW["different_words"]["factor"] * cosine(a.vector, b.vector))
    # one word told twice is left to the passages' words
    same = [pair[0], re.sub(r"\[\w+\]", re.search(r"\[\w+\]", pair[0])[0], pair[1])]
    a, b = _items(same)
    assert link(a, b) == pytest.approx(RAW["same_kind"]["factor"] * cosine(a.vector, b.vector))


def test_one_kind_done_to_two_things_in_a_pile_is_two_events():
    """The reviewer's pile: each passage its own article of one day (the boost joined them)."""
    texts = {f"{k}{side}": f"date 2010-06-03\n\n{p.replace('[', '').replace(']', '')}\n"
             for k, pair in enumerate(OBJECTS) for side, p in zip("ab", pair)}
    texts["r"] = "date 2010-06-03\n\nRelatives of the victims in Kent said on Monday they were devastated.\n"
    events = _events(texts)
    for k in range(len(OBJECTS)):
        assert not any({f"{k}a", f"{k}b"} <= set(e.document_ids) for e in events), k


def test_devastated_tells_no_damage():
    """'they were devastated': upset, not damaged (no word of event_kinds.json damage)."""
    assert event_kinds().kinds.get("devastated") is None
    assert event_kinds().kinds.get("destroyed") == "damage"


def test_a_time_expression_after_the_event_word_is_no_object():
    """'had been suspended | nearly a year ago': no object, so 'China broke off some contact
    last August' (one kind: interrupt) is not told as done to another thing (the demo pile)."""
    from kerryview.events.merge import object_terms

    text = "The climate talks had been suspended nearly a year ago after a visit by Nancy Pelosi."
    at, when = text.index("suspended"), text.index("nearly a year ago")
    m = EventMention("a", 0, len(text), text, Timex(when, when + len("nearly a year ago"), "nearly a year ago",
                                                   "DATE", "2022-07"),
                     trigger_start=at, trigger_end=at + len("suspended"))
    assert object_terms(m) == frozenset()
    text = "China broke off some contact with the Biden administration last August."
    at = text.index("broke")
    m = EventMention("a", 0, len(text), text, Timex(text.index("last"), len(text) - 1, "last August", "DATE", "2022-08"),
                     trigger_start=at, trigger_end=at + len("broke off"))
    assert object_terms(m) == {"contact"}
