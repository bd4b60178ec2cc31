"""A stray beside another story: is it dated by its own dates or by that story's years?

Each sampled undated Timeline17 development article (no date line read from it; `bpoil_reuters`
is held out and not read) is placed alone beside the five articles of the bundled demo
(resources/corpus/kerry-beijing-2023/, July 2023) and the pile of six goes through
`pipeline.build_corpus`, as an analyst's project holding one story and one odd article would.
Counted for the stray against published.tsv: exact, a wrong day of the right year, dated in
the demo's year (2023: the story's years, not its own), another wrong year, undated; and
whether it was put in the demo's story. The demo's three named events are checked on the way:
"demo days lost" counts the piles where one of their days (with its status) is missing.

    PYTHONPATH=$PWD nice .venv/bin/python benchmarks/strays.py [--per-folder 8] [--seed 12]
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
T17 = ROOT.parent / "shared" / "data" / "timeline17"
DEMO = ROOT / "resources" / "corpus" / "kerry-beijing-2023"
DEMO_YEAR = 2023
COLUMNS = ("n", "exact", "wrong day", "in the demo's year", "other wrong year", "undated",
           "with demo", "demo days lost")
DEV = ["Finan_washingtonpost", "H1N1_bbc", "H1N1_guardian", "H1N1_reuters", "MJ_bbc",
       "bpoil_bbc", "bpoil_foxnews", "bpoil_guardian", "bpoil_washingtonpost", "haiti_bbc"]


def _published(folder: Path) -> dict[str, date]:
    from heads import published  # (benchmarks/heads.py: one reader of a folder's published.tsv)
    return published(folder)


def undated_sample(name: str, n: int, seed: int) -> list[tuple[Path, date]]:
    """n articles of a folder from which no publication date is read (no date line)."""
    from kerryview.pipeline import read_documents

    folder = T17 / name
    pub = _published(folder)
    paths = [p for p in sorted((folder / "articles").glob("*.txt")) if p.stem in pub]
    docs, _ = read_documents(paths)
    undated = [p for p, d in zip(paths, docs) if d.dateline is None and d.dct is None]
    picked = sorted(random.Random(f"{seed}-{name}").sample(undated, min(n, len(undated))))
    return [(p, pub[p.stem]) for p in picked]


def one(stray: Path, demo: list[Path]) -> tuple[date | None, bool, list]:
    """The stray's date, whether it shares a story with the demo, and the demo's events."""
    from kerryview.pipeline import build_corpus, read_documents

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / f"zz_{stray.parent.parent.name}_{stray.name}"
        copy.write_bytes(stray.read_bytes())
        docs, _ = read_documents([*demo, copy])
    stories: list = []
    events = build_corpus(docs, stories=stories)
    mine = docs[-1]
    together = any(mine.id in s.document_ids and len(s.document_ids) > 1 for s in stories)
    return mine.dct, together, events


# the demo's three named events: Xie Zhenhua talks, Wang Yi meeting, leaving Beijing
NAMED = {("2023-07-17", "happened"), ("2023-07-18", "happened"), ("2023-07-20", "scheduled")}


def demo_events(events: list, demo_ids: set[str]) -> set[tuple[str, str]]:
    """The days and statuses of the events of the demo's articles (labels and passages
    grouped may change: the words are weighed over the whole pile)."""
    return {(str(e.start)[:10], e.status.value if hasattr(e.status, "value") else str(e.status))
            for e in events if set(e.document_ids) <= demo_ids}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-folder", type=int, default=8)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--folders", nargs="*", default=DEV)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    assert "bpoil_reuters" not in args.folders, "bpoil_reuters is held out"
    from kerryview.pipeline import build_corpus, read_documents

    demo = sorted(DEMO.glob("*.txt"))
    alone, _ = read_documents(demo)
    demo_ids = {d.id for d in alone}
    assert NAMED <= demo_events(build_corpus(alone), demo_ids)
    counts: Counter[str] = Counter()
    per_folder: dict[str, Counter[str]] = {}
    cpu = time.process_time()
    for name in args.folders:
        c = per_folder.setdefault(name, Counter())
        for path, gold in undated_sample(name, args.per_folder, args.seed):
            got, together, events = one(path, demo)
            if not NAMED <= demo_events(events, demo_ids):
                c["demo days lost"] += 1
                counts["demo days lost"] += 1
            kind = ("undated" if got is None else "exact" if got == gold else
                    "in the demo's year" if got.year == DEMO_YEAR != gold.year else
                    "other wrong year" if got.year != gold.year else "wrong day")
            for k in (kind, "with demo" if together else "alone", "n"):
                c[k] += 1
                counts[k] += 1
            if args.verbose:
                print(f"  {name}/{path.name}: {got} (gold {gold}) {kind}"
                      f"{' with demo' if together else ''}")
        print(f"{name:22s} " + "  ".join(f"{k} {c[k]}" for k in
              COLUMNS), flush=True)
    print(f"{'all':22s} " + "  ".join(f"{k} {counts[k]}" for k in
          COLUMNS))
    print(f"CPU {time.process_time() - cpu:.1f} s")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
