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
- written only when Python may write bytecode (not under PYTHONDONTWRITEBYTECODE or -B, as the
  tests run here), through a temporary file renamed over it, with a checksum; read whenever it
  is there;
- anything amiss (no cache folder, a damaged or foreign file, a private API of `re` that
  changed) and the regex is compiled as before: the cache changes no match, only the time.

The folder: KERRYVIEW_CACHE_DIR if set, else the platform's per-user cache folder
($XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows)
/kerryview.
"""
from __future__ import annotations

import marshal
import os
import re
import sys
from pathlib import Path

from . import firstchar

try:  # blake2b without hashlib, which loads OpenSSL (~3 ms of a start)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b
try:  # Python 3.11+
    import _sre
    from re import _compiler as _sre_compile
except ImportError:  # pragma: no cover - another implementation
    _sre = _sre_compile = None

PREFIX = "timex-regex-"
LAYOUT = 1  # what a file holds (marshal of (name, (flags, code, groups, groupindex))): a new
# layout takes a new number, so that no file of the old one is read
KEEP = 8  # cache files kept in the folder (one per version of the grammar)
_CHECK = 16  # bytes of the checksum in front of a file


def cache_dir() -> Path | None:
    """The folder the compiled regex is kept in (see the module's doc), or None."""
    folder = os.environ.get("KERRYVIEW_CACHE_DIR")
    if folder:
        return Path(folder)
    try:
        if sys.platform == "win32":
            base = os.environ.get("LOCALAPPDATA")
            return Path(base) / "kerryview" / "Cache" if base else None
        if sys.platform == "darwin":
            return Path.home() / "Library" / "Caches" / "kerryview"
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kerryview"
    except RuntimeError:  # no home folder
        return None


def cache_path(source: str, flags: int) -> Path | None:
    """The file that keeps the compiled `source`, or None when there is none to use."""
    folder = cache_dir()
    if folder is None or _sre is None:
        return None
    try:
        rewriter = Path(firstchar.__file__).read_bytes()
    except (OSError, TypeError):  # e.g. a bundle without sources: compiled every time
        return None
    key = blake2b(digest_size=20)
    for part in (LAYOUT, sys.version, sys.implementation.cache_tag or "", _sre.MAGIC, _sre.CODESIZE,
                 int(flags)):
        key.update(f"{part}\0".encode())
    key.update(rewriter)
    key.update(b"\0")
    key.update(source.encode("utf-8", "surrogatepass"))
    return folder / f"{PREFIX}{key.hexdigest()[:40]}.bin"


def compile_guarded(source: str, flags: int) -> re.Pattern[str]:
    """`firstchar.guarded(source, flags)`, read from the cache when a process compiled it
    before (and written there when it was not)."""
    path = cache_path(source, flags)
    if path is not None:
        regex = load(path)
        if regex is not None:
            return regex
    tree = firstchar.guarded_tree(source, flags)
    if tree is None or _sre is None:
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
    indexgroup: list[str | None] = [None] * groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return _sre.compile(None, flags, code, groups - 1, groupindex, tuple(indexgroup))


def load(path: Path) -> re.Pattern[str] | None:
    """The regex kept in `path`, or None if there is none or it is not whole."""
    try:
        data = path.read_bytes()
        body = data[_CHECK:]
        if blake2b(body, digest_size=_CHECK).digest() != data[:_CHECK]:
            return None
        name, compiled = marshal.loads(body)
        if name != path.name:
            return None
        return _pattern(*compiled)
    except Exception:  # noqa: BLE001 - missing, damaged or of another Python: compiled again
        return None


def store(path: Path, compiled: tuple) -> None:
    """Keep `compiled` in `path` (a temporary file renamed over it: a reader never sees half a
    file), and only the KEEP newest files of the folder. Failing to write costs only time."""
    try:
        body = marshal.dumps((path.name, compiled))
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            tmp.write_bytes(blake2b(body, digest_size=_CHECK).digest() + body)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        kept = sorted(path.parent.glob(PREFIX + "*.bin"), key=_mtime, reverse=True)
        for old in kept[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
