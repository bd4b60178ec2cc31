"""Temporal tagger: find TimeML TIMEX3 expressions in news English and normalize them.

    tag(text, dct) -> list[Timex]

Three phases, one module each: `recognize` (one compiled regex built from the grammar and
word lists in rules/), `normalize` (underspecified values per rule kind), `resolve` (document
date + tense + last mentioned date). See rules/rules.tsv for the grammar, rules/negatives.tsv for what it must not tag.
"""
from __future__ import annotations

from datetime import date, datetime

from kerryview.model import Timex

from .recognize import recognize
from .anchor import resolve

__all__ = ["tag"]


def tag(text: str, dct: date | None = None) -> list[Timex]:
    """Time expressions of `text`, sorted and non-overlapping, resolved against `dct`."""
    if isinstance(dct, datetime):
        dct = dct.date()
    return resolve(text, recognize(text), dct)
