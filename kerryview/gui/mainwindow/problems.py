"""The problems list: files an import could not read and imports that failed, with why.

Hidden until the user opens it from the status bar's "⚠ n problems" button; it keeps every
problem of the session, newest last.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Protocol

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem


class ProblemLike(Protocol):
    path: str
    message: str


@dataclass
class Problem:
    """A problem that is not about one file (an import that failed as a whole)."""

    path: str
    message: str


class ProblemsList(QTreeWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("problemsList")
        self.setHeaderLabels(["File", "Problem"])
        self.setRootIsDecorated(False)
        self.setColumnWidth(0, 380)
        self.hide()

    def add(self, problems: Iterable[ProblemLike]) -> int:
        """Append `problems`; returns how many the list holds now."""
        for p in problems:
            it = QTreeWidgetItem([str(p.path), str(p.message)])
            it.setToolTip(0, it.text(0))
            it.setToolTip(1, it.text(1))
            self.addTopLevelItem(it)
        return self.topLevelItemCount()
