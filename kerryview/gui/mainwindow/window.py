"""The main window: timeline on top; passages | (documents over the article) below. It composes
the panels (passages, reader, documents.py, problems.py, status.py), the actions (actions.py)
and the background jobs (kerryview.gui.jobs), and keeps them in step.

Wiring (all on the main thread):
  timeline.currentEventChanged(row) -> passages.set_event(event)          (and status bar)
  timeline.eventActivated(row)      -> open_mention(first passage)
  passages.passageActivated(m)      -> open_mention(m): reader shows the article, m highlighted
  reader.passageClicked(m)          -> timeline.setCurrentEvent(row of m's event), open_mention(m)
  documents.documentClicked(id)     -> reader shows that article with its passages marked
  documents.dateChosen(id, date)    -> set_document_date: the corpus is resolved again
  find.matchesChanged(rows|None)    -> timeline.setHighlight (matches highlighted, others dimmed)
  find.eventChosen(row)             -> timeline.setCurrentEvent(row) (and so the passages)
  find.closed()                     -> the timeline takes the focus back
  jobs: progress -> status bar; each job's result -> its handler here; cancelled/failed -> status
"""
from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path
from typing import Sequence

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QApplication, QInputDialog, QLineEdit, QMainWindow, QMessageBox,
                               QSplitter, QVBoxLayout, QWidget)

from kerryview.export import FORMATS
from kerryview.gui import settings
from kerryview.gui.jobs import (Corpus, ExportJob, ExportResult, ImportFn, ImportJob, Imported, Job,
                                JobRunner, LoadJob, default_import_fn)
from kerryview.gui.mainwindow import files
from kerryview.gui.mainwindow.about import about_html
from kerryview.gui.mainwindow.actions import EVENT_ACTIONS, Action, build_actions, build_menus
from kerryview.gui.mainwindow.find import FindBar
from kerryview.gui.mainwindow.interrupted import InterruptedImportBar
from kerryview.gui.mainwindow.documents import DocumentsList
from kerryview.gui.mainwindow.problems import Problem, ProblemsList
from kerryview.gui.mainwindow.status import StatusBar, import_message
from kerryview.gui.models import MentionKey, mention_key
from kerryview.gui.passages import PassagesPanel
from kerryview.gui.reader import ReaderWidget
from kerryview.gui.search import parse_date
from kerryview.gui.timeline import axis as ta
from kerryview.gui.timeline.index import TimelineIndex
from kerryview.gui.timeline.widget import TimelineLegend, TimelineWidget
from kerryview.model import Document, Event, EventMention
from kerryview.store import Store

ASYNC_LOAD_EVENTS = 3000  # above this many stored events, read them in the worker
EMPTY_TEXT = ("No events yet", "Open articles with File › Open files… or drop files or folders here.")
EMPTY_READ_ONLY_TEXT = ("No events in this project", "It is read-only: nothing can be added to it.")


