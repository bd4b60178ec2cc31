"""One verb test (kerryview.text.verbs) for the event finder, the subject finder and the labels:
labels._has_verb took "plans" and "warns" for verbs anywhere, mentions._is_verb never did."""
import re

from kerryview.events import antecedents, labels, mentions
from kerryview.events.antecedents import subject_of
from kerryview.text import verbs
from kerryview.text.verbs import has_finite_verb, is_verb
from kerryview.text.wordlists import event_lists, list_words, reporting_verbs


def test_the_event_finder_the_subject_finder_and_the_labels_ask_one_test():
    assert mentions._is_verb is verbs.is_verb
    assert not hasattr(labels, "_has_verb") and labels.has_finite_verb is verbs.has_finite_verb
    assert antecedents.finite_verb is verbs.is_verb


def test_a_present_form_in_s_is_a_finite_verb_after_its_subject_and_a_noun_after_an_article():
    for words in ("BP plans to drill", "Obama warns of delays", "BP also plans to drill",
                  "The company, which owns the rig, plans to drill"):
        assert has_finite_verb(words), words
    for words in ("The plans of the company", "BP's plans for the well", "Funds for plans in the Gulf"):
        assert not has_finite_verb(words), words
    # the finite test and the event test agree on every verb the event test sees
    for word, before in (("said", "BP "), ("capped", "BP "), ("cap", "will "), ("plans", "BP ")):
        assert is_verb(word, before, finite=True) or not is_verb(word, before), word
    # a present form in -s is as often a noun: never an event's words ("BP plans to cap": "cap")
    assert not is_verb("plans", "BP ") and is_verb("plans", "BP ", finite=True)
    assert not is_verb("is", "BP ") and is_verb("is", "BP ", finite=True)


def test_a_capitalized_word_inside_a_sentence_ends_no_subject():
    # "states" is a reporting verb (reporting_verbs.json present_also_nouns), "States" a name
    text = "The United States said on Monday it would help."
    assert subject_of(text, 0, len(text), mentions._is_verb) == "The United States"
    text = "The World Health Organization (WHO) is on the verge of declaring a pandemic."
    assert subject_of(text, 0, len(text), mentions._is_verb) == "The World Health Organization WHO"


def test_subject_verbs_takes_the_reporting_verbs_from_their_one_file():
    import json
    from importlib.resources import files
    raw = json.loads((files("kerryview.events") / "data" / "lead_rules.json").read_text("utf-8"))
    entry = raw["subject_verbs"]
    lists = reporting_verbs()
    assert not set(entry["words"]) & (lists["finite"] | lists["opinion"])  # no copy of them
    from kerryview.text.wordlists import modals
    assert not set(entry["words"]) & modals()["modals"]  # nor of the modals
    assert event_lists("lead_rules.json")["subject_verbs"] == \
        frozenset(entry["words"]) | lists["finite"] | lists["opinion"] | modals()["modals"]
    assert {"says", "told", "thinks", "plans", "is"} <= event_lists("lead_rules.json")["subject_verbs"]


def test_a_word_list_may_have_words_of_its_own_and_views_of_the_reporting_verbs():
    assert list_words({"words": ["is"], "words_from": "reporting_verbs.json past"}) == \
        {"is"} | reporting_verbs()["past"]
    assert list_words({"words_from": ["reporting_verbs.json past", "reporting_verbs.json opinion"]}) == \
        reporting_verbs()["past"] | reporting_verbs()["opinion"]
    for bad in ({"words_from": "other.json x"}, {"words_from": "reporting_verbs.json nothing"}, {}):
        try:
            list_words(bad)
        except ValueError:
            continue
        raise AssertionError(bad)


def test_one_longest_name():
    import inspect
    assert labels.MAX_NAME_WORDS == antecedents.MAX_NAME_WORDS
    assert "MAX_NAME_WORDS = " not in inspect.getsource(labels)  # labels takes antecedents'


def test_a_verb_after_any_modal_of_modals_json():
    from kerryview.text.verbs import is_verb
    from kerryview.text.wordlists import modals
    for modal in modals()["modals"]:
        assert is_verb("cap", f"BP {modal} "), modal


def _example(name):
    import json
    from importlib.resources import files
    return json.loads((files("kerryview.events") / "data" / "lead_rules.json").read_text("utf-8"))[name]["example"]


def test_the_subject_finders_lists_examples_come_out_as_they_say():
    # adverbial_openers, adverbial_ends, name_links were written in antecedents.py
    import re
    for name in ("adverbial_openers", "adverbial_ends", "name_links"):
        pairs = re.findall(r"\"([^\"]+)\"[^\"']*'([^']+)'", _example(name))
        assert pairs, name
        for sentence, subject in pairs:
            sentence = sentence.replace("...", "said it would pay.")
            assert subject_of(sentence, 0, len(sentence), mentions._is_verb) == subject, (name, sentence)


def test_a_possessive_pronoun_takes_its_antecedent_in_the_possessive():
    import re
    from test_label_families import _labels
    given, wanted = re.findall(r"\"([^\"]+)\"", _example("possessive_pronouns"))[:2]
    assert any(lb.startswith(wanted) for lb in _labels(given + ".")), _labels(given + ".")
    assert event_lists("lead_rules.json")["possessive_pronouns"] <= (
        event_lists("lead_rules.json")["person_pronouns"] | event_lists("lead_rules.json")["thing_pronouns"]
        | event_lists("lead_rules.json")["plural_pronouns"])


