"""How kerryview scales with the number of articles (issue #10): time and memory per stage.

Piles (each measured in its own child process, so its peak memory is its own):
  real-dated    N real Timeline17 articles (the development folders, BP oil spill first),
                each written with a date line from published.tsv ("Published: May 24, 2010")
  real-undated  the same articles as given (no date line: every date is inferred)
  synthetic     an archive built from the real articles, dated: copy c of an article is
                published 7*c days later (its relative dates move with it, its absolute
                dates do not, so thousands of passages share days) and a third of its names
                are varied ("Obama" -> "Obama-3" in copy 3), at 1,000 / 3,000 / 10,000 articles
Stages: read (read_documents from files), tag (recognize every text), dating (infer_dcts,
publication dates and resolution), mentions (find_mentions), merge, store (save_corpus into a
new SQLite project). For each: CPU seconds (time.process_time), wall seconds, and the process's
peak resident memory after the stage (ru_maxrss, so it only grows). Then the fitted growth
exponent of each stage (log-log slope of CPU seconds against articles) over the synthetic sizes.

    .venv/bin/python benchmarks/scaling.py                 # everything (about half an hour)
    .venv/bin/python benchmarks/scaling.py --quick         # a smoke test (seconds)
    .venv/bin/python benchmarks/scaling.py --piles real-dated,real-undated --real 300

Targets (#10): 1,000 real articles <= 30 s with date lines, <= 60 s without; 10,000 <= 6 min;
exponent <= 1.15 from 1,000 to 10,000; peak <= 2 GB at 10,000. Asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
from growth import run_child as run_measured, slope  # noqa: E402
T17 = HERE.parents[1] / "shared" / "data" / "timeline17"
FOLDER_ORDER = ("bpoil_bbc", "bpoil_foxnews", "bpoil_guardian", "bpoil_reuters",
                "bpoil_washingtonpost", "Finan_washingtonpost", "H1N1_bbc", "H1N1_guardian",
                "H1N1_reuters", "MJ_bbc", "haiti_bbc")
STAGES = ("read", "tag", "dating", "mentions", "merge", "store")
COPY_SHIFT_DAYS = 7
_NAME = re.compile(r"(?<=[a-z,;] )([A-Z][a-z]{3,})\b")


def real_articles(root: Path) -> list[tuple[str, str, date]]:
    """(name, text, publication date) of every development article, BP oil spill first."""
    out = []
    for folder in FOLDER_ORDER:
        base = root / folder
        if not base.exists():
            continue
        published = dict(line.split("\t") for line in
                         (base / "published.tsv").read_text("utf-8").splitlines() if line.strip())
        for path in sorted((base / "articles").glob("*.txt")):
            when = published.get(path.stem)
            if when:
                out.append((f"{folder}-{path.stem}", path.read_text("utf-8", errors="replace"),
                            date.fromisoformat(when[:10])))
    return out


def date_line(day: date) -> str:
    return f"Published: {day.strftime('%B')} {day.day}, {day.year}\n\n"


def _vary_names(text: str, copy: int) -> str:
    """A third of the names (capitalised words inside a sentence) get the copy's mark."""
    if copy == 0:
        return text
    return _NAME.sub(lambda m: f"{m.group(1)}-{copy}" if hash_word(m.group(1)) % 3 == 0
                     else m.group(1), text)


def hash_word(word: str) -> int:
    return sum(ord(c) * (i + 1) for i, c in enumerate(word))  # stable across processes


def pile(kind: str, n: int, root: Path) -> list[tuple[str, str]]:
    """(file name, text) of the pile's n articles."""
    real = real_articles(root)
    if not real:
        raise SystemExit(f"no Timeline17 articles under {root}")
    if kind == "real-dated":
        return [(f"{name}.txt", date_line(day) + text) for name, text, day in real[:n]]
    if kind == "real-undated":
        return [(f"{name}.txt", text) for name, text, _ in real[:n]]
    if kind == "synthetic":
        out = []
        for k in range(n):
            copy, (name, text, day) = divmod(k, len(real))[0], real[k % len(real)]
            day = day + timedelta(days=COPY_SHIFT_DAYS * copy)
            out.append((f"{name}-c{copy}.txt", date_line(day) + _vary_names(text, copy)))
        return out
    raise ValueError(kind)


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def measure(kind: str, n: int, root: Path) -> dict:
    """Every stage once, on a pile written to a temporary folder (run in a child process)."""
    from kerryview.dating.inference import infer_dcts
    from kerryview.events.mentions import find_mentions
    from kerryview.events.merge import merge
    from kerryview.pipeline import CachingTagger, read_documents
    from kerryview.store import Store

    out: dict = {"kind": kind, "articles": n, "stages": {}}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pile"
        folder.mkdir()
        for name, text in pile(kind, n, root):
            (folder / name).write_text(text, encoding="utf-8")
        base_rss = _maxrss_mb()

        def timed(stage: str, fn):
            c, w = time.process_time(), time.perf_counter()
            result = fn()
            out["stages"][stage] = {"cpu": time.process_time() - c,
                                    "wall": time.perf_counter() - w, "rss_mb": _maxrss_mb()}
            return result

        docs, problems = timed("read", lambda: read_documents([folder]))
        tagger = CachingTagger()
        timed("tag", lambda: [tagger(d.text, None) for d in docs])
        timexes = timed("dating", lambda: infer_dcts(docs, tagger))
        from kerryview.events import clauses  # clause events: --clause-events (news by default)
        found = timed("mentions", lambda: [f for d in docs for f in find_mentions(
            d, timexes[d.id], dct_clauses=clauses.CLAUSE_EVENTS)])
        dcts = {d.id: d.dct.isoformat() if d.dct else "" for d in docs}
        events = timed("merge", lambda: merge(found, dcts))
        store = Store(Path(tmp) / "p.db")
        timed("store", lambda: store.save_corpus(docs, events))
        out.update(documents=len(docs), problems=len(problems), mentions=len(found),
                   events=len(events), dated=sum(d.dct is not None for d in docs),
                   base_rss_mb=base_rss)
        store.close()
    return out


