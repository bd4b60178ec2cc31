"""What adding a few articles to a large project costs, against importing everything, and the
speed-up of the per-article stages on worker processes.

A pile of N real articles from Timeline17 (../shared/data/timeline17, every story folder), each
with a date line written from published.tsv (so dating is the date lines', as in a pile of
wire copy); past the 2,626 real articles, copies with their dates shifted by whole years and a
line naming the copy. Prints CPU time (time.process_time, this process) and wall time: on a
busy machine the wall times are noisy, the CPU times less so.

    .venv/bin/python benchmarks/incremental.py --articles 1000 --add 10
    .venv/bin/python benchmarks/incremental.py --articles 10000 --add 10 --remove 1 \
        --skip-full --project /tmp/p10000.db    # built once, copied for every later trial
    .venv/bin/python benchmarks/incremental.py --articles 1011 --add 10 --undated-wire \
        --folders H1N1_bbc H1N1_guardian bpoil_bbc bpoil_foxnews MJ_bbc H1N1_reuters
        # wire copy: 14 stored and 2 added articles date only by a year-less dateline
    .venv/bin/python benchmarks/incremental.py --articles 600 --workers 2 --only-workers
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Sequence

from kerryview.pipeline import StoredResult, import_into_store, read_documents, remove_documents
from kerryview.incremental.merge import with_project_weights
from kerryview.store import Store

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "timeline17"


HELD_OUT = ("bpoil_reuters",)  # our own held-out half: never in a pile given by --folders


def _sources(data: Path, folders: Sequence[str] | None = None) -> list[tuple[Path, str]]:
    out = []
    for story in sorted(p for p in data.iterdir() if (p / "published.tsv").is_file()
                        and (folders is None or p.name in folders)):
        published = dict(line.rstrip("\n").split("\t")[:2] for line in
                         (story / "published.tsv").read_text(encoding="utf-8").splitlines()
                         if "\t" in line)
        for article in sorted((story / "articles").glob("*.txt")):
            if article.stem in published:
                out.append((article, published[article.stem]))
    return out


def make_pile(folder: Path, n: int, data: Path = DATA, folders: Sequence[str] | None = None,
              undated_wire: bool = False) -> list[Path]:
    """n article files with date lines (copies past the real ones, dates shifted by years);
    `folders`: of these story folders only, in this order; `undated_wire`: the articles that
    open with a year-less wire dateline ("WASHINGTON, May 8 (Reuters) -") are written without
    their date line, as wire copy comes (their year is inferred)."""
    from kerryview.dating.datelines import yearless_dateline
    sources = _sources(data, folders)
    if folders is not None:
        sources.sort(key=lambda s: list(folders).index(s[0].parent.parent.name))
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(n):
        article, day = sources[i % len(sources)]
        copy = i // len(sources)
        year = int(day[:4]) + copy
        text = article.read_text(encoding="utf-8")
        note = f"\n\n(Archive copy {copy}.)\n" if copy else ""
        path = folder / f"{i:05d}-{article.parent.parent.name}-{article.stem}.txt"
        line = f"date {year}{day[4:]}\n\n"
        if undated_wire and yearless_dateline(text):
            line = ""
        path.write_text(f"{line}{text}{note}", encoding="utf-8")
        files.append(path)
    return files


def _how(result) -> str:
    """How an import resolved: incrementally (with how much merged again) or in full."""
    return (f"incremental, {result.reclustered:,} mentions merged again"
            if isinstance(result, StoredResult) else "the whole corpus resolved")


class Clock:
    """CPU and wall time of a block, and the stages it went through (from progress)."""

    def __init__(self) -> None:
        self.stages: list[tuple[str, float]] = []

    def progress(self, done: int, total: int, what: str) -> None:
        stage = what.split(":")[0].split(" in ")[0]
        stage = "Reading" if stage.startswith("Reading ") and "dates" not in stage else stage
        if not self.stages or self.stages[-1][0] != stage:
            self.stages.append((stage, time.perf_counter()))

    def __enter__(self) -> "Clock":
        self.cpu, self.wall = time.process_time(), time.perf_counter()
        return self

    def __exit__(self, *exc) -> None:
        self.cpu = time.process_time() - self.cpu
        end = time.perf_counter()
        self.stages.append(("saved", end))
        self.wall = end - self.wall

    def breakdown(self) -> str:
        parts = [f"{a} {b_t - a_t:.2f}" for (a, a_t), (_, b_t) in
                 zip(self.stages, self.stages[1:])]
        return "; ".join(parts)


def _event_keys(events) -> set[tuple]:
    """What a reader sees of each event: its passages, date, label and sources."""
    return {(e.id, e.start, e.end, e.label, e.status, tuple(e.conflicts),
             tuple(sorted(e.document_ids))) for e in events}


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def measure_workers(files: list[Path], workers: int) -> None:
    """The per-article stages (tag, find mentions) over the pile: serial, then on `workers`."""
    from kerryview.parallel import analyse_documents

    docs, _ = read_documents(files)
    t0, c0 = time.perf_counter(), time.process_time()
    list(analyse_documents(docs))
    serial, serial_cpu = time.perf_counter() - t0, time.process_time() - c0
    t0, c0, k0 = time.perf_counter(), time.process_time(), _children_cpu()
    list(analyse_documents(docs, workers=workers))
    parallel = time.perf_counter() - t0
    cpu, kids = time.process_time() - c0, _children_cpu() - k0
    how = "process pool"  # kerryview.parallel: local workers; benchmarks/workers.py: --dask
    print(f"per-article stages, {len(docs)} articles: serial {serial:.2f} s wall "
          f"({serial_cpu:.2f} s CPU); --workers {workers} ({how}, start-up included) "
          f"{parallel:.2f} s wall ({cpu:.2f} s CPU here, {kids:.2f} s in worker processes): "
          f"speed-up {serial / parallel:.2f}")
    print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000, help="articles in the project")
    ap.add_argument("--add", type=int, default=10, help="articles added to it")
    ap.add_argument("--workers", type=int, default=0,
                    help="also measure the per-article stages on this many processes")
    ap.add_argument("--skip-full", action="store_true",
                    help="skip the full import of all articles (the comparison)")
    ap.add_argument("--only-workers", action="store_true",
                    help="only measure the per-article stages serial vs --workers")
    ap.add_argument("--remove", type=int, default=0,
                    help="also remove this many articles (the first ones) from the project")
    ap.add_argument("--project", type=Path,
                    help="keep the project of --articles here: built if missing, else copied")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--folders", nargs="+", help="the pile from these Timeline17 folders, in "
                    "this order (development ones only)")
    ap.add_argument("--undated-wire", action="store_true",
                    help="the articles that open with a year-less wire dateline come without "
                    "their date line (their year is inferred)")
    args = ap.parse_args()
    if args.folders and set(args.folders) & set(HELD_OUT):
        sys.exit(f"held out: {', '.join(HELD_OUT)}")
    if not args.data.is_dir():
        sys.exit(f"no Timeline17 data at {args.data}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        files = make_pile(tmp / "pile", args.articles + args.add, args.data, args.folders,
                          args.undated_wire)
        base, extra = files[:args.articles], files[args.articles:]
        if args.workers:
            measure_workers(files[:min(len(files), 600)], args.workers)
        if args.only_workers:
            return
        if not args.skip_full:
            with Clock() as full:
                import_into_store(Store(tmp / "full.db"), files, full.progress)
            print(f"full import of {len(files)} articles: {full.cpu:.2f} s CPU, "
                  f"{full.wall:.2f} s wall ({full.breakdown()})")
        full_events = None
        if not args.skip_full:
            full_events = _event_keys(Store(tmp / "full.db").events())
        project = tmp / "project.db"
        if args.project and args.project.is_file():
            shutil.copy(args.project, project)
            print(f"project of {len(base)} articles copied from {args.project}")
        else:
            store = Store(project)
            with Clock() as first:
                import_into_store(store, base, first.progress)
            print(f"project of {len(base)} articles imported: {first.cpu:.2f} s CPU, "
                  f"{first.wall:.2f} s wall")
            store.close()
            if args.project:
                shutil.copy(project, args.project)
        store = Store(project)  # as the app opens it again
        with Clock() as added:
            result = import_into_store(store, extra, added.progress)
        how = _how(result)
        print(f"adding {len(extra)} articles to it: {added.cpu:.2f} s CPU, {added.wall:.2f} s "
              f"wall ({how}; {added.breakdown()})")
        with Clock() as shown:
            events = result.events
        print(f"  then reading its {len(events):,} events back (what the app shows): "
              f"{shown.cpu:.2f} s CPU")
        if full_events is not None:
            mine = _event_keys(events)
            print(f"  against the full import of all {len(files)} (its word weights fitted "
                  f"again): {len(mine & full_events):,} events the same, "
                  f"{len(mine - full_events):,} only here, {len(full_events - mine):,} only there")
            same = _event_keys(with_project_weights(store))
            print(f"  against a full merge with the project's word weights: {len(mine & same):,} "
                  f"events the same, {len(mine - same):,} only here, {len(same - mine):,} "
                  f"only there")
        if args.remove:
            gone = [d for d, in store.conn.execute(
                "SELECT id FROM documents ORDER BY added LIMIT ?", [args.remove])]
            with Clock() as removed:
                result = remove_documents(store, gone, removed.progress)
            how = _how(result)
            print(f"removing {len(gone)} article(s): {removed.cpu:.2f} s CPU, "
                  f"{removed.wall:.2f} s wall ({how})")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory of this process {peak:.0f} MB; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        shutil.rmtree(tmp / "pile", ignore_errors=True)


if __name__ == "__main__":
    main()
