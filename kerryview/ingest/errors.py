"""The one error the reading stage raises, and the words for what the operating system said."""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class ReadError(Exception):
    """A file that cannot be read as an article; str(error) is the message for the user."""

    def __init__(self, path: str | Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.message = message


_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def not_regular_message(mode: int) -> str | None:
    """Why a file of this type is not read, or None for a regular file.

    Reading a pipe or a device can block forever or never end (/dev/zero), so only regular
    files are read, whatever their name says."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    kind = next((name for test, name in _KINDS if test(mode)), "a special file")
    return f"is not a regular file but {kind}; only regular files are read"


def os_error_message(path: str | Path, exc: OSError) -> str:
    """A plain sentence for an error from stat/open/read/listing a folder."""
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM):
        return "cannot be read (permission denied)"
    if code == errno.ELOOP:
        return "is a symbolic link loop (the links point at each other and reach no file)"
    if code == errno.EISDIR:
        return "is a folder, not a file"
    if code in (errno.ENOENT, errno.ENOTDIR):
        if os.path.islink(path):
            return f"is a symbolic link to {os.readlink(path)}, which does not exist"
        return "no such file or folder"
    return f"cannot be read ({exc.strerror or exc})"
