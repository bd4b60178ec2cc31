"""Editing events with undo: QUndoCommands over kerryview.edits (commands.py), the dialogs that
make the edits (dialogs.py), and the controller that owns the project's QUndoStack and rebuilds
it from the edits stored in the project (controller.py)."""
