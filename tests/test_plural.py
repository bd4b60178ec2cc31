"""The one "looks plural" test (kerryview.text.plural), its data, and the four readers that ask it:
before, the antecedent finder, the tense detector, the clause finder and the headline reader each
had their own copy and the copies disagreed ("ideas", "crisis", "always", "company's"). Each
reader's behaviour is checked where the copies disagreed: the antecedent finder ("The ideas",
below), the headline reader ("Haiti crisis", below), the tense detector ("company's", below) and
the clause finder ("Officials always take the blame", tests/test_clauses.py)."""
import json
import re
from importlib.resources import files

from kerryview.events.antecedents import agrees
from kerryview.events.headline import main_event_words
from kerryview.events.mentions import _is_verb
from kerryview.text.plural import looks_plural
from kerryview.text.tense import tense
from kerryview.text.wordlists import plural_lists


def test_every_list_says_what_it_is_for_and_its_examples_are_no_plural():
    raw = json.loads((files("kerryview.text") / "data" / "plural.json").read_text("utf-8"))
    lists = {k: v for k, v in raw.items() if not k.startswith("_")}
    assert set(lists) == {"singular_endings", "singular_words"}
    for name, entry in lists.items():
        assert entry["about"] and entry["example"] and entry["words"], name
        assert plural_lists()[name] == frozenset(entry["words"])
        examples = re.findall(r"\"([^\"]+)\"", entry["example"])
        assert examples, name
        for word in examples:
            assert word.endswith("s") and not looks_plural(word), (name, word)


def test_a_plural_noun_or_a_verb_in_s_looks_plural_and_the_rest_does_not():
    for word in ("officials", "Scientists", "ideas", "areas", "considers", "delivers", "talks", "does"):
        assert looks_plural(word), word
    for word in ("virus", "crisis", "analysis", "boss", "discuss", "BP's", "company’s", "gas", "news",
                 "always", "perhaps", "its", "s", "official", "meet"):
        assert not looks_plural(word), word


def test_several_are_a_plural_noun_in_as():
    # the antecedent finder read "ideas" as singular (its copy excluded every noun in -as)
    assert agrees("The ideas", "plural") == "The ideas"
    assert agrees("Officials", "plural") == "Officials"
    assert agrees("The gas", "plural") is None and agrees("The gas", "thing") == "The gas"


def test_a_headline_noun_in_is_is_no_verb():
    # the headline reader took "crisis" after a capitalized word for a headline's present tense
    text = "Haiti crisis: UN sends more troops"
    found = main_event_words(text, (0, len(text)), True, _is_verb)
    assert found and text[found[0]:found[1]] == "sends"


def test_a_possessive_before_to_is_no_verb_of_the_headline():
    # the tense detector read "company's" as a verb in -s, so the entry did not announce
    text = "4 August: The company's chief executive Hayward to step down"
    assert tense(text, 0, len("4 August"), reporting=False) == "future"


def test_the_s_of_u_s_is_no_plural_noun_before_a_verb():
    # the clause finder read the "S" of "U.S." as a plural noun, so the next word was its verb:
    # "military", "official", "government" became clause events on TBAQ
    from kerryview.events.clauses import Clause, present_verb
    text = "The U.S. military buildup in Saudi Arabia continued at fever pace"
    found = present_verb(text, Clause(0, len(text)))
    assert not found or text[found[0]:found[1]] != "military"
