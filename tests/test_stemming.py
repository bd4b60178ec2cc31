"""text.similarity.stem: every example of data/stemming.json, and the forms of a short verb
meeting in passage matching."""
from __future__ import annotations

import json

import pytest

from kerryview.text.similarity import content_terms, stem
from kerryview.text.wordlists import package_dir

RULES = json.loads((package_dir("kerryview.text") / "data" / "stemming.json").read_text(encoding="utf-8"))
EXAMPLES = [(name, word, want) for name, rule in RULES.items() if isinstance(rule, dict)
            for word, want in rule["examples"].items()]


@pytest.mark.parametrize("name,word,want", EXAMPLES, ids=[f"{n}:{w}" for n, w, _ in EXAMPLES])
def test_every_example_stems_as_its_rule_says(name, word, want):
    assert stem(word) == want


def test_a_short_verbs_forms_are_one_word_in_passages():
    """'BP has used dispersants' and 'the use of dispersants by BP' share 'use' (before:
    'used' and 'use' were two words, and the passages shared only the names)."""
    a = content_terms("BP has used dispersants")
    b = content_terms("BP defended the use of dispersants")
    assert "use" in a and "use" in b
    assert stem("dies") == stem("died") == stem("die")


@pytest.mark.parametrize("word", ["shed", "fled", "bled", "bred", "sled"])
def test_a_short_word_whose_ed_is_its_root_keeps_it(word):
    """'shed', 'fled': no vowel before the e, so the -ed is the root's, not an ending cut
    to a short e ('she', 'fle'); 'shed' and 'sheds' stay one word."""
    assert stem(word) == word
    assert stem(word + "s") == stem(word)


def test_the_words_whose_s_is_no_ending_are_the_one_list_of_words_in_s_that_are_no_plural():
    # stemming.json no_ending takes plural.json singular_words (words_from) and lists only
    # 'means' (also a verb in -s); it kept a copy of six of them and missed the rest
    from kerryview.text.wordlists import plural_lists
    raw = json.loads((package_dir("kerryview.text") / "data" / "stemming.json").read_text("utf-8"))
    assert not set(raw["no_ending"].get("words", ())) & plural_lists()["singular_words"]
    assert stem("politics") == "politics" and stem("news") == "news" and stem("means") == "means"
