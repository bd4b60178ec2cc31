"""Negative rules: what looks like a time expression but is not ("USA Today", "Black Friday").

They live in rules/negatives.tsv, each with an example, and veto a match of the rules they
apply to before its normalizer runs, so the recognizer goes on to a shorter reading. Keeping
them as data (as HeidelTime does) puts every "not a date" decision where a linguist can read
it and a test can check it; the normalizers keep only the checks that compute something.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .grammar import macro_pattern, read_tsv

WINDOW = 30  # characters of context that `before` and `after` see


@dataclass(frozen=True, slots=True)
class Negative:
    """One line of negatives.tsv, its patterns compiled (None = no condition)."""

    name: str
    applies_to: tuple[str, ...]
    before: re.Pattern[str] | None
    span: re.Pattern[str] | None
    after: re.Pattern[str] | None
    example: str

    def vetoes(self, text: str, start: int, end: int) -> bool:
        """True if this negative rule rejects text[start:end] as a time expression."""
        return ((self.span is None or self.span.search(text[start:end]) is not None)
                and (self.before is None or self.before.search(text[max(0, start - WINDOW):start]) is not None)
                and (self.after is None or self.after.match(text[end:end + WINDOW]) is not None))


_MACRO = re.compile(r"\{(\w+)\}")


def _compile(pattern: str) -> re.Pattern[str] | None:
    if pattern == "-":
        return None
    return re.compile(_MACRO.sub(lambda m: macro_pattern(m.group(1)), pattern), re.I)


def _negative(row: list[str]) -> Negative:
    name, applies, before, span, after, example = row
    return Negative(name, tuple(a.strip() for a in applies.split(",")), _compile(before), _compile(span),
                    _compile(after), example)


def load_negatives() -> list[Negative]:
    """Every negative rule of rules/negatives.tsv, in file order."""
    return [_negative(row) for row in read_tsv("negatives.tsv", 6)]


@lru_cache(maxsize=1)
def _rows() -> tuple[list[str], ...]:
    return tuple(read_tsv("negatives.tsv", 6))


@lru_cache(maxsize=None)
def for_target(target: str) -> tuple[Negative, ...]:
    """The negative rules that apply to `target`, a rule's name or kind, in file order (cached
    per process). Their patterns are compiled when first asked for: a process that tags one
    text compiles only those of the rules that matched in it."""
    return tuple(_negative(row) for row in _rows()
                 for applies in row[1].split(",") if applies.strip() == target)
