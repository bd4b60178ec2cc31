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
Normalizer = Callable[[Groups, str, int, int, str], "Pending | None"]
NORMALIZERS: dict[str, Normalizer] = {}


def normalizer(kind: str) -> Callable[[Normalizer], Normalizer]:
    def register(fn: Normalizer) -> Normalizer:
        NORMALIZERS[kind] = fn
        return fn
    return register
