"""The main window: timeline on top; passages | (documents over the article) below.

Wiring (all on the main thread):
  timeline.currentEventChanged(row) -> passages.set_event(event)          (and status bar)
  timeline.eventActivated(row)      -> open_mention(first passage)
  passages.passageActivated(m)      -> open_mention(m): reader shows the article, m highlighted
  reader.passageClicked(m)          -> timeline.setCurrentEvent(row of m's event), open_mention(m)
  documents list click              -> reader shows that article with its passages marked
  ImportController.progress/finished/cancelled/failed -> status bar, problems list, reload()
"""
from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHeaderView, QInputDialog, QLabel,
                               QMainWindow, QMessageBox, QProgressBar, QPushButton, QSplitter,
                               QToolButton,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

import kerryview
from kerryview.export import FORMATS
from kerryview.gui.models import EventListModel, document_title
from kerryview.gui.passages import PassagesPanel
from kerryview.gui.reader import ReaderWidget
from kerryview.gui.timeline.widget import TimelineLegend, TimelineWidget
from kerryview.gui.worker import ImportController, export_job
from kerryview.model import Document, EventMention
from kerryview.store import Store

LICENSES = [
    ("PySide6 / Qt", "LGPLv3", "https://www.qt.io/licensing/"),
    ("dateparser", "BSD-3-Clause", "https://github.com/scrapinghub/dateparser"),
    ("sqlite-utils", "Apache-2.0", "https://github.com/simonw/sqlite-utils"),
    ("charset-normalizer", "MIT", "https://github.com/jawah/charset_normalizer"),
]


