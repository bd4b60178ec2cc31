"""How kerryview's pipeline grows on hostile but accepted input, and how fast Cancel answers
(issue #11 items 7 and 8).

Input kinds, each one article added to the bundled corpus (as an import into a project does):
  run-on    real news text (Timeline17) with every sentence end removed: one endless sentence
  weekdays  one sentence listing thousands of weekday names ("on Monday, Tuesday, ...")
  news      real news text repeated up to megabytes (sentences intact)
  same-date thousands of distinct real news sentences, each opening "On July 17, 2023," (every
            passage on one day: what merging compares)

For each size every stage is timed on its own (CPU seconds, time.process_time: the machine is
shared, and wall time then says more about the others' load than about kerryview), each in a fresh child process (so a runaway
size can be stopped at --budget seconds): read (read_documents), tag (recognize + resolve of
the hostile article, the rules loaded before), date (infer_dcts with the tags cached), mentions (find_mentions), merge, and
the whole of build_corpus. Then the growth exponent of each stage (the log-log slope of
seconds against bytes) and the Cancel latency: cancelled() turns True 0.5 s into build_corpus,
and the time from then to the Cancelled exception is printed.

Run: .venv/bin/python benchmarks/adversarial.py [--quick] [--budget S] [--kinds run-on,news]
Prints figures; asserts nothing. Reads /work/shared/data/timeline17 (or --news FOLDER).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from growth import run_child as run_measured, slope  # noqa: E402

NEWS = Path("/work/shared/data/timeline17")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
STAGES = ["read", "tag", "date", "mentions", "merge", "build_corpus"]
SIZES = {  # kind -> sizes (bytes for text kinds, names for weekdays)
    "run-on": [25_000, 50_000, 100_000, 200_000],
    "weekdays": [1_000, 2_000, 4_000, 8_000],
    "news": [1_000_000, 5_000_000, 20_000_000],
    "same-date": [1_000, 2_000, 4_000, 8_000],
}
QUICK = {
    "run-on": [3_000, 6_000, 12_000, 25_000],
    "weekdays": [250, 500, 1_000, 2_000],
    "news": [100_000, 200_000, 400_000],
    "same-date": [250, 500, 1_000, 2_000],
}
CANCEL_AFTER = 0.5


# -- inputs ----------------------------------------------------------------------------------
def news_text(folder: Path, size: int) -> str:
    """Real articles, whole, in a fixed order, repeated until `size` characters."""
    articles = sorted(folder.glob("*/articles/*.txt"))[:400]
    if not articles:
        raise SystemExit(f"no articles under {folder}/*/articles (pass --news)")
    parts, n, i = [], 0, 0
    while n < size:
        t = articles[i % len(articles)].read_text(encoding="utf-8", errors="replace")
        parts.append(t)
        n += len(t) + 2
        i += 1
    return "\n\n".join(parts)[:size]


def make_text(kind: str, size: int, folder: Path) -> str:
    if kind == "news":
        return news_text(folder, size)
    if kind == "run-on":  # no '.', '?', '!' or line break anywhere: one sentence
        text = news_text(folder, size + size // 10)
        for ch in ".?!\n\r;:":
            text = text.replace(ch, ",")
        return text[:size]
    if kind == "same-date":  # distinct sentences (no figures, so no other dates), one day
        seen: dict[str, None] = {}  # in reading order
        for f in sorted(folder.glob("*/articles/*.txt")):
            for s in re.split(r"(?<=[.!?])\s+", f.read_text(encoding="utf-8", errors="replace")):
                if 60 < len(s) < 300 and not re.search(r"\d", s) and s not in seen:
                    seen[s] = None
                    if len(seen) == size:
                        return " ".join(f"On July 17, 2023, {s[0].lower()}{s[1:]}" for s in seen)
        raise SystemExit(f"fewer than {size} sentences under {folder}")
    if kind == "weekdays":
        names = ", ".join(WEEKDAYS[i % 7] for i in range(size))
        return f"Kerry met Wang Yi on {names} and Thursday to talk about the climate."
    raise ValueError(kind)


# -- one measurement (in a child process) ----------------------------------------------------
def _documents(path: Path):
    from kerryview.bundled import bundled_corpus_paths
    from kerryview.pipeline import read_documents

    docs, problems = read_documents([*bundled_corpus_paths(), path])
    assert not problems, problems
    return docs


def measure(kind: str, size: int, folder: Path, what: str) -> dict:
    """Seconds per stage (what='stages') or the Cancel latency (what='cancel')."""
    from kerryview.dating.inference import infer_dcts
    from kerryview.events.merge import merge
    from kerryview.events.mentions import find_mentions
    from kerryview.pipeline import CachingTagger, Cancelled, build_corpus

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{kind}.txt"
        path.write_text(make_text(kind, size, folder), encoding="utf-8")
        out: dict = {"bytes": path.stat().st_size}
        if what == "cancel":
            docs = _documents(path)
            flip = time.monotonic() + CANCEL_AFTER
            try:
                build_corpus(docs, cancelled=lambda: time.monotonic() >= flip)
                out["cancel"] = None  # finished before it was asked to stop
                out["finished_in"] = time.monotonic() - flip + CANCEL_AFTER
            except Cancelled:
                out["cancel"] = time.monotonic() - flip
            return out
        t = time.process_time()
        docs = _documents(path)
        out["read"] = time.process_time() - t
        tagger = CachingTagger()
        for d in docs[:-1]:  # the bundled articles: also loads the rules, which is not growth
            tagger(d.text, None)
        t = time.process_time()
        tagger(docs[-1].text, None)  # the hostile article, recognized once and resolved
        out["tag"] = time.process_time() - t
        t = time.process_time()
        timexes = infer_dcts(docs, tagger)
        out["date"] = time.process_time() - t
        t = time.process_time()
        found = [f for d in docs for f in find_mentions(d, timexes[d.id])]
        out["mentions"] = time.process_time() - t
        t = time.process_time()
        merge(found, {d.id: d.dct.isoformat() if d.dct else "" for d in docs})
        out["merge"] = time.process_time() - t
        docs = _documents(path)
        t = time.process_time()
        build_corpus(docs)
        out["build_corpus"] = time.process_time() - t
        return out


def run_child(kind: str, size: int, folder: Path, what: str, budget: float) -> dict | None:
    cmd = [sys.executable, __file__, "--one", kind, str(size), what, "--news", str(folder)]
    return run_measured(cmd, budget)


# -- report ----------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes (about a minute)")
    ap.add_argument("--budget", type=float, default=300.0,
                    help="seconds one measurement may take; larger sizes of that kind are "
                         "then skipped")
    ap.add_argument("--kinds", default=",".join(SIZES), help="comma-separated input kinds")
    ap.add_argument("--sizes", help="comma-separated sizes overriding those of every kind")
    ap.add_argument("--news", type=Path, default=NEWS, help="Timeline17 folder")
    ap.add_argument("--no-cancel", action="store_true", help="skip the Cancel measurements")
    ap.add_argument("--one", nargs=3, metavar=("KIND", "SIZE", "WHAT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        kind, size, what = args.one
        print(json.dumps(measure(kind, int(size), args.news, what)))
        return 0

    table = QUICK if args.quick else SIZES
    for kind in args.kinds.split(","):
        sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else table[kind]
        unit = {"weekdays": "names", "same-date": "sentences"}.get(kind, "bytes")
        print(f"\n== {kind} ({unit}; seconds per stage; child budget {args.budget:.0f} s)")
        print(f"{'size':>10} {'bytes':>10} " + " ".join(f"{s:>12}" for s in STAGES), flush=True)
        rows = []
        for size in sizes:
            r = run_child(kind, size, args.news, "stages", args.budget)
            if r is None:
                print(f"{size:>10} {'':>10} did not finish within {args.budget:.0f} s; "
                      "larger sizes skipped", flush=True)
                break
            if "error" in r:
                print(f"{size:>10} failed: {r['error']}", flush=True)
                break
            rows.append(r)
            print(f"{size:>10} {r['bytes']:>10} " + " ".join(f"{r[s]:>12.3f}" for s in STAGES),
                  flush=True)
        if len(rows) >= 2:
            exps = [slope([(r["bytes"], r[s]) for r in rows]) for s in STAGES]
            print(f"{'exponent':>21} " + " ".join(
                f"{e:>12.2f}" if e is not None else f"{'-':>12}" for e in exps), flush=True)
        if not args.no_cancel and rows:
            size = sizes[len(rows) - 1]
            c = run_child(kind, size, args.news, "cancel", args.budget)
            if c is None:
                print(f"cancel at {CANCEL_AFTER} s on size {size}: not honoured within "
                      f"{args.budget:.0f} s", flush=True)
            elif c.get("cancel") is None:
                print(f"cancel at {CANCEL_AFTER} s on size {size}: finished first "
                      f"({c.get('finished_in', 0):.2f} s) {c.get('error', '')}", flush=True)
            else:
                print(f"cancel at {CANCEL_AFTER} s on size {size}: honoured {c['cancel']:.2f} s "
                      "after cancelled() turned True", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
