"""Issue #10 item 4: how well kerryview.stories groups a mixed archive into its stories, and how
its cost grows.

    .venv/bin/python benchmarks/stories_clustering.py               # scores and timings (~2 min)
    .venv/bin/python benchmarks/stories_clustering.py --skip-timing
    .venv/bin/python benchmarks/stories_clustering.py --dates      # with publication dates stated
    .venv/bin/python benchmarks/stories_clustering.py --sweep      # scores over LINK_SIMILARITY

Data nobody here wrote (../shared/data/):
- Timeline17 development folders mixed into one pile: Finan_washingtonpost, H1N1_{bbc,guardian,
  reuters}, MJ_bbc, bpoil_{bbc,foxnews,guardian,washingtonpost}, haiti_bbc. The label of an
  article is its topic (the folder name before "_"): folders of one topic from different
  outlets are one story. bpoil_reuters is held out and not read.
- ECB+ topics 1-35 (36-45 are held out, never read), each topic one story; each topic holds
  two different seminal events of one kind, so a system that splits a topic in two is not
  wrong about the world, only about the labels.

Scores (against the labels): purity, inverse purity, their harmonic mean F; the adjusted Rand
index; B-cubed precision / recall / F1 (Bagga & Baldwin 1998; Amigó et al. 2009). Timings: CPU
seconds (time.process_time) and peak memory (ru_maxrss) of cluster_stories alone at 1,000,
2,000 and 3,000 articles drawn from both sets (seed 10), each size in its own process, and the
fitted growth exponent of the time.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
DATA = HERE.parents[1] / "shared" / "data"
T17 = DATA / "timeline17"
T17_FOLDERS = ("Finan_washingtonpost", "H1N1_bbc", "H1N1_guardian", "H1N1_reuters", "MJ_bbc",
               "bpoil_bbc", "bpoil_foxnews", "bpoil_guardian", "bpoil_washingtonpost",
               "haiti_bbc")  # bpoil_reuters is held out
SIZES = (1000, 2000, 3000)
SEED = 10


def _document(ident: str, text: str, dct: date | None, with_dates: bool):
    from kerryview.model import DateSource, DateSourceKind, Document
    d = Document(id=ident, path=ident, text=text,
                 sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    if with_dates and dct is not None:
        d.dct, d.dct_source = dct, DateSource(DateSourceKind.SET_BY_USER, "benchmark")
    return d


def timeline17(with_dates: bool = False) -> list[tuple[object, str]]:
    """(Document, topic) for every article of the development folders."""
    out = []
    for folder in T17_FOLDERS:
        published = {}
        for line in (T17 / folder / "published.tsv").read_text().splitlines():
            name, _, day = line.partition("\t")
            try:
                published[name] = date.fromisoformat(day.strip())
            except ValueError:
                pass
        for path in sorted((T17 / folder / "articles").glob("*.txt"), key=lambda p: p.name):
            text = path.read_text(encoding="utf-8", errors="replace")
            out.append((_document(f"{folder}/{path.stem}", text, published.get(path.stem),
                                  with_dates), folder.split("_")[0]))
    return out


def ecbplus(with_dates: bool = False) -> list[tuple[object, str]]:
    """(Document, topic) for every document of ECB+ topics 1-35."""
    import merging  # benchmarks/merging.py: the one ECB+ reader (topics 1-35 only)
    out = []
    for topic in merging.topics(None):
        for path in sorted((merging.ECB / topic).glob("*.xml")):
            g = merging.read_doc(path, topic)
            out.append((_document(f"ecb{topic}/{g.name}", g.text, g.dct, with_dates), topic))
    return out


# -- scores ---------------------------------------------------------------------------------
def scores(labels: list[str], clusters: list[str]) -> dict[str, float]:
    n = len(labels)
    table = Counter(zip(clusters, labels))
    by_cluster: dict[str, Counter] = defaultdict(Counter)
    by_label: dict[str, Counter] = defaultdict(Counter)
    for (c, l), k in table.items():
        by_cluster[c][l] += k
        by_label[l][c] += k
    purity = sum(max(v.values()) for v in by_cluster.values()) / n
    inverse = sum(max(v.values()) for v in by_label.values()) / n
    size_c = {c: sum(v.values()) for c, v in by_cluster.items()}
    size_l = {l: sum(v.values()) for l, v in by_label.items()}
    # B-cubed: each item's precision = share of its cluster with its label, recall = share of
    # its label in its cluster
    bp = sum(k * k / size_c[c] for (c, l), k in table.items()) / n
    br = sum(k * k / size_l[l] for (c, l), k in table.items()) / n

    def pairs(x: float) -> float:
        return x * (x - 1) / 2
    index = sum(pairs(k) for k in table.values())
    a = sum(pairs(k) for k in size_c.values())
    b = sum(pairs(k) for k in size_l.values())
    expected = a * b / pairs(n) if n > 1 else 0.0
    top = (a + b) / 2 - expected
    ari = (index - expected) / top if top else 1.0
    return {"articles": n, "labels": len(size_l), "stories": len(size_c), "purity": purity,
            "inverse_purity": inverse, "F": 2 * purity * inverse / (purity + inverse),
            "ARI": ari, "B3_P": bp, "B3_R": br, "B3_F1": 2 * bp * br / (bp + br)}


def run(pile: list[tuple[object, str]]) -> tuple[dict[str, float], list, float]:
    from kerryview.stories import cluster_stories
    docs = [d for d, _ in pile]
    t = time.process_time()
    stories = cluster_stories(docs)
    seconds = time.process_time() - t
    story = {i: s.id for s in stories for i in s.document_ids}
    return scores([l for _, l in pile], [story[d.id] for d in docs]), stories, seconds


def _row(name: str, s: dict, seconds: float) -> str:
    return (f"| {name} | {s['articles']} | {s['labels']} | {s['stories']} | {s['purity']:.3f} | "
            f"{s['inverse_purity']:.3f} | {s['F']:.3f} | {s['ARI']:.3f} | {s['B3_P']:.3f} | "
            f"{s['B3_R']:.3f} | {s['B3_F1']:.3f} | {seconds:.1f} |")


HEADER = ("| pile | articles | labels | stories | purity | inv. purity | F | ARI | B³ P | B³ R "
          "| B³ F1 | CPU s |\n|---|---|---|---|---|---|---|---|---|---|---|---|")


def _named(stories, pile, k: int = 12) -> None:
    label = {d.id: l for d, l in pile}
    for s in stories[:k]:
        mix = Counter(label[i] for i in s.document_ids).most_common(3)
        print(f"- {s.name} ({len(s)} articles: " + ", ".join(f"{l} {c}" for l, c in mix) + ")")
    if len(stories) > k:
        rest = stories[k:]
        print(f"- … {len(rest)} more stories of {sum(len(s) for s in rest)} articles "
              f"(sizes {Counter(len(s) for s in rest).most_common(5)})")


# -- timing -----------------------------------------------------------------------------------
def child(size: int, with_dates: bool) -> None:
    """One timed size, in this process: prints its result as JSON."""
    pile = timeline17(with_dates) + ecbplus(with_dates)
    random.Random(SEED).shuffle(pile)
    pile = pile[:size]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    from kerryview.stories import cluster_stories
    t = time.process_time()
    stories = cluster_stories([d for d, _ in pile])
    seconds = time.process_time() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    import tracemalloc  # a second run, traced: the memory the clustering itself allocates
    tracemalloc.start()
    cluster_stories([d for d, _ in pile])
    traced = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(json.dumps({"size": len(pile), "seconds": seconds, "stories": len(stories),
                      "peak_mb": peak / 1024, "before_mb": before / 1024,
                      "traced_mb": traced / 2 ** 20}))


def timing(with_dates: bool) -> None:
    from growth import run_child, slope
    print("\n## Time and memory of cluster_stories (each size in its own process)\n")
    print("| articles | CPU s | stories | peak RSS MB (before clustering) | allocated by "
          "clustering, peak MB (tracemalloc) |\n|---|---|---|---|---|")
    points = []
    for size in SIZES:
        cmd = [sys.executable, __file__, "--child", str(size)] + (["--dates"] if with_dates else [])
        r = run_child(cmd, 1200)
        if r is None or "error" in r:
            print(f"| {size} | failed: {r} | | | |")
            continue
        points.append((r["size"], r["seconds"]))
        print(f"| {r['size']} | {r['seconds']:.2f} | {r['stories']} | "
              f"{r['peak_mb']:.0f} ({r['before_mb']:.0f}) | {r['traced_mb']:.1f} |")
    s = slope(points)
    print(f"\nGrowth exponent of the CPU time ({SIZES[0]:,}-{SIZES[-1]:,}): "
          f"{s:.2f}" if s is not None else "\nGrowth exponent: not enough points")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dates", action="store_true", help="publication dates stated (time proximity)")
    ap.add_argument("--skip-timing", action="store_true")
    ap.add_argument("--time-window", type=int, help="TIME_WINDOW_DAYS to measure (with --dates)")
    ap.add_argument("--sweep", action="store_true", help="scores for several link thresholds")
    ap.add_argument("--links", type=float, nargs="+", default=[0.15, 0.2, 0.25, 0.3, 0.35, 0.4])
    ap.add_argument("--story", type=float, nargs="+", default=[0.5])
    ap.add_argument("--powers", type=float, nargs="+", default=[1.0])
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.dates)
        return
    import kerryview.stories as ks
    if args.time_window is not None:
        ks.TIME_WINDOW_DAYS = args.time_window
    piles = {"Timeline17 dev (10 folders, 5 topics)": timeline17(args.dates),
             "ECB+ topics 1-35": ecbplus(args.dates)}
    piles["both together"] = piles["Timeline17 dev (10 folders, 5 topics)"] + piles["ECB+ topics 1-35"]
    print(f"# Story clustering (kerryview.stories): LINK_SIMILARITY {ks.LINK_SIMILARITY}, "
          f"ATTACH_SIMILARITY {ks.ATTACH_SIMILARITY}, MIN_STORY {ks.MIN_STORY}, "
          f"TIME_WINDOW_DAYS {ks.TIME_WINDOW_DAYS}, dates {'stated' if args.dates else 'not used'}\n")
    if args.sweep:
        print("| link | " + " | ".join(f"{n}: B³ F1 / ARI / stories" for n in piles) + " |")
        print("|---|" + "---|" * len(piles))
        import itertools
        for power, story, link in itertools.product(args.powers, args.story, args.links):
            ks.LINK_SIMILARITY, ks.IDF_POWER, ks.STORY_SIMILARITY = link, power, story
            cells = []
            for pile in piles.values():
                s, _, _ = run(pile)
                cells.append(f"{s['B3_F1']:.3f} / {s['ARI']:.3f} / {s['stories']}")
            print(f"| {power} {story} {link} | " + " | ".join(cells) + " |")
        return
    print(HEADER)
    results = {}
    for name, pile in piles.items():
        s, stories, seconds = run(pile)
        results[name] = (stories, pile)
        print(_row(name, s, seconds))
    for name, (stories, pile) in results.items():
        print(f"\n### {name}: the largest stories\n")
        _named(stories, pile)
    if not args.skip_timing:
        timing(args.dates)


if __name__ == "__main__":
    main()
