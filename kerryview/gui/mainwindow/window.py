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
  key_dates (mainwindow/keydates.py): a day chosen -> timeline.showSpan(day), its top event
                                    selected; its days -> timeline.setKeyDays (axis pins);
                                    fed by _reload (set_corpus) and show_marks (marks_changed)
  documents.sourceEdited(id, t, o)  -> set_document_source: stored, every view renames it
  documents.removeRequested(ids)    -> remove_documents: the others are resolved again
  firstrun.*                        -> open_demo / new_project_dialog / open_project_dialog
Projects (projects.py): use_project(OpenProject) swaps the store, the job runner and the title.
  edits (gui/edits): Event > Edit/Note/Add/Merge/Split and the marks push undo steps on
  edits.stack; each step stores its edits and calls show_change (the events it edited taken
  out and their edited ones put in, or back; the edited events selected), show_project (read
  again, for a step made in an earlier session or before an import) or show_marks (in place)
  jobs: progress -> status bar; each job's result -> its handler here; cancelled/failed -> status
"""
from __future__ import annotations

import os
import sys
from datetime import date
from itertools import chain
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QDialog, QDockWidget, QInputDialog, QLineEdit,
                               QMainWindow, QMessageBox, QSplitter, QStackedWidget, QUndoView,
                               QVBoxLayout, QWidget)

from kerryview.export import FORMATS
from kerryview.gcpause import gc_paused
from kerryview.gui import settings
from kerryview.gui.jobs import (Corpus, ExportJob, ExportResult, ImportFn, ImportJob, Imported, Job,
                                JobRunner, LoadDocumentsJob, LoadJob, default_import_fn)
from kerryview.gui.mainwindow import files
from kerryview.gui.mainwindow.about import about_html
from kerryview.text.phrasing import date_words, event_zone
from kerryview.edits import EditDate, EventRef, SetDate, mention_ref
from kerryview.gui.edits.controller import EditController, fields_of
from kerryview.gui.edits.dialogs import EventDialog, EventFields
from kerryview.gui.mainwindow import projects
from kerryview.gui.mainwindow.actions import (CONTEXT_ACTIONS, EXPORT_AS_MENU, RECENT_MENU, Action,
                                              build_actions, build_menus)
from kerryview.gui.mainwindow.export import build_export_menu, default_name, window_title
from kerryview.gui.mainwindow.firstrun import FirstRunPage
from kerryview.gui.mainwindow.navigation import NavigationBar, ReaderRoom
from kerryview.gui.mainwindow.find import FindBar
from kerryview.gui.mainwindow.interrupted import InterruptedImportBar
from kerryview.gui.mainwindow.keydates import KeyDatesDock
from kerryview.gui.mainwindow.documents import DocumentsList
from kerryview.gui.mainwindow.problems import Problem, ProblemsList
from kerryview.gui.mainwindow.status import StatusBar, import_message
from kerryview.gui.models import MentionKey, document_title, mention_key
from kerryview.gui.passages import PassagesPanel
from kerryview.gui.provisional import Preview
from kerryview.gui.project import (OpenProject, ProjectError, demo_path, is_demo, open_project,
                                   project_name)
from kerryview.gui.reader import ReaderWidget
from kerryview.gui.search import parse_date
from kerryview.gui.stories import Counts, StoriesPanel, count_change, count_corpus, events_in
from kerryview.gui.timeline import axis as ta
from kerryview.gui.timeline.edges import EdgeIndicators
from kerryview.gui.timeline.index import TimelineIndex, is_dated
from kerryview.gui.timeline.minimap import TimelineMinimap
from kerryview.gui.timeline.widget import TimelineLegend, TimelineWidget
from kerryview.model import DateSource, DateSourceKind, Document, Event, EventMention
from kerryview.sources import distinct_names, source_title
from kerryview.store import Store
from kerryview.text.phrasing import count_words

# Lists and tables show the keyboard focus with a ring: the default style's dotted cell outline
# is easy to lose once the focus leaves the timeline.
FOCUS_RING = ("QAbstractItemView { border: 2px solid transparent; }"
              "QAbstractItemView:focus { border: 2px solid #2563eb; }")
# What the first-run screen disables: there is no project to add to, export or move around in.
NEEDS_A_PROJECT = (Action.OPEN_FILES, Action.OPEN_FOLDER, Action.EXPORT, Action.FIND,
                   Action.GO_TO_DATE, Action.FIT_ALL, Action.ZOOM_IN, Action.ZOOM_OUT,
                   Action.ENLARGE_READER, Action.KEY_DATES)
ASYNC_LOAD_EVENTS = 3000  # above this many stored events, read them in the worker
KEY_DATES_SHARE = 0.6  # of the left docks' height, when the Stories list is shown above them
EMPTY_TEXT = ("No events yet", "Open articles with File › Open files… or drop files or folders here.")
EMPTY_READ_ONLY_TEXT = ("No events in this project", "It is read-only: nothing can be added to it.")
EMPTY_PROJECT_TEXT = ("An empty project", "Add articles with File › Open files… or drop files or "
                      "folders here. Help › Open the demo shows the demo in its own project.")

# A publication date the user gives an article (None: inferred again), or one given back by an
# undo with where it came from (a page's metadata, its wire dateline's day).
DatedAs = date | tuple[date, DateSource] | None


def _date_and_source(value: DatedAs) -> tuple[date | None, DateSource]:
    if isinstance(value, tuple):
        return value
    return value, DateSource.set_by_user() if value else DateSource.unknown()


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
        self.project: OpenProject | None = None  # the open project, when the window owns it
        self.setWindowTitle("kerryview")
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self.docs: dict[str, Document] = {}
        # the shown index and, built at the first click in the reader, mention -> event row
        self._mention_event: tuple[TimelineIndex, dict[MentionKey, int]] | None = None
        self._mentions_by_doc: dict[str, list[EventMention]] = {}
        self._pending_paths: list[str] = []
        # publication dates the user gave while the corpus was being read: stored, and read
        # again, together, once that reading ends (or when the window closes: _store_pending)
        self._pending_dates: dict[str, DatedAs] = {}
        # headlines and outlets given (an undo, a redo) while it was read: stored then too
        self._pending_sources: dict[str, tuple[str | None, str | None]] = {}
        self._left_share = KEY_DATES_SHARE  # of the left docks' height, to the key dates
        self._loaded_once = False
        self._before_import: Corpus | None = None  # shown again if a previewed import stops
        self._provisional = 0  # events of the running import's preview now shown
        self._closing = False  # closed while a job ran: hidden, closes when the job ends
        self.read_only_path: Path | None = None  # set_read_only: the project may not be changed

        self.timeline = TimelineWidget()
        self.minimap = TimelineMinimap(self.timeline)
        self.edges = EdgeIndicators(self.timeline)
        self.legend = TimelineLegend()
        self.passages = PassagesPanel()
        self.reader = ReaderWidget()
        self.documents = DocumentsList()
        self.problems = ProblemsList()
        self.interrupted = InterruptedImportBar()
        self.find = FindBar()
        self.find.read_passages = self._read_passages
        self.find.stored_texts = lambda ids: self.store.search_texts(ids)
        self.timeline.read_passages = self._read_passages
        self.stories = StoriesPanel()
        self._stories: list = []  # the project's stories (kerryview.stories.Story)
        self._events_first: TimelineIndex | None = None  # shown before its documents came
        self._counts: Counts | None = None  # of self._full: passages per article, events per story
        self._full: Corpus | None = None  # every event, before the story filter
        self.status = StatusBar()
        self.status.setAccessibleName("Status bar")
        self.setStatusBar(self.status)
        self.firstrun = FirstRunPage()
        self._build_layout()
        self._name_for_assistive_technology()
        self._actions = build_actions(self, {
            Action.NEW_PROJECT: self.new_project_dialog,
            Action.OPEN_PROJECT: self.open_project_dialog,
            Action.OPEN_DEMO: self.open_demo,
            Action.OPEN_FILES: self.open_files_dialog,
            Action.OPEN_FOLDER: self.open_folder_dialog,
            Action.EXPORT: self.export_dialog,
            Action.QUIT: self.close,
            Action.FIND: self.open_find,
            Action.GO_TO_DATE: self.go_to_date_dialog,
            Action.FIT_ALL: self.timeline.fitAll,
            Action.ZOOM_IN: self.timeline.zoomIn,
            Action.ZOOM_OUT: self.timeline.zoomOut,
            Action.ENLARGE_READER: lambda on: self.reader_room.set_enlarged(on),
            Action.STORIES: self.show_stories,
            Action.KEY_DATES: lambda on: self.key_dates.show_panel(on),
            Action.REVIEWED: lambda on: self.mark_current_event(reviewed=on),
            Action.DISMISSED: lambda on: self.mark_current_event(dismissed=on),
            Action.UNDO: self.undo,
            Action.REDO: self.redo,
            Action.UNDO_HISTORY: self.show_undo_history,
            Action.EDIT_EVENT: lambda: self.edit_current_event(),
            Action.NOTE: lambda: self.edit_current_event(focus_note=True),
            Action.ADD_EVENT: self.add_event_from_passage,
            Action.MERGE: self.merge_selected_events,
            Action.SPLIT: self.split_current_event,
            Action.ABOUT: self.show_about,
        })
        self.export_menu, self.export_actions = build_export_menu(self)
        self.recent_menu = build_menus(self.menuBar(), self._actions,
                                       {EXPORT_AS_MENU: self.export_menu})[RECENT_MENU]
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        self.navigation = NavigationBar(
            [self._actions[a] for a in (Action.FIT_ALL, Action.ZOOM_OUT, Action.ZOOM_IN)]
            + [None, self._actions[Action.ENLARGE_READER]], self.go_to_date)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.navigation)
        self._build_edits()
        self._build_stories_dock()
        self.key_dates = KeyDatesDock(self, self._actions[Action.KEY_DATES], self.timeline,
                                      FOCUS_RING)
        for dock in (self.stories_dock, self.key_dates):  # each shown: the two share the left
            dock.visibilityChanged.connect(lambda on: QTimer.singleShot(0, self._share_left)
                                           if on else self._keep_left_share())
        self.timeline.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.timeline.currentEventChanged.connect(self._event_selected)
        self.timeline.selectionChanged.connect(self._sync_edit_actions)
        self.timeline.eventActivated.connect(self._event_activated)
        self.passages.passageActivated.connect(self.open_mention)
        self.reader.passageClicked.connect(self._reader_clicked)
        self.documents.documentClicked.connect(self._document_clicked)
        self.documents.dateChosen.connect(self.set_document_date)
        self.documents.invalidDate.connect(lambda _text, why: self.status.showMessage(why, 8000))
        self.find.matchesChanged.connect(self.timeline.setHighlight)
        self.find.eventChosen.connect(self.select_event)
        self.find.eventActivated.connect(self._event_activated)
        self.find.closed.connect(lambda: self.timeline.setFocus(Qt.FocusReason.OtherFocusReason))
        self.interrupted.finishClicked.connect(self.finish_interrupted_import)
        self.interrupted.discardClicked.connect(self.discard_interrupted_import)
        self.status.cancelClicked.connect(self.cancel_import)
        self.status.problemsToggled.connect(self._toggle_problems)
        self.documents.sourceEdited.connect(self.set_document_source)
        self.documents.outletChosen.connect(self.set_documents_outlet)
        self.status.undatedClicked.connect(self.show_undated_articles)
        self.documents.removeRequested.connect(self.remove_documents)
        self.firstrun.demoClicked.connect(self.open_demo)
        self.firstrun.newClicked.connect(self.new_project_dialog)
        self.firstrun.openClicked.connect(self.open_project_dialog)
        self.firstrun.recentChosen.connect(lambda p: self.open_project_file(Path(p)))

        self._start_jobs(store)
        self._restore_settings()
        self._update_title()
        self._load_store()

    def _start_jobs(self, store: Store) -> None:
        """A job runner on `store` (a new one for each project: its worker opens the file)."""
        old = getattr(self, "jobs", None)
        if old is not None:
            old.deleteLater()
        self.jobs = JobRunner(store, self)
        self.jobs.progress.connect(self.status.set_progress)
        self.jobs.partial.connect(self._previewed)
        self.jobs.busyChanged.connect(self._busy_changed)
        self.jobs.cancelled.connect(self._job_cancelled)
        self.jobs.failed.connect(self._job_failed)
        self.jobs.busyChanged.connect(self._close_when_idle)
        self.key_dates.set_store(store)  # the list works out its rows on a runner of its own

    def _load_store(self) -> None:
        """Show what the store holds: read in the worker when it is big."""
        store = self.store
        self.loading = self.events_loading = False
        if store.path is not None and store.event_count() > ASYNC_LOAD_EVENTS:
            # a big corpus is read in the worker: the window shows at once, then its timeline,
            # then the rest (_events_loaded)
            self.loading = self.events_loading = True
            self.timeline.setEmptyText(f"Loading {store.event_count():,} events…", "")
            self.jobs.submit(LoadJob(), self._events_loaded)
        else:
            self.reload()
        self._offer_interrupted_import()

    # -- projects (projects.py) -------------------------------------------------------------
    def _update_title(self) -> None:
        path = self.store.path
        name = project_name(Path(path)) if path is not None and self.project is not None else None
        title = f"{name} — kerryview" if name else "kerryview"
        if self.read_only_path is not None:
            title += " (read-only)"
        self.setWindowTitle(title)

    def show_first_run(self) -> None:
        """The first-run screen in place of the timeline: no project was open before."""
        self.firstrun.set_recent(projects.recent_projects())
        self.central.setCurrentWidget(self.firstrun)
        for a in NEEDS_A_PROJECT:
            self._actions[a].setEnabled(False)  # no project to add to or timeline to move yet
        self.export_menu.setEnabled(False)
        self.firstrun.setFocus(Qt.FocusReason.OtherFocusReason)

    def first_run_shown(self) -> bool:
        return self.central.currentWidget() is self.firstrun

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = projects.recent_projects()
        for p in recent:
            act = self.recent_menu.addAction(f"{project_name(p)}  ({p.parent})")
            act.setToolTip(str(p))
            act.triggered.connect(lambda _=False, p=p: self.open_project_file(p))
        self.recent_menu.setEnabled(bool(recent))

    def new_project_dialog(self) -> None:
        path = projects.ask_new_project(self)
        if path is not None:
            self.new_project(path)

    def new_project(self, path: Path) -> bool:
        """Make an empty project at `path` and open it; an existing file is never replaced."""
        if path.exists():
            QMessageBox.information(
                self, "New project", f"{path} already exists. Open it with File › Open "
                "project…, or choose another name for the new project.")
            return False
        return self.open_project_file(path)

    def open_project_dialog(self) -> None:
        path = projects.ask_open_project(self)
        if path is not None:
            self.open_project_file(path)

    def open_demo(self) -> bool:
        """Help > Open the demo: the bundled articles in their own project (imported the first
        time it is opened), never into the user's project."""
        already = self.project is not None and is_demo(self.project.path)
        if not already and not self.open_project_file(demo_path()):
            return False
        if not self.store.documents() and self.read_only_path is None:
            from kerryview.bundled import bundled_corpus_paths
            self.import_paths([str(p) for p in bundled_corpus_paths()])
        return True

    def open_project_file(self, path: Path) -> bool:
        """Open the project at `path` (created if it does not exist) in this window; a file
        that cannot be a project is named in a message and the open project stays."""
        if self.jobs.is_busy() or self.loading:
            self.status.showMessage("Wait for the running import to finish" if not self.loading
                                    else "Wait for the project to finish loading", 4000)
            return False
        try:
            project = open_project(Path(path))
        except ProjectError as e:
            QMessageBox.warning(self, "Cannot open the project", str(e))
            return False
        return self.use_project(project)

    def use_project(self, project: OpenProject) -> bool:
        """Show `project` in this window (the window owns it from now on and closes the one it
        had); remembered as the last and most recent project (unless it is read-only)."""
        if self.jobs.is_busy() or self.loading:  # (between a big project's two phases too)
            project.close()
            return False
        old = self.project
        self.store = project.store
        self.project = project
        self.edits.store = project.store  # its undo history is the new project's
        self._load_undo_history()
        self._start_jobs(project.store)
        self.read_only_path = None
        self.status.notice_label.hide()
        for a in NEEDS_A_PROJECT:
            self._actions[a].setEnabled(True)
        self.export_menu.setEnabled(True)
        self._loaded_once = False
        self.reader.show_document(None, None)
        self.passages.set_event(None)
        self.central.setCurrentWidget(self.main_split)
        if project.read_only:
            self.set_read_only(project.path, project.notice)
        else:
            projects.remember_project(project.path)
        self._load_store()
        self._show_empty_text()
        self._update_title()
        self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)
        if old is not None and old.store is not project.store:
            old.close()
        self.status.showMessage(f"Opened {project_name(project.path)} ({project.path})", 6000)
        return True

    def own_project(self, project: OpenProject) -> None:
        """The window was built on `project`'s store: it owns the project from now on (its
        name in the title, closed with the window's next project or at quit)."""
        self.project = project
        if not project.read_only:
            projects.remember_project(project.path)
        self._show_empty_text()
        self._update_title()

    def close_project(self) -> None:
        """Close the project the window owns (at quit)."""
        if self.project is not None:
            self.project.close()
            self.project = None

    def set_document_source(self, doc_id: str, title: str | None, outlet: str | None) -> bool:
        """Keep the outlet and headline the user gave an article; every view renames it."""
        if self._refuse_if_read_only("Not changed"):
            self.reload()
            return False
        if self.jobs.is_busy():
            self.status.showMessage("Wait for the running import to finish", 4000)
            self.reload()
            return False
        doc = self.docs.get(doc_id)
        if doc is None:
            return False
        was = self.store.document(doc_id)  # (the table shows the new names already)
        if was is None:
            return False
        self.edits.change_articles(self._apply_sources,
                                   {doc_id: ((was.title, was.outlet), (title, outlet))},
                                   f"Rename {source_title(was)}")
        self.status.showMessage("Source renamed", 4000)
        return True

    def _apply_sources(self, sources: dict[str, tuple[str | None, str | None]]) -> None:
        """Store and show the headline and outlet of each article of `sources` (an undo
        step's, commands.ArticlesCommand); while the corpus is read (an undo of several steps
        at once, one of them a date's), shown at once and stored when that reading ends."""
        for doc_id, (title, outlet) in sources.items():
            if (doc := self.docs.get(doc_id)) is not None:
                doc.title, doc.outlet = title, outlet
        if self.jobs.is_busy():  # the reading saves the articles as it read them: after it
            self._pending_sources.update(sources)
            self._documents_changed(list(sources))
            return
        with self.store.writing():
            for doc_id, (title, outlet) in sources.items():
                self.store.set_document_source(doc_id, title=title, outlet=outlet)
        self.reload(Corpus(list(self.docs.values()),
                           self._full.index if self._full else self.index()))

    def _documents_changed(self, doc_ids: list[str]) -> None:
        """The rows of these articles show what they hold now, and the status bar how many
        have no date (a value given while the corpus is read)."""
        self.documents.model_.documents_changed(doc_ids)
        self._count_undated()

    def _count_undated(self) -> None:
        """The status bar's count of the articles shown without a date, and why (one walk of
        the table's rows: the reasons' counts add up to it)."""
        reasons = self.documents.model_.undated_reasons()
        self.status.set_undated_articles(sum(n for _, n in reasons), reasons)

    def show_undated_articles(self) -> None:
        """The articles without a publication date first in the articles table, the first of
        them chosen and open in the reader: where the user reads and gives their dates (the
        status bar's "n articles without a date")."""
        from kerryview.gui.mainwindow.documents import Column
        self.documents.sortByColumn(Column.PUBLISHED, Qt.SortOrder.AscendingOrder)
        self.documents.setCurrentIndex(self.documents.model_.index(0, Column.PUBLISHED))
        self.documents.scrollToTop()
        self.documents.setFocus()
        first = self.documents.current_document()
        if first is not None and first.dct is None:
            self._document_clicked(first.id)  # its text in the reader, where its date may be read

    def set_documents_outlet(self, doc_ids: list[str], outlet: str | None) -> bool:
        """Give many articles one outlet (their headlines kept), shown once all are stored."""
        if self._refuse_if_read_only("Not changed"):
            return False
        if self.jobs.is_busy():
            self.status.showMessage("Wait for the running import to finish", 4000)
            return False
        docs = [self.docs[i] for i in doc_ids if i in self.docs]
        text = f"Outlet of {count_words(len(docs), 'article')} " \
               f"{'set to ' + outlet if outlet else 'cleared'}"
        self.edits.change_articles(  # undone by Edit > Undo (the outlets they had come back)
            self._apply_sources, {d.id: ((d.title, d.outlet), (d.title, outlet)) for d in docs},
            text)
        self.status.showMessage(text, 4000)
        return True

    def remove_documents(self, doc_ids: list[str]) -> bool:
        """Remove articles (the user confirmed): their events re-resolve from the others,
        marks and corrections kept (kerryview.gui.project.remove_articles)."""
        if not doc_ids or self._refuse_if_read_only("Not removed"):
            return False
        if self.jobs.is_busy():
            self.status.showMessage("Wait for the running import to finish", 4000)
            return False
        shown = self.reader.document()
        if shown is not None and shown.id in doc_ids:
            self.reader.show_document(None, None)
        n = len(doc_ids)

        def done(result: Imported) -> None:
            self._show_empty_text()
            self.reload(result.corpus)
            self.status.showMessage(f"Removed {count_words(n, 'article')}; "
                                    f"{len(self.index()):,} events", 8000)
        return self.jobs.submit(projects.RemoveJob(list(doc_ids)), done)

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
        self._update_title()
        self.status.set_notice("Read-only", notice)
        self.interrupted.offer([])
        self._show_empty_text()
        for a in (Action.OPEN_FILES, Action.OPEN_FOLDER):
            self._actions[a].setEnabled(False)
        self.undo_view.setEnabled(False)
        self._sync_edit_actions()

    def _show_empty_text(self) -> None:
        """What the timeline says while it has no events (and no job is reading any)."""
        if getattr(self, "events_loading", False):
            return  # "Loading 40,000 events…" until they are shown, not "An empty project"
        text = EMPTY_TEXT if self.project is None else EMPTY_PROJECT_TEXT
        self.timeline.setEmptyText(*(text if self.read_only_path is None
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

    def _name_for_assistive_technology(self) -> None:
        """Every panel has a name a screen reader can say, and a list or table with the
        keyboard focus shows it with a ring (the timeline draws its own)."""
        for widget, name in ((self.problems, "Problems"), (self.reader, "Article reader"),
                             (self.passages, "Passages of the selected event"),
                             (self.legend, "Timeline legend"), (self.main_split, "Workspace"),
                             (self.find, "Find")):
            if not widget.accessibleName():
                widget.setAccessibleName(name)
        ring = FOCUS_RING
        for view in (self.documents, self.passages.view, self.find.results, self.problems,
                     self.firstrun.recent):
            view.setStyleSheet(ring)

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
        tl.addWidget(self.minimap)
        tl.addWidget(self.legend)
        self.find.hide()
        self.find.results.hide()

        self.right_split = QSplitter(Qt.Orientation.Vertical)
        self.right_split.addWidget(self.documents)
        self.right_split.addWidget(self.reader)
        self.right_split.setStretchFactor(1, 1)
        self.right_split.setSizes([100, 430])
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
        self.main_split.setSizes([440, 330, 0])  # the timeline is the point: give it room
        self.main_split.setChildrenCollapsible(False)
        self.central = QStackedWidget()
        self.central.addWidget(self.main_split)
        self.central.addWidget(self.firstrun)
        self.setCentralWidget(self.central)
        self.reader_room = ReaderRoom(self.main_split, self.bottom_split, self.right_split)

    # -- data -----------------------------------------------------------------------------
    def index(self) -> TimelineIndex:
        """The events shown, in timeline order (the timeline's index: one list of events)."""
        return self.timeline.index()

    def reload(self, corpus: Corpus | None = None, shown: TimelineIndex | None = None,
               counts: Counts | None = None) -> None:
        """Refresh every view from the store, or from what a job read in the worker (the
        documents and the TimelineIndex built there), so a big corpus is not re-read here.
        `shown` and `counts`: the events of the stories shown and the counts of `corpus`,
        worked out by the caller (an edit changes a few rows of those shown before)."""
        with gc_paused():  # maps over every passage: no cycles (kerryview.gcpause)
            self._reload(corpus, shown, counts)

    def _reload(self, corpus: Corpus | None, shown_index: TimelineIndex | None = None,
                counts: Counts | None = None) -> None:
        if corpus is None:
            corpus = Corpus.of(self.store.documents(), self.store.events(passages=False))
        # the events alone, their documents still being read (_events_loaded): the timeline
        # is shown, the views of the documents and the stories are filled when they come
        events_first = corpus.documents is None
        docs = corpus.documents or []
        shown_first, self._events_first = self._events_first, \
            corpus.index if events_first else None
        # the corpus shown again (a story chosen in the list): its stories and counts stand
        same = corpus is self._full and self._counts is not None
        self._full = corpus
        if events_first:  # the Stories list is filled with the documents, and shown now
            self._stories, self._counts = [], None  # if it will be: the timeline is fitted
            self.stories.clear_rows()  # to its width
            self._sync_stories_dock(several=self._story_count() > 1)
            self.layout().activate()
            index = corpus.index
        elif shown_index is not None:  # an edit: the same stories, its counts given
            index = shown_index
            if counts is not None:
                self._counts = counts
                self.stories.blockSignals(True)
                try:
                    self.stories.set_stories(self._stories, self._counts)
                finally:
                    self.stories.blockSignals(False)
        else:
            index = self._story_filtered(corpus.index, read_again=not same)
        self._generation += 1  # read again: older edit snapshots are stale
        self.docs = {d.id: d for d in docs}
        for doc_id, value in self._pending_dates.items():  # given while a reading ran
            if value is not None and doc_id in self.docs:
                self.docs[doc_id].dct, self.docs[doc_id].dct_source = _date_and_source(value)
        for doc_id, (title, outlet) in self._pending_sources.items():
            if doc_id in self.docs:
                self.docs[doc_id].title, self.docs[doc_id].outlet = title, outlet
        # kept, but fitted as a load fits them when the events shown first were not these
        # (a story chosen in the list before: its events, once the stories are read)
        keep = self._loaded_once and len(self.index()) > 0 and \
            (shown_first is None or index is shown_first)
        current = self.timeline.currentEvent()
        names = distinct_names(self.docs)  # once per reload, for every view that names sources
        self.passages.set_documents(self.docs, names)
        self.reader.names = names
        self._mention_event = None  # built when a passage in the reader is first clicked
        self._mentions_by_doc = {}  # each article's passages, when it is first shown
        # each article's passages on the timeline, from the summaries (count_corpus): those
        # of the articles the chosen stories show are the same whichever stories are chosen
        per_doc = self._counts.passages if self._counts is not None else {}
        if index is not shown_first or index is not self.timeline.index():  # else laid out
            self.timeline.setIndex(index, keep_view=keep)
        self._loaded_once = True
        chosen = self.stories.chosen()
        in_stories = None if chosen is None else \
            {d for s in self._stories if s.id in chosen for d in s.document_ids}
        self.documents.set_documents(docs, per_doc, in_stories, names)
        self._count_undated()
        if not events_first:  # the ranking weighs days by the articles' publication days
            self.key_dates.set_corpus(index.events, docs if in_stories is None else
                                      [d for d in docs if d.id in in_stories])
        row = index.row_of.get(current.id, -1) if current is not None else -1
        if row >= 0:
            self._read_passages([index.events[row]])
        self.passages.set_event(index.events[row] if row >= 0 else None)
        if row >= 0:
            self.timeline.setCurrentEvent(row)
        shown = self.reader.document()
        if shown is not None:
            self.reader.show_document(self.docs.get(shown.id), self._doc_mentions(shown.id))
        articles = self.store.document_count() if events_first else len(docs) \
            if chosen is None else sum(len(s) for s in self._stories if s.id in chosen)
        self.status.set_counts(len(index), articles, len(index.undated), self._provisional)
        self.minimap.update()
        self.edges.refresh()
        self.find.set_corpus(index, docs)  # the search runs again on the new rows
        self.find.select_event(self.timeline.currentRow())

    # -- stories (kerryview.gui.stories) ----------------------------------------------------
    def _build_stories_dock(self) -> None:
        """The Stories list, left of everything; shown (View > Stories) when the project holds
        more than one story."""
        self.stories_dock = QDockWidget("Stories", self)
        self.stories_dock.setObjectName("storiesDock")
        self.stories_dock.setAccessibleName("Stories")
        self.stories_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.stories_dock.setWidget(self.stories)
        self.stories.view.setStyleSheet(FOCUS_RING)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.stories_dock)
        self.resizeDocks([self.stories_dock], [240], Qt.Orientation.Horizontal)
        self.stories_dock.hide()
        self._actions[Action.STORIES].setChecked(settings.STORIES_PANEL.get())
        self._actions[Action.STORIES].setEnabled(False)
        self.stories.storiesChosen.connect(self._stories_chosen)

    def show_stories(self, on: bool) -> None:
        """View > Stories: show or hide the list (remembered); hidden, every story is shown."""
        settings.STORIES_PANEL.set(bool(on))
        self._actions[Action.STORIES].setChecked(bool(on))
        if not on and self.stories.chosen() is not None:
            self.stories.choose(None)
        self._sync_stories_dock()
        if on and self.stories_dock.isVisible():
            self.stories.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _share_left(self) -> None:
        """With the Stories and Key dates lists both on the left, the key dates get
        KEY_DATES_SHARE of the height the first time: a story list holds a few rows, the key
        dates ten or more; shown again (View > Key dates, a second story), the split the user
        left them in (_keep_left_share; Qt left the one shown again a few rows' height)."""
        if not self._left_shared():
            return
        total = self.stories_dock.height() + self.key_dates.height()
        keys = round(total * self._left_share)
        self.resizeDocks([self.stories_dock, self.key_dates], [total - keys, keys],
                         Qt.Orientation.Vertical)

    def _left_shared(self) -> bool:
        """Whether the Stories and Key dates lists are both shown, one above the other."""
        stories, keys = self.stories_dock, self.key_dates
        return stories.isVisible() and keys.isVisible() and not (
            stories.isFloating() or keys.isFloating()) and \
            self.dockWidgetArea(stories) == self.dockWidgetArea(keys)

    def _keep_left_share(self) -> None:
        """One of the left lists hides: the split the two were in (the user's, if they moved
        it) is the one they get when it is shown again. Their heights are still those of the
        split here: the docks are laid out again after the hide."""
        stories, keys = self.stories_dock, self.key_dates
        if stories.isFloating() or keys.isFloating() or not (
                stories.isVisible() or keys.isVisible()) or \
                self.dockWidgetArea(stories) != self.dockWidgetArea(keys):
            return  # (the window itself hides: neither is visible)
        total = stories.height() + keys.height()
        if total > 0 and stories.height() > 0 and keys.height() > 0:
            self._left_share = keys.height() / total

    def _story_count(self) -> int:
        try:
            return self.store.story_count()
        except Exception:  # noqa: BLE001 - the stories are a view; the events are shown anyway
            return 0

    def _sync_stories_dock(self, several: bool | None = None) -> None:
        several = len(self._stories) > 1 if several is None else several
        self._actions[Action.STORIES].setEnabled(several)
        self.stories_dock.setVisible(several and settings.STORIES_PANEL.get())

    def _story_filtered(self, index: TimelineIndex, read_again: bool = True) -> TimelineIndex:
        """The events of the stories chosen in the Stories list (every event when it is "All
        stories"). With `read_again` (a new corpus) the project's stories are read and the
        list and the counts (count_corpus, one pass over the events' summaries) made again;
        else (a story chosen: the same corpus) they stand."""
        if read_again:
            try:
                self._stories = self.store.stories(centroids=False)  # listed by name
            except Exception:  # noqa: BLE001 - the stories are a view; the events are shown anyway
                self._stories = []
            self._counts = count_corpus(self._stories, index.summaries, index.undated)
            self.stories.blockSignals(True)
            try:
                self.stories.set_stories(self._stories, self._counts)
            finally:
                self.stories.blockSignals(False)
            self._sync_stories_dock()
        chosen = self.stories.chosen()
        if chosen is None:
            return index
        events = list(index.events) + list(index.undated)
        return TimelineIndex(events_in(events, self._stories, chosen), reuse=index)

    def _stories_chosen(self, _chosen) -> None:
        """Show only the chosen stories' events (the find bar searches what is shown)."""
        if self._full is not None:
            self.reload(self._full)
            self.timeline.fitAll()

    # -- selection ------------------------------------------------------------------------
    def select_event(self, row: int) -> None:
        self.timeline.setCurrentEvent(row)

    def _read_passages(self, events: Sequence[Event], refs: set[tuple] | None = None) -> None:
        """Read the passages of events opened without them (Store.events(passages=False)):
        the selected event's, an opened article's, those an edit names, all for a search."""
        if self.store.read_passages(events, refs):
            self._mention_event = None  # the reader's click map gains their passages

    def _doc_mentions(self, doc_id: str) -> list[EventMention]:
        """The passages in one article of the events shown (the reader highlights them),
        read for the events holding them the first time the article is shown."""
        found = self._mentions_by_doc.get(doc_id)
        if found is None:
            index = self.index()
            stored = self.store.event_ids_in_document(doc_id)
            self._read_passages([ev for ev in index.events if ev.id in stored])
            found = self._mentions_by_doc[doc_id] = [
                m for ev in index.events for m in ev.mentions if m.document_id == doc_id]
        return found

    def _event_selected(self, row: int) -> None:
        index = self.index()
        ev = index.events[row] if 0 <= row < len(index) else None
        if ev is not None:
            self._read_passages([ev])
        self.passages.set_event(ev)
        self.find.select_event(row)
        self._sync_mark_actions(ev)
        if ev is not None:
            self.status.showMessage(f"{ev.label} — {count_words(len(ev.mentions), 'passage')}", 5000)

    def _sync_mark_actions(self, ev: Event | None) -> None:
        for a, on in ((Action.REVIEWED, ev is not None and ev.reviewed),
                      (Action.DISMISSED, ev is not None and ev.dismissed)):
            self._actions[a].setEnabled(ev is not None)
            self._actions[a].setChecked(bool(on))
        self._sync_edit_actions()

    def selected_events(self) -> list[Event]:
        """The events selected on the timeline: several (Ctrl+click), else the current one."""
        index = self.index()
        events = [index.events[r] for r in self.timeline.selectedRows() if 0 <= r < len(index)]
        self._read_passages(events)  # an edit or a mark names them by their passages
        return events

    def mark_current_event(self, *, reviewed: bool | None = None, dismissed: bool | None = None) -> bool:
        """Keep the user's mark on the selected event(s) in the store and show it at once; one
        step of the undo history however many events are selected."""
        events = self.selected_events()
        ev = self.timeline.currentEvent()
        if not events:
            return False
        if self._refuse_if_read_only("Not marked") or self._refuse_if_busy():
            self._sync_mark_actions(ev)
            return False
        self.edits.mark(events, reviewed=reviewed, dismissed=dismissed)
        self._sync_mark_actions(self.timeline.currentEvent())
        what = ("reviewed" if reviewed else "no longer marked reviewed") if reviewed is not None else (
            "marked as not an event (left out of exports)" if dismissed else "an event again")
        who = f"{len(events)} events" if len(events) > 1 else f"“{events[0].label}”"
        self.status.showMessage(f"{who}: {what}", 5000)
        return True

    # -- edits, with undo (kerryview.gui.edits) -----------------------------------------------
    def _build_edits(self) -> None:
        self._generation = 0  # +1 each time the corpus is read from the project (edit snapshots)
        self.edits = EditController(self.store, self, self)
        stack = self.edits.stack
        # bound methods of the window, not lambdas: Qt drops them when the window goes, before
        # the stack's own teardown signals
        stack.indexChanged.connect(self._undo_stack_changed)
        stack.cleanChanged.connect(self._undo_stack_changed)
        self.undo_view = QUndoView(stack)
        self.undo_view.setEmptyLabel("The project as kerryview read it")
        self.undo_view.setAccessibleName("Undo history")
        self.undo_view.setObjectName("undoHistory")
        self.undo_view.setWordWrap(True)  # a step names its event: long lines wrap
        self.undo_view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.undo_view.setResizeMode(QUndoView.ResizeMode.Adjust)
        self.undo_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.undo_dock = QDockWidget("Undo history", self)
        self.undo_dock.setObjectName("undoHistoryDock")
        self.undo_dock.setAccessibleName("Undo history")
        self.undo_dock.setWidget(self.undo_view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.undo_dock)
        self.undo_dock.hide()
        self.undo_dock.visibilityChanged.connect(self._actions[Action.UNDO_HISTORY].setChecked)
        context = []
        for a in CONTEXT_ACTIONS:
            if a is None:
                sep = QAction(self.timeline)
                sep.setSeparator(True)
                context.append(sep)
            else:
                context.append(self._actions[a])
        self.timeline.addActions(context)
        self._load_undo_history()

    def _load_undo_history(self) -> None:
        """The undo stack of the project's stored edits (at start and when a project is opened)."""
        try:
            self.edits.load_history()
            self._undo_stack_changed()
        except Exception as exc:  # noqa: BLE001 - the history is a convenience; the edits apply
            self.status.showMessage(f"The undo history could not be read: {exc}", 8000)

    def _undo_stack_changed(self, *_) -> None:
        stack = self.edits.stack
        self._actions[Action.UNDO].setText(
            f"&Undo {stack.undoText()}" if stack.canUndo() else "&Undo")
        self._actions[Action.REDO].setText(
            f"&Redo {stack.redoText()}" if stack.canRedo() else "&Redo")
        self._sync_edit_actions()

    def _sync_edit_actions(self) -> None:
        ev = self.timeline.currentEvent()
        can = self.read_only_path is None and not self.jobs.is_busy() \
            if hasattr(self, "jobs") else self.read_only_path is None
        stack = self.edits.stack
        acts = self._actions
        acts[Action.UNDO].setEnabled(can and stack.canUndo())
        acts[Action.REDO].setEnabled(can and stack.canRedo())
        acts[Action.EDIT_EVENT].setEnabled(can and ev is not None)
        acts[Action.NOTE].setEnabled(can and ev is not None)
        acts[Action.SPLIT].setEnabled(can and ev is not None and ev.summary.n_passages > 1)
        acts[Action.MERGE].setEnabled(can and len(self.timeline.selectedRows()) > 1)
        acts[Action.ADD_EVENT].setEnabled(can)

    def _refuse_if_busy(self) -> bool:
        if not self.jobs.is_busy():
            return False
        self.status.showMessage("Wait for the running import to finish", 4000)
        return True

    def _may_edit(self, what: str) -> bool:
        return not (self._refuse_if_read_only(what) or self._refuse_if_busy())

    def _current_when(self) -> tuple[str, str] | None:
        """(label, date in words) of the selected event, None when none is selected."""
        ev = self.timeline.currentEvent()
        return None if ev is None else (ev.label, date_words(ev, event_zone(ev)))

    def undo(self) -> None:
        """Edit > Undo; the status bar says what was undone (not the step's own message, which
        it showed until then: "…: marked as not an event" after the mark was undone), and the
        date the event is back on when the undo moved it: "Undone: Date “Kerry met Wang Yi”:
        19 July 2023" alone reads as if the event were now on 19 July. The event is the one
        the step dated (its SetDate's target), whichever event is selected: a rename undone
        while another event was selected moved no date."""
        stack = self.edits.stack
        if self._may_edit("Not undone") and stack.canUndo():
            text = stack.undoText()
            before, after = self._dates_around(stack.command(stack.index() - 1), stack.undo)
            back = f" — back on {after}" if after and before and after != before else ""
            self.status.showMessage(f"Undone: {text}{back}", 8000 if back else 5000)

    def _dates_around(self, step, move: Callable[[], None]) -> tuple[str | None, str | None]:
        """The date in words of the event the undo step `step` dates (its first SetDate's
        target) before and after `move` (undoing or redoing it); (None, None) when it dates
        none. Undo and redo say it alike."""
        dated = [e.target for e in getattr(step, "edits", ()) if isinstance(e, SetDate)]
        before = self._date_of(dated[0]) if dated else None
        move()
        return before, (self._date_of(dated[0]) if dated else None)

    def _date_of(self, ref: EventRef) -> str | None:
        """The date in words of the event shown holding the passages `ref` (None: not shown);
        looked for among the events holding them (events_holding), not every event."""
        rows = self._rows_holding([ref], among=self.events_holding(set(ref)))
        if not rows:
            return None
        ev = self.index().events[rows[0]]
        return date_words(ev, event_zone(ev))

    def redo(self) -> None:
        """Edit > Redo; the status bar says what was redone and, when the step moves an
        event, the day it is now on, as the undo says the day it is back on."""
        stack = self.edits.stack
        if self._may_edit("Not redone") and stack.canRedo():
            text = stack.redoText()
            before, after = self._dates_around(stack.command(stack.index()), stack.redo)
            now = f" — now on {after}" if after and before and after != before else ""
            self.status.showMessage(f"Redone: {text}{now}", 8000 if now else 5000)

    def show_undo_history(self, on: bool = True) -> None:
        """Edit > Undo history: the steps, oldest first; clicking one goes back to it."""
        self.undo_dock.setVisible(on)
        if on:
            self.resizeDocks([self.undo_dock], [max(self.undo_dock.width(), 360)],
                             Qt.Orientation.Horizontal)
            self.undo_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _rows_holding(self, refs: Sequence[EventRef], among: Sequence[Event] | None = None
                      ) -> list[int]:
        """The rows of the events holding most of each `refs` (the events an edit made);
        `among`: only these events (those an edit put in) are looked at."""
        if not refs:
            return []
        owner: dict[tuple, int] = {}
        wanted = set().union(*refs)
        index = self.index()
        if among is None:
            self._read_passages(index.events, wanted)
            held = enumerate(index.events)
        else:
            rows = ((index.row_of.get(ev.id, -1), ev) for ev in among)
            held = [(r, ev) for r, ev in rows if r >= 0 and index.events[r] is ev]
        for row, ev in held:
            for m in ev.mentions:
                key = mention_ref(m)
                if key in wanted:
                    owner[key] = row
        rows: list[int] = []
        for ref in refs:
            counts: dict[int, int] = {}
            for key in ref:
                if key in owner:
                    counts[owner[key]] = counts.get(owner[key], 0) + 1
            if counts:
                row = max(counts, key=counts.get)
                if row not in rows:
                    rows.append(row)
        return rows

    # what EditController calls (controller.Shown)
    def shown_generation(self) -> int:
        return self._generation

    def events_holding(self, refs: set[tuple]) -> list[Event]:
        """Every event with a passage at one of `refs`, those of the stories not shown too (an
        edit applies to the project), their passages read: the events as the project found
        them are found in it by these passages (Store.events_with_passages), those an edit
        made (Event.edited: their passages were read to make them) by theirs."""
        index = self._full.index if self._full is not None else self.index()
        if not refs:
            return []
        named = self.store.events_with_passages(refs)
        found = {id(ev): ev for ev in chain(
            (index.events[r] for r in (index.row_of.get(i, -1) for i in named) if r >= 0),
            (ev for ev in index.undated if ev.id in named),
            (ev for ev in chain(index.events, index.undated) if ev.edited))}
        self._read_passages(list(found.values()))
        return [ev for ev in found.values() if any(
            (m.document_id, m.timex.start, m.timex.end) in refs for m in ev.mentions)]

    def show_project(self, select: Sequence[EventRef]) -> None:
        self.reload(Corpus.of(list(self.docs.values()), self.store.events(passages=False)))
        self._select_edited(select)

    def show_change(self, removed: Sequence[Event], added: Sequence[Event],
                    select: Sequence[EventRef], undated: Sequence[Event] | None = None
                    ) -> tuple[list[Event], list[Event]]:
        """After an edit or its undo: `removed` taken out of the timeline, `added` put in, only
        their rows laid out again (TimelineIndex.edited), the counts of the articles and the
        stories changed by theirs; the edited ones selected."""
        full = self._full.index if self._full is not None else self.index()
        shown = self.index()
        new_full = full.edited(removed, added, undated)
        if shown is full:
            new_shown = new_full
        else:  # a story chosen: of the events put in, those of the stories shown; its
            # undated ones those of the whole list in its order (an undo puts them back there)
            chosen = self.stories.chosen()
            new_shown = shown.edited(removed, events_in(added, self._stories, chosen),
                                     events_in(new_full.undated, self._stories, chosen))
        counts = None if self._counts is None else \
            count_change(self._counts, self._stories, removed, added, is_dated)
        generation = self._generation
        self.reload(Corpus(list(self.docs.values()), new_full), shown=new_shown, counts=counts)
        self._generation = generation  # the same corpus, edited: the steps' changes stay good
        self._select_edited(select, among=added)
        return list(full.undated), list(new_full.undated)

    def _select_edited(self, select: Sequence[EventRef], among: Sequence[Event] | None = None) -> None:
        rows = self._rows_holding(select, among)
        if rows:
            self.timeline.setCurrentEvent(rows[0])
            self.timeline.setSelectedRows(rows if len(rows) > 1 else [])
            self.passages.set_event(self.index().events[rows[0]])
        self._sync_mark_actions(self.timeline.currentEvent())

    def show_marks(self, marks: dict) -> None:
        # on the timeline's index and on the whole corpus's when a story is chosen (an edit
        # makes the next index from that one's rows: TimelineIndex.edited)
        full = self._full.index if self._full is not None else None
        for index in (self.index(),) if full in (None, self.index()) else (self.index(), full):
            for event_id, (reviewed, dismissed) in marks.items():
                row = index.row_of.get(event_id, -1)
                if row >= 0:
                    index.set_mark(row, reviewed=reviewed, dismissed=dismissed)
        self.timeline.marksChanged()
        self.key_dates.marks_changed()  # a dismissed event leaves the ranking
        self._sync_mark_actions(self.timeline.currentEvent())
        self.find.run()  # a marks filter may no longer hold for them

    def edit_current_event(self, focus_note: bool = False) -> bool:
        """Event > Edit event (F2) / Note (N): the dialog, then one undo step."""
        ev = self.timeline.currentEvent()
        if ev is None or not self._may_edit("Not edited"):
            return False
        self._read_passages([ev])  # the edit names it by its passages
        dialog = EventDialog("Edit event" if not focus_note else "Note on the event",
                             fields_of(ev), self)
        if focus_note:
            dialog.note.setFocus()
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.activateWindow()  # the window's shortcuts (Ctrl+Z) work again at once
        if not accepted:
            return False
        before = self._current_when()
        if not self.edits.edit_event(ev, dialog.fields()):
            return False
        # the step, said once it is done (selecting the edited event said only its label),
        # with the date it had when the edit moved it
        after = self._current_when()
        was = f" (was {before[1]})" if after and before and after[1] != before[1] else ""
        key = self._actions[Action.UNDO].shortcut().toString(
            QKeySequence.SequenceFormat.NativeText)
        self.status.showMessage(f"{self.edits.stack.undoText()}{was}"
                                + (f" · {key} undoes it" if key else ""), 8000)
        return True

    def _passage_to_add(self) -> tuple[Document, int, int] | None:
        """What Add event takes: the text selected in the article, else the selected passage."""
        doc = self.reader.document()
        span = self.reader.selected_span()
        if doc is not None and span is not None:
            return doc, span[0], span[1]
        view = self.passages.view
        m = self.passages.model.mention(view.currentIndex().row()) \
            if view.currentIndex().isValid() else self.reader.current_mention()
        if m is not None and m.document_id in self.docs:
            return self.docs[m.document_id], m.start, m.end
        return None

    def add_event_from_passage(self) -> bool:
        """Event > Add event from passage: a dialog prefilled from the passage, then one step."""
        if not self._may_edit("Not added"):
            return False
        found = self._passage_to_add()
        if found is None:
            self.status.showMessage("Select some text in the article, or a passage, to make an "
                                    "event of it", 8000)
            return False
        doc, start, end = found
        text = " ".join(doc.text[start:end].split())
        ev = self.timeline.currentEvent()
        when = EditDate.of_event(ev) if ev is not None and ev.start else None
        if when is None and doc.dct is not None:
            when = EditDate("day", doc.dct)
        words = text.split()
        label = " ".join(words[:12]).rstrip(" ,;:.") + ("…" if len(words) > 12 else "")
        dialog = EventDialog("Add event", EventFields(label, when, "happened", ""), self,
                             intro=f"From {document_title(doc)}: “{text}”")
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.activateWindow()  # the window's shortcuts (Ctrl+Z) work again at once
        if not accepted:
            return False
        return self.edits.add_event(doc, start, end, dialog.fields())

    def merge_selected_events(self) -> bool:
        """Event > Merge selected events (Ctrl+M): the current event's label and date, every
        passage of the others."""
        events = self.selected_events()
        if len(events) < 2:
            self.status.showMessage("Select the events to merge with Ctrl+click (or Ctrl+Space)",
                                    8000)
            return False
        if not self._may_edit("Not merged"):
            return False
        current = self.timeline.currentEvent()
        events.sort(key=lambda e: e is not current)  # the current event gives its label
        return self.edits.merge(events)

    def split_current_event(self) -> bool:
        ev = self.timeline.currentEvent()
        if ev is not None:
            self._read_passages([ev])
        if ev is None or len(ev.mentions) < 2 or not self._may_edit("Not split"):
            return False
        done = self.edits.ask_split(ev, self.docs, self)
        self.activateWindow()
        return done

    def _event_activated(self, row: int) -> None:
        index = self.index()
        if 0 <= row < len(index):
            self._read_passages([index.events[row]])
        if 0 <= row < len(index) and index.events[row].mentions:
            self.open_mention(index.events[row].mentions[0])

    def open_mention(self, m: EventMention) -> None:
        doc = self.docs.get(m.document_id)
        if doc is None:
            self.status.showMessage(f"Article {m.document_id} is not in the corpus", 5000)
            return
        self.reader.show_document(doc, self._doc_mentions(doc.id))
        self.reader.highlight(m)
        self.passages.select_mention(m)
        self.documents.select(doc.id)

    def _event_row_of(self, m: EventMention) -> int:
        """The timeline row of the event `m` is a passage of (-1: none shown). The map is built
        at the first click after a reload, not by every reload (94,677 passages in a project
        of 10,000 articles), and for the index the timeline shows."""
        self._doc_mentions(m.document_id)  # the events told in its article have their passages
        index = self.index()
        if self._mention_event is None or self._mention_event[0] is not index:
            self._mention_event = (index, {mention_key(x): row for row, ev in
                                           enumerate(index.events) for x in ev.mentions})
        return self._mention_event[1].get(mention_key(m), -1)

    def _reader_clicked(self, m: EventMention) -> None:
        row = self._event_row_of(m)
        if row < 0:
            return
        self.timeline.setCurrentEvent(row)
        self.open_mention(m)

    def _document_clicked(self, doc_id: str) -> None:
        doc = self.docs.get(doc_id)
        if doc is not None:
            self.reader.show_document(doc, self._doc_mentions(doc.id))

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
        """Keep the user's publication date (or drop it) and resolve the corpus again. While
        the corpus is being read (the re-reading after the last date the user gave, an import)
        the date is kept and shown at once, and stored and read with the others given
        meanwhile when that reading ends: dating a pile's undated articles one after another
        never waits for each re-reading."""
        if self._refuse_if_read_only("Date not changed"):
            return False
        from kerryview.dating.inference import KEPT_KINDS
        doc = self.docs.get(doc_id)
        # what an undo gives back: the user's own date; a date the corpus keeps as declared
        # (a page's metadata, the day of its wire dateline) with its source (a reading finds
        # it again too, from Document.page_date, but a project made before page dates were
        # kept may not have it); or None: found by reading the corpus (found again on an undo)
        old: DatedAs = None
        if doc is not None and doc.dct is not None:
            if doc.dct_source.kind is DateSourceKind.SET_BY_USER:
                old = doc.dct
            elif doc.dct_source.kind in KEPT_KINDS:
                old = (doc.dct, doc.dct_source)
        name = source_title(doc) if doc is not None else doc_id
        text = f"Publication date of {name} " + \
            (f"set to {value.isoformat()}" if value else "inferred again")
        if old == value or doc is None:  # nothing to undo: the corpus is read again
            self._apply_dates({doc_id: value})
        else:
            self.edits.change_articles(self._apply_dates, {doc_id: (old, value)}, text)
        return True

    def _apply_dates(self, dates: dict[str, DatedAs]) -> None:
        """Store the publication dates the user gave (None: inferred again) and read the
        corpus again. While it is being read (the re-reading after the last date given, an
        import) they are shown at once, and stored and read with the others given meanwhile
        when that reading ends (_apply_pending; or when the window closes)."""
        if self.jobs.is_busy():
            self._pending_dates.update(dates)
            for doc_id, value in dates.items():
                if (doc := self.docs.get(doc_id)) is not None and value is not None:
                    doc.dct, doc.dct_source = _date_and_source(value)
            self._documents_changed(list(dates))
            n = len(self._pending_dates)
            self.status.showMessage(
                f"{count_words(n, 'publication date')} kept: "
                "the articles are read again with them when the current reading ends", 6000)
            return
        with self.store.writing():
            for doc_id, value in dates.items():
                self.store.set_document_date(doc_id, *_date_and_source(value))
        if len(dates) == 1:
            doc_id, value = next(iter(dates.items()))
            day, source = _date_and_source(value)
            what = f"{doc_id}: publication date " + \
                (f"set to {day.isoformat()}" if source.kind is DateSourceKind.SET_BY_USER
                 else f"{day.isoformat()} again" if day else "inferred again")
        else:
            what = f"{count_words(len(dates), 'publication date')} set"
        self.status.showMessage(f"{what} — re-reading the corpus", 4000)
        self.import_paths([], rebuild=True)

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
            self.timeline.setEmptyText("Reading articles…", "Their events appear here as they "
                                       "are tagged.")
        shown = Corpus(list(self.docs.values()), self.index())
        job = ImportJob(paths, fn, shown=shown, workers=settings.IMPORT_WORKERS.get())
        return self.jobs.submit(job, self._imported)

    def _apply_pending(self) -> None:
        """Store what the user gave the articles while the corpus was being read; with dates
        among it, read the corpus again (once for all of them)."""
        if self.jobs.is_busy() or self._closing or not (
                self._pending_dates or self._pending_sources):
            return
        dates = self._store_pending()
        if dates:
            self.status.showMessage(
                f"{count_words(dates, 'publication date')} set — re-reading the corpus", 4000)
            self.import_paths([], rebuild=True)
        else:
            self.reload(Corpus(list(self.docs.values()),
                               self._full.index if self._full else self.index()))

    def _store_pending(self) -> int:
        """Write to the project the dates, headlines and outlets given while the corpus was
        being read (no job runs now); how many of them were dates."""
        dates, self._pending_dates = self._pending_dates, {}
        sources, self._pending_sources = self._pending_sources, {}
        if dates or sources:
            with self.store.writing():
                for doc_id, value in dates.items():
                    self.store.set_document_date(doc_id, *_date_and_source(value))
                for doc_id, (title, outlet) in sources.items():
                    self.store.set_document_source(doc_id, title=title, outlet=outlet)
        return len(dates)

    def cancel_import(self) -> None:
        if self.jobs.is_busy():
            self.jobs.cancel()
            self.status.cancelling()

    def _busy_changed(self, busy: bool) -> None:
        if not busy:
            self.timeline.measureAhead(True)  # (held while a project's documents are read)
            if (self._pending_dates or self._pending_sources) and not self._closing:
                QTimer.singleShot(0, self._apply_pending)
        job = self.jobs.current()
        self.status.set_busy(busy, job.busy_text if job else "", bool(job and job.cancellable))
        can_open = not busy and self.read_only_path is None
        self._actions[Action.OPEN_FILES].setEnabled(can_open)
        self._actions[Action.OPEN_FOLDER].setEnabled(can_open)
        self.undo_view.setEnabled(can_open)  # an import applies the edits as they are now
        self._sync_edit_actions()

    def _previewed(self, job: Job, preview: Preview) -> None:
        """Show the events of the articles tagged so far (kerryview.gui.provisional) while the
        import goes on; browsing them works as usual, changing them waits for the import."""
        if not isinstance(job, ImportJob) or not isinstance(preview, Preview) or self._closing:
            return
        if self._before_import is None:
            self._before_import = Corpus(list(self.docs.values()), self.index())
        self._provisional = preview.provisional_events
        self.key_dates.panel.hold(True)  # ranked once, on the import's result (_unpreview)
        self.reload(Corpus(preview.documents, preview.index))

    def _unpreview(self, corpus: Corpus | None = None) -> None:
        """The import ended: its result, or (cancelled, failed) the project as it was."""
        before, self._before_import = self._before_import, None
        self._provisional = 0
        if corpus is not None:
            self.reload(corpus)
        elif before is not None:
            self.reload(before)
        self.key_dates.panel.hold(False)

    def _imported(self, done: Imported) -> None:
        self._show_empty_text()
        self._unpreview(done.corpus)
        problems = list(done.result.problems)
        text = import_message(len(done.result.added), len(self.index()), problems)
        if getattr(done.result, "unchanged", False):  # a stand-in pipeline's result may lack it
            said = done.result.nothing_new_text()
            text = f"{said[0].upper()}{said[1:]};{text.partition(';')[2]}"
        self.status.showMessage(text, 10000)
        self.show_problems(problems)

    def _events_loaded(self, corpus: Corpus) -> None:
        """The stored events, laid out in the worker: the timeline shows them and is painted
        at once; then the documents are read for the other views (the documents table, the
        stories, the find bar, the reader), which are filled when they come."""
        self.events_loading = False
        self._show_empty_text()
        self.reload(corpus)
        self.timeline.measureAhead(False)  # the worker's time, until it ends (_busy_changed)
        store = self.store
        self.timeline.paint_then(lambda: self._load_documents(store, corpus))

    def _load_documents(self, store: Store, corpus: Corpus) -> None:
        """Phase two of a big project's load, once its timeline is painted: never on another
        project's store (its events would be shown with the other project's documents)."""
        if store is self.store:
            self.jobs.submit(LoadDocumentsJob(),
                             lambda docs: self._corpus_loaded(Corpus(docs, corpus.index)))

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
        self._unpreview()
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
        self._unpreview()
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
        target = files.ask_export_target(self, default_name(self))
        if target is not None:
            self.export_to(*target)

    def export_to(self, path: str | Path, fmt: str) -> bool:
        """Write the timeline as shown (every event, dated or not) to `path`, in the worker
        thread with progress and cancel (100,000 events take seconds); emits exportDone(ok)."""
        index = self.index()
        events = list(index.events) + list(index.undated)
        self._read_passages(events)  # an export writes every passage
        job = ExportJob(str(path), fmt, list(self.docs.values()), events, title=window_title(self))
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
        if self.first_run_shown():
            return  # no project to add to yet
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
        self.key_dates.panel.stop()  # its worker's thread ends before the window
        if self._store_pending():
            # given while the reading that closing stopped ran: kept, and the corpus not read
            # with them yet, which the next start offers to do (an interrupted resolution)
            self.store.record_import([])
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
    corpus (when a big corpus is read in the background, the paint after its events arrived;
    the other views are filled after it: MainWindow.corpusLoaded)."""
    def painted() -> None:
        if window.events_loading:
            return
        window.timeline.painted.disconnect(painted)
        window.timeline.notify_paints = False
        QTimer.singleShot(0, callback)
    window.timeline.notify_paints = True
    window.timeline.painted.connect(painted)
