"""The output of the extraction phase and the registry of normalizers.

A normalizer (see normalize_calendar.py, normalize_amounts.py) turns one grammar match into a
`Pending` timex: either a final value (absolute dates, durations, sets, PRESENT_REF) or an
operation for the resolver (`op` + `args`): "md" (month-day without year), "weekday",
"shift" (n units from the document date or from the last mentioned date), ...
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass(slots=True)
class Pending:
    """A recognized expression whose value may still need the resolver."""

    start: int
    end: int
    type: str
    value: str | None = None
    op: str | None = None
    args: dict[str, Any] = field(default_factory=dict)
    mod: str | None = None
    freq: str | None = None
    quant: str | None = None
    rule: str = ""  # the rules.tsv line that matched (for tests and debugging)


Groups = dict[str, str]
Options = frozenset[str]  # the options of a rule, written after its kind in rules.tsv ("month standalone")
Normalizer = Callable[[Groups, str, int, int, Options], "Pending | None"]
NORMALIZERS: dict[str, Normalizer] = {}
OPTIONS: dict[str, Options] = {}  # kind -> the options its normalizer understands


def normalizer(kind: str, options: tuple[str, ...] = ()) -> Callable[[Normalizer], Normalizer]:
    """Register a normalizer for rules of `kind`; `options` are the flags that rules may give it."""
    def register(fn: Normalizer) -> Normalizer:
        NORMALIZERS[kind] = fn
        OPTIONS[kind] = frozenset(options)
        return fn
    return register
