"""Run the per-article stages (kerryview.analysis.analyse) on many articles at once.

They are a pure function of the article, so they spread over processes: on this machine's cores
on a concurrent.futures process pool (`workers`), or on a Dask cluster (the optional extra
`kerryview[dask]`) given its scheduler address, or "local" for a Dask cluster of `workers`
processes here; one worker runs them in this process. Results come back as they complete, so the
import stores them in batches while the rest are still being tagged.

On one machine the process pool, not a local Dask cluster, is the default: on an idle 2-core
machine, 1,000 Timeline17 articles on 2 workers cost the pool 1.08x the serial CPU (a speed-up
of 1.78) and a local Dask cluster 1.29x (its scheduler here, a nanny beside each worker, their
start-up and heartbeats; 1.47); README, Benchmarks. Pool workers are forked where that is
safe (Linux, a process with no other thread: the CLI), so they start with the tagger already
imported; from the app's worker thread they fork from a server process that imported it once
(forkserver); elsewhere they are spawned.

Articles travel to the workers as read documents (their text), not as paths: a cluster's
workers need not see this machine's files, only have the same kerryview installed. A result
made by another kerryview (its analysis version differs) is not trusted: the import tags that
article itself.
"""
from __future__ import annotations

import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import Iterator, Sequence

from kerryview.cancellation import NEVER, Cancellation
from kerryview.model import Document

CHUNK_ARTICLES = 8  # articles per task: tens of milliseconds of work, so Cancel answers soon
POLL_S = 0.1  # how often a wait for results checks Cancel
LOCAL = "local"  # the scheduler "address" of a Dask cluster started here
# What a forkserver imports once for every pool worker it forks (the tagger's rules and words).
PRELOAD = ("kerryview.parallel", "kerryview.analysis", "kerryview.timex.recognize",
           "kerryview.timex.anchor", "kerryview.events.mentions", "kerryview.dating.inference")


@dataclass(frozen=True)
class Failed:
    """A per-article stage raised for this article (told by type and message: an exception
    object from another process may not unpickle here)."""

    error: str


def dask_available() -> bool:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def _analyse_chunk(docs: list[Document]) -> list:
    """In a worker: each article's Analysis in its stored form (kerryview.analysis.to_json:
    strings travel back for a tenth of what pickled dataclasses cost the receiving process,
    which shares the cores with the workers), or Failed."""
    from kerryview.analysis import analyse, to_json

    out = []
    for d in docs:
        try:
            out.append(to_json(analyse(d)))
        except Exception as e:  # noqa: BLE001 - one article's fault is that article's
            out.append(Failed(f"{type(e).__name__}: {e}"))
    return out


def _received(results: list) -> list:
    """A worker's results as Analysis objects (or Failed) again."""
    from kerryview.analysis import from_json

    return [from_json(**r) if isinstance(r, dict) else r for r in results]


def _chunks(docs: Sequence[Document], size: int) -> list[list[Document]]:
    return [list(docs[i:i + size]) for i in range(0, len(docs), size)]


def analyse_documents(docs: Sequence[Document], *, workers: int | None = None,
                      scheduler=None, cancel: Cancellation = NEVER
                      ) -> Iterator[tuple[Document, object]]:
    """(document, Analysis or Failed) for every document, in the order they complete.

    `scheduler`: a Dask scheduler address ("tcp://host:8786"), a distributed.Client, or
    "local" (a Dask cluster of `workers` processes on this machine).
    `workers`: processes on this machine (a process pool); None or 1 runs here.
    Cancelled raised from the caller's `cancel` stops the remaining work."""
    if not docs:
        return
    if scheduler is not None:
        yield from _on_dask(docs, workers, None if scheduler == LOCAL else scheduler, cancel)
    elif workers and workers > 1 and len(docs) > 1:
        yield from _on_process_pool(docs, workers, cancel)
    else:
        yield from _here(docs, cancel)


def _here(docs: Sequence[Document], cancel: Cancellation) -> Iterator[tuple[Document, object]]:
    from kerryview.analysis import analyse
    from kerryview.cancellation import Cancelled

    for d in docs:
        cancel.check()
        try:
            yield d, analyse(d, cancel)
        except Cancelled:
            raise
        except Exception as e:  # noqa: BLE001
            yield d, Failed(f"{type(e).__name__}: {e}")


def pool_context():
    """How pool workers start (see the module docstring): fork only where no other thread may
    hold a lock the child would inherit."""
    import multiprocessing
    import sys
    import threading

    if not sys.platform.startswith("linux"):
        return multiprocessing.get_context("spawn")
    if threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(list(PRELOAD))
    return ctx


def _on_process_pool(docs: Sequence[Document], workers: int, cancel: Cancellation
                     ) -> Iterator[tuple[Document, object]]:
    import gc

    context = pool_context()
    forked = context.get_start_method() == "fork"
    pool = ProcessPoolExecutor(workers, mp_context=context)
    finished = False
    try:
        if forked:  # (the workers fork at the first submit) their garbage collector then never
            gc.freeze()  # walks this process's objects, which would copy every page it touches
        try:
            pending = {pool.submit(_analyse_chunk, chunk): chunk
                       for chunk in _chunks(docs, CHUNK_ARTICLES)}
        finally:
            if forked:
                gc.unfreeze()
        while pending:
            cancel.check()
            done, _ = wait(pending, timeout=POLL_S, return_when=FIRST_COMPLETED)
            for fut in done:
                chunk = pending.pop(fut)
                yield from zip(chunk, _received(fut.result()))
        finished = True
    finally:
        # all done: the idle workers exit at once; cancelled: do not wait for running ones
        pool.shutdown(wait=finished, cancel_futures=True)


def _on_dask(docs: Sequence[Document], workers: int | None, scheduler, cancel: Cancellation
             ) -> Iterator[tuple[Document, object]]:
    from distributed import Client, LocalCluster, as_completed

    own: list = []
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        own.append(cluster)
        client = Client(cluster)
        own.insert(0, client)
    elif isinstance(scheduler, Client):
        client = scheduler
    else:
        client = Client(scheduler)
        own.append(client)
    futures = []
    try:
        chunks = _chunks(docs, CHUNK_ARTICLES)
        futures = client.map(_analyse_chunk, chunks, pure=False)
        chunk_of = {f.key: c for f, c in zip(futures, chunks)}
        ready = as_completed(futures)
        while not ready.is_empty():
            cancel.check()
            batch = ready.next_batch(block=False)
            if not batch:
                time.sleep(POLL_S / 5)
                continue
            for fut in batch:
                results = _received(fut.result())
                yield from zip(chunk_of[fut.key], results)
    finally:
        if futures:
            client.cancel(futures)
        for thing in own:
            thing.close()
