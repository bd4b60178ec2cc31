"""Background jobs (import, load the stored corpus, export) on a worker QThread, one at a time,
so the window never freezes.

A job is an object: `run(store, progress, cancelled) -> T` is the work, done in the worker thread
on the worker's own Store over the same SQLite file (a sqlite3 connection belongs to the thread
that made it); the caller hands `JobRunner.submit` a handler for the T it returns, called on the
main thread. The type of a job says what it is (`isinstance(job, ExportJob)`), and its class says
how the window shows it running (busy_text, cancellable).

With an in-memory Store there is no file for a second connection, so the runner runs the job at
once on the main thread in that Store (small by nature: the self-test, the screenshot script).
"""
from __future__ import annotations

import inspect
import threading
import traceback
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Generic, Sequence, TypeVar

from PySide6.QtCore import QObject, QThread, Signal, Slot

from kerryview.gcpause import gc_paused
from kerryview.gui.timeline.index import TimelineIndex
from kerryview.gui.timeline.layout import prepare_overview
from kerryview.model import Document, Event
from kerryview.store import Store

if TYPE_CHECKING:
    from kerryview.pipeline import ImportResult

T = TypeVar("T")
Progress = Callable[[int, int, str], None]
IsCancelled = Callable[[], bool]
ImportFn = Callable[..., "ImportResult"]  # import_into_store(store, paths, progress=, cancelled=)


def default_import_fn() -> ImportFn:
    from kerryview.pipeline import import_into_store  # the pipeline loads only when first needed
    return import_into_store


def _is_cancelled(exc: BaseException) -> bool:
    """The import pipeline and the exporters each raise their own exception on cancel."""
    from kerryview.export import ExportCancelled
    from kerryview.pipeline import Cancelled
    return isinstance(exc, (Cancelled, ExportCancelled))


class Job(ABC, Generic[T]):
    """Work for the worker thread; raise the pipeline's Cancelled or ExportCancelled when
    `cancelled()` turns true (nothing may have changed then)."""

    busy_text: ClassVar[str] = "Working…"
    cancellable: ClassVar[bool] = True
    what: ClassVar[str] = "job"  # in sentences to the user: "the import did not stop…"

    @abstractmethod
    def run(self, store: Store, progress: Progress, cancelled: IsCancelled) -> T:
        """Runs in the worker thread; `store` is the worker's own connection."""

    def publish(self, partial: object) -> None:
        """A result so far, for the window to show while the job runs (JobRunner.partial);
        the runner replaces this with its signal's emit."""


@dataclass
class Corpus:
    """What the window shows: the documents and the events sorted into a TimelineIndex, built
    in the worker because sorting and parsing the dates of a big corpus takes seconds.
    `documents` is None while they are still being read (LoadJob: the events come first)."""

    documents: list[Document] | None
    index: TimelineIndex

    @classmethod
    def of(cls, documents: Sequence[Document], events: Sequence[Event]) -> Corpus:
        return cls(list(documents), TimelineIndex(events))


@dataclass
class Imported:
    result: ImportResult  # what was added and which files could not be read
    corpus: Corpus


def _takes(fn: Callable, name: str) -> bool:
    """Whether `fn` takes the keyword `name` (a test's stand-in for the pipeline may not)."""
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    return name in params or any(p.kind is p.VAR_KEYWORD for p in params.values())


@dataclass
class ImportJob(Job[Imported]):
    """Add files to the corpus; with no paths, resolve the stored documents again.

    With `shown` (what the window shows now), the events of the articles tagged so far are
    published as they are stored (kerryview.gui.provisional.Preview) on top of it. `workers`:
    processes for the per-article stages (kerryview.parallel); 1 tags in this thread."""

    paths: list[str]
    import_fn: ImportFn
    shown: Corpus | None = None
    workers: int = 1
    busy_text: ClassVar[str] = "Importing…"
    what: ClassVar[str] = "import"

    def run(self, store: Store, progress: Progress, cancelled: IsCancelled) -> Imported:
        options: dict[str, Any] = {}
        if self.shown is not None and _takes(self.import_fn, "analysed"):
            from kerryview.cancellation import Cancellation
            from kerryview.gui.provisional import ProvisionalTimeline
            options["analysed"] = ProvisionalTimeline(
                self.shown.documents, self.shown.index, self.publish,
                Cancellation(cancelled), progress=progress).add
        if self.workers > 1 and _takes(self.import_fn, "workers"):
            options["workers"] = self.workers
        result = self.import_fn(store, self.paths, progress=progress, cancelled=cancelled,
                                **options)
        progress(0, 0, f"Laying out {len(result.events):,} events")
        corpus = Corpus.of(result.documents, result.events)
        prepare_overview(corpus.index)
        return Imported(result, corpus)


@dataclass
class LoadJob(Job[Corpus]):
    """Read the stored events and lay them out (a big corpus takes seconds), without the
    documents (Corpus.documents None): the timeline needs none of them, so the window paints
    it first and reads them next (LoadDocumentsJob) for the other views."""

    busy_text: ClassVar[str] = "Loading the corpus…"
    what: ClassVar[str] = "loading of the corpus"
    cancellable: ClassVar[bool] = False

    def run(self, store: Store, progress: Progress, cancelled: IsCancelled) -> Corpus:
        progress(0, 0, "Loading the corpus…")
        with gc_paused():  # hundreds of thousands of objects, no cycles (kerryview.gcpause)
            index = TimelineIndex(store.events(passages=False))
        prepare_overview(index)
        return Corpus(None, index)


