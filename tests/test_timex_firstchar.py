"""The first-character guards of the recognizer regex (kerryview/timex/firstchar.py): every
rule gets one, and the guarded regex matches exactly what the plain one matches."""
from __future__ import annotations

import re

import pytest

from kerryview.timex import firstchar
from kerryview.timex.grammar import compiled, load_rules

from test_timex_rules import phrase

_parse = firstchar._sre_parse.parse
_c = firstchar._sre_c


def chars(pattern: str):
    return firstchar.first_chars(_parse(pattern, re.I))


def test_first_chars_of_optional_prefix_and_lists():
    assert chars(r"(?:about )?(?:jan|feb)\b") == frozenset("afj")
    assert chars(r"(?=x)(?<!\w)y") == frozenset("y")  # lookarounds consume nothing
    assert chars(r"[0-3]?\d") == frozenset("0123") | {_c.CATEGORY_DIGIT}


def test_no_guard_where_a_rule_may_start_anywhere():
    assert chars(r"(?:the )?") is None  # may match empty
    assert chars(r"\w+ ago") is None  # any letter
    assert chars(r"[^a] ago") is None


def test_every_rule_of_the_grammar_is_guarded():
    tree = _parse(_joined_source(), re.I)
    branch = next(av for op, av in tree if op is _c.BRANCH)
    unguarded = [i for i, alt in enumerate(branch[1]) if firstchar.first_chars(alt) is None]
    assert len(branch[1]) == len(load_rules()) > 50
    assert unguarded == [], [load_rules()[i].name for i in unguarded]


def _joined_source() -> str:
    from kerryview.timex.grammar import _expand
    parts = [f"(?P<r{i}>{_expand(line.pattern, f'r{i}')}(?![\\w]))" for i, line in enumerate(load_rules())]
    return "(?<!\\w)(?:" + "|".join(parts) + ")"


@pytest.fixture(scope="module")
def plain() -> re.Pattern[str]:
    return re.compile(_joined_source(), re.I)


def _texts() -> list[str]:
    out = []
    for line in load_rules():
        for ex in line.examples:
            out.append(phrase(ex.text)[0])
    out.append("KING Hussein met him at 9.30 p.m. on Thursday, ５ May, \u0663 days ago ſeptember Kelvin \u212a")
    return out


def _guard_regex(chars) -> re.Pattern[str]:
    """A one-character regex admitting what a guard admits (same IGNORECASE folding)."""
    parts = [{_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_SPACE: r"\s"}.get(ch) or re.escape(ch) for ch in chars]
    return re.compile("[" + "".join(parts) + "]", re.I)


def test_guarded_regex_matches_like_the_plain_one_and_skips_most_rules_at_most_positions(plain):
    guarded, _ = compiled()
    from kerryview.bundled import bundled_corpus_paths
    texts = _texts() + [bundled_corpus_paths()[0].read_text("utf-8")[:4000]]  # and a news article
    # the guards do work: at most (position, rule) pairs of the sample the rule cannot start
    # (72 % of them on the rules' examples and a demo article, Python 3.11)
    tree = _parse(_joined_source(), re.I)
    branch = next(av for op, av in tree if op is _c.BRANCH)
    guards = [_guard_regex(firstchar.first_chars(alt)) for alt in branch[1]]
    pairs = [(text, pos) for text in texts for pos in range(len(text))]
    skipped = sum(g.match(text, pos) is None for text, pos in pairs for g in guards)
    assert skipped > 0.6 * len(pairs) * len(guards), skipped / (len(pairs) * len(guards))
    # ... and the matches are exactly the plain regex's, at every position
    for text in texts:
        for pos in range(len(text)):
            a, b = plain.match(text, pos), guarded.match(text, pos)
            assert (a and (a.span(), a.lastgroup, a.groupdict())) == (b and (b.span(), b.lastgroup, b.groupdict())), (text, pos)


def test_falls_back_to_the_plain_regex_when_the_parser_is_missing(monkeypatch):
    monkeypatch.setattr(firstchar, "_sre_parse", None)
    assert firstchar.guarded(r"(?:a|b)", re.I).pattern == r"(?:a|b)"


