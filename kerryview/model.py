"""Domain values shared by every stage. Plain dataclasses: no Qt, no SQL.

Dates from text are calendar values with a granularity (a month stays a month), never
time-zone-aware instants: see kerryview.calendar.intervals for turning a TIMEX3 value into an interval.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import Enum, StrEnum


class Granularity(StrEnum):
    """How precisely a date is known: "2023-07" is a month, never the 1st of July.

    The value is the word stored in JSON and SQLite. Members are listed coarse to fine; `rank`
    orders them (a quarter and a season are equally fine, as are a week and its weekend, and a
    "period" ("the past month", counted back from a date) is placed like a year).
    """

    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    PERIOD = "period"
    HALF_YEAR = "half-year"
    QUARTER = "quarter"
    SEASON = "season"
    MONTH = "month"
    WEEK = "week"
    WEEKEND = "weekend"
    DAY = "day"
    PART_OF_DAY = "part-of-day"
    HOUR = "hour"
    MINUTE = "minute"

    @property
    def rank(self) -> int:
        """Coarse to fine: a finer date is preferred when sources agree."""
        return _GRANULARITY_RANK[self]

    @property
    def day_or_finer(self) -> bool:
        """Known to the day or better: a point on the timeline, a day and time in exports."""
        return self.rank >= _GRANULARITY_RANK[Granularity.DAY]

    @property
    def is_vague_range(self) -> bool:
        """Known only to a span longer than a day: drawn as a soft range, not as its first day."""
        return not self.day_or_finer


_GRANULARITY_RANK: dict[Granularity, int] = {
    Granularity.CENTURY: 0, Granularity.DECADE: 1, Granularity.YEAR: 2, Granularity.PERIOD: 2,
    Granularity.HALF_YEAR: 3, Granularity.QUARTER: 4, Granularity.SEASON: 4, Granularity.MONTH: 5,
    Granularity.WEEK: 6, Granularity.WEEKEND: 6, Granularity.DAY: 7, Granularity.PART_OF_DAY: 8,
    Granularity.HOUR: 9, Granularity.MINUTE: 10}


@dataclass(frozen=True, slots=True)
class Timex:
    """One time expression found in a text, normalized like a TimeML TIMEX3.

    `start`/`end` are Python string offsets into the text given to the tagger.
    `value` is the TIMEX3 value (2023-07-17, 2023-07, XXXX-07-17, PT12H, PRESENT_REF, ...).
    `anchor` is the value of the date it was resolved against (the document date or the last
    mentioned date), `anchor_kind` says which ("dct", "narrative"), so the GUI can explain it.
    """

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    mod: str | None = None
    freq: str | None = None
    quant: str | None = None
    anchor: str | None = None
    anchor_kind: str | None = None

    def to_json(self) -> dict:
        out = {"start": self.start, "end": self.end, "text": self.text,
               "type": self.type, "value": self.value}
        for key in ("mod", "freq", "quant"):
            val = getattr(self, key)
            if val is not None:
                out[key] = val
        return out


class DateSourceKind(Enum):
    """Where a document's publication date comes from; what dating decides by."""

    STATED_IN_TEXT = "stated_in_text"  # a date line at the top of the text ("date 2023-07-18")
    PAGE_METADATA = "page_metadata"  # an HTML page's metadata (article:published_time)
    # the page's date taken back to the day of the article's year-less wire dateline, filed a
    # day or two before the page went out (dating.datelines.wire_day)
    FILED_PER_DATELINE = "filed_per_dateline"
    SET_BY_USER = "set_by_user"
    INFERRED = "inferred"  # from the other articles or the article's own dates
    UNKNOWN = "unknown"


# The dates an article or the user declares (a date line, a page's metadata and its wire
# dateline's day, the user's), as against those inferred from the pile.
DECLARED_KINDS = frozenset({DateSourceKind.STATED_IN_TEXT, DateSourceKind.PAGE_METADATA,
                            DateSourceKind.FILED_PER_DATELINE, DateSourceKind.SET_BY_USER})


