"""The dialogs that make edits: an event's label, date (day, month, year or range of days),
status and note (EventDialog, also for an event added by hand), and which passages to split
off (SplitDialog). Every field has a label with a mnemonic and an accessible name; Tab moves
through them, Enter accepts, Escape cancels."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from kerryview.edits.kinds import STATUSES, EditDate
from kerryview.gui.models import document_title
from kerryview.model import Document, EventMention

DATE_KINDS = (("day", "A day"), ("month", "A month"), ("year", "A year"),
              ("range", "A range of days"))
DISPLAY = {"day": "d MMMM yyyy", "month": "MMMM yyyy", "year": "yyyy", "range": "d MMMM yyyy"}


@dataclass(frozen=True)
class EventFields:
    """What the dialog shows and returns."""

    label: str
    date: EditDate | None
    status: str
    note: str


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class EventDialog(QDialog):
    """Edit an event (or describe one to add): label, date with its granularity, status, note."""

    def __init__(self, title: str, fields: EventFields, parent: QWidget | None = None,
                 intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.initial = fields
        form = QFormLayout()
        self.label_edit = QLineEdit(fields.label)
        self.label_edit.setAccessibleName("Label")
        self.label_edit.setMinimumWidth(420)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Date known to")
        for key, text in DATE_KINDS:
            self.kind.addItem(text, key)
        self.first = QDateEdit()
        self.first.setAccessibleName("Date")
        self.first.setCalendarPopup(True)
        self.last = QDateEdit()
        self.last.setAccessibleName("Last day")
        self.last.setCalendarPopup(True)
        self.last.setDisplayFormat(DISPLAY["day"])
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        for s in STATUSES:
            self.status.addItem(s, s)
        self.note = QPlainTextEdit(fields.note)
        self.note.setAccessibleName("Note")
        self.note.setTabChangesFocus(True)  # Tab leaves the note for the buttons
        self.note.setPlaceholderText("Your note: what to check, who to call, why you changed it")
        self.note.setFixedHeight(80)
        rows = [("&Label:", self.label_edit), ("Date &known to:", self.kind),
                ("&Date:", self.first), ("Las&t day:", self.last), ("&Status:", self.status),
                ("&Note:", self.note)]
        self._row_labels: dict[QWidget, QLabel] = {}
        for text, w in rows:
            lab = QLabel(text)
            lab.setBuddy(w)
            self._row_labels[w] = lab
            form.addRow(lab, w)
        d = fields.date or EditDate("day", date.today())
        self.kind.setCurrentIndex([k for k, _ in DATE_KINDS].index(d.kind))
        self.first.setDate(_qdate(d.first))
        self.last.setDate(_qdate(d.last or d.first))
        self.status.setCurrentIndex(max(0, self.status.findData(fields.status)))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.first.dateChanged.connect(self._first_changed)
        self._kind_changed()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.label_edit.textChanged.connect(self._validate)
        self.last.dateChanged.connect(self._validate)
        lay = QVBoxLayout(self)
        if intro:
            head = QLabel(intro)
            head.setWordWrap(True)
            head.setTextFormat(Qt.TextFormat.PlainText)
            head.setStyleSheet("color: #334155; background: #f8fafc; border: 1px solid #e2e8f0;"
                               " border-radius: 4px; padding: 6px;")
            head.setAccessibleName("Passage")
            head.setObjectName("passage")
            lay.addWidget(head)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self.label_edit.setFocus()
        # All selected (typing replaces it), the cursor at the start: a long label opens showing
        # its first words, not scrolled to its end as selectAll() leaves it.
        self.label_edit.end(False)
        self.label_edit.home(True)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.first.setDisplayFormat(DISPLAY[kind])
        self._row_labels[self.first].setText("&First day:" if kind == "range" else "&Date:")
        self.last.setVisible(kind == "range")
        self._row_labels[self.last].setVisible(kind == "range")
        self._validate()

    def _first_changed(self, q: QDate) -> None:
        if self.last.date() < q:
            self.last.setDate(q)

    def _validate(self) -> None:
        ok = bool(self.label_edit.text().strip())
        if self.kind.currentData() == "range":
            ok = ok and self.last.date() >= self.first.date()
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok) \
            if hasattr(self, "buttons") else None
        if button is not None:
            button.setEnabled(ok)

    def edit_date(self) -> EditDate:
        kind = self.kind.currentData()
        first = _pydate(self.first.date())
        if kind == "month":
            return EditDate("month", first.replace(day=1))
        if kind == "year":
            return EditDate("year", first.replace(month=1, day=1))
        if kind == "range":
            return EditDate("range", first, max(first, _pydate(self.last.date())))
        return EditDate("day", first)

    def fields(self) -> EventFields:
        return EventFields(" ".join(self.label_edit.text().split()), self.edit_date(),
                           self.status.currentData(), self.note.toPlainText().strip())


class SplitDialog(QDialog):
    """Choose the passages that leave the event and become one of their own (at least one,
    and at least one stays)."""

    def __init__(self, label: str, mentions: list[EventMention], docs: dict[str, Document],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Split event")
        self.setAccessibleName("Split event")
        self.mentions = mentions
        intro = QLabel(f"Tick the passages of “{label}” that tell another event. They become an "
                       "event of their own, dated by what they say.")
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Passages to split off")
        self.list.setWordWrap(True)
        self.list.setMinimumWidth(520)
        for m in mentions:
            doc = docs.get(m.document_id)
            name = document_title(doc) if doc else m.document_id
            item = QListWidgetItem(f"{name}: {' '.join(m.text.split())}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemChanged.connect(self._validate)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Split off")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.list, 1)
        hint = QLabel("Space ticks the passage under the cursor.")
        hint.setStyleSheet("color: #64748b")
        lay.addWidget(hint)
        lay.addWidget(self.buttons)
        self._validate()

    def chosen(self) -> list[EventMention]:
        return [m for i, m in enumerate(self.mentions)
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def set_chosen(self, rows: list[int]) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(Qt.CheckState.Checked if i in rows
                                            else Qt.CheckState.Unchecked)

    def _validate(self) -> None:
        n = len(self.chosen())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            0 < n < len(self.mentions))
