"""Labels that read like a headline: who did what, never a clause fragment ("Than originally
planned"), never a number cut in half ("000 employees" of "5,000"), and never ending in "…" when
a shorter complete label exists. The word lists are data (data/lead_rules.json)."""
from __future__ import annotations

import re

from kerryview.text.wordlists import event_lists

LEAD_RULES = "lead_rules.json"
MAX_LABEL_CHARS = 110
MIN_COMPLETE_WORDS = 4  # a label shortened at a clause break keeps at least this many words
# A comma that ends a clause, not one inside a number ("5,000", "1,461").
CLAUSE_COMMA = r"(?<!\d),|,(?!\d)"
# Where a long label may end complete: a clause break, a dash between words, a conjunction.
_COMPLETE_END = re.compile(r"\s*(?:[,;:]|\s[-–—]\s|\s(?:and|but|while|as|after|before|which|who)\s)")


def fragment_starts() -> frozenset[str]:
    return event_lists(LEAD_RULES)["fragment_starts"]


def is_fragment(label: str, conjunctions: frozenset[str] = frozenset()) -> bool:
    """Whether a label begins like the tail of a clause ("than originally planned", "maybe
    eliminated in favour of", "more than expected", "but was forced to ...") rather than with
    who did what; a leading word of `conjunctions` (dropped from labels) is looked past."""
    words = label.lower().split()
    if words and words[0] in conjunctions:
        words = words[1:]
    if not words:
        return True
    starts = fragment_starts()
    if words[0].strip(",;:") in starts:
        return True
    quantity = len(words) > 2 and words[2][:1] in "0123456789$£€"  # "more than 500 vessels"
    return len(words) > 1 and f"{words[0]} {words[1]}" in starts and not quantity


def cut_number(text: str, start: int) -> bool:
    """Whether a label starting at `start` cuts a number in half ("5,|000", "3.|5 million") or
    a clock time ("2:|36 pm")."""
    return 0 < start < len(text) and text[start - 1] in ",.:" and start >= 2 \
        and text[start - 2].isdigit() and text[start].isdigit()


def shorten(label: str, limit: int = MAX_LABEL_CHARS, keep_words: int = 0) -> str:
    """`label` within `limit` characters: cut at the last clause break that keeps a complete
    label (at least its first `keep_words` words: who and the event words), else at a word
    with "…"."""
    if len(label) <= limit:
        return label
    head = label[:limit]
    ends = [m.start() for m in _COMPLETE_END.finditer(head)
            if len(head[:m.start()].split()) >= max(MIN_COMPLETE_WORDS, keep_words)]
    if ends:
        return head[:ends[-1]].rstrip(" ,;:-–—")
    return head.rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def headline_label(line: str) -> str:
    """A headline as a label: its words as written, within the length of a label."""
    label = " ".join(line.split()).strip(" ,;:.")
    return shorten(label)
