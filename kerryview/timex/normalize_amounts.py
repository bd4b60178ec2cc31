"""Normalizers for amounts of time: durations ("nearly 12 hours"), sets ("every year", "weekly")
and vague references ("now", "recently").
"""
from __future__ import annotations

import re
from functools import lru_cache

from .context import approx_mod, duration_value, fmt_num, number, two_digit_year_pair, unit_code, word_after
from .lexicon import lookup, table
from .pending import Groups, Options, Pending, normalizer
from .scene import of_phrase_end

# "$5 a year", "$6m a day", "20% a year", "four flights a week", "700 seats a week", "358,000 a
# month", "19,000 barrels of oil a day": a rate, so a SET (but not "58,000 Americans over a
# decade" nor "the first two days of a week": a preposition opens a phrase of its own; "of" only
# inside a measure, "barrels of oil")
_RATE_NOUN = r"(?:\s+(?!(?:over|in|for|within|during|after|before|than|by|at|on|under|and|or|of)\b)[a-z]+(?:-[a-z]+)?)"
_MONEY_BEFORE = re.compile(
    r"(?:[$£€]\s?\d[\d,.]*(?:\s*(?:m|bn|k)\b|\s+(?:million|billion|trillion))?"
    r"|\d{1,3}(?:,\d{3})+"
    r"|(?:\d(?:[\d,.]*\d)?|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?)"
    r"(?:\s*(?:%|percent|per cent)"
    rf"|{_RATE_NOUN}{{0,2}}\s+of{_RATE_NOUN}{{1,2}}|{_RATE_NOUN}{{1,2}})"
    r"|\btimes)\s*$", re.I)


@lru_cache(maxsize=1)
def _modal_before() -> re.Pattern[str]:
    """A modal verb (maybe with an adverb) ending the text before "one day"."""
    return re.compile(r"\b(?:" + "|".join(table("modal")) + r")(?: \w+ly)?\s+$", re.I)


_NAME_AFTER = re.compile(r"['’]?\s+((?-i:[A-Z])[\w-]*)")


def _names_a_period_event(text: str, end: int) -> bool:
    """A capitalized war or event name follows: "the Seven Years War", "the Seven Days Battles"
    (word lists war_name_noun and period_event_noun of rules/narrative.json)."""
    m = _NAME_AFTER.match(text, end)
    return m is not None and (m.group(1).lower() in table("war_name_noun") or m.group(1).lower() in table("period_event_noun"))


def bare_hundred(g: Groups, text: str, end: int) -> bool:
    """The number is a bare "hundred" outside a name: "several hundred years" counts nothing
    (the name "the [Hundred Days] Offensive" does, as "the Seven Years War" does)."""
    num = g.get("num") or ""
    return num.lower() == "hundred" and not (num[0] == "H" and _names_a_period_event(text, end))


_CLAUSE_START = re.compile(r".*[.;:!?\n]", re.S)
_COUNT_WORD = re.compile(r"[\w-]+")


def _count_before(text: str, start: int) -> float | None:
    """The count that "as many" repeats: the nearest ordinal ("the second time in as many
    months"), number ("four albums in as many years") or "twice" before it in its clause, from
    two on."""
    window = text[max(0, start - 120):start]
    m = _CLAUSE_START.match(window)
    words = _COUNT_WORD.findall(window[m.end():] if m else window)
    for w in reversed(words):
        low = w.lower()
        n = lookup("day_ordinal", low)
        if n is None and re.fullmatch(r"\d+(?:st|nd|rd|th)", low):
            n = int(low[:-2])
        if n is None:
            n = lookup("frequency_word", low)  # "twice in as many days"
        if n is None and low not in ("a", "an", "one"):
            n = number(low)
        if n is not None:
            return float(n) if n >= 2 and n == int(n) else None
    return None


