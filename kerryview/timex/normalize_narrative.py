"""Normalizers of expressions that count from the story's day: "that afternoon", "the next
morning", "the same night". Kept apart from the calendar normalizers because they only make
sense against a mentioned day (anchor.op_time_ref finds it; in a history, the story's day).
"""
from __future__ import annotations

from .context import direction
from .lexicon import lookup
from .pending import Groups, Options, Pending, normalizer


@normalizer("story_pod")
def _story_pod(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    """"that night" is the part of the day last mentioned; "the next morning", "the following
    evening" of the day after it, "the previous night" of the day before (a TIME, TimeML TNI)."""
    pod = lookup("part_of_day", g["pod"])
    if pod is None or not pod.isalpha():
        return None
    n = direction(text[start:end].lower())
    return Pending(start, end, "TIME", op="time_ref", args={"suffix": "T" + pod, "n": n})
