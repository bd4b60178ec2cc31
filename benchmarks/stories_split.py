"""Does splitting a pile into stories cost merges? Each Timeline17 development folder is one
story (journalists made one timeline of it); on subsets of its articles, the corpus stages run
per story (kerryview.stories, as an import runs them) and on the whole pile as one story, and
for each: how many stories the subset was split into, events with two or more sources
(cross-source merges), and key-date F1 (benchmarks/stories.py: days ranked by
kerryview.events.importance.day_importance, top k against each of the folder's timelines).

    .venv/bin/python benchmarks/stories_split.py                      # 30, 45, 60 articles
    .venv/bin/python benchmarks/stories_split.py --sizes 36 --seeds 3 --folders Finan_washingtonpost

bpoil_reuters is held out and never read (nor Egypt, Iraq, Libya, Syria: not here).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
from stories import T17, date_f1, load_folder, read_timeline, top_days  # noqa: E402

FOLDERS = ("Finan_washingtonpost", "H1N1_bbc", "H1N1_guardian", "H1N1_reuters", "MJ_bbc",
           "bpoil_bbc", "bpoil_foxnews", "bpoil_guardian", "bpoil_washingtonpost", "haiti_bbc")


def _docs(arts):
    from kerryview.model import DateSource, DateSourceKind, Document
    return [Document(a.id, f"{a.id}.txt", a.text, sha256=f"{a.id}:{hash(a.text)}",
                     dct=a.published,
                     dct_source=DateSource(DateSourceKind.PAGE_METADATA, "published.tsv"))
            for a in arts]


def _scores(events, docs, timelines) -> tuple[int, float]:
    from kerryview.events.importance import day_importance
    multi = sum(1 for e in events if len(set(e.document_ids)) >= 2)
    weight = day_importance(events, docs)
    days = {d: (w,) for d, w in weight.items()}
    f1 = [date_f1(top_days(days, len(g)), g)[2] for g in timelines]
    return multi, sum(f1) / len(f1)


def measure(folder: str, size: int, seed: int) -> dict:
    from kerryview.analysis import AnalysisCache
    from kerryview.pipeline import build_corpus
    from kerryview.stories import Story
    arts = load_folder(folder)
    arts = sorted(random.Random(f"split-{folder}-{size}-{seed}").sample(arts, min(size, len(arts))),
                  key=lambda a: a.id)
    timelines = [read_timeline(p) for p in sorted((T17 / folder / "timelines").glob("*.txt"))]
    cache = AnalysisCache()
    docs = _docs(arts)
    whole = build_corpus(docs, analyses=cache,
                         given=[Story("all", "", (), tuple(d.id for d in docs))])
    docs = _docs(arts)
    found: list = []
    t0 = time.process_time()
    split = build_corpus(docs, analyses=cache, stories=found)
    cpu = time.process_time() - t0
    return {"folder": folder, "size": len(arts), "seed": seed, "stories": len(found),
            "largest": max(len(s) for s in found), "whole": _scores(whole, docs, timelines),
            "split": _scores(split, docs, timelines), "cpu": cpu}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folders", nargs="*", default=list(FOLDERS))
    ap.add_argument("--sizes", nargs="*", type=int, default=[30, 45, 60])
    ap.add_argument("--seeds", type=int, default=2)
    args = ap.parse_args()
    rows = []
    print("| folder | articles | seed | stories (largest) | events >=2 sources whole / split "
          "| key-date F1 whole / split |")
    print("|---|---|---|---|---|---|")
    for folder in args.folders:
        if folder == "bpoil_reuters":
            sys.exit("bpoil_reuters is held out")
        for size in args.sizes:
            for seed in range(args.seeds):
                r = measure(folder, size, seed)
                rows.append(r)
                print(f"| {folder} | {r['size']} | {seed} | {r['stories']} ({r['largest']}) | "
                      f"{r['whole'][0]} / {r['split'][0]} | {r['whole'][1]:.3f} / "
                      f"{r['split'][1]:.3f} |", flush=True)
    n = len(rows)
    split = [r for r in rows if r["stories"] > 1]
    print(f"\n{n} subsets, {len(split)} split into more than one story; events with >=2 sources "
          f"whole {sum(r['whole'][0] for r in rows)} / split {sum(r['split'][0] for r in rows)}; "
          f"mean key-date F1 whole {sum(r['whole'][1] for r in rows) / n:.3f} / split "
          f"{sum(r['split'][1] for r in rows) / n:.3f}")


if __name__ == "__main__":
    main()