# how an inferred date's sentence says how sure it is (dating.inference writes it, DateSource
# reads it back): "(how sure: medium, 45 % of the evidence on this day)"
SURENESS_SAID = "how sure: "
_SURENESS = re.compile(rf"\({re.escape(SURENESS_SAID)}([^,)]+)[,)]")


@dataclass(frozen=True, slots=True)
class DateSource:
    """Where a publication date comes from: `kind` for code to decide by, `detail` the sentence
    shown to people ("stated in the article (“2023-07-18”)"). str() is the sentence."""

    kind: DateSourceKind
    detail: str

    def __str__(self) -> str:
        return self.detail

    @property
    def why_undated(self) -> str:
        """Why an article was left without a date, as dating said it ("two days compete,
        Tuesday 1 June 2010 (16 % of the evidence) and ..."; dating.inference), or "" when
        it said nothing more than that none was found."""
        said = "not found: "
        if self.kind is DateSourceKind.UNKNOWN and self.detail.startswith(said):
            return self.detail[len(said):]
        return ""

    @property
    def sureness(self) -> str | None:
        """How sure an inferred date is ("high", "medium", "low", "a guess"), as dating said it
        in its sentence ("... (how sure: low, 32 % of the evidence on this day)": dating.
        inference, calibrated by decision.sureness); None for a date not inferred."""
        if self.kind is not DateSourceKind.INFERRED:
            return None
        m = _SURENESS.search(self.detail)
        return m.group(1) if m else None

    @classmethod
    def unknown(cls) -> DateSource:
        return cls(DateSourceKind.UNKNOWN, "unknown")

    @classmethod
    def set_by_user(cls) -> DateSource:
        return cls(DateSourceKind.SET_BY_USER, "set by the user")


@dataclass(frozen=True, slots=True)
class DateLine:
    """The publication date a text declares at its top ("date 2023-07-18") and the characters
    text[start:end] that declare it: read once, when the file is read."""

    value: date
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PageDate:
    """The publication date an HTML page's metadata declares (article:published_time), and
    the sentence that says so: read once, when the file is read, and kept with the article
    whatever date it is given later (the user's, a resolution's), so asking to infer its date
    again finds the page's date again (dating.inference.declared_dct): it is read, not a guess."""

    value: date
    detail: str

    @property
    def source(self) -> DateSource:
        return DateSource(DateSourceKind.PAGE_METADATA, self.detail)


@dataclass(slots=True)
class Document:
    """An article as read from disk. `text` is exactly the decoded file content.

    `title` is its headline and `outlet` who published it ("Reuters"), both as the article or
    its page declares them or as the user corrected them (kerryview.ingest.metadata); people
    see an article by these (kerryview.sources), never by its file name's hash."""

    id: str
    path: str
    text: str
    title: str | None = None
    encoding: str = "utf-8"
    sha256: str = ""
    dct: date | None = None
    dct_source: DateSource = DateSource.unknown()
    dateline: DateLine | None = None  # the date line at the top of the text, if any
    outlet: str | None = None  # the publisher or agency: "Reuters", "BBC News", "dw.com"
    page_date: PageDate | None = None  # the date its page's metadata declares, if any