def test_a_rule_is_skipped_where_its_guard_rejects_the_character(monkeypatch):
    """The guard is consulted when matching: with a guard that admits only "z", "jan" is
    skipped (no match) where the plain regex and the true guard match it."""
    source = r"(?<!\w)(?:(?P<a>jan)|(?P<b>\d+))"
    assert firstchar.guarded(source, re.I).match("Jan 5").lastgroup == "a"
    monkeypatch.setattr(firstchar, "first_chars", lambda items: frozenset("z"))
    assert firstchar.guarded(source, re.I).match("Jan 5") is None
    assert re.compile(source, re.I).match("Jan 5").lastgroup == "a"


def test_the_guard_is_in_the_compiled_code():
    """Compiled from the guarded tree, not the source string (which would have no guard)."""
    assert firstchar.guarded(r"(?<!\w)(?:(?P<a>jan)|(?P<b>\d+))", re.I).pattern is None


def test_letter_class_is_what_the_letter_matches_under_ignorecase():
    everything = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    for letter in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        assert sorted(firstchar.letter_class(letter)) == sorted(re.findall(letter, everything, re.I)), letter


def test_alternatives_start_with_a_case_sensitive_set_of_their_first_letter():
    tree = _parse(r"(?:jan|\d+|(?-i:Mar))(?<=(?:an|x))", re.I)
    firstchar._fast_branches(tree, True)
    (_, (_, branch)), (_, (_, lookbehind)) = tree.data  # (?:...) with no flags is not a group of its own
    first = [alt[0] for alt in branch]
    assert first[0][0] is _c.SUBPATTERN and first[0][1][:3] == (None, 0, re.I)
    assert first[0][1][3].data == [(_c.IN, [(_c.LITERAL, ord("j")), (_c.LITERAL, ord("J"))])]
    assert branch[0].data[1:] == [(_c.LITERAL, ord("a")), (_c.LITERAL, ord("n"))]
    assert first[1][0] is _c.MAX_REPEAT  # not a letter
    assert first[2][0] is _c.SUBPATTERN and first[2][1][3][0] == (_c.LITERAL, ord("M"))  # case-sensitive already
    assert lookbehind[0][1][1][0][0] == (_c.LITERAL, ord("a"))  # lookbehinds are left alone


def test_fast_alternatives_keep_the_case_folding_and_the_case_sensitive_parts():
    rx = firstchar.guarded(r"(?<!\w)(?:(?P<a>(?:sept|jan)\.?)|(?P<b>(?-i:(?:Mar|Apr)))|(?P<c>\d+ ?(?:km|kelvin)))", re.I)
    assert rx.match("SEPT.").lastgroup == "a" and rx.match("\u017fept").lastgroup == "a"
    assert rx.match("Mar").lastgroup == "b" and rx.match("mar") is None
    assert rx.match("3 \u212aelvin").group() == "3 \u212aelvin"


def test_an_optional_group_becomes_an_alternation_with_an_empty_alternative():
    tree = _parse(r"(?:the )?(?P<m>jan)\.?", re.I)
    firstchar._fast_branches(tree, True)
    (op, (_, (the, empty))), group, dot = tree.data
    assert op is _c.BRANCH and [x[0] for x in the.data][1:] == [_c.LITERAL] * 3 and empty.data == []
    assert the.data[0][0] is _c.SUBPATTERN  # [tT]he
    assert dot[0] is _c.MAX_REPEAT  # one character: `re` repeats it without copying marks
    rx = firstchar.guarded(r"(?<!\w)(?:(?P<a>(?:the )?(?P<m>jan)(?: (?P<d>\d+))?))", re.I)
    assert rx.match("The Jan 5").groupdict() == {"a": "The Jan 5", "m": "Jan", "d": "5"}
    assert rx.match("jan x").groupdict() == {"a": "jan", "m": "jan", "d": None}


