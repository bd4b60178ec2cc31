"""First-character guards for the recognizer's one big alternation (speed only, same matches).

`re` tries the ~80 rules of the grammar one after another at every candidate start, and a
rule whose first word list does not fit still walks into that list word by word: most of the
tagger's time. Each rule can only start with a few characters ("the ...", "{month} ...",
digits), so we read them off the parsed pattern and put a one-character lookahead
`(?=[...])` in front of each alternative: a rule that cannot start here is skipped after one
character test. The lookahead only admits what the rule's own first element admits (both are
matched under the same IGNORECASE folding), so the matches are exactly those of the
unguarded regex.

Inside the rules, `re` tries the words of a list ("{month}": january|february|...) one after
another; under IGNORECASE it enters each word to compare its first letter, which is most of
the remaining work. `_fast_branches` makes each such word start with a case-sensitive set of
the characters its first letter matches ("[jJ]anuary"), which `re` tests without entering the
word, and words with the same first characters share the test of them; an optional group
"(?:the )?" becomes "(?:the |)", which `re` runs without copying the marks of hundreds of
capturing groups each time: again the same matches.

This reads `re`'s parse tree (`re._parser`, the module behind `re.compile`): the pattern is
parsed once, guarded, and compiled from the tree, so start-up is not slowed by a second
parse. If that private API ever changes, `guarded` falls back to the plain `re.compile`.
"""
from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _compiler as _sre_compile, _constants as _sre_c, _parser as _sre_parse
except ImportError:  # pragma: no cover - older layouts
    _sre_compile = _sre_c = _sre_parse = None

_ANY = None  # a first set that admits any character: no guard
_MAX_GUARD = 200  # characters; a rule that may start with more gets no guard