def settings() -> QSettings:
    """kerryview's settings (tests redirect them with QSettings.setPath(IniFormat, ...))."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "kerryview", "kerryview")


def about_html() -> str:
    rows = "".join(f"<tr><td>{escape(n)}</td><td>&nbsp;{escape(lic)}</td></tr>"
                   for n, lic, _ in LICENSES)
    return (f"<h3>kerryview {escape(kerryview.__version__)}</h3>"
            "<p>News articles in, one clickable timeline of dated events out.</p>"
            "<p>kerryview is MIT licensed. It uses:</p>"
            f"<table>{rows}</table>"
            "<p>Qt is used under the GNU LGPL version 3; you may replace the PySide6/Qt "
            "libraries with your own build.</p>")


ASYNC_LOAD_EVENTS = 3000  # above this many stored events, read them in the worker


class MainWindow(QMainWindow):
    """Signals: corpusLoaded() once a corpus read in the background is shown."""

    corpusLoaded = Signal()
    exportDone = Signal(bool)  # an export ended: written (True), or failed / cancelled (False)

    def __init__(self, store: Store, import_fn: Callable | None = None) -> None:
        super().__init__()
        self._pending_paths: list[str] = []
        self.store = store
        self._import_fn = import_fn
        self.setWindowTitle("kerryview")
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self.docs: dict[str, Document] = {}
        self._mention_event: dict[int, int] = {}  # id(mention) -> event row
        self._mentions_by_doc: dict[str, list[EventMention]] = {}
        self._loaded_once = False

        self.events_model = EventListModel(self)
        self.timeline = TimelineWidget()
        self.legend = TimelineLegend()
        self.passages = PassagesPanel()
        self.reader = ReaderWidget()
        self.documents = QTreeWidget()
        self.documents.setObjectName("documentsList")
        self.documents.setHeaderLabels(["Article", "Published", "How the date was found"])
        self.documents.setRootIsDecorated(False)
        self.documents.setUniformRowHeights(True)
        self.documents.setAlternatingRowColors(True)
        self.documents.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        hdr = self.documents.header()
        hdr.setStretchLastSection(True)
        hdr.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.documents.setColumnWidth(0, 230)
        self.documents.setColumnWidth(1, 90)
        self.documents.itemClicked.connect(self._document_clicked)
        self.documents.itemDoubleClicked.connect(self._edit_document_date)
        self.documents.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        act_set = QAction("Set publication date…", self.documents,
                          triggered=lambda: self._edit_document_date(self.documents.currentItem()))
        act_infer = QAction("Infer publication date again", self.documents,
                            triggered=lambda: self._clear_document_date(self.documents.currentItem()))
        self.documents.addActions([act_set, act_infer])

        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.setSpacing(0)
        tl.addWidget(self.timeline, 1)
        tl.addWidget(self.legend)

        self.right_split = QSplitter(Qt.Orientation.Vertical)
        self.right_split.addWidget(self.documents)
        self.right_split.addWidget(self.reader)
        self.right_split.setStretchFactor(1, 1)
        self.right_split.setSizes([130, 400])
        self.bottom_split = QSplitter(Qt.Orientation.Horizontal)
        self.bottom_split.addWidget(self.passages)
        self.bottom_split.addWidget(self.right_split)
        self.bottom_split.setSizes([520, 760])

        self.problems = QTreeWidget()
        self.problems.setObjectName("problemsList")
        self.problems.setHeaderLabels(["File", "Problem"])
        self.problems.setRootIsDecorated(False)
        self.problems.setColumnWidth(0, 380)
        self.problems.hide()

        self.main_split = QSplitter(Qt.Orientation.Vertical)
        self.main_split.addWidget(top)
        self.main_split.addWidget(self.bottom_split)
        self.main_split.addWidget(self.problems)
        self.main_split.setStretchFactor(0, 2)
        self.main_split.setStretchFactor(1, 3)
        self.main_split.setSizes([490, 310, 0])  # the timeline is the point: give it room
        self.main_split.setChildrenCollapsible(False)
        self.setCentralWidget(self.main_split)

        self._build_status_bar()
        self._build_menus()

        self.timeline.currentEventChanged.connect(self._event_selected)
        self.timeline.eventActivated.connect(self._event_activated)
        self.passages.passageActivated.connect(self.open_mention)
        self.reader.passageClicked.connect(self._reader_clicked)

        self.importer: ImportController | None = None
        if store.path is not None:
            self.importer = ImportController(Path(store.path), import_fn, self)
            self.importer.progress.connect(self._import_progress)
            self.importer.finished.connect(self._import_finished)
            self.importer.cancelled.connect(self._import_cancelled)
            self.importer.failed.connect(self._import_failed)
            self.importer.busyChanged.connect(self._busy_changed)
            self.importer.loaded.connect(self._corpus_loaded)
            self.importer.exported.connect(self._export_finished)
        self._restore_settings()
        self.loading = False
        if self.importer is not None and store.event_count() > ASYNC_LOAD_EVENTS:
            # a big corpus is read in the worker: the window shows at once
            self.loading = True
            self.timeline.setEmptyText(f"Loading {store.event_count():,} events…", "")
            self.importer.load()
        else:
            self.reload()

    # -- building -------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop the import; nothing is changed")
        self.cancel_button.clicked.connect(self.cancel_import)
        self.cancel_button.hide()
        self.problems_button = QToolButton()
        self.problems_button.setCheckable(True)
        self.problems_button.setAutoRaise(True)
        self.problems_button.setStyleSheet("QToolButton { color: #b45309; font-weight: bold; }")
        self.problems_button.toggled.connect(self._toggle_problems)
        self.problems_button.hide()
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #475569; padding: 0 6px;")
        sb.addPermanentWidget(self.problems_button)
        sb.addPermanentWidget(self.progress)
        sb.addPermanentWidget(self.cancel_button)
        sb.addPermanentWidget(self.count_label)

    def _build_menus(self) -> None:
        mb = self.menuBar()
        file_menu = mb.addMenu("&File")
        self.act_open = QAction("&Open files…", self, shortcut=QKeySequence.StandardKey.Open,
                                triggered=self.open_files_dialog)
        self.act_open_folder = QAction("Open &folder…", self, shortcut="Ctrl+Shift+O",
                                       triggered=self.open_folder_dialog)
        self.act_quit = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit,
                                triggered=self.close)
        self.act_export = QAction("&Export timeline…", self, shortcut="Ctrl+E",
                                  triggered=self.export_dialog)
        file_menu.addActions([self.act_open, self.act_open_folder])
        file_menu.addSeparator()
        file_menu.addAction(self.act_export)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        view = mb.addMenu("&View")
        self.act_fit = QAction("&Fit all", self, shortcut="Ctrl+0", triggered=self.timeline.fitAll)
        self.act_zoom_in = QAction("Zoom &in", self, shortcut=QKeySequence.StandardKey.ZoomIn,
                                   triggered=self.timeline.zoomIn)
        self.act_zoom_out = QAction("Zoom &out", self, shortcut=QKeySequence.StandardKey.ZoomOut,
                                    triggered=self.timeline.zoomOut)
        view.addActions([self.act_fit, self.act_zoom_in, self.act_zoom_out])
        # Marks on the selected event (TimeLineCurator's lesson: users of a tool that guesses
        # check and reject what it found, and that must persist). Also the timeline's context menu.
        event_menu = mb.addMenu("&Event")
        self.act_reviewed = QAction("&Reviewed", self, shortcut="R", checkable=True,
                                    toolTip="Mark the selected event as checked by you",
                                    triggered=lambda on: self.mark_current_event(reviewed=on))
        self.act_dismissed = QAction("&Not an event", self, shortcut="Delete", checkable=True,
                                     toolTip="Fade the selected event and leave it out of exports",
                                     triggered=lambda on: self.mark_current_event(dismissed=on))
        for act in (self.act_reviewed, self.act_dismissed):
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.setEnabled(False)
        event_menu.addActions([self.act_reviewed, self.act_dismissed])
        self.timeline.addActions([self.act_reviewed, self.act_dismissed])
        self.timeline.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        help_menu = mb.addMenu("&Help")
        self.act_about = QAction("&About kerryview", self, triggered=self.show_about)
        help_menu.addAction(self.act_about)

    # -- data -----------------------------------------------------------------------------
    def reload(self, documents: list[Document] | None = None, index=None) -> None:
        """Refresh every view from the store, or from what an import returned (its documents
        and the TimelineIndex the worker built), so a big corpus is not re-read here."""
        docs = documents if documents is not None else self.store.documents()
        self.docs = {d.id: d for d in docs}
        keep = self._loaded_once and len(self.events_model.timeline_index()) > 0
        current = self.timeline.currentEvent()
        if index is not None:
            self.events_model.set_index(index)
        else:
            self.events_model.set_events(self.store.events())
        index = self.events_model.timeline_index()
        self.passages.set_documents(self.docs)
        self._mention_event = {}
        self._mentions_by_doc = {}
        for row, ev in enumerate(index.events):
            for m in ev.mentions:
                self._mention_event[id(m)] = row
                self._mentions_by_doc.setdefault(m.document_id, []).append(m)
        self.timeline.setIndex(index, keep_view=keep)
        self._loaded_once = True
        self._fill_documents(docs)
        row = index.row_of.get(current.id, -1) if current is not None else -1
        self.passages.set_event(index.events[row] if row >= 0 else None)
        if row >= 0:
            self.timeline.setCurrentEvent(row)
        shown = self.reader.document()
        if shown is not None:
            self.reader.show_document(self.docs.get(shown.id), self._mentions_by_doc.get(shown.id))
        n_ev, n_doc = len(index), len(docs)
        self.count_label.setText(f"{n_ev:,} events · {n_doc:,} articles")
        if index.undated:
            self.count_label.setText(self.count_label.text() + f" · {len(index.undated)} undated")

    def _fill_documents(self, docs: list[Document]) -> None:
        self.documents.clear()
        for d in docs:
            when = d.dct.isoformat() if d.dct else "unknown"
            n = len(self._mentions_by_doc.get(d.id, []))
            it = QTreeWidgetItem([document_title(d), when, str(d.dct_source)])
            it.setData(0, Qt.ItemDataRole.UserRole, d.id)
            it.setToolTip(0, f"{d.path}\n{n} passage(s) on the timeline")
            it.setToolTip(2, str(d.dct_source))
            self.documents.addTopLevelItem(it)

    # -- selection ------------------------------------------------------------------------
    def select_event(self, row: int) -> None:
        self.timeline.setCurrentEvent(row)

    def _event_selected(self, row: int) -> None:
        index = self.events_model.timeline_index()
        ev = index.events[row] if 0 <= row < len(index) else None
        self.passages.set_event(ev)
        self._sync_mark_actions(ev)
        if ev is not None:
            self.statusBar().showMessage(f"{ev.label} — {len(ev.mentions)} passage(s)", 5000)

    def _sync_mark_actions(self, ev) -> None:
        for act, on in ((self.act_reviewed, ev is not None and ev.reviewed),
                        (self.act_dismissed, ev is not None and ev.dismissed)):
            act.setEnabled(ev is not None)
            act.setChecked(bool(on))

    def mark_current_event(self, *, reviewed: bool | None = None, dismissed: bool | None = None) -> bool:
        """Keep the user's mark on the selected event in the store and show it at once."""
        index = self.events_model.timeline_index()
        row = self.timeline.currentRow()
        if not 0 <= row < len(index):
            return False
        ev = index.events[row]
        if self.importer is not None and self.importer.is_busy():
            self.statusBar().showMessage("Wait for the running import to finish", 4000)
            self._sync_mark_actions(ev)
            return False
        self.store.set_event_mark(ev.id, reviewed=reviewed, dismissed=dismissed)
        index.set_mark(row, reviewed=reviewed, dismissed=dismissed)
        self.timeline.marksChanged()
        self._sync_mark_actions(ev)
        what = ("reviewed" if reviewed else "no longer marked reviewed") if reviewed is not None else (
            "marked as not an event (left out of exports)" if dismissed else "an event again")
        self.statusBar().showMessage(f"“{ev.label}”: {what}", 5000)
        return True

    def _event_activated(self, row: int) -> None:
        index = self.events_model.timeline_index()
        if 0 <= row < len(index) and index.events[row].mentions:
            self.open_mention(index.events[row].mentions[0])

    def open_mention(self, m: EventMention) -> None:
        doc = self.docs.get(m.document_id)
        if doc is None:
            self.statusBar().showMessage(f"Article {m.document_id} is not in the corpus", 5000)
            return
        self.reader.show_document(doc, self._mentions_by_doc.get(doc.id))
        self.reader.highlight(m)
        self.passages.select_mention(m)
        for i in range(self.documents.topLevelItemCount()):
            it = self.documents.topLevelItem(i)
            if it.data(0, Qt.ItemDataRole.UserRole) == doc.id:
                self.documents.setCurrentItem(it)
                break

    def _reader_clicked(self, m: EventMention) -> None:
        row = self._mention_event.get(id(m), -1)
        if row < 0:
            return
        self.timeline.setCurrentEvent(row)
        self.open_mention(m)

    def _document_clicked(self, item: QTreeWidgetItem) -> None:
        doc = self.docs.get(item.data(0, Qt.ItemDataRole.UserRole))
        if doc is not None:
            self.reader.show_document(doc, self._mentions_by_doc.get(doc.id))

    # -- corrections ----------------------------------------------------------------------
    def _edit_document_date(self, item: QTreeWidgetItem | None, *_args) -> None:
        doc = self.docs.get(item.data(0, Qt.ItemDataRole.UserRole)) if item else None
        if doc is None:
            return
        current = doc.dct.isoformat() if doc.dct else ""
        text, ok = QInputDialog.getText(
            self, "Publication date", f"Publication date of {document_title(doc)} (YYYY-MM-DD):",
            text=current)
        if not ok or text.strip() == current:
            return
        try:
            value = date.fromisoformat(text.strip())
        except ValueError:
            self.statusBar().showMessage(f"“{text.strip()}” is not a date like 2023-07-18", 6000)
            return
        self.set_document_date(doc.id, value)

    def _clear_document_date(self, item: QTreeWidgetItem | None) -> None:
        doc = self.docs.get(item.data(0, Qt.ItemDataRole.UserRole)) if item else None
        if doc is not None:
            self.set_document_date(doc.id, None)

    def set_document_date(self, doc_id: str, value: date | None) -> bool:
        """Keep the user's publication date (or drop it) and resolve the corpus again."""
        if self.importer is not None and self.importer.is_busy():
            self.statusBar().showMessage("Wait for the running import to finish", 4000)
            return False
        self.store.set_document_date(doc_id, value)
        self.statusBar().showMessage(
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
        if self.importer is None:  # in-memory store: no second connection possible
            return self._import_in_main_thread(paths)
        if self.loading:
            self._pending_paths.extend(paths)  # imported as soon as the corpus is loaded
            return True
        if self.importer.is_busy():
            self.statusBar().showMessage("An import is already running", 4000)
            return False
        if not len(self.events_model.timeline_index()):
            self.timeline.setEmptyText("Reading articles…", "The timeline appears when they are read.")
        return self.importer.start(paths)

    def _import_in_main_thread(self, paths: list[str]) -> bool:
        from kerryview.gui.worker import default_import_fn
        fn = self._import_fn or default_import_fn()
        result = fn(self.store, paths)
        self._import_finished(result)
        return True

    def cancel_import(self) -> None:
        if self.importer is not None and self.importer.is_busy():
            self.importer.cancel()
            self.cancel_button.setEnabled(False)
            self.statusBar().showMessage("Cancelling…")

    def _busy_changed(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy and self.importer.kind in ("import", "export"))
        self.cancel_button.setEnabled(True)
        self.act_open.setEnabled(not busy)
        self.act_open_folder.setEnabled(not busy)
        if busy:
            self.progress.setRange(0, 0)
            self.statusBar().showMessage({"import": "Importing…", "export": "Exporting…"}.get(
                self.importer.kind, "Loading the corpus…"))

    def _import_progress(self, done: int, total: int, what: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.statusBar().showMessage(what)

    def _import_finished(self, result) -> None:
        self.timeline.setEmptyText(
            "No events yet", "Open articles with File › Open files… or drop files or folders here.")
        index = self.importer.last_index if self.importer is not None else None
        docs = getattr(result, "documents", None)
        if index is not None and docs is not None:
            self.reload(list(docs), index)
        else:
            self.reload()
        problems = list(getattr(result, "problems", []) or [])
        added = getattr(result, "added", None)
        msg = f"{len(self.events_model.timeline_index()):,} events"
        if added is not None:
            msg = f"Added {len(added)} article(s); " + msg
        if problems:
            msg += f"; {len(problems)} file(s) could not be read"
        self.statusBar().showMessage(msg, 10000)
        self.show_problems(problems)

    def _corpus_loaded(self, result) -> None:
        self.loading = False
        self.timeline.setEmptyText(
            "No events yet", "Open articles with File › Open files… or drop files or folders here.")
        self.reload(list(result.documents), self.importer.last_index)
        self.statusBar().clearMessage()
        self.corpusLoaded.emit()
        if self._pending_paths:
            paths, self._pending_paths = self._pending_paths, []
            self.import_paths(paths)

    def _import_cancelled(self) -> None:
        self.timeline.setEmptyText(
            "No events yet", "Open articles with File › Open files… or drop files or folders here.")
        if self.importer is not None and self.importer.kind == "export":
            self.statusBar().showMessage("Export cancelled: no file was written", 8000)
            self.exportDone.emit(False)
            return
        self.statusBar().showMessage("Import cancelled: nothing was changed", 8000)

    def _import_failed(self, message: str) -> None:
        first = message.split("\n", 1)[0]
        if self.importer is not None and self.importer.kind == "export":
            self._export_failed(first)
            return
        self.statusBar().showMessage(f"Import failed: {first}", 15000)
        self.show_problems([_Problem("(import)", message)])

    def show_problems(self, problems: list) -> None:
        if not problems:
            return
        for p in problems:
            it = QTreeWidgetItem([str(getattr(p, "path", "")), str(getattr(p, "message", p))])
            it.setToolTip(0, it.text(0))
            it.setToolTip(1, it.text(1))
            self.problems.addTopLevelItem(it)
        n = self.problems.topLevelItemCount()
        self.problems_button.setText(f"⚠ {n} problem{'s' if n != 1 else ''}")
        self.problems_button.show()

    def _toggle_problems(self, on: bool) -> None:
        self.problems.setVisible(on)
        if on:
            sizes = self.main_split.sizes()
            self.main_split.setSizes([sizes[0], max(100, sizes[1] - 120), 120])

    # -- files ----------------------------------------------------------------------------
    def _last_folder(self) -> str:
        return str(settings().value("lastFolder", str(Path.home())))

    def _remember_folder(self, folder: str) -> None:
        settings().setValue("lastFolder", folder)

    def open_files_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, "Open articles", self._last_folder(),
            "Articles (*.txt *.text *.md *.html *.htm);;All files (*)")
        if files:
            self._remember_folder(str(Path(files[0]).parent))
            self.import_paths(files)

    def open_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open a folder of articles",
                                                  self._last_folder())
        if folder:
            self._remember_folder(folder)
            self.import_paths([folder])

    def export_dialog(self) -> None:
        """Ask where and in which format, then export; the filter chosen is the format."""
        filters = {f"{label} (*{suffix})": name for name, (label, suffix) in FORMATS.items()}
        last = str(settings().value("exportFilter", next(iter(filters))))
        start = Path(self._last_folder()) / ("kerryview-timeline" + FORMATS[filters.get(last, "timelinejs-json")][1])
        path, chosen = QFileDialog.getSaveFileName(self, "Export timeline", str(start),
                                                   ";;".join(filters), last if last in filters else "")
        if not path:
            return
        fmt = filters.get(chosen) or next((n for n, (_, suffix) in FORMATS.items()
                                           if path.lower().endswith(suffix)), "timelinejs-json")
        if not Path(path).suffix:
            path += FORMATS[fmt][1]
        settings().setValue("exportFilter", chosen)
        self._remember_folder(str(Path(path).parent))
        self.export_to(path, fmt)

    def export_to(self, path: str | Path, fmt: str) -> bool:
        """Write the timeline as shown (every event, dated or not) to `path`, in the worker
        thread with progress and cancel (100,000 events take seconds); emits exportDone(ok)."""
        index = self.events_model.timeline_index()
        events = list(index.events) + list(index.undated)
        job = export_job(str(path), fmt, list(self.docs.values()), events)
        if self.importer is None:  # in-memory store: no worker; small by nature
            try:
                self._export_finished(job(self.store, []))
            except OSError as e:
                self._export_failed(f"{type(e).__name__}: {e}")
            return True
        if not self.importer.export(job):
            self.statusBar().showMessage("Wait for the running import to finish", 4000)
            return False
        return True

    def _export_failed(self, reason: str) -> None:
        self.statusBar().showMessage(f"Could not export: {reason}", 15000)
        self.exportDone.emit(False)

    def _export_finished(self, result) -> None:
        self.statusBar().showMessage(
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
        s = settings()
        for key, fn in (("geometry", self.restoreGeometry),
                        ("mainSplit", self.main_split.restoreState),
                        ("bottomSplit", self.bottom_split.restoreState),
                        ("rightSplit", self.right_split.restoreState)):
            val = s.value(key)
            if isinstance(val, QByteArray) and not val.isEmpty():
                fn(val)
        self.problems.hide()

    def save_settings(self) -> None:
        s = settings()
        s.setValue("geometry", self.saveGeometry())
        s.setValue("mainSplit", self.main_split.saveState())
        s.setValue("bottomSplit", self.bottom_split.saveState())
        s.setValue("rightSplit", self.right_split.saveState())
        s.sync()

    def closeEvent(self, e) -> None:  # noqa: N802
        self.save_settings()
        if self.importer is not None and self.importer.is_busy():
            self.importer.cancel()
            self.importer.wait(10000)
        super().closeEvent(e)


class _Problem:
    def __init__(self, path: str, message: str) -> None:
        self.path, self.message = path, message


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
