"""The undo steps. An edit step keeps its edits in the project (store.event_edits) on redo and
removes them on undo. What is shown follows without reading the project again: redo applies
the step's edits to the events they name and keeps what changed (a Change: the events taken
out, those put in), undo puts back the events taken out and takes out those put in, and a redo
after it puts the same ones in again, so every state is exactly the one it was (while no
import has re-read the corpus since; else the project is read again). Only the edited events'
rows of the timeline change (TimelineIndex.edited), so an edit of one event of 100,000 is not
a rebuild of the 100,000. A
marks step sets the user's marks on several events at once and puts the old ones back. An
articles step gives articles what the user typed for them (outlets, headlines, publication
dates) and puts back what they had."""
from __future__ import annotations

from typing import Callable, Protocol, Sequence

from PySide6.QtGui import QUndoCommand

from kerryview.edits import Edit, EventRef

Marks = tuple[bool, bool]  # reviewed, dismissed


class EditHost(Protocol):
    """What a command needs from the window side (EditController)."""

    def store_edits(self, edits: Sequence[Edit]) -> list[int]: ...

    def unstore_edits(self, ids: Sequence[int]) -> None: ...

    def set_marks(self, marks: dict[str, Marks]) -> None: ...

    def refresh(self, select: Sequence[EventRef] = ()) -> None: ...

    def show_applied(self, edits: Sequence[Edit], select: Sequence[EventRef],
                     change: object | None = None) -> object:
        """Show the edits applied (`change`: as a redo before made them, if still good);
        returns the change made."""

    def show_reverted(self, change: object, select: Sequence[EventRef]) -> None: ...


class EditCommand(QUndoCommand):
    """One undo step of one or more edits. `stored_ids`: the step was read back from the
    project (made in an earlier session), so it is already applied and the first redo (which
    QUndoStack.push calls) does nothing."""

    def __init__(self, host: EditHost, edits: Sequence[Edit], text: str, *,
                 select: Sequence[EventRef] = (), select_after_undo: Sequence[EventRef] = (),
                 stored_ids: Sequence[int] | None = None) -> None:
        super().__init__(text)
        self.host = host
        self.edits = list(edits)
        self.select = list(select)
        self.select_after_undo = list(select_after_undo or select)
        self.ids: list[int] = list(stored_ids or [])
        self._skip_redo = stored_ids is not None
        self._change: object | None = None  # what the last redo changed in what is shown

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.ids = self.host.store_edits(self.edits)
        self._change = self.host.show_applied(self.edits, self.select, self._change)

    def undo(self) -> None:
        self.host.unstore_edits(self.ids)
        self.ids = []
        if self._change is None:  # made in an earlier session: read the project again
            self.host.refresh(self.select_after_undo)
        else:
            self.host.show_reverted(self._change, self.select_after_undo)


class MarksCommand(QUndoCommand):
    """Reviewed / not an event on several events as one step (event id -> (old, new))."""

    def __init__(self, host: EditHost, changes: dict[str, tuple[Marks, Marks]], text: str) -> None:
        super().__init__(text)
        self.host = host
        self.changes = dict(changes)

    def redo(self) -> None:
        self.host.set_marks({i: new for i, (_, new) in self.changes.items()})

    def undo(self) -> None:
        self.host.set_marks({i: old for i, (old, _) in self.changes.items()})


class ArticlesCommand(QUndoCommand):
    """What the user gave some articles, as one step: `changes` maps an article's id to
    (old, new) values of one kind (its publication date, its headline and outlet), and `apply`
    stores values of that kind and shows them (the window: MainWindow._apply_dates,
    _apply_sources). Their old values are the user's own or None (a date found again by
    reading the corpus), so a step undone or redone after a re-reading still says the same."""

    def __init__(self, apply: Callable[[dict[str, object]], None],
                 changes: dict[str, tuple[object, object]], text: str) -> None:
        super().__init__(text)
        self.apply = apply
        self.changes = dict(changes)

    def redo(self) -> None:
        self.apply({i: new for i, (_, new) in self.changes.items()})

    def undo(self) -> None:
        self.apply({i: old for i, (old, _) in self.changes.items()})
