"""The navigation toolbar above the timeline: fit all, zoom out, zoom in, a date box (go to a
date you type) and the toggle that gives the reader most of the window. The buttons are the
window's own actions (actions.py), so the menu, the keys and the toolbar do the same thing.

Also the reader's room: `ReaderRoom` remembers the splitters' sizes and gives the article
most of the window while enlarged, then puts them back.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QLineEdit, QSplitter, QToolBar, QWidget


class NavigationBar(QToolBar):
    """`go_to_date(text) -> bool` is called with what the date box holds when Enter is pressed;
    the box is cleared when it was a date and keeps the text (to correct it) when not."""

    def __init__(self, actions: list[QAction | None], go_to_date: Callable[[str], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__("Navigation", parent)
        self.setObjectName("navigation")
        self.setAccessibleName("Navigation")
        self.setMovable(False)
        self.setFloatable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in actions:
            if a is None:
                self.addSeparator()
            else:
                self.addAction(a)
                button = self.widgetForAction(a)
                name = a.text().replace("&", "")
                button.setAccessibleName(name)
                said = f"{name} ({a.shortcut().toString()})" if not a.shortcut().isEmpty() \
                    else name
                tip = a.toolTip()  # the action's own tip, if it has one (else Qt gives its text)
                if tip and tip.replace("&", "") != name:
                    said = f"{said}: {tip}"
                    button.setAccessibleDescription(tip)
                button.setToolTip(said)
        self.addSeparator()
        label = QLabel(" Go to ")
        self.addWidget(label)
        self.date_box = QLineEdit()
        self.date_box.setPlaceholderText("a date: 18 July 2023, July 2023, 2023-07-18")
        self.date_box.setClearButtonEnabled(True)
        self.date_box.setMaximumWidth(300)
        self.date_box.setAccessibleName("Go to date")
        self.date_box.setToolTip("Type a date and press Enter: the timeline shows it (Ctrl+G)")
        label.setBuddy(self.date_box)
        self.addWidget(self.date_box)
        self._go = go_to_date
        self.date_box.returnPressed.connect(self._submit)

    def _submit(self) -> None:
        text = self.date_box.text()
        if text.strip() and self._go(text):
            self.date_box.clear()


class ReaderRoom:
    """Enlarging the reader: the timeline keeps a strip, the passages a column, the documents
    table a few rows; the article takes the rest. Shrinking puts the sizes back."""

    def __init__(self, main: QSplitter, bottom: QSplitter, right: QSplitter) -> None:
        self.main, self.bottom, self.right = main, bottom, right
        self._saved: tuple[list[int], list[int], list[int]] | None = None

    @property
    def enlarged(self) -> bool:
        return self._saved is not None

    def set_enlarged(self, on: bool) -> None:
        if on == self.enlarged:
            return
        if on:
            self._saved = (self.main.sizes(), self.bottom.sizes(), self.right.sizes())
            total = sum(self.main.sizes())
            rest = self.main.sizes()[2:]
            top = max(self.main.widget(0).minimumSizeHint().height(), 190)
            self.main.setSizes([top, total - top - sum(rest), *rest])
            width = sum(self.bottom.sizes())
            self.bottom.setSizes([int(width * 0.28), width - int(width * 0.28)])
            height = sum(self.right.sizes())
            self.right.setSizes([min(90, height // 5), height - min(90, height // 5)])
        else:
            main, bottom, right = self._saved
            self._saved = None
            self.main.setSizes(main)
            self.bottom.setSizes(bottom)
            self.right.setSizes(right)
