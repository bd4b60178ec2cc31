"""Which way a clause points in time: told as past, announced as future, or unknown.

Only used to judge candidate publication dates: a past-tense report must not lie after the
publication date, a scheduled one must not lie before it.
"""
from __future__ import annotations

import re

from kerryview.text.wordlists import cues

_WORD = re.compile(r"[a-z][a-z'’-]*")


def clause_tense(clause: str) -> str | None:
    """'future', 'past' or None."""
    low = clause.lower()
    c = cues()
    for cue in c["scheduled_cues"]:
        if re.search(rf"\b{re.escape(cue)}\b", low):
            return "future"
    for w in _WORD.findall(low):
        if w in c["irregular_past"] or (len(w) > 4 and w.endswith("ed")
                                        and w not in c["not_events"]):
            return "past"
    return None
