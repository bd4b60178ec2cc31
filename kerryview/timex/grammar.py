"""Compile rules/rules.tsv into ONE case-insensitive regex (the recognizer).

Each rule becomes a named alternative `r<i>` and its groups are renamed `r<i>_<name>`, so a
single left-to-right scan finds every candidate in linear time; `Rule.groups` maps the
renamed groups back to the short names the normalizers use.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kerryview.gcpause import gc_paused
from kerryview.text.wordlists import time_zones

from .regexcache import compile_guarded
from .lexicon import alternation, data_file, table

# Built-in macros that are patterns rather than word lists.
_BUILTIN: dict[str, str] = {
    "day": r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)",
    "yearany": r"(?:1[0-9]|20)?[0-9]{2}(?!\d)",
    "mm": r"(?:1[0-2]|0?[1-9])",
    "dd": r"(?:3[01]|[12][0-9]|0?[1-9])(?!\d)",
    "hour24": r"(?:[01][0-9]|2[0-3])",
    "minute": r"[0-5][0-9]",
    # a year before Christ written out with its era ("480 BC", "218 B.C."), as in rule year_era
    "bcyear": r"(?<![\d$£€#])\d{1,4} ?(?-i:BCE|BC|B\.C\.E\.|B\.C\.?)(?!\w)",
    # a year of two or three digits written without its era, as a history before Christ writes
    # it once the era is set ("In 481, Xerxes", "In 481 Xerxes gathered"): only before a comma, a
    # full stop, a word that opens a clause or a name, never before a noun it would count ("300
    # Spartans", "in 300 ships", "300 Greeks": a capitalized plural in -ns or -ks is a people)
    "bareyear": (r"(?<![\d$£€#.,])[1-9]\d{1,2}(?=\s*[,;:)]|\.(?!\d)"
                 r"|\s+(?:the|a|an|he|she|it|they|his|her|its|their|this|that)\s"
                 r"|\s+(?-i:[A-Z])[a-z]+(?<![nk]s)(?![\w-]))"),
}


def _any(name: str) -> str:
    """The words of lexicon list `name` as a regex alternation, in file order (these lists have
    no word that is a prefix of another, so the order does not matter)."""
    return "(?:" + "|".join(w.replace(" ", r"\s+") for w in table(name)) + ")"


@lru_cache(maxsize=1)
def _word_builtins() -> dict[str, str]:
    """Built-in macros that are patterns around word lists of the lexicon (numbers, clock words)."""
    tens, ones, teens = _any("tens"), _any("ones"), _any("teens")
    # "March eighth", "the twenty-first of May" (broadcast transcripts spell the day out)
    dayord = sorted((k.replace("-", "[-\\s]") for k in table("day_ordinal")), key=len, reverse=True)
    # the time-zone names after a clock: the lexicon's, in any case, and those of the one table
    # of zones (events/data/time_zones.tsv) as written, in capitals ("10:04 AM ET", "14:46 JST")
    zones = _any("timezone")[3:-1] + "|(?-i:" + "|".join(
        sorted((z for z in time_zones() if len(z) > 1), key=len, reverse=True)) + ")"
    # a zone named by its place, in capitals, then "time": "10 a.m. Beijing time", "3:25 p.m.
    # Eastern time", "14:09 UK time", "9 a.m. Eastern Standard Time" (not "at 5 p.m. That time":
    # lexicon zone_place_not). Only after a clock that is one by itself or by a zone's colon: a
    # four-digit "2010 Olympic time" stays a year
    not_place = "|".join(w.capitalize() for w in table("zone_place_not"))
    # a capital "Time" only after the words of a zone's name (lexicon zone_place_capital_time:
    # "Central Time", "Mountain Standard Time"; not "9 a.m. Question Time followed", a sentence)
    # and lexicon zone_kind_capital_time after the place: "British Summer Time", not "Summer Time")
    zone_place = "|".join(sorted((w.capitalize() for w in table("zone_place_capital_time")), key=len, reverse=True))
    zone_word = "|".join(sorted((w.capitalize() for w in table("zone_place_capital_time") | table("zone_kind_capital_time")),
                                key=len, reverse=True))
    place = (rf"(?-i:(?!(?:{not_place})\s)(?:[A-Z][A-Za-z]+\s+){{0,2}}[A-Z][A-Za-z]+\s+time"
             rf"|(?:{zone_place})(?:\s+(?:{zone_word})){{0,2}}\s+Time)")
    return {
        "num_words": rf"(?:{tens}(?:[-\s]+{ones}(?!\w))?(?!\w))",
        # "00:48 am", as web pages stamp a comment past midnight: the hour 0
        "clock": (r"(?:(?P<hour>1[0-2]|0?[1-9]|00(?=[:.][0-5][0-9]\s*a\.?m))(?:[:.](?P<min>[0-5][0-9]))?\s*(?P<ampm>a\.m\.|p\.m\.|a\.m(?!\w)|p\.m(?!\w)|am(?!\w)|pm(?!\w))"
                  r"|(?P<hhmm>(?:1[0-2]|0?[1-9])[0-5][0-9])(?P<ampm2>am|pm)(?!\w)"
                  # "13.41 BST", as the Guardian stamps its pages: a dot for the colon only before a
                  # time zone ("2.50 hours" is a count of hours)
                  rf"|(?P<h24>[01]?[0-9]|2[0-3])(?:\.(?=[0-5][0-9]\s*(?:{zones})(?!\w))|:)(?P<m24>[0-5][0-9])"
                  rf"(?:(?=\s*(?:GMT|UTC|EDT|EST|CET|BST|local|hours?|hrs|h\b|(?:{zones}|{place})(?!\w)))|hrs\b"
                  # the first clock of a range whose unit comes after the second: "(19:00-03:00hrs)"
                  r"|(?=\s?[-–]\s?(?:[01]?[0-9]|2[0-3]):[0-5][0-9]\s?(?:hrs|hours|h)\b))"
                  # "1930 CDT", "1425 local time": a 24-hour clock without its colon, as the BBC
                  # writes it, is a time when a time zone follows (a year never takes one)
                  rf"|(?P<h4>[01][0-9]|2[0-3])(?P<m4>[0-5][0-9])(?=\s*(?:{zones}|hrs)(?!\w))"
                  # "at 0315 hours", military style: after a preposition of a point in time (a
                  # count of hours has none: "spent 1200 hours training"), "to" only after "from
                  # NNNN hours" ("reduced to 1500 hours"), not before what a count takes ("hours
                  # of fuel", "hours a year")
                  r"|(?:(?<=\bat\s)|(?<=\bfrom\s)|(?<=\buntil\s)|(?<=\bby\s)|(?<=\bbefore\s)|(?<=\bafter\s)"
                  r"|(?<=\bfrom\s\d{4}\shours\sto\s))"
                  r"(?P<h4h>[01][0-9]|2[0-3])(?P<m4h>[0-5][0-9])\s*hours(?!\w)(?!\s+(?:of|a|an|per)\b)"
                  rf"|(?P<named>{_any('clock_word')[3:-1]})(?!\w)"
                  # "at five o'clock", "11 o'clock"
                  rf"|(?P<och>1[0-2]|0?[1-9]|{ones[3:-1]}|ten|eleven|twelve)\s+o['’]clock(?!\w))"),
        "tz": "(?:" + zones + "|" + place + r"|\([A-Z]{3,4}\))(?!\w)",
        # a year; not four digits that read as a clock and are followed by a time zone ("19
        # January, 1815 GMT, entering Haiti": 18:15 GMT on 19 January, as the BBC's live pages
        # write a 24-hour clock without its colon; a year never takes a zone); only when the
        # zone ends a phrase (a comma, a dash, the line's end, a capital): "14 June 2010 EST
        # figures" is a year and a name
        "year": (r"(?<![\d$£€#])(?:1[0-9]|20)[0-9]{2}(?![\d%]|,\d|\.\d)"
                 rf"(?!(?<=(?:1[0-9]|20)[0-5][0-9])\s*(?:{zones})(?!\w)(?=\s*(?:[,.;:)\-–—]|(?m:$))|\s+(?-i:[A-Z0-9])))"),
        "decade": (r"(?:(?P<dec4>(?:1[0-9]|20)[0-9]0)'?s(?!\w)|'?(?P<dec2>[0-9]0)'?s(?!\w)"
                   rf"|(?:the\s+)?(?:(?:nineteen|twenty)[-\s]+)?(?P<decw>{_any('decade_word')[3:-1]})(?!\w))"),
        "ones": ones + r"(?!\w)",
        "teens": teens + r"(?!\w)",
        "spelledyear": rf"(?:nineteen|twenty)[-\s]+(?:{tens}(?:[-\s]+{ones})?|{teens[3:-1]})(?!\w)",
        "dayord": "(?:" + "|".join(dayord) + r")(?![\w-])",
        "tens": tens + r"(?!\w)",
    }


@lru_cache(maxsize=1)
def count_number() -> str:
    """A whole count as a list of counts writes it ("[ten], [fifteen], and twenty years", "[10],
    [20], or 40 years"), beside {num}: digits of up to three places (a comma after them ends the
    item), a tens word with its ones ("twenty-one") or a number word of the lexicon; not
    "a"/"an" (an article there) nor "hundred" alone."""
    words = [k for k in table("number") if not k.startswith(("a ", "an ")) and k not in ("a", "an", "hundred")]
    return rf"(?:\d{{1,3}}|{_word_builtins()['num_words']}|{alternation(words)[3:-1]})(?![\w-])"


# Macros that are lexicon tables (macro name -> lexicon key).
_TABLES: dict[str, str] = {
    "month": "month", "weekday": "weekday", "weekdays": "weekday_plural", "season": "season",
    "pod": "part_of_day", "podpoint": "part_of_day_point", "unit": "unit", "ordinal": "ordinal", "approx": "approx",
    "position": "position", "relative_word": "relative_word", "dayword": "day_word",
    "vague": "vague", "holiday": "holiday", "setadv": "set_adverb", "freqword": "frequency_word", "vnum": "vague_quantity",
}


def _macro(name: str) -> str:
    if name in _BUILTIN:
        return _BUILTIN[name]
    if name in _word_builtins():
        return _word_builtins()[name]
    if name == "num":
        words = [w for w in table("number")]
        # "2,500 years ago": a number with thousands separators is one number, never its last group
        return "(?:" + r"\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:\.\d+)?(?![\d,])|" + _word_builtins()["num_words"] + "|" + alternation(words)[3:-1] + ")"
    if name in _TABLES:
        return alternation(list(table(_TABLES[name])))
    if name == "past_verb":  # a verb in -ed or an irregular past, as the verb test reads one
        from kerryview.text.verbs import past_verb_pattern
        return past_verb_pattern()
    raise KeyError(f"unknown macro {{{name}}} in rules.tsv")


@lru_cache(maxsize=None)
def macro_pattern(name: str) -> str:
    """A macro of rules.tsv: a built-in, a short name of a lexicon list ({pod}), or else any
    lexicon list by its own name ({half_unit}). Kept per process, as the lexicon's tables are:
    the ~250 macros of the rules and negatives are 45 names (expanding each once was a third of
    building the tagger's regex at start-up)."""
    try:
        return _macro(name)
    except KeyError:
        return alternation(list(table(name)))


@dataclass(frozen=True, slots=True)
class Rule:
    """One grammar line: `kind` names its normalizer, `options` tune it; `groups` maps regex
    groups to names."""

    index: int
    name: str
    kind: str
    options: frozenset[str]
    groups: tuple[tuple[str, str], ...]


_MACRO_RE = re.compile(r"\{(?:(\w+)=)?(\w+)\}")


# An optional comma before a space may stand after a space of its own: text tokenised for
# research corpora (ECB+, Timeline17 as their authors give it) writes "May 03 , 2013".
_OPTIONAL_COMMA = (r",?\s+", r"(?:\s?,)?\s+")


def _expand(pattern: str, prefix: str) -> str:
    """Expand {macro}/{name=macro}, spaces -> whitespace runs (an optional comma before one
    may follow a space: _OPTIONAL_COMMA), and prefix every group name."""
    pattern = pattern.replace("[- ]", r"[-\s]").replace(" ", r"\s+").replace(*_OPTIONAL_COMMA)

    def sub(m: re.Match) -> str:
        gname, macro = m.group(1) or m.group(2), m.group(2)
        return f"(?P<{gname}>{macro_pattern(macro)})"

    out = _MACRO_RE.sub(sub, pattern)
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{prefix}_{m.group(1)}>", out)


@dataclass(frozen=True, slots=True)
class Example:
    """A phrase a rule tags ([brackets] mark the expression) and the TIMEX3 it must give."""

    text: str
    expect: str


@dataclass(frozen=True, slots=True)
class RuleLine:
    """One rule of rules.tsv as written: the pattern and the examples that test it. The kind
    column is the normalizer's name, maybe followed by options for it ("month standalone")."""

    name: str
    kind_and_options: str
    pattern: str
    examples: tuple[Example, ...]

    @property
    def kind(self) -> str:
        return self.kind_and_options.split()[0]

    @property
    def options(self) -> frozenset[str]:
        return frozenset(self.kind_and_options.split()[1:])


def read_tsv(name: str, columns: int) -> list[list[str]]:
    """Rows of a tab-separated file of rules/ ("#" lines are comments), `columns` cells each."""
    rows = []
    for n, line in enumerate(data_file(name).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != columns:
            raise ValueError(f"{name}:{n}: {len(cells)} columns, expected {columns}")
        rows.append(cells)
    return rows


def load_rules() -> list[RuleLine]:
    """Every rule of rules/rules.tsv, in file order. A line with empty name, kind and pattern
    gives one more example of the rule above it; "\\n" in an example is a line break."""
    rows: list[tuple[list[str], list[Example]]] = []
    for name, kind, pattern, example, expect in read_tsv("rules.tsv", 5):
        if not name and not kind and not pattern and rows:
            rows[-1][1].append(Example(example.replace("\\n", "\n"), expect))
        else:
            rows.append(([name, kind, pattern], [Example(example.replace("\\n", "\n"), expect)]))
    return [RuleLine(*cells, tuple(examples)) for cells, examples in rows]


def regex_source(lines: list[RuleLine]) -> str:
    """The recognizer's regex (case-insensitive) of the rules `lines`: each rule the named
    alternative r<i>. Every rule starts after a non-word character: tested once, not once per
    rule; each rule is skipped at once where its first character cannot match (firstchar.py)."""
    parts = [f"(?P<r{i}>{_expand(line.pattern, f'r{i}')}(?![\\w]))" for i, line in enumerate(lines)]
    return "(?<!\\w)(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=1)
def compiled() -> tuple[re.Pattern[str], dict[str, Rule]]:
    """The recognizer regex and its rules keyed by outer group name (cached per process)."""
    lines = load_rules()
    # compiled once and kept for the next process (regexcache.py)
    with gc_paused():  # a parse tree of ~50,000 objects, no cycles (kerryview.gcpause)
        regex = compile_guarded(regex_source(lines), re.I)
    # A rule's groups are the named groups of its alternative, in order: `_expand` prefixed
    # each with "r<i>_" (read from the one regex; compiling every rule alone as well doubled
    # the start-up of `kerryview timex`).
    named: dict[str, list[tuple[str, str]]] = {}
    for g in regex.groupindex:
        prefix, _, short = g.partition("_")
        if short:
            named.setdefault(prefix, []).append((g, short))
    rules = {f"r{i}": Rule(i, line.name, line.kind, line.options, tuple(named.get(f"r{i}", ())))
             for i, line in enumerate(lines)}
    return regex, rules