def test_the_verb_subjects_example_comes_out_as_it_says():
    import re
    verb, noun = re.findall(r"\"([^\"]+)\"", _example("verb_subjects"))
    assert has_finite_verb(verb.split(" to ")[0]) and not has_finite_verb(noun.split(" were ")[0])


def test_the_taggers_past_verb_is_the_verb_tests_past():
    from kerryview.text.verbs import past_verb_pattern
    past = re.compile(past_verb_pattern(), re.IGNORECASE)
    for word in ("exploded", "said", "went", "died"):
        assert past.fullmatch(word) and is_verb(word, "the rig ")
    for word in ("hundred", "united", "United", "Mohammed", "indeed"):
        assert not past.fullmatch(word) and not is_verb(word, "the rig ")


def test_a_head_opening_with_a_given_name_that_is_a_modal_reads_as_its_example_says():
    """modals.json given_names: "Will Smith Signs Deal" opens with a name (a present in -s, a
    past or "to" after the capitalised surname), "Will Obama Visit China?" with the modal."""
    import json
    from importlib.resources import files

    from kerryview.text.verbs import opens_with_name
    example = json.loads((files("kerryview.text") / "data" / "modals.json").read_text("utf-8"))[
        "given_names"]["example"]
    names, modal = example.split("; not ")
    assert re.findall(r'"([^"]+)"', names) and re.findall(r'"([^"]+)"', modal)
    for head in re.findall(r'"([^"]+)"', names):
        assert opens_with_name(head), head
    for head in re.findall(r'"([^"]+)"', modal):
        assert not opens_with_name(head), head


def test_a_question_or_a_common_noun_after_will_or_may_keeps_the_modal_or_the_month():
    """A head that asks ("Will Iran Talks Resume?") or has a common noun after "Will"/"May"
    (modals.json not_surnames, the event nouns: "May Sales Rose 5 Percent") opens with the
    modal or the month, not a name and its verb in -s; so "Will Gulf Beaches Reopen On
    Monday?" looks ahead to the next Monday and "Will Greek Talks Succeed by Friday?" is
    future. "Will Smith Signs Deal", "May Ellis won" keep their names."""
    import json
    from datetime import date
    from importlib.resources import files

    from kerryview.text.tense import tense
    from kerryview.text.verbs import opens_with_name
    from kerryview.timex import tag

    for head in ("Will Iran Talks Resume?", "Will Greek Talks Succeed?", "May Sales Rose 5 Percent",
                 "May Retail Sales Jump", "Will Gulf Beaches Reopen On Monday?"):
        assert not opens_with_name(head), head
    for head in ("Will Smith Signs Deal", "May Ellis won", "Will Smith Signs Deal With Netflix"):
        assert opens_with_name(head), head
    example = json.loads((files("kerryview.text") / "data" / "modals.json").read_text("utf-8"))[
        "not_surnames"]["example"]
    month, name = example.split("; not ")
    assert all(not opens_with_name(h) for h in re.findall(r'"([^"]+)"', month))
    assert all(opens_with_name(h) for h in re.findall(r'"([^"]+)"', name))
    text = "Will Greek Talks Succeed by Friday?"
    assert tense(text, text.index("Friday"), text.index("?")) == "future"
    text = "Will Gulf Beaches Reopen On Monday?\nOfficials met on Tuesday."
    assert [t.value for t in tag(text, date(2010, 9, 15)) if t.text == "Monday"] == ["2010-09-20"]


def test_a_title_case_headline_opening_with_will_smith_has_its_event_and_is_no_announcement():
    """"Will Smith Signs Deal With Netflix": the headline's event is "Signs", told in the past
    (the modal "Will" made it an announcement with no event, and its date look ahead)."""
    from datetime import date

    from kerryview.events.headline import main_event_words
    from kerryview.events.mentions import find_mentions
    from kerryview.model import DateSource, Document
    from kerryview.text.tense import tense
    from kerryview.timex import tag

    head = "Will Smith Signs Deal With Netflix"
    span = main_event_words(head, (0, len(head)), True, is_verb)
    assert span is not None and head[span[0]:span[1]] == "Signs"
    obama = "Will Obama Visit China?"
    assert main_event_words(obama, (0, len(obama)), True, is_verb) is None  # the modal: ahead
    entry = "3 June: Will Smith Signs Deal With Netflix"
    assert tense(entry, 0, 6) == "past"
    assert tense("Will Obama Visit China in May?", 25, 28) == "future"
    text = head + "\n\nLOS ANGELES -- The actor signed a three-film deal with Netflix on Tuesday.\n"
    dct = date(2010, 6, 3)
    doc = Document(id="w", path="/news/w.txt", title=head, text=text, dct=dct,
                   dct_source=DateSource.unknown())
    found = find_mentions(doc, tag(text, dct))
    heads = [f for f in found if f.mention.position == "headline"]
    assert [text[f.mention.start:f.mention.end] for f in heads] == [head]
    assert heads[0].mention.status == "happened"
