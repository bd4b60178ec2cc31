"""The per-article stages, as one pure function of an article: what an import stores once per
article so that the next import re-resolves the corpus without tagging it again.

An `Analysis` holds what costs to compute for one text: the recognized time expressions (before
resolution, which is what dating tries many publication dates against) and, for one publication
date, the resolved time expressions and the event mentions found with them. Dating decides the
date of an undated article only across the corpus, so the date-dependent part is kept with the
date it was made for and reused only while the article keeps that date.

Analyses are keyed by the content hash of the text and carry `stage_version()`, a fingerprint of
the code and rule data of the per-article stages: a new tagger (another version, or any edited
rule file) re-tags every article once instead of trusting old results.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from functools import cache
from pathlib import Path

from kerryview.cancellation import NEVER, Cancellation
from kerryview.model import Document, EventMention, Timex

# Packages whose code or data decide a document's per-article results (reading the date line,
# recognizing and resolving time expressions, finding mentions and their words).
_STAGE_PACKAGES = ("calendar", "dating", "events", "ingest", "text", "timex")
_STAGE_MODULES = ("analysis.py", "model.py")
_DATA_SUFFIXES = (".py", ".tsv", ".txt", ".json")


@cache
def stage_version() -> str:
    """A fingerprint of the per-article stages: the version, plus a hash of their source and
    rule files (a rule edited without a version bump still makes old results stale). In a frozen
    bundle without sources it is the version alone."""
    import kerryview

    return f"{kerryview.__version__}+{_files_digest(_STAGE_MODULES, _STAGE_PACKAGES)}"


# What decides the corpus from the articles' analyses beyond the per-article stages: the
# stories, the per-story and incremental merging, and how the pipeline runs them.
_CORPUS_MODULES = ("pipeline.py", "stories.py")
_CORPUS_PACKAGES = ("incremental",)


def corpus_version() -> str:
    """A fingerprint of every stage the stored corpus comes from: the per-article stages
    (stage_version) plus the corpus stages' code. A project's merge carries it, so a project
    resolved by another stories or merging code is resolved again, not kept as "nothing new"."""
    return f"{stage_version()}/{_corpus_code_digest()}"


@cache
def _corpus_code_digest() -> str:
    return _files_digest(_CORPUS_MODULES, _CORPUS_PACKAGES)


def _files_digest(modules: tuple[str, ...], packages: tuple[str, ...]) -> str:
    """A hash of these modules and of the source and rule files under these packages of
    kerryview (names and contents; files that cannot be read are left out)."""
    import kerryview

    root = Path(kerryview.__file__).parent
    digest = hashlib.sha256(kerryview.__version__.encode())
    files = [root / m for m in modules] + sorted(
        p for pkg in packages for p in (root / pkg).rglob("*")
        if p.suffix in _DATA_SUFFIXES and "__pycache__" not in p.parts)
    for p in files:
        try:
            data = p.read_bytes()
        except OSError:
            continue
        digest.update(p.relative_to(root).as_posix().encode())
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()[:16]


@dataclass
class Analysis:
    """One article's per-article results (see the module docstring). `dct` is the publication
    date `timexes` and `found` were made for (None: undated); `pending` is date-free."""

    sha256: str
    version: str
    pending: list = field(default_factory=list)  # kerryview.timex.pending.Pending
    dct: date | None = None
    timexes: list[Timex] = field(default_factory=list)
    found: list = field(default_factory=list)  # kerryview.events.mentions.Found
    resolved: bool = False  # timexes and found were made (for dct)
    # As stored, until recognized() first needs it: a dated article re-resolved with its stored
    # date never needs its recognition again, and decoding every article's costs.
    pending_json: str | None = field(default=None, repr=False, compare=False)

    def recognized(self) -> list:
        """The recognized (date-free) time expressions, decoded on first use."""
        if self.pending_json is not None:
            from kerryview.timex.pending import Pending
            self.pending = [Pending(*row) for row in json.loads(self.pending_json)]
            self.pending_json = None
        return self.pending

    def found_for(self, doc: Document) -> list:
        """The stored mentions as `doc` (with its id and date source) would have them: the
        resolution sentences name the date's source, which may have changed meanwhile."""
        from kerryview.events.mentions import Found, resolution_for

        out = []
        bags: dict[int, Counter] = {}  # a bag mentions share stays shared (_shared_bag)
        for f in self.found:
            m = f.mention
            mention = EventMention(**{n.name: getattr(m, n.name) for n in fields(EventMention)})
            mention.document_id = doc.id
            mention.resolution = resolution_for(mention, doc)
            bag = bags.get(id(f.context))
            if bag is None:
                bag = bags[id(f.context)] = Counter(f.context)
            out.append(Found(mention, f.label, bag, f.interval))
        return out


