"""Sentence spans, so a passage can be shown exactly as it stands in the article.

A small rule-based splitter: a sentence ends at . ! or ? (with any closing quotes) followed by
white space and an upper-case letter, a digit or an opening quote, or at a blank line / line
break, unless the word before the period is a known abbreviation ("Nov.", "U.S.") or an
initial ("J. Smith").
"""
from __future__ import annotations

import re

from kerryview.text.wordlists import abbreviations

_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|\n\s*""")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trimmed of surrounding white space."""
    spans: list[tuple[int, int]] = []
    start = 0
    abbrev = abbreviations()
    for m in _BOUNDARY.finditer(text):
        if m.group().startswith((".",)) and "\n" not in m.group():
            w = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
            word = w.group(1).lower().rstrip(".") if w else ""
            if word in abbrev or (len(word) == 1 and word.isalpha()):
                continue
        _add(text, start, m.end(), spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        spans.append((a, b))
