"""Words per CPU-second of kerryview.timex.tag on the three development sets (all 1,009 documents).

    PYTHONPATH=$PWD nice .venv/bin/python benchmarks/timex_speed.py [--passes 5]

CPU time (time.process_time), best of N passes over every document of TBAQ, WikiWars 01-11 and
the tweets, so that other jobs on the machine count as little as they can. Run it with
PYTHONPATH set to another tree to compare two versions of the tagger on the same load.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tempeval as te  # noqa: E402

# tempeval puts this tree first on sys.path; the tagger measured is the one PYTHONPATH names
sys.path.remove(str(Path(__file__).resolve().parents[1]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--passes", type=int, default=5)
    args = ap.parse_args(argv)
    from kerryview.timex import tag
    docs = [d for es in te.SETS.values() for c in es.collections for d in te.load(c, "all")]
    words = sum(d.words for d in docs)
    tag("Warm-up on Monday, July 17, 2023, for nearly 12 hours.", None)
    best = float("inf")
    for _ in range(args.passes):
        t0 = time.process_time()
        for d in docs:
            tag(d.text, d.dct)
        best = min(best, time.process_time() - t0)
    import kerryview
    print(f"{kerryview.__file__}: {len(docs)} documents, {words:,} words, best of {args.passes}: "
          f"{best:.2f} CPU s = {words / best:,.0f} words per CPU-second")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