@dataclass
class LoadDocumentsJob(Job[list[Document]]):
    """Read the stored documents (after LoadJob's events are shown)."""

    busy_text: ClassVar[str] = "Loading the corpus…"
    what: ClassVar[str] = "loading of the corpus"
    cancellable: ClassVar[bool] = False

    def run(self, store: Store, progress: Progress, cancelled: IsCancelled) -> list[Document]:
        with gc_paused():
            return store.documents()


@dataclass
class ExportResult:
    path: str
    fmt: str
    count: int


@dataclass
class ExportJob(Job[ExportResult]):
    """Write the export file (100,000 events take seconds); never half a file."""

    path: str
    fmt: str
    documents: list[Document]
    events: list[Event]
    title: str | None = None  # the timeline's title (default: kerryview.export.project_title)
    busy_text: ClassVar[str] = "Exporting…"
    what: ClassVar[str] = "export"

    def run(self, store: Store, progress: Progress, cancelled: IsCancelled) -> ExportResult:
        from kerryview.export import export_file
        export_file(self.path, self.fmt, self.documents, self.events, progress, cancelled,
                    title=self.title)
        return ExportResult(self.path, self.fmt, len(self.events))


def _failure_text(exc: BaseException) -> str:
    """First line: what went wrong, for the status bar; then the traceback, for the problems list."""
    return ("".join(traceback.format_exception_only(type(exc), exc)).strip()
            + "\n\n" + traceback.format_exc())


class _Worker(QObject):
    progress = Signal(int, int, str)
    partial = Signal(object)
    done = Signal(object)
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, db_path: Path, job: Job, flag: threading.Event) -> None:
        super().__init__()
        self.db_path = db_path
        self.job = job
        self.flag = flag
        job.publish = self.partial.emit  # type: ignore[method-assign]

    @Slot()
    def run(self) -> None:
        store = None
        try:
            store = Store(self.db_path, defer_cache_check=True)  # imports check the caches
            result = self.job.run(store, self._progress, self.flag.is_set)
        except Exception as exc:  # noqa: BLE001 - everything goes back to the window
            if _is_cancelled(exc):
                self.cancelled.emit()
            else:
                self.failed.emit(_failure_text(exc))
        else:
            self.done.emit(result)
        finally:
            if store is not None:
                store.close()
            # end the thread's event loop from here, so that wait() in the main thread
            # returns even before the main thread handles the signals above (closing mid-import)
            self.thread().quit()

    def _progress(self, done: int, total: int, what: str) -> None:
        self.progress.emit(int(done), int(total), str(what))


class JobRunner(QObject):
    """Runs one job at a time. Signals: busyChanged(bool), progress(done, total, text),
    partial(job, result so far) (Job.publish), and when a job ends, after its handler ran:
    finished(job, result), cancelled(job) or failed(job, message)."""

    busyChanged = Signal(bool)
    progress = Signal(int, int, str)
    partial = Signal(object, object)
    finished = Signal(object, object)
    cancelled = Signal(object)
    failed = Signal(object, str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store  # used directly only when it is in memory
        self.db_path = Path(store.path) if store.path is not None else None
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._job: Job | None = None
        self._on_done: Callable[[Any], None] | None = None
        self._flag = threading.Event()

    def is_busy(self) -> bool:
        return self._job is not None

    def current(self) -> Job | None:
        """The job running now, if any."""
        return self._job

    def submit(self, job: Job[T], on_done: Callable[[T], None]) -> bool:
        """Start `job` unless one is running; `on_done(result)` is called on the main thread."""
        if self.is_busy():
            return False
        self._flag = threading.Event()
        self._job, self._on_done = job, on_done
        self.busyChanged.emit(True)
        if self.db_path is None:
            self._run_here(job)
            return True
        thread = QThread()
        thread.setObjectName("kerryview-job")
        worker = _Worker(self.db_path, job, self._flag)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self.progress)
        worker.partial.connect(self._partial)
        worker.done.connect(self._done)
        worker.cancelled.connect(self._cancelled)
        worker.failed.connect(self._failed)
        self._thread, self._worker = thread, worker
        thread.start()
        return True

    def _partial(self, payload: object) -> None:
        if self._job is not None:
            self.partial.emit(self._job, payload)

    def _run_here(self, job: Job) -> None:
        job.publish = self._partial  # type: ignore[method-assign]
        try:
            result = job.run(self._store, self.progress.emit, self._flag.is_set)
        except Exception as exc:  # noqa: BLE001 - reported like a worker's failure
            if _is_cancelled(exc):
                self._cancelled()
            else:
                self._failed(_failure_text(exc))
        else:
            self._done(result)

    def cancel(self) -> None:
        self._flag.set()

    def wait(self, ms: int = 30000) -> bool:
        if self._thread is None:
            return True
        return self._thread.wait(ms)

    def _finish(self) -> tuple[Job, Callable[[Any], None]]:
        job, on_done = self._job, self._on_done
        thread, worker = self._thread, self._worker
        self._thread = self._worker = self._job = self._on_done = None
        if thread is not None:
            thread.quit()
            thread.wait()
            worker.deleteLater()
            thread.deleteLater()
        self.busyChanged.emit(False)
        return job, on_done

    def _done(self, result: object) -> None:
        job, on_done = self._finish()
        on_done(result)
        self.finished.emit(job, result)

    def _cancelled(self) -> None:
        job, _ = self._finish()
        self.cancelled.emit(job)

    def _failed(self, message: str) -> None:
        job, _ = self._finish()
        self.failed.emit(job, message)
