"""What the find bar searches in an event's passages, without Qt: the passages' own text and
the full names of the people and places they name, casefolded (kerryview.gui.search adds the
label and the titles of the articles, which the user may change).

News names a person in full once ("top diplomat Wang Yi") and then by one name ("Kerry told
Wang on Tuesday"), so a passage's capitalised word that is part of a full name in its article
brings that full name along (names_in_article).

The store keeps this text with every event it saves (table event_search): the first search of
a project then reads one column, not every passage and every article's names (2.3 s CPU on
10,000 articles). VERSION names what goes into it, with the stop words that names leave out:
a project whose texts were made otherwise has them made again when it is opened.
"""
from __future__ import annotations

import hashlib
import re
from functools import cache
from typing import Callable, Iterable, Mapping

from kerryview.model import EventMention

VERSION = 1  # raise it when passages_text changes what an event is found by

NAMES = "\x01"  # in a passages_text, between the passages and the names they bring
_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}\b")
_CAPITAL = re.compile(r"\b[A-Z][\w'’-]+\b")


@cache
def version() -> str:
    """VERSION and a digest of the stop words (a word list changed makes other names)."""
    from kerryview.text.wordlists import stopwords
    digest = hashlib.sha256("\n".join(sorted(stopwords())).encode("utf-8")).hexdigest()[:12]
    return f"{VERSION}:{digest}"


def names_in_article(text: str) -> dict[str, set[str]]:
    """Each capitalised word of `text` that belongs to a full name of two or three capitalised
    words ("Wang Yi", "Li Qiang", "Beijing Hotel"), to those names; words that begin sentences
    ("The", "On") are left out."""
    from kerryview.text.wordlists import stopwords
    stop = stopwords()
    out: dict[str, set[str]] = {}
    for m in _NAME.finditer(text):
        words = [w for w in m.group().split() if w.casefold() not in stop]
        if len(words) < 2:
            continue
        name = " ".join(words)
        for w in words:
            out.setdefault(w, set()).add(name)
    return out


class ArticleNames:
    """names_in_article of each article, worked out the first time one of its passages asks
    (`text_of(document id)` gives its text, or None)."""

    def __init__(self, text_of: Callable[[str], str | None]) -> None:
        self._text_of = text_of
        self._names: dict[str, dict[str, set[str]]] = {}

    def of(self, doc_id: str) -> dict[str, set[str]]:
        known = self._names.get(doc_id)
        if known is None:
            text = self._text_of(doc_id)
            known = self._names[doc_id] = names_in_article(text) if text else {}
        return known


def passages_text(mentions: Iterable[EventMention], names: ArticleNames) -> str:
    """One event's searchable passages: their texts one a line, then (after NAMES) the full
    names their capitalised words belong to in their articles, one a line; casefolded ("" for
    none). No typed word holds a line end or NAMES, so none is found across two lines."""
    mentions = list(mentions)
    found: list[str] = []
    for m in mentions:
        known = names.of(m.document_id)
        if known:
            for w in set(_CAPITAL.findall(m.text)):
                found.extend(known.get(w, ()))
    text = "\n".join(m.text for m in mentions)
    return (text + NAMES + "\n".join(found) if found else text).casefold()


def passages_only(text: str) -> str:
    """The passages of a passages_text, without the names (a search ranks first the events
    whose own words hold what was typed)."""
    return text.partition(NAMES)[0]


def texts_of(mentions_by_event: Mapping[str, list[EventMention]],
             article_text: Callable[[str], str | None]) -> dict[str, str]:
    """event id -> passages_text, for these events' passages."""
    names = ArticleNames(article_text)
    return {event_id: passages_text(ms, names) for event_id, ms in mentions_by_event.items()}
