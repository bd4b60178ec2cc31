"""Reading a file's bytes without ever blocking or reading without end.

A named pipe given as an article would block the import forever, and a device such as
/dev/zero reports a size of 0 and then never ends; so the type is checked with stat before
opening, the file is opened non-blocking, and at most max_bytes + 1 bytes are read whatever
stat said.
"""
from __future__ import annotations

import os
from pathlib import Path

from kerryview.ingest.errors import ReadError, not_regular_message, os_error_message

_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
               | getattr(os, "O_BINARY", 0))


def too_large_message(max_bytes: int, size: int | None = None) -> str:
    limit = f"{max_bytes // 1024 // 1024} MB"
    stated = f"is {size / 1e6:.0f} MB" if size is not None else f"is larger than {limit}"
    return f"{stated}; articles larger than {limit} are not read"


def _refuse_unless_regular(path: Path, mode: int) -> None:
    if (message := not_regular_message(mode)) is not None:
        raise ReadError(path, message)


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most max_bytes; ReadError for anything else."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise ReadError(path, os_error_message(path, exc)) from None
    _refuse_unless_regular(path, info.st_mode)
    if info.st_size > max_bytes:
        raise ReadError(path, too_large_message(max_bytes, info.st_size))
    try:
        fd = os.open(path, _OPEN_FLAGS)  # non-blocking: belt and braces against a swapped-in FIFO
    except OSError as exc:
        raise ReadError(path, os_error_message(path, exc)) from None
    try:
        _refuse_unless_regular(path, os.fstat(fd).st_mode)  # what was opened, not what was stat'ed
        with open(fd, "rb", closefd=False) as f:
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise ReadError(path, os_error_message(path, exc)) from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # grew after stat, or a size stat does not know (/proc)
        raise ReadError(path, too_large_message(max_bytes))
    return data
