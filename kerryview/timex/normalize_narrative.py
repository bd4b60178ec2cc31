"""Normalizers of expressions that count from the story's day: "that afternoon", "the next
morning", "the same night". Kept apart from the calendar normalizers because they only make
sense against a mentioned day (anchor.op_time_ref finds it; in a history, the story's day).
"""
from __future__ import annotations

import re

from .context import direction, pos_mod
from .lexicon import lookup, table
from .pending import Groups, Options, Pending, normalizer
from .scene import of_phrase_end


@normalizer("story_pod")
def _story_pod(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    """"that night" is the part of the day last mentioned; "the next morning", "the following
    evening" of the day after it, "the previous night" of the day before (a TIME, TimeML TNI)."""
    pod = lookup("part_of_day", g["pod"])
    if pod is None or not pod.isalpha():
        return None
    n = direction(text[start:end].lower())
    # "late that night", "early the next morning": the position is a mod, as in "later that day"
    return Pending(start, end, "TIME", op="time_ref", args={"suffix": "T" + pod, "n": n}, mod=pos_mod(g.get("pos")))


_WORD_BEFORE = re.compile(r"(\w+)\s+$")


@normalizer("time_anaphor")
def _time_anaphor(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    """"by this time", "around the same time", "during that time": after a temporal
    preposition the phrase names the time last narrated (TimeML tags it, valued from that
    date). Without one it is an occasion ("this time she is the boss") or a connective ("at
    the same time, costs rose"): not tagged."""
    m = _WORD_BEFORE.search(text, max(0, start - 20), start)
    if m is None or m.group(1).lower() not in table("time_anaphor_preposition"):
        return None
    return Pending(start, end, "DATE", op="time_anaphor", args={"this": text[start:end].lower().startswith("this")})


_SET_OFF_BEFORE = re.compile(r"\w\.?\s*(?:,|[-–—])\s*$")


@normalizer("day_of_event")
def _day_of_event(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    """"1 July 1916, the first day of the Battle of the Somme", "2 December, the first
    anniversary of his coronation": a day named by what happened on it, set off after the date
    it names (anchor.resolve gives it that date's value, with the "of" phrase it governs:
    scene.of_phrase_end). Elsewhere ("on the first day of the battle") it is not tagged."""
    if _SET_OFF_BEFORE.search(text, max(0, start - 6), start) is None:
        return None
    phrase_end = of_phrase_end(text, end)
    if phrase_end is None:
        return None
    return Pending(start, phrase_end, "DATE", op="same_day")


_AND_AGE = re.compile(r"\s+and\s+age\b", re.I)
_OF_AFTER = re.compile(r"\s+of\b", re.I)
_AS_AFTER = re.compile(r"\s+as\b", re.I)  # "referred to this day as ...": the day is named, no "until"


@normalizer("story_day")
def _story_this_day(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    """"this day", "this date", "that date", "the same date" in a history: the story's day
    ("On 8 August 1918 ... Ludendorff referred to this day as the Black Day"; WikiWars, after
    TIMEX2, values it as that day: anchor.Resolver.op_history_day). Not the writer's present
    ("to this day", "until this date": rules/narrative.json this_day_present_before; but
    "referred to this day as" names the day), nor "in
    this day and age", nor a kind of date ("gave the same date of birth")."""
    m = _WORD_BEFORE.search(text, max(0, start - 20), start)
    if m is not None and m.group(1).lower() in table("this_day_present_before") and not _AS_AFTER.match(text, end):
        return None  # "to this day", but not "referred to this day as the Black Day"
    if _AND_AGE.match(text, end) or _OF_AFTER.match(text, end):
        return None  # "in this day and age"; "the same date of birth" is a kind of date, no day
    return Pending(start, end, "DATE", op="history_day")