def test_alternatives_with_the_same_first_character_test_it_once():
    tree = _parse(r"the end of|then|\d+|the start of|th|x|than", re.I)
    firstchar._fast_branches(tree, True)
    (op, (_, alts)), = tree.data
    # "the end of" and "then" merged ("[tT]he" + " end of|n"); "\d+" keeps its place, so "the
    # start of" is not moved before it; "th" and "than" join it past "x"
    assert op is _c.BRANCH and len(alts) == 4
    assert alts[0].data[1:3] == [(_c.LITERAL, ord("h")), (_c.LITERAL, ord("e"))] and alts[0].data[3][0] is _c.BRANCH
    assert alts[1].data[0][0] is _c.MAX_REPEAT
    assert alts[3].data[0][1][3].data == [(_c.IN, [(_c.LITERAL, ord("x")), (_c.LITERAL, ord("X"))])]
    rx = firstchar.guarded(r"(?<!\w)(?:(?P<a>(?:the end of|then|\d+|the start of|th|x|than)(?!\w)))", re.I)
    for text in ("the end of", "then", "th", "than", "The Start Of", "thx", "x"):
        assert (rx.match(text) and rx.match(text).group()) == (re.match(r"(?:the end of|then|\d+|the start of|th|x|than)(?!\w)", text, re.I) and text), text


def test_every_word_list_matches_as_the_plain_alternation():
    """The word lists of the lexicon, merged by their first characters and with their first
    letter as a case-sensitive set, match the same words at every position of a text made of
    all of them (prefixes of one another: "sept." "sept" "september")."""
    from kerryview.timex.lexicon import alternation, lexicon, table
    for name in lexicon():
        words = [w for w in table(name) if isinstance(w, str) and w]
        if not words:
            continue
        source = alternation(words)
        plain = re.compile(f"(?<!\\w)(?:(?P<w>{source})|(?P<n>\\d+ {source}))", re.I)
        fast = firstchar.guarded(f"(?<!\\w)(?:(?P<w>{source})|(?P<n>\\d+ {source}))", re.I)
        text = " ".join(words) + " " + " , ".join(w.upper() + "s" for w in words) + " 3 " + "-".join(words)
        for pos in range(len(text)):
            a, b = plain.match(text, pos), fast.match(text, pos)
            assert (a and (a.span(), a.lastgroup)) == (b and (b.span(), b.lastgroup)), (name, text[pos:pos + 20])


def test_a_word_list_alternation_matches_as_one_guard_after_each_word():
    """lexicon.alternation puts one (?!\\w) after a run of words ending in a letter or digit
    (a shorter regex to compile): the same matches as a (?!\\w) after each of them."""
    from kerryview.timex.lexicon import alternation, lexicon, table

    def one_guard_each(words) -> str:
        parts = []
        for w in sorted(set(words), key=lambda s: (-len(s), s)):
            pat = r"\s+".join(re.escape(piece) for piece in w.split())
            pat = pat.replace(r"\-", "[-\\s]?") if "-" in w else pat
            if w[-1] == "." and w[-2:-1].isalpha():  # "Jan . 6", tokenised (ECB+)
                pat = pat[:-2] + r"(?:\.|\s\.(?=\s+\d))"
            parts.append(pat + r"(?!\w)" if w[-1].isalnum() else pat)
        return "(?:" + "|".join(parts) + ")"

    assert (alternation(["sept", "sept.", "september", "may"])
            == r"(?:september(?!\w)|sept(?:\.|\s\.(?=\s+\d))|(?:sept|may)(?!\w))")
    for name in lexicon():
        words = [w for w in table(name) if isinstance(w, str) and w]
        if not words:
            continue
        ours, each = (re.compile(f"(?:{a})(?: (?P<n>\\d+))?", re.I) for a in (alternation(words), one_guard_each(words)))
        text = " ".join(words) + " " + " , ".join(w.upper() + "s 5" for w in words) + " 3 " + "-".join(words)
        for pos in range(len(text)):
            a, b = ours.match(text, pos), each.match(text, pos)
            assert (a and (a.span(), a.group("n"))) == (b and (b.span(), b.group("n"))), (name, text[pos:pos + 20])
