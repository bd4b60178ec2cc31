"""Bytes to text, exactly, or a refusal that says what is wrong and where.

A file that declares its encoding with a byte order mark but does not keep to it is refused
with the byte offset of the first bad byte, not decoded with replacement characters: the
stored text must be what the file says, and a file that breaks its own declaration is damaged
or mislabelled, which the user can fix once they know where to look.
"""
from __future__ import annotations

import re
from pathlib import Path

from kerryview.ingest.errors import ReadError

PREFERRED_MAX_CHAOS = 0.2  # charset-normalizer's "mess" ratio below which cp1252 is accepted
MAX_CONTROL_SHARE = 0.05  # more control characters than this and it is not prose
SAMPLE_CHARS = 8192  # ...in any stretch of this many characters
# Byte order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
# (mark, codec for the rest, encoding recorded, name for the user)
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le", "utf-32", "UTF-32"),
         (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32", "UTF-32"),
         (b"\xef\xbb\xbf", "utf-8", "utf-8-sig", "UTF-8"),
         (b"\xff\xfe", "utf-16-le", "utf-16", "UTF-16"),
         (b"\xfe\xff", "utf-16-be", "utf-16", "UTF-16"))
_CUT_SHORT = {"truncated data", "unexpected end of data"}  # codecs' words for a cut-off character
# C0 controls other than tab, line feed, vertical tab, form feed and carriage return.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _binary(path: Path, where: str) -> ReadError:
    return ReadError(path, f"looks like a binary file, not an article (it contains a NUL "
                           f"character at {where}; text files have none)")


def _declared(data: bytes, path: Path) -> tuple[str, str] | None:
    """The text of a file that starts with a byte order mark, or None if it has none."""
    for mark, codec, encoding, name in _BOMS:
        if data.startswith(mark):
            try:
                return data[len(mark):].decode(codec), encoding
            except UnicodeDecodeError as exc:
                offset = len(mark) + exc.start
                what = (f"it ends in the middle of a character at byte offset {offset}"
                        if exc.end >= len(data) - len(mark) and exc.reason in _CUT_SHORT
                        else f"byte offset {offset} is not valid {name} ({exc.reason})")
                raise ReadError(path, (
                    f"says it is {name} (it begins with a {name} byte order mark) but is not: "
                    f"{what}; it may be damaged or saved in another encoding: save it again "
                    f"as {name}")) from None
    return None


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Bytes to (text, encoding): a byte order mark and UTF-8 first (exact), then a detected
    legacy encoding."""
    declared = _declared(data, path)
    if declared is not None:
        return declared
    if (nul := data.find(b"\x00")) >= 0:  # the whole file: C speed, 20 MB in milliseconds
        raise _binary(path, f"byte offset {nul}")
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


def refuse_binary(text: str, path: Path) -> None:
    """Refuse text that is not prose, looking at all of it (a binary tail after 8 KB of text
    used to reach the database and the labels).

    A NUL character anywhere refuses the file, as a NUL in the first 8 KB always did: whether a
    file is read must not depend on where its damage sits, and removing NULs silently would
    hide the damage. Other control characters are tolerated in small numbers (a DOS end-of-file
    mark, a stray escape), not as more than 5% of any 8,192 characters."""
    if (nul := text.find("\x00")) >= 0:
        raise _binary(path, f"character {nul}")
    if not _CONTROLS.search(text):  # prose: one pass at C speed and done
        return
    window = min(len(text), SAMPLE_CHARS)
    for start in range(0, len(text), SAMPLE_CHARS):
        controls = _CONTROLS.subn("", text[start:start + SAMPLE_CHARS])[1]
        if controls > MAX_CONTROL_SHARE * window:
            raise ReadError(path, "looks like a binary file, not an article")
