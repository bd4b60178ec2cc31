"""Recognition phase: scan the text once with the compiled grammar and normalize each match.

One left-to-right `search` loop over one big regex keeps the tagger linear in the text size;
when a normalizer rejects a match (e.g. "May" the verb) the scan resumes one character later,
so a shorter rule may still fire there.
"""
from __future__ import annotations

from .grammar import compiled
from .normalize import NORMALIZERS, Pending


def recognize(text: str) -> list[Pending]:
    """Sorted, non-overlapping candidates with underspecified values."""
    regex, rules = compiled()
    out: list[Pending] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = regex.search(text, pos)
        if m is None:
            break
        rule = rules[m.lastgroup]
        groups = {short: v for full, short in rule.groups if (v := m.group(full)) is not None}
        start, end = m.span()
        try:
            pending = NORMALIZERS[rule.kind](groups, text, start, end, rule.name)
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError):
            pending = None
        if pending is None or pending.value is None and pending.op is None:
            pos = start + 1
            continue
        out.append(pending)
        pos = end if end > start else start + 1
    return out
