"""Every action of the main window, declared once: its text, key and tip, and the menus.

Actions are named by the `Action` enum, so a menu, a context menu and a test reach the same
QAction (`window.action(Action.FIT_ALL)`), and what an action does is given by the window when it
builds them (`build_actions(parent, handlers)`).
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from kerryview.gui.timeline.framing import DENSE_SHARE

Key = QKeySequence.StandardKey | str | None


@dataclass(frozen=True)
class Spec:
    text: str
    key: Key = None
    tip: str = ""
    checkable: bool = False


class Action(Enum):
    NEW_PROJECT = Spec("&New project…", QKeySequence.StandardKey.New,
                       "Start an empty project: one file that keeps its articles and timeline")
    OPEN_PROJECT = Spec("Open &project…", "Ctrl+Shift+P", "Open a project file (.kvproj)")
    OPEN_FILES = Spec("&Open files…", QKeySequence.StandardKey.Open)
    OPEN_FOLDER = Spec("Open &folder…", "Ctrl+Shift+O")
    EXPORT = Spec("&Export timeline…", "Ctrl+E",
                  "Save the timeline for TimelineJS, as a calendar, a chronology or JSON")
    QUIT = Spec("&Quit", QKeySequence.StandardKey.Quit)
    UNDO = Spec("&Undo", QKeySequence.StandardKey.Undo, "Undo your last change to the events")
    REDO = Spec("&Redo", "Ctrl+Shift+Z", "Make the change you undid again")
    UNDO_HISTORY = Spec("Undo &history", "Ctrl+Shift+H",
                        "Every change you made to the events: click one to go back to it",
                        checkable=True)
    FIND = Spec("&Find…", "Ctrl+F",
                "Search the events by words, names, sources or a date, and filter them")
    GO_TO_DATE = Spec("&Go to date…", "Ctrl+G", "Centre the timeline on a date you type")
    # "fit all" frames the busy part (timeline/framing.py): said, as the edges' buttons show
    # "◀ 291 earlier" right after it
    FIT_ALL = Spec("&Fit all", "Ctrl+0",
                   f"Frame the busy part of the story ({round(DENSE_SHARE * 10)} events in 10); "
                   "the events far before or after it are counted at the timeline's edges "
                   "(“◀ 12 earlier”, “3 later ▶”): click one to go to the nearest of them")
    ZOOM_IN = Spec("Zoom &in", QKeySequence.StandardKey.ZoomIn)
    ZOOM_OUT = Spec("Zoom &out", QKeySequence.StandardKey.ZoomOut)
    ENLARGE_READER = Spec("&Enlarge the reader", "Ctrl+Shift+R",
                          "Give the article most of the window (again: put the panels back)",
                          checkable=True)
    STORIES = Spec("&Stories", "Ctrl+Shift+T",
                   "The stories of the project: choose some to see only their events",
                   checkable=True)
    KEY_DATES = Spec("&Key dates", "Ctrl+Shift+K",
                     "The days that matter most, each with its most important event: choose one "
                     "to go to it", checkable=True)
    # Marks on the selected event (TimeLineCurator's lesson: users of a tool that guesses check
    # and reject what it found, and that must persist). Also the timeline's context menu.
    REVIEWED = Spec("&Reviewed", "R", "Mark the selected event as checked by you", checkable=True)
    DISMISSED = Spec("&Not an event", "Delete",
                     "Fade the selected event and leave it out of exports", checkable=True)
    OPEN_DEMO = Spec("Open the &demo", None,
                     "The bundled articles on John Kerry's July 2023 visit, in their own project")
    # Edits of events (kerryview.edits), each one step of the undo history.
    EDIT_EVENT = Spec("&Edit event…", "F2",
                      "Change the selected event's label, date, status or note")
    NOTE = Spec("N&ote…", "N", "Write a note on the selected event")
    ADD_EVENT = Spec("&Add event from passage…", "Ctrl+Shift+A",
                     "Make an event of the text selected in the article, or of the selected passage")
    MERGE = Spec("&Merge selected events", "Ctrl+M",
                 "Make one event of the events selected with Ctrl+click (or Ctrl+Space)")
    SPLIT = Spec("&Split event…", "Ctrl+Shift+M",
                 "Make some of the selected event's passages an event of their own")
    ABOUT = Spec("&About kerryview")


RECENT_MENU = "Open &recent"  # a submenu the window fills (File > Open recent)
# A submenu the window builds (File > Export as: gui/mainwindow/export.py), by name.
EXPORT_AS_MENU = "export-as"

# The menus in order; None is a separator, a string a submenu: one given to build_menus by
# that name, else an empty one of that title for the window to fill.
MENUS: list[tuple[str, list[Action | str | None]]] = [
    ("&File", [Action.NEW_PROJECT, Action.OPEN_PROJECT, RECENT_MENU, None, Action.OPEN_FILES,
               Action.OPEN_FOLDER, None, Action.EXPORT, EXPORT_AS_MENU, None, Action.QUIT]),
    ("&Edit", [Action.UNDO, Action.REDO, Action.UNDO_HISTORY, None, Action.FIND]),
    ("&View", [Action.GO_TO_DATE, None, Action.FIT_ALL, Action.ZOOM_IN, Action.ZOOM_OUT, None,
               Action.ENLARGE_READER, Action.STORIES, Action.KEY_DATES]),
    ("&Event", [Action.EDIT_EVENT, Action.NOTE, Action.ADD_EVENT, None, Action.MERGE,
                Action.SPLIT, None, Action.REVIEWED, Action.DISMISSED]),
    ("&Help", [Action.OPEN_DEMO, None, Action.ABOUT]),
]

# Acting on the selected event: their keys work only where the event is (the timeline), so
# Delete in a text field never dismisses an event; disabled until an event is selected.
EVENT_ACTIONS = (Action.REVIEWED, Action.DISMISSED, Action.NOTE)
# Acting on the selected event(s) with keys that mean nothing elsewhere: window-wide, disabled
# until there is something to act on.
EDIT_ACTIONS = (Action.EDIT_EVENT, Action.MERGE, Action.SPLIT, Action.UNDO, Action.REDO)
# The timeline's right-click menu, in order; None is a separator.
CONTEXT_ACTIONS = (Action.EDIT_EVENT, Action.NOTE, Action.MERGE, Action.SPLIT, None,
                   Action.REVIEWED, Action.DISMISSED)


def build_actions(parent: QObject, handlers: dict[Action, Callable]) -> dict[Action, QAction]:
    """One QAction per Action; `handlers[a]` is connected to its triggered(bool) signal."""
    missing = set(Action) - set(handlers)
    if missing:
        raise ValueError(f"no handler for {sorted(a.name for a in missing)}")
    out: dict[Action, QAction] = {}
    for a in Action:
        spec: Spec = a.value
        act = QAction(spec.text, parent)
        if spec.key is not None:
            act.setShortcut(QKeySequence(spec.key))
        if spec.tip:
            act.setToolTip(spec.tip)
        act.setCheckable(spec.checkable)
        act.triggered.connect(handlers[a])
        out[a] = act
    for a in EVENT_ACTIONS:
        out[a].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        out[a].setEnabled(False)
    for a in EDIT_ACTIONS:
        out[a].setEnabled(False)
    return out


def build_menus(bar: QMenuBar, actions: dict[Action, QAction],
                submenus: dict[str, QMenu] | None = None) -> dict[str, QMenu]:
    """The menu bar's menus; returns the submenus by name (RECENT_MENU) for the window to fill."""
    bar.setAccessibleName("Menu bar")
    subs: dict[str, QMenu] = dict(submenus or {})
    for title, entries in MENUS:
        menu = bar.addMenu(title)
        menu.setAccessibleName(title.replace("&", ""))
        for a in entries:
            if a is None:
                menu.addSeparator()
            elif isinstance(a, str):
                if a in subs:
                    menu.addMenu(subs[a])
                else:
                    sub = menu.addMenu(a)
                    sub.setAccessibleName(a.replace("&", ""))
                    subs[a] = sub
            else:
                menu.addAction(actions[a])
    return subs
