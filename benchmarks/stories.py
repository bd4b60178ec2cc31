"""Issue #9 benchmark: kerryview on piles of news nobody here wrote, each figure beside a baseline.

    .venv/bin/python benchmarks/stories.py                   # every development folder, samples
    .venv/bin/python benchmarks/stories.py --heldout         # the same and our held-out bpoil_reuters
    .venv/bin/python benchmarks/stories.py --all             # every article of every development folder
    .venv/bin/python benchmarks/stories.py --folders bpoil_bbc MJ_bbc --max-articles 30
    .venv/bin/python benchmarks/stories.py --growth bpoil_bbc   # inference time for 25..300 articles
    .venv/bin/python benchmarks/stories.py --bp-together     # add the five BP folders as one pile
    .venv/bin/python benchmarks/stories.py --json --tbaq dev --list-wrong wrong   # each wrong date, on stderr
    .venv/bin/python benchmarks/stories.py --json --esl [--list-wrong wrong]      # the same on EventStoryLine

Data: ../shared/data/timeline17/ (11 story folders: articles/, published.tsv, timelines/) and
../shared/data/tempeval3-tbaq/ (TimeBank + AQUAINT). Held out, printed in their own rows and
looked at rarely: the bpoil_reuters folder and the odd-position AQUAINT files (the split
benchmarks/tempeval.py uses). The odd AQUAINT half is scored only with --tbaq-heldout, and the
five BP folders together (--bp-together) are timed on all five but scored on the development
folders' timelines; a bare --json is refused (it used to pool the BP folders, bpoil_reuters too).

Measures (README_stories.md defines each precisely):
 1. stated publication dates: each article written out with a date line in each style of
    stories_styles.tsv; share read exactly (Document.dateline == published.tsv). Baseline: the
    first full date the tagger finds in the first three lines.
 2. nothing stated: a sample of articles as given; share inferred on the exact day and within a
    day. Baseline: the latest full date the article mentions.
 3. event dating on TBAQ: gold EVENTs dated by a TLINK to a day-level TIMEX3 or the DCT; recall
    and precision of the kerryview event covering each. Baseline: nearest time expression in
    the sentence, else the DCT.
 3b. event dating on EventStoryLine v1.5 (`--json --esl`; ECB+ topics 1-35 only, 36-45 are
    held out and never read): the same measure on a second set. Its TLINKs go from the time
    to the event; CONTAINS and SIMULTANEOUS date an event (as TBAQ's IS_INCLUDED,
    SIMULTANEOUS, DURING); OVERLAP, BEFORE, AFTER and the begin/end links (BEGUN_ON,
    ENDED_ON, BEGINS_ON, ENDS_ON) do not. Gold events: ACTION_* and NEG_ACTION_* markables.
    The text is the tokens re-spaced as a reader sees them (esl_detokenize: "2/3/2009",
    "p.m.", "32-year-old"), one sentence a line, the page's address left out. The DCT is the
    day the page prints (ESL writes a clock-time DCT in UTC; documents whose DCT value matches
    none of the printed day, the day before or after are left out: 5 of 233); a clock time
    ESL wrote in UTC dates no event (its local day is unknown), nor does a time that is not
    in the text (an instance markable), the DCT aside.
 4. key dates: the pile's days ranked by kerryview's importance (the key dates `extract --json`
    lists, kerryview.events.importance.key_dates), top k vs the journalists' k days, date F1.
    Baseline: days ranked by the number of articles published on them.
 5. time per stage and peak memory (ru_maxrss of the process that measured one folder).

Each folder is measured in its own process (so its peak memory is its own).
"""
from __future__ import annotations

import argparse
import json
import math
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
from tempeval_scorer import untag  # noqa: E402  (the one reading of TimeML text)

DATA = HERE.parents[1] / "shared" / "data"
T17 = DATA / "timeline17"
TBAQ = DATA / "tempeval3-tbaq"
STYLES_FILE = HERE / "stories_styles.tsv"
STOP_FILE = HERE / "stories_stop_events.tsv"
HELD_OUT_FOLDERS = ("bpoil_reuters",)
BP_FOLDERS = ("bpoil_bbc", "bpoil_foxnews", "bpoil_guardian", "bpoil_reuters", "bpoil_washingtonpost")
SEED = 9
CITY = "WASHINGTON"
_FULL_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")


# ---------------------------------------------------------------- date-line styles

@dataclass(frozen=True)
class Style:
    name: str
    placement: str  # top | after_headline
    template: str
    example: str
    source: str


def chosen_styles(names: list[str] | None) -> list[Style]:
    """The styles of stories_styles.tsv named (all of them when none is)."""
    styles = load_styles()
    if not names:
        return styles
    unknown = set(names) - {st.name for st in styles}
    if unknown:
        raise SystemExit(f"unknown style(s): {', '.join(sorted(unknown))}")
    return [st for st in styles if st.name in names]


def load_styles(path: Path = STYLES_FILE) -> list[Style]:
    out = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, placement, template, example, source = line.split("\t")
        out.append(Style(name, placement, template.replace("\\n", "\n"),
                         example.replace("\\n", "\n"), source))
    return out


_AP_MONTHS = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _fields(d: date) -> dict[str, str]:
    mon = d.strftime("%b")
    return {"month": d.strftime("%B"), "mon": mon, "mon_dot": mon if mon == "May" else mon + ".",
            "ap_month": _AP_MONTHS.get(d.month, d.strftime("%B")), "day": str(d.day),
            "day2": f"{d.day:02d}", "ordinal": _ordinal(d.day), "month2": f"{d.month:02d}",
            "mnum": str(d.month), "year": str(d.year), "yy": f"{d.year % 100:02d}",
            "weekday": d.strftime("%A"), "wkd": d.strftime("%a")}


def render(style: Style, d: date) -> str:
    """The style's date block for publication day `d` (an update, if any, the day after)."""
    values = _fields(d) | {f"upd_{k}": v for k, v in _fields(d + timedelta(days=1)).items()}
    return style.template.format(city=CITY, **values)


def place(style: Style, text: str, d: date) -> tuple[str, int, int]:
    """The article with the style's date block where that paper puts it, and the block's span.
    A block ending in a space ("WASHINGTON (AP) — ") runs into the sentence after it."""
    block = render(style, d)
    joiner = "" if block.endswith(" ") else "\n"
    if style.placement == "top":
        return block + joiner + text, 0, len(block)
    headline, nl, rest = text.partition("\n")
    if not nl:
        headline, rest = "", text
    head = headline + "\n" if headline else ""
    return head + block + joiner + rest, len(head), len(head) + len(block)


# ---------------------------------------------------------------- scoring

def date_f1(predicted: list[date] | set[date], gold: list[date] | set[date]) -> tuple[float, float, float]:
    """Precision, recall and F1 of a set of days against the gold days (Timeline17 date F1)."""
    p, g = set(predicted), set(gold)
    hit = len(p & g)
    prec = hit / len(p) if p else 0.0
    rec = hit / len(g) if g else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def top_days(counts: dict[date, tuple], k: int) -> list[date]:
    """The k days with the highest count tuple; ties go to the earlier day."""
    return [d for d, _ in sorted(counts.items(), key=lambda kv: (tuple(-x for x in kv[1]), kv[0]))[:k]]


# The cut-offs around k that the key-date F1 is also averaged over: F1 at k alone moves with
# one day at the edge of the list, the average is steadier (a ranking, not a threshold).
CUT_OFFS = (0.5, 0.75, 1.0, 1.5, 2.0)


def cut_off_f1(counts: dict[date, tuple], gold: list[date]) -> float:
    """Date F1 of the top round(c * k) days, averaged over c in CUT_OFFS (k = len(gold))."""
    k = len(gold)
    return sum(date_f1(top_days(counts, max(1, round(c * k))), gold)[2]
               for c in CUT_OFFS) / len(CUT_OFFS)


