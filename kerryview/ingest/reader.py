"""Read article files into Documents without losing a character.

The text kept is exactly the decoded file content, so every offset computed later points at the
same characters the user sees. Files we cannot honestly read (empty, binary, too large, an
encoding we cannot identify) raise ReadError with a message a person can act on; callers report
it and go on with the other files.

Reading a file includes reading what it declares about itself: its title, its page metadata and
its date line ("date 2023-07-18", parsed here once, with kerryview.dating.datelines). So ingest
depends on dating's date-line reader, never the other way round; dating (inference) then decides
which declared date stands and infers the others, and events keep the date line out of the
events by its stored span.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterable

from kerryview.ingest.html_text import html_article
from kerryview.dating.datelines import parse_date_text, read_dateline
from kerryview.ingest.metadata import find_title
from kerryview.model import DateSource, DateSourceKind, Document

MAX_BYTES = 20 * 1024 * 1024  # a news article is kilobytes; 20 MB is a book, not an article
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
PREFERRED_MAX_CHAOS = 0.2  # charset-normalizer's "mess" ratio below which cp1252 is accepted


class ReadError(Exception):
    """A file that cannot be read as an article; str(error) is the message for the user."""

    def __init__(self, path: str | Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.message = message


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[ReadError]]:
    """Files as given, and the supported files inside folders (sorted, not hidden)."""
    files: list[Path] = []
    errors: list[ReadError] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in
                                               child.relative_to(p).parts) \
                        and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    files.append(child)
        elif p.exists():
            files.append(p)
        else:
            errors.append(ReadError(p, "no such file or folder"))
    return files, errors


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    """Bytes to text: BOMs and UTF-8 first (exact), then a detected legacy encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:8192]:
        raise ReadError(path, "looks like a binary file (it contains NUL bytes), not an article")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported lazily: only legacy files need it

    results = list(from_bytes(data))
    # Detectors guess poorly on a few hundred bytes (accented Latin text comes back as
    # mac_latin2 or cp1257). Windows-1252 is by far the commonest legacy encoding of English and
    # Western European news, so it wins whenever it decodes into plausible text.
    for match in results:
        if match.encoding == "cp1252" and match.chaos <= PREFERRED_MAX_CHAOS:
            return str(match), "cp1252"
    if not results or results[0].encoding is None:
        raise ReadError(path, "the text encoding could not be identified")
    return str(results[0]), results[0].encoding


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return controls / len(sample) > 0.05


def read_document(path: str | Path, doc_id: str | None = None) -> Document:
    """Read one article file. Raises ReadError with a readable message when it cannot."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(path, f"is {size / 1e6:.0f} MB; articles larger than "
                                  f"{MAX_BYTES // 1024 // 1024} MB are not read")
        data = path.read_bytes()
    except ReadError:
        raise
    except IsADirectoryError:
        raise ReadError(path, "is a folder, not a file") from None
    except PermissionError:
        raise ReadError(path, "cannot be read (permission denied)") from None
    except OSError as exc:
        raise ReadError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise ReadError(path, "is empty")
    text, encoding = _decode(data, path)
    if _looks_binary(text):
        raise ReadError(path, "looks like a binary file, not an article")
    title, dct, dct_source = None, None, DateSource.unknown()
    if path.suffix.lower() in HTML_SUFFIXES:
        page = html_article(text)
        text, title = page.text, page.title
        if not text.strip():
            raise ReadError(path, "is an HTML page with no text")
        if page.published:
            dct = parse_date_text(page.published)
            if dct is not None:
                dct_source = DateSource(
                    DateSourceKind.PAGE_METADATA,
                    f"stated in the page's metadata ({page.published_key} {page.published})")
    digest = hashlib.sha256(data).hexdigest()
    return Document(id=doc_id or path.stem, path=os.fspath(path.resolve()), text=text,
                    title=title or find_title(text), encoding=encoding, sha256=digest,
                    dct=dct, dct_source=dct_source, dateline=read_dateline(text))