def run_child(kind: str, n: int, root: Path, budget: float, clause_events: str = "news") -> dict | None:
    cmd = [sys.executable, __file__, "--one", kind, str(n), "--root", str(root),
           "--clause-events", clause_events]
    return run_measured(cmd, budget)


def print_row(r: dict) -> None:
    s = r["stages"]
    total_cpu = sum(v["cpu"] for v in s.values())
    total_wall = sum(v["wall"] for v in s.values())
    peak = max(v["rss_mb"] for v in s.values())
    print(f"{r['kind']:<13} {r['articles']:>6} " + " ".join(f"{s[k]['cpu']:>9.1f}" for k in STAGES)
          + f" {total_cpu:>9.1f} {total_wall:>9.1f} {peak:>8.0f}   "
          f"{r['dated']}/{r['documents']} dated, {r['mentions']} mentions, {r['events']} events",
          flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="tiny piles: a smoke test in seconds")
    ap.add_argument("--piles", default="real-dated,real-undated,synthetic")
    ap.add_argument("--real", type=int, default=1000, help="articles in the real piles")
    ap.add_argument("--sizes", default="1000,3000,10000", help="synthetic archive sizes")
    ap.add_argument("--root", type=Path, default=T17, help="the Timeline17 folder")
    ap.add_argument("--budget", type=float, default=1800.0, help="seconds one pile may take")
    ap.add_argument("--clause-events", nargs="?", const="all", default="news",
                    choices=("off", "news", "all"),
                    help="clause events (events.clauses.CLAUSE_EVENTS): none, the news "
                         "sentences' (the default) or all (the flag alone)")
    ap.add_argument("--one", nargs=2, metavar=("KIND", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    import kerryview.events.clauses as clauses
    import kerryview.pipeline as pipeline
    clauses.CLAUSE_EVENTS = pipeline.CLAUSE_EVENTS = {"off": False, "news": clauses.NEWS,
                                                      "all": True}[args.clause_events]
    if args.one:
        print(json.dumps(measure(args.one[0], int(args.one[1]), args.root)))
        return 0
    real_n = 12 if args.quick else args.real
    sizes = [10, 20, 40] if args.quick else [int(s) for s in args.sizes.split(",")]
    print("CPU seconds per stage; total CPU and wall seconds; peak resident MB (ru_maxrss)")
    print(f"{'pile':<13} {'n':>6} " + " ".join(f"{s:>9}" for s in STAGES)
          + f" {'cpu':>9} {'wall':>9} {'peak MB':>8}")
    rows: list[dict] = []
    for kind in args.piles.split(","):
        for n in (sizes if kind == "synthetic" else [real_n]):
            r = run_child(kind, n, args.root, args.budget, args.clause_events)
            if r is None:
                print(f"{kind:<13} {n:>6} did not finish within {args.budget:.0f} s", flush=True)
                break
            if "error" in r:
                print(f"{kind:<13} {n:>6} failed: {r['error']}", flush=True)
                break
            rows.append(r)
            print_row(r)
    synth = [r for r in rows if r["kind"] == "synthetic"]
    if len(synth) >= 2:
        exps = [slope([(r["articles"], r["stages"][k]["cpu"]) for r in synth], 0.01) for k in STAGES]
        total = slope([(r["articles"], sum(v["cpu"] for v in r["stages"].values())) for r in synth], 0.01)
        print(f"{'exponent':<20} " + " ".join(f"{e:>9.2f}" if e is not None else f"{'-':>9}"
                                              for e in exps)
              + (f" {total:>9.2f}" if total is not None else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
