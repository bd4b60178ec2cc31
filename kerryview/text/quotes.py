"""Quotation marks: the one reading of one, and the patterns built from it.

A quotation is set off by double marks: straight ("), curly (“ ”), or the doubled `` and ''
that wire copy (and the TimeBank/AQUAINT texts) write for them. A curly or `` mark opens by its
shape, a ” or '' mark closes by its shape; a straight mark may do either. Single marks (' ‘ ’)
are apostrophes as often as quotation marks, so they are no quotation mark here.
"""

from __future__ import annotations

import re

STRAIGHT = '"'
OPENING = ("“", "``")  # open a quotation by their shape
CLOSING = ("”", "''")  # close one by their shape
MARKS = (STRAIGHT, *OPENING, *CLOSING)

# the one-character marks, to stand in a character class ("[^...]") or be stripped
CHARS = "".join(m for m in MARKS if len(m) == 1)
# the doubled marks of wire copy, which no character class can hold
DOUBLED = "|".join(re.escape(m) for m in MARKS if len(m) > 1)
# a mark that may open a quotation, and one that may close it
OPEN = "(?:" + "|".join(re.escape(m) for m in (STRAIGHT, *OPENING)) + ")"
CLOSE = "(?:" + "|".join(re.escape(m) for m in (STRAIGHT, *CLOSING)) + ")"

QUOTE_MARKS = re.compile("|".join(re.escape(m) for m in sorted(MARKS, key=len, reverse=True)))


def opens_with_mark(text: str, at: int = 0) -> bool:
    """Whether text[at:] starts with a mark that may open a quotation ('"', '“', '``')."""
    return text.startswith((STRAIGHT, *OPENING), at)
