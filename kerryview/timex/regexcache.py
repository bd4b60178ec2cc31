"""The recognizer's compiled regex kept between processes, as Python keeps bytecode (start-up).

Compiling the grammar's one regex (~100 rules, ~65,000 characters once the word lists are in)
is ~130 ms of CPU, most of the start-up of a process that tags one file (`kerryview timex FILE`,
a script that runs it once per article). `re` compiles a pattern in Python to a list of integers,
its code, and makes the pattern object from that list in C (`_sre.compile`, ~1 ms). So the code
of the guarded regex (firstchar.py) is written once to the user's cache folder and read by the
next process, as Python writes and reads the bytecode of a module:

- keyed by all it depends on: the regex's source and flags (the rules and word lists are in the
  source), the text of firstchar.py (which rewrites the parse tree), the Python version,
  `_sre.MAGIC` and the file's LAYOUT; a file of another key is never read, and the 8 newest files are kept;
- kept as kerryview/startcache.py keeps every compiled regex (its doc says how: the folder,
  the checksum, the atomic write, only when Python writes bytecode, compiled as before when
  anything is amiss): the cache changes no match, only the time.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from kerryview import startcache
from kerryview.startcache import KEEP, cache_dir  # noqa: F401 - the folder and how many files are kept

from . import firstchar

try:  # Python 3.11+
    from re import _compiler as _sre_compile
except ImportError:  # pragma: no cover - another implementation
    _sre_compile = None

PREFIX = "timex-regex-"
LAYOUT = 1  # what a file holds (marshal of (name, (flags, code, groups, groupindex))): a new
# layout takes a new number, so that no file of the old one is read


def cache_path(source: str, flags: int) -> Path | None:
    """The file that keeps the compiled `source`, or None when there is none to use."""
    folder = cache_dir()
    if folder is None or startcache._sre is None:
        return None
    try:  # its text; the PyInstaller bundle holds only bytecode (firstchar.__file__ ends in
        # .pyc there) and writes none (sys.dont_write_bytecode): no cache there
        rewriter = Path(firstchar.__file__).with_suffix(".py").read_bytes()
    except (OSError, TypeError):  # no text of the rewriter: compiled every time
        return None
    data = rewriter + b"\0" + source.encode("utf-8", "surrogatepass")
    return folder / f"{PREFIX}{startcache.key_of(LAYOUT, int(flags), data=data)}.bin"


def compile_guarded(source: str, flags: int) -> re.Pattern[str]:
    """`firstchar.guarded(source, flags)`, read from the cache when a process compiled it
    before (and written there when it was not)."""
    path = cache_path(source, flags)
    if path is not None:
        regex = load(path)
        if regex is not None:
            return regex
    tree = firstchar.guarded_tree(source, flags)
    if tree is None or _sre_compile is None or startcache._sre is None:
        return firstchar.guarded(source, flags)
    try:
        # re._compiler.compile(tree, flags), keeping the code it makes
        flags = int(flags)
        compiled = (flags | tree.state.flags, [int(x) for x in _sre_compile._code(tree, flags)],
                    tree.state.groups, dict(tree.state.groupdict))
        regex = _pattern(*compiled)
    except Exception:  # noqa: BLE001 - a private API changed: compiled as before
        return firstchar.guarded(source, flags)
    if path is not None and not sys.dont_write_bytecode:
        store(path, compiled)
    return regex


def _pattern(flags: int, code: list[int], groups: int, groupindex: dict[str, int]) -> re.Pattern[str]:
    return startcache.pattern(None, flags, code, groups, groupindex)


def load(path: Path) -> re.Pattern[str] | None:
    """The regex kept in `path`, or None if there is none or it is not whole."""
    compiled = startcache.read(path)
    try:
        return None if compiled is None else _pattern(*compiled)
    except Exception:  # noqa: BLE001 - not the layout this code writes: compiled again
        return None


def store(path: Path, compiled: tuple) -> None:
    """Keep `compiled` in `path`, and only the KEEP newest files of the folder."""
    startcache.write(path, compiled, PREFIX)
