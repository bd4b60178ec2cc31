"""Context checks and small conversions shared by the normalizers.

Why a separate module: deciding whether "May", "2000" or "Sunday" is temporal depends on the
words around the match; those checks and the number/unit conversions are reused by several
normalizers and are easier to test on their own.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kerryview.text.plural import looks_plural
from kerryview.text.wordlists import reporting_verbs, stopwords

from .lexicon import lookup, table
from .pending import Groups
from .scene import in_heading


def number(s: str | None) -> float | None:
    """Numeric value of a number written in digits or words, None if vague ("several")."""
    if s is None:
        return None
    t = " ".join(s.lower().replace("-", " ").split())
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", t):  # "2,500"
        t = t.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    v = lookup("number", t)
    if v is not None:
        return float(v)
    parts = t.split()
    tens = table("tens")
    if parts and parts[0] in tens:
        total = tens[parts[0]]
        if len(parts) == 2:
            unit = lookup("number", parts[1])
            if unit is None or unit > 9:
                return None
            total += unit
        return float(total)
    return None


def direction(low: str) -> int:
    """-1, 1 or 0: the first direction word of a lower-case span ("the previous year" -> -1)."""
    words = table("direction_word")
    return next((words[w] for w in re.findall(r"[a-z]+", low) if w in words), 0)


def fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def unit_code(s: str | None) -> tuple[str, int] | None:
    """(unit code, multiplier) of a unit word: "fortnight" -> ("W", 2), "hours" -> ("TH", 1)."""
    code = lookup("unit", s)
    if code is None:
        return None
    m = re.match(r"(\d*)(\w+)", code)
    return m.group(2), int(m.group(1) or 1)


_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60)}


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: P3D, PT12H, PXY (n None = unspecified amount)."""
    if unit in ("DE", "CE") and n is not None:  # ISO 8601 has no decade unit: P20Y
        n, unit = n * (10 if unit == "DE" else 100), "Y"
    if n is None and unit in ("DE", "CE"):  # "for centuries": TimeBank's letters E (decade), C (century)
        return "PX" + unit[0] if unit == "CE" else "PXDE"
    if n is not None and not float(n).is_integer() and unit in _SMALLER:
        # "a minute and a half" -> PT1M30S, "2 1/2 years" -> P2Y6M: ISO 8601 writes the fraction
        # in the next smaller unit (TimeBank does too)
        small, per = _SMALLER[unit]
        whole = int(n)
        rest = round((n - whole) * per, 6)
        if float(rest).is_integer():
            rest_s = fmt_num(rest) + small[-1]
            if whole == 0:
                return duration_value(rest, small)
            if unit.startswith("T"):
                return f"PT{whole}{unit[1]}{rest_s}"
            if small.startswith("T"):
                return f"P{whole}{unit}T{rest_s}"
            return f"P{whole}{unit}{rest_s}"
    amount = "X" if n is None else fmt_num(n)
    if unit.startswith("T"):
        return f"PT{amount}{unit[1]}"
    return f"P{amount}{unit}"


# A post as long as a tweet (280 characters) or shorter: no sentence around a bare "morning",
# "night" or "Spring" to make it a modifier of prose ("the morning talk show"); in a post it
# names the writer's part of day or season ("Late for morning class", "Spring's florals").
POST_CHARS = 280


def is_post(text: str) -> bool:
    """A text no longer than a tweet (options `post` of the grammar: bare part of day or season)."""
    return len(text) <= POST_CHARS


@lru_cache(maxsize=1)
def range_joiner() -> re.Pattern[str]:
    """What joins the two dates of a range or an alternative ("from July [through] September",
    "August [or] September 1918"): lexicon range_joiner, with the spaces around it."""
    return re.compile(r"\s*(?:" + "|".join(re.escape(w) for w in table("range_joiner")) + r")\s*", re.I)


def words_before(text: str, start: int, k: int = 2) -> list[str]:
    return re.findall(r"[\w$#.'-]+", text[max(0, start - 40):start])[-k:]


