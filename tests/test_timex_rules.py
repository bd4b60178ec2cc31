"""Every rule of kerryview/timex/rules/ carries its own example, and these tests hold it to it.

rules.tsv: each rule's example is tagged with the expected TIMEX3 type and value, and it is
that rule (not an earlier, shorter one) that matches. negatives.tsv: each negative example is
not tagged, and it is the negative rule that stops it (without it, the example would be).
"""
from __future__ import annotations

import importlib
import re
from datetime import date

import pytest

from kerryview.timex import tag
from kerryview.timex.grammar import load_rules
from kerryview.timex.lexicon import lexicon
from kerryview.timex.negatives import load_negatives
from kerryview.timex.normalize import NORMALIZERS, OPTIONS
from kerryview.timex.recognize import recognize

# the module itself: the package re-exports a function of the same name
recognize_module = importlib.import_module("kerryview.timex.recognize")

DCT = date(2023, 7, 18)
RULES = load_rules()
NEGATIVES = load_negatives()


def phrase(example: str) -> tuple[str, int, int]:
    """The text of an example and the span it marks with [brackets] (the whole text if none)."""
    m = re.fullmatch(r"([^\[\]]*)\[([^\[\]]+)\]([^\[\]]*)", example)
    if m is None:
        return example, 0, len(example)
    text = m.group(1) + m.group(2) + m.group(3)
    return text, len(m.group(1)), len(m.group(1)) + len(m.group(2))


def expectation(expect: str) -> tuple[str, str, dict[str, str]]:
    """("DATE", "2023-07-14", {"mod": "END"}) from "DATE 2023-07-14 mod=END"."""
    type_, value, *rest = expect.split()
    return type_, value, dict(kv.split("=", 1) for kv in rest)


def test_every_rule_has_an_example_and_a_known_normalizer_and_options():
    for rule in RULES:
        assert rule.examples and all(ex.text.strip() for ex in rule.examples), f"{rule.name} has no example"
        assert rule.kind in NORMALIZERS, f"{rule.name}: no normalizer {rule.kind!r}"
        unknown = rule.options - OPTIONS[rule.kind]
        assert not unknown, f"{rule.name}: normalizer {rule.kind} has no option {unknown}"
        assert rule.examples[0].expect != "none", f"{rule.name}: the first example must be tagged"
        for ex in rule.examples:
            if ex.expect != "none":
                expectation(ex.expect)
    assert len({r.name for r in RULES}) == len(RULES), "rule names must be unique"


def test_every_negative_rule_applies_to_existing_rules():
    names = {r.name for r in RULES} | {r.kind for r in RULES}
    for neg in NEGATIVES:
        assert set(neg.applies_to) <= names, f"{neg.name} applies to unknown {set(neg.applies_to) - names}"
        assert neg.example.count("[") == 1, f"{neg.name}: mark the words that must not be tagged"


EXAMPLES = [(rule, ex) for rule in RULES for ex in rule.examples]


@pytest.mark.parametrize("rule, example", EXAMPLES, ids=[f"{r.name}: {ex.text}" for r, ex in EXAMPLES])
def test_rule_example(rule, example):
    text, start, end = phrase(example.text)
    if example.expect == "none":  # a reading the rule's normalizer rejects ("Theresa May")
        assert [t.text for t in tag(text, DCT) if t.start < end and start < t.end] == []
        return
    type_, value, extra = expectation(example.expect)
    dct = extra.get("dct", DCT.isoformat())
    dct = None if dct == "none" else date.fromisoformat(dct)
    fired = {(p.start, p.end): p.rule for p in recognize(text)}
    assert fired.get((start, end)) == rule.name, f"{text!r}: rules fired {fired}"
    found = {(t.start, t.end): t for t in tag(text, dct)}
    timex = found[(start, end)]
    assert (timex.type, timex.value, timex.mod) == (type_, value, extra.get("mod"))


@pytest.mark.parametrize("neg", NEGATIVES, ids=[n.name for n in NEGATIVES])
def test_negative_example(neg, monkeypatch):
    text, start, end = phrase(neg.example)

    def tagged() -> list[tuple[int, int]]:
        return [(t.start, t.end) for t in tag(text, DCT) if t.start < end and start < t.end]

    assert tagged() == [], f"{neg.example!r} must not be tagged"
    without = {rule: tuple(n for n in negs if n.name != neg.name)
               for rule, negs in recognize_module.rule_negatives().items()}
    monkeypatch.setattr(recognize_module, "rule_negatives", lambda: without)
    assert tagged() != [], f"{neg.name} is not what keeps {neg.example!r} untagged"


def test_every_word_list_says_what_it_is_for():
    lists = lexicon()
    assert {"month", "temporal_prep", "weekday_blockers_after"} <= set(lists)
    for name, entry in lists.items():
        assert isinstance(entry, dict) and entry.get("_comment", "").strip(), f"word list {name} has no _comment"


# The word lists that give an "_example" (a [date] in a sentence) and the reading each one
# stops there: with the list the example's date is no flashback, without it it would be.
EXAMPLE_READERS = {"past_perfect_clause_end": "past_perfect_after",
                   "past_perfect_limit_preposition": "past_perfect_after"}


def test_every_word_list_with_an_example_has_a_test_of_it():
    assert {name for name, entry in lexicon().items() if "_example" in entry} == set(EXAMPLE_READERS)


@pytest.mark.parametrize("name", sorted(EXAMPLE_READERS))
def test_word_list_example(name, monkeypatch):
    from kerryview.timex import scene

    text, start, end = phrase(lexicon()[name]["_example"])
    reads = getattr(scene, EXAMPLE_READERS[name])

    def fresh():
        scene._clause_end.cache_clear()
        scene._limit_before.cache_clear()

    fresh()
    assert not reads(text, start, end), f"{name}: its example must not read as a flashback"
    real, words = scene.table, text.lower().split()
    monkeypatch.setattr(scene, "table",  # the list without the example's word
                        lambda n: {w: v for w, v in real(n).items() if w not in words} if n == name else real(n))
    fresh()
    try:
        assert reads(text, start, end), f"{name} is not what keeps {text!r} from the reading"
    finally:
        monkeypatch.undo()
        fresh()


@pytest.mark.parametrize("text, century", [
    ("He starred in the film \"Children of the 21st Century\" in 2005.", False),  # a quoted title
    ("A report, Britain: Power and Money in the 20th Century, came out in 2005.", False),  # after a subtitle's colon
    ("Photos of the 19th Century Show a Lost London", True),  # a headline in title case: a date
    ("LOL: Best Movie of the 21st Century", True),  # after a kicker in capitals: a headline, a date
    ("It was the first pandemic of the 21st century.", True),
])
def test_a_century_in_a_works_title_is_no_date(text, century):
    # negatives.tsv century_in_title: only a title that opens at a quotation mark or a colon
    assert any("Century" in t.text or "century" in t.text for t in tag(text, DCT)) == century


def test_a_weekday_sharing_a_plural_part_of_day_is_a_set_too():
    # rules.tsv weekday_pod_pl_pair: "on Monday and Tuesday nights" is every Monday night and
    # every Tuesday night (a timetable), not next Monday (TBAQ APW19980213.1320)
    found = {t.text: (t.type, t.value) for t in tag("Two flights will leave Bombay on Monday and Tuesday nights.", DCT)}
    assert found == {"Monday": ("SET", "XXXX-WXX-1TNI"), "Tuesday nights": ("SET", "XXXX-WXX-2TNI")}
    # one night named, no plural: a day
    assert [t.type for t in tag("They met on Monday and Tuesday night.", DCT)] == ["DATE", "TIME"]
