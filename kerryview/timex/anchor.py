"""Resolution phase: give every underspecified value a calendar value.

Relative expressions are resolved against either the document creation time ("yesterday",
"last month", weekdays with the tense of their clause) or the LAST MENTIONED date of a
suitable granularity ("the previous day", "two days later", "a year earlier"): the
narrative reference that HeidelTime mostly ignores. `anchor`/`anchor_kind` record which.
In a text that narrates a past of its own (narrative.genre: a history, not news) the dates
written without a year ("in March", "on 12 August", "that autumn") and "the end of the year"
follow the story's last date instead of the DCT; deictic "last year", "this week" do not.
In news, "a day later" counted inside quoted or reported speech ("Hayward says ... a day later")
is the reference only until that speech ends (scene.speech_end): later bare clock times and "the
next day" follow the writer's last date, not the speaker's.
"""
from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta
from functools import lru_cache

from kerryview.cancellation import NEVER, Cancellation
from kerryview.model import Granularity, Timex

from kerryview.calendar import values
from kerryview.calendar.timex3 import parse_duration, parse_value, time_of_day, years_before_christ
from .lexicon import alternation, table
from .narrative import Genre, genre
from .news import frame_year, own_clause_start
from .scene import (bracket_aside, in_quotation, names_a_thing, of_phrase_end, participle_aside, past_perfect_after,
                    past_perfect_before, speech_end)
from .normalize import Pending
from .context import duration_value, is_post, number, range_joiner, unit_code
from .normalize_calendar import bc_year, week_of_year
from kerryview.text.sentences import MAX_SENTENCE_CHARS, paragraph_break, sentence_spans
from kerryview.text.tense import heads_entry, may_look_ahead, past_expectation, reported_plan, tells_now, tense
from kerryview.text.plural import looks_plural
from kerryview.text.verbs import has_finite_verb
from kerryview.text.wordlists import cues, event_lists, modals, pronouns, stopwords, tense_cues

Ref = tuple[date, str, str]  # first day, granularity, value
# A month-day without a year in a future clause lies at most this many days before the DCT
# and at most this many after it (in other clauses: 100 days after, 183 or 300 before).
FUTURE_BACK_DAYS = 60
FUTURE_AHEAD_DAYS = 300
# the day a story stands at when it has reached the end of a year ("late 1903", "at the end of
# 1904"): between its last two months; a month-day or season is placed from it (_story_year_near)
LATE_YEAR_DAY = (11, 30)
# the months at a year's start in which "the new year" told in the past or present is the year
# just begun (anchor.Resolver._new_year_begun)
NEW_YEAR_MONTHS = 2
FAR_AHEAD = 10  # years: a named date further ahead of the story is a citation, not the story's next step


@lru_cache(maxsize=1)
def _range_opener() -> re.Pattern[str]:
    """What opens a range before its first date ("[from] July through September")."""
    return re.compile(r"\b(from|between)\s+(?:(?:early|late|mid-?)\s*)?$", re.I)


@lru_cache(maxsize=1)
def _deadline() -> re.Pattern[str]:
    """A deadline cue ending the text before an expression, maybe with a clock time between."""
    cues = "|".join(re.escape(c) for c in sorted(table("deadline_cue"), key=len, reverse=True))
    return re.compile(rf"\b(?:{cues})(?: (?:\d{{1,2}}(?::\d\d)? ?[ap]\.?m\.?|noon|midnight|the end of))?(?: on)? ?$")


def deadline_before(text: str, start: int) -> bool:
    """A deadline preposition just before the expression ("until", "as soon as", "by")."""
    before = " ".join(text[max(0, start - 40):start].lower().split()[-4:])
    return _deadline().search(before) is not None


# How many words before a deadline cue ("by", "until") the modal or the word of a plan may stand:
# "is [expected] to be permanently sealed by Sunday", "plans to drill two wells [intended] to plug the
# leak by August"; and how far before the "to" of its infinitive the word of a plan may stand
# ("[promised] legislation to address ...", "an [order] for non-essential businesses to remain ...")
PLAN_REACH = 10
PLAN_TO_REACH = 4


def planned_deadline(text: str, start: int, end: int) -> bool:
    """A deadline ("by Sunday", "until August") of what its clause plans, foresees or orders,
    not of what it reports done: after a modal ("could be sealed by Sunday", "may not be capped
    until Christmas"; not a past one: "may have been killed by", "could not get in until"), or
    in an infinitive of a plan (rules/news.json plan_before_infinitive: "is expected to be
    sealed by Sunday", "hoped to get supplies in by Thursday"; any "to be": "was to be sealed
    by Sunday"). The date lies ahead of the report, whatever the tense of the verb that reports
    the plan; a plan of the past perfect ("had decided to delay action until Monday") is past
    (rules/news.json news_readings deadline_of_a_plan). A date before "'s" names an event
    ("killed by Tuesday's quake")."""
    if not deadline_before(text, start) or text.startswith(("'s", "\u2019s"), end):
        return False
    raw = _CLAUSE_CUT.split(text[max(0, start - 200):start])[-1].split()[:-1][-PLAN_REACH:]
    words = [w.lower().strip(",") for w in raw]
    cues = tense_cues()
    plans = table("plan_before_infinitive")
    # the words that end the reach of a modal or a "to": a finite auxiliary ("who could leave
    # [had] left the city by Monday"), a coordinator after a comma ("the cap would hold, [but] it
    # failed by Tuesday"; not "could be sealed and capped by Sunday", two verbs of one modal):
    # tense_cues.json reported_plan_breaks and clause_coordinators, as for tense.reported_plan
    ends = [w in cues["reported_plan_breaks"] and (w not in cues["clause_coordinators"] or k and raw[k - 1].endswith(","))
            for k, w in enumerate(words)]
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if any(ends[i + 1:]):
            continue  # the modal or the "to" governs another clause than the deadline's
        if w in modals()["modals"] and nxt != "have" \
                and not (w in cues["ability_modals"] and nxt in cues["negation"]):
            return True
        if w in modals()["negated_modals"] and nxt != "have":
            return True  # "we can't get troops there until April": not before April, still ahead
        if w == "to" and i + 1 < len(words):
            before = words[max(0, i - PLAN_TO_REACH):i]
            plan = next((k for k in range(len(before) - 1, -1, -1) if before[k] in plans), None)
            if plan is not None and "had" not in before[max(0, plan - 2):plan]:
                return True
            if nxt == "be" and "had" not in before[-2:]:
                return True
    return False


# How far before a month a comparison's word may stand in its clause ("well below their peak in")
COMPARISON_CHARS = 60


@lru_cache(maxsize=1)
def _comparison_before() -> re.Pattern[str]:
    """A word of rules/news.json comparison_before ("than", "below", "peak", "compared with")."""
    return re.compile(r"\b(?:" + alternation(table("comparison_before")) + r")", re.I)


# How many words before a date its governing "since" may stand ("since the explosion aboard the
# Deepwater Horizon drilling rig on [20 April]")
SINCE_REACH = 14


def since_phrase_before(text: str, start: int, end: int) -> bool:
    """A date inside the phrase that "since" governs, after the clause's verb ("the first time
    since the explosion aboard the rig on [20 April] that ...", "his third trip since the oil
    rig explosion on [April 20]"): what "since" counts from lies before the clause's time, even
    when the clause looks ahead. A "since" that opens its clause may be the causal one ("Since
    the vote in March will decide ..."), and a verb between "since" and the date makes it a
    clause of its own ("since talks will resume in March", "since the rains usually come in
    September": _clause_after): neither counts (rules/news.json news_readings
    date_of_a_since_phrase). tense_cues.json past_before gives the words."""
    words = _CLAUSE_CUT.split(text[max(0, start - 200):start])[-1].split()[-SINCE_REACH:]
    lows = [w.lower().strip(",") for w in words]
    since = [k for k, w in enumerate(lows) if w in tense_cues()["past_before"]]
    if not since or since[-1] == 0 or words[since[-1] - 1].endswith(","):
        return False
    if _clause_after(lows[since[-1] + 1:]):
        return False  # "since the rains usually come in September": a clause of its own, causal
    head = " ".join(words[since[-1] + 1:]) + " "
    return tense(head + text[start:end], len(head), len(head) + end - start) is None


def _clause_after(words: list[str]) -> bool:
    """The words after "since" open a clause with its subject and verb, not a noun phrase: a
    subject pronoun first ("since it rains less in August"; events/data/lead_rules.json
    pronoun_subjects), a finite verb (text.verbs.has_finite_verb: "since they arrived"), or a
    plural noun and then a word that is no function word, its verb or an adverb before it
    ("since the rains usually come", "since talks resume")."""
    if not words:
        return False
    if words[0] in event_lists("lead_rules.json")["pronoun_subjects"] or has_finite_verb("since " + " ".join(words)):
        return True
    stop = stopwords()
    return any(looks_plural(w) and nxt.isalpha() and nxt not in stop for w, nxt in zip(words, words[1:]))


# Words that may stand between the two parts of a forward cue: the object of "extended ...
# through" ("extended Control Data up to $90 million in revolving loans through January").
FORWARD_GAP = 12
# The words and clause ends of the clause before a count after "in" (Resolver._count_ahead)
_WORD_OR_CUT = re.compile(r"[A-Za-z'\u2019]+|[.;:!?]")
# A whole count of years, months, weeks or days (a DURATION's value read by calendar.timex3
# .parse_duration), the "in" right before it, and a complement after it: Resolver._count_ahead
_WHOLE_COUNT_UNITS = ("Y", "M", "W", "D")


def _whole_count(value: str | None) -> tuple[int, str] | None:
    """(n, unit) of a duration of 1 to 999 whole years, months, weeks or days (P5Y, P2W)."""
    amounts = parse_duration(value)
    if not amounts or len(amounts) != 1:
        return None
    unit, n = next(iter(amounts.items()))
    return (int(n), unit) if unit in _WHOLE_COUNT_UNITS and n.is_integer() and 1 <= n <= 999 else None


@lru_cache(maxsize=1)
def _count_of_units() -> re.Pattern[str]:
    """The count of units itself: a number, or "a"/"an", maybe after an approximation of
    lexicon.json approx ("about 20 years", "a couple of weeks", "10 years' time"), in a unit of
    lexicon.json unit of years, months, weeks or days; not "the next six months", "a season"."""
    openers = [w for w, v in table("approx").items() if v == "APPROX"]
    units = [w for w, code in table("unit").items() if code in _WHOLE_COUNT_UNITS]
    return re.compile(rf"(?i)(?:{alternation(openers)} )?([\w-]+)(?: (?:or|to) [\w-]+| couple of)? "
                      rf"{alternation(units)}(?:['\u2019]s?)?(?: time)?")


BLOCKER_WORDS = 5  # how many words before "in" a record's or a first's word may stand (_count_ahead)
# the clause before a count (a period inside a number does not end it) and its words, numbers
# with a currency or a percent sign: Resolver._amount_before; the end of a sentence: _asks_what
_AMOUNT_CLAUSE_CUT = re.compile(r"[!?;:\n\"“”()]|\.(?!\d)")
_AMOUNT_TOKEN = re.compile(r"[$£€]?\d[\d,.]*%?|[A-Za-z][A-Za-z'’-]*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    """The words of lexicon.json number and tens ("five", "twenty"): a quick look before
    context.number reads a word as a count (Resolver._amount_before)."""
    return frozenset(table("number")) | frozenset(table("tens"))


_TIME_AFTER_COUNT = re.compile(r"(?i)['’]s?\s+time\b")
_IN_JUST_BEFORE = re.compile(r"\bin\s+$", re.I)


@lru_cache(maxsize=1)
def _complement_after() -> re.Pattern[str]:
    """A complement right after the count (news.json count_ahead_complements: "in two years of talks")."""
    return re.compile(rf"[ \t]*{alternation(table('count_ahead_complements'))}", re.I)


@lru_cache(maxsize=1)
def _forward() -> re.Pattern[str]:
    """A cue that points the date after it forward whatever its clause's tense ("was postponed
    until March", "extended the loans through June", "expires Friday")."""
    def cue(c: str) -> str:  # "extended through" also matches "extended the loans through"
        first, _, rest = c.partition(" ")
        if not rest:
            return re.escape(first)
        # only a verb with an object has words between ("scheduled a hearing for"), and the noun
        # "deadline" with its complement ("the deadline for filing claims is"); "set for" must not
        # reach back to "set aside $5 million for"
        gap = FORWARD_GAP if first.endswith(("ed", "ing")) or first in ("put", "push", "deadline") else 0
        return re.escape(first) + rf"(?: [\w'$.,-]+){{0,{gap}}} " + re.escape(rest)
    cues = "|".join(cue(c) for c in sorted(table("forward_cue"), key=len, reverse=True))
    return re.compile(rf"\b(?:{cues})(?: (?:\d{{1,2}}(?::\d\d)? ?[ap]\.?m\.?|noon|midnight|the end of|early|late|mid))?(?: on| in| at)? ?$")


@lru_cache(maxsize=1)
def _ahead() -> re.Pattern[str]:
    """A cue that puts the date after it after its clause's time ("ahead of Friday's report")."""
    cues = "|".join(re.escape(c) for c in sorted(table("ahead_cue"), key=len, reverse=True))
    return re.compile(rf"\b(?:{cues})(?: (?:the|a|an))?(?: (?:early|late|mid))? ?$")


_CLAUSE_OR_COMMA = re.compile(r"[.!?;:,\n\"“”(]")


def ahead_before(text: str, start: int) -> int | None:
    """Where "ahead of", "in advance of" (lexicon.json ahead_cue) starts just before the
    expression at `start`, or None."""
    left = text[max(0, start - 40):start]
    m = _ahead().search(left.lower())
    return None if m is None or not re.fullmatch(r"[\w\s]*", left[m.start():]) else max(0, start - 40) + m.start()


def forward_before(text: str, start: int) -> bool:
    """A postponement, extension or expiry just before the expression: the date lies ahead."""
    before = " ".join(text[max(0, start - 100):start].lower().split()[-FORWARD_GAP - 4:])
    m = _forward().search(before)
    # "it had been due to expire Friday": a plan already past (the past perfect) looks back; the
    # "had" of the cue's own verb, not of a clause further back ("Chevron had been fined ... The
    # commission has until 15 December")
    # ("had been scheduled to expire at midnight Friday": four words back)
    return m is not None and re.search(r"\bhad\b", " ".join(before[:m.start()].split()[-4:])) is None


# the words before an expression that its verb may stand among: "overpowered two prison guards
# [today]"; a relative pronoun among them puts the verb in another clause ("the consequences
# that we know all too well today")
_VERB_REACH = 4
_CLAUSE_CUT = re.compile(r"[.!?;:\n\"“”()]")


def _past_verb_just_before(text: str, start: int, end: int) -> bool:
    """A verb in the past among the few words before the expression, in its own clause: the
    expression dates that past event ("announced today", "overpowered two guards today")."""
    words = _CLAUSE_CUT.split(text[max(0, start - 80):start])[-1].split()[-_VERB_REACH:]
    relative = pronouns()["relative_pronouns"] | {"that"}  # ("that": the complementizer as well)
    if not words or any(w.lower() in relative for w in words):
        return False
    # the past verb must head the expression's own verb phrase: a coordinator, a present
    # auxiliary or a participle of its own between them ends it ("was rebuilt and stands today",
    # "is called Thermopylae today", "remained standing today": rules/narrative.json
    # today_verb_phrase_break)
    breaks, not_participles = table("today_verb_phrase_break"), table("today_ing_no_participle")
    progressive = table("today_progressive_auxiliary")
    lows = [w.lower().strip(",") for w in words]
    if any(w in breaks or (len(w) > 5 and w.endswith("ing") and w not in not_participles
                           and not (k and lows[k - 1] in progressive)) for k, w in enumerate(lows)):
        return False
    head = " ".join(words) + " "
    return tense(head + text[start:end], len(head), len(head) + end - start) == "past"


_LAST_BEFORE = re.compile(r"\blast\s+$", re.I)
# "[Jan. 7] of that year", "[July 25] of the same year", "[Dec. 20] of last year"
# the year phrase after a month-day ("Jan. 7 of that year", "25 June that same year", "8 February
# the following year", "on 3 March last year"); not a possessive ("25 June, last year's winner")
_OF_YEAR_AFTER = re.compile(r",?\s+(?:of\s+)?(?P<phrase>(?P<that>that(?:\s+same)?|the\s+same)|the\s+(?P<dir>[a-z]+)"
                            r"|(?P<rel>last|this|next))\s+year\b(?![\'\u2019])", re.I)
# a second month-day coordinated with the first, whose year phrase names both ("on 15 October and
# 9 November that year", "on 3, 5 and 9 May of that year"): _of_that_year
_COORDINATED_DAY = re.compile(r"(?:(?:\s*,\s*|\s+(?:and|or)\s+|\s*[-–]\s*)(?:\d{1,2}(?:st|nd|rd|th)?(?:\s+[A-Z][a-z]+\.?)?"
                              r"|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?)(?![\w:]))+")
_SPAN_JOINER = re.compile(r"\s*[-–—]\s*")
# the day a time of day is said to fall on, right after it: "at dawn [the next day]", "at noon on
# the same day", "at 4 p.m. the following day", "late that day" (op_time_ref)
_DAY_AFTER_TIME = re.compile(r"\s+(?:on\s+|of\s+)?(?P<phrase>(?:the\s+(?P<dir>[a-z]+)|that(?:\s+same)?)\s+day)\b(?![\'\u2019])",
                             re.I)
# "... was imported by the end of 1776": the word (or comma) before "by", and whether "the end of"
# stands outside the expression
_BY_THE_END = re.compile(r"(?:\b([A-Za-z]+)|,)\s+by\s+(the\s+end\s+of\s+)?$")
_BY_BEFORE = re.compile(r"\bby\s+$", re.I)
_THE_END_OF = re.compile(r"the\s+end\s+of\s", re.I)
_CLAUSE_BREAK = re.compile(r"[.;:!?\n]")  # the ends of a clause, roughly (anchor.Resolver._habit)
# how many days before the story's last day a day written in full must lie to be a fact recalled
# in passing rather than the story's next step (anchor.Resolver._day_recalled)
RECALLED_DAYS = 30
# how far from the story's year before Christ a year written without its era may lie and still be
# read as before Christ ("490 BC ... In 481,"); farther, "In 300," is more likely a count
STORY_BC_YEARS = 50


# a date that opens its sentence, after a preposition and a word or two ("In 1944", "By early 1945")
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?;:]\s+|\n\s*)(?:[A-Z][a-z]*)(?:\s+[a-z]+)?\s+$")
# the middle day of a season (winter, across the year's end, has its own rule in op_season)
_SEASON_MIDDLE = {"SP": (4, 15), "SU": (7, 15), "FA": (10, 15)}


