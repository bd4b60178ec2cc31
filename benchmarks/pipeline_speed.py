"""How long the pipeline and the store take on the bundled corpus, and on a larger synthetic one.

Prints figures; asserts nothing. Run: .venv/bin/python benchmarks/pipeline_speed.py [--copies N]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from kerryview.bundled import bundled_corpus_paths
from kerryview.pipeline import build_corpus, import_into_store, read_documents
from kerryview.store import Store


def _best(fn, n=5):
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times), out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=20,
                    help="copies of the bundled corpus in the scaling run (shifted by weeks)")
    args = ap.parse_args()
    paths = bundled_corpus_paths()
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"bundled corpus: {len(paths)} articles, {words} words")

    best, med, (docs, _) = _best(lambda: read_documents(paths))
    print(f"read:                 best {best*1000:7.1f} ms  median {med*1000:7.1f} ms")
    best, med, events = _best(lambda: build_corpus(read_documents(paths)[0]))
    print(f"extract+resolve:      best {best*1000:7.1f} ms  median {med*1000:7.1f} ms "
          f"({len(events)} events)")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "c.db"
        best, med, _ = _best(lambda: import_into_store(Store(Path(tmp) / f"{time.time_ns()}.db"),
                                                       paths), n=3)
        print(f"import into new db:   best {best*1000:7.1f} ms  median {med*1000:7.1f} ms")
        import_into_store(Store(db), paths)
        best, med, evs = _best(lambda: Store(db).events())
        print(f"reopen (load events): best {best*1000:7.1f} ms  median {med*1000:7.1f} ms "
              f"({len(evs)} events)")

        # Scaling: N undated copies of the articles (ids differ; dates shift with the copies'
        # metadata line only where present), to see how resolution grows with corpus size.
        big = Path(tmp) / "big"
        big.mkdir()
        for i in range(args.copies):
            for p in paths:
                text = p.read_text(encoding="utf-8").replace("2023-07-18", f"20{10 + i % 13}-07-18")
                (big / f"{i:03d}_{p.name}").write_text(text + f"\n\n(copy {i})", encoding="utf-8")
        docs, _ = read_documents([big])
        t0 = time.perf_counter()
        events = build_corpus(docs)
        dt = time.perf_counter() - t0
        print(f"{len(docs)} articles ({words * args.copies} words): extract+resolve "
              f"{dt:.2f} s, {len(events)} events")


if __name__ == "__main__":
    main()
