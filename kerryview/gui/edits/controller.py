"""The project's undo stack and the edits made through it.

EditController owns the QUndoStack of one project: it turns what the user asked for (edit the
selected event, add one from a passage, merge, split, mark several) into undo steps, keeps
their edits in the store, and asks the window to refresh. On opening a project the stack is
rebuilt from the edits stored in it, one step per stored step, so Edit > Undo after a restart
reverts the last edit made before it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Protocol, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from kerryview.edits import (AddEvent, Edit, apply_edits, edited_refs, EditDate, EventRef, MergeEvents, SetDate, SetLabel,
                             SetNote, SetStatus, SplitEvent, event_ref, mention_ref)
from kerryview.gui.edits.commands import ArticlesCommand, EditCommand, Marks, MarksCommand
from kerryview.gui.edits.dialogs import EventDialog, EventFields, SplitDialog
from kerryview.model import Document, Event
from kerryview.store import Store

Refresh = Callable[[Sequence[EventRef]], None]
MarksShown = Callable[[dict[str, Marks]], None]


class Shown(Protocol):
    """The window side: what is shown, and showing events."""

    def shown_generation(self) -> int:
        """Changes when the corpus is read again from the project (an import), which makes
        the changes of older steps stale (Change)."""

    def events_holding(self, refs: set[tuple]) -> list[Event]:
        """Every event (shown or not, dated or not) with a passage at one of `refs`, its
        passages read."""

    def show_change(self, removed: Sequence[Event], added: Sequence[Event],
                    select: Sequence[EventRef], undated: Sequence[Event] | None = None
                    ) -> tuple[list[Event], list[Event]]:
        """Take `removed` out of what is shown and put `added` in (the undated events in the
        order `undated` gives, if given); returns the undated events before and after."""

    def show_project(self, select: Sequence[EventRef]) -> None:
        """Read the events from the project again and show them."""

    def show_marks(self, marks: dict[str, Marks]) -> None: ...


@dataclass
class Change:
    """What one redo of an edit step changed in the events shown: `removed` taken out,
    `added` put in, the undated events before and after; `generation` names the corpus it
    was made on (Shown.shown_generation), stale once an import read it again."""

    generation: int
    removed: list[Event]
    added: list[Event]
    undated_before: list[Event]
    undated_after: list[Event]


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1].rstrip() + "…"


def step_text(edits: Sequence[Edit], name: str) -> str:
    """What the undo history, Undo and Redo call a step: its edit's own words, or for several
    edits of one event its name, how many, and where it goes when one moves it ("Redo Edit
    “Kerry met Wang Yi” (2 changes, to 19 July 2023)")."""
    if len(edits) == 1:
        return edits[0].describe()
    dated = [e for e in edits if isinstance(e, SetDate)]
    to = f", to {dated[-1].date.describe()}" if dated else ""
    return f"Edit “{_short(name)}” ({len(edits)} changes{to})"


def edits_for(ev: Event, before: EventFields, after: EventFields) -> list[Edit]:
    """The edits that take the event from `before` to `after` (only what changed)."""
    ref = event_ref(ev)
    out: list[Edit] = []
    if after.label != before.label:
        out.append(SetLabel(ref, after.label, was=ev.label))
    if after.date is not None and after.date != before.date:
        out.append(SetDate(ref, after.date, was=after.label))
    if after.status != before.status:
        out.append(SetStatus(ref, after.status, was=after.label))
    if after.note != before.note:
        out.append(SetNote(ref, after.note, was=after.label))
    return out


def fields_of(ev: Event) -> EventFields:
    return EventFields(ev.label, EditDate.of_event(ev), ev.status or "happened", ev.note)


class EditController(QObject):
    """`shown` is the window: what it shows and how to show events (see Shown)."""

    def __init__(self, store: Store, shown: Shown, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.shown = shown
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(0)  # every step: the history is the project's

    # -- EditHost: what the commands call ---------------------------------------------------
    def store_edits(self, edits: Sequence[Edit]) -> list[int]:
        return self.store.add_edits(edits)

    def unstore_edits(self, ids: Sequence[int]) -> None:
        self.store.remove_edits(ids)

    def set_marks(self, marks: dict[str, Marks]) -> None:
        with self.store.writing():
            for event_id, (reviewed, dismissed) in marks.items():
                self.store.set_event_mark(event_id, reviewed=reviewed, dismissed=dismissed)
        self.shown.show_marks(marks)

    def refresh(self, select: Sequence[EventRef] = ()) -> None:
        self.shown.show_project(select)

    def show_applied(self, edits: Sequence[Edit], select: Sequence[EventRef],
                     change: Change | None = None) -> Change:
        """The events shown with `edits` applied on top: the same as applying every stored
        edit to the derived events (edits apply in order), without reading the project. An
        edit finds, changes, merges or splits only the events holding the passages it names
        (apply_edits), so only those are edited, and only their rows change. `change`: what
        this step changed when it was last redone; while the corpus was not read again
        since, the same events are put in again (the state after the step, exactly)."""
        generation = self.shown.shown_generation()
        if change is not None and change.generation == generation:
            self.store.apply_marks(change.added)
            self.shown.show_change(change.removed, change.added, select, change.undated_after)
            return change
        holding = self.shown.events_holding(edited_refs(edits))
        out = apply_edits(holding, edits)
        before, after = {id(e) for e in holding}, {id(e) for e in out}
        removed = [e for e in holding if id(e) not in after]
        added = [e for e in out if id(e) not in before]
        self.store.apply_marks(added)  # a merged or split event's id may carry marks
        undated_before, undated_after = self.shown.show_change(removed, added, select)
        return Change(generation, removed, added, undated_before, undated_after)

    def show_reverted(self, change: Change, select: Sequence[EventRef]) -> None:
        """The events as they were before the step: those it put in taken out, those it
        took out put back (their undated ones in their order)."""
        if change.generation != self.shown.shown_generation():
            self.shown.show_project(select)  # re-read since: the change is stale
            return
        self.store.apply_marks(change.removed)
        self.shown.show_change(change.added, change.removed, select, change.undated_before)

    # -- the history ------------------------------------------------------------------------
    def load_history(self) -> None:
        """The stack of the edits stored in the project (made in earlier sessions), already
        applied: undoing one removes it from the project."""
        self.stack.clear()
        for step in self.store.edit_steps():
            edits = [e for _, e in step]
            text = step_text(edits, _name_of(edits))
            self.stack.push(EditCommand(self, edits, text, stored_ids=[i for i, _ in step]))
        self.stack.setClean()

    # -- what the user asks for -------------------------------------------------------------
    def push_edits(self, edits: Sequence[Edit], text: str, select: Sequence[EventRef] = (),
                   select_after_undo: Sequence[EventRef] = ()) -> bool:
        if not edits:
            return False
        self.stack.push(EditCommand(self, edits, text, select=select,
                                    select_after_undo=select_after_undo))
        return True

    def edit_event(self, ev: Event, fields: EventFields) -> bool:
        """Apply what the dialog gave for `ev` as one undo step."""
        edits = edits_for(ev, fields_of(ev), fields)
        text = step_text(edits, fields.label)
        return self.push_edits(edits, text, select=[event_ref(ev)])

    def ask_edit_event(self, ev: Event, parent: QWidget) -> bool:
        dialog = EventDialog("Edit event", fields_of(ev), parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.edit_event(ev, dialog.fields())

    def add_event(self, doc: Document, start: int, end: int, fields: EventFields) -> bool:
        text = doc.text[start:end]
        add = AddEvent(doc.id, start, end, text, fields.label,
                       fields.date or EditDate("day", doc.dct or date.today()), fields.status)
        ref = frozenset({(doc.id, start, start)})  # the added event's passage (kinds.mention_ref)
        edits: list[Edit] = [add]
        if fields.note:
            edits.append(SetNote(ref, fields.note, was=fields.label))
        return self.push_edits(edits, add.describe(), select=[ref])

    def merge(self, events: Sequence[Event]) -> bool:
        if len(events) < 2:
            return False
        refs = tuple(event_ref(e) for e in events)
        edit = MergeEvents(refs, was=tuple(e.label for e in events))
        return self.push_edits([edit], edit.describe(), select=[refs[0]],
                               select_after_undo=list(refs))

    def ask_split(self, ev: Event, docs: dict[str, Document], parent: QWidget) -> bool:
        if len(ev.mentions) < 2:
            return False
        dialog = SplitDialog(ev.label, list(ev.mentions), docs, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.split(ev, dialog.chosen())

    def split(self, ev: Event, part) -> bool:
        part_ref = frozenset(mention_ref(m) for m in part)
        if not part_ref or part_ref >= event_ref(ev):
            return False
        edit = SplitEvent(event_ref(ev), part_ref, was=ev.label)
        return self.push_edits([edit], edit.describe(), select=[part_ref],
                               select_after_undo=[event_ref(ev)])

    def mark(self, events: Sequence[Event], *, reviewed: bool | None = None,
             dismissed: bool | None = None) -> bool:
        """Reviewed / not an event on every event of the selection, as one undo step."""
        changes = {}
        for ev in events:
            old = (ev.reviewed, ev.dismissed)
            new = (old[0] if reviewed is None else reviewed,
                   old[1] if dismissed is None else dismissed)
            if new != old:
                changes[ev.id] = (old, new)
        if not changes:
            return False
        n = len(events)
        what = ("Mark reviewed" if reviewed else "Unmark reviewed") if reviewed is not None \
            else ("Mark not an event" if dismissed else "Mark as an event again")
        text = f"{what}: {n} events" if n > 1 else f"{what}: “{_short(events[0].label)}”"
        self.stack.push(MarksCommand(self, changes, text))
        return True

    def change_articles(self, apply: Callable[[dict[str, object]], None],
                        changes: dict[str, tuple[object, object]], text: str) -> bool:
        """What the user gave articles (id -> (old, new) value), stored and shown by `apply`,
        as one undo step (commands.ArticlesCommand); nothing when no value changes."""
        changes = {i: (old, new) for i, (old, new) in changes.items() if old != new}
        if not changes:
            return False
        self.stack.push(ArticlesCommand(apply, changes, text))
        return True


def _name_of(edits: Sequence[Edit]) -> str:
    for e in edits:
        if isinstance(e, SetLabel):
            return e.label
        name = getattr(e, "was", "") or getattr(e, "label", "")
        if isinstance(name, str) and name:
            return name
    return "event"