def read_timeline(path: Path) -> list[date]:
    """The days of a Timeline17 timeline file (a date line, its sentences, dashed separators)."""
    days = []
    for line in path.read_text("utf-8", errors="replace").splitlines():
        m = re.fullmatch(r"\s*(\d{4}-\d{2}-\d{2})\s*", line)
        if m:
            days.append(date.fromisoformat(m.group(1)))
    return sorted(set(days))


def full_day(value: str) -> date | None:
    m = _FULL_DAY.match(value or "")
    if not m:
        return None
    try:
        return date.fromisoformat(m.group(1))
    except ValueError:
        return None


def within(a: date | None, b: date, days: int) -> bool:
    return a is not None and abs((a - b).days) <= days


# ---------------------------------------------------------------- piles

@dataclass
class Article:
    id: str
    text: str
    published: date


def load_folder(name: str) -> list[Article]:
    folder = T17 / name
    pub = {}
    for line in (folder / "published.tsv").read_text("utf-8").splitlines():
        if line.strip():
            ident, day = line.split("\t")[:2]
            pub[ident] = date.fromisoformat(day.strip())
    out = []
    for p in sorted((folder / "articles").glob("*.txt")):
        if p.stem in pub:
            out.append(Article(p.stem, p.read_text("utf-8", errors="replace"), pub[p.stem]))
    return out


def sample(items: list, n: int | None, salt: str) -> list:
    if n is None or n >= len(items):
        return list(items)
    return sorted(random.Random(f"{SEED}-{salt}").sample(items, n), key=lambda a: a.id)


def _write(tmp: Path, arts: list[tuple[str, str]]) -> list[Path]:
    paths = []
    for ident, text in arts:
        p = tmp / f"{ident}.txt"
        p.write_text(text, "utf-8")
        paths.append(p)
    return paths


# ---------------------------------------------------------------- 1. stated dates

def first_full_date(text: str, lines: int = 3) -> date | None:
    from kerryview.timex import tag
    head = "\n".join(text.split("\n")[:lines])
    for t in tag(head, None):
        if t.type in ("DATE", "TIME") and (d := full_day(t.value)):
            return d
    return None


def measure_stated(arts: list[Article], styles: list[Style]) -> dict:
    """Per style: the publication date kerryview gives each article of the sample written with
    that date line (the folder's sample one pile). A date line read in full is the date; when
    an article's date line is not (a year-less wire dateline), the pile is dated as the app
    dates it (infer_dcts), and the date it gives is scored."""
    from kerryview.pipeline import CachingTagger, read_documents
    from kerryview.dating.inference import infer_dcts
    from kerryview.timex import tag
    from kerryview.events.mentions import find_mentions
    out = {}
    for st in styles:
        read = wrong = base = as_event = by_line = 0
        examples = []
        with tempfile.TemporaryDirectory() as tmp:
            spans = {}
            written = []
            for a in arts:
                text, s, e = place(st, a.text, a.published)
                spans[a.id] = (s, e)
                written.append((a.id, text))
            docs, _ = read_documents(_write(Path(tmp), written))
        published = {a.id: a.published for a in arts}
        by_line = sum(d.dateline is not None and d.dateline.value == published[d.id] for d in docs)
        if any(d.dateline is None for d in docs):
            infer_dcts(docs, CachingTagger())
        given = {d.id: d.dct if d.dateline is None else d.dateline.value for d in docs}
        for d in docs:
            a = next(x for x in arts if x.id == d.id)
            got = given[d.id]
            read += got == a.published
            if got is not None and got != a.published:
                wrong += 1
                if len(examples) < 2:
                    examples.append(f"{d.id}: read {got} for {a.published}")
            base += first_full_date(d.text) == a.published
            d.dct = a.published
            s, e = spans[d.id]
            if any(s <= f.mention.timex.start < e and f.mention.timex.end > f.mention.timex.start
                   for f in find_mentions(d, tag(d.text, a.published))):  # a time expression of it
                as_event += 1
        out[st.name] = {"n": len(docs), "read": read, "wrong": wrong, "baseline": base,
                        "as_event": as_event, "by_line": by_line, "examples": examples}
    return out


# ---------------------------------------------------------------- 2. nothing stated

def latest_full_date(text: str) -> date | None:
    from kerryview.timex import tag
    days = [d for t in tag(text, None) if t.type in ("DATE", "TIME") and (d := full_day(t.value))]
    return max(days) if days else None


def measure_undated(arts: list[Article]) -> dict:
    from kerryview.pipeline import read_documents, CachingTagger
    from kerryview.dating.inference import infer_dcts
    with tempfile.TemporaryDirectory() as tmp:
        docs, _ = read_documents(_write(Path(tmp), [(a.id, a.text) for a in arts]))
    gold = {a.id: a.published for a in arts}
    t0 = time.perf_counter()
    infer_dcts(docs, CachingTagger())
    seconds = time.perf_counter() - t0
    exact = sum(d.dct == gold[d.id] for d in docs)
    near = sum(within(d.dct, gold[d.id], 1) for d in docs)
    undated = sum(d.dct is None for d in docs)
    stated = sum(d.dateline is not None for d in docs)
    base = [latest_full_date(a.text) for a in arts]
    misses = [(d.id, str(d.dct), str(gold[d.id])) for d in docs
              if d.dct is not None and not within(d.dct, gold[d.id], 1)]
    return {"n": len(docs), "exact": exact, "near": near, "undated": undated, "stated": stated,
            "seconds": seconds,
            "base_exact": sum(b == a.published for b, a in zip(base, arts)),
            "base_near": sum(within(b, a.published, 1) for b, a in zip(base, arts)),
            "misses": misses[:5], "n_misses": len(misses)}


# ---------------------------------------------------------------- 4. key dates (and 5. time)

def measure_key_dates(arts: list[Article], timelines: list[list[date]]) -> dict:
    from kerryview.model import DateSource, DateSourceKind, Document
    from kerryview.pipeline import build_corpus
    from kerryview.dating.datelines import read_dateline
    docs = [Document(a.id, f"{a.id}.txt", a.text, dct=a.published,
                     dct_source=DateSource(DateSourceKind.PAGE_METADATA, "published.tsv"),
                     dateline=read_dateline(a.text)) for a in arts]
    for d in docs:  # the benchmark gives every date: a stray "Published:" in the text is not read
        d.dateline = None
    t0 = time.perf_counter()
    events = build_corpus(docs)
    seconds = time.perf_counter() - t0
    sources: dict[date, set[str]] = defaultdict(set)
    mentions: dict[date, int] = defaultdict(int)
    from kerryview.model import Granularity
    from kerryview.events.importance import key_dates
    ranked = key_dates(events, docs)
    for ev in events:
        g = ev.granularity if isinstance(ev.granularity, Granularity) else Granularity(ev.granularity)
        if not g.day_or_finer:
            continue
        day = date.fromisoformat(ev.start[:10])
        sources[day].update(ev.document_ids)
        mentions[day] += len(ev.mentions)
    # kerryview's own ranking, the key dates `extract --json` lists: events.importance.key_dates
    # (day_importance; ties: more articles telling the day, then the earlier day), as a rank
    # top_days reads; the distinct-sources count it replaced is kept beside it
    per_day = {d: (-rank,) for rank, (d, _) in enumerate(ranked)}
    by_sources = {d: (len(s), mentions[d]) for d, s in sources.items()}
    published: dict[date, int] = defaultdict(int)
    for a in arts:
        published[a.published] += 1
    lo, hi = min(published), max(published)
    in_span = {d: c for d, c in per_day.items() if lo <= d <= hi}
    scores = []
    for gold in timelines:
        k = len(gold)
        scores.append({"k": k,
                       "kv": date_f1(top_days(per_day, k), gold)[2],
                       "kv_cuts": cut_off_f1(per_day, gold),
                       "kv_sources": date_f1(top_days(by_sources, k), gold)[2],
                       "kv_span": date_f1(top_days(in_span, k), gold)[2],
                       "base": date_f1(top_days({d: (c,) for d, c in published.items()}, k), gold)[2],
                       "top": [d.isoformat() for d in top_days(in_span, 8)],
                       "gold_sample": [d.isoformat() for d in gold[:8]]})
    return {"n": len(docs), "events": len(events), "seconds": seconds, "timelines": scores}


