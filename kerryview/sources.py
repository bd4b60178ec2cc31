"""How an article is named to people: by its outlet and headline, never by its file's hash.

One home for the names, used by the documents table, the passage cards, the reader, the
disagreement box, the find filter, the exports and the sentences saying how a date was found
(Qt-free). `source_title` is an article's name ("Reuters: Kerry says…"); `source_name` its short
form where several are compared in one sentence ("Reuters says “suspended”"). An article with
neither outlet nor headline is "article 003" (its file's label) in both, as the documents table
shows it ("(no headline: article 003)"), so the user can find it there.
"""
from __future__ import annotations

import re
from typing import Mapping

from kerryview.model import Document

_ID_LIKE = re.compile(r"[\d_.-]")
_HASHED_NAME = re.compile(r"^(?P<stem>.*?)[_-]?[0-9a-f]{12,}$")


def file_label(doc: Document) -> str:
    """The file's name without its folder, extension and any hash ("003_31496c….txt" -> "003")."""
    name = doc.path.replace("\\", "/").rsplit("/", 1)[-1] if doc.path else doc.id
    stem = name.rsplit(".", 1)[0] if "." in name else name
    m = _HASHED_NAME.match(stem)
    if m:
        stem = m.group("stem") or "article"
    return stem or doc.id


TITLE_LIMIT = 100  # a headline longer than this is cut at a word ("…") in a name


def untitled_name(doc: Document) -> str:
    """The name of an article with neither outlet nor headline: "article 003"."""
    return f"article {file_label(doc)}"


def source_name(doc: Document | None, fallback: str = "an article") -> str:
    """The outlet, else the headline, else "article 003": short, for comparing sources."""
    if doc is None:
        return fallback
    return _words(doc.outlet) or _clip(_words(doc.title), TITLE_LIMIT) or untitled_name(doc)


def source_title(doc: Document | None, fallback: str = "an article") -> str:
    """An article's name: "Reuters: Kerry says…"; the headline or outlet alone when only one
    is known; "article 003" when neither is."""
    if doc is None:
        return fallback
    outlet, title = _words(doc.outlet), _clip(_words(doc.title), TITLE_LIMIT)
    if outlet and title:
        return f"{outlet}: {title}"
    return title or outlet or untitled_name(doc)


def _words(text: str | None) -> str:
    return " ".join((text or "").split())


def distinct_names(docs: Mapping[str, Document]) -> dict[str, str]:
    """doc id -> a short name no other document has: the outlet, with its headline added when
    the outlet published more than one of them ("Reuters (Kerry says more work…)")."""
    short = {i: source_name(d) for i, d in docs.items()}
    counts: dict[str, int] = {}
    for name in short.values():
        counts[name] = counts.get(name, 0) + 1
    out = {}
    for i, name in short.items():
        d = docs[i]
        outlet = _words(d.outlet)
        if counts[name] > 1 and outlet:  # cleaned as source_name is: one line, no tabs
            name = f"{outlet} ({_clip(_words(d.title), 40) or untitled_name(d)})"
        out[i] = name
    return out


def _clip(text: str, n: int) -> str:
    """At most `n` characters, cut at a word with an ellipsis."""
    if len(text) <= n:
        return text
    cut = text[:n - 1].rsplit(" ", 1)[0] if " " in text[:n - 1] else text[:n - 1]
    # a cut of nothing but punctuation ("-----…") keeps it: never a name of "…" alone
    return (cut.rstrip(" ,;:—-") or text[:n - 1].rstrip()) + "…"


def name_sources_in(text: str, names: Mapping[str, str]) -> str:
    """`text` (a disagreement the merger wrote with document ids: "003_31… says “suspended”")
    with each document id replaced by its name. Only ids that cannot be read as a word or a
    number of the sentence (letters mixed with digits, "_", "-" or ".", as file stems with
    hashes are) are replaced: an article saved as "a.txt" has the id "a" and one saved as
    "28.txt" the id "28", and neither "inferred: from a" nor "10:28 am" may change."""
    if not names:
        return text
    ids = sorted((i for i in names if i and i in text and _ID_LIKE.search(i)
                  and any(c.isalpha() for c in i)), key=len, reverse=True)
    for i in ids:
        text = re.sub(rf"(?<![\w]){re.escape(i)}(?![\w])", lambda _m, n=names[i]: n, text)
    return text