def word_after(text: str, end: int) -> str:
    m = re.match(r"\s*([\w'-]+)", text[end:end + 40])
    return m.group(1) if m else ""


def capitalized(s: str) -> bool:
    return s[:1].isupper()


def pos_mod(s: str | None) -> str | None:
    """TIMEX3 mod of a position word: "early" START, "the end of" END, "end" (of "year's end") END."""
    return (lookup("position", s) or lookup("position", f"the {s} of")) if s else None


def approx_mod(s: str | None) -> str | None:
    return lookup("approx", s) if s else None


def month_ok(g: Groups, text: str, start: int, end: int, standalone: bool) -> bool:
    """Reject "May" the verb/name, "march" the verb, "August Wilson": ambiguous month words must be
    capitalized and, when they stand alone, follow a temporal preposition or determiner."""
    m = g["month"]
    low = m.lower()
    if not capitalized(m):
        return False
    ambiguous = low in table("month_ambiguous")
    if not standalone:
        return True
    prev = words_before(text, start, 1)
    prev_w = prev[-1].lower() if prev else ""
    if g.get("pos") or g.get("rel") or g.get("year"):
        return True
    if not m.endswith(".") and len(m) <= 4 and low not in ("may", "june", "july"):
        return False  # a bare "Jan", "Dec" is a name unless a day or year follows (other rules)
    nxt = word_after(text, end)
    in_time = prev_w in table("temporal_prep") and prev_w not in table("clause_opening_prep")
    if ambiguous and nxt.lower() in reporting_verbs()["attribution"] and not in_time:
        return False  # "After May said she would stay": a person says ("Obama in March said": a month)
    name_like = nxt[:1].isupper() and lookup("month", nxt) is None  # "August Wilson", "and Jan Kavan"
    if prev_w in table("temporal_prep") and not (prev_w in table("weak_prep") and name_like):
        return True
    if ambiguous or name_like:
        return False
    return True


# The one pattern of the second year of a span of years, right after the first: a dash, an en
# dash or a slash, then four or two digits, an apostrophe maybe standing for the century ("'98-'99",
# "1998-'99"); never the start of a longer number, a percentage, a date or a decimal ("1998-100",
# "98-99%", "2001-02-03", "1998-99.5"). What the first year allows after it is the callers':
# year_span_end (four digits first: "1915-17", "1999-2000") and two_digit_year_span (two digits
# first: only two after them, "98-99").
_SECOND_YEAR = re.compile(r"[-\u2013/](['\u2019]?)(\d{4}|\d\d)(?![\d%]|[,.:/-]\d)")


def year_span_end(text: str, end: int, first: int) -> tuple[int, int, int] | None:
    """(start, end, year) of the second year of a span of years "1915-17", "1990-94",
    "1999-2000", "1775-1780", "1998/99" that starts with year `first` ending at `end`: later
    than the first and within a century of it (two digits take the first year's century, so
    "1999-00" is 2000). None if what follows is no such year ("1998-100", "2001-02-03")."""
    m = _SECOND_YEAR.match(text, end)
    if m is None:
        return None
    digits = m.group(2)
    if len(digits) == 2:
        second = first // 100 * 100 + int(digits)
        if second <= first:
            second += 100
    else:
        second = int(digits)
    if not first < second <= first + 100:
        return None
    return m.start(1), m.end(2), second


_WORD_GOES_ON = re.compile(r"[\w-]")