# ---------------------------------------------------------------- 3. TBAQ event dating

_ATTR = re.compile(r'(\w+)="([^"]*)"')
DATING_RELATIONS = {"IS_INCLUDED", "SIMULTANEOUS", "DURING", "BEGINS", "ENDS", "BEGUN_BY"}
# a TLINK from a time to an event, said from the event's side
_INVERSE = {"INCLUDES": "IS_INCLUDED", "SIMULTANEOUS": "SIMULTANEOUS", "DURING": "DURING",
            "DURING_INV": "DURING", "BEGUN_BY": "BEGINS", "ENDED_BY": "ENDS", "BEGINS": "BEGUN_BY",
            "IS_INCLUDED": "INCLUDES", "ENDS": "ENDED_BY"}


@dataclass
class GoldEvent:
    eid: str
    start: int
    end: int
    text: str
    day: date | None = None  # the day its TLINKs give it
    # TimeML's own class of the event (OCCURRENCE, STATE, I_STATE, REPORTING, I_ACTION,
    # PERCEPTION, ASPECTUAL): the gold's word on what kind of event it is, used to break the
    # figures down (the issue counts reporting alone as no event; states are not news)
    eclass: str = ""
    via_dct: bool = False
    # The narrowest time its TLINKs give, as the TIMEX3's value and mod denote it (a part of the
    # day, a clock time, or the whole day): what a system's date must contain. None: the day.
    within: tuple[datetime, datetime] | None = None


@dataclass
class TbaqDoc:
    id: str
    dct: date
    text: str
    events: list[GoldEvent] = field(default_factory=list)
    ambiguous: int = 0  # events whose links name different days


def read_tbaq(path: Path) -> TbaqDoc:
    """<TEXT> as plain text (as benchmarks/tempeval_scorer.read_tml makes it), the gold EVENT
    spans in it, and the day each event's dating TLINKs give."""
    raw = path.read_text("utf-8")
    dct_m = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    dct_attrs = dict(_ATTR.findall(dct_m.group(1)))
    dct = date.fromisoformat(dct_attrs["value"][:10])
    times = {dct_attrs.get("tid", "t0"): dct}
    spans = {dct_attrs.get("tid", "t0"): _day_span(dct)}  # the DCT is a day
    dct_tid = dct_attrs.get("tid", "t0")
    body = raw[raw.index("<TEXT>") + 6:raw.index("</TEXT>")]
    text, elements = untag(body, ("EVENT", "TIMEX3"))
    events: dict[str, GoldEvent] = {}
    for e in elements:
        if e.name == "EVENT":
            events[e.attrs["eid"]] = GoldEvent(e.attrs["eid"], e.start, e.end, text[e.start:e.end],
                                               eclass=e.attrs.get("class", ""))
        elif e.attrs.get("type") in ("DATE", "TIME") and (d := full_day(e.attrs.get("value", ""))):
            times[e.attrs["tid"]] = d
            spans[e.attrs["tid"]] = _gold_span(e.attrs["value"], e.attrs.get("mod"), d)
    instance = {}
    for m in re.finditer(r"<MAKEINSTANCE([^>]*)/?>", raw):
        a = dict(_ATTR.findall(m.group(1)))
        instance[a["eiid"]] = a["eventID"]
    days: dict[str, set[tuple[date, bool]]] = defaultdict(set)
    narrow: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
    for m in re.finditer(r"<TLINK([^>]*)/?>", raw):
        a = dict(_ATTR.findall(m.group(1)))
        rel = a.get("relType", "")
        if "eventInstanceID" in a and "relatedToTime" in a:
            ei, tid = a["eventInstanceID"], a["relatedToTime"]
        elif "timeID" in a and "relatedToEventInstance" in a:
            ei, tid, rel = a["relatedToEventInstance"], a["timeID"], _INVERSE.get(rel, "")
        else:
            continue
        if rel in DATING_RELATIONS and tid in times and ei in instance:
            days[instance[ei]].add((times[tid], tid == dct_tid))
            # BEGUN_BY: the event begins at the time and goes on after it, so it does not lie
            # inside the time's part of the day: it is judged on the whole day
            narrow[instance[ei]].append(_day_span(times[tid]) if rel == "BEGUN_BY" else spans[tid])
    doc = TbaqDoc(path.stem, dct, text)
    for eid, ds in days.items():
        ev = events.get(eid)
        if ev is None:
            continue
        if len({d for d, _ in ds}) > 1:
            doc.ambiguous += 1
            continue
        ev.day = next(iter(ds))[0]
        ev.via_dct = all(by_dct for _, by_dct in ds)  # dated by the DCT alone
        ev.within = min(narrow[eid], key=lambda s: s[1] - s[0])  # inside each: the narrowest
        doc.events.append(ev)
    doc.events.sort(key=lambda e: e.start)
    return doc


def _day_span(d: date) -> tuple[datetime, datetime]:
    lo = datetime.combine(d, datetime.min.time())
    return lo, lo + timedelta(days=1)


# The gold's part of the day and mod, read by the benchmark's own fixed table, not by kerryview
# (the system under test must not define the gold it is judged against). The TimeML
# guidelines (TimeML 1.2.1 TIMEX3 value; TimeML Annotation Guidelines, Sauri et al., 2.2.3,
# after the TIDES TIMEX2 guidelines, Ferro et al.) write a part of the day after the date as
# T + MO (morning), MI (mid-day), AF (afternoon), EV (evening), NI (night), DT (daytime)
# ("1998-02-12TEV": Thursday evening), and a point inside a period with mod START ("early",
# "the beginning of"), MID ("mid-", "the middle of"), END ("late", "the end of"); they give
# no clock hours (paraphrased here). So each part is taken as the hours every common reading
# of the word shares (its core), and START/MID/END of a day or of a part as its first, middle
# and last third: a system that says "evening" contains the gold's evening whatever boundary
# hours it draws, within reason.
GOLD_PART_OF_DAY_HOURS = {"MO": (8, 11), "MI": (12, 13), "AF": (13, 17), "EV": (18, 21),
                          "NI": (22, 24), "DT": (9, 17)}
GOLD_MOD_THIRDS = {"START": 0, "MID": 1, "END": 2}
_GOLD_TIME = re.compile(r"(\d{4}-\d\d-\d\d)(?:T(?:(MO|MI|AF|EV|NI|DT)|(\d\d)(?::(\d\d))?))?")


def _gold_span(value: str, mod: str | None, d: date) -> tuple[datetime, datetime]:
    """The interval a gold TIMEX3 denotes by the table above: "1998-02-12TEV" 18:00-21:00,
    "1998-02-12T22:00" that minute, "T22" that hour, "1998-03-22" with mod START ("Earlier
    Sunday") the first third of the day; the whole day for anything else (a value of another
    day, or one coarser than a day)."""
    m = _GOLD_TIME.fullmatch(value)
    if m is None or m.group(1) != d.isoformat():
        return _day_span(d)
    lo, hi = _day_span(d)
    part, hour, minute = m.group(2), m.group(3), m.group(4)
    if part is not None:
        a, b = GOLD_PART_OF_DAY_HOURS[part]
        lo, hi = lo + timedelta(hours=a), lo + timedelta(hours=b)
    elif hour is not None:
        lo += timedelta(hours=int(hour), minutes=int(minute or 0))
        return lo, lo + (timedelta(minutes=1) if minute is not None else timedelta(hours=1))
    if mod in GOLD_MOD_THIRDS:
        third = (hi - lo) / 3
        lo = lo + third * GOLD_MOD_THIRDS[mod]
        hi = lo + third
    return lo, hi


