"""Recognition phase: find the candidates of the grammar in the text, normalize each one.

Trying one big alternation of ~50 rules at every character is slow in Python's `re`, so we
first tokenize (C speed) and pick TRIGGER tokens: words from the lexicon (months, units,
"ago", "now", ...) and digits. Every rule contains a trigger, and at most a few words of
prefix ("the early hours of", "nearly", "at least the past") precede it, so the compiled
grammar is only tried with `match` at the few token starts just before each trigger. The
work is proportional to the number of tokens: linear time. When a normalizer rejects a match
(e.g. "May" the verb) the next start position is tried, so a shorter rule may still fire.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from datetime import date
from functools import lru_cache

from kerryview.cancellation import NEVER, Cancellation

from kerryview.calendar.timex3 import parse_value, years_before_christ
from kerryview.model import Granularity

from .context import number, range_joiner
from .grammar import compiled, count_number
from .lexicon import alternation, table
from .liveblog import with_run_in_stamps
from .negatives import Negative, for_target
from .normalize import NORMALIZERS, Pending
from .normalize_calendar import bc_year

# A normalizer rejects a reading by returning None; an exception in one is a bug of a rule (or of
# its normalizer). The tagger still never raises on it (any text must be taggable: a rule's bug
# loses one expression, not the article), but it is logged, once per rule and kind of error in a
# process, and with STRICT on (environment KERRYVIEW_TIMEX_STRICT=1, as the tests run: conftest.py)
# it is raised, so that a test finds the rule instead of a silently missing expression.
STRICT = os.environ.get("KERRYVIEW_TIMEX_STRICT", "") not in ("", "0")
_LOGGED: set[tuple[str, str]] = set()

_TOKEN = re.compile(r"'?\w+")
_LOOKBACK = 5  # longest rule prefix before its first trigger word, in tokens


@lru_cache(maxsize=1)
def triggers() -> frozenset[str]:
    """Lower-case words that can head a time expression (derived from the lexicon)."""
    words: set[str] = set(table("trigger_extra"))
    stop = table("trigger_stop")
    for name in ("month", "weekday", "weekday_plural", "season", "part_of_day", "part_of_day_point", "unit", "day_word", "vague",
                 "set_adverb", "frequency_word", "decade_word", "ordinal", "position", "holiday", "generic_time_word"):
        for entry in table(name):
            for w in re.findall(r"\w+", entry.lower()):
                if w not in stop:
                    words.add(w)
    return frozenset(words)


@lru_cache(maxsize=1)
def first_words() -> frozenset[str]:
    """Lower-case words a rule can start with: triggers plus the prefix words of the grammar."""
    words = set(triggers()) | set(table("rule_start_extra"))
    for name in ("approx", "position", "relative_word", "number", "tens", "vague_quantity", "set_quant", "vague"):
        for entry in table(name):
            words.update(re.findall(r"\w+", entry.lower())[:1])
    # "eighteenth-century France"; the commonest ordinals are left out (every "first" would be
    # tried), "the first century" still starts at "the"
    words.update(w for w in table("century_ordinal") if w not in ("first", "second", "third"))
    return frozenset(words)


@lru_cache(maxsize=1)
def triggers_after() -> dict[str, frozenset[str]]:
    """Words that trigger only right after one of their listed words ("time" after "that")."""
    return {w: frozenset(before) for w, before in table("trigger_after").items()}


CANCEL_EVERY = 512  # tokens between polls of `cancel`: a few milliseconds of work

# The characters other than ASCII letters that the rules' case-insensitive regular expressions
# (Python's re, Unicode) match as an ASCII letter: the long s, the Kelvin sign, the dotted capital
# and the dotless i. The recognizer reads them as that letter, one character for one (offsets and
# case kept), so that the word lists, the tables and the normalizers' tests, which compare lower-
# cased text, see what the regular expression matched ("the laſt week" is "the last week"; it
# crashed the resolver: "laſt" matched the grammar, not the table of relative words).
REGEX_FOLDED = {"\u017f": "s", "\u212a": "K", "\u0130": "I", "\u0131": "i"}
_FOLD = str.maketrans(REGEX_FOLDED)


def regex_folded(text: str) -> str:
    """`text` with REGEX_FOLDED's characters read as their letters (the same length)."""
    if text.isascii() or not any(c in text for c in REGEX_FOLDED):
        return text
    return text.translate(_FOLD)


