"""Events far outside their story's years: how many a pile's project holds, and how they were dated.

A project is built from a Timeline17 development folder's articles alone, without published.tsv
(as an analyst's pile comes: most articles are dated by inference, some stay undated):

    .venv/bin/kerryview-cli extract --db /tmp/P-H1N1_bbc.kvproj ../shared/data/timeline17/H1N1_bbc/articles
    (from a worktree: PYTHONPATH=$PWD .venv/bin/python -m kerryview extract --db ... )

For each folder, the story's year is the median of its published.tsv years (used here only to
measure); an event is outside when its start year is more than --years from it. "derived" counts
the outside events whose time expression was counted from another date (anchor kind "narrative"
or "dct": "in May", "yesterday", "two years later"), the rest wrote their year out ("in 1918");
"in undated" counts those all of whose passages lie in articles left without a publication date.
bpoil_reuters is held out: never pass it.

    python3 benchmarks/years_outside.py --prefix /tmp/P- [--years 2] [--folders ...]
"""
from __future__ import annotations

import argparse
import re
import sqlite3
import statistics
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
T17 = ROOT.parent / "shared" / "data" / "timeline17"
DEV = ("Finan_washingtonpost", "H1N1_bbc", "H1N1_guardian", "H1N1_reuters", "MJ_bbc", "bpoil_bbc",
       "bpoil_foxnews", "bpoil_guardian", "bpoil_washingtonpost", "haiti_bbc")
HELD_OUT = ("bpoil_reuters",)


def story_year(folder: str, data: Path) -> float:
    lines = (data / folder / "published.tsv").read_text(encoding="utf-8").splitlines()
    return statistics.median(int(m.group(1)) for line in lines if (m := re.match(r"\S+\t(\d{4})", line)))


def measure(db_path: str, year: float, span: int) -> dict[str, int]:
    db = sqlite3.connect(db_path)
    events = db.execute("SELECT id, start FROM events WHERE start IS NOT NULL AND start != ''").fetchall()
    out = {"events": len(events), "outside": 0, "derived": 0, "in undated": 0}
    for event_id, start in events:
        if abs(int(start[:4]) - year) <= span:
            continue
        out["outside"] += 1
        rows = db.execute("SELECT m.timex_anchor_kind, d.dct FROM mentions m JOIN documents d ON d.id = m.document_id"
                          " WHERE m.event_id = ?", (event_id,)).fetchall()
        out["derived"] += any(kind in ("narrative", "dct") for kind, _ in rows)
        out["in undated"] += bool(rows) and all(not dct for _, dct in rows)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--prefix", required=True, help="project paths are PREFIX + folder + .kvproj")
    ap.add_argument("--folders", nargs="+", default=list(DEV))
    ap.add_argument("--years", type=int, default=2, help="how far from the story's median year is outside")
    ap.add_argument("--data", type=Path, default=T17)
    args = ap.parse_args()
    total: dict[str, int] = {}
    print("| folder | story year | events | outside | derived | in undated |")
    print("|---|---|---|---|---|---|")
    for folder in args.folders:
        if folder in HELD_OUT:
            raise SystemExit(f"{folder} is held out")
        year = story_year(folder, args.data)
        row = measure(f"{args.prefix}{folder}.kvproj", year, args.years)
        for k, v in row.items():
            total[k] = total.get(k, 0) + v
        print(f"| {folder} | {year:.0f} | {row['events']} | {row['outside']} | {row['derived']} | {row['in undated']} |")
    print(f"| **all** | | {total['events']} | {total['outside']} | {total['derived']} | {total['in undated']} |")


if __name__ == "__main__":
    main()
