"""The speed-up of the per-article stages (read dates, find events: kerryview.parallel) on worker
processes against one process, with the CPU time each worker spent and the machine's load.

A pile of Timeline17 articles with date lines (benchmarks/incremental.py make_pile) is read once;
then the per-article stages run serially in this process, then on `--workers` processes (a
process pool; `--dask` for a local Dask cluster instead). Wall-clock speed-up means something
only on an idle machine: the load average is printed before and after, and the CPU times show
the overhead whatever the load (the workers' CPU against the serial CPU; a 1.7 speed-up on 2
cores needs the workers' total within 2/1.7 = 1.18 of the serial CPU, this process's share
included).

    .venv/bin/python benchmarks/workers.py --articles 2000 --workers 2
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from incremental import DATA, make_pile  # noqa: E402

from kerryview.parallel import LOCAL, analyse_documents  # noqa: E402
from kerryview.pipeline import read_documents  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _descendants(pid: int) -> list[int]:
    """Child processes, and theirs (a Dask nanny's worker), from /proc (Linux)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{p}/task")
        except OSError:
            continue
        for t in tasks:
            try:
                kids = Path(f"/proc/{p}/task/{t}/children").read_text().split()
            except OSError:
                continue
            for k in kids:
                out.append(int(k))
                todo.append(int(k))
    return out


def _cpu_of(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime


class WorkerClock:
    """Samples the CPU time of every descendant process while the work runs (a process's last
    sample before it ends is its CPU time)."""

    def __init__(self) -> None:
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            for pid in _descendants(os.getpid()):
                c = _cpu_of(pid)
                if c is not None:
                    self.cpu[pid] = max(c, self.cpu.get(pid, 0.0))

    def __enter__(self) -> WorkerClock:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--dask", action="store_true", help="a local Dask cluster, not the pool")
    ap.add_argument("--start", choices=("fork", "forkserver", "spawn"), default=None,
                    help="how pool workers start (default: as the command line starts them; "
                         "this benchmark's sampling thread must not make it the app's way)")
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = make_pile(Path(tmp) / "pile", args.articles, args.data)
        docs, _ = read_documents(files)
    import multiprocessing

    import kerryview.parallel as parallel
    start = args.start or parallel.pool_context().get_start_method()  # no thread runs yet
    context = multiprocessing.get_context(start)
    if start == "forkserver":
        context.set_forkserver_preload(list(parallel.PRELOAD))
    parallel.pool_context = lambda: context
    load0 = os.getloadavg()
    t0, c0 = time.perf_counter(), time.process_time()
    serial_results = list(analyse_documents(docs))
    serial, serial_cpu = time.perf_counter() - t0, time.process_time() - c0
    assert len(serial_results) == len(docs)
    how = "a local Dask cluster" if args.dask else f"a process pool ({start})"
    t0, c0, k0 = time.perf_counter(), time.process_time(), _children_cpu()
    with WorkerClock() as clock:
        results = list(analyse_documents(docs, workers=args.workers,
                                         scheduler=LOCAL if args.dask else None))
    parallel = time.perf_counter() - t0
    here = time.process_time() - c0
    kids = max(_children_cpu() - k0, sum(clock.cpu.values()))  # exited workers not yet reaped
    assert len(results) == len(docs)
    load1 = os.getloadavg()
    per_worker = ", ".join(f"{c:.2f}" for c in sorted(clock.cpu.values(), reverse=True))
    total = here + kids
    print(f"per-article stages, {len(docs)} articles, --workers {args.workers} on {how}")
    print(f"  serial: {serial:.2f} s wall, {serial_cpu:.2f} s CPU")
    print(f"  parallel: {parallel:.2f} s wall; CPU {here:.2f} s here + {kids:.2f} s in worker "
          f"processes (each, sampled: {per_worker}) = {total:.2f} s, "
          f"{total / serial_cpu:.2f}x the serial CPU")
    print(f"  speed-up {serial / parallel:.2f} wall; at most "
          f"{serial_cpu / max(total / args.workers, here):.2f} on {args.workers} idle cores "
          f"from the CPU times")
    print(f"  load average {load0[0]:.2f} before, {load1[0]:.2f} after, on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
