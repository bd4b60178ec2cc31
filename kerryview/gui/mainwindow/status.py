"""The status bar: messages, how many events and articles, a running job's progress and its
Cancel button, and the button that shows the problems list."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QToolButton

from kerryview.gui import theme
from kerryview.progress import StageClock
from kerryview.text.phrasing import count_words

TICK_MS = 1000  # how often a running job's message says the time again
# the tip of the "n articles without a date" button, after why they are undated
UNDATED_TIP = ("Articles whose publication date was neither written in them nor found from the "
               "others: their events told in relative words (“on Tuesday”, “last week”) are not "
               "on the timeline. Click to list them first in the articles table; double-click a "
               "date there to give it.")


class _Problem(Protocol):
    stage: str  # "read" or "process" (kerryview.pipeline.Problem)


def import_message(added: int, events: int, problems: Sequence[_Problem]) -> str:
    """What an import did, in one line: files that could not be read and articles that were
    read but could not be processed are different troubles, and each is named as such."""
    msg = f"Added {count_words(added, 'article')}; {count_words(events, 'event')}"
    unread = sum(1 for p in problems if p.stage != "process")
    failed = len(problems) - unread
    if unread:
        msg += f"; {count_words(unread, 'file')} could not be read"
    if failed:
        msg += (f"; {count_words(failed, 'article')} could not be processed (read, but kept "
                "without events)")
    return msg


class StatusBar(QStatusBar):
    """Signals: cancelClicked() from the Cancel button; problemsToggled(bool) from the problems
    button."""

    cancelClicked = Signal()
    problemsToggled = Signal(bool)
    undatedClicked = Signal()  # the button naming the articles without a publication date

    def __init__(self) -> None:
        super().__init__()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop the import; nothing is changed")
        self.cancel_button.clicked.connect(self.cancelClicked)
        self.cancel_button.hide()
        self.problems_button = QToolButton()
        self.problems_button.setCheckable(True)
        self.problems_button.setAutoRaise(True)
        self.problems_button.setStyleSheet("QToolButton { color: #b45309; font-weight: bold; }")
        self.problems_button.toggled.connect(self.problemsToggled)
        self.problems_button.hide()
        # "120 articles without a date": the ones whose relative dates wait for the user;
        # a click shows them, first in the articles table
        self.undated_button = QToolButton()
        self.undated_button.setAutoRaise(True)
        self.undated_button.setStyleSheet(
            f"QToolButton {{ color: {theme.NEEDS_USER.name()}; }}")
        self.undated_button.setToolTip(UNDATED_TIP)
        self.undated_button.clicked.connect(self.undatedClicked)
        self.undated_button.hide()
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #475569; padding: 0 6px;")
        self.notice_label = QLabel()
        self.notice_label.setStyleSheet("color: #b45309; font-weight: bold; padding: 0 6px;")
        self.notice_label.hide()
        self.addPermanentWidget(self.notice_label)
        self.addPermanentWidget(self.problems_button)
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.cancel_button)
        self.addPermanentWidget(self.undated_button)
        self.addPermanentWidget(self.count_label)
        self.stage_clock = StageClock()
        self._progress_text = ""  # the message last shown for the job's progress
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._say_progress)

    def set_busy(self, busy: bool, text: str = "", cancellable: bool = False) -> None:
        """Show (with `text`) or hide the progress of a job; it starts as 'busy, no total'."""
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy and cancellable)
        self.cancel_button.setEnabled(True)
        self.stage_clock.reset()
        self._progress_text = ""
        if busy:
            self.progress.setRange(0, 0)
            self.showMessage(text)
            self._tick.start()
        else:
            self._tick.stop()

    def set_progress(self, done: int, total: int, what: str) -> None:
        """A stage's progress: counts on the bar (none: busy), the stage and the time left in
        the message (kerryview.progress)."""
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        else:
            self.progress.setRange(0, 0)
        self._show_progress(self.stage_clock.text(done, total, what))

    def _say_progress(self) -> None:
        """The timer's tick: the time left (or taken) of the last report, said again, unless
        another message (an event's name, the user's action) is shown meanwhile."""
        if self._progress_text and self.currentMessage() == self._progress_text:
            self._show_progress(self.stage_clock.text())

    def _show_progress(self, text: str) -> None:
        self._progress_text = text
        self.showMessage(text)

    def cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self._progress_text = ""
        self.showMessage("Cancelling…")

    def set_counts(self, events: int, articles: int, undated: int, provisional: int = 0) -> None:
        """`provisional`: how many of the events are an import's preview (gui.provisional)."""
        text = f"{count_words(events, 'event')} · {count_words(articles, 'article')}"
        if provisional:
            text = (f"{count_words(events, 'event')} ({provisional:,} provisional) · "
                    f"{count_words(articles, 'article')}")
        if undated:
            text += f" · {undated} undated"
        self.count_label.setText(text)
        self.count_label.setToolTip(
            "The events of the articles tagged so far, merged only among themselves: the "
            "import merges them across all articles when it ends" if provisional else "")

    def set_undated_articles(self, n: int, reasons: Sequence[tuple[str, int]] = ()) -> None:
        """How many of the articles shown have no publication date (0: the button hides), and
        why (`reasons`: each with how many it leaves undated; DocumentsModel.undated_reasons),
        in the button's tip: "223 articles without a date" alone reads as a failure."""
        text = f"{count_words(n, 'article')} without a date"
        self.undated_button.setText(text)
        self.undated_button.setAccessibleName(text)
        why = "\n".join(f"• {k}: {reason}" for reason, k in reasons)
        self.undated_button.setToolTip(f"Why:\n{why}\n\n{UNDATED_TIP}" if why else UNDATED_TIP)
        self.undated_button.setAccessibleDescription(f"Why: {why}" if why else UNDATED_TIP)
        self.undated_button.setVisible(n > 0)

    def set_notice(self, short: str, sentence: str) -> None:
        """A lasting notice (a read-only project): `short` always shown, `sentence` as its tip
        and, until another message replaces it, as the status message."""
        self.notice_label.setText(short)
        self.notice_label.setToolTip(sentence)
        self.notice_label.show()
        self.showMessage(sentence)

    def set_problem_count(self, n: int) -> None:
        if n:
            self.problems_button.setText(f"⚠ {count_words(n, 'problem')}")
            self.problems_button.show()
