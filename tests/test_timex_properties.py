"""Property tests: the tagger never raises and always returns valid, sorted, disjoint spans."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kerryview.timex import tag

WORDS = ["on", "Monday", "May", "march", "the", "past", "three", "years", "ago", "July", "17", "2023", "-", "/",
         "late", "early", "mid", "quarter", "third", "last", "next", "week", "every", "day", "5", "p.m.", "a.m.",
         "nearly", "12", "hours", "now", "1990s", "'80s", "Nov.", "29", ",", ".", "\n", "the previous day", "fiscal",
         "noon", "Tuesday", "night", "of", "in", "2000", "soldiers", "a", "second", "round", "9999", "0", "31",
         # narratives, year spans, eras, tweets and forward cues (issue #13)
         "1915-17", "1999-00", "1775-1780", "264", "BC", "B.C.", "AD", "to", "6-7", "January", "that autumn",
         "the following year", "later", "on from", "'89", "eighteenth-century", "at 10:57", "05:30hrs", "tmrw",
         "2nite", "this sat", "sat", "#Friday", "xmas", "nxt yr", "7days", "postponed until", "expires",
         "today's world", "of today", "1789", "(", ")"]

texty = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)
anything = st.text(max_size=300)
dcts = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))


def check(text: str, dct: date | None) -> None:
    out = tag(text, dct)
    prev_end = 0
    for t in out:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.start >= prev_end, "overlapping or unsorted"
        prev_end = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert isinstance(t.value, str) and t.value
        assert t.anchor_kind in (None, "dct", "narrative")
        t.to_json()
    assert tag(text, dct) == out, "not deterministic"


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(anything, dcts)
def test_any_unicode_text(text, dct):
    check(text, dct)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texty, dcts)
def test_temporal_word_salad(text, dct):
    check(text, dct)


def test_extreme_dates():
    text = "On Monday, last year, a year ago, next week, July 17, the 1990s and the previous day."
    for dct in (date(1, 1, 1), date(9999, 12, 31), None):
        check(text, dct)


# The characters Python's case-insensitive re matches as an ASCII letter (long s, Kelvin sign,
# dotted capital I, dotless i): the grammar matched "laſt", the table of relative words did not,
# and the resolver crashed (review s14 #5). The recognizer reads them as their letters.
REGEX_FOLDED = {"\u017f": "s", "\u212a": "k", "\u0130": "i", "\u0131": "i"}
FOLDABLE = ["last week", "this year", "six weeks", "next month", "the past decade", "September",
            "Sunday", "yesterday", "this spring", "the weekend", "in March", "five seconds ago", "Christmas"]


def _swap(text: str, char: str, letter: str) -> str:
    return "".join(char if c.lower() == letter else c for c in text)


@pytest.mark.parametrize("char", list(REGEX_FOLDED), ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("phrase", FOLDABLE)
def test_a_letter_the_regex_folds_is_read_as_that_letter(char, phrase):
    text = _swap(f"On Monday the company said {phrase} it would.", char, REGEX_FOLDED[char])
    check(text, date(2010, 6, 9))
    check(text, None)


def test_the_long_s_reads_as_s():
    dct = date(2010, 6, 9)
    assert [(t.text, t.value) for t in tag("the laſt week", dct)] == [
        (t2.text.replace("s", "ſ"), t2.value) for t2 in tag("the last week", dct)]
    assert [t.value for t in tag("ſix weeks ago", dct)] == [t.value for t in tag("six weeks ago", dct)]


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS + FOLDABLE), max_size=20).map(" ".join),
       st.sampled_from(sorted(REGEX_FOLDED)), dcts)
def test_temporal_word_salad_with_folded_letters(text, char, dct):
    check(_swap(text, char, REGEX_FOLDED[char]), dct)
