"""One list of English irregular verbs (text/data/irregular_verbs.json) for every reader of an
irregular past, participle or bare form, and the bare verb after a plural subject
(text.verbs.bare_verb_after_plural: lead_rules.json bare_verbs and its companions)."""
import json
import re
from datetime import date
from importlib.resources import files

from kerryview.events.clauses import clause_rules
from kerryview.events.mentions import find_mentions
from kerryview.model import DateSource, DateSourceKind, Document
from kerryview.text.tense import tense
from kerryview.text.verbs import bare_verb_after_plural, has_finite_verb, is_verb
from kerryview.text.wordlists import cues, irregular_verbs, tense_cues
from kerryview.timex import tag
from kerryview.timex.scene import _participle


def _raw(package, name):
    return json.loads((files(package) / "data" / name).read_text("utf-8"))


def _mentions(text, dct=date(2010, 7, 14)):
    doc = Document(id="d", path="d", text=text, dct=dct,
                   dct_source=DateSource(DateSourceKind.STATED_IN_TEXT, "stated"))
    return find_mentions(doc, tag(text, dct))


def test_every_row_is_a_base_a_past_and_a_participle():
    rows = _raw("kerryview.text", "irregular_verbs.json")["verbs"]["rows"]
    assert len(rows) > 150  # the complete list, not a sample
    bases = [r.split()[0] for r in rows]
    assert len(bases) == len(set(bases))
    for row in rows:
        assert len(row.split()) == 3 and row == row.lower(), row
    iv = irregular_verbs()
    assert {"sink", "spread", "undergo"} <= iv["bases"] and {"sank", "spread"} <= iv["pasts"]
    assert {"sank", "undergone", "withdrawn"} <= iv["past_forms"] and "spread" in iv["bare_pasts"]
    assert "given" not in iv["simple_pasts"] and "said" in iv["simple_pasts"]
    # the common nouns among the forms are no verb by their form ("the ground floor", "a wound")
    for w in ("ground", "wound", "bit", "was", "been"):
        assert w not in iv["past_forms"], w


def test_the_lists_of_irregular_forms_have_one_home():
    iv = irregular_verbs()
    # the event finder's irregular pasts, the clauses' participles, the tense detector's past cues
    # and the tagger's past perfect take their forms from the one list, and keep no copy of it
    assert iv["past_forms"] <= cues()["irregular_past"]
    assert not set(_raw("kerryview.events", "event_cues.json")["irregular_past"]["words"]) & iv["past_forms"]
    assert iv["participles"] <= clause_rules()["participles"]
    assert iv["simple_pasts"] <= tense_cues()["past"]
    assert not set(_raw("kerryview.text", "tense_cues.json")["past"]["words"]) & iv["simple_pasts"]
    narrative = json.loads((files("kerryview.timex") / "rules" / "narrative.json").read_text("utf-8"))
    assert "past_participle_irregular" not in narrative
    for w in ("sunk", "undergone", "dealt", "spread", "met"):
        assert _participle(w), w


def test_the_examples_of_the_list_read_as_they_say():
    example = _raw("kerryview.text", "irregular_verbs.json")["verbs"]["example"]
    assert "sank" in example and "sunk" in example
    # an irregular past missing from the old cue list ("sank") is a verb and a past
    assert is_verb("sank", "The ferry ") and is_verb("undergone", "have ")
    [found] = _mentions("The ferry sank off the coast on Monday.")
    m = found.mention
    assert m.text[m.trigger_start - m.start:m.trigger_end - m.start] == "sank"
    nouns = _raw("kerryview.text", "irregular_verbs.json")["also_nouns"]["example"]
    for text in re.findall(r'"([^"]+)"', nouns):
        assert not any(is_verb(w, "the ") for w in ("ground", "wound", "bit") if w in text), text


def _sentences(part):
    return re.findall(r'"([^"]+)"', part)


def test_the_bare_verb_examples_read_as_they_say():
    raw = _raw("kerryview.events", "lead_rules.json")
    for name in ("bare_verbs", "singular_bare_pasts", "plural_quantifiers"):
        verbs_part, _, nouns_part = raw[name]["example"].partition(";")
        assert _sentences(verbs_part) and _sentences(nouns_part), name
        for text in _sentences(verbs_part):
            assert has_finite_verb(text), (name, text)
        for text in _sentences(nouns_part):
            assert not has_finite_verb(text), (name, text)
    for text in _sentences(raw["bare_verb_followers"]["example"]):
        assert has_finite_verb(text), text


def test_a_bare_verb_needs_a_plural_subject_before_and_its_complement_after():
    assert bare_verb_after_plural("point", "the corridors signs ", " to the exits")
    assert bare_verb_after_plural("search", "The rescue teams ", " for survivors")
    for word, before, after in (("search", "The rescue teams ", "."),  # a noun phrase: "the rescue teams search"
                                ("rises", "price ", " to"),  # a form in -s, a singular before
                                ("search", "the ", " for"),  # after a determiner
                                ("increase", "sales ", " of 5%"),  # "of" follows a noun
                                ("work", "two months ", " on the site"),  # a measure, not a subject
                                ("spread", "United Nations ", " to"),  # a name inside the sentence
                                ("point", "the signs ", " Monday")):  # no complement
        assert not bare_verb_after_plural(word, before, after), (word, before, after)
    for text in ("The talks", "price rises", "the rescue teams search", "The rescue teams' search"):
        assert not has_finite_verb(text), text


def test_a_bare_verb_after_a_plural_subject_is_an_event():
    [found] = _mentions("Along the corridors signs point to the exits on Monday.")
    m = found.mention
    assert m.text[m.trigger_start - m.start:m.trigger_end - m.start] == "point"


def test_a_past_like_its_base_right_after_the_expression_is_the_subjects_past():
    for text, expression in (("Poor returns in April hurt the fund.", "in April"),
                             ("Official visits in May spread the virus.", "in May"),
                             ("Another letter at the weekend cast doubt over the attempt.", "at the weekend")):
        i = text.index(expression)
        assert tense(text, i, i + len(expression)) == "past", text
    text = "Voting ends on Thursday."
    assert tense(text, text.index("on"), len(text) - 1) == "future"


def test_a_dated_clause_of_two_coordinated_verbs_keeps_its_subject():
    # the verb nearest the date is the second of two ("exploded and sank", "exploded and
    # collapsed"): the clause's subject is still the label's (mentions.dated_clause)
    for verb in ("sank", "collapsed"):
        text = f"Nearly 5m barrels of oil have gushed into the ocean since the rig exploded and {verb} on 20 April."
        labels = [f.label for f in _mentions(text)]
        assert f"The rig exploded and {verb}" in labels, labels


def test_an_irregular_participle_after_is_makes_a_present_passive():
    # "heard" is a past cue (irregular_verbs.json simple_pasts) but after "is" a participle:
    # a present passive, which looks ahead from a DCT of 29 March 2000
    text = "The relatives may lose a fight when the case is heard in May in the appeals court."
    i = text.index("in May")
    assert tense(text, i, i + 6) != "past"
    assert [t.value for t in tag(text, date(2000, 3, 29))] == ["2000-05"]
