"""Sentence spans, so a passage can be shown exactly as it stands in the article.

A small rule-based splitter: a sentence ends at . ! or ? (with any closing quotes) followed by
white space and an upper-case letter, a digit or an opening quote, or at a blank line / line
break, unless the word before the period is a known abbreviation ("Nov.", "U.S.") or an
initial ("J. Smith"). A chronology's entry headed by a year or a clock and a colon starts a sentence
even when the page lost the line break before it ("... to impede the US invasion | 1979: 140m
gallons were spilt ..."): after a word in lower case that is no function word ("in 1979: ..." and
"4 Aug 1946: ..." go on), and only when another such heading stands in its line or the line
before or after it (a chronology has several: "the budget for fiscal 2010: Revenue fell" goes on).

A "sentence" is at most MAX_SENTENCE_CHARS long: text with no sentence ends (a run-on page, a
list joined by commas) is cut at the last clause break before that length. Every passage built
on a sentence (event words, labels, context bags) then costs the same wherever it is, and the
work on an article grows with its length, not with its length squared.
"""
from __future__ import annotations

import re

from kerryview.text.wordlists import abbreviations, stopwords

MAX_SENTENCE_CHARS = 2000  # longer than any sentence of 2,626 real news articles (at most 1,666)
_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|\n\s*|(?<=[a-z]) (?=\d{4}: +["“]?[A-Z0-9])""")
_RUN_ON_HEADING = " "  # the boundary before a year's or a clock's entry heading run into the text
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trimmed of surrounding white space."""
    spans: list[tuple[int, int]] = []
    start = 0
    abbrev = abbreviations()
    for m in _BOUNDARY.finditer(text):
        if m.group() == _RUN_ON_HEADING:
            w = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
            if w is None or not w.group(1)[:1].islower() or w.group(1) in stopwords() \
                    or not _another_heading(text, m.end()):
                continue  # "since 2004: ...", "was 1991: ...": the year goes with its clause;
                # "4 Aug 1946: ...": with its date; "the budget for fiscal 2010: Revenue fell":
                # one heading alone is no chronology
        elif m.group().startswith((".",)) and "\n" not in m.group():
            w = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
            word = w.group(1).lower().rstrip(".") if w else ""
            if word in abbrev or (len(word) == 1 and word.isalpha()):
                continue
        _add(text, start, m.end(), spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


_HEADING = re.compile(r"(?:^|(?<=\s))\d{4}: +[\"“]?[A-Z0-9]", re.M)


def _another_heading(text: str, at: int) -> bool:
    """Whether the year's or clock's entry heading at `at` has another in its line or at the
    start of the line before or after it: a chronology lists several ("... invasion 1979: 140m
    gallons ... 1989: 11m gallons"), a sentence names one year ("flight 1549: The pilots")."""
    a = text.rfind("\n", 0, at)
    a = text.rfind("\n", 0, a) + 1 if a > 0 else 0  # the line before, from its start
    b = text.find("\n", at)
    b = len(text) if b < 0 else text.find("\n", b + 1)  # the line after, to its end
    b = len(text) if b < 0 else b
    return sum(1 for h in _HEADING.finditer(text, a, b) if h.start() != at) >= 1


def _add(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    while b - a > MAX_SENTENCE_CHARS:
        cut = _cut(text, a, a + MAX_SENTENCE_CHARS)
        _add(text, a, cut, spans)
        a = cut
        while a < b and text[a].isspace():
            a += 1
    if b > a:
        spans.append((a, b))


def _cut(text: str, a: int, limit: int) -> int:
    """Where to end an over-long sentence that starts at `a`: after the last clause break
    (", ", "; ", ": ") in its second half, else at the last white space, else at `limit`."""
    half = a + (limit - a) // 2
    for pattern in (r"[,;:]\s", r"\s"):
        last = None
        for m in re.finditer(pattern, text[half:limit]):
            last = m
        if last is not None:
            return half + last.start() + (1 if pattern != r"\s" else 0)
    return limit


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_LINE_END = re.compile(r"""[.!?:]["'”’)\]]*[^\S\n]*$""")


def paragraph_break(text: str, start: int, end: int) -> bool:
    """A new paragraph begins between text[start] and text[end]: at a blank line, or at a line
    break after a line that holds more than one sentence (a paragraph written as one line, as
    Wikipedia copy is) or that ends without a sentence's end (a heading). A line break after a
    line of one sentence is not one: web copy often puts one sentence a line."""
    if "\n" not in text[start:end]:
        return False
    if _BLANK_LINE.search(text, start, end):
        return True
    nl = text.find("\n", start, end)
    while nl >= 0:
        line_start = text.rfind("\n", 0, nl) + 1
        line = text[line_start:nl]
        if line.strip() and (_LINE_END.search(line) is None or len(sentence_spans(line)) > 1):
            return True
        nl = text.find("\n", nl + 1, end)
    return False