def analyse(doc: Document, cancel: Cancellation = NEVER) -> Analysis:
    """The per-article stages of one read document: recognize its time expressions and, if it
    declares its publication date (date line, page metadata, the user), resolve them against
    that date and find its event mentions. Pure: depends on the document alone."""
    from kerryview.dating.inference import declared_dct
    from kerryview.timex.recognize import recognize

    result = Analysis(doc.sha256, stage_version(), recognize(doc.text, cancel))
    probe = replace(doc)  # declared_dct sets the date on it, not on the caller's document
    declared_dct(probe)
    if probe.dct is not None:
        resolve_for(result, probe, cancel)
    return result


def resolve_for(result: Analysis, doc: Document, cancel: Cancellation = NEVER,
                timexes: list[Timex] | None = None) -> None:
    """Fill in the date-dependent part of `result` for doc.dct (the timexes, if given, are the
    resolved ones dating already made)."""
    from kerryview.events.clauses import CLAUSE_EVENTS
    from kerryview.events.mentions import find_mentions
    from kerryview.timex.anchor import resolve

    if timexes is None:
        timexes = resolve(doc.text, result.recognized(), doc.dct, cancel)
    result.dct, result.timexes = doc.dct, list(timexes)
    result.found = find_mentions(doc, result.timexes, cancel, CLAUSE_EVENTS)
    result.resolved = True


# -- JSON (never pickle: a project file may come from someone else) --------------------------
_TIMEX = tuple(f.name for f in fields(Timex))
_MENTION = tuple(f.name for f in fields(EventMention)
                 if f.name not in ("document_id", "timex", "resolution"))
_PENDING = ("start", "end", "type", "value", "op", "args", "mod", "freq", "quant", "rule")


def _timex_json(t: Timex) -> list:
    return [getattr(t, n) for n in _TIMEX]


def _timex(row: list) -> Timex:
    return Timex(*row)


def _shared_bag(bags: dict[tuple[int, int], Counter], m: EventMention,
                context: dict[str, float]) -> Counter:
    """The context words of a stored mention, one object for the mentions of a passage that
    have the same (the clause events of a sentence share its words: the merge then takes
    them for copies and gives them one vector; kerryview.events.clauses)."""
    bag = Counter(context)
    prev = bags.get((m.start, m.end))
    if prev is not None and prev == bag:
        return prev
    bags[(m.start, m.end)] = bag
    return bag


def to_json(a: Analysis) -> dict[str, str | None]:
    """The stored columns of an analysis: pending, dct, resolved (timexes and found) as JSON."""
    pending = a.pending_json if a.pending_json is not None else json.dumps(
        [[getattr(p, n) for n in _PENDING] for p in a.pending], ensure_ascii=False,
        separators=(",", ":"))
    resolved = None
    if a.resolved:
        found = [[[getattr(f.mention, n) for n in _MENTION], _timex_json(f.mention.timex),
                  f.label, dict(f.context),
                  [f.interval.start.isoformat(), f.interval.end.isoformat(),
                   f.interval.granularity.value] if f.interval else None]
                 for f in a.found]
        resolved = json.dumps({"timexes": [_timex_json(t) for t in a.timexes], "found": found},
                              ensure_ascii=False, separators=(",", ":"))
    return {"sha256": a.sha256, "version": a.version,
            "pending": pending,
            "dct": a.dct.isoformat() if a.dct else None, "resolved": resolved}


def from_json(sha256: str, version: str, pending: str, dct: str | None,
              resolved: str | None) -> Analysis:
    from kerryview.calendar.intervals import Interval
    from kerryview.events.mentions import Found
    a = Analysis(sha256, version, [], date.fromisoformat(dct) if dct else None,
                 pending_json=pending)
    if resolved is not None:
        data = json.loads(resolved)
        a.timexes = [_timex(t) for t in data["timexes"]]
        bags: dict[tuple[int, int], Counter] = {}
        for m, t, label, context, iv in data["found"]:
            mention = EventMention("", timex=_timex(t), **dict(zip(_MENTION, m)))
            interval = Interval(datetime.fromisoformat(iv[0]), datetime.fromisoformat(iv[1]),
                                iv[2]) if iv else None
            a.found.append(Found(mention, label, _shared_bag(bags, mention, context), interval))
        a.resolved = True
    return a


@dataclass
class AnalysisCache:
    """The stored analyses a resolution reads (sha256 -> Analysis) and the ones it made or
    redid (`changed`), which the caller stores with the resolved corpus."""

    by_sha: dict[str, Analysis] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)

    def current(self, sha256: str) -> Analysis | None:
        if not sha256:  # a document made in memory without its content's hash: no key
            return None
        a = self.by_sha.get(sha256)
        return a if a is not None and a.version == stage_version() else None

    def put(self, a: Analysis, *, stored: bool = False) -> None:
        """Add an analysis; `stored` when it is already in the database (a batch wrote it)."""
        self.by_sha[a.sha256] = a
        if stored:
            self.changed.discard(a.sha256)
        else:
            self.changed.add(a.sha256)

    def changed_analyses(self) -> list[Analysis]:
        return [self.by_sha[s] for s in sorted(self.changed)]
