"""The bar that offers to finish an import that was interrupted (the app or the machine stopped
before it saved): the project is intact without it, and the files are read again on request.
Non-blocking: the timeline stays usable while it is shown."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from kerryview.gui import theme
from kerryview.text.phrasing import count_words


class InterruptedImportBar(QFrame):
    """Signals: finishClicked(list of paths), discardClicked()."""

    finishClicked = Signal(list)
    discardClicked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("interruptedImportBar")
        self.setAccessibleName("Interrupted import")
        self.setStyleSheet(f"#interruptedImportBar {{ background: {theme.NOTICE_BG}; "
                           f"border-bottom: 1px solid {theme.NOTICE_BORDER}; }}")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.finish_button = QPushButton("Finish import")
        self.finish_button.setAccessibleDescription("Read the files of the interrupted import again")
        self.discard_button = QPushButton("Discard")
        self.discard_button.setAccessibleDescription("Forget the interrupted import; the project "
                                                     "stays as it is")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.message, 1)
        row.addWidget(self.finish_button)
        row.addWidget(self.discard_button)
        self._paths: list[str] = []
        self.finish_button.clicked.connect(lambda: self.finishClicked.emit(list(self._paths)))
        self.discard_button.clicked.connect(self.discardClicked)
        self.hide()

    def offer(self, paths: list[str], resolution: bool = False) -> None:
        """Show the offer for these files (hidden when there are none), or with no files and
        `resolution`, the offer to finish dating the articles again (finishClicked([]))."""
        self._paths = list(paths)
        self.finish_button.setText("Finish dating" if not paths else "Finish import")
        if not paths and resolution:
            self.message.setText("Dating the articles again (after a publication date was "
                                 "changed) was interrupted: the events may not follow that "
                                 "date yet.")
            self.message.setToolTip("")
            self.show()
            return
        if not paths:
            self.hide()
            return
        n = len(paths)
        what = count_words(n, "file or folder", "files or folders")
        self.message.setText(f"An import was interrupted before it was saved ({what}, e.g. "
                             f"{paths[0]}). The project is as it was before that import.")
        self.message.setToolTip("\n".join(paths[:30]) + ("\n…" if n > 30 else ""))
        self.show()

    def paths(self) -> list[str]:
        return list(self._paths)
