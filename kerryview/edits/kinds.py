"""One dataclass per kind of edit, and their JSON form (one row of the store's event_edits).

An edit names the event it changes by an EventRef: the set of its passages' time expressions,
each as (document id, start, end) offsets into the document text. Offsets are what stays the
same when the corpus is resolved again (the event's id is a hash that changes as soon as it
gains a source), so "the event whose passages are mostly these" is found again after any
re-import (apply.py). Each edit keeps what it replaced (`was`) only to be described in the
undo history; undoing an edit removes it from the list, it never writes the old value back.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from typing import ClassVar, Union

from kerryview.calendar.intervals import iso
from kerryview.model import Event, EventMention, Granularity
from kerryview.text.phrasing import count_words

MentionRef = tuple[str, int, int]  # document id, time expression start, end
EventRef = frozenset  # of MentionRef

STATUSES = ("happened", "scheduled", "expected")
DATE_KINDS = ("day", "month", "year", "range")


def mention_ref(m: EventMention) -> MentionRef:
    """A passage's time expression by document and offsets (an added event's passage has an
    empty one at the passage's start)."""
    return (m.document_id, m.timex.start, m.timex.end)


def event_ref(ev: Event) -> EventRef:
    return frozenset(mention_ref(m) for m in ev.mentions)


def _ref_to_json(ref: EventRef) -> list[list]:
    return [list(r) for r in sorted(ref)]


def _ref_from_json(rows: list) -> EventRef:
    return frozenset((str(d), int(a), int(b)) for d, a, b in rows)


@dataclass(frozen=True)
class EditDate:
    """A date the user gives an event: a day, a month, a year, or a range of days (first and
    last day, both included). `first` is the day, or the 1st of the month or year."""

    kind: str  # one of DATE_KINDS
    first: date
    last: date | None = None  # only for "range"

    def __post_init__(self) -> None:
        if self.kind not in DATE_KINDS:
            raise ValueError(f"{self.kind!r} is not one of {DATE_KINDS}")
        if self.kind == "range" and (self.last is None or self.last < self.first):
            raise ValueError("a range needs a last day on or after its first")

    @classmethod
    def of_event(cls, ev: Event) -> EditDate | None:
        """The event's date in these terms (a season or a week becomes the range of its days),
        to fill the date dialog; None when it has no date."""
        try:
            start = date.fromisoformat(ev.start[:10])
            end = date.fromisoformat(ev.end[:10]) if ev.end else start
        except ValueError:
            return None
        g = ev.granularity
        if g is Granularity.YEAR:
            return cls("year", start.replace(month=1, day=1))
        if g is Granularity.MONTH:
            return cls("month", start.replace(day=1))
        last = max(start, end - timedelta(days=1)) if end > start else start
        if g.day_or_finer and last == start:
            return cls("day", start)
        return cls("range", start, last)

    def end_exclusive(self) -> date:
        if self.kind == "day":
            return self.first + timedelta(days=1)
        if self.kind == "month":
            y, m = self.first.year, self.first.month
            return date(y + m // 12, m % 12 + 1, 1)
        if self.kind == "year":
            return date(self.first.year + 1, 1, 1)
        return self.last + timedelta(days=1)

    def value(self) -> str:
        """The TIMEX3 value: 2023-07-17, 2023-07, 2023; a range is its first day (its length
        is the event's duration)."""
        if self.kind == "month":
            return f"{self.first.year:04d}-{self.first.month:02d}"
        if self.kind == "year":
            return f"{self.first.year:04d}"
        return self.first.isoformat()

    def granularity(self) -> Granularity:
        return {"day": Granularity.DAY, "month": Granularity.MONTH, "year": Granularity.YEAR,
                "range": Granularity.DAY}[self.kind]

    def apply_to(self, ev: Event) -> None:
        """Set the event's date fields. A day keeps the event's duration ("12-hour talks" are
        still 12 hours on another day); a range's duration is its number of days."""
        from datetime import datetime
        ev.value = self.value()
        ev.start = iso(datetime.combine(self.first, datetime.min.time()))
        ev.end = iso(datetime.combine(self.end_exclusive(), datetime.min.time()))
        ev.granularity = self.granularity()
        ev.mod = None
        if self.kind == "range":
            ev.duration = f"P{(self.last - self.first).days + 1}D"
        elif self.kind != "day":
            ev.duration = None

    def describe(self) -> str:
        """For people: 17 July 2023, July 2023, 2023, 17–20 July 2023."""
        f = self.first
        if self.kind == "day":
            return f"{f.day} {calendar.month_name[f.month]} {f.year}"
        if self.kind == "month":
            return f"{calendar.month_name[f.month]} {f.year}"
        if self.kind == "year":
            return str(f.year)
        last = self.last
        if (f.year, f.month) == (last.year, last.month):
            return f"{f.day}–{last.day} {calendar.month_name[f.month]} {f.year}"
        return (f"{f.day} {calendar.month_name[f.month]} {f.year} – "
                f"{last.day} {calendar.month_name[last.month]} {last.year}")

    def to_json(self) -> dict:
        return {"kind": self.kind, "first": self.first.isoformat(),
                "last": self.last.isoformat() if self.last else None}

    @classmethod
    def from_json(cls, d: dict) -> EditDate:
        return cls(d["kind"], date.fromisoformat(d["first"]),
                   date.fromisoformat(d["last"]) if d.get("last") else None)


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1].rstrip() + "…"


