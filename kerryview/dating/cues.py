"""What an undated article's own time expressions say about the day it was published.

Each time expression is read once under two reference dates far apart (a year and a weekday
apart) to learn what kind of cue it is, without knowing the publication day:
- the same value under both: a **full date** ("April 20, 2010"), or a month or year with its year;
- moved by exactly the distance between the references: **relative to publication** ("today",
  "yesterday", "two days ago", "last night"), kept as a day offset;
- the same weekday under both: a **weekday** ("on Tuesday");
- the same month and day under both: a **month and day without a year** ("on June 3").
With the tense of its clause (text/tense.py), each cue then scores any candidate day by the
rules of data/inference_cues.json (a linguist's rules, not fitted to one article): a full date
reported in the past bounds the day from below, a weekday fixes the day of the week, and so on.
Candidate days are day numbers (date.toordinal()), so scoring is arithmetic, not tagging.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib.resources import files

from kerryview.calendar.intervals import value_interval
from kerryview.calendar.timex3 import parse_duration
from kerryview.calendar.zones import zone_names
from kerryview.dating.datelines import stamp_lead_in
from kerryview.model import Granularity, Timex
from kerryview.text.similarity import content_terms
from kerryview.text.wordlists import event_lists
from kerryview.timex.lexicon import lexicon

REFERENCES = (date(2001, 6, 13), date(2002, 9, 19))  # a Wednesday and a Thursday, 463 days apart
DAY, MONTH_DAY, WEEKDAY, RELATIVE, PERIOD = "day", "month_day", "weekday", "relative", "period"
ELAPSED = "elapsed"


@cache
def rules() -> dict:
    """data/inference_cues.json, read once."""
    return json.loads((files("kerryview.dating") / "data" / "inference_cues.json")
                      .read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class Cue:
    """One time expression of an article as evidence for its publication day.

    `kind` is DAY (`day` the ordinal), PERIOD (a month or year with its year: `day` its first
    day), MONTH_DAY (`month`, `mday`), WEEKDAY (`weekday`, ISO 1-7), RELATIVE (`offset` days
    from the publication day) or ELAPSED (`offset` days after the event of `named`: "a week
    after the earthquake"; `lo`..`hi` days off it for a round or bounded duration: "nearly
    two weeks"). `tense` is past / present / future / None."""

    timex_index: int
    kind: str
    tense: str | None
    day: int = 0
    month: int = 0
    mday: int = 0
    weekday: int = 0
    offset: int = 0
    stamp: bool = False  # a full date printed as the article's time stamp (see head_stamp)
    full: bool = False  # a stamp in full: its weekday agrees with its date, with a clock time
    # ("Monday 4 May 2009 10.22 BST"): it vouches for its own year (see own_stamp)
    dateline: str = ""  # the dateline style a year-less date opens ("wire", "paper"; see datelines)
    caption: bool = False  # a photo caption's date at the head ("July 17, 2010: The stack is ...")
    foot: bool = False  # the first reader's comment's date and time under the page (see first_comment)
    listing: bool = False  # a weekday, date and clock time told in the present or untensed: a schedule's
    # ("BBC One, Monday, 21 June at 2030 BST"; see listing)
    named: tuple[str, ...] = ()  # the words of the event a weekday names ("Tuesday's
    # earthquake") or an ELAPSED duration counts from ("ten days after the earthquake")
    lo: int = 0  # an ELAPSED duration's day may be lo..hi days off `offset` ("nearly two weeks")
    hi: int = 0
    with_weekday: bool = False  # a DAY or MONTH_DAY written with its weekday ("Tuesday, June 8"):
    # the same day named both ways, which the weekday style allows (see weekday_style)

    def day_under(self, c: int) -> int | None:
        """The day (ordinal) this expression names if the article was published on day c;
        None for a PERIOD."""
        if self.kind == DAY:
            return self.day
        if self.kind == RELATIVE:
            return c + self.offset
        if self.kind == WEEKDAY:
            k = (weekday(c) - self.weekday) % 7
            if self.tense == "future":
                return c + (self.weekday - weekday(c)) % 7
            return c - k
        if self.kind == MONTH_DAY:
            return month_day_under(self.month, self.mday, c, self.tense)
        return None


def weekday(ordinal: int) -> int:
    """ISO weekday (Monday 1) of a day ordinal: ordinal 1 (0001-01-01) was a Monday."""
    return (ordinal - 1) % 7 + 1


@cache
def _ordinal(year: int, month: int, mday: int) -> int | None:
    try:
        return date(year, month, mday).toordinal()
    except ValueError:  # 29 February of a common year, or outside years 1-9999
        return None


def month_day_under(month: int, mday: int, c: int, tense: str | None) -> int | None:
    """The day `month`/`mday` names for an article of day c: the latest one on or before c when
    told in the past, the next one on or after c when announced, else the nearest one."""
    y = date.fromordinal(c).year
    days = [d for yy in (y - 1, y, y + 1) if (d := _ordinal(yy, month, mday)) is not None]
    if not days:
        return None
    if tense == "past":
        before = [d for d in days if d <= c]
        return max(before) if before else min(days)
    if tense == "future":
        after = [d for d in days if d >= c]
        return min(after) if after else max(days)
    return min(days, key=lambda d: (abs(d - c), d > c))


def _day_of(t: Timex) -> tuple[int, Granularity] | None:
    if t.type not in ("DATE", "TIME"):
        return None
    iv = value_interval(t.value, t.mod)
    if iv is None:
        return None
    return iv.start.date().toordinal(), iv.granularity


_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_WEEKDAY_WORD = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", re.IGNORECASE)


def is_stamp(text: str, t: Timex) -> bool:
    """Whether a full date at the head of the text is printed as a time stamp: with its weekday
    or a clock time ("Wednesday 5 May 2010 21.48 BST" after a headline and standfirst); not a
    date with its weekday but no clock that closes a sentence (a photo caption's: is_run_in_caption)."""
    rule = rules()["head_stamp"]
    if t.start > rule["head_chars"]:
        return False
    near = text[max(0, t.start - rule["clock_chars"]):t.end + rule["clock_chars"]]
    if _CLOCK.search(near):
        return True
    return bool(_WEEKDAY_WORD.search(t.text)) and not is_run_in_caption(text, t)


def is_run_in_caption(text: str, t: Timex) -> bool:
    """Whether a full date written with its weekday and without a clock time at the head of
    the text closes a running sentence on its line after a place or a comma ("... in Venice,
    La., Thursday, April 29, 2010.", "... at the White House, Tuesday, May 25, 2010, in
    Washington.", its place after it aside): a photo caption's date in the wire style
    (rule caption_in_sentence), the day the photo was taken. A page's stamp stands on a line
    of its own or after the headline with its clock time; a date after a preposition ("Talks
    resumed on Monday, July 17, 2023, in Beijing.") is one the text reports, and one after a
    stamp's label or a byline ("First published ...", "By John Smith, staff writer, ...",
    datelines.stamp_lead_in) is the page's stamp."""
    if not rules()["caption_in_sentence"]["on"] or not _WEEKDAY_WORD.search(t.text):
        return False
    rule = rules()["head_stamp"]
    if t.start > rule["head_chars"] or \
            _CLOCK.search(text[max(0, t.start - rule["clock_chars"]):t.end + rule["clock_chars"]]):
        return False
    line = text[text.rfind("\n", 0, t.start) + 1:t.start].rstrip()
    if stamp_lead_in(line):
        return False  # "First published Thursday, April 29, 2010.", "By John Smith, staff writer, ...": a stamp
    return bool(line) and (line[-1] == "," or line[-1].isalpha()) \
        and any(w.islower() for w in line.split()) and _CAPTION_END.match(text, t.end) is not None \
        and line.split()[-1].lower() not in event_lists("lead_rules.json")["prepositions"]


# what may follow a caption's date to the end of its sentence: its place ("..., Thursday, April
# 29, 2010, in Washington."), then the full stop, the line's end or the credit; not a clause
# ("said on Tuesday, June 8, 2010 that it had collected ...": a date the text reports)
_CAPTION_END = re.compile(r",?[ \t]*(?:(?:in|at|near|off|outside)[ \t][^.\n]{0,60})?[ \t]*(?:\.|\n|\(|$)")


def _signed_stamps(text: str) -> list[tuple[int, int]]:
    """The spans of a blog post's sign-offs ("By Ezra Klein | May 27, 2009; 10:04 AM ET",
    events.not_events.sign_offs: their one reader): the byline with the time the post went up,
    wherever it stands (at the post's foot, before the readers' comments). Its date is a time
    stamp (rule sign_off_stamp); [] when the rule is off. A page that holds several posts,
    newest first, is the top post's: only the first sign-off is its stamp."""
    if not text or not rules()["sign_off_stamp"]["on"]:
        return []
    from kerryview.events.not_events import sign_offs  # (events imports dating)
    return sign_offs(text)[:1]


def is_full_stamp(text: str, t: Timex, day: int) -> bool:
    """Whether a time stamp (is_stamp) is written in full: the weekday it names is its date's,
    and a clock time stands by it ("Monday 4 May 2009 10.22 BST"). A wrong year would keep
    the weekday one time in seven, so such a stamp vouches for its own year, whatever the
    years of the articles beside it."""
    rule = rules()["head_stamp"]
    near = text[max(0, t.start - rule["clock_chars"]):t.end + rule["clock_chars"]]
    return weekday_in(t.text) == weekday(day) and bool(_CLOCK.search(near))


def weekday_in(text: str) -> int | None:
    """The ISO weekday a time expression names ("Tuesday, June 8": 2), by the tagger's weekday
    names and numbers; None if it names none."""
    named = _WEEKDAY_WORD.search(text)
    return lexicon()["weekday"].get(named.group(0).lower()) if named is not None else None


@cache
def _dateline_styles() -> tuple[tuple[str, re.Pattern, tuple[str, ...]], ...]:
    """The head_dateline styles this module reads itself (those with a template: a newspaper's
    own "LONDON, March 30 --"; the wire style is the date-line reader's, datelines.
    yearless_dateline), compiled by the date-line reader's grammar (one home for {city}, {md},
    {agency}, {dash}): (name, regex, the groups of its month and day)."""
    from kerryview.dating.datelines import compile_template
    out = []
    for name, style in rules()["head_dateline"]["styles"].items():
        if "template" in style:
            regex, _, groups = compile_template(style["template"])
            out.append((name, regex, groups))
    return tuple(out)


_POSSESSIVE = ("'s", "\u2019s")
_WORD = r"[\w'\u2019-]+(?:\.[\w-]+)*"  # "7.0-magnitude", not the full stop after a word
_EVENT_WORDS = re.compile(rf"\s*(?:{_WORD}\s+){{0,2}}{_WORD}")  # "devastating earthquake", "7.0-magnitude quake"


def named_event(text: str, t: Timex) -> tuple[str, ...]:
    """The words of the event a weekday names in the possessive ("Tuesday's earthquake",
    "after Friday's 7.0-magnitude quake": the way a report names its story's event in the
    days after it); () when the weekday is not written so."""
    if not text or text[t.end:t.end + 2] not in _POSSESSIVE:
        return ()
    m = _EVENT_WORDS.match(text, t.end + 2)
    return event_words(m.group()) if m else ()


def event_words(phrase: str) -> tuple[str, ...]:
    """The common words of a phrase naming an event, as content_terms stems: its names left
    out ("after BP capped the well": cap, well), for a name is in every sentence of its story."""
    return tuple(sorted(content_terms(" ".join(w for w in phrase.split() if not w[:1].isupper()))))


_AFTER = re.compile(rf"\s+(?:after|since)\s+((?:{_WORD}\s+){{0,4}}{_WORD})")
_UNIT_DAYS = {"D": 1, "W": 7, "M": 30}


def elapsed(text: str, t: Timex) -> Cue | None:
    """A duration counted from an event ("ten days after the earthquake", "nearly two weeks
    since the quake struck"): its days, how far off the day may be (a round unit, "more
    than", "nearly"), and the words of the event (up to five words after "after"/"since");
    None for any other duration."""
    amounts = parse_duration(t.value) if t.type == "DURATION" else None
    m = _AFTER.match(text, t.end) if text and amounts else None
    if not m or len(amounts) != 1:
        return None
    (unit, n), = amounts.items()
    rule = rules()["elapsed"]
    if unit not in _UNIT_DAYS or n != int(n) or not 0 < n * _UNIT_DAYS[unit] <= rule["most_days"]:
        return None
    words = event_words(m.group(1))
    if not words:
        return None
    slack = rule["slack"][unit]
    head = t.text.lower()
    if t.mod in ("MORE_THAN", "EQUAL_OR_MORE") or head.startswith(tuple(rule["more"])):
        lo, hi = 0, slack
    elif t.mod in ("LESS_THAN", "EQUAL_OR_LESS") or head.startswith(tuple(rule["less"])):
        lo, hi = -slack, 0
    else:
        lo, hi = -slack, slack
    return Cue(-1, ELAPSED, None, offset=int(n) * _UNIT_DAYS[unit], named=words, lo=lo, hi=hi)


def story_phrase_end(text: str, t: Timex, words: tuple[str, ...]) -> int:
    """Where the phrase naming the story's event ends after a time expression ("Tuesday's
    earthquake", "ten days after the earthquake"): after its last word among `words` (the
    event's), for saying how a date was found."""
    m = (_EVENT_WORDS.match(text, t.end + 2) if text[t.end:t.end + 2] in _POSSESSIVE
         else _AFTER.match(text, t.end))
    if not m:
        return t.end
    end = t.end
    for w in re.finditer(_WORD, m.group()):
        if set(content_terms(w.group())) & set(words):
            end = m.start() + w.end()
    return end


_CAPTION_AFTER = re.compile(r"\s*:\s+[\"\u201c(]?[A-Z0-9]")


def is_caption(text: str, t: Timex) -> bool:
    """Whether a date opens a line at the head of the text followed by a colon and a sentence:
    a photo caption's date ("July 17, 2010: The containment stack is shown ..."), the day the
    photo was taken."""
    return (bool(text) and t.start <= rules()["head_caption"]["head_chars"]
            and (t.start == 0 or text[t.start - 1] == "\n")
            and _CAPTION_AFTER.match(text, t.end) is not None)


def is_graphic_credit(text: str, t: Timex) -> bool:
    """Whether a full date closes a graphic's credit line ("SOURCES: BP, U.S. Coast Guard |
    The Washington Post - May 30, 2010", "GRAPHIC: Mary Kate Cannistra - The Washington Post -
    January 26, 2009"): the day the graphic ran with the page, wherever the copied page puts
    it (rule graphic_credit: scored as the page's time stamp)."""
    rule = rules()["graphic_credit"]
    if not text or not rule["on"]:
        return False
    line = text[text.rfind("\n", 0, t.start) + 1:t.start]
    return _credit_line().search(line) is not None


@cache
def _credit_line() -> re.Pattern:
    labels = "|".join(re.escape(w) for w in rules()["graphic_credit"]["labels"])
    # the date after the paper's name, a dash or a comma: "... | The Washington Post - May 30,
    # 2010", "GRAPHIC: Richard Furno, The Washington Post December 22, 2008"
    return re.compile(rf"\b(?:{labels})\s*:[^\n]*(?:[-\u2013\u2014,]|\b[A-Z][\w.'\u2019]*)\s*$")


def is_listing(text: str, t: Timex, tense: str | None) -> bool:
    """Whether a date written with its weekday and a clock time by it is told in the present or
    untensed ("BP - In Deep Water, BBC One, Monday, 21 June at 2030 BST", "watch it on BBC
    World News at 1100GMT on Monday 14 June"): a schedule's, a programme's or an event's, on
    the page that day or the days before (rule listing); "struck at 1653 local time on
    Tuesday, 12 January" is reported, "will be screened live from 0100 GMT on Saturday, 23
    January" announced (announced_day: days ahead)."""
    if not text or not rules()["listing"]["on"] or tense in ("past", "future") \
            or weekday_in(t.text) is None:
        return False
    near = rules()["listing"]["clock_chars"]
    return any(not (m["bare"] and t.start <= m.start() < t.end)
               for m in _listing_clock().finditer(text, max(0, t.start - near), t.end + near))


@cache
def _listing_clock() -> re.Pattern[str]:
    """A clock time as listings write it: "2030 BST", "1100GMT" (a zone name of
    calendar/zones.py, as a whole word), "2.40 pm", "10:00"; hours to 23 and minutes to 59,
    not a figure's last digits ("1,200 EDTA"). Group `bare`: four digits with no separator,
    which inside the date are its year ("Monday 14 June 2010 EST")."""
    zones = "|".join(map(re.escape, zone_names()))
    clock = r"(?:[01]?\d|2[0-3])"
    return re.compile(
        rf"(?<![\d,.])(?:(?P<bare>{clock}[0-5]\d)|{clock}[:.][0-5]\d)\s*(?:(?:{zones})(?![\w-])|(?i:[ap]\.?m)\b)"
        rf"|(?<![\d,.]){clock}[:.][0-5]\d(?![\d:]|\.\d)")


def is_transcript_date(text: str, t: Timex) -> bool:
    """Whether a date at the head of the text is the day of the broadcast a transcript is of
    ('This is a rush transcript from "On the Record," June 11, 2010.': the words before it on
    its sentence name a transcript, rule broadcast_transcript): the show's day, published
    that day or, most often, the next (scored as a photo caption's date, head_caption)."""
    rule = rules()["broadcast_transcript"]
    if not text or not rule["on"] or t.start > rule["head_chars"]:
        return False
    before = text[max(0, t.start - rule["lead_chars"]):t.start]
    before = re.split(r"[.!?]\s|\n", before)[-1].lower()
    return any(w in before for w in rule["lead_ins"])


_UNREAD = object()  # a wire dateline not read yet (None: read, and there is none)


def dateline_spans(text: str, wire=_UNREAD) -> list[tuple[str, int, int]]:
    """The year-less datelines opening a report ("LONDON, March 30 --", "GENEVA, June 12
    (Reuters) -") in the head of the text: (style, start, end of the date). A dateline has no
    tense: it names the day the report was filed, whatever its first sentence says. The wire
    style is read by the date-line reader (datelines.yearless_dateline: its one reader), the
    others in the first head_dateline.head_chars characters. `wire`: the text's wire dateline
    as the caller read it already (None: it has none), not read again."""
    from kerryview.dating.datelines import yearless_dateline
    if wire is _UNREAD:
        wire = yearless_dateline(text)
    out = [] if wire is None else [("wire", wire.start, wire.end)]
    head = text[:rules()["head_dateline"]["head_chars"]]
    for name, regex, groups in _dateline_styles():
        for m in regex.finditer(head):
            if m.start() and head[m.start() - 1].isalnum():
                continue  # the city is a whole word
            spans = [(m.start(g), m.end(g)) for g in groups if m[g] is not None]
            if spans and not any(s <= spans[0][0] < e for _, s, e in out):
                out.append((name, min(s for s, _ in spans), max(e for _, e in spans)))
            break
    return out


def classify(under: tuple[list[Timex], list[Timex]], tenses: list[str | None],
             text: str = "", wire=_UNREAD) -> list[Cue]:
    """The cues of one article from its time expressions tagged under the two REFERENCES
    (the same expressions, in the same order) and the tense of each; `text` is the article
    (for time stamps at its head)."""
    shift = REFERENCES[1].toordinal() - REFERENCES[0].toordinal()
    r0 = REFERENCES[0].toordinal()
    out: list[Cue] = []
    datelines = dateline_spans(text, wire) if text else []
    signed = _signed_stamps(text)
    foot = _comments_start(text)
    for i, (a, b) in enumerate(zip(*under)):
        # under the page (rule first_comment): what a reader's comment tells is the reader's,
        # not the news's, its dates and durations alike; only its signature is a cue
        in_foot = foot is not None and a.start >= foot \
            and not any(s <= a.start and a.end <= e for s, e in signed)
        if a.type == "DURATION":
            q = None if in_foot else elapsed(text, a)
            if q is not None:
                out.append(replace(q, timex_index=i, tense=tenses[i] if i < len(tenses) else None))
            continue
        da, db = _day_of(a), _day_of(b)
        if da is None or db is None:
            continue
        (oa, ga), (ob, gb) = da, db
        tense = tenses[i] if i < len(tenses) else None
        if in_foot:
            if oa == ob and ga.day_or_finer and _clocked(text, a):  # a comment's signature
                out.append(Cue(i, DAY, None, day=oa, foot=True))
            continue
        if a.anchor_kind == "narrative" or b.anchor_kind == "narrative":
            continue  # "the day after", "four days later": a day counted from another date of
            # the article, which says of the publication only what that date says
        if not ga.day_or_finer:
            if a.value == b.value and ga in (Granularity.MONTH, Granularity.YEAR):
                out.append(Cue(i, PERIOD, tense, day=oa))
            continue
        if not gb.day_or_finer or is_bare_holiday(a, text):
            continue
        if oa == ob:
            in_body = any(e <= a.start for _, _, e in datelines)  # after the dateline: the report's own words
            stamp = bool(text) and (not in_body and is_stamp(text, a)
                                    or any(s <= a.start and a.end <= e for s, e in signed)
                                    or is_graphic_credit(text, a))
            # a time stamp has no tense: "Tuesday 5 May 2009 21.31 BST Exam boards may ..."
            caption = not stamp and (is_caption(text, a) or is_transcript_date(text, a)
                                     or not in_body and is_run_in_caption(text, a))
            if not stamp and not caption and tense is None and rules()["listing"]["on"] \
                    and is_full_stamp(text, a, oa):
                stamp = True  # "Friday 24 September 2010 12.16 BST" on a line of its own,
                # wherever a copied page puts it: a stamp in full (rule listing)
            listing = not stamp and not caption and is_listing(text, a, tense)
            out.append(Cue(i, DAY, None if stamp or caption else tense, day=oa, stamp=stamp,
                           caption=caption, full=stamp and is_full_stamp(text, a, oa),
                           listing=listing, with_weekday=weekday_in(a.text) is not None))
        elif ob - oa == shift:
            out.append(Cue(i, RELATIVE, tense, offset=oa - r0))
        elif weekday(oa) == weekday(ob):
            out.append(Cue(i, WEEKDAY, tense, weekday=weekday(oa), named=named_event(text, a)))
        else:
            x, y = date.fromordinal(oa), date.fromordinal(ob)
            if (x.month, x.day) == (y.month, y.day):
                style = next((n for n, s, e in datelines if s <= a.start < e), "")
                caption = not style and (is_caption(text, a) or is_transcript_date(text, a))
                listing = not style and not caption and is_listing(text, a, tense)
                out.append(Cue(i, MONTH_DAY, None if style or caption else tense, month=x.month,
                               mday=x.day, dateline=style, caption=caption, listing=listing,
                               with_weekday=weekday_in(a.text) is not None))
    first = min((q.day for q in out if q.foot), default=None)  # the first comment: the others
    return [q for q in out if not q.foot or q.day == first]  # came later and say no more


_ARTICLE = re.compile(r"^(?:the|on|at|for|by|this|that)\s+", re.IGNORECASE)


def is_bare_holiday(t: Timex, text: str = "") -> bool:
    """Whether a time expression is a holiday's name alone, without a year, a number or a
    word that fixes which one ("Christmas", "at Christmas", "Halloween", "Election Day"; the
    tagger's holiday names, timex/rules/lexicon.json): in news it names the feast in general
    far more often than a day of the story ("Father Christmas", "a Christmas card list",
    "beef only at Christmas", "the Xmas number one"), so it says nothing of the publication
    day (rule bare_holiday); not after a preposition that orders it ("until after Labor Day",
    "before Christmas"): then it is the feast of the story's year, a bound of its time."""
    rule = rules()["bare_holiday"]
    if not rule["on"]:
        return False
    words = t.text.strip().lower()
    while (m := _ARTICLE.match(words)) is not None:
        words = words[m.end():]
    before = " ".join(text[max(0, t.start - 30):t.start].lower().split()[-3:])
    if any(before == p or before.endswith(" " + p) for p in rule["ordering"]):  # whole words: not "Lobby"
        return False  # "isn't expected until after Labor Day": this year's feast, a bound of the story
    return words in lexicon()["holiday"]


def _comments_start(text: str) -> int | None:
    """Where the readers' comments (or the notes at the page's foot: "A version appeared on
    p8 ...") begin (events.not_events.comments_start: their one reader); None when the rule
    first_comment is off or there are none."""
    if not text or not rules()["first_comment"]["on"]:
        return None
    from kerryview.events.not_events import comments_start  # (events imports dating)
    return comments_start(text)


def _clocked(text: str, t: Timex) -> bool:
    """Whether a clock time stands by a date ("June 10, 2010 9:19 PM", "At 2:10 pm on 02 Jun
    2009"), as a signature's or a stamp's does."""
    near = rules()["head_stamp"]["clock_chars"]
    return _CLOCK.search(text, max(0, t.start - near), t.end + near) is not None


class Scorer:
    """Scores candidate days for one article's cues (data/inference_cues.json)."""

    def __init__(self) -> None:
        r = rules()
        self.rep = r["reported_day"]
        self.ann = r["announced_day"]
        self.rep_wd = r["reported_weekday"]["days_after"]
        self.ann_wd = r["announced_weekday"]["days_before"]
        self.untensed_future = r["untensed_weekday"]["future_penalty"]
        self.period = r["reported_month"]
        self.stamp = r["head_stamp"]["days_after"]
        self.stamp_other = r["head_stamp"]["other"]
        self.datelines = {n: st["days_after"] for n, st in r["head_dateline"]["styles"].items()}
        self.dateline_other = r["head_dateline"]["other"]
        self.named = r["named_weekday"]
        self.elapsed = r["elapsed"]
        self.caption = r["head_caption"]
        self.foot = r["first_comment"]
        self.listing = r["listing"]
        self.weekday_style_rule = r["weekday_style"]
        self.anchors: dict[int, list[tuple[int, frozenset[str]]]] = {}

    def anchor(self, days: dict[int, frozenset[str]]) -> None:
        """The pile's background days (the day of the earthquake, reported by many of its
        articles) with the words its articles tell them in, by weekday: a weekday written as
        an event's day, with one of those words, names one of them."""
        self.anchors = {}
        for d, words in sorted(days.items()):
            self.anchors.setdefault(weekday(d), []).append((d, words))

    def anchored(self, cue: Cue) -> frozenset[int]:
        """The background days a named weekday ("Tuesday's earthquake") names: of its weekday,
        told with its event's words ("Tuesday's hearing" does not name the explosion); for
        an ELAPSED duration ("ten days after the earthquake"), the day it names counted from
        the background day its words tell."""
        if not cue.named or cue.tense == "future":
            return frozenset()
        if cue.kind == WEEKDAY:
            return frozenset(d for d, words in self.anchors.get(cue.weekday, ())
                             if words.intersection(cue.named))
        if cue.kind == ELAPSED:
            return frozenset(d + cue.offset for ds in self.anchors.values() for d, words in ds
                             if words.intersection(cue.named))
        return frozenset()

    def event_words(self, cue: Cue) -> tuple[str, ...]:
        """The words by which an anchored cue names the story's event ("earthquake")."""
        told = frozenset().union(*(words for ds in self.anchors.values() for _, words in ds))
        return tuple(w for w in cue.named if w in told)

    def reported(self, k: int, tense: str | None, background: float = 0.0,
                 styled: bool = False) -> float:
        """A day reported k days before the candidate (k < 0: after it). `background` is the
        share of the pile's articles that report the same day: a day every article reports
        (the day of the earthquake) is the story's background, not this article's news.
        `styled`: the article names its recent days by their weekdays, so a date it
        writes out bare is seldom the candidate day or the day before (rule weekday_style)."""
        rep = self.rep
        if k < 0:
            return rep["before_past"] if tense == "past" else (
                rep["before_present"] if tense == "present" else rep["before_untensed"])
        after = self.weekday_style_rule["days_after"] if styled and \
            self.weekday_style_rule["on"] else rep["days_after"]
        news = after[k] if k < len(after) else (
            rep["within_month"] if k <= 31 else rep["older"])
        if background <= 0.0:
            return news
        b = min(background * rep["background_scale"], rep["background_most"])
        return math.log((1 - b) * math.exp(news) + b * math.exp(rep["older"]))

    def _elapsed(self, k: int) -> float:
        """A day of the story counted from its event, k days before the candidate: a bound
        from below, and the latest news only a little more likely (the story's days are
        retold)."""
        r = self.elapsed
        if k < 0:
            return r["before"]
        return r["days_after"][k] if k < len(r["days_after"]) else r["later"]

    def announced(self, k: int) -> float:
        """A day announced k days after the candidate (k < 0: before it)."""
        ann = self.ann
        if k < 0:
            return ann["after"]
        if k < len(ann["days_before"]):
            return ann["days_before"][k]
        return ann["within_month"] if k <= 31 else ann["older"]

    def cue(self, cue: Cue, c: int, background: dict[tuple[int, int], float] | None = None,
            styled: bool = False) -> float:
        """The score of candidate day c by one cue (RELATIVE cues score only with other
        articles: "yesterday" is the day before any day). `background`: the share of the
        pile's articles reporting each month and day; `styled`: whether the cue's
        article names its recent days by weekdays (weekday_style())."""
        if cue.kind == DAY or cue.kind == MONTH_DAY:
            d = cue.day if cue.kind == DAY else month_day_under(cue.month, cue.mday, c, cue.tense)
            if d is None:
                return 0.0
            if cue.dateline:  # filed on that day: published then, or in the next morning's paper
                d = month_day_under(cue.month, cue.mday, c, "past")
                after = self.datelines[cue.dateline]
                k = c - d if d is not None else -1
                return after[k] if 0 <= k < len(after) else self.dateline_other
            if cue.stamp:
                k = c - d
                return self.stamp[k] if 0 <= k < len(self.stamp) else self.stamp_other
            if cue.foot:  # the first reader's comment: on the page's day or the days after
                return _days_before(self.foot, d - c)
            if cue.listing:  # a schedule's day: announced that day or the days before
                return _days_before(self.listing, d - c)
            if cue.caption:  # the photo's day: published then or in the days after
                d = d if cue.kind == DAY else month_day_under(cue.month, cue.mday, c, "past")
                k = c - d if d is not None else -1
                cap = self.caption
                return (cap["before"] if k < 0 else cap["days_after"][k]
                        if k < len(cap["days_after"]) else cap["later"])
            if cue.tense == "future":
                return self.announced(d - c)
            share = 0.0
            if background:
                x = date.fromordinal(d)
                share = background.get((x.month, x.day), 0.0)
            return self.reported(c - d, cue.tense, share,
                                 styled and not cue.with_weekday)
        if cue.kind == WEEKDAY:
            k = (weekday(c) - cue.weekday) % 7
            if (days := self.anchored(cue)):  # the story's event, said in the week after it
                return self.named["on_background"] if c - k in days else (
                    self.rep_wd[k] + self.named["elsewhere"])
            back = self.rep_wd[k]
            ahead = self.ann_wd[(cue.weekday - weekday(c)) % 7]
            if cue.tense == "future":
                return ahead
            if cue.tense == "past":
                return back
            return max(back, ahead + self.untensed_future)
        if cue.kind == ELAPSED:  # a day of the story counted from its event: a reported day
            days = self.anchored(cue)
            if not days:
                return 0.0
            return max(self._elapsed(c - d - max(cue.lo, min(cue.hi, c - d))) for d in days)
        if cue.kind == PERIOD:
            if cue.tense == "future" or c >= cue.day:
                return 0.0
            return self.period["before_past"] if cue.tense == "past" else self.period["before_untensed"]
        return 0.0

    def total(self, cues: list[Cue], c: int, background: dict[tuple[int, int], float] | None = None) -> float:
        styled = weekday_style(cues)
        return sum(self.cue(q, c, background, styled) for q in cues)


def weekday_style(cues: list[Cue]) -> bool:
    """Whether an article names the days of its news by their weekdays, told in the past
    ("said on Tuesday"; not "Talks on Wednesday", which may be a schedule's: rule
    weekday_style), the news style that writes out the date of a day only beyond the week
    before."""
    return any(q.kind == WEEKDAY and q.tense == "past" for q in cues)


def _days_before(rule: dict, k: int) -> float:
    """The score of a day k days before one that comes on or after the publication day (a
    comment's, a listing's): rule's days_before[k], its `earlier` past them, `after` if k < 0."""
    if k < 0:
        return rule["after"]
    return rule["days_before"][k] if k < len(rule["days_before"]) else rule["earlier"]


def distinct(cues: list[Cue]) -> list[Cue]:
    """One cue per distinct reading: "June 8" said three times is one piece of evidence; said
    once as "Tuesday, June 8", it is written with its weekday (rule weekday_style)."""
    seen: dict[tuple, int] = {}
    out: list[Cue] = []
    for q in cues:
        key = (q.kind, q.tense == "future", q.day, q.month, q.mday, q.weekday, q.offset, q.stamp,
               q.full, q.dateline, q.named, q.lo, q.hi, q.caption, q.foot, q.listing)
        if key not in seen:
            seen[key] = len(out)
            out.append(q)
        elif q.with_weekday and not out[seen[key]].with_weekday:
            out[seen[key]] = replace(out[seen[key]], with_weekday=True)
    return out
