"""Extraction phase: turn one grammar match into a `Pending` timex with an underspecified value.

Each rule kind of rules/rules.tsv has a normalizer, registered in `NORMALIZERS` by the
modules imported here (calendar expressions; durations, sets and vague references; parts of
the story's day). A
normalizer reads the named groups, checks the context where a word is ambiguous and returns a
final value or an operation for the resolver. It never looks at the DCT.
"""
from __future__ import annotations

from . import normalize_amounts, normalize_calendar, normalize_narrative  # noqa: F401  (they register the normalizers)
from .pending import NORMALIZERS, OPTIONS, Pending

__all__ = ["NORMALIZERS", "OPTIONS", "Pending"]