def tbaq_split(part: str) -> list[Path]:
    """TimeBank + even-position AQUAINT (dev), or odd-position AQUAINT (held out)."""
    aq = sorted((TBAQ / "AQUAINT").glob("*.tml"))
    if part == "heldout":
        return aq[1::2]
    return sorted((TBAQ / "TimeBank").glob("*.tml")) + aq[0::2]


def stop_words(path: Path = STOP_FILE) -> set[str]:
    return {w.strip() for w in path.read_text("utf-8").splitlines() if w.strip() and not w.startswith("#")}


@dataclass
class Dated:
    """A date given to a gold event by a system: its interval and whether it is day-level."""

    start: datetime
    end: datetime
    day_level: bool


def judge(dated: Dated | None, day: date, within: tuple[datetime, datetime] | None = None
          ) -> tuple[bool, bool]:
    """(contains, same day): the system's date contains the gold date (`within`: the gold
    TIMEX3's own interval, a part of the day or a clock time; else the whole day); it is that
    very day."""
    if dated is None:
        return False, False
    lo, hi = within or _day_span(day)
    contains = dated.start <= lo and hi <= dated.end
    same = dated.day_level and dated.start.date() == day
    return contains, same


def kerryview_dates(doc: TbaqDoc, events: list, listing: list | None = None
                    ) -> list[tuple[GoldEvent, Dated | None, str]]:
    """For each gold event: the date of the kerryview event whose mention covers it, and how
    ("trigger": the mention's event words overlap the gold event; "passage": the mention's
    sentence contains it; the mention whose time expression is nearest wins)."""
    from kerryview.model import Granularity
    mentions = []
    labels: dict[int, str] = {}
    for ev in events:
        g = ev.granularity if isinstance(ev.granularity, Granularity) else Granularity(ev.granularity)
        dated = Dated(datetime.fromisoformat(ev.start), datetime.fromisoformat(ev.end), g.day_or_finer)
        mentions.extend((m, dated) for m in ev.mentions)
        for m in ev.mentions:
            labels[id(m)] = ev.label
    out = []
    for g in doc.events:
        def dist(m) -> int:
            return min(abs(m.timex.start - g.end), abs(g.start - m.timex.end))
        trig = [(m, d) for m, d in mentions if m.trigger_start is not None
                and m.trigger_start < g.end and g.start < m.trigger_end]
        passage = [(m, d) for m, d in mentions if m.start <= g.start and g.end <= m.end]
        pick = trig or passage
        how = "trigger" if trig else "passage" if passage else ""
        best = min(pick, key=lambda md: dist(md[0])) if pick else None
        out.append((g, best[1] if best else None, how))
        if listing is not None:  # (the mention, its event's label) for --list-wrong
            listing.append((best[0], labels[id(best[0])]) if best else None)
    return out


def baseline_dates(doc: TbaqDoc) -> list[tuple[Dated, bool]]:
    """Every gold event dated by the nearest DATE/TIME expression (kerryview's tagger, with the
    DCT) in its sentence, else by the DCT; and whether its sentence had one."""
    from kerryview.timex import tag
    from kerryview.text.sentences import sentence_spans
    from kerryview.calendar.intervals import value_interval
    sents = sentence_spans(doc.text)
    starts = [s for s, _ in sents]
    timexes = []
    for t in tag(doc.text, doc.dct):
        if t.type in ("DATE", "TIME") and (iv := value_interval(t.value, t.mod)) is not None:
            timexes.append((t, iv))
    lo = datetime.combine(doc.dct, datetime.min.time())
    dct = Dated(lo, lo + timedelta(days=1), True)
    out = []
    for g in doc.events:
        i = bisect_right(starts, g.start) - 1
        a, b = sents[i] if i >= 0 else (g.start, g.end)
        near = [(min(abs(t.start - g.end), abs(g.start - t.end)), iv) for t, iv in timexes
                if a <= t.start and t.end <= b]
        if near:
            iv = min(near, key=lambda x: x[0])[1]
            out.append((Dated(iv.start, iv.end, iv.granularity.day_or_finer), True))
        else:
            out.append((dct, False))
    return out


def measure_tbaq(part: str, list_wrong: str | None = None) -> dict:
    paths = tbaq_split(part)
    return measure_dating([(read_tbaq(p), p.name) for p in paths], list_wrong) | {"files": len(paths)}


def measure_esl(list_wrong: str | None = None, topics: list[int] | None = None) -> dict:
    """The TBAQ measure on EventStoryLine's development topics (read_esl); documents whose DCT
    value contradicts its own words are left out and counted."""
    paths = esl_files(topics)
    docs = [(read_esl(p), p.name) for p in paths]
    kept = [(d, n) for d, n in docs if d is not None]
    return measure_dating(kept, list_wrong) | {"files": len(kept), "files_dct_unread": len(docs) - len(kept)}


def measure_dating(docs: list[tuple[TbaqDoc, str]], list_wrong: str | None = None) -> dict:
    """Each document run through build_corpus alone, DCT given; its gold events scored."""
    from kerryview.model import DateSource, DateSourceKind, Document
    from kerryview.pipeline import build_corpus
    from kerryview.dating.datelines import read_dateline
    stops = stop_words()
    c = defaultdict(int)
    seconds = 0.0
    wrong_examples = []
    for doc, name in docs:
        c["ambiguous"] += doc.ambiguous
        kept = [e for e in doc.events if e.text.lower() not in stops]
        c["stopped"] += len(doc.events) - len(kept)
        doc.events = kept
        kdoc = Document(doc.id, name, doc.text, dct=doc.dct,
                        dct_source=DateSource(DateSourceKind.PAGE_METADATA, "the DCT"),
                        dateline=read_dateline(doc.text))
        t0 = time.perf_counter()
        events = build_corpus([kdoc])
        seconds += time.perf_counter() - t0
        picked: list = []
        kv = kerryview_dates(doc, events, picked)
        base = baseline_dates(doc)
        for (g, dated, how), (bd, in_sentence), mention in zip(kv, base, picked):
            c["gold"] += 1
            c[f"gold_class_{g.eclass or 'NONE'}"] += 1
            c["gold_dct"] += g.via_dct
            if dated is None:
                c["uncovered_dct"] += g.via_dct
                c["uncovered_no_timex"] += not in_sentence
            if dated is not None:
                c["covered"] += 1
                c[f"by_{how}"] += 1
                contains, same = judge(dated, g.day, g.within)
                c["contains_whole_day"] += judge(dated, g.day)[0]  # the measure before session 12
                c["contains"] += contains
                c[f"covered_class_{g.eclass or 'NONE'}"] += 1
                c[f"contains_class_{g.eclass or 'NONE'}"] += contains
                c["same"] += same
                c[f"contains_{how}"] += contains  # by the event words, or by the passage only
                if not contains and len(wrong_examples) < 12 and \
                        not any(w.startswith(doc.id + " ") for w in wrong_examples[-1:]):
                    s = max(0, g.start - 60)
                    wrong_examples.append(f"{doc.id} “…{' '.join(doc.text[s:g.end + 40].split())}…” "
                                          f"[{g.text}] gold {g.day}, kerryview "
                                          f"{dated.start:%Y-%m-%dT%H:%M}..{dated.end:%Y-%m-%dT%H:%M}")
                if list_wrong == "wrong" and not contains:
                    print_wrong(doc, g, dated, how, *mention)
            elif list_wrong == "uncovered":
                print_uncovered(doc, g)
            bc, bs = judge(bd, g.day, g.within)
            c["base_contains_whole_day"] += judge(bd, g.day)[0]
            c["base_contains"] += bc
            c["base_same"] += bs
    return dict(c) | {"seconds": seconds, "wrong_examples": wrong_examples}


# ---------------------------------------------------------------- 3b. EventStoryLine event dating

