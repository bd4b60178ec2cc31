"""Qt item models over the Qt-free domain values (kerryview.model).

PassagesModel: the mentions (passages) of one event, for the passages panel. The events themselves
need no item model: the timeline paints them from its TimelineIndex, the one list of events in
timeline order (row == TimelineIndex row).
"""
from __future__ import annotations

from collections.abc import Mapping
from html import escape

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt

from kerryview.model import Document, Event, EventMention
from kerryview.sources import distinct_names, name_sources_in, source_title
from kerryview.text.phrasing import day_words

MentionRole = Qt.ItemDataRole.UserRole + 2
HtmlRole = Qt.ItemDataRole.UserRole + 3
DocumentRole = Qt.ItemDataRole.UserRole + 4

MentionKey = tuple[str, int, int, int]


def mention_key(m: EventMention) -> MentionKey:
    """What identifies a mention across reloads: its document, passage span and time expression
    (an event's id hashes the same document/time-expression pairs). Mention objects are rebuilt
    on every reload and a copy from the store is equal but not the same object, so the GUI never
    keys on object identity."""
    return (m.document_id, m.start, m.end, m.timex.start if m.timex is not None else -1)


def passage_html(m: EventMention, doc: Document | None, names: dict[str, str] | None = None) -> str:
    """The passage with the time expression and the event words highlighted; `names` (doc id
    -> source name) name the other articles its resolution refers to."""
    base = m.start
    text = m.text
    spans = []  # (start, end, kind) relative to the passage
    t = m.timex
    if t is not None and t.end > t.start:
        spans.append((t.start - base, t.end - base, "timex"))
    if m.trigger_start is not None and m.trigger_end is not None and m.trigger_end > m.trigger_start:
        spans.append((m.trigger_start - base, m.trigger_end - base, "trigger"))
    cuts = {0, len(text)}
    for a, b, _ in spans:
        cuts.add(max(0, min(a, len(text))))
        cuts.add(max(0, min(b, len(text))))
    cuts = sorted(cuts)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        seg = escape(text[a:b])
        kinds = {k for (s, e, k) in spans if s <= a and b <= e}
        if "timex" in kinds and "trigger" in kinds:
            seg = f"<span style='background:#fde68a'><b style='color:#1d4ed8'>{seg}</b></span>"
        elif "timex" in kinds:
            seg = f"<span style='background:#fde68a'>{seg}</span>"
        elif "trigger" in kinds:
            seg = f"<b style='color:#1d4ed8'><u>{seg}</u></b>"
        out.append(seg)
    outlet = escape(doc.outlet) if doc and doc.outlet else ""
    title = escape(doc.title) if doc and doc.title else ""
    if not title:
        title, outlet = escape(source_title(doc)), ""
    when = escape(day_words(doc.dct)) if doc and doc.dct else "date unknown"
    status = "" if m.status == "happened" else (
        f" · <span style='color:#b45309'>{escape(m.status)}</span>")
    where = f"{outlet} · " if outlet else ""
    head = (f"<b>{title}</b><br><span style='color:#64748b'>{where}published {when}"
            f"{status}</span>")
    body = f"<div style='margin-top:3px'>{''.join(out)}</div>"
    tx = ""
    if t is not None:
        tx = f"“{escape(t.text)}” → {escape(t.value)}"
    res = escape(name_sources_in(m.resolution, names or {})) if m.resolution else ""
    detail = res or tx  # the resolution already names the expression when there is one
    foot = f"<div style='color:#475569;margin-top:3px'><i>{detail}</i></div>" if detail else ""
    return head + body + foot


def document_title(doc: Document) -> str:
    """How people see an article: its outlet and headline (kerryview.sources), never a hash."""
    return source_title(doc)


class PassagesModel(QAbstractListModel):
    """The mentions (passages) of the selected event, one row each."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._event: Event | None = None
        self._mentions: list[EventMention] = []
        self._docs: dict[str, Document] = {}
        self._names: dict[str, str] = {}
        self._html: dict[int, str] = {}

    def set_documents(self, docs: dict[str, Document],
                      names: Mapping[str, str] | None = None) -> None:
        self._docs = docs
        self._names = distinct_names(docs) if names is None else names

    def set_event(self, event: Event | None) -> None:
        self.beginResetModel()
        self._event = event
        self._mentions = list(event.mentions) if event else []
        self._html = {}
        self.endResetModel()

    def document(self, doc_id: str) -> Document | None:
        return self._docs.get(doc_id)

    def current_event(self) -> Event | None:
        """The event whose passages are listed (not `event`: that is QObject.event(QEvent),
        which Qt calls for every property change and event sent to the model)."""
        return self._event

    def row_of(self, mention: EventMention) -> int:
        """The row of the passage equal to `mention` (by mention_key), or -1."""
        key = mention_key(mention)
        return next((r for r, m in enumerate(self._mentions) if mention_key(m) == key), -1)

    def mention(self, row: int) -> EventMention | None:
        return self._mentions[row] if 0 <= row < len(self._mentions) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._mentions)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._mentions)):
            return None
        m = self._mentions[index.row()]
        doc = self._docs.get(m.document_id)
        if role == Qt.ItemDataRole.DisplayRole:
            return m.text
        if role == MentionRole:
            return m
        if role == DocumentRole:
            return doc
        if role == HtmlRole:
            html = self._html.get(index.row())
            if html is None:
                html = self._html[index.row()] = passage_html(m, doc, self._names)
            return html
        if role == Qt.ItemDataRole.ToolTipRole:
            return doc.path if doc else m.document_id
        return None