class MainWindow(QMainWindow):
    """Signals: corpusLoaded() once a corpus read in the background is shown; exportDone(ok)
    when an export ended: written (True), or failed / cancelled (False)."""

    corpusLoaded = Signal()
    exportDone = Signal(bool)
    # After the window is closed with a job running, how long the job may take to stop before
    # the process ends without it; None waits as long as it takes (tests, embedding).
    give_up_after_close_ms: int | None = None

    def __init__(self, store: Store, import_fn: ImportFn | None = None) -> None:
        super().__init__()
        self.store = store
        self.import_fn = import_fn  # None: the real pipeline (loaded when first needed)
        self.setWindowTitle("kerryview")
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self.docs: dict[str, Document] = {}
        self._mention_event: dict[MentionKey, int] = {}  # mention -> its event's row
        self._mentions_by_doc: dict[str, list[EventMention]] = {}
        self._pending_paths: list[str] = []
        self._loaded_once = False
        self._closing = False  # closed while a job ran: hidden, closes when the job ends
        self.read_only_path: Path | None = None  # set_read_only: the project may not be changed

        self.timeline = TimelineWidget()
        self.legend = TimelineLegend()
        self.passages = PassagesPanel()
        self.reader = ReaderWidget()
        self.documents = DocumentsList()
        self.problems = ProblemsList()
        self.interrupted = InterruptedImportBar()
        self.find = FindBar()
        self.status = StatusBar()
        self.setStatusBar(self.status)
        self._build_layout()
        self._actions = build_actions(self, {
            Action.OPEN_FILES: self.open_files_dialog,
            Action.OPEN_FOLDER: self.open_folder_dialog,
            Action.EXPORT: self.export_dialog,
            Action.QUIT: self.close,
            Action.FIND: self.open_find,
            Action.GO_TO_DATE: self.go_to_date_dialog,
            Action.FIT_ALL: self.timeline.fitAll,
            Action.ZOOM_IN: self.timeline.zoomIn,
            Action.ZOOM_OUT: self.timeline.zoomOut,
            Action.REVIEWED: lambda on: self.mark_current_event(reviewed=on),
            Action.DISMISSED: lambda on: self.mark_current_event(dismissed=on),
            Action.ABOUT: self.show_about,
        })
        build_menus(self.menuBar(), self._actions)
        self.timeline.addActions([self._actions[a] for a in EVENT_ACTIONS])
        self.timeline.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.timeline.currentEventChanged.connect(self._event_selected)
        self.timeline.eventActivated.connect(self._event_activated)
        self.passages.passageActivated.connect(self.open_mention)
        self.reader.passageClicked.connect(self._reader_clicked)
        self.documents.documentClicked.connect(self._document_clicked)
        self.documents.dateChosen.connect(self.set_document_date)
        self.documents.invalidDate.connect(lambda text: self.status.showMessage(
            f"“{text}” is not a date like 2023-07-18", 6000))
        self.find.matchesChanged.connect(self.timeline.setHighlight)
        self.find.eventChosen.connect(self.select_event)
        self.find.eventActivated.connect(self._event_activated)
        self.find.closed.connect(lambda: self.timeline.setFocus(Qt.FocusReason.OtherFocusReason))
        self.interrupted.finishClicked.connect(self.finish_interrupted_import)
        self.interrupted.discardClicked.connect(self.discard_interrupted_import)
        self.status.cancelClicked.connect(self.cancel_import)
        self.status.problemsToggled.connect(self._toggle_problems)

        self.jobs = JobRunner(store, self)
        self.jobs.progress.connect(self.status.set_progress)
        self.jobs.busyChanged.connect(self._busy_changed)
        self.jobs.cancelled.connect(self._job_cancelled)
        self.jobs.failed.connect(self._job_failed)
        self.jobs.busyChanged.connect(self._close_when_idle)
        self._restore_settings()
        self.loading = False
        if store.path is not None and store.event_count() > ASYNC_LOAD_EVENTS:
            # a big corpus is read in the worker: the window shows at once
            self.loading = True
            self.timeline.setEmptyText(f"Loading {store.event_count():,} events…", "")
            self.jobs.submit(LoadJob(), self._corpus_loaded)
        else:
            self.reload()
        self._offer_interrupted_import()

    def _offer_interrupted_import(self) -> None:
        """If an earlier import into this project was killed before it saved, offer to finish
        it (the project itself is intact: the import was one transaction)."""
        if self.store.path is None or self.read_only_path is not None:
            return
        try:
            self.interrupted.offer(self.store.pending_import(),
                                   resolution=self.store.resolution_interrupted())
        except Exception:  # noqa: BLE001 - an offer is never worth failing the start for
            self.interrupted.offer([])

    def finish_interrupted_import(self, paths: list[str]) -> None:
        """Import the interrupted import's files again (with none, resolve the corpus again);
        saving it clears its record."""
        if self.import_paths(paths, rebuild=not paths):
            self.interrupted.offer([])

    def discard_interrupted_import(self) -> None:
        if self._refuse_if_read_only("Not discarded"):
            return
        self.store.discard_pending_import()
        self.interrupted.offer([])
        self.status.showMessage("The interrupted import was discarded; the project is as it was",
                                8000)

    def set_read_only(self, path: Path, notice: str) -> None:
        """Show the project `path` but refuse every change to it (imports, dates, marks): the
        user may read it but not write it. `notice` says so in the status bar."""
        self.read_only_path = Path(path)
        self.setWindowTitle("kerryview (read-only)")
        self.status.set_notice("Read-only", notice)
        self.interrupted.offer([])
        self._show_empty_text()
        for a in (Action.OPEN_FILES, Action.OPEN_FOLDER):
            self._actions[a].setEnabled(False)

    def _show_empty_text(self) -> None:
        """What the timeline says while it has no events (and no job is reading any)."""
        self.timeline.setEmptyText(*(EMPTY_TEXT if self.read_only_path is None
                                     else EMPTY_READ_ONLY_TEXT))

    def _refuse_if_read_only(self, what: str) -> bool:
        """True (and says why in the status bar) when the project may not be changed."""
        if self.read_only_path is None:
            return False
        self.status.showMessage(f"{what}: the project {self.read_only_path} is read-only. Copy it "
                                "somewhere you can write and open the copy with --db.", 15000)
        return True

    def action(self, which: Action) -> QAction:
        return self._actions[which]

    def _build_layout(self) -> None:
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.setSpacing(0)
        tl.addWidget(self.interrupted)
        tl.addWidget(self.find)
        # the events found, left of the timeline while the find bar is open
        self.find_split = QSplitter(Qt.Orientation.Horizontal)
        self.find_split.addWidget(self.find.results)
        self.find_split.addWidget(self.timeline)
        self.find_split.setStretchFactor(1, 1)
        self.find_split.setSizes([300, 980])
        self.find_split.setChildrenCollapsible(False)
        tl.addWidget(self.find_split, 1)
        tl.addWidget(self.legend)
        self.find.hide()
        self.find.results.hide()

        self.right_split = QSplitter(Qt.Orientation.Vertical)
        self.right_split.addWidget(self.documents)
        self.right_split.addWidget(self.reader)
        self.right_split.setStretchFactor(1, 1)
        self.right_split.setSizes([130, 400])
        self.bottom_split = QSplitter(Qt.Orientation.Horizontal)
        self.bottom_split.addWidget(self.passages)
        self.bottom_split.addWidget(self.right_split)
        self.bottom_split.setSizes([520, 760])

        self.main_split = QSplitter(Qt.Orientation.Vertical)
        self.main_split.addWidget(top)
        self.main_split.addWidget(self.bottom_split)
        self.main_split.addWidget(self.problems)
        self.main_split.setStretchFactor(0, 2)
        self.main_split.setStretchFactor(1, 3)
        self.main_split.setSizes([490, 310, 0])  # the timeline is the point: give it room
        self.main_split.setChildrenCollapsible(False)
        self.setCentralWidget(self.main_split)

    # -- data -----------------------------------------------------------------------------
    def index(self) -> TimelineIndex:
        """The events shown, in timeline order (the timeline's index: one list of events)."""
        return self.timeline.index()

    def reload(self, corpus: Corpus | None = None) -> None:
        """Refresh every view from the store, or from what a job read in the worker (the
        documents and the TimelineIndex built there), so a big corpus is not re-read here."""
        if corpus is None:
            corpus = Corpus.of(self.store.documents(), self.store.events())
        docs, index = corpus.documents, corpus.index
        self.docs = {d.id: d for d in docs}
        keep = self._loaded_once and len(self.index()) > 0
        current = self.timeline.currentEvent()
        self.passages.set_documents(self.docs)
        self._mention_event = {}
        self._mentions_by_doc = {}
        for row, ev in enumerate(index.events):
            for m in ev.mentions:
                self._mention_event[mention_key(m)] = row
                self._mentions_by_doc.setdefault(m.document_id, []).append(m)
        self.timeline.setIndex(index, keep_view=keep)
        self._loaded_once = True
        self.documents.set_documents(docs, {k: len(v) for k, v in self._mentions_by_doc.items()})
        row = index.row_of.get(current.id, -1) if current is not None else -1
        self.passages.set_event(index.events[row] if row >= 0 else None)
        if row >= 0:
            self.timeline.setCurrentEvent(row)
        shown = self.reader.document()
        if shown is not None:
            self.reader.show_document(self.docs.get(shown.id), self._mentions_by_doc.get(shown.id))
        self.status.set_counts(len(index), len(docs), len(index.undated))
        self.find.set_corpus(index, docs)  # the search runs again on the new rows
        self.find.select_event(self.timeline.currentRow())

    # -- selection ------------------------------------------------------------------------
    def select_event(self, row: int) -> None:
        self.timeline.setCurrentEvent(row)

    def _event_selected(self, row: int) -> None:
        index = self.index()
        ev = index.events[row] if 0 <= row < len(index) else None
        self.passages.set_event(ev)
        self.find.select_event(row)
        self._sync_mark_actions(ev)
        if ev is not None:
            self.status.showMessage(f"{ev.label} — {len(ev.mentions)} passage(s)", 5000)

    def _sync_mark_actions(self, ev: Event | None) -> None:
        for a, on in ((Action.REVIEWED, ev is not None and ev.reviewed),
                      (Action.DISMISSED, ev is not None and ev.dismissed)):
            self._actions[a].setEnabled(ev is not None)
            self._actions[a].setChecked(bool(on))

    def mark_current_event(self, *, reviewed: bool | None = None, dismissed: bool | None = None) -> bool:
        """Keep the user's mark on the selected event in the store and show it at once."""
        index = self.index()
        row = self.timeline.currentRow()
        if not 0 <= row < len(index):
            return False
        ev = index.events[row]
        if self._refuse_if_read_only("Not marked"):
            self._sync_mark_actions(ev)
            return False
        if self.jobs.is_busy():
            self.status.showMessage("Wait for the running import to finish", 4000)
            self._sync_mark_actions(ev)
            return False
        self.store.set_event_mark(ev.id, reviewed=reviewed, dismissed=dismissed)
        index.set_mark(row, reviewed=reviewed, dismissed=dismissed)
        self.timeline.marksChanged()
        self._sync_mark_actions(ev)
        self.find.run()  # a marks filter may no longer hold for it
        what = ("reviewed" if reviewed else "no longer marked reviewed") if reviewed is not None else (
            "marked as not an event (left out of exports)" if dismissed else "an event again")
        self.status.showMessage(f"“{ev.label}”: {what}", 5000)
        return True

    def _event_activated(self, row: int) -> None:
        index = self.index()
        if 0 <= row < len(index) and index.events[row].mentions:
            self.open_mention(index.events[row].mentions[0])

    def open_mention(self, m: EventMention) -> None:
        doc = self.docs.get(m.document_id)
        if doc is None:
            self.status.showMessage(f"Article {m.document_id} is not in the corpus", 5000)
            return
        self.reader.show_document(doc, self._mentions_by_doc.get(doc.id))
        self.reader.highlight(m)
        self.passages.select_mention(m)
        self.documents.select(doc.id)

    def _reader_clicked(self, m: EventMention) -> None:
        row = self._mention_event.get(mention_key(m), -1)
        if row < 0:
            return
        self.timeline.setCurrentEvent(row)
        self.open_mention(m)

    def _document_clicked(self, doc_id: str) -> None:
        doc = self.docs.get(doc_id)
        if doc is not None:
            self.reader.show_document(doc, self._mentions_by_doc.get(doc.id))

    # -- find and go to date ----------------------------------------------------------------
    def open_find(self) -> None:
        """Edit > Find: show the find bar, its box focused."""
        self.find.open_bar()

    def go_to_date_dialog(self) -> None:
        """View > Go to date: ask for a date and centre the timeline on it."""
        text, ok = QInputDialog.getText(
            self, "Go to date", "&Date (2023-07-18, 18 July 2023 or July 2023):",
            QLineEdit.EchoMode.Normal, "")
        self.activateWindow()  # the window's shortcuts work again at once, with or without a
        # window manager to hand the activation back
        if ok and text.strip():
            self.go_to_date(text)

    def go_to_date(self, text: str) -> bool:
        """Centre the timeline on the date `text` names, zoomed so it fills the middle of the
        view (a day shows its hours, a month its days); a date without a year is taken in the
        year shown. False (and a message) when `text` is not a date."""
        d = parse_date(text)
        if d is None:
            self.status.showMessage(f"“{text.strip()}” is not a date like 2023-07-18, "
                                    "18 July 2023 or July 2023", 8000)
            return False
        if d.has_year:
            a, b = d.start, d.end
        else:
            t0, t1 = self.timeline.view()
            a, b = d.in_year(ta.to_datetime((t0 + t1) / 2).year) or d.in_year(2024)
        self.timeline.showSpan(a, b)
        self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)
        self.status.showMessage(f"Showing {d.text}", 5000)
        return True

    # -- corrections ----------------------------------------------------------------------
    def set_document_date(self, doc_id: str, value: date | None) -> bool:
        """Keep the user's publication date (or drop it) and resolve the corpus again."""
        if self._refuse_if_read_only("Date not changed"):
            return False
        if self.jobs.is_busy():
            self.status.showMessage("Wait for the running import to finish", 4000)
            return False
        self.store.set_document_date(doc_id, value)
        self.status.showMessage(
            f"{doc_id}: publication date {'set to ' + value.isoformat() if value else 'inferred again'}"
            " — re-reading the corpus", 4000)
        return self.import_paths([], rebuild=True)

    # -- importing ------------------------------------------------------------------------
    def import_paths(self, paths: Sequence[str | Path], rebuild: bool = False) -> bool:
        """Add files to the corpus in the background; with rebuild=True and no paths, resolve
        the stored documents again (after a schema change dropped the derived events)."""
        paths = [str(p) for p in paths]
        if not paths and not rebuild:
            return False
        if self._refuse_if_read_only("Not imported"):
            return False
        if self.loading:
            self._pending_paths.extend(paths)  # imported as soon as the corpus is loaded
            return True
        if self.jobs.is_busy():
            self.status.showMessage("An import is already running", 4000)
            return False
        try:
            fn = self.import_fn or default_import_fn()
        except ImportError as exc:
            self._import_failed(f"The import pipeline is not available: {exc}")
            return False
        if not len(self.index()):
            self.timeline.setEmptyText("Reading articles…", "The timeline appears when they are read.")
        return self.jobs.submit(ImportJob(paths, fn), self._imported)

    def cancel_import(self) -> None:
        if self.jobs.is_busy():
            self.jobs.cancel()
            self.status.cancelling()

    def _busy_changed(self, busy: bool) -> None:
        job = self.jobs.current()
        self.status.set_busy(busy, job.busy_text if job else "", bool(job and job.cancellable))
        can_open = not busy and self.read_only_path is None
        self._actions[Action.OPEN_FILES].setEnabled(can_open)
        self._actions[Action.OPEN_FOLDER].setEnabled(can_open)

    def _imported(self, done: Imported) -> None:
        self._show_empty_text()
        self.reload(done.corpus)
        problems = list(done.result.problems)
        self.status.showMessage(import_message(len(done.result.added), len(self.index()),
                                               problems), 10000)
        self.show_problems(problems)

    def _corpus_loaded(self, corpus: Corpus) -> None:
        self.loading = False
        self._show_empty_text()
        self.reload(corpus)
        self.status.clearMessage()
        self.corpusLoaded.emit()
        if self._pending_paths:
            paths, self._pending_paths = self._pending_paths, []
            self.import_paths(paths)

    def _job_cancelled(self, job: Job) -> None:
        self._show_empty_text()
        if isinstance(job, ExportJob):
            self.status.showMessage("Export cancelled: no file was written", 8000)
            self.exportDone.emit(False)
            return
        self.status.showMessage("Import cancelled: nothing was changed", 8000)

    def _job_failed(self, job: Job, message: str) -> None:
        if isinstance(job, ExportJob):
            self._export_failed(message.split("\n", 1)[0])
            return
        self._import_failed(message)

    def _import_failed(self, message: str) -> None:
        self._show_empty_text()  # not "Reading articles…" for ever
        self.status.showMessage(f"Import failed: {message.split(chr(10), 1)[0]}", 15000)
        self.show_problems([Problem("(import)", message)])

    def show_problems(self, problems: list) -> None:
        if problems:
            self.status.set_problem_count(self.problems.add(problems))

    def _toggle_problems(self, on: bool) -> None:
        self.problems.setVisible(on)
        if on:
            sizes = self.main_split.sizes()
            self.main_split.setSizes([sizes[0], max(100, sizes[1] - 120), 120])

    # -- files ----------------------------------------------------------------------------
    def open_files_dialog(self) -> None:
        found = files.ask_files(self)
        if found:
            self.import_paths(found)

    def open_folder_dialog(self) -> None:
        folder = files.ask_folder(self)
        if folder:
            self.import_paths([folder])

    def export_dialog(self) -> None:
        """Ask where and in which format, then export."""
        target = files.ask_export_target(self)
        if target is not None:
            self.export_to(*target)

    def export_to(self, path: str | Path, fmt: str) -> bool:
        """Write the timeline as shown (every event, dated or not) to `path`, in the worker
        thread with progress and cancel (100,000 events take seconds); emits exportDone(ok)."""
        index = self.index()
        events = list(index.events) + list(index.undated)
        job = ExportJob(str(path), fmt, list(self.docs.values()), events)
        if not self.jobs.submit(job, self._exported):
            self.status.showMessage("Wait for the running import to finish", 4000)
            return False
        return True

    def _export_failed(self, reason: str) -> None:
        self.status.showMessage(f"Could not export: {reason}", 15000)
        self.exportDone.emit(False)

    def _exported(self, result: ExportResult) -> None:
        self.status.showMessage(
            f"Exported {result.count:,} events to {result.path} ({FORMATS[result.fmt][0]})", 10000)
        self.exportDone.emit(True)

    def dragEnterEvent(self, e) -> None:  # noqa: N802
        if e.mimeData().hasUrls() and any(u.isLocalFile() for u in e.mimeData().urls()):
            e.acceptProposedAction()

    def dropEvent(self, e) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in e.mimeData().urls() if u.isLocalFile()]
        if paths:
            e.acceptProposedAction()
            self.import_paths(paths)

    def show_about(self) -> None:
        QMessageBox.about(self, "About kerryview", about_html())

    # -- settings -------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        for option, restore in ((settings.GEOMETRY, self.restoreGeometry),
                                (settings.MAIN_SPLIT, self.main_split.restoreState),
                                (settings.BOTTOM_SPLIT, self.bottom_split.restoreState),
                                (settings.RIGHT_SPLIT, self.right_split.restoreState)):
            val: QByteArray = option.get()
            if not val.isEmpty():
                restore(val)
        self.problems.hide()

    def save_settings(self) -> None:
        settings.GEOMETRY.set(self.saveGeometry())
        settings.MAIN_SPLIT.set(self.main_split.saveState())
        settings.BOTTOM_SPLIT.set(self.bottom_split.saveState())
        settings.RIGHT_SPLIT.set(self.right_split.saveState())
        settings.sync()

    def closeEvent(self, e) -> None:  # noqa: N802
        """Closing while a job runs: the job is asked to stop and the window hides at once; it
        closes for good when the job has ended (the pipeline polls cancel between steps). A
        running worker thread is never destroyed: Qt aborts the whole process if it is."""
        self.save_settings()
        if self.jobs.is_busy():
            e.ignore()
            self.hide()
            if not self._closing:
                self._closing = True
                self.jobs.cancel()
                if self.give_up_after_close_ms is not None:
                    QTimer.singleShot(self.give_up_after_close_ms, self.abandon_job)
            return
        super().closeEvent(e)
        if self._closing:  # a hidden window's close does not end the app by itself
            QApplication.quit()

    def _close_when_idle(self, busy: bool) -> None:
        if self._closing and not busy:
            QTimer.singleShot(0, self.close)  # after the job's own handlers have run

    def abandon_job(self) -> None:
        """For a job that has not stopped long after the window was closed (a step that never
        polls cancel): end the process without destroying its thread. Safe for the project: the
        database is SQLite in WAL mode, so an unfinished write is rolled back on the next open,
        as after a power cut."""
        if not self.jobs.is_busy():
            return
        seconds = self.give_up_after_close_ms / 1000
        print(f"kerryview: the {self.jobs.current().what} did not stop within {seconds:g} s of "
              "closing the window; quitting without it (the project keeps what was last saved)",
              file=sys.stderr, flush=True)
        sys.stdout.flush()
        os._exit(0)


def first_paint_timer(window: MainWindow, callback) -> None:
    """Call `callback` once, right after the timeline's first paint that shows the stored
    corpus (when a big corpus is read in the background, the paint after it arrived)."""
    def painted() -> None:
        if window.loading:
            return
        window.timeline.painted.disconnect(painted)
        window.timeline.notify_paints = False
        QTimer.singleShot(0, callback)
    window.timeline.notify_paints = True
    window.timeline.painted.connect(painted)