# EventStoryLine v1.5 (Caselli & Vossen 2017) on ECB+ topics 1-35; topics 36-45 are held out
# and never read (the folder here holds none of them, and esl_files() refuses any).
ESL = DATA / "ecbplus" / "EventStoryLine-v1.5"
ESL_LAST_DEV_TOPIC = 35
# ESL's TLINKs go from the time to the event ("t CONTAINS e"); of its relation types these two
# say the event lies inside the time or at it. OVERLAP (the event and the time share a moment:
# a state going on at the publication), BEFORE/AFTER and the begin/end types (BEGUN_ON,
# ENDED_ON, BEGINS_ON, ENDS_ON: a start or an end point, not the event's time) date no event.
ESL_DATING_RELATIONS = {"CONTAINS", "SIMULTANEOUS"}
_ESL_DAY = re.compile(r"(\d{4})[-:](\d{1,2})[-:](\d{1,2})(.*)")
_ESL_CLOCK_UTC = re.compile(r"T\d\d?:\d\d.*Z$")


def _esl_value(value: str) -> str | None:
    """An ESL TIME value with a day written as TIMEX3 writes it ("2009-12-3T14:36Z" ->
    "2009-12-03T14:36Z"); None when it names no day."""
    m = _ESL_DAY.match(value or "")
    if not m:
        return None
    try:
        d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return d.isoformat() + m.group(4)


def _esl_dct_day(value: str, words: list[str]) -> date | None:
    """The publication day as the article prints it. ESL writes the DCT's value in UTC when the
    page gives a clock time ("2 / 3 / 2009 11 : 11 PM" -> 2009-02-04T04:11Z), so the value's
    day, the day before or the day after is the printed one: the first of the three whose
    day of the month and year the printed words hold. None when none is (a value that
    contradicts its own words, e.g. "June 6th , 2013 7 : 38pm" -> 2013-06-14), or when a value
    with no clock time has another year than the one written in full ("April 10 , 2007" ->
    2010-04-10: the annotator's year, which the document's other times then carry too)."""
    v = _esl_value(value)
    if v is None:
        return None
    day = date.fromisoformat(v[:10])
    if not words:  # no words to read: the value's day
        return day
    numbers = {int(m.group(1)) for w in words
               if (m := re.fullmatch(r"(\d{1,4})(?:st|nd|rd|th)?", w.strip().lower()))}
    years = {n for n in numbers if n >= 1000}  # a year written in full ("MARCH 11 , 2013")
    if "T" not in v:  # no clock time (no UTC): the value's day, unless the words give another year
        return day if not years or day.year in years else None  # "April 10 , 2007" valued 2010-04-10
    for d in (day, day - timedelta(days=1), day + timedelta(days=1)):
        # the year too, when the words give one ("Jul . 7 5 : 59 PM EDT" gives none): in full
        # when written in full (not "2011" read off the day "11" of "MARCH 11 , 2013"), else
        # its last two digits ("11 / 30 / 09")
        if d.day in numbers and (d.year in years if years else (
                d.year % 100 in numbers or not any(n > 59 for n in numbers))):
            return d
    return None


_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ve",
                    "'ll", "'d", "'m", "”", "’"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "“", "‘", "#"}
_CONTRACTION_ENDS = {"s", "d", "t", "ll", "re", "ve", "m"}  # after ’: Lohan’s, she’d, don’t
_WEB_DOMAINS = {"com", "org", "net", "gov"}  # after ".": TMZ.com


def esl_detokenize(sentences: list[list[str]]) -> tuple[str, list[list[int]]]:
    """ECB+ text is kept as tokens ("3 p . m .", "2 / 3 / 2009", "32 - year - old"); a reader
    sees "3 p.m.", "2/3/2009", "32-year-old". The benchmark's own fixed spacing rules, one
    sentence a line; returns the text and each token's start offset."""
    out: list[str] = []
    starts: list[list[int]] = []
    pos = 0

    def alnum(w: str | None) -> bool:
        return bool(w) and w[-1].isalnum() and w[0].isalnum()

    for toks in sentences:
        line_starts = []
        quote_open = False
        for i, w in enumerate(toks):
            prev = toks[i - 1] if i else None
            prev2 = toks[i - 2] if i > 1 else None
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if prev is None:
                sep = ""
            elif w == '"':
                sep = "" if quote_open else " "
            elif prev == '"':
                sep = " " if not quote_open else ""
            elif w in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER:
                sep = ""
            elif prev.endswith("’") and w.lower() in _CONTRACTION_ENDS and alnum(prev2 if prev == "’" else prev[:-1]):
                sep = ""  # Lohan’s, don’t, I’m (the typographic apostrophe, split off as a token)
            elif prev == "." and w.lower() in _WEB_DOMAINS and alnum(prev2):
                sep = ""  # TMZ.com
            elif w in ("/", ":") and prev.isdigit() and nxt and nxt.isdigit():
                sep = ""
            elif prev in (".", "/", ":") and prev2 and (
                    (prev2.isdigit() and w[:1].isdigit()) or (len(prev2) == 1 and len(w) == 1 and prev2.isalpha() and w.isalpha())):
                sep = ""  # 2/3/2009, 11:11, 0.07, p.m., A.J.
            elif prev == "," and prev2 and prev2.isdigit() and re.fullmatch(r"\d{3}(\D.*)?", w):
                sep = ""  # 30,000
            elif w == "-" and alnum(prev) and alnum(nxt):
                sep = ""  # 32-year-old
            elif prev == "-" and alnum(prev2) and alnum(w):
                sep = ""
            else:
                sep = " "
            if w.count('"') % 2:  # a quotation mark alone or on a word ('"It's')
                quote_open = not quote_open
            out.append(sep)
            pos += len(sep)
            line_starts.append(pos)
            out.append(w)
            pos += len(w)
        out.append("\n")
        pos += 1
        starts.append(line_starts)
    return "".join(out), starts


def esl_files(topics: list[int] | None = None) -> list[Path]:
    """The ESL documents of the development topics (1-35), sorted by topic and name."""
    files = []
    for folder in sorted(ESL.iterdir(), key=lambda p: int(p.name) if p.name.isdigit() else 0):
        if not folder.name.isdigit() or int(folder.name) > ESL_LAST_DEV_TOPIC:
            continue  # topics 36-45: held out, never read
        if topics and int(folder.name) not in topics:
            continue
        files.extend(sorted(folder.glob("*.xml")))
    return files


