"""Read article files into Documents without losing a character.

The text kept is exactly the decoded file content, so every offset computed later points at the
same characters the user sees. Files we cannot honestly read (empty, binary, too large, an
encoding we cannot identify) raise ReadError with a message a person can act on; callers report
it and go on with the other files. Which files are read and how their bytes are fetched without
blocking (folders.py, files.py) and how bytes become text (decode.py) live beside this module.

Reading a file includes reading what it declares about itself: its title, its page metadata and
its date line ("date 2023-07-18", parsed here once, with kerryview.dating.datelines). So ingest
depends on dating's date-line reader, never the other way round; dating (inference) then decides
which declared date stands and infers the others, and events keep the date line out of the
events by its stored span.
"""
from __future__ import annotations

import os
from pathlib import Path

from kerryview.ingest.decode import decode, refuse_binary
from kerryview.ingest.errors import ReadError
from kerryview.ingest.files import read_regular_file, too_large_message
from kerryview.ingest.folders import (HTML_SUFFIXES, SUPPORTED_SUFFIXES, TEXT_SUFFIXES,
                                      expand_paths)
from kerryview.model import DateSource, Document, PageDate

__all__ = ["ReadError", "read_document", "read_text", "expand_paths", "MAX_BYTES", "SUPPORTED_SUFFIXES",
           "TEXT_SUFFIXES", "HTML_SUFFIXES"]

MAX_BYTES = 20 * 1024 * 1024  # a news article is kilobytes; 20 MB is a book, not an article


def _read(path: Path, data: bytes | None = None):
    """The bytes of an article file (or `data`, read elsewhere as from the standard input), its
    text as kept, its encoding, and its HTML page (None for a text file). Raises ReadError with
    a readable message when it cannot be read."""
    if data is None:
        data = read_regular_file(path, MAX_BYTES)
    elif len(data) > MAX_BYTES:
        raise ReadError(path, too_large_message(MAX_BYTES))
    if not data.strip():
        raise ReadError(path, "is empty")
    text, encoding = decode(data, path)
    refuse_binary(text, path)
    page = None
    if path.suffix.lower() in HTML_SUFFIXES:
        from kerryview.ingest.html_text import html_article
        page = html_article(text)
        text = page.text
        if not text.strip():
            raise ReadError(path, "is an HTML page with no text")
    return data, text, encoding, page


def read_text(path: str | Path, data: bytes | None = None) -> str:
    """The text of one article file exactly as `read_document` keeps it, without reading what
    the file declares about itself (title, date line, source): what the tagger alone needs
    (`kerryview timex FILE` starts without compiling the date-line styles); of `data` when given
    (the bytes of the standard input, named `path`), decoded and refused as a file's would be.
    Raises ReadError."""
    return _read(Path(path), data)[1]


def read_document(path: str | Path, doc_id: str | None = None) -> Document:
    """Read one article file. Raises ReadError with a readable message when it cannot."""
    # imported here: `read_text` (the timex command) needs none of them
    import hashlib

    from kerryview.dating.datelines import parse_date_text, read_dateline
    from kerryview.ingest.metadata import declared_sources, find_outlet, find_title

    path = Path(path)
    data, text, encoding, page = _read(path)
    title, outlet, url, dct, dct_source = None, None, None, None, DateSource.unknown()
    page_date = None
    if page is not None:
        title, outlet, url = page.title, page.outlet, page.url
        if page.published:
            dct = parse_date_text(page.published)
            if dct is not None:
                page_date = PageDate(dct, f"stated in the page's metadata "
                                          f"({page.published_key} {page.published})")
                dct_source = page_date.source
    digest = hashlib.sha256(data).hexdigest()
    declared = declared_sources(path)
    return Document(id=doc_id or path.stem, path=os.fspath(path.resolve()), text=text,
                    title=declared.headline or title or find_title(text), encoding=encoding,
                    sha256=digest, dct=dct, dct_source=dct_source, dateline=read_dateline(text),
                    outlet=declared.outlet or outlet or find_outlet(text, declared.url or url),
                    page_date=page_date)
