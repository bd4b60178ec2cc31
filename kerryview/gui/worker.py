"""Imports on a worker QThread, so the window never freezes.

The worker opens its own Store on the same SQLite file (a sqlite3 connection belongs to the
thread that made it), runs `import_into_store` with a progress callback and a cancel flag, and
reports back through queued signals. The main window reloads from its own Store afterwards.
"""
from __future__ import annotations

import threading
import traceback
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QObject, QThread, Signal, Slot

from kerryview.store import Store


def default_import_fn():
    from kerryview.pipeline import import_into_store
    return import_into_store


def _is_cancelled(exc: BaseException) -> bool:
    from kerryview.export import ExportCancelled
    try:
        from kerryview.pipeline import Cancelled
    except ImportError:  # pragma: no cover
        return isinstance(exc, ExportCancelled) or type(exc).__name__ == "Cancelled"
    return isinstance(exc, (Cancelled, ExportCancelled))


class LoadedCorpus:
    def __init__(self, documents, events) -> None:
        self.documents, self.events = documents, events


def load_corpus(store: Store, paths, progress=None, cancelled=None) -> LoadedCorpus:
    if progress:
        progress(0, 0, "Loading the corpus…")
    return LoadedCorpus(store.documents(), store.events())


class ExportResult:
    def __init__(self, path: str, fmt: str, count: int) -> None:
        self.path, self.fmt, self.count = path, fmt, count


def export_job(path: str, fmt: str, documents, events) -> Callable:
    """A job for ImportController.export: write the export file in the worker thread."""
    from kerryview.export import export_file

    def run(store, paths, progress=None, cancelled=None) -> ExportResult:
        export_file(path, fmt, documents, events, progress, cancelled)  # may raise ExportCancelled
        return ExportResult(path, fmt, len(events))
    return run


class _Worker(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, db_path: Path, paths: list[str], import_fn: Callable,
                 flag: threading.Event) -> None:
        super().__init__()
        self.db_path = db_path
        self.paths = paths
        self.import_fn = import_fn
        self.flag = flag

    @Slot()
    def run(self) -> None:
        store = None
        try:
            store = Store(self.db_path)
            result = self.import_fn(store, self.paths, progress=self._progress,
                                    cancelled=self.flag.is_set)
        except Exception as exc:  # noqa: BLE001 - everything goes back to the window
            if _is_cancelled(exc):
                self.cancelled.emit()
            else:
                self.failed.emit("".join(traceback.format_exception_only(type(exc), exc)).strip()
                                 + "\n\n" + traceback.format_exc())
        else:
            # sorting and parsing the dates of a big corpus is done here too, not in the window
            index = None
            events = getattr(result, "events", None)
            if events is not None:
                from kerryview.gui.timeline.index import TimelineIndex
                index = TimelineIndex(events)
            self.done.emit((result, index))
        finally:
            if store is not None:
                store.close()
            # end the thread's event loop from here, so that wait() in the main thread
            # returns even before the main thread handles the signals above (closing mid-import)
            self.thread().quit()

    def _progress(self, done: int, total: int, what: str) -> None:
        self.progress.emit(int(done), int(total), str(what))


class ImportController(QObject):
    """Runs one job at a time: an import (start), reading the stored corpus (load) or writing
    an export (export). Signals: started(), progress(done, total, text), finished(ImportResult),
    loaded(result), exported(ExportResult), cancelled(), failed(message), busyChanged(bool)."""

    started = Signal()
    progress = Signal(int, int, str)
    finished = Signal(object)
    loaded = Signal(object)
    exported = Signal(object)
    cancelled = Signal()
    failed = Signal(str)
    busyChanged = Signal(bool)

    def __init__(self, db_path: Path, import_fn: Callable | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self._import_fn = import_fn
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._flag = threading.Event()
        self.last_index = None
        self.kind = "import"

    def is_busy(self) -> bool:
        return self._thread is not None

    def start(self, paths: Sequence[str | Path]) -> bool:
        if self.is_busy():
            return False
        try:
            fn = self._import_fn or default_import_fn()
        except ImportError as exc:
            self.failed.emit(f"The import pipeline is not available: {exc}")
            return False
        self.kind = "import"
        return self._start(fn, paths)

    def load(self) -> bool:
        """Read the stored corpus in the worker (a big one takes seconds); emits loaded()."""
        if self.is_busy():
            return False
        self.kind = "load"
        return self._start(load_corpus, [])

    def export(self, job: Callable) -> bool:
        """Write an export (see export_job) in the worker; emits exported(ExportResult)."""
        if self.is_busy():
            return False
        self.kind = "export"
        return self._start(job, [])

    def _start(self, fn: Callable, paths: Sequence[str | Path]) -> bool:
        self._flag = threading.Event()
        thread = QThread()
        thread.setObjectName("kerryview-import")
        worker = _Worker(self.db_path, [str(p) for p in paths], fn, self._flag)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self.progress)
        worker.done.connect(self._on_done)
        worker.cancelled.connect(self._on_cancelled)
        worker.failed.connect(self._on_failed)
        self._thread, self._worker = thread, worker
        thread.start()
        self.busyChanged.emit(True)
        self.started.emit()
        return True

    def cancel(self) -> None:
        self._flag.set()

    def wait(self, ms: int = 30000) -> bool:
        if self._thread is None:
            return True
        return self._thread.wait(ms)

    def _finish(self) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if thread is not None:
            thread.quit()
            thread.wait()
            worker.deleteLater()
            thread.deleteLater()
        self.busyChanged.emit(False)

    def _on_done(self, payload) -> None:
        result, index = payload
        self.last_index = index  # the TimelineIndex of result.events, built in the worker
        self._finish()
        if self.kind == "load":
            self.loaded.emit(result)
        elif self.kind == "export":
            self.exported.emit(result)
        else:
            self.finished.emit(result)

    def _on_cancelled(self) -> None:
        self._finish()
        self.cancelled.emit()

    def _on_failed(self, message: str) -> None:
        self._finish()
        self.failed.emit(message)
