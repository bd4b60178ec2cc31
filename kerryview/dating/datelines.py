"""Publication dates a document states about itself: the date line near the top of a text, in
any of the styles newspapers, wires and news sites print (data/dateline_styles.tsv says which
and how they are read), and a date written in any common English form (read with dateparser).

A date line is looked for on each of the first HEAD_LINES non-blank lines: before or after the
headline, after a byline. The earliest full date of those lines is the publication date (a
first publication wins over an update); a year-less wire dateline ("WASHINGTON, May 24 (Reuters)
-") takes its year from another date line, and alone is not a stated date: yearless_dateline
reads it for inference, which gives it the year of its story (the month and the day stay the
dateline's); with the page's date, it gives the day the story was filed (wire_day). The span
returned covers the date line from its first date or time to its end (a label such as
"Published:" is left out), so that no time expression in it becomes an event.
A page copied flat may run the article's head into its date line on the first line ("Headline
Standfirst Wednesday 5 May 2010 21.48 BST The body ...", "Fergus Walsh | 08:17 UK time, ..."):
styles opening with {headline} or {credit} read it, and run_in_head says where the head and the
stamp stand (kerryview.ingest.metadata reads the headline from the head). A date line whose
weekday is not its date's is none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib.resources import files

from kerryview.calendar.timex3 import iso_day

from kerryview.model import DateLine

HEAD_LINES = 8  # headline, standfirst, byline, date lines: a date line further down is body text
STYLES_FILE = "dateline_styles.tsv"
# A byline between two date lines: "By Jane Doe", "Washington Post Staff Writer".
_BYLINE = re.compile(r"\s*(?:by\s+\S.{0,70}|.{0,60}\b(?:staff\s+writer|correspondent|reporter|editor"
                     r"|associated\s+press|reuters|agence\s+france-presse))\s*$", re.IGNORECASE)

# Legacy labelled forms at the very top read by dateparser when no style fits
# ("Date: 18 Jul 2023 10:00 GMT", "Published: July 18, 2023 Beijing - Kerry met ...").
_LABEL = r"\A\s*(?:date|published|pubdate|publication date|dateline|posted|updated)\s*[:=]?\s*"
_DATE_LINE = re.compile(_LABEL + r"(?P<iso>\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
_LABEL_LINE = re.compile(_LABEL + r"(?P<rest>[^\n]{4,60})", re.IGNORECASE)
MAX_DATE_WORDS = 7
# A headline and standfirst run into the date line on one line ({headline}): the longest head
# read before it (a Guardian headline and standfirst are rarely over 300 characters).
MAX_HEAD_CHARS = 400
HEAD_STAMP_CHARS = 120  # a stamp after a head writes its year within this many characters
_YEAR = re.compile(r"(?:19|20)\d{2}(?!\d)")

# ------------------------------------------------------------------ the template language

_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
           "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_MONTH_RE = (r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?\.?"
             r"|july?\.?|aug(?:ust|\.)?|sep(?:t(?:ember|\.)?|\.)?|oct(?:ober|\.)?"
             r"|nov(?:ember|\.)?|dec(?:ember|\.)?)(?![a-z])")
_WEEKDAY_RE = (r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?"
               r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?(?![a-z])")
_ZONE_RE = (r"(?-i:GMT|UTC|BST|CEST|CET|EEST|EET|EDT|EST|CDT|CST|MDT|MST|PDT|PST|AKDT|AKST|HST"
            r"|ET|CT|MT|PT|IST|JST|KST|HKT|SGT|AEST|AEDT|AWST|NZST|NZDT|SAST|MSK|UK|Z)(?![A-Za-z])"
            r"|[+-]\d{2}:?\d{2}")
_TIME_RE = (r"\d{1,2}(?:[:.]\d{2}){1,2}(?:[ \t]*[ap]\.?[ \t]?m\.?)?(?:[ \t]*(?:" + _ZONE_RE + r"))?"
            r"|\d{1,2}[ \t]*[ap]\.?m\.?(?:[ \t]*(?:" + _ZONE_RE + r"))?")
_LABEL_RE = (r"(?:(?:first[ \t]+)?(?:published|posted|pubdate|publication[ \t]+date|date|dated"
             r"|dateline|filed|released|created|broadcast)|(?:page[ \t]+)?(?:last[ \t]+)?"
             r"(?:updated|modified|revised|edited))(?:[ \t]+(?:on|at))?[ \t]*[:=]?")
_SPACE = r"[ \t\u00a0]*"
# The words a page prints before its own date: a stamp's label ("First published", "Last
# updated", "Posted by ...") or a byline ("By John Smith, staff writer, ..."; events/data/
# not_events.tsv byline).
_STAMP_LEAD_IN = re.compile(rf"[ \t]*(?:(?:{_LABEL_RE})(?!\w)|by[ \t]+(?-i:[A-Z]))", re.IGNORECASE)


def stamp_lead_in(words: str) -> bool:
    """Whether the words before a date on its line open with a publication stamp's label (the
    {label} field of data/dateline_styles.tsv: "Published", "First published", "Last updated",
    "posted") or a byline ("By John Smith, staff writer,"): the date is the page's stamp, not
    one a sentence tells (a photo caption's, dating.cues.is_run_in_caption)."""
    return _STAMP_LEAD_IN.match(words) is not None
# One upper-case place name of a dateline; places joined by "/" share one ("NEW ORLEANS/WASHINGTON",
# "MEXICO CITY\/GENEVA" as some feeds escape the slash).
_PLACE = r"[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]*){0,3}"

# Fields made of other fields, expanded before compiling.
_COMPOSITE = {
    "mdy": "[{weekday}[,] ]{month} {day}[,] {year}",
    "dmy": "[{weekday}[,] ]{day} {month}[,] {year}",
    "md": "{month} {day}",
    "numdate": "{mm}/{dd}/{yyyy_or_yy}",
}
# Simple fields: their regex, and which date part each is (None: not a date part).
_FIELDS: dict[str, tuple[str, str | None]] = {
    "weekday": (_WEEKDAY_RE, "weekday"),
    "month": (_MONTH_RE, "month"),
    "day": (r"[0-3]?\d(?:st|nd|rd|th)?(?!\d)", "day"),
    "year": (r"(?:19|20)\d{2}(?!\d)", "year"),
    "mm": (r"[01]?\d", "month"),
    "dd": (r"[0-3]?\d(?!\d)", "day"),
    "yy": (r"\d{2}(?!\d)", "year"),
    "yyyy_or_yy": (r"(?:(?:19|20)\d{2}|\d{2})(?!\d)", "year"),
    "iso": (r"(?:19|20)\d{2}-[01]\d-[0-3]\d(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?"
            r"(?:[ \t]*(?:Z|[+-]\d{2}(?::?\d{2})?|(?-i:UTC|GMT)))?)?(?![\d:])", "iso"),
    "time": (r"(?:" + _TIME_RE + r")", "time"),
    "zoned_time": (r"\d{1,2}(?:[:.]\d{2}){1,2}(?:[ \t]*[ap]\.?[ \t]?m\.?)?[ \t]*(?:" + _ZONE_RE + r")",
                   "time"),
    "label": (_LABEL_RE, None),
    "city": (r"(?-i:" + _PLACE + r"(?:[ \t]*\\?/[ \t]*" + _PLACE + r")*"
             r"(?:,[ \t]*[A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*){0,2})?)", None),
    "headline": (r"[^\n|]{1,%d}?" % MAX_HEAD_CHARS, None),
    "agency": (r"\((?-i:[A-Z][A-Za-z.&'’ -]{0,30})\)", None),
    "dash": (r"(?:--|[-–—‑])", None),
    "site": (r"[\w-]+(?:\.[\w-]+)+", None),
    "page": (r"(?:page[ \t]*)?[A-Z]?\d{1,3}", None),
    "credit": (r"[^\n|]{1,60}?", None),
}
# Fields that, opening a template, hold the head of the article run into its date line: the
# headline (and standfirst) or the byline ("Fergus Walsh | 08:17 UK time, ...").
HEAD_FIELDS = ("headline", "credit")
_TOKEN = re.compile(r"\{(\w+)\}|\\\||\[|\]|\||[ \t]+|[^{}\[\]|\\ \t]+")


@dataclass(frozen=True)
class Style:
    """One date-line style of the data file, compiled."""

    name: str
    part: str  # head | top
    fit: str  # line | lead
    template: str
    example: str
    date: str
    span: str
    source: str
    regex: re.Pattern
    slots: tuple[dict[str, str], ...]  # per date written: date part -> group name
    date_groups: tuple[str, ...]  # every group that is a date or time part


def _expand(template: str) -> str:
    for _ in range(3):
        template = re.sub(r"\{(\w+)\}", lambda m: _COMPOSITE.get(m[1], "{%s}" % m[1])
                          if m[1] in _COMPOSITE else m[0], template)
    return template


def compile_template(template: str) -> tuple[re.Pattern, tuple[dict[str, str], ...], tuple[str, ...]]:
    """The regex of a template, the group names of each date it writes, and its date groups.
    The n-th year, month and day fields make the n-th date (an {iso} is a whole date)."""
    out: list[str] = []
    depth = 0
    counts: dict[str, int] = {}
    slots: list[dict[str, str]] = []
    groups: list[str] = []
    for m in _TOKEN.finditer(_expand(template)):
        tok = m[0]
        if m[1]:
            field = m[1]
            if field not in _FIELDS:
                raise ValueError(f"unknown field {{{field}}} in date-line template {template!r}")
            regex, part = _FIELDS[field]
            if part is None:
                if field in HEAD_FIELDS and not groups and "(?P<head>" not in "".join(out):
                    regex = f"(?P<head>{regex})"  # the head run into the date line, before it
                out.append(regex)
                continue
            n = counts.get(part, 0)
            counts[part] = n + 1
            name = f"{field}{len(groups)}"
            groups.append(name)
            out.append(f"(?P<{name}>{regex})")
            if part in ("year", "month", "day", "iso"):
                if part == "iso":
                    slots.append({"iso": name})
                    for p in ("year", "month", "day"):
                        counts[p] = max(counts.get(p, 0), len(slots))
                    continue
                while len(slots) <= n:
                    slots.append({})
                slots[n][part] = name
        elif tok == "[":
            depth += 1
            out.append("(?:")
        elif tok == "]":
            depth -= 1
            out.append(")?")
        elif tok == "|":
            out.append("|" if depth else r"\|")
        elif tok == "\\|":
            out.append(r"\|")
        elif tok.isspace():
            out.append(_SPACE)
        else:
            out.append(re.escape(tok))
    if depth:
        raise ValueError(f"unbalanced [ ] in date-line template {template!r}")
    return re.compile("".join(out), re.IGNORECASE), tuple(slots), tuple(groups)


@cache
def styles() -> tuple[Style, ...]:
    """The date-line styles of data/dateline_styles.tsv, compiled once."""
    text = (files("kerryview.dating") / "data" / STYLES_FILE).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, part, fit, template, example, day, span, source = line.split("\t")
        regex, slots, groups = compile_template(template)
        out.append(Style(name, part, fit, template, example.replace("\\n", "\n"), day,
                         span.replace("\\n", "\n"), source, regex, slots, groups))
    return tuple(out)


# ------------------------------------------------------------------ reading one line

@dataclass(frozen=True)
class _Read:
    """A date line found on one line of the head: its dates and the span from its first date part."""

    line_no: int  # among the non-blank head lines
    start: int
    end: int
    days: tuple[date, ...]
    yearless: tuple[tuple[int, int], ...]  # (month, day) written without a year
    head: tuple[int, int] | None = None  # a headline or byline run into the date line, before it


def _number(s: str) -> int:
    return int(re.match(r"\d+", s)[0])


def _slot_date(m: re.Match, slot: dict[str, str]) -> date | tuple[int, int] | None:
    """The date of one slot: a date, (month, day) when no year is written, or None if invalid."""
    if "iso" in slot:
        return iso_day(m[slot["iso"]][:10])
    if "month" not in slot or "day" not in slot or m[slot["month"]] is None or m[slot["day"]] is None:
        return None
    raw_month = m[slot["month"]]
    month = (_MONTHS.get(raw_month[:3].lower()) if raw_month[0].isalpha() else int(raw_month))
    day = _number(m[slot["day"]])
    if month is None:
        return None
    if month > 12 and day <= 12 and not raw_month[0].isalpha():  # 24/05/2010: day first
        month, day = day, month
    year_text = m[slot["year"]] if "year" in slot else None
    if year_text is None:
        return (month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None
    year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _read_line(line: str, offset: int, line_no: int) -> _Read | None:
    """_read_line_at for a line at `offset`, the `line_no`-th non-blank line of the text."""
    r = _read_line_at(line, line_no == 0)
    if r is None:
        return None
    head = None if r.head is None else (offset + r.head[0], offset + r.head[1])
    return _Read(line_no, offset + r.start, offset + r.end, r.days, r.yearless, head)


# Text tokenised for research corpora (ECB+, TimeBank) puts spaces around punctuation: "May 03 ,
# 2013", "05 / 02 / 2013", "5 : 03pm", "p . m .". A space before , . ; : / ) or after / : ( before
# a digit is one tokenising put there: a tokenised date line is read as its unspaced copy.
_TOKENISED_SPACE = re.compile(r"(?<=\S)[ \t](?=[,.;:/)])|(?<=[/:(])[ \t](?=\d)")


def _read_line_at(line: str, first: bool) -> _Read | None:
    """_read_unspaced of a line, read as written unless tokenising put spaces in it
    (_TOKENISED_SPACE): then its copy without them, the offsets the line's."""
    kept = [m.start() for m in _TOKENISED_SPACE.finditer(line)]
    if not kept:
        return _read_unspaced(line, first)
    where: list[int] = []  # the line's offset of each character of the copy
    last = 0
    for k in kept:
        where.extend(range(last, k))
        last = k + 1
    where.extend(range(last, len(line)))
    r = _read_unspaced("".join(line[i] for i in where), first)
    if r is None:
        return None

    def at(k: int) -> int:  # an offset of the copy as an offset of the line (an end: after its char)
        return where[k - 1] + 1 if k else 0

    head = None if r.head is None else (where[r.head[0]] if r.head[0] < len(where) else len(line),
                                        at(r.head[1]))
    return _Read(r.line_no, where[r.start], at(r.end), r.days, r.yearless, head)


@lru_cache(maxsize=4096)
def _read_unspaced(line: str, first: bool) -> _Read | None:
    """The longest date-line style match of one line (a whole-line style beats a prefix; of two
    that end at the same place, the one whose date line starts first: "Headline Page last
    updated at 08:58 GMT, Thursday, 24 June 2010 09:58 UK" is updated at 08:58, not a headline
    that ends in "08:58 GMT,")."""
    body = line.rstrip()
    lead = len(body) - len(body.lstrip())
    best: _Read | None = None
    # A head runs into a date line with its year ("... leak Wednesday 5 May 2010 21.48 BST"): a
    # line with no year near its start has none, and its head styles need not scan it.
    year = _YEAR.search(body, 0, MAX_HEAD_CHARS + HEAD_STAMP_CHARS) is not None
    for st in styles():
        if st.part == "top" and not first or (not year and "head" in st.regex.groupindex):
            continue
        if st.fit == "line":
            m = st.regex.fullmatch(body, lead)
        else:
            m = st.regex.match(body, lead)
            if m and m.end() < len(body) and not body[m.end()].isspace():
                m = None
        if m is None or (best is not None and m.end() < best.end):
            continue
        days: list[date] = []
        yearless: list[tuple[int, int]] = []
        for slot in st.slots:
            value = _slot_date(m, slot)
            if isinstance(value, date):
                days.append(value)
            elif isinstance(value, tuple):
                yearless.append(value)
        if days and not _weekday_agrees(m, st, days) or _head_ends_in_weekday(m):
            continue  # "Tuesday 4 May 2009" (a Monday): no date line in full, whatever it says
        if "head" in st.regex.groupindex and m["head"] is not None \
                and _head_runs_on(m["head"], body[m.end():]):
            continue  # "The leak was first reported Tuesday, July 27, 2010; 11:56 PM was when ..."
        if days or yearless:
            start = min(m.start(g) for g in st.date_groups if m[g] is not None)
            if best is not None and m.end() == best.end and start >= best.start:
                continue  # of two reads to the same end, the one that reads more as the date line
            head = (m.start("head"), m.end("head")) \
                if "head" in st.regex.groupindex and m["head"] is not None else None
            best = _Read(0, start, m.end(), tuple(days), tuple(yearless),
                         head)
    return best


def _weekday_agrees(m: re.Match, st: Style, days: list[date]) -> bool:
    """Whether each weekday a date line names is the weekday of one of its dates (the tagger's
    weekday names and numbers, kerryview/timex/rules/lexicon.json)."""
    from kerryview.timex.lexicon import lexicon  # the tagger's lexicon, read once
    names = lexicon()["weekday"]
    for g in st.date_groups:
        if g.startswith("weekday") and m[g] is not None:
            number = names.get(m[g].lower()) or names.get(m[g].lower().rstrip("."))
            if number is not None and all(d.isoweekday() != number for d in days):
                return False
    return True


def _head_ends_in_weekday(m: re.Match) -> bool:
    """Whether the head read before a date line ends in a weekday name, which belongs to the
    date ("Friday 29 May 2010 ...": not a head "Friday" before "29 May 2010")."""
    from kerryview.timex.lexicon import lexicon
    if "head" not in m.re.groupindex or m["head"] is None:
        return False
    words = m["head"].split()
    return bool(words) and words[-1].lower().rstrip(",") in lexicon()["weekday"]


_HEAD_WORD = re.compile(r"[\w'’-]+")


def _head_runs_on(head: str, after: str) -> bool:
    """Whether a head read before a date line is a sentence of the body running through a date
    it names, not a headline or standfirst before a publication stamp (kerryview/ingest/data/
    head_rules.json runs_on): the head ends in a word after which a phrase goes on ("... the
    report was posted at 14:00 GMT, ..."), or the text after the stamp goes on in lower case
    ("... Tuesday, July 27, 2010; 11:56 PM was when ..."), where a body's sentence would start."""
    from kerryview.ingest.metadata import head_rules, phrase_goes_on  # the head rules' one reader
    from kerryview.text.wordlists import list_words
    words = _HEAD_WORD.findall(head)
    if not words:
        return False
    goes_on = phrase_goes_on() - list_words(head_rules()["runs_on"]["particles"])
    next_word = _HEAD_WORD.search(after)
    return words[-1].lower() in goes_on or (next_word is not None and next_word.group()[:1].islower())


def _head_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) of the first HEAD_LINES non-blank lines."""
    out = []
    for m in re.finditer(r"[^\n]*", text):
        if m[0].strip():
            out.append((m.start(), m[0]))
            if len(out) == HEAD_LINES:
                break
    return out


def _year_for(month: int, day: int, known: date) -> date | None:
    """A year-less date on or before a known date of the same article (first publication)."""
    for year in (known.year, known.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d <= known:
            return d
    return None


def read_dateline(text: str) -> DateLine | None:
    """The publication date declared near the start of the text, and the span that declares it.
    Read once per document, when its file is read (and by the store, for documents saved
    before date lines were kept)."""
    reads: list[_Read] = []
    head = _head_lines(text)
    for i, (off, line) in enumerate(head):
        r = _read_line(line, off, i)
        if r is not None:
            reads.append(r)
    full = [d for r in reads for d in r.days]
    if full:
        known = min(full)
        chosen: list[tuple[date, _Read]] = [(d, r) for r in reads for d in r.days]
        for r in reads:
            for month, day in r.yearless:
                d = _year_for(month, day, known)
                if d is not None:
                    chosen.append((d, r))
        # Of the date lines that give the first date, the span is one that fills its line, if
        # any: a date line that runs into a sentence leaves a real passage if it is not covered,
        # a date line of its own would become an event of nothing but a date.
        value, first = min(chosen, key=lambda x: (x[0], not _fills(x[1], head), x[1].line_no))
        start, end = _block(first, reads, head)
        return DateLine(value, start, end)
    return _legacy_label_line(text)


def wire_day(line: YearlessLine | None, known: date) -> date | None:
    """The day a year-less wire dateline gives ("WASHINGTON, March 12 (Xinhua) --"), `line` as
    yearless_dateline read it (the one reading of the text's head, passed on), its year
    taken from `known`, the page's date (its metadata), when it falls on that date or up to
    wire_dateline_page.lag_days before it (dating/data/inference_cues.json): the day the reporter filed the story, whose "today" and
    news of the day the text tells, while the page or the archive dates it by when it went
    out (a wire in another time zone, an evening story archived the next morning). None when
    the text has no such dateline (line is None; the caller reads it only for a text with no
    full date line, Document.dateline), or its day lies elsewhere (a dateline is not always
    the page's story)."""
    if line is None:
        return None
    from kerryview.dating.cues import rules  # the rules' one reader (cues imports this module)
    d = _year_for(line.month, line.day, known)
    return d if d is not None and (known - d).days <= rules()["wire_dateline_page"]["lag_days"] \
        else None


# A wire dateline's agency and dash ("(Reuters) -"), and an upper-case word that may open its
# place: where a dateline run into its line after the article's head may start.
_AGENCY_DASH = re.compile(_FIELDS["agency"][0] + _SPACE + _FIELDS["dash"][0])
_PLACE_START = re.compile(r"(?<![\w.'’-])(?-i:[A-Z][A-Z.'’-]+)(?![a-z])")
RUN_IN_PLACE_CHARS = 60  # a place, a month and a day before the agency: "NEW ORLEANS/WASHINGTON, May 24 "


def _run_in_wire(line: str) -> int | None:
    """Where a year-less wire dateline starts that runs into its line after the article's head
    (headline, summary bullets, an editor's note, a byline), as wire pages copied flat print it:
    "\\* Two cases confirmed in Turkey (Updates with details) ISTANBUL, May 16 (Reuters) - ...",
    "By Sue Zeidler LOS ANGELES, April 28 (Reuters) - ...": the first upper-case word within
    MAX_HEAD_CHARS of the line from which a year-less wire style reads to its agency, as
    "{city}, {month} {day}" (a run-in date with no place before it is a headline's words: "OIL
    FALLS AS BP SAYS MAY 24 (Reuters) - DEADLINE NEARS"), and after whose dash a sentence
    starts (the story's first: "... reported by WASHINGTON, May 24 (Reuters) - that ..." is
    prose quoting a dateline); else None."""
    for m in _AGENCY_DASH.finditer(line, 0, MAX_HEAD_CHARS + RUN_IN_PLACE_CHARS):
        if not _SENTENCE_START.match(line, m.end()):
            continue
        for p in _PLACE_START.finditer(line, max(0, m.start() - RUN_IN_PLACE_CHARS), m.start()):
            r = _read_line_at(line[p.start():], False)
            if r is not None and r.yearless and not r.days and r.end == m.end() - p.start() \
                    and line[p.start():p.start() + r.start].rstrip().endswith(","):
                return p.start()
    return None


# What follows a wire dateline's dash: the first sentence of the story, opening with a capital
# (also a name's after one small letter: "eBay", "iPhone"), a figure or a quotation mark.
_SENTENCE_START = re.compile(r"[ \t\u00a0]*(?:$|[\"'“‘(\[]?[a-z]?[A-Z0-9])")
# A full date as date lines write it (with its year): a head that states one before a run-in
# wire dateline dates the line ("BP tries again | Mon May 24, 2010 10:07am EDT | Email | Print
# WASHINGTON, May 24 (Reuters) -").
_FULL_DATE_FIELDS = ("{mdy}", "{dmy}", "{iso}")


@cache
def _full_dates() -> tuple[tuple[re.Pattern, tuple[dict[str, str], ...]], ...]:
    return tuple(compile_template(t)[:2] for t in _FULL_DATE_FIELDS)


def _states_full_date(text: str) -> bool:
    """Whether a text holds a full, valid date (month, day and year)."""
    for regex, slots in _full_dates():
        for m in regex.finditer(text):
            if any(isinstance(_slot_date(m, slot), date) for slot in slots):
                return True
    return False


@dataclass(frozen=True)
class YearlessLine:
    """A wire dateline that states the month and the day but not the year ("WASHINGTON, May 24
    (Reuters) -", "May 24 (Bloomberg) --"), in a text whose head states no full date: the day
    the report was filed and published. text[start:end] is the dateline (from its date to the
    end of the agency and dash); text[line_start:end] the whole dateline, its place too
    ("WASHINGTON, May 24 (Reuters) -"), as it is quoted to say how a date was found."""

    month: int
    day: int
    start: int
    end: int
    line_start: int


def yearless_dateline(text: str) -> YearlessLine | None:
    """The year-less wire dateline of a text's head (the first HEAD_LINES non-blank lines), at
    the start of a line or run into it after the article's head (_run_in_wire), when no date
    line there states a full date (read_dateline gives such a dateline its year from
    that date line, _year_for); else None. Inference gives it its year (dating/inference.py):
    the month and the day are the dateline's."""
    first: tuple[_Read, int] | None = None
    lines = _head_lines(text)
    for i, (off, line) in enumerate(lines):  # a dateline that starts its line first
        r = _read_line(line, off, i)
        if r is None:
            continue
        if r.days:
            return None
        if r.yearless and first is None:
            first = r, off + len(line) - len(line.lstrip())  # where the dateline's place starts
    if first is None:  # then one run into its line after the head
        for i, (off, line) in enumerate(lines):
            if (run_in := _run_in_wire(line)) is None:
                continue
            if _states_full_date(line[:run_in]):
                return None  # the head's full date dates the line, not the wire dateline
            r = _read_line(line[run_in:], off + run_in, i)
            if r is not None and r.yearless:
                first = r, off + run_in
                break
    if first is None:
        return None
    r, line_start = first
    month, day = r.yearless[0]
    return YearlessLine(month, day, r.start, r.end, min(line_start, r.start))


@dataclass(frozen=True)
class RunIn:
    """A date line run into the first line of a text after the article's head, as a page copied
    flat puts them: "Headline Standfirst Wednesday 5 May 2010 21.48 BST The body ...",
    "Fergus Walsh | 08:17 UK time, Tuesday, 30 June 2009 I've been ...". `head` is the text
    before the date line (a headline, perhaps with its standfirst, or a byline), `stamp` the
    date line itself; the body starts after the stamp. Offsets are the text's."""

    head: tuple[int, int]
    stamp: tuple[int, int]


def run_in_head(text: str) -> RunIn | None:
    """The head and date line run together on the first non-blank line that holds a date line
    among the first HEAD_LINES, when a style reads a head before it (data/dateline_styles.tsv:
    a template opening with {headline} or {credit}); else None."""
    for i, (off, line) in enumerate(_head_lines(text)):
        r = _read_line(line, off, i)
        if r is not None:
            if r.head is None:
                return None
            a, b = r.head
            while b > a and text[b - 1] in " \t|":
                b -= 1
            return RunIn((a, b), (r.start, r.end)) if b > a else None
    return None


def _fills(r: _Read, head: list[tuple[int, str]]) -> bool:
    """Whether a date line is the whole of its line (nothing runs on after it)."""
    off, line = head[r.line_no]
    return r.end >= off + len(line.rstrip())


def _block(first: _Read, reads: list[_Read], head: list[tuple[int, str]]) -> tuple[int, int]:
    """The span of the date line that gave the date, widened to the date lines around it
    (bylines between them allowed) when each fills its line: a block such as "Published: ... /
    By Jane Doe / Updated: ..." is one date line, none of it an event."""
    by_line = {r.line_no: r for r in reads}
    fills = lambda r: _fills(r, head)  # noqa: E731

    def neighbour(n: int, step: int) -> _Read | None:
        n += step
        while 0 <= n < len(head) and n not in by_line and _BYLINE.match(head[n][1]):
            n += step
        return by_line.get(n)

    start, end = first.start, first.end
    r = first
    while (prev := neighbour(r.line_no, -1)) is not None and fills(prev):
        start, r = prev.start, prev
    r = first
    while fills(r) and (nxt := neighbour(r.line_no, 1)) is not None:
        end, r = nxt.end, nxt
    return start, end


def _legacy_label_line(text: str) -> DateLine | None:
    """A labelled first line in a form no style names, read by dateparser."""
    m = _DATE_LINE.match(text)
    if m:
        value = iso_day(m["iso"])
        return None if value is None else DateLine(value, m.start("iso"), m.end("iso"))
    m = _LABEL_LINE.match(text)
    if not m:
        return None
    # The longest run of leading words that reads as a full date ("July 18, 2023" of
    # "July 18, 2023 Beijing - Kerry met ...").
    words = list(re.finditer(r"\S+", m["rest"]))
    for k in range(min(len(words), MAX_DATE_WORDS), 0, -1):
        end = words[k - 1].end()
        value = parse_date_text(m["rest"][:end].rstrip(",;.|-"))
        if value is not None:
            start = m.start("rest")
            return DateLine(value, start, start + len(m["rest"][:end].rstrip(",;.|-")))
    return None


@cache
def _date_parser():
    """One dateparser parser, English only: scanning every locale costs about 1 s a call."""
    from dateparser.date import DateDataParser  # imported lazily: most files need no fallback

    return DateDataParser(languages=["en"], settings={
        "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False})


def parse_date_text(value: str) -> date | None:
    """A full calendar date written in any common English form, or None."""
    value = value.strip()
    if (day := iso_day(value)) is not None:
        return day
    data = _date_parser().get_date_data(value)
    return data.date_obj.date() if data and data.date_obj else None


def is_date_line(line: str) -> bool:
    """Whether `line` is a date line of any style ("date 2023-07-18", "24 May 2010"), which is
    never a title."""
    return _DATE_LINE.match(line) is not None or _read_line(line, 0, 0) is not None