def _first_seq(items) -> tuple[set[str] | None, bool]:
    """Characters a sequence of parse items can start with, and whether it can match empty."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _first_item(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _first_item(op, av) -> tuple[set[str] | None, bool]:
    c = _sre_c
    if op is c.LITERAL:
        return {chr(av)}, False
    if op is c.IN:
        chars: set[str] = set()
        for o, a in av:
            if o is c.LITERAL:
                chars.add(chr(a))
            elif o is c.RANGE and a[1] - a[0] <= _MAX_GUARD:
                chars.update(chr(x) for x in range(a[0], a[1] + 1))
            elif o is c.CATEGORY and a in (c.CATEGORY_DIGIT, c.CATEGORY_SPACE):
                chars.add(a)  # \d, \s: the guard tests the same category
            else:
                return None, False
        return chars, False
    if op is c.SUBPATTERN:
        return _first_seq(av[3])
    if op is c.ATOMIC_GROUP:
        return _first_seq(av)
    if op is c.BRANCH:
        chars, nullable = set(), False
        for alt in av[1]:
            f, n = _first_seq(alt)
            if f is None:
                return None, False
            chars |= f
            nullable = nullable or n
        return chars, nullable
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        f, n = _first_seq(av[2])
        return (None, False) if f is None else (f, n or av[0] == 0)
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True  # zero width: constrains, never consumes
    return None, False


def first_chars(items) -> frozenset | None:
    """The characters a match of parsed pattern `items` can start with (before case folding;
    `\\d` and `\\s` as their category codes), or None when that is not a short list (the
    pattern may match empty, or start with any letter)."""
    chars, nullable = _first_seq(items)
    if chars is None or nullable or not chars or len(chars) > _MAX_GUARD:
        return None
    return frozenset(chars)


def _guard_item(ch):
    return (_sre_c.LITERAL, ord(ch)) if isinstance(ch, str) else (_sre_c.CATEGORY, ch)


# What an ASCII letter matches under IGNORECASE besides its two cases (Python 3.11 `re`,
# Unicode patterns: "i" also matches "İ" and "ı", "k" the Kelvin sign, "s" the long s);
# tests/test_timex_firstchar.py checks the table against every code point.
_FOLDS_EXTRA = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def letter_class(letter: str) -> list[str]:
    """Every character that `letter` (ASCII) matches under IGNORECASE."""
    low = letter.lower()
    return [low, low.upper(), *_FOLDS_EXTRA.get(low, "")]


def _fast_branches(items, ignorecase: bool) -> None:
    """Three rewrites of the parse tree (outside lookbehinds) that keep every match as it is:

    - the alternatives of an alternation that start with the same character are merged, as
      in a trie (`_shared_first_letters`): "the end of|the start of" tests "the " once;
    - an alternative that starts with an ASCII letter under IGNORECASE starts instead with a
      case-sensitive set of every character that letter matches ("j" -> [jJ]): `re` then
      skips a failing alternative after one test of that character (its BRANCH has a fast
      path for a first LITERAL or IN, none for the case-folding ones) where it used to enter
      it. Most of the grammar's work is trying the words of its lists one by one.
    - an optional group "(?:the )?" becomes the alternation "(?:the |)", which tries the same
      two things in the same order. `re` runs the first as a REPEAT, which copies the marks
      of every capturing group numbered so far each time it is entered; in the one regex of
      ~90 rules that is hundreds of groups, and it made a rule near the end of the grammar
      several times slower than the same rule alone."""
    c = _sre_c
    data = items.data
    for k, (op, av) in enumerate(data):
        if op is c.LITERAL or op is c.IN:  # most items: nothing inside
            continue
        if op is c.MAX_REPEAT and av[0] == 0 and av[1] == 1 and not _sre_compile._simple(av[2]):
            op, av = c.BRANCH, (None, [av[2], _sre_parse.SubPattern(av[2].state, [])])
            data[k] = (op, av)
        if op is c.BRANCH:
            alts = av[1]
            if ignorecase:
                alts = _shared_first_letters(alts)
                data[k] = (op, (None, alts))
            for alt in alts:
                first = alt.data[0] if ignorecase and alt.data else None
                if first is not None and first[0] is c.LITERAL and first[1] in _LETTER_SETS:
                    alt.data[0] = _LETTER_SETS[first[1]]
                _fast_branches(alt, ignorecase)
        elif op is c.SUBPATTERN:
            _, add, delete, sub = av
            _fast_branches(sub, (ignorecase or bool(add & c.SRE_FLAG_IGNORECASE)) and not delete & c.SRE_FLAG_IGNORECASE)
        elif op in _REPEATS:
            _fast_branches(av[2], ignorecase)
        elif op is c.ATOMIC_GROUP:
            _fast_branches(av, ignorecase)
        elif op in (c.ASSERT, c.ASSERT_NOT) and av[0] == 1:  # lookaheads only
            _fast_branches(av[1], ignorecase)
        elif op is c.GROUPREF_EXISTS:
            for sub in av[1:]:
                if sub is not None:
                    _fast_branches(sub, ignorecase)


def _shared_first_letters(alts: list) -> list:
    """The alternatives of an alternation (under IGNORECASE) with those that start with the same
    ASCII character merged into one that tests that character once: "the end of|the start
    of|then" -> "th(?:e end of|e start of|en)", recursively, like a trie. Only alternatives
    in a run of alternatives that all start with an ASCII character are moved, and only past
    ones that start with another character (they can never both match at one place, so their
    order does not matter); those with the same first character keep their order."""
    literal = _sre_c.LITERAL
    keys = []
    for alt in alts:
        d = alt.data
        keys.append(_FOLD[d[0][1]] if d and d[0][0] is literal and d[0][1] < 128 else None)
    named = [k for k in keys if k is not None]
    if len(set(named)) == len(named):
        return alts  # no two start with the same character (most alternations)
    out: list = []
    run: dict[str, list] = {}
    for alt, key in zip(alts, keys):
        if key is None:
            out.extend(group[0] if len(group) == 1 else _merged(group) for group in run.values())
            run.clear()
            out.append(alt)
        else:
            run.setdefault(key, []).append(alt)
    out.extend(group[0] if len(group) == 1 else _merged(group) for group in run.values())
    return out


def _merged(group: list):
    """One alternative for alternatives that start with the same (case-folded) ASCII character."""
    state = group[0].state
    head = [group[0].data[0]]
    tails = [alt.data[1:] for alt in group]
    # the characters all of them share after it ("the end of|the start of": "the ")
    while all(tails) and all(t[0] == tails[0][0] and t[0][0] is _sre_c.LITERAL for t in tails):
        head.append(tails[0][0])
        tails = [t[1:] for t in tails]
    branch = _shared_first_letters([_sre_parse.SubPattern(state, t) for t in tails])
    return _sre_parse.SubPattern(state, head + [(_sre_c.BRANCH, (None, branch))])


if _sre_parse is not None:
    _REPEATS = (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT, getattr(_sre_c, "POSSESSIVE_REPEAT", None))
    _FOLD = [chr(i).lower() for i in range(128)]
    # "j" -> (?-i:[jJ]) for the letters whose IGNORECASE set is their two cases ("i", "k" and
    # "s" match more, and `re` builds a set with those slowly, ~0.1 ms each): one item for all
    _LETTER_SETS = {
        ord(ch): (_sre_c.SUBPATTERN, (None, 0, _sre_c.SRE_FLAG_IGNORECASE, _sre_parse.SubPattern(
            _sre_parse.State(), [(_sre_c.IN, [(_sre_c.LITERAL, ord(x)) for x in letter_class(ch)])])))
        for ch in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" if len(letter_class(ch)) == 2}


def guarded(source: str, flags: int) -> re.Pattern[str]:
    """`re.compile(source, flags)` where every alternative of the top-level alternation that
    can only start with a few characters is preceded by a lookahead for them."""
    tree = guarded_tree(source, flags)
    if tree is None:
        return re.compile(source, flags)
    try:
        return _sre_compile.compile(tree, int(flags))
    except Exception:  # noqa: BLE001 - a private API changed: the plain regex is correct, only slower
        return re.compile(source, flags)


def guarded_tree(source: str, flags: int):
    """The parse tree that `guarded` compiles (`re._parser`'s), or None if `re`'s private API
    is not the one this module reads (then `re.compile(source, flags)` is the regex)."""
    if _sre_parse is None:
        return None
    try:
        flags = int(flags)  # as re.compile passes them: RegexFlag operators are slow Python code
        tree = _sre_parse.parse(source, flags)
        branch = next(av for op, av in tree if op is _sre_c.BRANCH)
        for alt in branch[1]:
            chars = first_chars(alt)
            if chars is not None:
                test = _sre_parse.SubPattern(alt.state, [(_sre_c.IN, [_guard_item(ch) for ch in sorted(chars, key=str)])])
                alt.data.insert(0, (_sre_c.ASSERT, (1, test)))
        if flags & re.IGNORECASE and not flags & (re.ASCII | re.LOCALE):
            _fast_branches(tree, True)
        return tree
    except Exception:  # noqa: BLE001 - a private API changed: the plain regex is correct, only slower
        return None
