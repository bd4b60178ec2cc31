"""Run the per-article stages (kerryview.analysis.analyse) on many articles at once.

They are a pure function of the article, so they spread over processes: with Dask (the optional
extra `kerryview[dask]`) on local worker processes or on a cluster given its scheduler address,
else on a concurrent.futures process pool, else (one worker) in this process. Results come back
as they complete, so the import stores them in batches while the rest are still being tagged.

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
    """In a worker: each article's Analysis, or Failed."""
    from kerryview.analysis import analyse

    out = []
    for d in docs:
        try:
            out.append(analyse(d))
        except Exception as e:  # noqa: BLE001 - one article's fault is that article's
            out.append(Failed(f"{type(e).__name__}: {e}"))
    return out


def _chunks(docs: Sequence[Document], size: int) -> list[list[Document]]:
    return [list(docs[i:i + size]) for i in range(0, len(docs), size)]


def analyse_documents(docs: Sequence[Document], *, workers: int | None = None,
                      scheduler=None, cancel: Cancellation = NEVER
                      ) -> Iterator[tuple[Document, object]]:
    """(document, Analysis or Failed) for every document, in the order they complete.

    `scheduler`: a Dask scheduler address ("tcp://host:8786") or a distributed.Client.
    `workers`: local processes (Dask's if installed, else a process pool); None or 1 runs here.
    Cancelled raised from the caller's `cancel` stops the remaining work."""
    if not docs:
        return
    if scheduler is not None:
        yield from _on_dask(docs, workers, scheduler, cancel)
    elif workers and workers > 1 and len(docs) > 1:
        if dask_available():
            yield from _on_dask(docs, workers, None, cancel)
        else:
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


def _on_process_pool(docs: Sequence[Document], workers: int, cancel: Cancellation
                     ) -> Iterator[tuple[Document, object]]:
    import multiprocessing

    # spawn, not fork: the GUI calls this from a thread, and a forked child of a threaded
    # process may inherit a held lock.
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    finished = False
    try:
        pending = {pool.submit(_analyse_chunk, chunk): chunk
                   for chunk in _chunks(docs, CHUNK_ARTICLES)}
        while pending:
            cancel.check()
            done, _ = wait(pending, timeout=POLL_S, return_when=FIRST_COMPLETED)
            for fut in done:
                chunk = pending.pop(fut)
                yield from zip(chunk, fut.result())
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
                results = fut.result()
                yield from zip(chunk_of[fut.key], results)
    finally:
        if futures:
            client.cancel(futures)
        for thing in own:
            thing.close()
