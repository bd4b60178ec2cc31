"""Normalizers for calendar expressions: dates, times of day, named and relative dates.

Absolute forms get their value here; the rest get a resolver operation ("md", "weekday",
"shift", ...) with the arguments the resolver needs, so that this module never sees the DCT.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from functools import lru_cache

from kerryview.text.verbs import is_verb
from kerryview.text.wordlists import stopwords

from .context import (approx_mod, capitalized, direction, duration_value, generic_today, is_post, month_ok, number, pos_mod,
                      two_digit_year_span, unit_code, word_after, words_before, year_ok,
                      year_span_end)
from .lexicon import lookup, table
from .liveblog import live_blog_days, stamp_args
from .pending import Groups, Options, Pending, normalizer


def _date_part(g: Groups, wd_key: str = "weekday") -> dict[str, Any] | None:
    """Resolver op for the date part shared by time-of-day rules, or None if absent."""
    if g.get("mo2") and g.get("dd2"):  # day first: "the night of 10 August 1792"
        g = {**g, "month": g["mo2"], "day": g["dd2"], "year": g.get("yr2")}
    if g.get("month") and g.get("day"):
        day = int(re.match(r"\d+", g["day"]).group())
        year = int(g["year"]) if g.get("year") else None
        return {"op": "md", "month": lookup("month", g["month"]), "day": day, "year": year}
    wd = g.get(wd_key) or g.get("wd2") or g.get("weekday")
    if wd:
        rel = lookup("weekday_relation", g.get("rel2") or "")
        return {"op": "weekday", "weekday": lookup("weekday", wd), "rel": rel}
    if g.get("dayword"):
        return {"op": "dayshift", "n": lookup("day_word", g["dayword"])}
    return None


def _pending(start: int, end: int, type_: str, part: dict[str, Any] | None, **kw: Any) -> Pending:
    if part is None:
        return Pending(start, end, type_, **kw)
    args = dict(part)
    op = args.pop("op")
    return Pending(start, end, type_, op=op, args=args, **kw)


_WORD = re.compile(r"[\w'’]+|[.;!?:(\n\"“]")
# the part of the day that rules time_clock and time_at take after a clock time
_POD_TAIL = re.compile(r"\s+(?:in\s+the|at)\s+(?:morning|afternoon|evening|night)$", re.I)
_TODAYS_POD = re.compile(r"\s+(?:this\s+(?:morning|afternoon|evening)|tonight)$", re.I)  # the writer's day
_CLOCK_END = re.compile(r"o['’]clock|\d[:.]\d\d(?:\s*(?:hrs|hours|h)\b)?", re.I)


def _pod_code(word: str) -> str | None:
    """The part-of-day code of a word of the part_of_day lexicon ("afternoon" AF) or of a day
    word of the night ("tonight" NI), else None."""
    if word.lower() in table("night_day_word"):
        return "NI"
    code = lookup("part_of_day", word)
    return code if code and code.isalpha() else None


def _half_of_the_day(hh: int, text: str, start: int, end: int) -> int:
    """The hour of a clock time without a.m./p.m. read by a part of the day on either side of it,
    with only words of lexicon clock_day_link, a weekday or a day word between ("at nine o'clock
    at night" 21, "two o'clock on Thursday afternoon" 14, "Thursday evening at 9:30" 21:30,
    "four o'clock in the morning" 4, "two o'clock at night" 2). Unchanged without one."""
    if hh >= 12:
        return hh
    link = table("clock_day_link")
    m = _CLOCK_END.search(text, start, end)
    after = _WORD.finditer(text, m.end() if m else end, min(len(text), end + 50))
    before = reversed(_WORD.findall(text, max(0, start - 40), start))
    for words in (after, before):
        for w in words:
            w = w if isinstance(w, str) else w.group()
            code = _pod_code(w)
            if code is not None:
                if code in ("AF", "EV") or (code == "NI" and hh >= 6):
                    return hh + 12
                break
            if not (w.lower() in link or lookup("weekday", w) or lookup("day_word", w)):
                break
    return hh


@normalizer("time_clock", ("live_blog",))
def _time_clock(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    if "live_blog" in opts:  # "2057: BP says ...": a post's stamp, a time of the blog's day (liveblog)
        days = live_blog_days(text)
        if start not in days:
            # no blog's stamp: the number is what the later rules would read at this start, where
            # the recognizer does not go back once this rule has matched (a year heading "1918:
            # The Spanish flu ...", rule year_only)
            return _year({"year": text[start:end]}, text, start, end, frozenset())
        return Pending(start, end, "TIME", op="dayshift", args=stamp_args(days, start, g["h4"], g["m4"]))
    if g.get("named"):
        hh, mm = map(int, lookup("clock_word", g["named"]).split(":"))
    elif g.get("h24"):  # "at 9:30 in the evening": 21:30
        hh, mm = _half_of_the_day(int(g["h24"]), text, start, end), int(g["m24"])
    elif g.get("h4"):  # "1930 CDT"
        days = live_blog_days(text)
        if start in days:  # "0020 GMT Results ...": a blog's stamp with its zone, of its post's day
            return Pending(start, end, "TIME", op="dayshift", args=stamp_args(days, start, g["h4"], g["m4"]))
        hh, mm = int(g["h4"]), int(g["m4"])
    elif g.get("h4h"):  # "at 0315 hours"
        hh, mm = int(g["h4h"]), int(g["m4h"])
    elif g.get("och"):  # "at five o'clock": the morning's hour unless a part of the day says otherwise
        och = _CLOCK_END.search(text, start, end)
        nxt = word_after(text, och.end())
        if och.group() != och.group().lower() or nxt.lower() in table("clock_name_noun") or (
                nxt[:1].isupper() and not (lookup("relative_word", nxt) or lookup("day_word", nxt) or lookup("weekday", nxt))):
            return None  # "the six o'clock news", "the One O'Clock Club": a name
        hh, mm = _half_of_the_day(int(number(g["och"])), text, start, end), 0
    elif g.get("hhmm"):  # "430pm", as tweets write it
        hh, mm = int(g["hhmm"][:-2]), int(g["hhmm"][-2:])
        pm = g["ampm2"].lower() == "pm"
        hh = hh + 12 if pm and hh < 12 else 0 if not pm and hh == 12 else hh
    else:
        hh = int(g["hour"])
        mm = int(g["min"]) if g.get("min") else 0
        pm = g["ampm"].lower().startswith("p")
        if pm and hh < 12:
            hh += 12
        elif not pm and hh == 12:
            hh = 0
    if not (g.get("och") or g.get("h24")):  # "3am in the morning": a clock of its own half of the day
        tail = _POD_TAIL.search(text, start, end)  # leaves the part of the day a timex of its own
        end = tail.start() if tail else end
    if g.get("prel") and g["prel"].lower() in table("story_relative_word"):
        # "at 10:15 next morning": the day after the one the story last told (as "the next morning")
        part = {"op": "time_ref", "n": lookup("relative_word", g["prel"])}
    elif g.get("prel"):  # "10 o'clock last night": the day the relative word counts (as rule pod_date)
        part = {"op": "dayshift", "n": lookup("relative_word", g["prel"])}
    else:
        part = _date_part(g)
    part = part or ({"op": "dayshift", "n": 0} if _TODAYS_POD.search(text, start, end)  # "8:30 this morning"
                             else {"op": "time_ref", "clock": True})  # a bare clock time: on which day, the resolver says
    part["suffix"] = f"T{hh:02d}:{mm:02d}"
    return _pending(start, end, "TIME", part, mod=approx_mod(g.get("approx")))


@normalizer("pod_date")
def _pod_date(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    part = _date_part(g)
    if g.get("month") and not month_ok(g, text, start, end, False):
        return None
    if part is None and g.get("rel"):
        rel = lookup("relative_word", g["rel"])
        part = {"op": "dayshift", "n": rel}
    if part is None:
        return None
    mod = pos_mod(g.get("pos"))
    if not g.get("pod") and g.get("dayword") and generic_today(text, start, end):
        return Pending(start, end, "DATE", value="PRESENT_REF")
    night = (g.get("dayword") or "").lower() in table("night_day_word")
    if not g.get("pod") and night:  # "late tonight": the night of the day
        part["suffix"] = "TNI"
        return _pending(start, end, "TIME", part, mod=mod)
    if not g.get("pod"):
        return _pending(start, end, "DATE", part, mod=mod)
    pod = lookup("part_of_day", g["pod"])
    if pod is None:
        return None
    if night:
        pod = "NI"
    part["suffix"] = "T" + pod
    if mod == "START" and pod == "NI":
        mod = None
    if mod is None:  # "the early hours of July 20": the start of the morning
        mod = lookup("part_of_day_position", g["pod"])
    return _pending(start, end, "TIME", part, mod=mod)


@normalizer("date_iso", ("two_digit_year",))
def _date_iso(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    y, m, d = int(g["year"]), int(g["mm"]), int(g["dd"])
    if "two_digit_year" in opts and len(g["year"]) == 2:
        y += 2000 if y < 50 else 1900
    try:
        date(y, m, d)
    except ValueError:
        return None
    value = f"{y:04d}-{m:02d}-{d:02d}"
    if g.get("hour24"):
        seconds = f":{g['second']}" if g.get("second") else ""
        return Pending(start, end, "TIME", value=f"{value}T{g['hour24']}:{g['minute']}{seconds}")
    return Pending(start, end, "DATE", value=value)


@normalizer("date_md", ("day_first",))
def _date_md(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    if not month_ok(g, text, start, end, False):
        return None
    month = lookup("month", g["month"])
    if g.get("dayord"):
        day = table("day_ordinal")[" ".join(g["dayord"].lower().replace("-", " ").split()).replace(" ", "-")]
    else:
        day = int(re.match(r"\d+", g["day"]).group())
    try:
        date(2000, month, day)
    except ValueError:
        return None
    if "day_first" in opts and not g.get("year") and not g.get("weekday"):
        # "5 May" is a date, but "2 March" could be "2 march"; need a capital and no number run
        # on before it ("1,2 March", "3. 2 March"); a full stop or a comma after a word is no
        # number's ("The plan failed.\n22 April: ...", "on 20 April, 11 May")
        if re.search(r"\d[,.]?\s*$", text[max(0, start - 3):start]):
            return None
    if "day_first" in opts and text[start:start + 4].lower() == "the " and _before_a_noun(text, end):
        start += 4  # "The [21 January] execution", "the [20 April] explosion": the article is the noun's
    year = int(g["year"]) if g.get("year") else None
    mod = pos_mod(g.get("pos"))
    if g.get("bcyear"):  # "11 August 480 BC"
        return Pending(start, end, "DATE", value=f"{bc_year(g['bcyear'])}-{month:02d}-{day:02d}", mod=mod)
    if year is not None:
        return Pending(start, end, "DATE", value=f"{year:04d}-{month:02d}-{day:02d}", mod=mod)
    wd = lookup("weekday", g["weekday"]) if g.get("weekday") else None
    return Pending(start, end, "DATE", op="md", args={"month": month, "day": day, "year": None, "weekday": wd}, mod=mod)


@normalizer("month", ("standalone", "of_year"))
def _month(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    if not month_ok(g, text, start, end, "standalone" in opts):
        return None
    month = lookup("month", g["month"])
    mod = pos_mod(g.get("pos")) or (lookup("half_position", g["half"]) if g.get("half") else None)
    if g.get("bcyear"):  # "September 480 BC": TimeML writes BC0480-09
        return Pending(start, end, "DATE", value=f"{bc_year(g['bcyear'])}-{month:02d}", mod=mod)
    return _month_in_year(g, start, end, month, mod, "of_year" in opts)


def _month_in_year(g: Groups, start: int, end: int, month: int, mod: str | None, of_year: bool) -> Pending:
    """Month `month` of the year the groups name: a written year, "that year" (the one last
    mentioned), "the following year" (the one after it), "next year" (of_year: counted from the
    reference), or none (a bare month name, its year the resolver's)."""
    year = g.get("year") or g.get("year2")  # year2: "the February Revolution (1917)", rule month_name
    if year:
        return Pending(start, end, "DATE", value=f"{int(year):04d}-{month:02d}", mod=mod)
    rel = lookup("relative_word", g["rel"]) if g.get("rel") else None
    if g.get("that") or (g.get("the") and rel):  # "October of that year": the year last mentioned;
        # "March of the following year": the one after it; "the last month of the year": the
        # DCT's year when no year was mentioned, and in news (rule month_ordinal_of_year)
        the_year = (g.get("that") or "").lower() == "the"
        shift = rel if g.get("the") else 0 if the_year else None
        return Pending(start, end, "DATE", op="month", args={"month": month, "rel": None,
                                                              "yearshift": shift,
                                                              "that": True, "the_year": the_year}, mod=mod)
    if of_year:
        return Pending(start, end, "DATE", op="month", args={"month": month, "rel": None, "yearshift": rel or 0}, mod=mod)
    return Pending(start, end, "DATE", op="month", args={"month": month, "rel": rel, "yearshift": None}, mod=mod)


@normalizer("month_ordinal")
def _month_ordinal(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    """"the last month of the year", "the first month of 2009": the month the ordinal counts in
    that year (lexicon month_ordinal; -1 "last" counts from its end), a DATE of the year's month,
    not a month-long duration. "the last week of the year", "the first week of 2009": the
    year's ISO week (its last one holds 28 December), op "week_of_year" when the year is the
    resolver's."""
    n = lookup("month_ordinal", g["mord"])
    if g["unit"].lower() != "week":
        return _month_in_year(g, start, end, n if n > 0 else 13 + n, None, True)
    pending = _month_in_year(g, start, end, 12 if n < 0 else 1, None, True)
    if pending.value is not None:  # a written year
        pending.value = week_of_year(pending.value[:-3], n)
    else:
        pending.op, pending.args = "week_of_year", {**pending.args, "week": n}
    return pending


def week_of_year(year: str, n: int) -> str:
    """The TIMEX3 value of week `n` of `year` (a year value: "2009", "XXXX"), counted as ISO
    weeks from its first (the week of 4 January), -1 its last (the week of 28 December):
    "2009-W01", "2009-W53"; an unknown year keeps a week number only counted from the start."""
    if not year.isdigit():
        return f"{year}-W{n:02d}" if n > 0 else f"{year}-WXX"
    y = int(year)
    last = date(y, 12, 28).isocalendar()[1]
    week = n if n > 0 else last + 1 + n
    if not 1 <= week <= last:
        raise ValueError(f"week {n} of {year}")
    return f"{y:04d}-W{week:02d}"


@normalizer("season", ("of_year", "post"))
def _season(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    if "post" in opts and (not is_post(text) or word_after(text, end).lower() in table("period_event_noun")):
        return None  # a long text, or a name: "the Spring Offensive" (rule season_name)
    if _in_a_name(g["season"], text, start, end):
        return None
    code = lookup("season", g["season"])
    mod = pos_mod(g.get("pos"))
    if text[start:start + 4].lower() == "the " and end - start == 4 + len(g["season"]) and _modifies_noun(text, end):
        start += 4  # "the [summer] KPA invasion", "the [winter] offensive": the article is the noun's
    if g.get("bcyear"):  # "the spring of 480 BC"
        return Pending(start, end, "DATE", value=f"{bc_year(g['bcyear'])}-{code}", mod=mod)
    year = g.get("year") or g.get("year2")  # year2: "the Spring Offensive (1918)", rule season_name
    if year and (g.get("next") or g.get("year3")):  # "the winter of 1941-42": the winter's season year
        second = int(g["year3"]) if g.get("year3") else int(year) // 100 * 100 + int(g["next"])
        second += 100 if second < int(year) else 0  # "the winter of 1999-00"
        if second != int(year) + 1:
            return None  # "the winter of 1941-45": no one winter
        return Pending(start, end, "DATE", value=f"{second:04d}-{code}", mod=mod)
    if year:
        return Pending(start, end, "DATE", value=f"{int(year):04d}-{code}", mod=mod)
    rel = lookup("relative_word", g["rel"]) if g.get("rel") else None
    if g.get("that") or (g.get("the") and rel):  # "the autumn of that year": of the year last
        # mentioned; "the spring of the following year": of the one after it (as rule month_of_year)
        return Pending(start, end, "DATE", op="season", args={"season": code, "rel": None, "yearshift": rel or 0,
                                                               "that": True}, mod=mod)
    if "of_year" in opts:
        return Pending(start, end, "DATE", op="season", args={"season": code, "rel": None, "yearshift": rel or 0}, mod=mod)
    return Pending(start, end, "DATE", op="season", args={"season": code, "rel": rel, "yearshift": None}, mod=mod)


_SENTENCE_OPENS = re.compile(r"(?:^|[.!?:;\n\"“(])\s*$")


def _in_a_name(season: str, text: str, start: int, end: int) -> bool:
    """A capitalized season inside a sentence before another capitalized word is part of a name:
    "the Winter Palace", "the Winter King", "the Summer Olympics" (but "the Spring Offensive", a
    named happening, is the season's: rule season_name, list period_event_noun). Not in a post,
    which capitalizes its words as a title does ("Your Summer Reading List")."""
    if not season[:1].isupper() or season.isupper() or is_post(text):
        return False
    at = start + text[start:end].find(season)
    if _SENTENCE_OPENS.search(text, max(0, at - 3), at):
        return False
    nxt = word_after(text, at + len(season))
    if not nxt[:1].isupper() or nxt.lower() in table("period_event_noun"):
        return False
    if nxt.lower() in table("season_name_noun"):
        return True  # "in the Winter Palace", "during the Summer Olympics"
    # "By Spring Lee had moved north", "In late Summer Grant attacked": after a preposition of
    # time the season is one, the capitalized word the subject
    before = [w.lower() for w in words_before(text, at, 3)]
    while before and (before[-1] == "the" or lookup("position", before[-1])):
        before.pop()
    return not (before and before[-1] in table("season_name_preposition"))


def _before_a_noun(text: str, end: int) -> bool:
    """A common noun follows at once, which the expression before it modifies ("the 21 January
    [execution]", "the 20 April [explosion]"): a word in lower case that is neither a function
    word nor a verb ("the 20 September saw", "the 29 August to", "the 14 September Austria")."""
    w = word_after(text, end)
    return (w.isalpha() and w.islower() and text[end:end + 1] == " " and w not in stopwords()
            and not is_verb(w, text[max(0, end - 30):end], finite=True))


def _modifies_noun(text: str, end: int) -> bool:
    """The word after a season is a happening it dates ("the winter offensive", "the spring
    campaign", list event_of_year), so a determiner before the season belongs to that noun. (A
    capitalized word may be a subject: "In the summer Rome fell".)"""
    return word_after(text, end) in table("event_of_year")


@normalizer("quarter")
def _quarter(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    n = lookup("ordinal", g["ordinal"])
    half = "half" in text[start:end].lower()
    if half and g["ordinal"].lower() in ("last", "final"):
        n = 2
    if n is None or (half and n > 2) or (not half and g["ordinal"].lower() == "latter"):
        return None  # "latter" orders two: halves only (lexicon.json ordinal)
    letter = "H" if half else "Q"
    span = text[start:end]
    if span[:4].lower() == "the " and re.search(r"\w-(?:fiscal )?(?:quarter|half|qtr)", span) and not re.search(r"\s(?:of|year)\b", span[4:]):
        start += 4 + len(span[4:]) - len(span[4:].lstrip())  # "the [third-quarter] loss": the article is the noun's
    year = g.get("year") or g.get("year2")
    if year:
        return Pending(start, end, "DATE", value=f"{int(year):04d}-{letter}{n}")
    rel = g.get("rel") or g.get("rel2") or g.get("rel3")
    shift = lookup("relative_word", rel) if rel else None
    if re.search(r"year-(?:earlier|ago)", text[start:end], re.I):
        shift = -1
    if not half and shift is None and g["ordinal"].lower() == "last" and not re.search(r"\s(?:of|year)\b", span):
        # "the last quarter showed 3.3% growth": the quarter before this one, as "the latest
        # quarter" (rule quarter_ref); "the last quarter of the year" is the fourth
        return Pending(start, end, "DATE", op="quarter_ref", args={"yearshift": 0})
    return Pending(start, end, "DATE", op="quarter", args={"letter": letter, "n": n, "yearshift": shift})


@normalizer("quarter_ref")
def _quarter_ref(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    low = " ".join(text[start:end].lower().split())
    back = 1 if re.search(r"year-earlier|year-ago|last year|a year (?:ago|earlier)", low) else 0
    current = "current" in low
    if g.get("year"):
        return Pending(start, end, "DATE", op="quarter_ref", args={"yearshift": 0, "year": int(g["year"])})
    return Pending(start, end, "DATE", op="quarter_ref", args={"yearshift": -back, "current": current})


@normalizer("weekend")
def _weekend(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    relw = g["rel"].lower() if g.get("rel") else None
    n = table("weekend_relation").get(relw or "", None)
    if relw and n is None:
        return None
    return Pending(start, end, "DATE", op="weekend", args={"n": n})


def spelled_year(s: str) -> int:
    """1994 for "nineteen ninety-four"."""
    words = s.lower().replace("-", " ").split()
    century = 19 if words[0] == "nineteen" else 20
    rest = words[1:]
    ones, teens = table("ones"), table("teens")
    if rest[0] in teens:
        return century * 100 + teens[rest[0]]
    return century * 100 + table("tens")[rest[0]] + (ones[rest[1]] if len(rest) > 1 else 0)


@normalizer("spelled_year")
def _spelled_year(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    """Years as spoken in broadcast transcripts: "nineteen ninety-six", "two thousand one"."""
    low = text[start:end].lower()
    if g.get("spelledyear"):  # "January nineteen ninety-seven", "the winter of nineteen ninety-four"
        y = spelled_year(g["spelledyear"])
        if g.get("month"):
            if not month_ok(g, text, start, end, False):
                return None
            return Pending(start, end, "DATE", value=f"{y:04d}-{lookup('month', g['month']):02d}")
        return Pending(start, end, "DATE", value=f"{y:04d}-{lookup('season', g['season'])}")
    if "thousand" in low:
        rest = g.get("ones3") or g.get("teens2")
        y = 2000 + (table("ones").get(rest.lower(), 0) if g.get("ones3") else table("teens")[rest.lower()] if rest else 0)
        return Pending(start, end, "DATE", value=f"{y:04d}")
    century = 19 if "nineteen" in low[:12] else 20
    if g.get("tens"):
        yy = table("tens")[g["tens"].lower()] + (table("ones")[g["ones"].lower()] if g.get("ones") else 0)
    elif g.get("teens"):
        yy = table("teens")[g["teens"].lower()]
    else:
        yy = table("ones")[g["ones2"].lower()]
    return Pending(start, end, "DATE", value=f"{century}{yy:02d}")



@normalizer("year", ("apostrophe", "span", "two_digit_span"))
def _year(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    if "two_digit_span" in opts:
        return _two_digit_span(text, start, end)
    if "apostrophe" in opts:
        prev = words_before(text, start, 1)
        if not prev or prev[-1].lower() not in table("temporal_prep"):
            return None
        return Pending(start, end, "DATE", op="yy", args={"yy": int(text[start + 1:end])})
    if not year_ok(g, text, start, end):
        return None
    p = Pending(start, end, "DATE", value=f"{int(g['year']):04d}", mod=pos_mod(g.get("pos")))
    if "span" in opts:  # "1915-17": the second year is a date of its own (recognize.span_second)
        second = year_span_end(text, end, int(g["year"]))
        if second is None:
            return None
        p.args = {"second": second}
    return p


def _two_digit_span(text: str, start: int, end: int) -> Pending | None:
    """"the 98-99 season", "'98-'99": the first of two years written with two digits each; the
    second is a date too (recognize.span_second), its century the resolver's (op "yy")."""
    second = two_digit_year_span(text, start, end)
    if second is None:
        return None
    return Pending(start, end, "DATE", op="yy", args={"yy": int(text[end - 2:end]), "second": second})


def bc_year(year: int | str) -> str:
    """"480 BC", "218 B.C.", 480 -> "BC0480": the TIMEX3 year of a year before Christ, the one
    place that writes it (calendar.timex3.parse_value reads it). There is no year 0 (1 BC is
    followed by AD 1): "0 BC" gives the unknown year "XXXX" ("11 August 0 BC" XXXX-08-11), never
    BC0000; so does a count that would run past it (a negative number)."""
    if isinstance(year, str):
        year = int(re.match(r"\d+", year).group())
    return "BC%04d" % year if year > 0 else "XXXX"


@normalizer("generic_time")
def _generic_time(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    """"entered winter quarters", "night attacks", "moved only at night", "in daytime": a season
    or part of the day as a kind of time, which a history does not date (the resolver). The
    pattern leaves out a dated one: after a determiner, a time preposition or a conjunction ("the
    winter food", "as winter came"), or before a word that ends the noun phrase ("winter came")."""
    word = g.get("gword") or g.get("gat") or g.get("gin")
    code = lookup("generic_time_word", word)
    kind = "DATE" if code in ("WI", "SU", "SP", "FA") else "TIME"
    return Pending(start, end, kind, op="generic_time", args={"code": code, "after_at": bool(g.get("gat"))})


# the capitalized words after a bare year (grammar bareyear) and the word after them
_NAME_THEN_WORD = re.compile(r"\s+((?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z]+)*)\s+([a-z]+)\b")


@normalizer("story_bc")
def _story_bc(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    """"In 481,", "the spring of 479": a year without its era, which the resolver reads as one
    before Christ when the story is there (anchor.Resolver.op_story_bc). Before a capitalized
    word it is a year only when a verb follows the name ("In 481 Xerxes gathered", "In 216
    Hannibal won"); "by 200 Celtiberian warriors" counts men (text.verbs.is_verb)."""
    m = _NAME_THEN_WORD.match(text, end)
    if m is not None and not is_verb(m.group(2), text[max(0, m.start(2) - 12):m.start(2)], finite=True):
        return None
    suffix = "-" + lookup("season", g["season"]) if g.get("season") else ""
    return Pending(start, end, "DATE", op="story_bc", args={"year": int(g["bareyear"]), "suffix": suffix},
                   mod=pos_mod(g.get("pos")))


@normalizer("year_era")
def _year_era(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    """"264 BC", "146 B.C.", "AD 43": a year of an era; TimeML writes years before Christ BC0264."""
    era = (g.get("era") or g.get("era2") or "").upper().replace(".", "")
    y = int(g.get("num") or g.get("num2"))
    if y < 1 or (era in ("AD", "CE") and y > 2100):
        return None
    value = bc_year(y) if era.startswith("B") else f"{y:04d}"
    return Pending(start, end, "DATE", value=value, mod=pos_mod(g.get("pos")))


@normalizer("the_year")
def _the_year(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    """"the current fiscal year", "the full year": the year under discussion."""
    low = text[start:end].lower()
    if re.match(r"\s+(?:ended|ending)\b", text[end:end + 10]):
        return Pending(start, end, "DURATION", value="P1Y")  # "the fiscal year ended Jan. 31": a period
    n = direction(low)
    base = "dct" if any(w in table("deictic_word") for w in re.findall(r"[a-z]+", low)) else "narrative"
    return Pending(start, end, "DATE", op="shift", args={"unit": "Y", "n": n, "base": base})


@normalizer("century")
def _century(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    if g.get("centord"):  # "the eighteenth century"
        n = lookup("century_ordinal", g["centord"])
    else:
        n = int(g["cent"])
    if n < 1:
        return None
    bc = "BC" if g.get("era") else ""  # "the 9th century BC"
    return Pending(start, end, "DATE", value=f"{bc}{n - 1:02d}", mod=pos_mod(g.get("pos")))


@normalizer("decade")
def _decade(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    mod = pos_mod(g.get("pos"))
    if g.get("decbc"):  # "the 490s BC": the decade of 499-490 BC, written as its century is ("BC04")
        return Pending(start, end, "DATE", value=f"BC{int(g['decbc']) // 10:03d}", mod=mod)
    if g.get("dec4"):
        y = int(g["dec4"])
        return Pending(start, end, "DATE", value=f"{y // 10:03d}", mod=mod)
    if g.get("dec2"):
        if not ("'" in text[start:end] or text[start:end].lower().startswith("the") or g.get("pos")):
            prev = words_before(text, start, 1)
            if not prev or prev[-1].lower() not in table("decade_prep"):
                return None
        return Pending(start, end, "DATE", op="decade", args={"d": int(g["dec2"]) // 10}, mod=mod)
    word = g["decw"].lower()
    d = table("decade_word")[word]
    century = 20 if "twenty" in text[start:end].lower().replace("twenties", "") else 19
    if "nineteen" not in text[start:end].lower() and century == 19:
        return Pending(start, end, "DATE", op="decade", args={"d": d}, mod=mod)
    return Pending(start, end, "DATE", value=f"{century}{d}", mod=mod)


_T_UNITS = ("TH", "TM", "TS")


@normalizer("rel_unit")
def _rel_unit(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    uc = unit_code(g["unit"])
    if uc is None:
        return None
    unit, mult = uc
    low = " ".join(text[start:end].lower().split())
    plural = g["unit"].lower().endswith(("s", "ies")) and unit != "CE" or g["unit"].lower() == "centuries"
    relw = " ".join(g["rel"].lower().split()) if g.get("rel") else None
    # "the next month", and after a position word too: "early the next month" (the story's);
    # not the article of the position word: "the middle of next week" is next week from now
    has_the = relw is not None and (low.startswith(f"the {relw} ") or f" the {relw} " in low)
    rel = lookup("relative_word", relw) if relw else None
    mod = pos_mod(g.get("pos"))
    if low.startswith(("mid-", "the mid-")) and (not (prev := words_before(text, start, 1))
                                   or prev[-1].lower() not in table("time_anaphor_preposition")):
        return None  # "by mid-month" is a date; "the mid-year review", "a mid-week break" a noun's modifier
    if relw in table("story_relative_word_only") and not has_the:
        return None  # "subsequent years": no period of the story's ("the subsequent year" is)
    if g.get("ortail") and relw not in ("next", "coming"):
        end -= len(g["ortail"])  # "the last day or two": the tail is no part of a date counted back
        low = " ".join(text[start:end].lower().split())
    if g["unit"].lower().startswith("season") and (plural or relw not in (None, "this")):
        return None  # "last season" of a sport is not three months ago
    if plural or mult > 1:
        if relw in ("past", "last", "previous") or relw is None:
            return Pending(start, end, "DURATION", value=duration_value(None, unit), mod=mod)
        if relw in ("next", "coming", "following") or relw in table("story_relative_word_only"):
            return Pending(start, end, "DURATION", value=duration_value(None, unit))
        return None
    if text[start].isupper() and g["unit"][:1].isupper() and not text[start:end].isupper():
        return None  # "ABC's This Week": a title, not a date (a date has a lower-case unit)
    if unit in _T_UNITS:
        if has_the and relw in ("past", "last", "next", "coming"):
            return Pending(start, end, "DURATION", value=duration_value(1, unit))
        return None
    if relw is None:
        if not g.get("pos"):
            return None
        # "the end of the year", "later in the day": the current unit (in a history, the story's)
        base = "narrative" if unit == "D" else "dct"
        return Pending(start, end, "DATE", op="shift", args={"unit": unit, "n": 0, "base": base, "definite": True},
                       mod=mod)
    if has_the and not g.get("pos") and relw in ("past", "last"):
        if unit in ("Y", "DE"):
            # "over the past year", "in the last decade": TimeBank marks the previous calendar
            # year/decade (a DATE, like "last year"), not a duration; in a history it is the year
            # up to the story's time, a duration as "the past month" is (anchor op_past_span)
            return Pending(start, end, "DATE", op="past_span", args={"unit": unit}, mod=mod)
        if unit == "CE":  # "in the last century": the previous century, in a history too
            return Pending(start, end, "DATE", op="shift", args={"unit": unit, "n": -1, "base": "dct"}, mod=mod)
        return Pending(start, end, "DURATION", value=duration_value(1, unit))
    if g.get("ortail") and relw in ("next", "coming"):
        # "in the next day or two", "over the next year or so": a stretch; from now on in a
        # clause that looks ahead (TimeBank: "the next year or so" is next year), else counted
        # from the story's date as "the next day" is, the tail adding nothing to the value
        # (anchor.Resolver.op_shift, stretch)
        return Pending(start, end, "DATE", op="shift",
                       args={"unit": unit, "n": rel, "base": "narrative", "stretch": True},
                       mod="APPROX" if low.endswith(" or so") else mod)
    if relw in ("following", "previous") or relw in table("story_relative_word_only") \
            or (has_the and relw == "next") or (relw == "next" and unit == "D"):
        return Pending(start, end, "DATE", op="shift", args={"unit": unit, "n": rel, "base": "narrative"}, mod=mod)
    if unit == "D":
        return None  # "last day", "this day": not a calendar reference
    return Pending(start, end, "DATE", op="shift", args={"unit": unit, "n": rel, "base": "dct"}, mod=mod)


@lru_cache(maxsize=1)
def _shift_word() -> re.Pattern[str]:
    """The direction word at the end of "three days ago", "two days later on"."""
    return re.compile("(" + "|".join(table("shift_direction")) + r")(?:\s+\w+)?$")


_ADVERB_END = re.compile(r"\s*(?:[.,;:!?)]|$)")  # "months before;": "before" ends its clause, an adverb
_FROM_YEAR = re.compile(r"\s+(?:from|since)\b[^.;:!?]{0,40}?(?<![\d$£€#])((?:1[0-9]|20)\d\d)(?!\d)")


@normalizer("ago", ("no_number", "adjective"))
def _ago(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    uc = unit_code(g["unit"])
    if uc is None or (g.get("num") or "").lower() == "hundred":  # "several hundred years ago": no count
        return None
    unit, mult = uc
    low = " ".join(text[start:end].lower().split())
    m = _shift_word().search(low.replace("-", " "))
    if m is None:
        return None
    word = m.group(1)
    sign = table("shift_direction")[word]
    base = "dct" if word in table("shift_from_document_date") and "adjective" not in opts else "narrative"
    if word == "on" and not g.get("num"):
        return None
    if g.get("num"):
        n = number(g["num"])
    elif g.get("vnum") or "no_number" in opts and g["unit"].lower().endswith("s"):
        n = None
    else:
        n = 1.0
    mod = approx_mod(g.get("approx")) or ("APPROX" if " or so " in low else None)
    if n is None:
        if word in ("later", "earlier", "afterwards", "afterward") \
                or (word in ("before", "after") and _ADVERB_END.match(text, end)):
            # "days later", "a few weeks later", "months before;": an unknown count of units from
            # the story's time is a date, as "two days later" is (rule ago), not a duration
            return Pending(start, end, "TIME" if unit in _T_UNITS else "DATE", op="vague_shift",
                           args={"unit": unit, "sign": sign})
        if word != "ago":  # "days before the vote": an unspecified amount; "before" is only a signal
            m2 = re.match(r".*?\b\w+s\b", text[start:end])
            return Pending(start, start + m2.end(), "DURATION", value=duration_value(None, unit)) if m2 else None
        if "no_number" in opts:  # "months ago"
            return Pending(start, end, "DURATION", value=duration_value(None, unit))
        return Pending(start, end, "DATE", value="PAST_REF" if sign < 0 else "FUTURE_REF")
    if unit in _T_UNITS:
        return Pending(start, end, "DURATION", value=duration_value(n, unit), mod=mod)
    adjective = "adjective" in opts
    since = _FROM_YEAR.match(text, end)
    if since is not None and word in ("on", "after", "later") and unit in ("Y", "DE", "CE", "M"):
        # "twenty years on from the 1998 agreement": counted from the year named after "from"
        return Pending(start, end, "DATE", op="shift", mod=mod,
                       args={"unit": unit, "n": sign * n * mult, "base": "year", "year": int(since.group(1))})
    if adjective and low.startswith(("a ", "an ")):
        start += len(low.split()[0]) + 1  # "a [year-earlier] figure"
    args = {"unit": unit, "n": sign * n * mult, "base": base, "ago": True, "adjective": adjective}
    if word == "on":  # "two years on": after a date of the story, or else now
        args["on"] = True
    return Pending(start, end, "DATE", op="shift", mod=mod, args=args)


@normalizer("narrative")
def _narrative(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    uc = unit_code(g.get("unit") or g.get("unit2"))
    if uc is None or uc[0] in _T_UNITS or uc[1] > 1:
        return None
    n = direction(text[start:end].lower())
    unit_word = (g.get("unit") or g.get("unit2")).lower()
    if unit_word.endswith("s"):
        return None
    # "later that year", "earlier that day": the position is a mod, as in "earlier this year"
    args = {"unit": uc[0], "n": n, "base": "narrative"}
    if uc[0] == "Y" and re.search(r"\bnew\b", text[start:end], re.I):
        args["new"] = True  # "the new year": maybe the one just begun (anchor.Resolver.op_shift)
    return Pending(start, end, "DATE", op="shift", args=args, mod=pos_mod(g.get("pos")))


_ONE_DAY = re.compile(r"\d{4}-\d\d-\d\d")  # a holiday rule that is one date (lexicon.json holiday)


@normalizer("holiday")
def _holiday(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    """Named days: fixed ("Christmas"), nth weekday ("Thanksgiving") or Easter-based ("Good Friday")."""
    h = g["holiday"]
    low = " ".join(h.lower().split())
    if low not in table("holiday_lowercase_ok") and (
            not (h[:1].isupper() or low.startswith("the ")) or (h.isupper() and len(h) > 3)):
        return None  # names of days are capitalized: "may day", "MAYDAY" are calls for help
    rule_s = lookup("holiday", g["holiday"])
    if rule_s is None:
        return None  # a name the lexicon has no date rule for is not a date it can give
    rel = lookup("relative_word", g["rel"]) if g.get("rel") else None
    year = int(g["year"]) if g.get("year") else None
    # "Easter week", "the Thanksgiving weekend": the holiday's week or weekend (anchor.op_holiday)
    span = {"span": "WE" if g["span"].lower() == "weekend" else "W"} if g.get("span") else {}
    if _ONE_DAY.fullmatch(rule_s):
        # "V-E Day": one day of history in a history (or with no reference time), its
        # anniversary in news ("Britain will mark VE Day on Friday"): anchor.Resolver.op_holiday
        if rel is not None or g.get("pod"):
            return None
        return Pending(start, end, "DATE", op="holiday", args={"rule": rule_s[5:], "year": year, "rel": None,
                                                               "history": int(rule_s[:4]), **span})
    if span:
        return Pending(start, end, "DATE", op="holiday", args={"rule": rule_s, "year": year, "rel": rel, **span})
    if g.get("pod"):  # "Christmas night": a part of that day, a TIME as "Friday night" is
        pod = lookup("part_of_day", g["pod"])
        return Pending(start, end, "TIME", op="holiday", args={"rule": rule_s, "year": year, "rel": rel,
                                                               "suffix": "T" + pod})
    return Pending(start, end, "DATE", op="holiday", args={"rule": rule_s, "year": year, "rel": rel})


@normalizer("year_end")
def _year_end(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    """"at year-end", "last year-end": the end of the year under discussion."""
    relw = (g.get("rel") or "").lower()
    n = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0, "": 0}.get(relw)
    if n is None:
        return None
    if not relw and re.search(r"\bsince\s+(?:the\s+)?$", text[max(0, start - 12):start], re.I):
        return Pending(start, end, "DATE", op="shift", args={"unit": "Y", "n": -1, "base": "dct"}, mod="END")
    base = "dct" if relw else "focus"
    args = {"unit": "Y", "n": n, "base": base}
    if base == "focus":
        args["recent"] = True  # the year under discussion, not a base year of an index ("the close of 1969")
    return Pending(start, end, "DATE", op="shift", args=args, mod="END")


@normalizer("day_of_month")
def _day_of_month(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    """"on the 20th": a day of the month under discussion (the last month mentioned; in news
    without one, the DCT's). Only after a preposition: "it was the 20th when" is a rank. "the
    25th of that month", "the 3rd of the following month" name their month, and are dates
    after any word."""
    if g.get("ofmonth"):
        months = direction(g["ofmonth"].lower())
        return Pending(start, end, "DATE", op="dom", args={"day": int(g["dom"]), "months": months})
    prev = words_before(text, start, 1)
    if not prev or prev[-1].lower() not in table("day_of_month_prep"):
        return None
    return Pending(start, end, "DATE", op="dom", args={"day": int(g["dom"])})


@normalizer("the_unit", ("post",))
def _the_unit(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    """"the week", "the day", "the morning": the current unit of the story (TimeBank marks them).
    Option `post`: a bare "morning" or "night" in a text as short as a tweet (context.is_post)."""
    if "post" in opts and not is_post(text):
        return None
    if g.get("podpoint"):  # "at sunset", "by nightfall": rule pod_at only
        return Pending(start, end, "TIME", op="time_ref", args={"suffix": "T" + lookup("part_of_day_point", g["podpoint"])})
    if g.get("pod"):
        pod = lookup("part_of_day", g["pod"])
        if pod is None or not pod.isalpha():
            return None
        # "the early hours" (of the morning) is the start of the morning of the story's day
        hours = g["pod"].lower().endswith("hours")
        mod = pos_mod(g.get("pos")) or (lookup("part_of_day_position", g["pod"]) if hours else None)
        return Pending(start, end, "TIME", op="time_ref", args={"suffix": "T" + pod}, mod=mod)
    word = g["unit"].lower()
    nxt = word_after(text, end)
    if lookup("weekday", nxt) or lookup("day_word", nxt) or lookup("month", nxt):
        return None  # "during the day Friday": the weekday is the date
    if word == "week":
        # definite: in a history "the week" is the story's (anchor.op_shift), in news the current one
        return Pending(start, end, "DATE", op="shift", args={"unit": "W", "n": 0, "base": "dct", "definite": True})
    if word == "year":
        if re.match(r"\s+(?:ended|ending|to)\b", text[end:end + 10]):
            return Pending(start, end, "DURATION", value="P1Y")  # "the year ended Sept. 30": a period
        return Pending(start, end, "DATE", op="shift", args={"unit": "Y", "n": 0, "base": "focus"})
    if word == "day":
        return Pending(start, end, "DATE", op="shift", args={"unit": "D", "n": 0, "base": "focus"})
    return None


@normalizer("weekday")
def _weekday(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    wd = g["weekday"]
    if not capitalized(wd) and not wd.islower():
        return None
    relw = g["rel"].lower() if g.get("rel") else None
    rel = lookup("weekday_relation", relw or "")
    if relw and rel is None:
        return None
    if rel == "next" and re.match(r"(?:\w+[- ]?(?:on )?)?the\s", text[start:end], re.I):
        rel = "following"  # "the next Sunday" counts from the day last told of, as "the following Sunday"
    return Pending(start, end, "DATE", op="weekday", args={"weekday": lookup("weekday", wd), "rel": rel},
                   mod=pos_mod(g.get("pos")))


@normalizer("weekday_set")
def _weekday_set(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    if g.get("weekends"):  # "on weekends": every weekend, as "on Mondays" is every Monday
        return Pending(start, end, "SET", value="XXXX-WE", quant="EVERY")
    if g.get("weekdays") and not capitalized(g["weekdays"]):
        return None
    if g.get("podpl"):  # "Tuesday nights": every Tuesday night
        if not capitalized(g["weekday"]):
            return None
        pod = lookup("part_of_day", g["podpl"][:-1])
        return Pending(start, end, "SET", value=f"XXXX-WXX-{lookup('weekday', g['weekday'])}T{pod}", quant="EVERY")
    n = lookup("weekday_plural", g["weekdays"])
    return Pending(start, end, "SET", value=f"XXXX-WXX-{n}", quant="EVERY")


@normalizer("dayword")
def _dayword(g: Groups, text: str, start: int, end: int, opts: Options) -> Pending | None:
    if generic_today(text, start, end):
        return Pending(start, end, "DATE", value="PRESENT_REF")
    n = lookup("day_word", g["dayword"])
    low = text[start:end].lower()
    if low.startswith("the day before"):
        n -= 1
    elif low.startswith("the day after"):
        n += 1
    if g["dayword"].lower() in table("night_day_word"):
        return Pending(start, end, "TIME", op="dayshift", args={"n": n, "suffix": "TNI"})
    return Pending(start, end, "DATE", op="dayshift", args={"n": n})
