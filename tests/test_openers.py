"""The words a sentence may open with before its subject live in one place each: the coordinating
conjunctions in events/data/event_cues.json (shared with the clause and label code of
events.mentions), the sentence adverbs in events/data/lead_rules.json."""
from importlib.resources import files

from kerryview.events.antecedents import subject_of
from kerryview.events.mentions import _is_verb
from kerryview.text.wordlists import cues, event_lists


def _subject(text: str) -> str:
    return subject_of(text, 0, len(text), _is_verb)


def test_every_listed_opener_is_skipped_before_the_subject():
    words = cues()["coordinating_conjunctions"] | event_lists("lead_rules.json")["sentence_adverbs"]
    assert {"and", "but", "however", "meanwhile"} <= words
    for word in sorted(words):
        for text in (f"{word.capitalize()} BP said it would pay.", f"{word.capitalize()}, BP said it would pay."):
            assert _subject(text) == "BP", text


def test_a_subordinator_is_no_opener():
    # "While McCain suggested ..., the divorce was granted": McCain is not the sentence's subject
    assert "while" in cues()["clause_initial_conjunctions"]
    assert _subject("While McCain suggested it, the divorce was granted.") != "McCain"


def test_the_antecedent_finder_keeps_no_list_of_its_own():
    source = (files("kerryview") / "events" / "antecedents.py").read_text("utf-8")
    assert "However|" not in source and "But|And" not in source


def test_the_tagger_and_the_event_finder_share_one_list_of_reporting_verbs():
    # the tagger's speech verbs (rules/news.json speech_verb) repeated the event finder's list
    # (events/data/event_cues.json reporting_verbs): now both read text/data/reporting_verbs.json
    from kerryview.text.wordlists import reporting_verbs
    from kerryview.timex.lexicon import lexicon
    assert "speech_verb" not in lexicon() and "reporting_verbs" not in cues()
    lists = reporting_verbs()
    assert {"says", "tells", "testifies"} <= lists["present"] and {"said", "testified"} <= lists["past"]
    assert lists["all"] == lists["present"] | lists["past"]


def test_a_label_that_ends_in_any_reporting_verb_is_completed_by_the_quotation():
    # "testified", "recalled" were reporting verbs of the tagger ("testifies", "recalls") only
    from test_label_families import _labels
    for verb in ("testified", "recalled", "warned"):
        assert _labels(f"Hayward {verb} on Monday: “The blowout preventer failed.”") == [
            f"Hayward {verb} “The blowout preventer failed”"], verb