def read_esl(path: Path) -> TbaqDoc | None:
    """An ESL document as the text a reader sees (esl_detokenize; the page's address, its first
    line, left out), its publication day (_esl_dct_day), and its gold events dated as TBAQ's
    are: ACTION_* / NEG_ACTION_* markables with a CONTAINS or SIMULTANEOUS TLINK from a time
    in the text whose value names a day, or from the DCT. A clock time ESL wrote in UTC ("Z")
    dates no event (the local day is not known); a time not in the text (an instance
    markable) neither, but for the DCT. None: its DCT's value contradicts its own words."""
    import xml.etree.ElementTree as ET
    root = ET.parse(path).getroot()
    by_sentence: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for t in root.iter("token"):
        by_sentence[int(t.get("sentence"))].append((t.get("t_id"), t.text or ""))
    order = sorted(by_sentence)
    if order and by_sentence[order[0]][0][1].lower().startswith("http"):
        order = order[1:]  # the page's address
    text, starts = esl_detokenize([[w for _, w in by_sentence[s]] for s in order])
    where: dict[str, tuple[int, int]] = {}
    for s, line_starts in zip(order, starts):
        for (tid, w), a in zip(by_sentence[s], line_starts):
            where[tid] = (a, a + len(w))
    marks = {m.get("m_id"): m for m in root.find("Markables")}

    def span(m) -> tuple[int, int] | None:
        a = [where[x.get("t_id")] for x in m.findall("token_anchor") if x.get("t_id") in where]
        return (min(s for s, _ in a), max(e for _, e in a)) if a else None

    dcts = [m for m in marks.values() if m.tag.startswith("TIME") and m.get("DCT") == "TRUE"]
    anchored = [m for m in dcts if m.findall("token_anchor")] or dcts
    if not anchored:
        return None
    words = [w for x in anchored[0].findall("token_anchor") for s in order for tid, w in by_sentence[s]
             if tid == x.get("t_id")]
    dct = _esl_dct_day(anchored[0].get("value", ""), words)
    if dct is None:
        return None
    times: dict[str, date] = {m.get("m_id"): dct for m in dcts}
    spans = {m.get("m_id"): _day_span(dct) for m in dcts}
    for mid, m in marks.items():
        if not m.tag.startswith("TIME") or mid in times or span(m) is None:
            continue
        v = _esl_value(m.get("value", ""))
        if v is None or _ESL_CLOCK_UTC.search(v) or (d := full_day(v)) is None:
            continue
        times[mid], spans[mid] = d, _gold_span(v, None, d)
    events: dict[str, GoldEvent] = {}
    for mid, m in marks.items():
        if m.tag.startswith(("ACTION", "NEG_ACTION")) and (sp := span(m)) is not None:
            events[mid] = GoldEvent(mid, sp[0], sp[1], text[sp[0]:sp[1]], eclass=m.tag)
    days: dict[str, set[tuple[date, bool]]] = defaultdict(set)
    narrow: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
    dct_ids = {m.get("m_id") for m in dcts}
    for link in root.find("Relations"):
        if link.tag != "TLINK" or link.get("relType") not in ESL_DATING_RELATIONS:
            continue
        src, dst = link.find("source").get("m_id"), link.find("target").get("m_id")
        if link.get("relType") == "SIMULTANEOUS" and src in events:
            src, dst = dst, src
        if src in times and dst in events:
            days[dst].add((times[src], src in dct_ids))
            narrow[dst].append(spans[src])
    doc = TbaqDoc(path.name.split(".")[0], dct, text)
    for mid, ds in days.items():
        if len({d for d, _ in ds}) > 1:
            doc.ambiguous += 1
            continue
        ev = events[mid]
        ev.day = next(iter(ds))[0]
        ev.via_dct = all(by_dct for _, by_dct in ds)
        ev.within = min(narrow[mid], key=lambda s: s[1] - s[0])
        doc.events.append(ev)
    doc.events.sort(key=lambda e: e.start)
    return doc


def _sentence(doc: TbaqDoc, start: int, end: int) -> str:
    from kerryview.text.sentences import sentence_spans
    for a, b in sentence_spans(doc.text):
        if a <= start < b:
            return " ".join((doc.text[a:start] + "[" + doc.text[start:end] + "]"
                             + doc.text[end:max(b, end)]).split())
    return doc.text[start:end]


def print_wrong(doc: TbaqDoc, g: GoldEvent, dated: Dated, how: str, m, label: str) -> None:
    """One covered gold event whose kerryview date does not contain the gold date, for
    --list-wrong: the gold event and day, the kerryview date, label, how it was matched, the
    time expression and event words of the mention, and the gold event's sentence."""
    trig = doc.text[m.trigger_start:m.trigger_end] if m.trigger_start is not None else ""
    print(f"{doc.id}\t{g.text}\tgold {g.day}{' (DCT)' if g.via_dct else ''}\t"
          f"kv {dated.start:%Y-%m-%dT%H:%M}..{dated.end:%Y-%m-%dT%H:%M}\t{how}\t"
          f"timex “{m.timex.text}” {m.timex.value}\ttrigger “{trig}”\tlabel “{label}”\t"
          f"{_sentence(doc, g.start, g.end)}", file=sys.stderr)


def print_uncovered(doc: TbaqDoc, g: GoldEvent) -> None:
    print(f"{doc.id}\t{g.text}\tgold {g.day}{' (DCT)' if g.via_dct else ''}\t"
          f"{_sentence(doc, g.start, g.end)}", file=sys.stderr)


# ---------------------------------------------------------------- one folder (in its own process)