@dataclass(slots=True)
class EventMention:
    """One passage of one document that reports an event at a time expression."""

    document_id: str
    start: int  # the passage (sentence) span in the document text
    end: int
    text: str
    timex: Timex  # offsets relative to the document text
    trigger_start: int | None = None  # the event words (e.g. "met"), document offsets
    trigger_end: int | None = None
    status: str = "happened"  # happened | scheduled | expected
    resolution: str = ""  # how the date was resolved, for people to read
    duration: str | None = None  # a duration in the same passage ("PT12H")
    duration_mod: str | None = None
    # "time expression": dated by `timex`; "publication": an article's main news (its headline
    # or lead) with no time expression, dated by its publication day (`timex` is then an empty
    # span at the passage's start whose value is that day); "sentence before": a clause below
    # the lead that goes on with the story of the sentence before, dated by that sentence's time
    # expression's day (`timex` an empty span at the event words whose value is that day;
    # clause_rules.json narrative_day); "told below": a headline with no time expression whose
    # event words are told again below with a day shortly before the publication, dated by
    # that day (`timex` an empty span at the passage's start; clause_rules.json
    # headline_told_below).
    dated_by: str = "time expression"
    position: str = ""  # "headline" | "lead" | "" (elsewhere in the article)


@dataclass(slots=True)
class Event:
    """One event of the corpus: every mention of it across articles, placed in time."""

    id: str
    label: str
    value: str  # TIMEX3 value of the date, at its granularity
    start: str  # ISO 8601, inclusive
    end: str  # ISO 8601, exclusive
    granularity: Granularity  # a word when read back from JSON or SQLite: made a Granularity
    status: str = "happened"
    duration: str | None = None
    mod: str | None = None
    mentions: list[EventMention] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)  # where sources disagree
    reviewed: bool = False  # the user checked it (kept while its set of passages is the same)
    dismissed: bool = False  # the user said it is not an event: drawn faded, left out of exports
    note: str = ""  # the user's note on it (kerryview.edits)
    edited: bool = False  # changed by one of the user's edits (kerryview.edits)
    importance: int = 0  # higher = more newsworthy (kerryview.events.importance says how)
    # What the store keeps of the passages (EventSummary) when an event is read without them
    # (Store.events(passages=False)); the passages, once read, are what counts.
    stored_summary: EventSummary | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        # A word read back from JSON or SQLite becomes the enum; a dict lookup, because
        # Enum.__call__ was a fifth of the time to open 100,000 stored events.
        g = self.granularity
        if type(g) is not Granularity:
            try:
                self.granularity = _GRANULARITY_OF_WORD[g]
            except (KeyError, TypeError):
                raise ValueError(f"{g!r} is not a Granularity") from None

    @property
    def document_ids(self) -> list[str]:
        if not self.mentions and self.stored_summary is not None:
            return list(self.stored_summary.document_ids)
        seen: dict[str, None] = {}
        for m in self.mentions:
            seen.setdefault(m.document_id, None)
        return list(seen)

    @property
    def passages_read(self) -> bool:
        """False for an event read without its passages (they are in the store)."""
        return bool(self.mentions) or self.stored_summary is None

    @property
    def summary(self) -> EventSummary:
        """Counts of its passages: from them when read, else as the store keeps them."""
        if not self.mentions and self.stored_summary is not None:
            return self.stored_summary
        return EventSummary.of(self.mentions)


@dataclass(frozen=True)
class EventSummary:
    """What the views need of an event's passages without reading them (schema step 10):
    the articles telling it in first-told order, how many passages, whether every passage
    is dated by its article's publication only, and whether it is told only in clauses
    dated by publication (no headline or lead passage among them)."""

    document_ids: tuple[str, ...] = ()
    n_passages: int = 0
    by_publication: bool = False
    clause_only: bool = False
    per_document: tuple[int, ...] = ()  # its passages in each of document_ids (the documents table)

    @property
    def n_articles(self) -> int:
        return len(self.document_ids)

    @classmethod
    def of(cls, mentions: list[EventMention]) -> EventSummary:
        if not mentions:
            return cls()
        docs: dict[str, int] = {}
        published = clauses = True
        for m in mentions:
            docs[m.document_id] = docs.get(m.document_id, 0) + 1
            if m.dated_by != "publication":
                published = clauses = False
            elif m.position:
                clauses = False
        return cls(tuple(docs), len(mentions), published, clauses, tuple(docs.values()))


_GRANULARITY_OF_WORD: dict[str, Granularity] = {g.value: g for g in Granularity}