def two_digit_year_span(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """(start, end, two digits) of the second year of "the 98-99 season" or "'98-'99", whose
    first year's two digits (with an apostrophe or not) are text[start:end]: the second is the
    year after the first. Without apostrophes on both, only before a period that runs across the
    turn of a year (rules/context.json year_straddling_period): "the 98-99 score" is no pair of
    years, and neither is a count ("a 10-11 week delay"). None when it is no such span."""
    m = _SECOND_YEAR.match(text, end)
    if m is None or len(m.group(2)) != 2 or _WORD_GOES_ON.match(text, m.end()) \
            or int(m.group(2)) != (int(text[end - 2:end]) + 1) % 100:
        return None
    if not (end - start == 3 and m.group(1)):  # not "'98-'99"
        after = text[m.end():m.end() + 40].lower().split()
        if not any(" ".join(after[:len(w.split())]).rstrip(".,;:") == w for w in table("year_straddling_period")):
            return None
    return m.start(1), m.end(2), int(m.group(2))


# the FIRST two digits of such a span inside a longer match ("the [98]-99 season"), where the
# pattern above finds the second
_FIRST_YY = re.compile(r"(?<![\w'\u2019])['\u2019]?\d\d(?=[-/\u2013])")


def two_digit_year_pair(text: str, start: int, end: int) -> bool:
    """text[start:end] holds a range of two two-digit numbers that is a pair of years ("the
    98-99 season"), not a count ("a 10-11 week delay")."""
    m = _FIRST_YY.search(text, start, end)
    return m is not None and two_digit_year_span(text, m.start(), m.end()) is not None


# a year in a list of years ("in 1994, 1995 and 1997"): the year before it and a comma
_LISTED_YEAR = re.compile(r"(?<![\d,.$£€#])(?:19|20)\d\d, $")


# a list of four-digit numbers around a year: what follows it ("[, 2002] points") and what
# precedes it ("2001, [2002]"), joined by commas, "and" or "or"
_LIST_AFTER = re.compile(r"((?:\s*,\s*(?:(?:and|or)\s+)?\d{4}(?!\d)|\s+(?:and|or)\s+\d{4}(?!\d))*)\s+([a-z]+)\b")
_LIST_BEFORE = re.compile(r"(?<![\d,.$£€#])(?:\d{4}\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or)\s+))+$")


def running_years(text: str, ystart: int, end: int) -> bool:
    """Whether the four-digit number at text[ystart:end] stands in a list of numbers that run
    on by one and are joined by "and" or "or" ("cut 2009 and 2010 forecasts", "in 2008, 2009 or
    2010"): years, as counts seldom are; "2001, 2002 points", a list without a conjunction, may
    be a count's two readings. A round number among them before a plural noun that does not
    follow a year (year_follow_ok) is still a count, and so is the list: "counted 1999 and 2000
    protesters", "scored 2009 and 2010 points" (but "cut 2009 and 2010 forecasts")."""
    after = _LIST_AFTER.match(text, end)
    before = _LIST_BEFORE.search(text, max(0, ystart - 40), ystart)
    listed = text[before.start() if before is not None else ystart:after.start(2) if after else end]
    numbers = [int(n) for n in re.findall(r"\d{4}", listed)]
    if after is not None and any(n % 10 == 0 for n in numbers) and looks_plural(after.group(2)) \
            and after.group(2) not in table("year_follow_ok"):
        return False
    return (len(numbers) > 1 and re.search(r"\b(?:and|or)\b", listed) is not None
            and all(b == a + 1 for a, b in zip(numbers, numbers[1:])))


def counted_number_list(text: str, ystart: int, end: int) -> bool:
    """"He scored 2001, 2002 points": a list of four-digit numbers before a lower-case plural
    noun, with no determiner, possessive or time preposition before the list, counts that noun;
    none of its numbers is a year. Numbers that run on by one, joined by "and" or "or", are a
    list of years whatever the noun ("posted 2008 and 2009 losses"): counts are seldom so. "the 1851, 1861, 1871 censuses", "in 1994, 1995 and 1997
    elections" and "BP's 2009, 2010 profits" are years that modify the noun."""
    after = _LIST_AFTER.match(text, end)
    if after is None or not looks_plural(after.group(2)) or after.group(2) in table("year_follow_ok"):
        return False
    before = _LIST_BEFORE.search(text, max(0, ystart - 40), ystart)
    if before is None and not after.group(1):  # a single number: "2002 points" is left to the checks below
        return False
    first = before.start() if before is not None else ystart
    if running_years(text, ystart, end):
        return False
    prev = words_before(text, first, 1)
    prev_w = prev[-1] if prev else ""
    return (prev_w.isalpha() and prev_w.islower() and prev_w not in table("attributive_year_det")
            and prev_w not in table("temporal_prep"))


_SENTENCE_OPENS = re.compile(r"(?:^|[.!?;]\s+|\n\s*)$")  # not after a colon: "Casualties: about 2000."
_APPROX_WORD = re.compile(r"([\w.]+)\s+$")


def _approximate_year(text: str, ystart: int, end: int) -> bool:
    """A number after a word of approximation (context.json approximate_year_before) is a year
    when that word opens its sentence or follows a preposition of approximate_year_prep ("[In]
    about 1850", "Around 1900, ...") and nothing counted follows it: a punctuation mark, or a
    word of approximate_year_follow ("the", "he", "when"). "About 1500 were killed", "about
    1850 men", "in about 1500 years", "rose to about 2000, officials said", "Of about 1800,
    only 200" stay amounts."""
    m = _APPROX_WORD.search(text, max(0, ystart - 16), ystart)
    if m is None:
        return False
    before = text[max(0, m.start() - 40):m.start()]
    opens = _SENTENCE_OPENS.search(before) is not None
    prep = words_before(text, m.start(), 1)
    if prep and prep[-1].lower() in table("approximate_clock_before"):
        return False  # "at about 1100": a clock time
    if not opens and not (prep and prep[-1].lower() in table("approximate_year_prep")):
        return False
    after = text[end:end + 3].lstrip(" ")
    if after[:1] in (",", ";", ")", ".") and not re.match(r"[.,]\d", after):
        return True
    return word_after(text, end).lower() in table("approximate_year_follow")


def year_ok(g: Groups, text: str, start: int, end: int) -> bool:
    """A four-digit number is a year unless the context says it is a quantity or a code.
    Years before 1900 need more: a temporal word before them, brackets around them
    ("National Assembly (1789)"), a span of years ("1775-1780") or a section heading of their
    own ("1863", "Eastern theater, 1863": scene.in_heading). After a comma, a year is one only
    when it goes on a span or a list of years ("in 1994, 1995 and 1997"), not an amount."""
    if g.get("pos"):
        return True
    ys = g["year"]
    y = int(ys)
    ystart = start + text[start:end].rfind(ys)
    before = text[max(0, ystart - 2):ystart]
    after = text[end:end + 12]
    span = year_span_end(text, end, y) is not None
    listed = before.endswith(", ") and _LISTED_YEAR.search(text, max(0, ystart - 8), ystart) is not None
    # a section heading of a history: "1863", "Eastern theater, 1863", "1863: the turning point"
    # (asked only where the year would be refused)
    def heading() -> bool:
        return in_heading(text, ystart, ystart + len(ys))
    if re.search(r"[\d$£€#:/.,]\s?$", before) and not before.endswith(". ") \
            and not ((span or listed) and before.endswith(", ")) \
            and not (before.endswith((", ", "\n")) and heading()):
        return False
    if not span and re.match(r"\s*(?:%|percent|per cent|[-–]\d{1,3}(?!\d)|[.:/]\d|\d)", after):
        return False
    if counted_number_list(text, ystart, end):
        return False
    prev = words_before(text, ystart, 1)
    prev_w = prev[-1].lower() if prev else ""
    if prev_w in table("approximate_year_before") and _approximate_year(text, ystart, end):
        return True  # "In about 1850 the town was founded", "Around 1900, the city grew"
    if prev_w in table("quantity_before") and prev_w not in ("of",):
        return False
    nxt = word_after(text, end)
    follow_ok = table("year_follow_ok")
    if running_years(text, ystart, end):  # "2009 and 2010 forecasts": no round count "2010 soldiers"
        follow_ok = {**follow_ok, nxt: True}
    if y % 100 == 0 and nxt and nxt[0].islower() and nxt.lower() not in follow_ok \
            and not _round_year_of_a_noun(text, end, prev_w):
        return False  # "2000 soldiers"
    if re.fullmatch(r"[a-z]+s", nxt) and nxt not in follow_ok and y % 10 == 0:
        return False
    if not 1900 <= y <= 2099 and prev_w not in table("temporal_prep"):
        bracketed = before.endswith("(") or after.startswith(")")
        if not (span or bracketed or heading()):
            return False
    return True


# the lower-case words after a round year, up to the end of its noun phrase (a stop word,
# a punctuation mark or a capital ends it): "his 2000 [presidential campaign]."
_NOUN_PHRASE_AFTER = re.compile(r"(?:\s+[a-z][a-z'-]*){1,3}")


def _round_year_of_a_noun(text: str, end: int, prev_w: str) -> bool:
    """A round year between a determiner and a noun in the singular is the year of that thing
    ("his 2000 presidential campaign", "the 2000 general election"), not a count, which needs a
    plural ("the 2000 soldiers", "his 2000 new recruits", "the 2000 men": round_year_counted)
    or a unit or measure ("a 2000 word essay", "the 1000 mark": round_year_measure):
    context.json round_year_determiner."""
    if prev_w not in table("round_year_determiner"):
        return False
    m = _NOUN_PHRASE_AFTER.match(text, end)
    if m is None:
        return False
    words = []
    stop = table("round_year_determiner_stop")
    for w in m.group().split():
        if w in stop:
            break
        words.append(w)
    counted, measure = table("round_year_counted"), table("round_year_measure")
    return bool(words) and not any(looks_plural(w) or w in counted or w in measure for w in words)


_GENERIC_TODAY = re.compile(r"(?:'s|’s)\s+([a-z]+)(?:[ -]([a-z]+))?(?:[ -]([a-z]+))?")


def generic_today(text: str, start: int, end: int) -> bool:
    """"today's world", "today's global financial system", "the youth of today", "even today":
    the present in general (PRESENT_REF), not the document's day ("today's meeting", "today's
    emergency meeting" are the day). The noun of context.json generic_present_noun may follow
    "today's" after at most two lower-case modifiers, unless a noun of an occasion or a report
    follows it (generic_today_day_head: "today's system failure", "today's investors meeting",
    "today's consumers survey": the day's) or a verb in the past ("Today's voters went to the
    polls early"); "even" or "still" before "today" (generic_today_before) makes it the present
    that lasts ("Even today you can find stains"), unless its clause is told in the past ("Still
    today, rescuers pulled survivors"): the present in general is told in the present."""
    if text[start:end].lower() != "today":
        return False
    m = _GENERIC_TODAY.match(text, end)
    if m is not None:
        from kerryview.text.tense import word_tense
        nouns, stop = table("generic_present_noun"), stopwords()
        words = [w for w in m.groups() if w is not None]
        for k, w in enumerate(words):
            if w in stop:  # "today's announcement of world leaders": the day's
                return False
            if w in nouns:
                after = words[k + 1] if k + 1 < len(words) else word_after(text, m.end()).lower()
                return after not in table("generic_today_day_head") and word_tense(after) != "past"
        return False
    before = words_before(text, start, 1)
    if before and before[-1].lower() in table("generic_today_before"):
        return not _told_in_the_past(text, start, end)
    return bool(before) and before[-1].lower() == "of" and re.match(r"\s*(?:[,.;:!?)]|$)", text[end:end + 3]) is not None


def _told_in_the_past(text: str, start: int, end: int) -> bool:
    """The clause of "today" is told in the past (text.tense, the one tense detector; a
    reporting verb does not count: "he said today's world is ...")."""
    from kerryview.text.tense import tense
    return tense(text, start, end, reporting=False) == "past"