@normalizer("duration", ("range", "vague", "half", "plural", "part", "age", "after", "as_many"))
def _duration(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    low = " ".join(text[start:end].lower().split())
    if "as_many" in opts:  # "the second time in as many months": as many units as the count
        # before (two months); with no count, an unknown number of them
        uc = unit_code(g["unit"])
        if uc is None:
            return None
        n = _count_before(text, start)
        return Pending(start, end, "DURATION", value=duration_value(n * uc[1] if n else None, uc[0]))
    if "after" in opts:  # "the years following the First Punic War", "the years that followed": an
        # unknown stretch after or before what it names (WikiWars: PXY), with its object
        m = _THAT_FOLLOWED.match(text, end)
        phrase_end = m.end() if m is not None else of_phrase_end(text, end, _AFTER_WORD)
        uc = unit_code(g["unit"])
        if phrase_end is None or uc is None:
            return None
        return Pending(start, phrase_end, "DURATION", value=duration_value(None, uc[0]))
    if "age" in opts:  # "18 years old", "a 52-year-old doctor": the annotators of histories (WikiWars,
        # after TIMEX2) mark an age as a duration, news (TimeBank) never: anchor op_history_only
        uc, n = unit_code(g["unit"]), number(g.get("num"))
        if uc is None or n is None:
            return None
        return Pending(start, end, "DURATION", op="history_only", args={"value": duration_value(n * uc[1], uc[0])},
                       mod=approx_mod(g.get("approx")))
    if "part" in opts:  # "the first hour of the attack", "the last weeks of the war": a stretch of
        # one unit or some (TimeBank "the first hours" PTXH; a point is a day named: "on the last day")
        uc = unit_code(g["unit"])
        plural = g["unit"].lower().endswith("s")
        if uc is None or (uc[0] == "D" and not plural and re.search(r"\bon\s+$", text[max(0, start - 4):start])):
            return None
        return Pending(start, end, "DURATION", value=duration_value(None if plural else uc[1], uc[0]))
    if "half" in opts:
        value = lookup("half_unit", g["half"])
        return Pending(start, end, "DURATION", value=value, mod=approx_mod(g.get("approx")))
    if "plural" in opts:
        uc = unit_code(re.match(r"\w+", low).group())
        return Pending(start, end, "DURATION", value=duration_value(None, uc[0])) if uc else None
    uc = unit_code(g["unit"])
    if uc is None:
        return None
    unit, mult = uc
    numtxt = (g.get("num") or "").lower()
    if bare_hundred(g, text, end):
        return None
    if "vague" in opts:
        if (low.startswith("recent") or low.startswith("past")) and unit in ("Y", "D"):
            return Pending(start, end, "DATE", value="PAST_REF")
        if not g["unit"].lower().endswith("s"):
            return None
        return Pending(start, end, "DURATION", value=duration_value(None, unit))
    if numtxt in ("a", "an") and re.fullmatch(r"an? [a-z]+-(?:long|old)", low):
        # "a [month-long] rotation", "a [months-long] trek": the article is the noun's; a plural
        # unit is an unspecified number of them (TimeBank: "decades-long" PXY)
        start += re.match(r"an?\s+", text[start:end], re.I).end()
        plural = g["unit"].lower().endswith("s") and duration_value(None, unit) or None
        return Pending(start, end, "DURATION", value=plural or duration_value(mult, unit))
    if numtxt in ("a", "an") and unit in ("TS", "Q"):
        return None  # "a second round", "a quarter of the votes"
    if numtxt in ("a", "an") and _MONEY_BEFORE.search(text[max(0, start - 60):start]):
        return Pending(start, end, "SET", value=duration_value(1, unit), quant="EVERY")
    n = number(g.get("num")) if g.get("num") else None
    if g.get("vnum") and not g["unit"].lower().endswith("s"):
        return None
    if n is not None and 1000 <= n < 2100 and not g["unit"].lower().endswith("s"):
        return None  # "the 1988 quarter", "the 1999-00 season": a year, not 1988 quarters
    if n is not None:
        n *= mult
        if ("half" in low or " 1/2" in low) and g.get("num") and not low.startswith("half"):
            n += 0.5 * mult
        if n > 10000:
            return None
    if low == "one day" and _modal_before().search(text[max(0, start - 30):start]):
        # "Islam will one day be ...": some future day (FUTURE_REF); in a history, after TIMEX2,
        # a day of no known date (XXXX-XX-XX: anchor op_history_set)
        return Pending(start, end, "DATE", op="history_set", args={"value": "FUTURE_REF", "unit": "D"})
    if numtxt == "one" and unit == "D" and re.match(r"\s*(?:of|,)", text[end:end + 4]):
        return None  # "one day of ..." is a duration, but "one day, he ..." is vague; keep it simple
    if n is not None and 1000 <= n < 2100 and not g["unit"].lower().endswith("s"):
        return None  # "the 1988 quarter": a year, not 1988 quarters
    if low.startswith("the ") and _names_a_period_event(text, end):
        start += 4  # "the [Seven Years] War", "the [Seven Days] Battles": the article is the name's
    elif low.startswith("the ") and (re.search(r"\w-\w", low) or not g["unit"].lower().endswith("s")):
        start += 4 + len(text[start + 4:end]) - len(text[start + 4:end].lstrip())  # "the [30-day] period"
    value = duration_value(n, unit)
    if "range" in opts and two_digit_year_pair(text, start, end):
        return None  # "the 98-99 season": two years (rule yy_span), not 98 to 99 seasons
    if "range" in opts:  # "two to three weeks": TimeBank gives the lower bound
        return Pending(start, end, "DURATION", value=value, mod=approx_mod(g.get("approx")))
    if low.endswith(" or so"):
        return Pending(start, end, "DURATION", value=value, mod="APPROX")
    if n is not None and g.get("num2") and g.get("unit2"):
        uc2 = unit_code(g["unit2"])
        n2 = number(g["num2"])
        if uc2 and n2 is not None and not unit.startswith("T") and not uc2[0].startswith("T"):
            value += f"{fmt_num(n2 * uc2[1])}{uc2[0]}"
    mod = approx_mod(g.get("approx"))
    return Pending(start, end, "DURATION", value=value, mod=mod)


@normalizer("duration_past")
def _duration_past(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    uc = unit_code(g["unit"])
    if uc is None:
        return None
    n = number(g.get("num")) if g.get("num") else None
    if n is not None:
        n *= uc[1]
    approx = "APPROX" if text[start:end].lower().endswith(" or so") else None
    if re.match(r"(?:\w+ )?each of\b", " ".join(text[start:end].lower().split())):
        # "in each of the last three years": every year of the period, a SET in TimeML
        return Pending(start, end, "SET", value=duration_value(1, uc[0]), quant="EACH")
    return Pending(start, end, "DURATION", value=duration_value(n, uc[0]), mod=approx_mod(g.get("approx")) or approx)


_THAT_FOLLOWED = re.compile(r"\s+that\s+(?:followed|preceded)\b")
_AFTER_WORD = re.compile(r"\s+(?:following|preceding)\s+(?=[A-Za-z])")

_ONE_UNIT = re.compile(r"P1([DWMY])")  # a frequency adverb's period of one calendar unit


@normalizer("set", ("adverb", "times"))
def _set(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    low = " ".join(text[start:end].lower().split())
    if "adverb" in opts:
        value = lookup("set_adverb", low)
        m = _ONE_UNIT.fullmatch(value or "")
        if m is not None:  # "daily": P1D in news, XXXX-XX-XX in a history (anchor op_history_set)
            return Pending(start, end, "SET", op="history_set", args={"value": value, "unit": m.group(1)},
                           quant="EVERY")
        return Pending(start, end, "SET", value=value, quant="EVERY")
    if "times" in opts:
        uc = unit_code(g["unit"])
        f = lookup("frequency_word", g["freqword"]) if g.get("freqword") else number(g.get("num"))
        if uc is None or f is None:
            return None
        return Pending(start, end, "SET", value=duration_value(uc[1], uc[0]), freq=f"{fmt_num(f)}X")
    quant = "EACH" if low.startswith("each") else "EVERY"
    if g.get("weekday"):
        return Pending(start, end, "SET", value=f"XXXX-WXX-{lookup('weekday', g['weekday'])}", quant=quant)
    if g.get("month"):
        return Pending(start, end, "SET", value=f"XXXX-{lookup('month', g['month']):02d}", quant=quant)
    if g.get("season"):
        return Pending(start, end, "SET", value=f"XXXX-{lookup('season', g['season'])}", quant=quant)
    if g.get("pod"):
        pod = lookup("part_of_day", g["pod"])
        return Pending(start, end, "SET", value=f"XXXX-XX-XXT{pod}", quant=quant)
    uc = unit_code(g["unit"])
    if uc is None:
        return None
    n = number(g.get("num")) if g.get("num") else 1.0
    if n is None:
        return None
    if "other" in low:
        n *= 2
    value = duration_value(n * uc[1], uc[0])
    m = _ONE_UNIT.fullmatch(value)
    if m is not None:  # "every day": P1D in news, XXXX-XX-XX in a history, as "daily" (op_history_set)
        return Pending(start, end, "SET", op="history_set", args={"value": value, "unit": m.group(1)}, quant=quant)
    return Pending(start, end, "SET", value=value, quant=quant)


@normalizer("vague")
def _vague(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    low = " ".join(text[start:end].lower().split())
    # "in future" (British): the bare noun means what its definite form does ("the future")
    return Pending(start, end, "DATE", value=lookup("vague", low) or lookup("vague", "the " + low))


@normalizer("vague_adj")
def _vague_adj(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    """Attributive "current"/"recent" ("the current crisis", "recent attacks"): TimeML marks the
    adjective itself as a DATE, PRESENT_REF or PAST_REF (TimeBank does so consistently)."""
    word = text[start:end].lower()
    nxt = word_after(text, end).lower()
    if not nxt or nxt in table("vague_adjective_block") or lookup("unit", nxt) is not None or lookup("month", nxt) is not None:
        return None
    return Pending(start, end, "DATE", value="PRESENT_REF" if word == "current" else "PAST_REF")


@normalizer("history_adj")
def _history_adj(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    """Attributive "former"/"future" ("the former French Province", "the former Louis XVI",
    "future wars"): a time before or after the story's, which the annotators of histories mark
    PAST_REF/FUTURE_REF (WikiWars, after TIMEX2) and those of news do not (TimeBank leaves its 14
    "former" untagged): the resolver keeps it only in a history (anchor op_history_only). Not the
    pronoun "the former" ("the former was larger"): context.json history_adjective_block."""
    nxt = word_after(text, end).lower()
    if not nxt or nxt in table("vague_adjective_block") or nxt in table("history_adjective_block"):
        return None
    value = "PAST_REF" if text[start:end].lower() == "former" else "FUTURE_REF"
    return Pending(start, end, "DATE", op="history_only", args={"value": value})


@normalizer("history_then")
def _history_then(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    """"at the time", "(the women) of the time", "for the time being": the story's time then,
    which the annotators of histories mark PRESENT_REF (WikiWars, after TIMEX2: the present of the
    story); news marks "at
    the time" rarely (TimeBank: once of twice, PAST_REF), so it is kept only in a history
    (anchor op_history_only). Not "at the time of the oath", "at the time when": a date named."""
    return Pending(start, end, "DATE", op="history_only", args={"value": "PRESENT_REF"})
