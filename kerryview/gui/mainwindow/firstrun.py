"""The first-run screen: shown in place of the timeline when no project was open before, so a
new user chooses between the demo and a project of their own instead of finding the demo
mixed into their work."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QVBoxLayout, QWidget)

from kerryview.gui.project import DEMO_TITLE, project_name

PathRole = Qt.ItemDataRole.UserRole


class FirstRunPage(QWidget):
    """Signals: demoClicked, newClicked, openClicked, recentChosen(path)."""

    demoClicked = Signal()
    newClicked = Signal()
    openClicked = Signal()
    recentChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRun")
        self.setAccessibleName("Welcome")
        self.setAccessibleDescription("Choose the demo or a project of your own")
        title = QLabel("<h1 style='margin:0'>kerryview</h1>")
        title.setAccessibleName("kerryview")
        intro = QLabel("A pile of news articles in, one timeline out. Each project is one "
                       "file holding its articles, the timeline made from them and your "
                       "corrections.")
        intro.setWordWrap(True)
        intro.setStyleSheet("color:#334155; font-size: 11pt")
        self.demo_button = QPushButton(f"Open the demo — {DEMO_TITLE.removeprefix('Demo: ')}")
        self.demo_button.setAccessibleDescription(
            "Five articles on John Kerry's climate visit to Beijing, in a project of their own")
        self.new_button = QPushButton("New project…")
        self.new_button.setAccessibleDescription("Choose where to keep a new, empty project")
        self.open_button = QPushButton("Open project…")
        self.open_button.setAccessibleDescription("Open a .kvproj project file")
        for b in (self.demo_button, self.new_button, self.open_button):
            b.setMinimumHeight(36)
            b.setAccessibleName(b.text().replace("…", ""))
        self.demo_button.setDefault(True)
        self.demo_button.clicked.connect(self.demoClicked)
        self.new_button.clicked.connect(self.newClicked)
        self.open_button.clicked.connect(self.openClicked)
        self.recent_label = QLabel("Recent projects")
        self.recent = QListWidget()
        self.recent.setAccessibleName("Recent projects")
        self.recent.setMaximumHeight(160)
        self.recent_label.setBuddy(self.recent)
        self.recent.itemActivated.connect(lambda it: self.recentChosen.emit(it.data(PathRole)))

        card = QFrame()
        card.setObjectName("firstRunCard")
        card.setStyleSheet("#firstRunCard { background: white; border: 1px solid #cbd5e1;"
                           " border-radius: 8px; }")
        lay = QVBoxLayout(card)
        lay.setContentsMargins(28, 24, 28, 24)
        lay.setSpacing(12)
        lay.addWidget(title)
        lay.addWidget(intro)
        lay.addWidget(self.demo_button)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.open_button)
        lay.addLayout(row)
        lay.addWidget(self.recent_label)
        lay.addWidget(self.recent)
        card.setMaximumWidth(560)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        h = QHBoxLayout()
        h.addStretch(1)
        h.addWidget(card, 3)
        h.addStretch(1)
        outer.addLayout(h)
        outer.addStretch(2)
        self.setFocusProxy(self.demo_button)
        self.set_recent([])

    def set_recent(self, paths: list[Path]) -> None:
        self.recent.clear()
        for p in paths:
            it = QListWidgetItem(f"{project_name(p)} — {p.parent}")
            it.setData(PathRole, str(p))
            it.setToolTip(str(p))
            self.recent.addItem(it)
        self.recent.setVisible(bool(paths))
        self.recent_label.setVisible(bool(paths))