def recognize(text: str, cancel: Cancellation = NEVER) -> list[Pending]:
    """Sorted, non-overlapping candidates with underspecified values (`cancel` polled as the
    text is read: a 20 MB article takes minutes). The text is read with `regex_folded`."""
    text = regex_folded(text)
    regex, rules = compiled()
    trig = triggers()
    weak = triggers_after()
    first = first_words()
    prev = ""
    starts: list[int] = []
    out: list[Pending] = []
    pos = 0
    failed: set[int] = set()
    run_in = 0
    for n, tok in enumerate(_TOKEN.finditer(text)):
        if n % CANCEL_EVERY == 0:
            cancel.check()
        w = tok.group()
        if w[0] == "'":
            w = w[1:]
        low = w.lower()
        # most tokens neither start a rule nor trigger one: decided without their offset
        if w[0].isdigit():
            s = tok.start()
            starts.append(s)
            if len(w) == 4 and text[s - 1:s] == " " and text[tok.end():tok.end() + 1] == " " \
                    and text[tok.end() + 1:tok.end() + 2].isupper():
                run_in += 1  # "... injured 2032 Gen Douglas ...": maybe a live blog's stamp
        elif low in first:  # (every trigger is a first word)
            s = tok.start()
            starts.append(s)
            if low not in trig and not (low in weak and prev in weak[low]):
                prev = low
                continue
        else:
            starts.append(-1)
            if not (low in weak and prev in weak[low]):
                prev = low
                continue
            s = tok.start()
        prev = low
        if s < pos:
            continue
        for cand in starts[-_LOOKBACK - 1:]:
            if cand < pos or cand in failed:
                continue
            m = regex.match(text, cand)
            if m is None:
                failed.add(cand)
                continue
            pending = _normalize(m, rules, text)
            if pending is None:
                # a rejected reading: let a shorter rule try at the next character
                pending = _retry(regex, rules, text, cand, m.end())
                if pending is None:
                    failed.add(cand)
                    continue
            lead = leading_day(text, pending, out[-1].end if out else 0)
            out += leading_counts(text, pending, out[-1].end if out else 0)
            if lead is not None:
                out.append(lead)
            elif out:
                share_year(text, out[-1], pending)
            out.append(pending)
            pos = pending.end
            second = coordinated_day(text, pending) or span_second(pending)
            if second is not None:
                out.append(second)
                pos = second.end
            break
    return with_run_in_stamps(text, out, run_in)  # a live blog copied flat: "... injured 2032 Gen Douglas ..."


# "April 24 and 25", "March 3-5", "Dec. 2 or 3": a bare day number joined to a month-day is a
# second date in the same month (TimeML tags it on its own); a year after it applies to both
_COORD_DAY = re.compile(r"(\s*(?:and|or|to|through|-|–)\s*)(\d{1,2})(?:st|nd|rd|th)?\b"
                        r"(?!\s*(?:%|percent|per\b|[.:/]\d|,\d{3}|[-–]\w))(?:,?\s(\d{4})\b)?")


_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)


_LEADING_DAY = re.compile(r"(?<![\w.,:/$-])(?P<span>(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?)\s*(?:-|–|and|or|to)\s*(?:the\s+)?$",
                          re.I)