@dataclass(frozen=True)
class SetLabel:
    kind: ClassVar[str] = "label"
    target: EventRef
    label: str
    was: str = ""

    def describe(self) -> str:
        return f"Rename “{_short(self.was)}” to “{_short(self.label)}”"


@dataclass(frozen=True)
class SetDate:
    kind: ClassVar[str] = "date"
    target: EventRef
    date: EditDate
    was: str = ""  # the event's label, to name it

    def describe(self) -> str:
        return f"Date “{_short(self.was)}”: {self.date.describe()}"


@dataclass(frozen=True)
class SetStatus:
    kind: ClassVar[str] = "status"
    target: EventRef
    status: str
    was: str = ""

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"{self.status!r} is not one of {STATUSES}")

    def describe(self) -> str:
        return f"“{_short(self.was)}”: {self.status}"


@dataclass(frozen=True)
class SetNote:
    kind: ClassVar[str] = "note"
    target: EventRef
    note: str
    was: str = ""

    def describe(self) -> str:
        return (f"Note on “{_short(self.was)}”" if self.note.strip()
                else f"Remove the note on “{_short(self.was)}”")


@dataclass(frozen=True)
class AddEvent:
    """An event the user adds by hand from a passage of one article (document offsets)."""

    kind: ClassVar[str] = "add"
    document_id: str
    start: int
    end: int
    text: str
    label: str
    date: EditDate
    status: str = "happened"

    def describe(self) -> str:
        return f"Add “{_short(self.label)}” ({self.date.describe()})"


@dataclass(frozen=True)
class MergeEvents:
    """The events become one: the first one's label, date and status, every passage."""

    kind: ClassVar[str] = "merge"
    targets: tuple[EventRef, ...]
    was: tuple[str, ...] = field(default_factory=tuple)  # their labels

    def describe(self) -> str:
        names = ", ".join(f"“{_short(w, 25)}”" for w in self.was)
        return f"Merge {len(self.targets)} events: {names}" if names else \
            f"Merge {len(self.targets)} events"


@dataclass(frozen=True)
class SplitEvent:
    """The passages `part` leave the event `target` and become an event of their own."""

    kind: ClassVar[str] = "split"
    target: EventRef
    part: EventRef
    was: str = ""

    def describe(self) -> str:
        n = len(self.part)
        return f"Split {count_words(n, 'passage')} off “{_short(self.was)}”"


Edit = Union[SetLabel, SetDate, SetStatus, SetNote, AddEvent, MergeEvents, SplitEvent]
KINDS: dict[str, type] = {c.kind: c for c in (SetLabel, SetDate, SetStatus, SetNote, AddEvent,
                                              MergeEvents, SplitEvent)}


def edit_to_json(e: Edit) -> dict:
    out: dict = {"kind": e.kind}
    for name in (f.name for f in fields(e)):
        val = getattr(e, name)
        if name in ("target", "part"):
            val = _ref_to_json(val)
        elif name == "targets":
            val = [_ref_to_json(r) for r in val]
        elif name == "date":
            val = val.to_json()
        elif name == "was" and isinstance(val, tuple):
            val = list(val)
        out[name] = val
    return out


def edit_from_json(d: dict) -> Edit:
    """ValueError (or KeyError) for a row this version cannot read."""
    cls = KINDS[d["kind"]]
    args = {}
    for name in (f.name for f in fields(cls)):
        if name not in d:
            continue
        val = d[name]
        if name in ("target", "part"):
            val = _ref_from_json(val)
        elif name == "targets":
            val = tuple(_ref_from_json(r) for r in val)
        elif name == "date":
            val = EditDate.from_json(val)
        elif name == "was" and isinstance(val, list):
            val = tuple(val)
        args[name] = val
    return cls(**args)