def measure_folder(name: str, args) -> dict:
    from kerryview.timex import tag
    tag("Warm-up on Monday, July 17, 2023.", None)
    arts = load_folder(name)
    out: dict = {"folder": name, "articles": len(arts)}
    if not args.skip_stated:
        t0 = time.perf_counter()
        styles = chosen_styles(args.styles)
        out["stated"] = measure_stated(sample(arts, None if args.all else args.stated_sample, name + "s"), styles)
        out["stated_seconds"] = time.perf_counter() - t0
    if not args.skip_undated:
        out["undated"] = measure_undated(sample(arts, None if args.all else args.max_articles, name))
    if not args.skip_keydates:
        timelines = [read_timeline(p) for p in sorted((T17 / name / "timelines").glob("*.txt"))]
        out["keydates"] = measure_key_dates(arts, timelines)
    out["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def measure_bp_together() -> dict:
    arts = [Article(f"{f}/{a.id}", a.text, a.published) for f in BP_FOLDERS for a in load_folder(f)]
    for a in arts:
        a.id = a.id.replace("/", "_")
    # The pile is all five folders (the issue asks for their time and memory together); key dates
    # are scored on the development folders' timelines only, never on held-out bpoil_reuters's.
    timelines = [read_timeline(p) for f in BP_FOLDERS if f not in HELD_OUT_FOLDERS
                 for p in sorted((T17 / f / "timelines").glob("*.txt"))]
    out = {"folder": "bpoil (5 folders)", "articles": len(arts), "keydates": measure_key_dates(arts, timelines)}
    out["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def measure_growth(name: str, sizes: list[int]) -> list[dict]:
    arts = load_folder(name)
    rows = []
    for n in sorted({min(n, len(arts)) for n in sizes}):
        r = measure_undated(sample(arts, n, name))
        rows.append({"n": n, "seconds": r["seconds"], "exact": r["exact"], "near": r["near"],
                     "undated": r["undated"]})
        print(f"  {n:4d} articles: {r['seconds']:7.1f} s", file=sys.stderr, flush=True)
    return rows


def growth_exponent(rows: list[dict]) -> float:
    """The slope b of log(seconds) = a + b log(n): time grows like n**b."""
    pts = [(math.log(r["n"]), math.log(r["seconds"])) for r in rows if r["seconds"] > 0]
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts)


CLAUSE_SETTINGS = {"off": False, "news": "news", "all": True}  # events.clauses.CLAUSE_EVENTS


def child(args, what: list[str]) -> dict:
    cmd = [sys.executable, __file__, *what, "--json", "--max-articles", str(args.max_articles),
           "--stated-sample", str(args.stated_sample)]
    for flag in ("all", "skip_stated", "skip_undated", "skip_keydates"):
        if getattr(args, flag):
            cmd.append("--" + flag.replace("_", "-"))
    if args.styles:
        cmd += ["--styles", *args.styles]
    cmd += ["--clause-events", args.clause_events]
    t0 = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        raise SystemExit(f"{' '.join(what)} failed")
    out = json.loads(r.stdout)
    out["wall_seconds"] = time.perf_counter() - t0
    return out


# ---------------------------------------------------------------- printing

def pct(a: float, b: float) -> str:
    return f"{100 * a / b:5.1f}" if b else "    -"


def print_tables(rows: list[dict], tbaq: dict[str, dict], styles: list[Style],
                 per_folder: bool = False) -> None:
    dev = [r for r in rows if r["folder"] not in HELD_OUT_FOLDERS and "(" not in r["folder"]]
    held = [r for r in rows if r["folder"] in HELD_OUT_FOLDERS]
    bp = [r for r in rows if "(" in r["folder"]]
    stated_rows = [r for r in dev + held if "stated" in r]
    if stated_rows:
        print("\n## 1. Publication dates, stated: % of articles whose date line is read as the "
              "published day (kerryview / baseline: first full date in the first 3 lines)")
        print(f"{len(stated_rows)} folders; "
              f"articles per style per folder: {stated_rows[0]['stated'][styles[0].name]['n']}")
        print("| style | example | dev read % | dev wrong % | dev date line as event % | baseline % "
              "| held-out read % | held-out baseline % | dev read by the date line alone % |")
        print("|---|---|---|---|---|---|---|---|---|")
        tot = defaultdict(lambda: defaultdict(int))
        for st in styles:
            d = defaultdict(int)
            h = defaultdict(int)
            for r in stated_rows:
                acc = h if r["folder"] in HELD_OUT_FOLDERS else d
                for k, v in r["stated"][st.name].items():
                    if isinstance(v, int):
                        acc[k] += v
            for k, v in d.items():
                tot["dev"][k] += v
            for k, v in h.items():
                tot["held"][k] += v
            ex = st.example.replace("\n", " ⏎ ")
            print(f"| {st.name} | {ex} | {pct(d['read'], d['n'])} | {pct(d['wrong'], d['n'])} | "
                  f"{pct(d['as_event'], d['n'])} | {pct(d['baseline'], d['n'])} | "
                  f"{pct(h['read'], h['n'])} | {pct(h['baseline'], h['n'])} | "
                  f"{pct(d['by_line'], d['n'])} |")
        d, h = tot["dev"], tot["held"]
        print(f"| **all styles** | | {pct(d['read'], d['n'])} | {pct(d['wrong'], d['n'])} | "
              f"{pct(d['as_event'], d['n'])} | {pct(d['baseline'], d['n'])} | "
              f"{pct(h['read'], h['n'])} | {pct(h['baseline'], h['n'])} | "
              f"{pct(d['by_line'], d['n'])} |")
        if per_folder:
            print("\n| folder | " + " | ".join(f"{st.name} read %" for st in styles) + " |")
            print("|---|" + "---|" * len(styles))
            for r in stated_rows:
                print(f"| {r['folder']} | " + " | ".join(
                    f"{pct(r['stated'][st.name]['read'], r['stated'][st.name]['n'])} "
                    f"({r['stated'][st.name]['read']}/{r['stated'][st.name]['n']})" for st in styles) + " |")
        for r in stated_rows:
            for st in styles:
                for e in r["stated"][st.name]["examples"][:1]:
                    print(f"    wrong read, {r['folder']} {st.name}: {e}")

    und = [r for r in rows if "undated" in r]
    if und:
        print("\n## 2. Publication dates, nothing stated (a sample of each folder as one pile; "
              "published.tsv hidden). Baseline: the latest full date the article mentions.")
        print("| folder | articles | exact % | within 1 day % | left undated % | baseline exact % "
              "| baseline within 1 day % | inference s |")
        print("|---|---|---|---|---|---|---|---|")

        def line(label, rs):
            s = defaultdict(float)
            for r in rs:
                for k in ("n", "exact", "near", "undated", "base_exact", "base_near", "seconds"):
                    s[k] += r["undated"][k]
            print(f"| {label} | {int(s['n'])} | {pct(s['exact'], s['n'])} | {pct(s['near'], s['n'])} | "
                  f"{pct(s['undated'], s['n'])} | {pct(s['base_exact'], s['n'])} | "
                  f"{pct(s['base_near'], s['n'])} | {s['seconds']:.1f} |")
        for r in [r for r in und if r in dev]:
            line(r["folder"], [r])
        line(f"**development ({len([r for r in und if r in dev])} folders)**", [r for r in und if r in dev])
        for r in [r for r in und if r in held]:
            line(f"held out: {r['folder']}", [r])
        for r in und:
            for m in r["undated"]["misses"][:2]:
                print(f"    off by more than a day, {r['folder']}: {m[0]} inferred {m[1]}, published {m[2]}")

    kd = [r for r in rows if "keydates" in r]
    if kd:
        print("\n## 4. Key dates: date F1 of the k top days against the journalists' k days "
              "(kerryview: days ranked by importance, events.importance.key_dates; "
              "baseline: days ranked by articles published)")
        print("| folder | k | kerryview F1 (importance) | kerryview F1 averaged over k/2, 3k/4, k, "
              "3k/2, 2k | kerryview F1, days within the pile's publication span "
              "| distinct-sources ranking F1 (before importance) | baseline F1 |")
        print("|---|---|---|---|---|---|---|")

        def kline(label, rs):
            ts = [t for r in rs for t in r["keydates"]["timelines"]]
            if not ts:
                return
            mean = lambda key: sum(t[key] for t in ts) / len(ts)  # noqa: E731
            k = "/".join(str(t["k"]) for t in ts) if len(ts) <= 2 else f"{len(ts)} timelines"
            print(f"| {label} | {k} | {mean('kv'):.3f} | {mean('kv_cuts'):.3f} | {mean('kv_span'):.3f} | "
                  f"{mean('kv_sources'):.3f} | {mean('base'):.3f} |")
        for r in [r for r in kd if r in dev]:
            kline(r["folder"], [r])
        kline(f"**development average ({len([r for r in kd if r in dev])} folders)**", [r for r in kd if r in dev])
        for r in [r for r in kd if r in held]:
            kline(f"held out: {r['folder']}", [r])
        kline(f"all {len([r for r in kd if r in dev + held])} folders", [r for r in kd if r in dev + held])
        for r in [r for r in kd if r in bp]:
            kline(r["folder"], [r])

    print("\n## 5. Time and peak memory per folder (each folder in its own process; peak RSS "
          "covers all its stages)")
    print("| folder | articles | stated: styles x articles read, s | inference (sample) s "
          "| whole pipeline, dates given (all articles) s | events | peak RSS MB | process wall s |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        st = f"{r.get('stated_seconds', 0):.1f}" if "stated_seconds" in r else "-"
        inf = f"{r['undated']['seconds']:.1f} ({r['undated']['n']})" if "undated" in r else "-"
        k = r.get("keydates")
        print(f"| {r['folder']} | {r['articles']} | {st} | {inf} | "
              + (f"{k['seconds']:.1f} ({k['n']})" if k else "-"), end="")
        print(f" | {k['events'] if k else '-'} | {r['maxrss_mb']:.0f} | {r.get('wall_seconds', 0):.0f} |")

    if tbaq:
        print("\n## 3. Event dating on TBAQ (DCT given): gold EVENTs with a dating TLINK to a "
              "day-level TIMEX3 or the DCT, copulas/light/aspectual verbs aside")
        print("| split | files | gold events | of which dated by the DCT | covered by a kerryview "
              "event | recall (date contains) | precision (contains) | recall (same day) "
              "| precision (same day) | baseline contains | baseline same day |")
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        for label, t in tbaq.items():
            print(f"| {label} | {t['files']} | {t['gold']} | {pct(t['gold_dct'], t['gold'])} % | "
                  f"{t['covered']} ({t.get('by_trigger', 0)} by trigger) | "
                  f"{pct(t['contains'], t['gold'])} | {pct(t['contains'], t['covered'])} | "
                  f"{pct(t['same'], t['gold'])} | {pct(t['same'], t['covered'])} | "
                  f"{pct(t['base_contains'], t['gold'])} | {pct(t['base_same'], t['gold'])} |")
        for label, t in tbaq.items():
            print(f"    {label}: the measure before session 12 (the whole gold day contained, also when "
                  f"the gold time is a part of the day or a clock time): recall "
                  f"{pct(t.get('contains_whole_day', 0), t['gold'])}, precision "
                  f"{pct(t.get('contains_whole_day', 0), t['covered'])}, baseline "
                  f"{pct(t.get('base_contains_whole_day', 0), t['gold'])}")
        for label, t in tbaq.items():
            print(f"    {label}: precision (contains) of the gold events covered by a mention's own "
                  f"event words: {pct(t.get('contains_trigger', 0), t.get('by_trigger', 0))} % of "
                  f"{t.get('by_trigger', 0)}; covered by its passage only: "
                  f"{pct(t.get('contains_passage', 0), t.get('by_passage', 0))} % of {t.get('by_passage', 0)}")
        for label, t in tbaq.items():
            miss = t['gold'] - t['covered']
            print(f"    {label}: {t['stopped']} stop-listed events left out, {t['ambiguous']} with "
                  f"links to different days left out; kerryview pipeline {t['seconds']:.1f} s; "
                  f"of the {miss} gold events no kerryview event covers, {t.get('uncovered_no_timex', 0)} "
                  f"have no DATE/TIME expression in their sentence and {t.get('uncovered_dct', 0)} are "
                  f"dated by the DCT alone")
            classes = sorted((k[len("gold_class_"):] for k in t if k.startswith("gold_class_")),
                             key=lambda k: -t[f"gold_class_{k}"])
            if classes:
                print(f"    {label}, by TimeML's own event class (the issue counts reporting alone as "
                      f"no event, and states are not news): "
                      + "; ".join(f"{k} {t[f'gold_class_{k}']}: covered {t.get(f'covered_class_{k}', 0)}, "
                                  f"recall {pct(t.get(f'contains_class_{k}', 0), t[f'gold_class_{k}'])}"
                                  for k in classes))
            if label.startswith("dev"):
                for e in t["wrong_examples"]:
                    print(f"    not contained: {e}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folders", nargs="*",
                    help="Timeline17 folders (default: the development folders; with --heldout, "
                         "all 11)")
    ap.add_argument("--heldout", action="store_true",
                    help="with no --folders: also our own held-out folder (bpoil_reuters); look rarely")
    ap.add_argument("--max-articles", type=int, default=60,
                    help="undated articles inferred per folder (fixed seed); default 60")
    ap.add_argument("--stated-sample", type=int, default=30, help="articles per style per folder")
    ap.add_argument("--all", action="store_true", help="every article, for both samples")
    ap.add_argument("--styles", nargs="*", metavar="STYLE",
                    help="stated dates: only these styles of stories_styles.tsv (default: all)")
    ap.add_argument("--per-folder", action="store_true",
                    help="stated dates: also each folder's read %% per style")
    ap.add_argument("--skip-stated", action="store_true")
    ap.add_argument("--skip-undated", action="store_true")
    ap.add_argument("--skip-keydates", action="store_true")
    ap.add_argument("--skip-tbaq", action="store_true")
    ap.add_argument("--tbaq-heldout", action="store_true",
                    help="also score the held-out TBAQ half (odd AQUAINT files); look rarely")
    ap.add_argument("--bp-together", action="store_true", help="the five BP folders as one pile (key dates, time)")
    ap.add_argument("--growth", metavar="FOLDER", help="inference time for 25, 50, 100, 200, 300 articles")
    ap.add_argument("--clause-events", choices=("off", "news", "all"), default="news",
                    help="clause events dated by publication in every pipeline run "
                         "(events.clauses.CLAUSE_EVENTS): none, those of the news sentences "
                         "(the default), or every sentence's")
    ap.add_argument("--dct-clauses", action="store_true", help="the same as --clause-events all")
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--folder", help=argparse.SUPPRESS)
    ap.add_argument("--tbaq", choices=("dev", "heldout"), help=argparse.SUPPRESS)
    ap.add_argument("--list-wrong", choices=("wrong", "uncovered"),
                    help="with --json --tbaq dev: list on stderr, one a line, each gold event "
                         "covered by a kerryview event whose date does not contain the gold date "
                         "(wrong), or covered by none (uncovered)")
    ap.add_argument("--esl", action="store_true",
                    help="event dating on EventStoryLine v1.5, ECB+ topics 1-35 (with --json: "
                         "print its JSON; else its table alone)")
    args = ap.parse_args()

    if args.dct_clauses:
        args.clause_events = "all"
    # every pipeline run finds these clauses of the day (the pipeline passes CLAUSE_EVENTS to
    # find_mentions positionally: a partial with dct_clauses=True clashed with it, so every
    # article failed and no event was left)
    import kerryview.events.clauses as clauses
    import kerryview.pipeline as pipeline
    clauses.CLAUSE_EVENTS = pipeline.CLAUSE_EVENTS = CLAUSE_SETTINGS[args.clause_events]
    if args.json:  # one measurement in this process: print JSON for the parent
        if args.folder:
            out = measure_folder(args.folder, args)
        elif args.tbaq or args.esl:
            out = measure_tbaq(args.tbaq, args.list_wrong) if args.tbaq else measure_esl(args.list_wrong)
            out["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        elif args.bp_together:
            out = measure_bp_together()
        else:  # a bare --json used to pool the five BP folders, our held-out bpoil_reuters too
            sys.exit("stories.py --json measures one thing: give --folder, --tbaq, --esl or --bp-together")
        print(json.dumps(out, default=str))
        return
    if args.growth:
        rows = measure_growth(args.growth, [25, 50, 100, 200, 300])
        print(f"| {args.growth}: undated articles | inference s | exact | within 1 day | undated |")
        print("|---|---|---|---|---|")
        for r in rows:
            print(f"| {r['n']} | {r['seconds']:.1f} | {r['exact']} | {r['near']} | {r['undated']} |")
        print(f"growth exponent (least squares on log time vs log articles): {growth_exponent(rows):.2f}")
        return

    if args.esl:  # its table alone
        e = child(args, ["--esl"])
        g, cov = e["gold"], e["covered"]
        print(f"# EventStoryLine v1.5 event dating (ECB+ topics 1-35; {e['files']} documents, "
              f"{e['files_dct_unread']} left out: DCT value against its own words), DCT given\n")
        print("| system | gold events | covered (by event words) | contains: recall / precision | "
              "same day: recall / precision | whole-day measure: recall / precision |")
        print("|---|---|---|---|---|---|")
        print(f"| kerryview | {g} | {cov} ({e.get('by_trigger', 0)}) | {pct(e['contains'], g)} / "
              f"{pct(e['contains'], cov)} | {pct(e['same'], g)} / {pct(e['same'], cov)} | "
              f"{pct(e['contains_whole_day'], g)} / {pct(e['contains_whole_day'], cov)} |")
        print(f"| baseline (nearest time expression in the sentence, else the DCT) | {g} | {g} | "
              f"{pct(e['base_contains'], g)} | {pct(e['base_same'], g)} | {pct(e['base_contains_whole_day'], g)} |")
        return

    t_start = time.perf_counter()
    # the held-out folder only when asked for (a bare run used to measure it too)
    folders = args.folders or sorted(p.name for p in T17.iterdir() if (p / "articles").is_dir()
                                     and (args.heldout or p.name not in HELD_OUT_FOLDERS))
    folders = [f for f in folders if f not in HELD_OUT_FOLDERS] + [f for f in folders if f in HELD_OUT_FOLDERS]
    rows = []
    for f in folders:
        print(f"measuring {f} ...", file=sys.stderr, flush=True)
        rows.append(child(args, ["--folder", f]))
    if args.bp_together:
        print("measuring the five BP folders together ...", file=sys.stderr, flush=True)
        rows.append(child(args, ["--bp-together"]))  # the flag the child's --json branch reads
    tbaq = {}
    if not args.skip_tbaq:
        parts = (("dev", "dev: TimeBank + even AQUAINT"),)
        if args.tbaq_heldout:  # our own held-out half, looked at rarely: only when asked
            parts += (("heldout", "held out: odd AQUAINT"),)
        for part, label in parts:
            print(f"measuring TBAQ {part} ...", file=sys.stderr, flush=True)
            tbaq[label] = child(args, ["--tbaq", part])
    print(f"# kerryview issue #9 stories benchmark, {datetime.now():%Y-%m-%d %H:%M}; "
          f"stated sample {'all' if args.all else args.stated_sample}/style/folder, "
          f"undated sample {'all' if args.all else args.max_articles}/folder (seed {SEED})")
    print_tables(rows, tbaq, chosen_styles(args.styles), args.per_folder)
    print(f"\nbenchmark wall time: {time.perf_counter() - t_start:.0f} s")


if __name__ == "__main__":
    main()