_DAY_FIRST = re.compile(r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s")


def leading_day(text: str, second: Pending, after: int) -> Pending | None:
    """The first date of a day-first range "6-7 January 1916", "(26-30 November)", "from the
    13th to the 19th of October": a bare day number (with its "the" and ordinal ending) before a
    day-month date is a date of the same month and year (TimeML tags it)."""
    bc = _years_before_christ(second)
    if bc is not None:
        return _leading_bc_year(text, second, after, bc)
    if not _DAY_FIRST.match(text, second.start, second.end):
        return None
    if second.op == "md":
        month, day, year = second.args["month"], second.args["day"], second.args.get("year")
    elif second.value is not None and re.fullmatch(r"\d{4}-\d\d-\d\d", second.value):
        year, month, day = (int(x) for x in second.value.split("-"))
    else:
        return None
    m = _LEADING_DAY.search(text, max(after, second.start - 20), second.start)
    if m is None or not 1 <= int(m.group(2)) < day:
        return None
    first = int(m.group(2))
    if year is not None:
        return Pending(m.start("span"), m.end("span"), "DATE", value=f"{year:04d}-{month:02d}-{first:02d}", rule=second.rule)
    args = {**second.args, "day": first, "weekday": None}
    return Pending(m.start("span"), m.end("span"), "DATE", op="md", args=args, rule=second.rule)


@lru_cache(maxsize=1)
def _leading_count() -> re.Pattern[str]:
    """A list of counts that ends right before a count of units from a date, joined by commas or
    "and"/"or": "[ten], [fifteen], and twenty years earlier", "[5] and 10 years later"."""
    num = count_number()
    # a comma with a space after it ("2,500 years ago" is one number), and "and"/"or" before the
    # count ("about seven, eight months ago" is one approximate count, no list)
    return re.compile(rf"(?<![\w.,:/$-])((?:{num},\s+)*{num}),?\s+(?:and|or)\s+$", re.I)


_FIRST_WORD = re.compile(r"\s*([\w-]+)")


def leading_counts(text: str, count: Pending, after: int) -> list[Pending]:
    """The counts listed before a count of units from a date, each the same count with its own
    number ("Hitler had [ten], [fifteen], and twenty years earlier": 1940, 1935 and 1930 from
    1950; "[five] and ten years later"): an elided unit, as in "ten, fifteen and twenty years".
    TimeML tags each number as a date of its own. Only for "N units later/earlier/ago", and only
    a list of smaller numbers written as the count's is (digits or words: "He was 5 and two weeks
    ago" is an age)."""
    if count.op != "shift" or not count.args.get("ago") or not count.args.get("n"):
        return []
    head = _FIRST_WORD.match(text, count.start, count.end)
    own = number(head.group(1)) if head is not None else None
    if not own:
        return []
    m = _leading_count().search(text, max(after, count.start - 80), count.start)
    if m is None:
        return []
    out = []
    for item in re.finditer(count_number(), m.group(1), re.I):
        n = number(item.group())
        if n is None or not 0 < n < own or item.group()[0].isdigit() != head.group(1)[0].isdigit():
            return []
        start = m.start(1) + item.start()
        out.append(Pending(start, start + len(item.group()), count.type, op=count.op,
                           args={**count.args, "n": count.args["n"] * n / own}, mod=count.mod, rule=count.rule))
    return out


_LEADING_YEAR = re.compile(r"(?<![\w.,:/$-])(\d{1,4})\s*(?:-|–|to|through|and|or)\s*$")


def _years_before_christ(p: Pending) -> int | None:
    """The year before Christ of a stated year ("241 BC": 241), None for any other value."""
    v = parse_value(p.value) if p.value is not None else None
    return years_before_christ(v) if v is not None and v.granularity is Granularity.YEAR else None


def _leading_bc_year(text: str, second: Pending, after: int, bc: int) -> Pending | None:
    """"264 to 241 BC", "(240-238 BC)", "between 492 and 490 BC", "in 480 or 479 BC": the first
    number is a year before Christ too (larger: years before Christ count down)."""
    m = _LEADING_YEAR.search(text, max(after, second.start - 10), second.start)
    if m is None or int(m.group(1)) <= bc:
        return None
    return Pending(m.start(1), m.end(1), "DATE", value=bc_year(int(m.group(1))), rule=second.rule)


def share_year(text: str, first: Pending, second: Pending) -> None:
    """"14 August-24 August 1914", "from 5 May to 9 June 1998", "between March and April
    1918", "in August or September 480 BC": a range or an alternative whose second date states
    the year gives it to the first one, which states none."""
    if second.value is None or not range_joiner().fullmatch(text, first.end, second.start):
        return
    if first.op == "md" and first.args.get("year") is None and re.fullmatch(r"\d{4}-\d\d-\d\d", second.value):
        first.args = {**first.args, "year": int(second.value[:4])}
    elif (first.op == "month" and first.args.get("rel") is None and first.args.get("yearshift") is None
          and not first.args.get("that") and re.fullmatch(r"(?:BC)?\d{4}-\d\d", second.value)):
        # "between March and April 1918", "in August or September 480 BC"
        first.value, first.op = f"{second.value[:-3]}-{first.args['month']:02d}", None
    elif (first.op == "season" and first.args.get("rel") is None and first.args.get("yearshift") is None
          and re.fullmatch(r"(?:BC)?\d{4}-(?:SP|SU|FA|WI)", second.value)):
        # "summer and autumn 1918"
        first.value, first.op = f"{second.value[:-3]}-{first.args['season']}", None


def span_second(first: Pending) -> Pending | None:
    """The second year of "1915-17" or "1775-1780", found by the year normalizer ("span"); of
    "the 98-99 season", whose century the resolver gives as it gives the first's (op "yy")."""
    second = first.args.get("second") if first.value is not None or first.op == "yy" else None
    if second is None:
        return None
    start, end, year = second
    if first.op == "yy":
        return Pending(start, end, "DATE", op="yy", args={"yy": year, "after": first.args["yy"]}, rule=first.rule)
    return Pending(start, end, "DATE", value=f"{year:04d}", rule=first.rule)


def coordinated_day(text: str, first: Pending) -> Pending | None:
    """The second date of "April 24 and 25", or None."""
    if first.op != "md" or first.args.get("year") is not None or first.args.get("suffix"):
        return None
    m = _COORD_DAY.match(text, first.end)
    if m is None:
        return None
    day, joiner = int(m.group(2)), m.group(1).strip()
    if not first.args["day"] < day <= 31 or (joiner not in ("and", "or") and day - first.args["day"] > 14):
        return None
    if _MONTH_AFTER.match(text, m.end(2)):
        return None  # "14 August-24 August": the second number starts a date of its own
    try:
        date(2000, first.args["month"], day)
    except ValueError:
        return None
    year = int(m.group(3)) if m.group(3) else None
    if year is not None and not 1800 <= year <= 2200:
        year = None
    end = m.end(3) if year is not None else m.end(2)
    if year is not None:
        first.args = {**first.args, "year": year}
    args = {**first.args, "day": day, "weekday": None}
    return Pending(m.start(2), end, "DATE", op="md", args=args, mod=first.mod)


@lru_cache(maxsize=1)
def rule_negatives() -> Mapping[str, tuple[Negative, ...]]:
    """The negative rules that veto each rule of the grammar, by its name or by its kind (those
    of a rule compiled when it first matches: negatives.for_target)."""
    return _RuleNegatives({r.name: r.kind for r in compiled()[1].values()})


class _RuleNegatives(Mapping):
    """Rule name -> the negative rules that veto it, found when first asked for."""

    def __init__(self, kinds: dict[str, str]):
        self._kinds = kinds
        self._found: dict[str, tuple[Negative, ...]] = {}

    def __getitem__(self, name: str) -> tuple[Negative, ...]:
        found = self._found.get(name)
        if found is None:
            found = self._found[name] = for_target(name) + for_target(self._kinds[name])
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._kinds)

    def __len__(self) -> int:
        return len(self._kinds)


