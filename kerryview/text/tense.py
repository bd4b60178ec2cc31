"""Guess the tense of the clause around a time expression, from nearby verbs and auxiliaries.

HeidelTime uses POS tags; we use cue words (word lists in lexicon.json) and the -ed suffix,
taking the cue nearest to the expression within its sentence. Good enough to decide whether
"Friday" is the last or the next one.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kerryview.text.wordlists import abbreviations
from kerryview.timex.lexicon import table

_WORD = re.compile(r"[A-Za-z']+")
_BOUNDARY = re.compile(r"(?<=[a-z0-9)]{2}[.!?;])\s+|\n\s*\n|[\"“”]")


@lru_cache(maxsize=1)
def _cues() -> tuple[dict[str, str], dict[str, str]]:
    """Single-word cues and two-word cues -> "past" | "future" | "present"."""
    single: dict[str, str] = {}
    double: dict[str, str] = {}
    for name, tense in (("present_cue", "present"), ("past_cue", "past"), ("future_cue", "future")):
        for w in table(name):
            (double if " " in w else single)[w] = tense
    return single, double


_PLAN_WORDS = {"scheduled", "due", "expected", "set", "planned", "supposed", "slated"}
_PAST_AUX = {"had", "been", "was", "were", "previously", "originally"}
_ADJ_BEFORE = {"a", "an", "the", "still", "its", "their", "his", "her", "our", "this", "that", "these", "those",
               "newly", "recently", "previously", "already", "yet", "as", "unexpected", "very", "more", "most"}
_REPORTING = {"said", "says", "say", "told", "tells", "announced", "reported", "added", "noted", "stated"}


_WORD_BEFORE_DOT = re.compile(r"([\w.]+)\.$")


def _boundaries(s: str):
    """Sentence/clause boundaries in `s`, except after abbreviations ("Roe vs. Wade", "Ala.")."""
    abbrev = abbreviations()
    for m in _BOUNDARY.finditer(s):
        w = _WORD_BEFORE_DOT.search(s, 0, m.start())
        if w is not None and w.group(1).lower() in abbrev:
            continue
        yield m


def _classify(words: list[str], i: int, reporting: bool = True) -> str | None:
    single, double = _cues()
    w = words[i]
    if not reporting and w in _REPORTING:
        return None
    if w in _PLAN_WORDS and i >= 1 and (words[i - 1] in _PAST_AUX or i >= 2 and words[i - 2] in _PAST_AUX):
        return "past"  # "had been scheduled to expire Friday": the plan is in the past
    if i + 1 < len(words):
        two = f"{w} {words[i + 1]}"
        if two in double:
            return double[two]
    if w in single:
        return single[w]
    if w.endswith("'ll"):
        return "future"
    if len(w) > 4 and w.endswith("ed") and not w.endswith("eed"):  # not "succeed", "exceed"
        if i >= 1 and words[i - 1] in _ADJ_BEFORE:
            return None  # "a still unspecified date", "the proposed merger": an adjective, not a verb
        return "past"
    return None


def tense(text: str, start: int, end: int, reporting: bool = True) -> str | None:
    """"past", "future", "present" or None for the sentence around text[start:end].

    reporting=False ignores reporting verbs ("..., he said"): their tense is that of the
    report, not of the event, which matters when choosing the year of "Dec. 15"."""
    left = text[max(0, start - 160):start]
    cut = None
    for cut in _boundaries(left):
        pass
    if cut is not None:
        left = left[cut.end():]
    right = text[end:end + 200]
    stop = next(_boundaries(right), None)
    if stop:
        right = right[:stop.start()]
    lw = [w.lower() for w in _WORD.findall(left)]
    rw = [w.lower() for w in _WORD.findall(right)]
    found_left = None
    for i in range(len(lw) - 1, -1, -1):
        t = _classify(lw, i, reporting)
        if t is None:
            continue
        # a participle after a bare "be"/"have" belongs to the modal before it: "will be held"
        if t == "past" and i >= 2 and lw[i - 1] in ("be", "have") and (
                _classify(lw, i - 2, reporting) == "future"
                or i >= 3 and _classify(lw, i - 3, reporting) == "future"):  # "going to be left"
            t = "future"
        found_left = t
        break
    found_right = next((t for i in range(len(rw)) if (t := _classify(rw, i, reporting))), None)
    return found_left or found_right
