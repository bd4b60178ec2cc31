"""What kerryview reads from the head of each article of the Timeline17 dev folders, as
read_document reads it: the share with a title (a headline), with a stated publication date (a
date line), and how many of those stated dates are the published.tsv day (or within a day).

    PYTHONPATH=$PWD .venv/bin/python benchmarks/heads.py                 # the 10 dev folders
    PYTHONPATH=$PWD .venv/bin/python benchmarks/heads.py bpoil_guardian --show 20   # titles seen

The held-out folder bpoil_reuters is not read unless named.
"""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from kerryview.ingest.reader import ReadError, read_document  # noqa: E402

T17 = HERE.parents[1] / "shared" / "data" / "timeline17"
DEV = ("Finan_washingtonpost", "H1N1_bbc", "H1N1_guardian", "H1N1_reuters", "MJ_bbc", "bpoil_bbc",
       "bpoil_foxnews", "bpoil_guardian", "bpoil_washingtonpost", "haiti_bbc")


def published(folder: Path) -> dict[str, date]:
    out = {}
    for line in (folder / "published.tsv").read_text("utf-8").splitlines():
        if line.strip():
            ident, day = line.split("\t")[:2]
            out[ident] = date.fromisoformat(day.strip())
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="*", default=list(DEV))
    ap.add_argument("--data", type=Path, default=T17)
    ap.add_argument("--show", type=int, default=0, help="print this many titles and date lines")
    args = ap.parse_args()
    print("| folder | articles | titled | stated | stated = published | within a day |")
    print("|---|---|---|---|---|---|")
    tot = [0] * 5
    for name in args.folders:
        folder = args.data / name
        pub = published(folder)
        n = titled = stated = exact = near = 0
        shown = 0
        for p in sorted((folder / "articles").glob("*.txt")):
            try:
                doc = read_document(p)
            except ReadError:
                continue  # an empty file: no article
            n += 1
            titled += doc.title is not None
            if doc.dateline is not None:
                stated += 1
                gold = pub.get(p.stem)
                if gold is not None:
                    exact += doc.dateline.value == gold
                    near += abs((doc.dateline.value - gold).days) <= 1
            if shown < args.show:
                shown += 1
                line = doc.dateline
                stamp = doc.text[line.start:line.end] if line else None
                print(f"  {p.stem}: title={doc.title!r} stamp={stamp!r} "
                      f"value={line.value if line else None} gold={pub.get(p.stem)}")
        for i, v in enumerate((n, titled, stated, exact, near)):
            tot[i] += v
        print(f"| {name} | {n} | {titled} ({titled / n:.0%}) | {stated} ({stated / n:.0%}) | "
              f"{exact} | {near} |")
    n, titled, stated, exact, near = tot
    print(f"| **all** | {n} | {titled} ({titled / n:.0%}) | {stated} ({stated / n:.0%}) | "
          f"{exact} | {near} |")


if __name__ == "__main__":
    main()