def _normalize(m: re.Match, rules: dict, text: str) -> Pending | None:
    rule = rules[m.lastgroup]
    groups = {short: v for full, short in rule.groups if (v := m.group(full)) is not None}
    start, end = m.span()
    for neg in rule_negatives().get(rule.name, ()):
        if neg.vetoes(text, start, end):
            return None
    try:
        pending = NORMALIZERS[rule.kind](groups, text, start, end, rule.options)
    except Exception as exc:  # a bug of the rule: see STRICT
        rule_failed(rule.name, text[start:end], exc)
        return None
    if pending is None or (pending.value is None and pending.op is None) or pending.end <= pending.start:
        return None
    pending.rule = rule.name
    return pending


def rule_failed(rule: str, matched: str, exc: Exception) -> None:
    """Report a normalizer's exception on `matched` (rule `rule`): raised with STRICT, else
    logged (a warning the first time for this rule and kind of error, then at debug level)."""
    if STRICT:
        raise RuntimeError(f"timex rule {rule} failed on {matched!r}: {exc!r}") from exc
    import logging  # here: a process that tags one file starts without it (~7 ms)

    key = (rule, type(exc).__name__)
    level = logging.DEBUG if key in _LOGGED else logging.WARNING
    _LOGGED.add(key)
    logging.getLogger(__name__).log(level, "timex rule %s failed on %r (expression dropped): %r", rule, matched[:80], exc)


def _retry(regex: re.Pattern, rules: dict, text: str, start: int, end: int) -> Pending | None:
    """After a rejected match at `start`, the first accepted match inside text[start+1:end]."""
    pos = start + 1
    while pos < end:
        m = regex.search(text, pos, end)
        if m is None:
            return None
        p = _normalize(m, rules, text)
        if p is not None:
            return p
        pos = m.start() + 1
    return None