_ASIDE_LEFT = re.compile(r"[,(\u2013\u2014]\s*(\w+)\b[^,.;:!?()\u2013\u2014\n]*$")


@lru_cache(maxsize=1)
def _deictic_relative() -> re.Pattern[str]:
    """A deictic relative word not after "the" ("this summer", not "the next spring")."""
    return re.compile(rf"(?<!\bthe )\b{alternation(table('deictic_relative_word'))}", re.I)


@lru_cache(maxsize=1)
def _period_start() -> re.Pattern[str]:
    """The preposition that makes the date after it the start of a period ("since 1945")."""
    return re.compile(rf"\b{alternation(table('period_start_preposition'))}\s+$", re.I)


def _in_relative_aside(text: str, pos: int) -> bool:
    """Whether text[pos] stands in a relative clause set off by a comma or a bracket (", which
    is now a museum,", ", who now lives in Texas,"): lexicon aside_relative_pronoun."""
    m = _ASIDE_LEFT.search(text, max(0, pos - 120), pos)
    return m is not None and m.group(1).lower() in table("aside_relative_pronoun")


class Resolver:
    """Walks the candidates of one text in order, remembering the dates mentioned so far."""

    def __init__(self, text: str, dct: date | None, kind: Genre | None = None) -> None:
        self.text = text
        self.dct = dct
        self.narrative = kind is not None and kind.narrative
        self.history = kind is not None and kind.history  # a history's own conventions (narrative.is_history)
        self.dct_value = dct.isoformat() if dct else None
        self.refs: list[Ref] = []
        self.stated: list[Ref] = []  # dates the text states (not derived from another mention)
        self.from_dct: set[int] = set()  # ids of the refs counted from the DCT (_past_after_dct)
        self.story: list[Ref] = []  # dates not counted from the DCT: the story's time line
        # the last year before Christ mentioned ("218 BC") and how many dates came before it:
        # Python's calendar has no BC, so "two years later" after it is counted here
        self.bc: tuple[int, int] | None = None
        self.bc_value: str | None = None  # that date's value in full ("BC0218-10"): count_before_christ
        self.hold_story = False  # set by an operation whose value must not become the story's time
        self.as_duration = False  # set by an operation whose expression is a duration here (op_past_span)
        self.in_bc = False  # the story's last year is before Christ (which Python's dates cannot hold)
        self.last_explicit: tuple[Pending, tuple[date, str]] | None = None  # the date just before, if stated
        # in news, a date counted inside someone's speech and where that speech ends: the
        # reference only until then (resolve)
        self.aside: tuple[int, Ref] | None = None
        self.at = 0  # where the expression being resolved starts
        self.ref_span = (-1, -1)  # where the last of self.refs was written (_range_start)
        self.story_day_at = -1  # where the story's last day (or finer date) was written
        self.late_year: Ref | None = None  # the story's last date, when it is the end of a year ("late 1903")
        # without a DCT, the last date the text wrote that could not be placed ("yesterday",
        # "on Tuesday"), as (how many refs, how many story dates) came before it: a later "that
        # day" or "the next morning" is that unknown day's, not an older date's (last_ref)
        self.unknown: tuple[int, int] | None = None
        # where the phrase naming the year of a month-day or the day of a time of day starts ("8
        # February [the following year]", "at dawn [the next day]"), its unit, and the value the
        # date before it took from it (_of_that_year, op_time_ref): the phrase is that year or
        # day, not one more counted from the date before it (op_shift)
        self.named_after: tuple[int, str, str, str | None] | None = None
        # where the last of month-days coordinated before a year phrase ends, and the year the
        # first of them took from it ("on 8 February and 9 March the following year"): _of_that_year
        self.shared_year: tuple[int, int, str | None] | None = None

    # --- reference helpers ----------------------------------------------------------------
    def last_ref(self, max_rank: int) -> Ref | None:
        """Most recent mentioned date at least as fine as granularity rank `max_rank` (in a
        narrative, of the story's dates: "last year" said by the writer is not the story's)."""
        if self.aside is not None and self.at < self.aside[0] and values.RANK[self.aside[1][1]] <= max_rank:
            return self.aside[1]
        if self.unknown is not None and self.unknown == (len(self.refs), len(self.story)):
            return None  # the last date written is unknown: what counts from it is too
        for ref in reversed(self.story if self.narrative else self.refs):
            if values.RANK[ref[1]] <= max_rank:
                return ref
        return None

    def focus_ref(self, grans: tuple[str, ...]) -> Ref | None:
        """The period the story is about: the latest mention of granularity `grans` that is
        not older than a year before the DCT (financial news compares "the quarter" with "a
        year ago", and an old comparison date must not become the focus)."""
        for ref in reversed(self.refs):
            if ref[1] in grans and (self.dct is None or (self.dct - ref[0]).days <= 400):
                return ref
        return None

    def _range_start(self, p: Pending) -> date | None:
        """The first day of the date that opens a range whose end is `p` ("from July through
        September", "between December and March", "from Dec. 5 to Jan. 3"): the end lies after
        the start, whatever the tense or a deadline word says (rules/lexicon.json range_joiner)."""
        start, end = self.ref_span
        if not self.refs or end < 0 or range_joiner().fullmatch(self.text, end, p.start) is None:
            return None
        opener = _range_opener().search(self.text, max(0, start - 12), start)
        if opener is None or self.refs[-1][1] not in ("M", "D"):
            return None
        joiner = self.text[end:p.start].strip().lower()
        return self.refs[-1][0] if (joiner == "and") == (opener.group(1).lower() == "between") else None

    def _tense(self, p: Pending, reporting: bool = True) -> str | None:
        """The tense of the expression's clause; "future" after a forward cue (anchor._forward)."""
        if forward_before(self.text, p.start) or planned_deadline(self.text, p.start, p.end):
            return "future"
        if p.op in ("md", "month") and since_phrase_before(self.text, p.start, p.end):
            return "past"
        t = tense(self.text, p.start, p.end, reporting=reporting)
        cue = ahead_before(self.text, p.start) if t != "future" else None
        if cue is not None and self._done_ahead_now(p, cue, t):
            return "future"  # "tickets have been sold ahead of Saturday's concert"; not "Shares fell
            # on Thursday ahead of Friday's report": a past clause's time is the reference (ahead_cue)
        return t

    def _done_ahead_now(self, p: Pending, cue: int, t: str | None) -> bool:
        """Whether what is done "ahead of" the date p is told in a clause that tells now or
        looks ahead: the tense of the words before the cue, what is done ahead ("Shares fell
        ahead of", "tickets have been sold ahead of", "brothers speak about their brother ahead
        of"), not of a clause after the date; the whole sentence's (`t`) when the cue opens its
        clause ("Ahead of Friday's report, shares fell")."""
        left = self.text[:p.end]  # the clause after the date is another's ("..., in which turnout was low")
        before = tense(left, p.start, p.end)
        if before is None:
            cut = max((m.end() for m in _CLAUSE_OR_COMMA.finditer(self.text, max(0, cue - 200), cue)), default=max(0, cue - 200))
            if self.text[cut:cue].strip():
                return True  # words with no tense cue: a present the cues do not know ("speak")
            before, left = t, self.text
        return before != "past" or tells_now(left, p.start, p.end)

    def _own_clause_tense(self, p: Pending) -> str | None:
        """The tense of the expression's clause, but a future read from the main clause before
        its own is read again in its own alone ("Talks will continue next month, but at the
        weekend the two sides traded accusations": "traded", not "next"; rules/news.json
        news_readings weekend_of_its_own_clause). Only a future: a past that governs the
        sentence ("there were, as of March, five, but after this weekend there now appear set
        to be only three") stays."""
        t = self._tense(p)
        cut = own_clause_start(self.text, p.start) if t == "future" else None
        if cut is None or forward_before(self.text, p.start):
            return t
        return tense(self.text[cut:], p.start - cut, p.end - cut)

    def _compares_with_the_past(self, p: Pending) -> bool:
        """Whether the expression is the point a comparison looks back to ("5% lower than in
        September", "below their peak in August", "compared with March": rules/news.json
        comparison_before in its clause before it), which a present clause does not make
        present: a past point."""
        cut = own_clause_start(self.text, p.start)
        left = self.text[max(cut or 0, p.start - COMPARISON_CHARS):p.start]
        return _comparison_before().search(left) is not None

    def _story_year_near(self, p: Pending, story: Ref, month: int, day: int) -> int:
        """The year of a month-day in a story: the story's year, or the next one when the
        story's last date is a day or month late in the year and the month-day lies nearer
        ahead of it ("6 December 1916 ... 14 January" is 1917-01-14), or when it is the end of
        a year ("In late 1903 ... In January" is 1904-01: the end is taken as LATE_YEAR_DAY; not
        after "by the end of 1945", a summary of where things stood: resolve)."""
        ref, gran = story[0], story[1]
        year = ref.year
        if story is self.late_year:
            ref = date(year, *LATE_YEAR_DAY)
        elif values.RANK[gran] > values.RANK["M"]:
            return year
        here = date(year, month, min(day, 28))
        if (ref - here).days > 183:
            return year + 1
        if here <= ref and self._tense(p) == "future" and not past_expectation(self.text, p.start, p.end) \
                and not past_perfect_before(self.text, p.start):
            # a clause that looks ahead ("In June elections will be held", "the army would attack
            # in March", "was scheduled for May"): the first such month after the story's day;
            # not one that looks ahead from before the story's day ("which was to have started in
            # June", "had promised that the attack would begin in June": tense_cues.json
            # past_expectation, the past perfect), the story's own year
            return year + 1
        return year

    def story_year(self, p: Pending) -> Ref | None:
        """In a narrative, the last mentioned date with a year: the story's time (None in news)."""
        if not self.narrative or self.in_bc:
            return None
        rank = values.RANK["Y"]
        if self.aside is not None and self.at < self.aside[0] and values.RANK[self.aside[1][1]] <= rank:
            return self.aside[1]  # inside a quotation that has a date of its own (_quoted_elsewhen)
        return next((r for r in reversed(self.story) if values.RANK[r[1]] <= rank), None)

    def _looks_back_by_name(self, p: Pending, first_day: date) -> bool:
        """In a narrative, a date that names a thing of an earlier time ("the Constitution of
        1790" said while the story is in 1793, "the August 1792 uprising"): the story stays where
        it was. A named date ahead of the story ("the June 1916 Brusilov offensive" after 1915)
        moves it on, as a new section does, unless it is decades ahead: a book or a law cited by
        its year ("How Wars Are Won (2003)" in a history of 1950) (scene.names_a_thing)."""
        if not self.narrative:
            return False
        story = self.story_year(p)
        if story is None:
            return False
        if first_day.year > story[0].year + FAR_AHEAD:  # "How Wars Are Won (2003)" in a history of 1950
            return names_a_thing(self.text, p.start, p.end)
        return first_day.year < story[0].year \
            and (names_a_thing(self.text, p.start, p.end) or past_perfect_before(self.text, p.start)
                 or past_perfect_after(self.text, p.start, p.end) or participle_aside(self.text, p.start, p.end))

    def _foretold(self, p: Pending, first_day: date) -> bool:
        """In a narrative, a year ahead of the story's in a clause that looks ahead from the
        story's time, the future in the past ("Churchill, who would become prime minister in
        1940, opposed it", "the island would remain Japanese until 1945", "he was to die in
        1946"; the future cues of text/data/tense_cues.json), or the date a plan was made for
        ("the meeting was planned for May 1789": lexicon.json forward_cue): the writer foretells
        what came later, the story stays where it was (narrative.json story_readings foretold)."""
        story = self.story_year(p)
        if story is None or first_day.year <= story[0].year or _OPENS_SENTENCE.search(self.text, max(0, p.start - 30), p.start):
            return False  # "In 1944, ...": a year that opens its sentence frames it, the story's
        if forward_before(self.text, p.start):
            return True
        # the cue of a foretelling stands before the date ("who would become prime minister in")
        return may_look_ahead(self.text, p.start, p.end, right=False) and tense(self.text, p.start, p.end) == "future"

    def _summary_ahead(self, p: Pending, first_day: date) -> bool:
        """In a narrative, a later year after "by the end of" inside a clause ("... was imported by
        the end of 1776", said of 1775) states where a development had got to; the story stays.
        At the head of a sentence or clause ("By 1942 the tide had turned", "..., and by the end of
        1945 they stood on the Elbe", "...; by 1945 ...") it is the story's next step; a bare "by
        1945" after a verb may be the agent's "by" ("beaten by 1945 troops"), so it is left alone."""
        story = self.story_year(p)
        if story is None or first_day.year <= story[0].year:
            return False
        m = _BY_THE_END.search(self.text, max(0, p.start - 60), p.start)
        if m is None or (m.group(2) is None and _THE_END_OF.match(self.text, p.start) is None):
            return False
        return m.group(1) is None or m.group(1).lower() not in cues()["coordinating_conjunctions"]

    def _bc_story_year(self, later: int = 0) -> str | None:
        """In a history whose story is before Christ, its year ("BC0480"), or the year `later`
        years on ("the following spring" after 480 BC is BC0479-SP); None elsewhere, or when the
        count runs past year 1."""
        if not (self.in_bc and self.narrative and self.bc is not None):
            return None
        value = bc_year(self.bc[0] - later)
        return None if value == "XXXX" or self.bc[0] - later > 9999 else value  # no BC10000

    def _counts_from_bc(self) -> bool:
        """The last date mentioned is one before Christ ("In the spring of 480 BC ... Two days
        later"): Python's calendar cannot count from it, and the DCT or an older date is not what
        the count starts from, so the count's value is undated."""
        return self.in_bc and self.bc is not None and self.bc[1] == len(self.refs)

    def _count_in_bc_story(self, unit: str, n: float, gran: str, p: Pending | None = None):
        """In a story before Christ, a count of days, weeks or months from its last date, as
        from a date of our era (count_before_christ: "Later that month" after "October 218 BC"
        is BC0218-10, "three days later" after "11 August 480 BC" BC0480-08-14). From a coarser
        date the story's year is kept and the rest is unknown, as in a story of our era
        (_story_without_day: "two days later" after "the spring of 480 BC" is BC0480-XX-XX, "that
        day" after "October 218 BC" BC0218-10-XX). None outside such a story, and for years and
        longer units (op_shift counts those down from the year)."""
        if not (self.in_bc and self.bc is not None and self.bc_value) or unit not in values.UNDERSPECIFIED \
                or values.RANK[unit] >= values.RANK["Y"]:
            return None
        counted = count_before_christ(self.bc_value, unit, n, gran)
        if counted is not None:
            return counted, self.bc_value, "narrative"
        year = bc_year(self.bc[0])
        v = parse_value(self.bc_value)
        if unit == "D" and n == 0 and v is not None and v.granularity == Granularity.MONTH \
                and (p is None or p.op in ("shift", "time_ref")):
            return f"{self.bc_value}-XX", self.bc_value, "narrative"  # "that day" of the month
        return values.UNDERSPECIFIED.get(gran, "XXXX").replace("XXXX", year, 1), self.bc_value, "narrative"

    def _bc_flashback(self, p: Pending, bc: int) -> bool:
        """_flashback for a story before Christ: a year counted back from it (more years before
        Christ) in a clause in the past perfect ("The previous year he had taken Saguntum")."""
        if not self.narrative or self.bc is None or bc <= self.bc[0]:
            return False
        return past_perfect_after(self.text, p.start, p.end) or past_perfect_before(self.text, p.start)

    def _flashback(self, p: Pending, first_day: date) -> bool:
        """In a narrative, a date counted back from the story in a clause in the past perfect
        ("The year before, Italy had surrendered"): a flashback; the story stays where it was."""
        if not self.narrative or not self.story or first_day >= self.story[-1][0]:
            return False
        return past_perfect_after(self.text, p.start, p.end) or past_perfect_before(self.text, p.start)

    def _day_recalled(self, p: Pending, parsed: tuple[date, str]) -> bool:
        """In a narrative, a day written in full that lies weeks before the story's last day, in the
        same paragraph ("... assigned to the French on 28 March. A Supreme War Council was created
        on 5 November 1917. ... Operation Marne was launched on 15 July"): a fact recalled in
        passing, the story stays where it was (a new paragraph may go back: a new thread)."""
        if not self.narrative or parsed[1] != "D" or self.story_day_at < 0 or not self.story \
                or self.story[-1][1] != "D" or (self.story[-1][0] - parsed[0]).days <= RECALLED_DAYS:
            return False
        return not paragraph_break(self.text, self.story_day_at, p.start)

    def _writers_relative(self, p: Pending, rel: int | None) -> bool:
        """In a dated news story read as a narrative for its background (not a history), a month
        or season counted with a deictic word ("this summer", "last April", "next spring":
        narrative.json deictic_relative_word; not "the next spring", "the following April",
        which count from the story) outside quoted speech is the writer's, counted from the
        DCT as "last year" is."""
        if rel is None or not self.narrative or self.history or self.dct is None:
            return False
        return _deictic_relative().search(self.text, p.start, p.end) is not None \
            and not in_quotation(self.text, p.start)

    def _in_aside(self, p: Pending, first_day: date) -> bool:
        """In a narrative, a date of another year than the story's inside an aside: a
        parenthesis after words of its own ("(born in 1880)", scene.bracket_aside), or a relative
        clause set off by a comma that goes back before the story (", who took office in
        1899,", ", which it had lost to the British in 1704": _in_relative_aside). An aside tells
        something of a person or a thing, in the background; the story's time is carried by its
        main clauses, so the story stays where it was. A relative clause with a later date may
        carry the story on (", who crossed the river again on 3 May 1863."): it moves the
        story, as a main clause does."""
        if not self.narrative:
            return False
        story = self.story_year(p)
        if story is None or first_day.year == story[0].year:
            return False
        return bracket_aside(self.text, p.start, p.end) \
            or (first_day.year < story[0].year and _in_relative_aside(self.text, p.start))

    def _not_the_story_time(self, p: Pending, first_day: date) -> bool:
        """In a narrative, an earlier year than the story's that opens a period reaching the
        story's time ("Since 1945 the peninsula was divided": narrative.json
        period_start_preposition): the story does not go back to it."""
        if not self.narrative:
            return False
        story = self.story_year(p)
        if story is None or first_day.year >= story[0].year:
            return False
        return _period_start().search(self.text, max(0, p.start - 20), p.start) is not None

    def _quoted_elsewhen(self, p: Pending, first_day: date, kind: str | None) -> int | None:
        """In a narrative, where the quotation ends around a date of another year than the
        story's ('"By the spring of 1920 we will have won," he wrote in 1917'): the speaker speaks
        from the story's day, of a time he hopes for or recalls. Until the quotation ends that
        date is the reference (a quoted letter may tell a story of its own: "born on July 21st,
        1962 ... on that day"); after it the story goes on where the writer left it (the news
        reading of speech, self.aside). None elsewhere, and for a quotation its paragraph does not
        close."""
        if not self.narrative:
            return None
        if self.aside is not None and p.start < self.aside[0]:
            return self.aside[0]  # a later date of the same quotation: still the speaker's
        if kind is not None:
            return None
        story = self.story_year(p)
        if story is None or first_day.year == story[0].year or not in_quotation(self.text, p.start):
            return None
        ends = speech_end(self.text, p.start, p.end)
        # a quotation still open at its paragraph's end is a text quoted at length (a letter, a
        # message), which narrates on its own: its dates are the story's
        return ends if ends is not None and self.text.startswith(('"', "\u201d"), ends) else None

    def _story_without_day(self, p: Pending, ref: Ref | None, unit: str) -> tuple[str, str | None, str | None] | None:
        """In a narrative, "two days later" counted from a story that has only reached a year or
        a month since its last day ("in October ... four days later", or no day at all): the
        story's year with the rest unknown ("1915-XX-XX"), never a day from the DCT or from an
        older passage the story has left. "That day" after a month is a day of that month
        ("1944-06-XX")."""
        if not self.narrative or unit not in values.UNDERSPECIFIED or values.RANK[unit] >= values.RANK["Y"]:
            return None
        if self.in_bc:  # a story before Christ: counted from its last date (_count_in_bc_story)
            counted = self._count_in_bc_story(unit, p.args.get("n", 0), unit, p)
            return counted if counted is not None else (values.UNDERSPECIFIED[unit], None, None)
        story = self.story_year(p)
        if story is None or story is ref or (ref is not None and _within(ref, story)):
            return None
        if unit == "D" and story[1] == "M" and p.op in ("shift", "time_ref") and p.args.get("n", 0) == 0:
            # "In June 1944 ... That day", "the same day", "that evening": a day of the story's month
            return f"{story[0].year:04d}-{story[0].month:02d}-XX", story[2], "narrative"
        return values.UNDERSPECIFIED[unit].replace("XXXX", f"{story[0].year:04d}", 1), story[2], "narrative"

    def _ends_a_span(self, p: Pending, parsed: tuple[date, str]) -> bool:
        """In a narrative, the second date of a span written with a dash, as section headings and
        brackets write them ("War and Counter-Revolution (1792-1797)", "Western Front (1914–1918)"):
        the story goes on from the span's start, so "On 20 April" after the heading is 1792's.
        ("from 1861 to 1865. In April ..." is left to the last date: a summary may end there.)"""
        if not self.narrative or self.last_explicit is None:
            return False
        first, (first_day, first_gran) = self.last_explicit
        if first_gran != parsed[1] or not first_day < parsed[0]:
            return False
        return _SPAN_JOINER.fullmatch(self.text, first.end, p.start) is not None

    # --- operations -------------------------------------------------------------------------
    def resolve(self, p: Pending) -> Timex | None:
        ahead = self._count_ahead(p)
        if ahead is not None:
            return Timex(p.start, p.end, self.text[p.start:p.end], "DATE", ahead, p.mod, None, None, self.dct_value, "dct")
        value, anchor, kind = p.value, None, None
        self.hold_story = False
        self.as_duration = False
        self.at = p.start
        if p.op is not None:
            try:
                result = getattr(self, "op_" + p.op)(p, **p.args)
                if result is None:  # not a date here (op_story_bc)
                    return None
                value, anchor, kind = result
                if not values.in_calendar(value):
                    raise values.OutsideCalendar(value)
            except (ValueError, OverflowError):  # calendar arithmetic past year 1 or 9999
                value, anchor, kind = _underspecified(p), None, None
        # "a year earlier" compares with the focus period, it does not move the story on
        # (but "two days later" does)
        comparison = (p.op == "shift" and p.args.get("ago") and p.args.get("base") == "narrative"
                      and p.args.get("unit") in ("Y", "Q")
                      and not (self.narrative and (p.args.get("n") or 0) > 0)) \
            or (p.op == "quarter_ref" and p.args.get("yearshift"))
        # (but in a narrative "two years later" is the story's next step: "In 1914 ... Two years
        # later ... In July" is 1916's July; "a year earlier" still looks back from the story)
        # nor does a stretch from now on ("in the next day or two"): "Two weeks later" after it
        # counts from the story's date, not from tomorrow
        comparison = comparison or bool(p.args.get("stretch"))
        bc = _before_christ(value) if p.type in ("DATE", "TIME") else None
        if bc is not None and (comparison or kind == "narrative" and self._bc_flashback(p, bc)):
            bc = None  # "Two years earlier", "The previous year he had taken Saguntum": not the story's step
        if bc is not None:  # "218 BC", "the spring of 480 BC", "that night": the story is before Christ
            self.bc = (bc, len(self.refs))
            self.bc_value = value
            self.in_bc = True
        elif p.type == "DATE" and not comparison and _period_before_christ(value):
            # "the 490s BC", "the 5th century BC": the story is before Christ, in no one year, so
            # "In August" after it is XXXX-08 and "two years later" XXXX, never a year of our era
            self.bc, self.bc_value, self.in_bc = None, value, True
        if value == "PRESENT_REF" and self._back_to_the_present(p):
            # the story is at the DCT again, a day the text did not write: a full date of the
            # past after this still moves the story back (_day_recalled: no story day written)
            self.story.append((self.dct, "D", self.dct_value))
            self.story_day_at = -1
        if p.type in ("DATE", "TIME") and not comparison and not self.as_duration:
            parsed = values.parse(value)
            ends = self._speech_end(p, anchor, kind)
            if ends is None and parsed is not None:
                ends = self._quoted_elsewhen(p, parsed[0], kind)
            if parsed is not None and ends is not None:
                # news: "a day later" counted inside what someone says ("Hayward says ... a day
                # later", or in quotation marks) is the speaker's account; the story's day that a
                # later bare "7.51 pm" or "the next day" follows stays where the writer left it
                self.aside = (ends, (parsed[0], parsed[1], value))
            elif parsed is None and self.dct is None and value and value.startswith("XXXX"):
                self.unknown = (len(self.refs), len(self.story))
            elif parsed is not None:
                self.aside = None
                self.refs.append((parsed[0], parsed[1], value))
                if kind == "dct":  # "this year", "two years from now": counted from the publication
                    self.from_dct.add(id(self.refs[-1]))
                self.ref_span = (p.start, p.end)
                if kind != "dct" and not self.hold_story and not (kind is None and self._looks_back_by_name(p, parsed[0])) \
                        and not (kind == "narrative" and self._flashback(p, parsed[0])) \
                        and not (kind is None and self._summary_ahead(p, parsed[0])) \
                        and not (kind is None and self._ends_a_span(p, parsed)) \
                        and not (kind is None and self._foretold(p, parsed[0])) \
                        and not (kind is None and self._day_recalled(p, parsed)) \
                        and not (kind is None and self._in_aside(p, parsed[0])) \
                        and not (kind is None and self._not_the_story_time(p, parsed[0])):
                    self.story.append((parsed[0], parsed[1], value))
                    # "In late 1903", "at the end of 1904": the story stands at the year's end (not
                    # "by the end of 1945", where things stood then: a summary, its April is 1945's)
                    self.late_year = self.story[-1] if p.mod == "END" and parsed[1] == "Y" \
                        and _BY_BEFORE.search(self.text, max(0, p.start - 4), p.start) is None else None
                    self.in_bc = False
                    if parsed[1] == "D":
                        self.story_day_at = p.end
                self.last_explicit = (p, parsed) if kind is None else None
                if kind != "narrative":
                    self.stated.append((parsed[0], parsed[1], value))
        type_ = "DURATION" if self.as_duration else p.type
        return Timex(p.start, p.end, self.text[p.start:p.end], type_, value, p.mod, p.freq, p.quant, anchor, kind)

    def _back_to_the_present(self, p: Pending) -> bool:
        """A dated news story read as a narrative for its background (narrative.genre: five past
        years or more, yet no history: narrative.is_history) that says "now" or "currently" in a
        clause of the present tense ("the events that are now unfolding in the Gulf") has come
        back from its background to the writer's day: the story's time is the DCT again, and a
        bare "at the beginning of June" after it is the publication's June, not the last past
        year's (rules/news.json news_readings present_after_a_background). A history's "now" in
        the past tense ("the army was now exhausted") is the story's own present, and so is a
        "now" in an aside about a noun, a relative clause set off by a comma ("the site, which is
        now a museum, was sold": lexicon aside_relative_pronoun)."""
        return (self.narrative and not self.history and self.dct is not None
                and not in_quotation(self.text, p.start) and tense(self.text, p.start, p.end) == "present"
                and not _in_relative_aside(self.text, p.start))

    def _speech_end(self, p: Pending, anchor: str | None, kind: str | None) -> int | None:
        """In news, where the speech ends around a date counted from another ("a day later" in
        quoted or reported speech), or from such a date while that speech goes on ("at 3 p.m."
        after it in the same quotation); None for a date of the writer's own story."""
        if self.narrative or kind != "narrative":
            return None
        if self.aside is not None and p.start < self.aside[0] and anchor == self.aside[1][2]:
            return self.aside[0]
        return speech_end(self.text, p.start, p.end) if p.op == "shift" else None

    def _year_for(self, p: Pending, month: int, day: int) -> tuple[int | None, str | None, str | None]:
        """Year of a month-day mentioned without one: the DCT year, moved by the clause tense
        (in a narrative: the year of the story's last date)."""
        story = self.story_year(p)
        if story is not None:
            return self._story_year_near(p, story, month, day), story[2], "narrative"
        if self.in_bc and self.narrative:  # "on 12 August" in a story before Christ: not the DCT's year
            return None, None, None
        framed = frame_year(self.text, p.start, p.end)
        if framed is not None and not self.narrative:  # "In 1918, there was a first wave ... in April"
            return framed, str(framed), "narrative"
        if self.dct is None:  # news whose publication date is unknown: so is the year of "May 9"
            return None, None, None
        first = self._range_start(p)
        if first is not None:  # "from Dec. 5 to Jan. 3": the first such day after the range's start
            return first.year + ((month, day) < (first.month, first.day)), self.dct_value, "dct"
        year = self.dct.year
        try:
            cand = date(year, month, min(day, 28) if month == 2 else day)
        except ValueError:
            cand = date(year, month, 1)
        delta = (cand - self.dct).days
        # the nearest such date; news rarely mentions a date more than half a year away without its year
        t = self._tense(p, reporting=False)
        # news mostly reports the past: a date more than two months ahead is last year's unless
        # the clause is in the future tense
        if t == "future":
            # a clause that looks ahead moves the window ahead: from two months before the DCT
            # ("will take effect Jan. 1" said in March is next year's) to ten months after it
            # ("is scheduled for Dec. 5"); the two months leave room for a misread tense
            # ("hoped she would ... where the Aug. 7 blasts killed")
            if delta < -FUTURE_BACK_DAYS:
                year += 1
            elif delta > FUTURE_AHEAD_DAYS:
                year -= 1
        elif delta > (183 if t == "present" and not self._compares_with_the_past(p) else 100):
            # a present clause tells of now or of what is scheduled ("the hurricane season hits
            # in May" said in January): the nearest such date, not the past one
            year -= 1
        elif delta < -300 or (delta < -183 and t != "past" and not self._compares_with_the_past(p)):
            # (a point a comparison looks back to stays behind: "still down 27 percent from its
            # close on April 20" said in December)
            year += 1
        return year, self.dct_value, "dct"

    def _of_that_year(self, p: Pending) -> tuple[int, str | None, str] | None:
        """The year a "(of) ... year" phrase right after a month-day names ("Jan. 7 of that year",
        "25 June that same year": the one last mentioned; "8 February the following year": the
        one after it; "Dec. 20 of last year": the DCT's counted back; lexicon.json relative_word),
        or after month-days coordinated with it ("on 15 October and 9 November that year");
        None without such a phrase, or when that year is not known. The year phrase itself then
        reads the same year (named_after, op_shift), not one more counted from this day
        (rules/news.json news_readings month_day_of_that_year, month_day_that_year,
        month_day_the_following_year, coordinated_days_of_that_year)."""
        m = _OF_YEAR_AFTER.match(self.text, p.end)
        own = m is not None  # the phrase follows this day, not a day coordinated with it
        c = None
        if m is None and (c := _COORDINATED_DAY.match(self.text, p.end)) is not None:
            m = _OF_YEAR_AFTER.match(self.text, c.end())
        if m is None:
            return None
        if self.shared_year is not None and self.shared_year[0] == (p.end if own else c.end()):
            # "on 8 February and [9 March] the following year": the year of the first day
            if own:
                self.named_after = (m.start("phrase"), "Y", f"{self.shared_year[1]:04d}", self.shared_year[2])
            return self.shared_year[1], self.shared_year[2], "narrative"
        if m.group("that") or m.group("dir"):
            shift = 0
            if m.group("dir"):  # "the following year", "the previous year": counted from the story's
                word = m.group("dir").lower()
                if word not in table("story_relative_word") and word not in table("story_relative_word_only"):
                    return None  # "the new year", "the coming year": not a year of the story
                shift = table("direction_word")[word]
            ref = self.last_ref(values.RANK["Y"])
            if ref is None:
                return None
            if own:
                self.named_after = (m.start("phrase"), "Y", f"{ref[0].year + shift:04d}", ref[2])
            else:  # the last of the days coordinated with this one takes the same year
                self.shared_year = (c.end(), ref[0].year + shift, ref[2])
            return ref[0].year + shift, ref[2], "narrative"
        if self.dct is None:
            return None
        return self.dct.year + table("relative_word")[m.group("rel").lower()], self.dct_value, "dct"

    def op_md(self, p: Pending, month: int, day: int, year: int | None, suffix: str = "",
              weekday: int | None = None):
        if year is not None:
            return f"{year:04d}-{month:02d}-{day:02d}{suffix}", None, None
        if self.dct is not None and _LAST_BEFORE.search(self.text, max(0, p.start - 8), p.start):
            # "last Oct. 23": the latest such day before the document date
            y = self.dct.year - (0 if (month, day) < (self.dct.month, self.dct.day) else 1)
            return f"{y:04d}-{month:02d}-{day:02d}{suffix}", self.dct_value, "dct"
        of_year = self._of_that_year(p)
        y, anchor, kind = of_year if of_year is not None else self._year_for(p, month, day)
        bc = self._bc_story_year() if y is None and weekday is None else None
        if bc is not None:  # "On 22 September" in a story of 480 BC: BC0480-09-22
            return f"{bc}-{month:02d}-{day:02d}{suffix}", bc, "narrative"
        if y is not None and weekday is not None:
            # "Monday, Oct. 26": the year in which that date is a Monday, nearest first
            for cand in (y, y - 1, y + 1):
                try:
                    if date(cand, month, day).isoweekday() == weekday:
                        y = cand
                        break
                except ValueError:
                    continue
        ys = "XXXX" if y is None else f"{y:04d}"
        return f"{ys}-{month:02d}-{day:02d}{suffix}", anchor, kind

    def op_dom(self, p: Pending, day: int, months: int | None = None):
        """"on the 20th": that day of the last month the text mentioned ("the 20 September ...
        the 20th"), or else the month of the DCT nearest in the clause's direction ("sank on the
        28th" said on the 18th is last month's, "is due on the 12th" next month's). `months`:
        the month named after it, counted from the last one ("the 3rd of the following month": 1)."""
        ref = self.last_ref(values.RANK["M"])
        if ref is not None:
            y, m = ref[0].year, ref[0].month
            if months:
                y, m = divmod(y * 12 + m - 1 + months, 12)
                m += 1
            date(y, m, day)  # "the 31st" of a short month: ValueError, underspecified
            return f"{y:04d}-{m:02d}-{day:02d}", ref[2], "narrative"
        if self.dct is None or self.narrative or months is not None:
            return f"XXXX-XX-{day:02d}", None, None
        y, m = self.dct.year, self.dct.month
        ahead = self._tense(p, reporting=False) == "future"
        if day > self.dct.day and not ahead:  # "it sank on the 28th" said on the 18th: last month's
            y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        elif day < self.dct.day and ahead:  # "the vote is due on the 12th" said on the 18th: next month's
            y, m = (y, m + 1) if m < 12 else (y + 1, 1)
        date(y, m, day)
        return f"{y:04d}-{m:02d}-{day:02d}", self.dct_value, "dct"

    def op_holiday(self, p: Pending, rule: str, year: int | None, rel: int | None, suffix: str = "",
                   history: int | None = None, span: str | None = None):
        if not rule:
            raise ValueError("a holiday with no date rule")  # underspecified, never a crash
        if span is not None:
            # "Easter week", "the Thanksgiving weekend", "over the Memorial Day weekend": the week
            # of the holiday; the weekend nearest it, the one before a Monday or Tuesday holiday
            value, anchor, kind = self.op_holiday(p, rule, year, rel, history=history)
            if not _FULL_DAY.fullmatch(value):
                return f"{value[:4]}-WXX" + ("-WE" if span == "WE" else ""), anchor, kind
            day = date.fromisoformat(value)
            if span == "WE" and day.isoweekday() <= 2:
                day -= timedelta(days=3)
            return values.fmt(day, span), anchor, kind
        if history is not None and year is None and (self.narrative or self.dct is None):
            # a day named for what happened on it ("V-E Day", lexicon.json holiday YYYY-MM-DD): in
            # a history, or with no reference time, that day; in news its anniversary, as any holiday
            return values.holiday(rule, history).isoformat(), None, None
        if suffix:  # "Christmas night": the holiday's value with the part of day
            value, anchor, kind = self.op_holiday(p, rule, year, rel)
            if len(value) != 10 and rule[0].isdigit() and len(rule) == 5:
                value = "XXXX-" + rule  # no year known: the day is still known ("XXXX-12-25TNI")
            return (value + suffix if len(value) == 10 else value), anchor, kind
        if year is not None:
            return values.holiday(rule, year).isoformat(), None, None
        story = self.story_year(p)
        if story is not None and rel is None:
            # the story's year, or the next when the holiday lies over half a year behind the
            # story's day, as a month-day does ("At Christmas 1914 ... At Easter": 1915's)
            d = values.holiday(rule, story[0].year)
            year = self._story_year_near(p, story, d.month, d.day)
            return values.holiday(rule, year).isoformat(), story[2], "narrative"
        if self.dct is None or (self.in_bc and self.narrative):
            # no reference time, or a story before Christ ("Third Punic War (149 B.C to 146 B.C)
            # Good Friday"): the holiday's year is unknown, as a month-day's is (_year_for), and
            # as "in August" is in such a story (op_month)
            return "XXXX-" + (rule[:2] if rule[0].isdigit() and len(rule) == 5 else "XX-XX"), None, None
        y = self.dct.year
        if rel is None or rel == 0:
            d = values.holiday(rule, y)
            y, _, _ = self._year_for(p, d.month, d.day)
        elif rel < 0:
            y -= 0 if values.holiday(rule, y) < self.dct else 1
        else:
            y += 0 if values.holiday(rule, y) > self.dct else 1
        return values.holiday(rule, y).isoformat(), self.dct_value, "dct"

    def op_month(self, p: Pending, month: int, rel: int | None, yearshift: int | None, that: bool = False,
                 the_year: bool = False):
        # "the last month of the year": in news (a dated text that does not narrate, Genre) the
        # DCT's year, not the year last mentioned as in a history
        news = the_year and self.dct is not None and not self.narrative
        ref = self.last_ref(values.RANK["Y"]) if that and not news else None
        if ref is not None:  # "October of that year", "March of the following year"
            return f"{ref[0].year + (yearshift or 0):04d}-{month:02d}", ref[2], "narrative"
        story = None if self._writers_relative(p, rel) else self.story_year(p)
        if story is not None:
            year = story[0].year + (yearshift or 0)
            if rel is None and yearshift is None:
                year = self._story_year_near(p, story, month, 15)
            if rel is not None and rel < 0:  # "the previous April": the last one before the story's date
                year -= 0 if month < story[0].month else 1
            elif rel is not None and rel > 0:
                year += 0 if month > story[0].month else 1
            return f"{year:04d}-{month:02d}", story[2], "narrative"
        shadow = bc_shadow(self.bc_value) if self.in_bc and self.narrative and rel else None
        if shadow is not None and values.RANK[shadow[1]] <= values.RANK["M"] and not yearshift:
            # "the previous April" after "August 480 BC": the last April before it, as in our era
            d = shadow[0]
            year = d.year - (0 if month < d.month else 1) if rel < 0 else d.year + (0 if month > d.month else 1)
            value = from_shadow(f"{year:04d}-{month:02d}")
            if value is not None:
                return value, self.bc_value, "narrative"
        if self.in_bc and self.narrative:  # "in August" in a story before Christ: its year's
            # ("March of the following year": the year after it, counted down)
            bc = self._bc_story_year(yearshift or 0) if rel is None and (not yearshift or that) else None
            return f"{bc or 'XXXX'}-{month:02d}", bc, "narrative" if bc else None
        if self.dct is None:
            if rel is None and yearshift in (None, 0):
                y, anchor, kind = self._year_for(p, month, 15)
                return (f"{y:04d}" if y else "XXXX") + f"-{month:02d}", anchor, kind
            return f"XXXX-{month:02d}", None, None
        year = self.dct.year
        first = self._range_start(p) if rel is None and yearshift is None else None
        if first is not None:  # "from July through September": the first September after July
            return f"{first.year + (month < first.month):04d}-{month:02d}", self.dct_value, "dct"
        if rel is None and yearshift is None and frame_year(self.text, p.start, p.end) is not None:
            return self._year_month(p, month)  # "In 1918, ... in April": the frame's year
        if yearshift is not None:
            year += yearshift
        elif rel == -1:  # "last June": the latest June before this month; but the month just
            # before the DCT's would be "last month", so "last February" said in March is a year back
            year -= 0 if month < self.dct.month - 1 else 1
        elif rel == 1:
            year += 0 if month > self.dct.month else 1
        elif rel is None:
            # a bare month name: the latest such month in a past clause, the next one in a future
            # clause ("will fly in December" said in March), else the nearest
            t = self._tense(p, reporting=False)
            if t != "past" and deadline_before(self.text, p.start):
                t = "future"  # "loans through January", "until March": the next one
            ahead = (month - self.dct.month) % 12  # months from the DCT month to the next such month
            if t == "past" and 2 <= ahead <= 10 and month > self.dct.month:
                year -= 1
            elif t == "future" and 2 <= ahead <= 10:
                year += 0 if month > self.dct.month else 1
            elif t == "past" and month < self.dct.month:
                pass
            else:
                year, _, _ = self._year_for(p, month, 15)
        return f"{year:04d}-{month:02d}", self.dct_value, "dct"

    def op_week_of_year(self, p: Pending, week: int, **month_args):
        """"the last week of the year", "the first week of that year": the week of the year that
        op_month finds for the year's first or last month (normalize_calendar._month_ordinal)."""
        value, anchor, kind = self.op_month(p, **month_args)
        return week_of_year(value[:-3], week), anchor, kind

    def _year_month(self, p: Pending, month: int):
        y, anchor, kind = self._year_for(p, month, 15)
        return f"{y:04d}-{month:02d}", anchor, kind

    def op_season(self, p: Pending, season: str, rel: int | None, yearshift: int | None, that: bool = False):
        ref = self.last_ref(values.RANK["Y"]) if that else None
        if ref is not None:  # "the autumn of that year", "the spring of the following year"
            return f"{ref[0].year + (yearshift or 0):04d}-{season}", ref[2], "narrative"
        story = None if self._writers_relative(p, rel) else self.story_year(p)
        if story is not None:
            # "in the summer", "that autumn", "the next spring": the season of the story's year;
            # "over the winter" after "December 1777" is the winter that December begins (1778-WI,
            # the season year values.fmt writes)
            year = story[0].year + (yearshift or 0)
            if season in _SEASON_MIDDLE and rel is None and yearshift is None:
                # "In December 1950 ... In the spring": a season whose middle lies more than half
                # a year before the story's day or month is the next year's, as a month-day is
                year = self._story_year_near(p, story, *_SEASON_MIDDLE[season])
            late = story is self.late_year  # "In late 1941 ... That winter": the winter of 1941-42
            if season == "WI" and rel is None and yearshift is None \
                    and (late or values.RANK[story[1]] <= values.RANK["S"]):
                # the story's own winter, or the one ahead of its summer or autumn ("In October
                # 1777 ... That winter" is the winter of 1777-78, 1778-WI); after a spring, the
                # winter just ended is the nearer
                here = values.fmt(date(story[0].year, *LATE_YEAR_DAY) if late else story[0], "S")
                year = int(here[:4]) + (here[-2:] in ("SU", "FA"))
                # the winter ahead of the story's December is not yet the story's time: "hold out
                # over the winter" said in a December does not move "on 10 September" on a year
                # (after an autumn the story moves into its winter: "In the spring" is then 1778's)
                self.hold_story = here[-2:] == "WI" and year != story[0].year
            if rel is not None and rel != 0 and story[1] == "Y":
                year += rel  # "the following spring" after "In 1944 ...": a season of the next year
            elif rel is not None and rel != 0:
                year = _next_season_year(story[0], season, rel)
            return f"{year:04d}-{season}", story[2], "narrative"
        shadow = bc_shadow(self.bc_value) if self.in_bc and self.narrative and rel else None
        if shadow is not None and values.RANK[shadow[1]] <= values.RANK["S"]:
            # "the previous summer" after "the autumn of 480 BC" is 480's, "the following spring"
            # 479's: the season before or after the story's, as in our era, in its shadow year
            value = from_shadow(f"{_next_season_year(shadow[0], season, rel):04d}-{season}")
            if value is not None:
                return value, self.bc_value, "narrative"
        if self.in_bc and self.narrative:  # "that autumn", "the following spring" before Christ
            bc = self._bc_story_year(rel if rel else yearshift or 0)
            return f"{bc or 'XXXX'}-{season}", self._bc_story_year() if bc else None, "narrative" if bc else None
        if self.dct is None:  # no year known
            return f"XXXX-{season}", None, None
        # Season years as values.fmt writes them: December already belongs to next year's winter,
        # so a December DCT is in season-year + 1 and "last summer" then is this calendar year's.
        cur = values.fmt(self.dct, "S")
        year = int(cur[:4])
        order = ["WI", "SP", "SU", "FA"]
        cur_i = order.index(cur[-2:])
        i = order.index(season)
        if yearshift is not None:
            year = self.dct.year + yearshift
        elif rel == -1:
            year -= 0 if i < cur_i else 1
        elif rel == 1:
            year += 0 if i > cur_i else 1
        elif rel == 0 and i != cur_i:
            # "this winter" said in July: the coming one, unless the clause is in the past; but
            # the season just ended ("thefts in France this summer" said in September) is the
            # one just past unless the clause looks ahead, and the season next to come ("this
            # autumn" said in June) is the coming one whatever the tense: the one a year before
            # it would be "last autumn" (rules/news.json news_readings this_season_next_to_come)
            t = self._tense(p)
            if (i - cur_i) % 4 == 1:
                year += 0 if i > cur_i else 1
            elif t == "past" or (t != "future" and (cur_i - i) % 4 == 1):
                year -= 0 if i < cur_i else 1
            else:
                year += 0 if i > cur_i else 1
        elif rel is None and (framed := frame_year(self.text, p.start, p.end)) is not None:
            # "In 1918, ... during the summer", or a sentence after it that goes on with it
            return f"{framed:04d}-{season}", str(framed), "narrative"
        elif rel is None:
            t = self._tense(p)
            if t != "past" and deadline_before(self.text, p.start):
                t = "future"  # "ready by winter", "until spring": the next one
            if t == "past" and i > cur_i:
                year -= 1
            elif t == "future" and i < cur_i:
                year += 1
        return f"{year:04d}-{season}", self.dct_value, "dct"

    def op_quarter(self, p: Pending, letter: str, n: int, yearshift: int | None):
        story = self.story_year(p)
        if story is not None and yearshift is None:
            return f"{story[0].year:04d}-{letter}{n}", story[2], "narrative"
        if self.dct is None:  # news whose publication date is unknown: the quarter's year is too
            return f"XXXX-{letter}{n}", None, None
        year = self.dct.year
        cur = (self.dct.month - 1) // (3 if letter == "Q" else 6) + 1
        if yearshift is not None:
            year += yearshift
        elif n > cur and self._tense(p) != "future":
            year -= 1
        elif n < cur - 1 and self._tense(p) == "future":
            # "is expected to close in the first quarter" said in November: next year's; but the
            # quarter just ended is still to be reported ("expects to report third-quarter net
            # income" said in October)
            year += 1
        return f"{year:04d}-{letter}{n}", self.dct_value, "dct"

    def op_weekend(self, p: Pending, n: int | None):
        if self.dct is None:
            return "XXXX-WXX-WE", None, None
        t = self._own_clause_tense(p)
        past = self.dct.isoweekday() <= 5 and t == "past"
        if n is None:  # "the weekend": the one just past early in the week, else the coming one;
            # but the coming one in a clause that looks ahead ("talks are to continue through
            # the weekend" said on a Wednesday)
            n = -1 if (self.dct.isoweekday() <= 3 and t != "future") or past else 0
        elif n == 0 and past and self.dct.isoweekday() <= 3:
            # "became public this weekend", said on a Monday: the one just past; but on a
            # Thursday "wasn't enthusiastic about this weekend's meeting" is the coming one
            # (the one just past would be "last weekend")
            n = -1
        return values.fmt(self.dct + timedelta(days=7 * n), "WE"), self.dct_value, "dct"

    def op_quarter_ref(self, p: Pending, yearshift: int, current: bool = False, year: int | None = None):
        latest = "latest" in self.text[p.start:p.end].lower()
        ref = None if current or latest else self.focus_ref(("Q",))
        if year is not None:  # "the 1988 quarter": the quarter under discussion, in that year
            if ref is not None and ref[1] == "Q":
                return f"{year:04d}-Q{(ref[0].month - 1) // 3 + 1}", ref[2], "narrative"
            return f"{year:04d}", None, None
        if current and self.dct is not None:
            return values.fmt(self.dct, "Q"), self.dct_value, "dct"
        if ref is not None and ref[1] == "Q":
            d = values.shift(ref[0], "Y", yearshift)
            return values.fmt(d, "Q"), ref[2], "narrative"
        named = self._period_named_before(p) if yearshift else None
        if named is not None:
            # "in the first two months of this year, compared with the same period last year":
            # no quarter is the story's focus; the period compared is the one just named, a year
            # back: a year's for a year or a range of months ("In January-February"), else the
            # same month, season or half ("sales in June were higher than in the same period
            # last year": June of last year)
            gran = "Y" if named[1] == "M" and _MONTH_RANGE_END.search(
                self.text, max(0, self.ref_span[0] - 12), self.ref_span[0]) else named[1]
            try:
                return values.fmt(values.shift(named[0], "Y", yearshift), gran), named[2], "narrative"
            except values.OutsideCalendar:
                return None
        if self.dct is None:
            return "XXXX-QX", None, None
        d = values.shift(self.dct, "Q", -1)
        d = values.shift(d, "Y", yearshift)
        return values.fmt(d, "Q"), self.dct_value, "dct"

    def _period_named_before(self, p: Pending) -> Ref | None:
        """For "the same period last year": the date named last before it in its own sentence,
        when that is a month, a season, a half or a year (not a quarter, not a day) of the
        publication's year or the one before, else None: a year further back is no period
        compared with last year's ("The company, which was founded in 1990, said profit rose
        from the same period last year": not 1989)."""
        if not self.refs or self.ref_span is None or self.dct is None \
                or "period" not in self.text[p.start:p.end].lower():
            return None
        last = self.refs[-1]
        if last[1] not in ("M", "S", "H", "Y") or _SENTENCE_BREAK.search(self.text, self.ref_span[1], p.start):
            return None
        return last if self.dct.year - 1 <= last[0].year <= self.dct.year else None

    def op_weekday(self, p: Pending, weekday: int, rel: str | None, suffix: str = ""):
        if rel in ("previous", "following"):  # "the previous Friday": relative to the story's day
            ref = self.last_ref(values.RANK["D"])
            if ref is not None:
                base = ref[0]
                if rel == "previous":
                    d = base - timedelta(days=((base.isoweekday() - weekday) % 7) or 7)
                else:
                    d = base + timedelta(days=((weekday - base.isoweekday()) % 7) or 7)
                return d.isoformat() + suffix, ref[2], "narrative"
            rel = "last" if rel == "previous" else "next"
        if self.narrative and rel is None:
            # "on Sunday" in a history: the first such day from the story's day on (the story
            # moves forward), or a Sunday of the story's year when it has no day
            ref = self.last_ref(values.RANK["D"])
            vague = self._story_without_day(p, ref, "D")
            if vague is not None:
                return f"{vague[0][:4]}-WXX-{weekday}{suffix}", vague[1], vague[2]
            if ref is not None:
                d = ref[0] + timedelta(days=(weekday - ref[0].isoweekday()) % 7)
                return d.isoformat() + suffix, ref[2], "narrative"
        if self.dct is None:
            return f"XXXX-WXX-{weekday}{suffix}", None, None
        today = self.dct.isoweekday()
        back = (today - weekday) % 7  # days since the last such weekday (0 = today)
        fwd = (weekday - today) % 7
        if rel == "this":  # "this Saturday": the one of the current week (Monday to Sunday)
            delta = weekday - today
        elif rel == "last":
            delta = -(back or 7)
        elif rel in ("next", "following"):
            delta = fwd or 7
        else:
            # news reports the past: the last such day, unless the clause is in the future tense
            # or the day is a deadline ("until 9 a.m. Tuesday", "as soon as Tuesday")
            t = self._tense(p)
            future = t == "future" or (t != "past" and deadline_before(self.text, p.start))
            delta = fwd if future else -back
            if t == "past" and not future and reported_plan(self.text, p.start, p.end):
                # "he was expected to be charged Tuesday": a plan reported at about the time of
                # writing, ahead or just past: the nearest Tuesday (the next one said on Monday)
                delta = fwd if fwd < back else -back
        d = self.dct + timedelta(days=delta)
        return d.isoformat() + suffix, self.dct_value, "dct"

    def _on_story_day(self, p: Pending, n: int, suffix: str):
        """n days on from the last mentioned day (or that day's vague value when the story has
        none), or None when no day was mentioned."""
        if self._counts_from_bc():  # "On 11 August 480 BC ... That night", "the next morning"
            counted = self._count_in_bc_story("D", n, "D", p)
            if counted is None:
                return "XXXX-XX-XX" + suffix, None, None
            return counted[0] + suffix, counted[1], counted[2]
        ref = self.last_ref(values.RANK["D"])
        vague = self._story_without_day(p, ref, "D")
        if vague is not None:
            return vague[0] + suffix, vague[1], vague[2]
        if ref is not None and suffix[1:].isalpha() and self._week_told_since(ref):
            # "... on Tuesday. Obama remained in Chicago for the Memorial Day weekend. Obama
            # leaves for Chicago at night": the night is of no day told, not that Tuesday's (a
            # part of the day: a clock time is left on the day, as a programme's listing of "the
            # weekend's action ... From 9pm" tells it)
            return "XXXX-XX-XX" + suffix, None, None
        if ref is not None:
            return (ref[0] + timedelta(days=n)).isoformat() + suffix, ref[2], "narrative"
        return None

    def _week_told_since(self, ref: Ref) -> bool:
        """In news, the last date told is a week or a weekend named by itself ("the Memorial Day
        weekend", "the week of July 12") of another week than the day `ref`: the story has
        moved from that day to a stretch of days; not the writer's week, named from the
        publication by a relative word ("Just this week, a committee asked about the night of
        the disaster. ... that evening": lexicon.json relative_word)."""
        last = self.refs[-1] if self.refs and not self.narrative and self.ref_span is not None else None
        if last is None or last is ref or last[1] not in ("W", "WE") \
                or last[0].isocalendar()[:2] == ref[0].isocalendar()[:2]:
            return False
        relative = table("relative_word")  # ("later this week": the writer's too)
        return not any(w.lower() in relative for w in _WORD_OR_CUT.findall(self.text, *self.ref_span))

    def op_dayshift(self, p: Pending, n: int, suffix: str = ""):
        if self.narrative and in_quotation(self.text, p.start):
            # "We go tomorrow," Eisenhower said on 5 June: the speaker's day is the story's
            # (outside a quotation, a history's "today" is the writer's present, PRESENT_REF)
            on = self._on_story_day(p, n, suffix)
            if on is not None:
                return on
        elif self.narrative and n == 0 and not suffix and not _past_verb_just_before(self.text, p.start, p.end):
            # the writer of a history dates nothing by the day of writing: "the region is today
            # part of Turkey" is the present in general (rules/narrative.json story_readings);
            # but "today" after a verb in the past ("overpowered two guards today", "announced
            # today that") dates an event by the writer's day: a news story heavy with years
            # (rules/news.json news_readings today_of_a_past_event)
            return "PRESENT_REF", None, None
        if self.dct is None:  # "yesterday" counts from the writer's day, unknown without a DCT,
            # not from the last date the text wrote ("dead since 1954 ... Yesterday I found out")
            return "XXXX-XX-XX" + suffix, None, None
        return (self.dct + timedelta(days=n)).isoformat() + suffix, self.dct_value, "dct"

    def op_time_ref(self, p: Pending, suffix: str, n: int = 0, clock: bool = False):
        """A clock time or part of a day ("at noon", "that night"; n days on: "the next
        morning") on the last mentioned day, else the DCT's (in a history, the story's day).
        In a history, a bare clock time in a paragraph that names no day of the story ("The
        PVA marched from 19:00 to 03:00hrs" paragraphs after "On 8 October 1950") has no day:
        XXXX-XX-XXT19:00 (a habit, or a day the text does not give). In news, a clock time
        heading an entry ("3.10 pm: Waxman continues ...") is a live report's time of writing:
        the day it is published, not a day the previous entry told of."""
        m = _DAY_AFTER_TIME.match(self.text, p.end) if n == 0 else None
        if m is not None and not (m.group("dir") is None or m.group("dir").lower() == "same"
                                  or m.group("dir").lower() in table("story_relative_word")):
            m = None  # "at dawn the day's march", "at noon the new day": no day named
        if m is not None:
            # "at dawn the next day", "at noon on the same day": that day's dawn, not the last day's
            word = (m.group("dir") or "same").lower()
            n = 0 if word == "same" else table("relative_word")[word]
            clock = False  # the day is named: no paragraph without one
        if clock and self.narrative and self.story_day_at >= 0 and paragraph_break(self.text, self.story_day_at, p.start):
            return "XXXX-XX-XX" + suffix, None, None
        if not self.narrative and self.dct is not None and n == 0 and heads_entry(self.text, p.start, p.end):
            return self.dct.isoformat() + suffix, self.dct_value, "dct"
        on = self._on_story_day(p, n, suffix)
        if on is None and self.dct is None:
            return "XXXX-XX-XX" + suffix, None, None
        if on is None:
            on = (self.dct + timedelta(days=n)).isoformat() + suffix, self.dct_value, "dct"
        if m is not None and n == int(n):
            self.named_after = (m.start("phrase"), "D", on[0][:10], on[1])
        return on

    def op_time_anaphor(self, p: Pending, this: bool):
        """"by that time", "around the same time": the date last narrated, as it was given
        (in a history, the story's; a year before Christ too); with none before, the writer's
        present ("by this time") or some past ("during that time")."""
        if self.bc is not None and self.bc[1] == len(self.refs):  # as it was given: "the spring of 480 BC"
            return (self.bc_value or bc_year(self.bc[0])).split("T")[0], self.bc_value, "narrative"
        ref = self.last_ref(values.RANK["Y"])
        if ref is None:
            return ("PRESENT_REF", self.dct_value, "dct") if this else ("PAST_REF", None, None)
        self.hold_story = True  # the same time again: not a new date of the story
        return ref[2].split("T")[0], ref[2], "narrative"  # a DATE: the day of a clock time

    def op_generic_time(self, p: Pending, code: str, after_at: bool):
        """A season or part of the day as a kind of time ("entered winter quarters", "night
        attacks", "moved only at night"): in a history, undated (XXXX-WI, XXXX-XX-XXTNI), as a
        habit or a kind is. In news and posts, what the season and part-of-day rules give ("at
        night" on the day; a bare "night" or "winter" only in a post), else not tagged."""
        season = code in ("WI", "SU", "SP", "FA")
        if self.narrative:
            if after_at and self.text[max(0, p.start - 3):p.start].lower() == "at " and not self._habit(p):
                return self.op_time_ref(p, "T" + code)  # "the fleet sailed at night": that day's night
            return (f"XXXX-{code}" if season else f"XXXX-XX-XXT{code}"), None, None
        if not (is_post(self.text) or (after_at and self.text[max(0, p.start - 3):p.start].lower() == "at ")):
            return None
        return self.op_season(p, code, None, None) if season else self.op_time_ref(p, "T" + code)

    def op_same_day(self, p: Pending):
        """"the first day of the battle" that stands apart from a date it could name: no date
        (resolve gives the one set off before it, _apposition_of_the_date)."""
        return None

    def op_past_span(self, p: Pending, unit: str):
        """"the past year", "in the last decade": in news the calendar year (decade) before the
        DCT's, as TimeBank marks it; in a history the stretch up to the story's time, a duration
        ("In the past year, both armies had harassed each other": P1Y, as the WikiWars annotators
        and TIMEX2 mark it), never the writer's last year."""
        if self.narrative:
            self.as_duration = True
            return duration_value(1, unit), None, None
        return self.op_shift(p, unit, -1, "dct")

    def op_history_only(self, p: Pending, value: str):
        """Attributive "former"/"future", "at the time" (normalize_amounts._history_adj,
        _history_then): PAST_REF, FUTURE_REF, PRESENT_REF in a history (narrative.is_history),
        not tagged in news, a news story's background or a post (their annotators differ)."""
        return (value, None, None) if self.history else None

    def op_history_day(self, p: Pending):
        """"this day", "that date" (normalize_narrative._story_this_day): in a history, the
        story's day, as "that day" is; not tagged elsewhere (news writes "this day" of its
        own day rarely, and TimeBank leaves it untagged)."""
        if not self.history:
            return None
        return self.op_shift(p, unit="D", n=0, base="narrative")

    def op_history_set(self, p: Pending, value: str, unit: str):
        """A frequency adverb of one calendar unit ("daily", "every day", "annually"): its
        period in news (P1D, as TimeML's news corpora mostly write it), but the calendar
        pattern of its unit in a history (XXXX-XX-XX, XXXX), as the WikiWars annotators (after
        TIMEX2) write every one, and TimeBank its "daily" and "annually" too. So too "would one
        day" (normalize_amounts._duration): FUTURE_REF in news, XXXX-XX-XX in a history."""
        return (values.UNDERSPECIFIED[unit] if self.history else value), None, None

    def _habit(self, p: Pending) -> bool:
        """A word of habit in the clause of "at night" ("moved only at night", "usually attacked
        at night"; narrative.json habit_cue): on no one day of the story."""
        start = max(0, p.start - 80)
        m = None
        for m in _CLAUSE_BREAK.finditer(self.text, start, p.start):
            pass
        start = m.end() if m is not None else start
        end = _CLAUSE_BREAK.search(self.text, p.end, p.end + 80)
        clause = self.text[start:end.start() if end is not None else p.end + 80]
        return any(w.lower() in table("habit_cue") for w in re.findall(r"[A-Za-z]+", clause))

    def op_story_bc(self, p: Pending, year: int, suffix: str):
        """"In 481, Xerxes gathered his army" after "490 BC": a history before Christ writes its
        era once, and a later year near the story's year without it is before Christ too. Far
        from it, or in a story after Christ, a bare number after "in" is no year (None: not
        tagged), but "the summer of 455" is a season of that year of our era, and two digits
        ("the summer of 69", "the winter of 41" in a history of 1941) are a year written '69, of
        the story's or the writer's century (op_yy). A story only a few decades before Christ
        ("5 BC ... In 40, he died") does not lend its era: the window would reach past year 1."""
        if self.in_bc and self.bc is not None and STORY_BC_YEARS < self.bc[0] \
                and abs(self.bc[0] - year) <= STORY_BC_YEARS:
            return bc_year(year) + suffix, None, None
        if not suffix:
            return None
        if year < 100:  # two digits: '69
            value, anchor, kind = self.op_yy(p, year)
            return value + suffix, anchor, kind
        return f"{year:04d}{suffix}", None, None

    def op_yy(self, p: Pending, yy: int, second: tuple[int, int, int] | None = None, after: int | None = None):
        if after is not None and self.refs and self.refs[-1][2][2:4] == f"{after:02d}":
            # the second year of "the 98-99 season": the year after the first, "99-00" too
            return f"{int(self.refs[-1][2][:4]) + 1:04d}", self.refs[-1][2], "narrative"
        story = self.story_year(p)
        if story is not None:  # "the Club of '89" in a history of 1790: the story's century
            y = story[0].year
            year = min(self._not_after_dct((c * 100 + yy for c in (y // 100 - 1, y // 100, y // 100 + 1)), 10),
                       key=lambda v: abs(v - y))
            return f"{year:04d}", story[2], "narrative"
        if self.dct is None:
            return f"19{yy:02d}", None, None
        century = self.dct.year // 100 * 100
        year = century + yy
        if year > self.dct.year + 10:
            year -= 100
        return f"{year:04d}", self.dct_value, "dct"

    def op_decade(self, p: Pending, d: int):
        story = self.story_year(p)
        if story is not None:  # "the fifties" in a history of the 1860s: the story's century's
            y = story[0].year
            start = min(self._not_after_dct((c * 100 + d * 10 for c in (y // 100 - 1, y // 100, y // 100 + 1)), 0),
                        key=lambda v: abs(v + 5 - y))
            return f"{start // 10:03d}", story[2], "narrative"
        if self.dct is None:
            return f"19{d}", None, None
        century = self.dct.year // 100
        if century * 100 + d * 10 > self.dct.year:
            century -= 1
        return f"{century}{d}", self.dct_value, "dct"

    def _not_after_dct(self, starts, slack: int) -> list[int]:
        """Of the years (decades by their first year) a two-digit "'89" or "the 30's" may name in
        the story's century or the ones beside it, those not after the publication (more than
        `slack` years, the news reading's: op_yy, op_decade): a story of 2008 told in 2010 ("in
        the 30's", of a grandfather's shop) means the 1930s, not the nearer 2030s. All of them
        when no DCT is known, or when none is that early."""
        starts = list(starts)
        if self.dct is None:
            return starts
        return [v for v in starts if v <= self.dct.year + slack] or starts

    def _not_future_year(self, ref: Ref, unit: str) -> bool:
        """A year anaphor ("the year", "the full year") refers to a year the story has reached:
        a year after the DCT's is a plan or a target, not the story's year."""
        return unit != "Y" or self.dct is None or ref[0].year <= self.dct.year

    def op_vague_shift(self, p: Pending, unit: str, sign: int):
        """"days later", "a few weeks later", "Hours later": an unknown count of units from the
        story's date (in news, the last date mentioned, else the DCT). The count is unknown, so
        only what it cannot change is kept: the year for days, weeks and months, the day for
        hours; years and more are the past or future of the story (TIMEX3 PAST_REF/FUTURE_REF)."""
        if unit in ("Y", "DE", "CE"):
            return ("FUTURE_REF" if sign > 0 else "PAST_REF"), None, None
        if self._counts_from_bc():  # "In the spring of 480 BC ... Days later": not the DCT's year;
            # the story's year kept, as in our era ("Days later" after "218 BC": BC0218-XX-XX)
            v = parse_value(self.bc_value) if self.bc_value else None
            if unit in ("TH", "TM", "TS"):
                day = v is not None and v.granularity.day_or_finer
                return (f"{self.bc_value.split('T')[0]}TXX" if day else "XXXX-XX-XXTXX"), (self.bc_value if day else None), \
                    ("narrative" if day else None)
            counted = self._count_in_bc_story(unit, 0, unit, None)
            if counted is not None:
                year = bc_year(self.bc[0])
                return values.UNDERSPECIFIED.get(unit, "XXXX-XX-XX").replace("XXXX", year, 1), self.bc_value, "narrative"
            return values.UNDERSPECIFIED.get(unit, "XXXX-XX-XX"), None, None
        ref = self.last_ref(values.RANK["Y"])
        if ref is not None:
            anchor, kind = ref[2], "narrative"
            day, gran = ref[0], ref[1]
        elif self.dct is not None:
            anchor, kind = self.dct_value, "dct"
            day, gran = self.dct, "D"
        else:
            return values.UNDERSPECIFIED.get(unit, "XXXX-XX-XX"), None, None
        if unit in ("TH", "TM", "TS"):
            return (f"{values.fmt(day, 'D')}TXX" if gran == "D" else f"{day.year:04d}-XX-XXTXX"), anchor, kind
        return f"{day.year:04d}" + values.UNDERSPECIFIED.get(unit, "XXXX-XX-XX")[4:], anchor, kind

    def _looks_ahead(self, p: Pending) -> bool:
        """A stretch ahead ("in the next day or two") said of the writer's time: its clause is in
        the future tense ("will arrive", "expects to"), or in news in the present ("are
        critical"); in the past ("Over the next day or two, aid poured in") it follows the story."""
        if self.dct is None or not may_look_ahead(self.text, p.start, p.end):
            return False
        t = self._tense(p)
        return t == "future" or (t == "present" and not self.narrative)

    def _count_ahead(self, p: Pending) -> str | None:
        """News: a count of years, months, weeks or days right after "in" in a clause that looks
        ahead is the date that many units after the publication, not a duration ("The stock
        would be redeemed in five years" said in 1989: 1994; "will close in two weeks"), as
        TimeML dates "two years from now"; "within five years" stays the span, and so does a
        count after a record or a first ("the first rise in five years", "the highest level in
        six months": rules/news.json count_ahead_blockers among the BLOCKER_WORDS words before "in"),
        after a negation in its clause ("has not voted in five months") or
        with a complement ("in two years of talks"). The date's granularity is the unit's."""
        if p.type != "DURATION" or p.op is not None or self.dct is None or self.narrative \
                or p.mod not in (None, "APPROX"):
            return None  # ("in less than four months": a limit, no date)
        m = _whole_count(p.value)
        count = _count_of_units().fullmatch(self.text, p.start, p.end)
        if m is None or count is None or number(count.group(1)) is None \
                or _IN_JUST_BEFORE.search(self.text, max(0, p.start - 4), p.start) is None \
                or _complement_after().match(self.text, p.end):
            return None  # ("in the next six months", "in a season that ends": a span)
        clause = _CLAUSE_CUT.split(self.text[max(0, p.start - 120):p.start])[-1]
        before = [w.lower() for w in _WORD_OR_CUT.findall(clause)]
        negations = modals()["negations"]
        if any(w in negations or w.endswith(("n't", "n\u2019t")) for w in before):
            return None  # "has not cast a vote in five months": how long something has not happened
        if any(w in table("count_ahead_blockers") and not has_finite_verb(" ".join(before[k:-1]))
               for k, w in enumerate(before[:-1]) if k >= len(before) - BLOCKER_WORDS - 1):
            return None  # "the first rise in", "the worst storm in"; not "The first flights will resume in"
        if self._tense(p, reporting=False) != "future" or self._amount_before(p) or self._asks_what(p):
            return None
        n, unit = m
        try:
            return values.fmt(values.shift(self.dct, unit, n), unit)
        except values.OutsideCalendar:
            return None

    def _amount_before(self, p: Pending) -> bool:
        """Whether an amount is the object of the verb before "in" + a count: a number and
        the noun or the scale word after it ("will make 2.5 billion doses in one year", "will
        create 10,000 jobs in two years", "spend $10 billion in five years") or a word of
        rules/news.json count_ahead_amounts ("could make enough money in six months"), after a
        verb of its clause: the count is the span the amount is made in, no date. An amount
        that is the subject ("The 2 firms will merge in two months") is not one."""
        if _TIME_AFTER_COUNT.search(self.text, p.start, p.end) or _TIME_AFTER_COUNT.match(self.text, p.end):
            return False  # "in three to five years' time": from now, whatever is made
        left = _AMOUNT_CLAUSE_CUT.split(self.text[max(0, p.start - 120):p.start])[-1]
        tokens = _AMOUNT_TOKEN.findall(left)
        amounts = table("count_ahead_amounts")
        for j, tok in enumerate(tokens[:-1]):
            low = tok.lower()
            if low in amounts:
                pass
            elif not (tok[:1].isdigit() or tok[:1] in "$£€" or low.partition("-")[0] in _number_words()) \
                    or number(tok.strip("$£€%")) is None or low in ("a", "an"):
                continue
            elif not (tok[:1] in "$£€" or tok.endswith("%") or tokens[j + 1].lower() not in stopwords()):
                continue  # a number and no noun: "rose to 5 in two days", "10 to 15"
            if has_finite_verb(" ".join(["-"] + tokens[:j])) and not has_finite_verb(" ".join(tokens[j:-1])):
                return True  # (the object of the verb right before "in": not "to move 400,000
                # people into them will start in about a week")
        return False

    def _asks_what(self, p: Pending) -> bool:
        """Whether the count ends a question of what or how much ("What is McCain going to do in
        two days?", rules/news.json count_ahead_questions): what can be done in so long a span."""
        start = max(0, p.start - 200)
        sentence = _SENTENCE_END.split(self.text[start:p.start])[-1].lower()
        end = _SENTENCE_END.search(self.text, p.end, p.end + 200)
        if end is None or not end.group().startswith("?"):
            return False
        words = re.findall(r"[a-z]+", sentence)
        return any(w in table("count_ahead_questions") or f"{w} {x}" in table("count_ahead_questions")
                   for w, x in zip(words, words[1:] + [""]))

    def _dated_just_before(self, p: Pending, ref: Ref) -> bool:
        """`ref` is the last date written, in the expression's sentence or the one before it.
        Text between them longer than two sentences can be (MAX_SENTENCE_CHARS each) holds two
        sentence breaks without being read, so each expression reads a bounded stretch."""
        if not self.refs or ref is not self.refs[-1]:
            return False
        between = (self.ref_span[1], p.start)
        if between[1] - between[0] > 2 * MAX_SENTENCE_CHARS + 2:
            return False
        return len(sentence_spans(self.text[between[0]:between[1]])) <= 1

    def _reaches_now(self, d: date, unit: str, gran: str) -> bool:
        """A count that landed on `d` reaches the time of writing: one more `unit` after it
        lies in or after the DCT's period of granularity `gran` (40 years after 1969 is 2009,
        and 2010 said in 2010 is reached; 2011 said in 2015 is not)."""
        try:
            return values.fmt(values.shift(d, unit, 1), gran) >= values.fmt(self.dct, gran)
        except values.OutsideCalendar:
            return True

    def _past_after_dct(self, p: Pending, ref: Ref, d: date, unit: str, n: float) -> bool:
        """In news, a count of years forward from the story's last date ("N years later", "N
        years on") that lands in a later year (decade, century) than the publication's, in a
        clause that does not look ahead: the count cannot be from that date. A count from a year
        the text states ahead of the publication ("The first bonds mature in 2015. Five years
        later, the second tranche matures") goes on with the plan it counts from: it stands; one
        counted from the publication ("two years from now") does not."""
        if self.narrative or self.dct is None or n <= 0 or unit not in ("Y", "DE", "CE") \
                or (ref[0].year > self.dct.year and id(ref) not in self.from_dct):
            return False
        span = {"Y": 1, "DE": 10, "CE": 100}[unit]  # the year, decade or century of the count
        if d.year // span <= self.dct.year // span:
            return False
        return self._tense(p) != "future"

    def op_shift(self, p: Pending, unit: str, n: float, base: str, ago: bool = False, adjective: bool = False,
                 recent: bool = False, year: int | None = None, on: bool = False, definite: bool = False,
                 stretch: bool = False, new: bool = False):
        gran = unit
        if self.named_after is not None and self.named_after[:2] == (p.start, unit) and n == int(n):
            # "8 February [the following year]", "at dawn [the next day]": the year or day the
            # date before it took (_of_that_year, op_time_ref)
            return self.named_after[2], self.named_after[3], "narrative"
        if stretch and self._looks_ahead(p):
            base = "dct"  # "fuel will arrive in the next day or two": from the publication on
        if self.narrative and base == "dct" and definite:
            base = "narrative"  # "the end of the year" in a history: the story's year; but "last
            # year", "this week", "next month" are the writer's, deictic even in a history
        if base == "narrative" and self.bc is not None and self.bc[1] == len(self.refs) and unit == "Y" \
                and float(n).is_integer() and 0 < self.bc[0] - int(n) < 10000:
            # "two years later" after "218 BC": 216 BC (years before Christ count down)
            return bc_year(self.bc[0] - int(n)), bc_year(self.bc[0]), "narrative"
        if base == "narrative" and self.bc is not None and self.bc[1] == len(self.refs) and unit == "Y" \
                and float(n).is_integer() and 0 < int(n) - self.bc[0] + 1 <= 9999:
            # "forty years later" after "27 BC": AD 14 (there is no year 0)
            return f"{int(n) - self.bc[0] + 1:04d}", bc_year(self.bc[0]), "narrative"
        if base in ("narrative", "focus") and self._counts_from_bc():
            # "Later that month" after "October 218 BC": counted as in our era; "two days later"
            # after "the spring of 480 BC" keeps the year only; a year or more without a whole
            # count (above) has no year to count from
            counted = self._count_in_bc_story(unit, n, gran, p)
            return counted if counted is not None else (values.UNDERSPECIFIED.get(gran, "XXXX"), None, None)
        if base == "year" and year is not None:  # "N years on from 1998": from the year it names
            return values.fmt(values.shift(date(year, 1, 1), unit, n), "Y" if unit in ("Y", "DE", "CE") else unit), \
                str(year), "narrative"
        if base == "focus":  # "the day", "the week": the last date the text stated itself
            ref = next((r for r in reversed(self.stated) if values.RANK[r[1]] <= values.RANK.get(unit, 6)
                        and self._not_future_year(r, unit)
                        and not (recent and self.dct is not None and self.dct.year - r[0].year > 1)), None)
            if ref is not None:
                return values.fmt(values.shift(ref[0], unit, n), gran), ref[2], "narrative"
            vague = self._story_without_day(p, None, unit)  # "the day", in a history without a day yet
            if vague is not None:
                return vague
            base = "dct"
        if base == "narrative":
            ref = self.last_ref(values.RANK.get(unit, 6))
            vague = self._story_without_day(p, ref, unit)
            if vague is not None:
                return vague
            if unit == "Y" and n == 0 and ref is not None and not self._not_future_year(ref, unit):
                # "the full year" is the story's year, not a target year ahead ("by 1992")
                ref = next((r for r in reversed(self.refs) if values.RANK[r[1]] <= values.RANK["Y"]
                            and self._not_future_year(r, unit)), None)
            if ago and unit == "Y" and not self.narrative and n < 0 and (n == -1 or ref is None):
                # "a year earlier" keeps the granularity of what it compares to (a quarter, a month;
                # "three years later" is no comparison: it counts from the last year written);
                # in a history "two years earlier" is a year of the story; so is "a dozen years
                # earlier" in a news story's background ("not until 1981 ... the spill a dozen
                # years earlier": 1969, not twelve years before the month in the news)
                ref = self.focus_ref(("Q", "M", "H", "S", "Y")) or ref
                if ref is not None and values.RANK[ref[1]] >= values.RANK["M"]:
                    gran = ref[1]
            if ref is not None:
                if new and values.RANK[ref[1]] >= values.RANK["M"] and self._new_year_begun(p, ref[0]):
                    n = 0
                back = _years_before_christ_back(ref[0], unit, n, gran)
                if back is not None:  # "2,500 years earlier" than a date of our era
                    return back, ref[2], "narrative"
                d = values.shift(ref[0], unit, n)
                if on and not self.narrative and self.dct is not None and not self._dated_just_before(p, ref) \
                        and tells_now(self.text, p.start, p.end):
                    # news: "N years on" in a clause of the present or the present perfect is
                    # the time of writing ("Forty years on, the Gulf spill far exceeds it", 40
                    # years after 1969, said in 2010); in the simple past ("Ten years on, he
                    # returned"), or from a date of its own sentence or the one before ("In 2019
                    # it burned. Two years on, the town is rebuilt": 2021) it counts from the
                    # story's date. When the count from the story's last date, two sentences or
                    # more back, falls short of now by more than a unit, the tense and the
                    # count disagree ("The quake struck in January 2010. ... One year on, many
                    # still live in tents" said in 2015; "Born in 1948, ... Forty years on,
                    # they've sold millions" said in 2009): the year is unknown
                    # (rules/news.json years_on_in_the_present, years_on_short_of_now)
                    if self._reaches_now(d, unit, gran):
                        return values.fmt(self.dct, gran), self.dct_value, "dct"
                    return values.UNDERSPECIFIED.get(gran, "XXXX"), None, None
                if ago and self._past_after_dct(p, ref, d, unit, n):
                    # news: "Forty years on, they've sold millions", "Twenty-one years later, the
                    # BBC's reporter went to Alaska" counted from a date of this year would lie
                    # decades ahead, yet the clause tells the past or the present: the count
                    # starts from an event the text does not date. "N years on" is now; "N years
                    # later" an unknown year, never one after the publication
                    if on:
                        return values.fmt(self.dct, gran), self.dct_value, "dct"
                    return values.UNDERSPECIFIED.get(gran, "XXXX"), None, None
                return values.fmt(d, gran), ref[2], "narrative"
            if on and self.dct is not None:  # "two years on", nothing to count from: the present
                return values.fmt(self.dct, gran), self.dct_value, "dct"
            if ago and n > 0 and not self.narrative and self.dct is not None and self._tense(p) != "future":
                # news, nothing dated before it: the count starts from an event the text does not
                # date, not from the publication, which it would pass. In a clause that tells
                # now, as "N years on" does, the time of writing ("Twelve days later, Hayward is
                # grappling with the slick", "Three months later, we still have more questions");
                # in the past an unknown date ("Two weeks later, he was in Houston")
                # (rules/news.json count_later_with_nothing_dated_before, count_later_in_the_past)
                if tells_now(self.text, p.start, p.end) and not _COUNT_FROM_WHAT_FOLLOWS.search(self.text[p.start:p.end]):
                    # (not "refiled 15 days after \"significant change\"": from what follows)
                    return values.fmt(self.dct, gran), self.dct_value, "dct"
                return values.UNDERSPECIFIED.get(gran, "XXXX"), None, None
        if self.dct is None:
            return values.UNDERSPECIFIED.get(gran, "XXXX"), None, None
        if ago and unit == "Y" and abs(n) == 1:
            last = self.focus_ref(("Q",))
            if last is not None:
                return values.fmt(values.shift(last[0], "Y", n), "Q"), last[2], "narrative"
            gran = "M"
        if new and self._new_year_begun(p, self.dct):
            n = 0
        back = _years_before_christ_back(self.dct, unit, n, gran)
        if back is not None:  # "Over 2,500 years ago the Buddha taught" said in 2009: 492 BC
            return back, self.dct_value, "dct"
        d = values.shift(self.dct, unit, n)
        return values.fmt(d, gran), self.dct_value, "dct"

    def _new_year_begun(self, p: Pending, day: date) -> bool:
        """"the new year" counted from a day of the year's first NEW_YEAR_MONTHS months in a clause
        in the past or the present is the year just begun ("Shoppers returned to the high street
        in the new year", said on 10 January 2011: 2011); in a clause that looks ahead, or later
        in the year, the next one."""
        return day.month <= NEW_YEAR_MONTHS and self._tense(p) in ("past", "present")


def _next_season_year(day: date, season: str, rel: int) -> int:
    """The season year (values.fmt's: December is already the next year's winter) of the season
    after (rel > 0) or before (rel < 0) the one `day` lies in: "the following spring" after an
    autumn is the next year's, "the previous summer" after an autumn the same year's."""
    cur = values.fmt(day, "S")
    year = int(cur[:4])
    here = ["WI", "SP", "SU", "FA"].index(cur[-2:])
    there = ["WI", "SP", "SU", "FA"].index(season)
    return year + ((0 if there > here else 1) if rel > 0 else (0 if there < here else -1))


def _within(ref: Ref, period: Ref) -> bool:
    """The date `ref` lies in the period `period` (a year, a month, or a season, quarter or half
    of the same year), so a count from `ref` stays in the story's time."""
    if ref[0].year != period[0].year:
        return False
    return period[1] != "M" or ref[0].month == period[0].month


def _underspecified(p: Pending) -> str:
    """The value of an expression whose date would fall outside years 1-9999: its unit with
    X for the digits ("next week" said on 9999-12-31 is XXXX-WXX), never a clamped date."""
    if p.type == "DURATION":
        return "PX"
    return values.UNDERSPECIFIED.get(p.args.get("unit", "D"), "XXXX-XX-XX")


def resolve(text: str, pendings: list[Pending], dct: date | None,
            cancel: Cancellation = NEVER) -> list[Timex]:
    """Final `Timex` objects, in text order (`cancel` polled every few hundred)."""
    r = Resolver(text, dct, genre(pendings, dct, text))
    out: list[Timex] = []
    i = 0
    while i < len(pendings):
        if i % 256 == 0:
            cancel.check()
        p = pendings[i]
        q = pendings[i + 1] if i + 1 < len(pendings) else None
        if q is not None and _date_of_the_time(text, p, q):
            # "at 11 a.m. on 11 November 1918": the time is on the date that follows it
            date_timex = r.resolve(q)
            out += [r.resolve(p), date_timex]
            i += 2
            continue
        if q is not None and _clock_range(text, p, q):
            # "from 7 a.m. to 8 p.m. on Tuesday", "from midnight to noon on 27 June": the range's
            # start is on its end's day, the day before when it is the later clock ("between 10
            # p.m. and 6 a.m. on Saturday": Friday's 10 p.m.)
            day = pendings[i + 2] if i + 2 < len(pendings) and _date_of_the_time(text, q, pendings[i + 2]) else None
            after = i + 3 if day is not None else i + 2
            if (day is not None or q.op in ("md", "weekday", "dayshift")) \
                    and not (after < len(pendings) and _days_of_the_week(text, day or q, pendings[after])):
                date_timex = r.resolve(day) if day is not None else None
                second, first = r.resolve(q), r.resolve(p)
                if first is not None and second is not None:
                    first = _on_the_day_of(first, second)
                out += [t for t in (first, second, date_timex) if t is not None]
                i += 3 if day is not None else 2
                continue
        if q is not None and i + 2 < len(pendings) and _date_of_both_times(text, p, q, pendings[i + 2]):
            # "at 1425 local time (1925 GMT) on Thursday": both clocks are on the day after them
            date_timex = r.resolve(pendings[i + 2])
            out += [t for t in (r.resolve(p), r.resolve(q), date_timex) if t is not None]
            i += 3
            continue
        if q is not None and _apposition_of_the_date(text, p, q):
            # "on July 4, 1863, the day after Gettysburg ended", "On 27 June 1950, two days after
            # the KPA invaded", "on 1 November, five days before the election": the expression
            # counts from another event to the date it follows
            first = r.resolve(p)
            if first is None or not _FULL_DAY.fullmatch(first.value or ""):
                if first is not None:  # "on 31 February, ...": no day to give it
                    out.append(first)
                i += 1
                continue
            out += [first, Timex(q.start, q.end, text[q.start:q.end], "DATE", first.value, anchor=first.value,
                                 anchor_kind="narrative")]
            i += 2
            continue
        if q is not None and _date_in_brackets_after(text, p, q):
            # "a mere two years later (218 BC)", "around the same time (221 BC)": the bracketed
            # date says which date the anaphor is, if it lies on the side the count points to
            first = r.resolve(p)
            if not _agrees_in_direction(p, first.anchor, q.value):
                out.append(first)  # "In 1990 ... Two years later (1888)": the counted value stays
                i += 1
                continue
            out += [dataclasses.replace(first, value=q.value, anchor=q.value, anchor_kind="narrative"), r.resolve(q)]
            i += 2
            continue
        if q is not None and _count_after_the_date(text, p, q):
            # "until his death in November 1975, thirty-six years later.": the count set off after
            # a date restates it
            first = r.resolve(p)
            if first is None or values.parse(first.value) is None:
                if first is not None:
                    out.append(first)
                i += 1
                continue
            # the count is that date again: it is not counted on, and the story stays at the date
            out += [first, Timex(q.start, q.end, text[q.start:q.end], q.type, first.value, q.mod,
                                 anchor=first.value, anchor_kind="narrative")]
            i += 2
            continue
        if q is not None and _date_after_the_count(text, p, q):
            # "Three weeks later, on 13 September", "less than a month later, on October 5": the
            # date set off after a count says which day the count reached
            first, second = r.resolve(p), r.resolve(q)
            if first is not None and second is not None and _FULL_DAY.fullmatch(second.value or "") \
                    and _agrees_in_direction(p, first.anchor, second.value):
                first = dataclasses.replace(first, value=second.value)
            out += [t for t in (first, second) if t is not None]
            i += 2
            continue
        t = r.resolve(p)
        if t is not None:
            out.append(t)
        i += 1
    return _in_periods_of_history(text, _with_of_phrases(text, out)) if r.history else out


_COMMA = re.compile(r"\s*,\s*")
_CLAUSE_ENDS = re.compile(r"\s*[,.;:)]")


def _count_after_the_date(text: str, p: Pending, q: Pending) -> bool:
    """Whether q, a count from the story's date ("thirty-six years later"), is set off by a comma
    right after p, a date that writes its year or is a day, and ends its clause there: "in
    November 1975, thirty-six years later." (not "On 5 May, two days later the army ...")."""
    return p.type == "DATE" and (p.op is None or p.op == "md") and q.type == "DATE" \
        and (q.op == "shift" and q.args.get("ago") and q.args.get("base") == "narrative" or q.op == "vague_shift") \
        and _COMMA.fullmatch(text, p.end, q.start) is not None and _CLAUSE_ENDS.match(text, q.end) is not None


_ON_THE_DATE = re.compile(r",\s*on\s+")


def _date_after_the_count(text: str, p: Pending, q: Pending) -> bool:
    """Whether q, a day ("on 13 September", "on October 5, 1813"), is set off by a comma right
    after p, a count from the story's date ("Three weeks later", "a few days later")."""
    return p.type == "DATE" and p.op in ("shift", "vague_shift") and p.args.get("base", "narrative") == "narrative" \
        and q.type == "DATE" and (q.op == "md" or q.op is None and _FULL_DAY.fullmatch(q.value or "") is not None) \
        and _ON_THE_DATE.fullmatch(text, p.end, q.start) is not None


def _with_of_phrases(text: str, timexes: list[Timex]) -> list[Timex]:
    """In a history, a duration takes in the "of" phrase it governs ("[two months of siege]",
    "[the first three years of the war]": scene.of_phrase_end), short of the next expression."""
    out = []
    for i, t in enumerate(timexes):
        end = of_phrase_end(text, t.end) if t.type == "DURATION" else None
        if end is not None and (i + 1 == len(timexes) or timexes[i + 1].start >= end):
            t = dataclasses.replace(t, end=end, text=text[t.start:end])
        out.append(t)
    return out


_VAGUE_YEARS = ("PXY", "PXC")  # "for years", "for centuries" (TimeBank's PXC)
_UNIT_WORD = re.compile(r"[A-Za-z]+")


def _years_of(value: str | None) -> int | str | None:
    """A duration's whole count of years (P200Y: 200; calendar.timex3.parse_duration), "X" for
    a vague one (PXY, PXC), else None."""
    if value in _VAGUE_YEARS:
        return "X"
    amounts = parse_duration(value)
    years = amounts.get("Y") if amounts and len(amounts) == 1 else None
    return int(years) if years is not None and years.is_integer() else None


def _in_periods_of_history(text: str, timexes: list[Timex]) -> list[Timex]:
    """In a history, a duration counted in centuries keeps its unit, as its annotators write it
    after TIMEX2 (CE): "the past two centuries" P2CE, "for centuries" PXCE; news writes years
    (TimeBank P100Y, PXC). A count that is no whole number of them ("half a century" P50Y, "a
    century and a half" P150Y) stays in years. Decades stay in years ("three decades" P30Y,
    "for decades" PXDE as before): no history of the development set writes one, and a profile
    read as a history ("after nearly three decades in the Senate") is news to its readers."""
    out = []
    for t in timexes:
        years = _years_of(t.value) if t.type == "DURATION" else None
        unit = next((u for w in _UNIT_WORD.findall(t.text) if (u := unit_code(w)) is not None), None) \
            if years is not None else None
        if unit is not None and unit[0] == "CE" and unit[1] == 1:
            per = 100
            if years == "X":
                t = dataclasses.replace(t, value="PX" + unit[0])
            elif years % per == 0:
                t = dataclasses.replace(t, value=f"P{years // per}{unit[0]}")
        out.append(t)
    return out


_APPOSITION = re.compile(r"\s*(?:,|[-–—])\s*")
_COUNT_FROM_WHAT_FOLLOWS = re.compile(r"(?i)\b(?:after|before)$")
_COUNTED_FROM_EVENT = re.compile(r"\s+(?:after|before)\s+(?:the\s+)?[A-Za-z]")
_THE_UNIT_AFTER = re.compile(r"the\s+(?:day|night|week|month|year)\s+(?:after|before)", re.I)


def _apposition_of_the_date(text: str, p: Pending, q: Pending) -> bool:
    """Whether q, right after the day p and set off by a comma or a dash, counts from an event
    to that same date: "July 4, 1863, the day after Gettysburg ended", "27 June 1950, two days
    after the KPA invaded", "1 November, five days before the election" (a month-day: the caller
    checks that it resolves to a day). (Not "May 5, the day after": nothing follows to count from.)"""
    if p.type != "DATE" or not (p.op == "md" or p.op is None and _FULL_DAY.fullmatch(p.value or "")):
        return False
    if _APPOSITION.fullmatch(text, p.end, q.start) is None:
        return False
    if q.op == "same_day":  # "1 July 1916, the first day of the Battle of the Somme"
        return True
    if q.type == "DATE" and _THE_UNIT_AFTER.fullmatch(text, q.start, q.end):
        return re.match(r"\s+(?:the\s+)?[A-Za-z]", text[q.end:q.end + 12]) is not None
    return q.type == "DURATION" and _COUNTED_FROM_EVENT.match(text, q.end) is not None


_BRACKET_OPEN = re.compile(r"\s*\(\s*(?:c\.|ca\.|circa)?\s*")
_BRACKET_CLOSE = re.compile(r"\s*\)")


def _date_in_brackets_after(text: str, p: Pending, q: Pending) -> bool:
    """Whether q, a date that writes its year, stands alone in brackets right after p, a date
    counted from another one ("two years later (218 BC)", "the following year (1777)")."""
    return p.type == "DATE" and p.op in ("shift", "dayshift", "time_anaphor", "vague_shift") and q.type == "DATE" \
        and q.op is None and _signed_year(q.value) is not None \
        and _BRACKET_OPEN.fullmatch(text, p.end, q.start) is not None \
        and _BRACKET_CLOSE.match(text, q.end) is not None


def _before_christ(value: str | None) -> int | None:
    """The year before Christ a date value states ("BC0218", "BC0480-SP": 218, 480), else None."""
    v = parse_value(value) if value else None
    return years_before_christ(v) if v is not None else None


def _period_before_christ(value: str | None) -> bool:
    """A decade or century before Christ ("BC049" the 490s BC, "BC04" the 400s BC)."""
    v = parse_value(value) if value else None
    return v is not None and v.granularity in (Granularity.DECADE, Granularity.CENTURY) and v.year < 0


# Python's calendar has no year before 1: a date before Christ is counted on in a year this many
# years later, a whole number of 400-year cycles, in which the proleptic Gregorian calendar
# repeats itself day for day (weekdays, leap years, ISO weeks), and the year is taken back after.
_BC_OFFSET = 8000


def count_before_christ(value: str | None, unit: str, n: float, gran: str) -> str | None:
    """A count of `n` units (D, W, M, ...) from a date before Christ, written at `gran`: "Later
    that month" after "October 218 BC" is BC0218-10, "two months later" BC0218-12, "three days
    later" after "11 August 480 BC" BC0480-08-14, "the next month" after "December 219 BC"
    BC0218-01 (the years count down to 1 BC, then AD 1). None when the date is coarser than the
    count's unit (a year before Christ holds no month to count from), or the count leaves the
    calendar."""
    shadow = bc_shadow(value)
    if shadow is None or shadow[1] not in ("D", "M"):
        return None  # a season, quarter or year before Christ: no month or day to count from
    if values.RANK[shadow[1]] > values.RANK.get(unit, 99) or values.RANK[gran] < values.RANK[shadow[1]]:
        return None  # "two days later" after "October 218 BC": no day to count from
    try:
        there = values.shift(shadow[0], unit, n)
    except (ValueError, OverflowError):
        return None
    return from_shadow(values.fmt(there, gran))


def _years_before_christ_back(start: date, unit: str, n: float, gran: str) -> str | None:
    """A whole count of years back from a date of our era that reaches before year 1, as a year
    before Christ ("2,500 years ago" said in 2009: BC0492; there is no year 0, so 2009 years
    back is 1 BC), for a count written in years; None for any other count, or one that stays in
    our era (values.shift counts those)."""
    if unit != "Y" or gran != "Y" or not float(n).is_integer() or start.year + int(n) >= 1:
        return None
    value = bc_year(1 - (start.year + int(n)))
    return None if value == "XXXX" or 1 - (start.year + int(n)) > 9999 else value


def bc_shadow(value: str | None) -> tuple[date, str] | None:
    """A date before Christ ("BC0480-FA", "BC0218-10") as the first day of the same date in its
    shadow year, _BC_OFFSET years on, where the calendar is the same, and its granularity code;
    None for a date of our era or one without a year."""
    v = parse_value(value) if value else None
    era = bc_year(years_before_christ(v)) if v is not None and years_before_christ(v) is not None else None
    if era is None or not value.startswith(era):  # "-0217" is no form the tagger writes
        return None
    return values.parse(f"{v.year + _BC_OFFSET:04d}{value[len(era):]}")


def from_shadow(written: str) -> str | None:
    """A value written in a shadow year (bc_shadow) written back in its own era: 3783-10 ->
    BC0218-10; None past BC9999 or 9999."""
    year = int(written[:4]) - _BC_OFFSET
    if not 1 - 9999 <= year <= 9999:
        return None
    return (bc_year(1 - year) if year < 1 else f"{year:04d}") + written[4:]


def _signed_year(value: str | None) -> int | None:
    """The year a date value states, in one order before and after Christ ("BC0218" -217, "1776"
    1776: calendar.timex3's numbering); None for a value without one, a decade or a century."""
    v = parse_value(value) if value else None
    if v is None or v.granularity in (Granularity.DECADE, Granularity.CENTURY):
        return None
    return v.year


def _agrees_in_direction(p: Pending, anchor: str | None, bracketed: str | None) -> bool:
    """Whether the bracketed date lies where the count p points from its anchor: after it for
    "two years later (1992)", before it for "a year earlier (1989)"; any side for "around the
    same time" or when the count had nothing to count from."""
    sign = p.args.get("sign", 0) if p.op == "vague_shift" else p.args.get("n", 0) if p.op in ("shift", "dayshift") else 0
    start, there = _signed_year(anchor), _signed_year(bracketed)
    if not sign or start is None or there is None:
        return True
    return there >= start if sign > 0 else there <= start


_TIME_THEN_DATE = re.compile(r",?\s+(?:on\s+)?")
_FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def date_follows_time(text: str, time_end: int, date_start: int) -> bool:
    """Whether only what joins a clock time to its date lies between them ("1930 CDT on 1 June",
    "0030 GMT 2 June", "11 a.m., Monday")."""
    return _TIME_THEN_DATE.fullmatch(text, time_end, date_start) is not None


def _a_day(q: Pending) -> bool:
    """Whether q is a DATE that names one day ("2 June", "Thursday", "yesterday", "2010-06-02")."""
    return q.type == "DATE" and (q.op in ("md", "weekday", "dayshift") or (
        q.op is None and q.value is not None and _FULL_DAY.fullmatch(q.value) is not None))


def _date_of_the_time(text: str, p: Pending, q: Pending) -> bool:
    """Whether q is the date of the clock time p, written right after it ("0030 GMT 2 June",
    "11 a.m. on 11 November 1918"), so that p is resolved on q's day, not on the day before."""
    return p.op == "time_ref" and _a_day(q) and date_follows_time(text, p.end, q.start)


_MONTH_RANGE_END = re.compile(r"(?:[-\u2013\u2014/]|\b(?:to|through|and|till|until))\s*$", re.I)  # "January-[February]"
_SENTENCE_BREAK = re.compile(r"[.!?][\"”']?\s+[\"“]?[A-Z]")
_CLOCK_RANGE_JOIN = re.compile(r"\s*(?:-|–|to|and|until|till)\s*", re.I)


def _clock_range(text: str, p: Pending, q: Pending) -> bool:
    """Whether the clock time p opens a range that the clock time q closes ("from 7 a.m. to 8
    p.m.", "between 10 p.m. and 6 a.m.", "9am-5pm")."""
    return p.op == "time_ref" and p.type == "TIME" and q.type == "TIME" \
        and p.args.get("suffix", "").startswith("T") and q.args.get("suffix", "").startswith("T") \
        and _CLOCK_RANGE_JOIN.fullmatch(text, p.end, q.start) is not None


_WEEKDAY_SPAN_JOIN = re.compile(r"\s*(?:-|\u2013|to|through|thru|until|till)\s*", re.I)


def _days_of_the_week(text: str, d: Pending, nxt: Pending) -> bool:
    """The weekday d opens a span of weekdays ("Monday through Friday", "Monday to Friday"):
    the clock range before it is a habit of every such day ("open from 9 a.m. to 5 p.m.
    Monday through Friday"), not one Monday's."""
    return d.op == "weekday" and nxt.op == "weekday" and _WEEKDAY_SPAN_JOIN.fullmatch(text, d.end, nxt.start) is not None


def _clock_of_a_day(value: str | None) -> tuple[date, tuple[int, int]] | None:
    """The day and the (hour, minute) of a clock time on a known day (2010-07-13T20:00), read by
    calendar.timex3 (parse_value, time_of_day); None for a part of the day, seconds, a day not
    known or one Python's dates cannot hold."""
    v = parse_value(value) if value else None
    clock = time_of_day(value) if v is not None and v.second is None else None
    if clock is None:
        return None
    try:
        return date(v.year, v.month, v.day), clock
    except ValueError:
        return None


def _on_the_day_of(first: Timex, second: Timex) -> Timex:
    """The range's opening clock `first` on the day of its closing clock `second`, or on the day
    before when it is the later clock of the two (an overnight range)."""
    a, b = _clock_of_a_day(first.value), _clock_of_a_day(second.value)
    if a is None or b is None:
        return first
    day = b[0] - timedelta(days=1) if a[1] > b[1] else b[0]
    value = f"{day.isoformat()}T{first.value.split('T', 1)[1]}"
    return dataclasses.replace(first, value=value, anchor=second.value, anchor_kind="narrative")


_BRACKETED_CLOCK = re.compile(r"\s*\(\s*")
_BRACKET_SHUT = re.compile(r"\s*\)")


def _date_of_both_times(text: str, p: Pending, q: Pending, d: Pending) -> bool:
    """Whether d is the date of the clock time p and of q, the same time in another zone set in
    brackets between them, as wire stories write it ("at 1425 local time (1925 GMT) on
    Thursday", "at 10 a.m. EST (1500 GMT) Wednesday"): both are resolved on d's day."""
    if p.op != "time_ref" or q.op != "time_ref" or not _a_day(d):
        return False
    if _BRACKETED_CLOCK.fullmatch(text, p.end, q.start) is None:
        return False
    shut = _BRACKET_SHUT.match(text, q.end)
    return shut is not None and shut.end() <= d.start and date_follows_time(text, shut.end(), d.start)
