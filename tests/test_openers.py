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
