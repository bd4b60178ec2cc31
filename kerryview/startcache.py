"""Compiled regexes kept between processes, as Python keeps bytecode (start-up of short commands).

A process that tags one file (`kerryview timex FILE`, run once per article by a script) spends
most of its time starting: importing the tagger and compiling its regexes. Two kinds of compiled
regex are kept in the user's cache folder and read by the next process:

- the tagger's one big regex (kerryview/timex/regexcache.py);
- `re`'s own compiled patterns (`prefill` and `keep` here): the patterns the tagger's modules
  compile with re.compile / re.match ... when imported or first used (~140 for one article,
  ~230 over many; ~10 ms of the process). `prefill` puts those an earlier process kept into `re`'s cache, where re.compile
  finds them as if this process had compiled them before; `keep` writes the ones it did not
  hold. Each entry is keyed by its pattern and flags, so an entry never answers for another
  pattern, and one is kept only when compiling it again gives a pattern equal (flags and code)
  to `re`'s own.

Both kinds, like bytecode:
- the file's name holds the key of all its content depends on (the Python version and
  `_sre.MAGIC`, the LAYOUT of the file, and for the tagger's regex its source): a file of
  another key is never read;
- written only when Python may write bytecode (not under PYTHONDONTWRITEBYTECODE or -B, as the
  tests run here), through a temporary file renamed over it, with a checksum in front; read
  whenever it is there; the KEEP newest files of a kind are kept;
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

try:  # blake2b without hashlib, which loads OpenSSL (~3 ms of a start)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b
try:  # Python 3.11+
    import _sre
    from re import _compiler as _sre_compile
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - another implementation
    _sre = _sre_compile = _sre_parse = None

PATTERNS_PREFIX = "re-patterns-"
LAYOUT = 1  # what a patterns file holds: marshal of (name, [(pattern, flags, (flags, code,
# groups, groupindex)), ...]); a new layout takes a new number, so no file of the old is read
KEEP = 8  # files of a kind kept in the folder
_CHECK = 16  # bytes of the checksum in front of a file
_loaded: dict[tuple[str, int], tuple] = {}  # the patterns read by `prefill`, by (pattern, flags)
_prefilled = False  # `prefill` ran in this process (the file is read once)
_seen: tuple = ()  # re's cache as `keep` last saw it: its size and newest key


def cache_dir() -> Path | None:
    """The folder the compiled regexes are kept in (see the module's doc), or None."""
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


def key_of(*parts: object, data: bytes = b"") -> str:
    """40 hex digits naming a file kept for this Python and `_sre` and the given parts."""
    key = blake2b(digest_size=20)
    for part in (sys.version, sys.implementation.cache_tag or "", _sre.MAGIC, _sre.CODESIZE, *parts):
        key.update(f"{part}\0".encode())
    key.update(data)
    return key.hexdigest()[:40]


def read(path: Path) -> object | None:
    """What `write` kept in `path` (checked whole and named for `path`), or None."""
    try:
        data = path.read_bytes()
        body = data[_CHECK:]
        if blake2b(body, digest_size=_CHECK).digest() != data[:_CHECK]:
            return None
        name, content = marshal.loads(body)
        return content if name == path.name else None
    except Exception:  # noqa: BLE001 - missing, damaged or of another Python: compiled again
        return None


def write(path: Path, content: object, prefix: str) -> None:
    """Keep `content` in `path` (a temporary file renamed over it: a reader never sees half a
    file), and only the KEEP newest files named `prefix`*.bin. Failing to write costs only time."""
    try:
        body = marshal.dumps((path.name, content))
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            tmp.write_bytes(blake2b(body, digest_size=_CHECK).digest() + body)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        kept = sorted((path.parent / name for name in os.listdir(path.parent)  # (no glob: no
                       if name.startswith(prefix) and name.endswith(".bin")),  # regex compiled)
                      key=_mtime, reverse=True)
        for old in kept[KEEP:]:
            old.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def pattern(source: str | None, flags: int, code: list[int], groups: int,
            groupindex: dict[str, int]) -> re.Pattern[str]:
    """The pattern object `re` makes of compiled code (re._compiler.compile's last step)."""
    indexgroup: list[str | None] = [None] * groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return _sre.compile(source, flags, code, groups - 1, groupindex, tuple(indexgroup))


def patterns_path() -> Path | None:
    """The file that keeps `re`'s compiled patterns, or None when there is none to use."""
    folder = cache_dir()
    if folder is None or _sre is None or not isinstance(getattr(re, "_cache", None), dict):
        return None
    return folder / f"{PATTERNS_PREFIX}{key_of(LAYOUT)}.bin"


def _room() -> int:
    """Patterns put into `re`'s cache at most: half of it, the other half left for the process."""
    return getattr(re, "_MAXCACHE", 0) // 2


def prefill() -> int:
    """Put the patterns an earlier process kept into `re`'s cache; how many were put there.
    Once a process: a second call (main() run again in the same process) puts none."""
    global _prefilled
    if _prefilled:
        return 0
    _prefilled = True
    path = patterns_path()
    if path is None:
        return 0
    entries = read(path)
    if not isinstance(entries, list):
        return 0
    cache = re._cache
    put = 0
    try:
        for source, flags, compiled in entries[:_room()]:
            _loaded[source, flags] = compiled
            if (str, source, flags) not in cache:
                cache[str, source, flags] = pattern(source, *compiled)
                put += 1
    except Exception:  # noqa: BLE001 - not the layout this code writes: compiled as before
        for key in _loaded:
            if cache.get((str, *key)) is not None:
                del cache[(str, *key)]
        _loaded.clear()
        return 0
    return put


def _compiled(source: str, flags: int) -> tuple | None:
    """What re._compiler.compile(source, flags) hands to `_sre.compile`, or None."""
    try:
        tree = _sre_parse.parse(source, flags)
        return (flags | tree.state.flags, [int(x) for x in _sre_compile._code(tree, flags)],
                tree.state.groups, dict(tree.state.groupdict))
    except Exception:  # noqa: BLE001 - a private API changed: not kept
        return None


def keep() -> int:
    """Write the patterns in `re`'s cache that the file read by `prefill` did not hold (only
    when Python may write bytecode); how many were new. The file keeps this process's new
    patterns first (the newest first), then the earlier processes' ones, cut to the room: a
    full file still takes new patterns, and one no process compiles any more (a rule edited)
    is pushed out as new ones come."""
    global _seen
    path = patterns_path()
    if path is None or sys.dont_write_bytecode:
        return 0
    cache = re._cache
    seen = (len(cache), next(reversed(cache), None))
    if seen == _seen:  # nothing compiled since (main() run again in one process): no scan
        return 0
    _seen = seen
    room = _room()
    fresh: dict[tuple[str, int], tuple] = {}  # this process's new patterns, the newest first
    for key, compiled_by_re in reversed(list(cache.items())):
        if not (type(key) is tuple and len(key) == 3 and key[0] is str and type(key[1]) is str
                and type(key[2]) is int and not key[2] & (re.DEBUG | re.LOCALE)):
            continue
        source, flags = key[1], key[2]
        if (source, flags) in _loaded:
            continue
        compiled = _compiled(source, flags)
        try:
            if compiled is None or pattern(source, *compiled) != compiled_by_re:
                continue
        except Exception:  # noqa: BLE001 - code `_sre` refuses: not kept
            continue
        fresh[source, flags] = compiled
        if len(fresh) >= room:
            break
    if not fresh:
        return 0
    used = dict(fresh)
    for key, compiled in _loaded.items():  # then the earlier processes' ones, as far as room
        if len(used) >= room:
            break
        used.setdefault(key, compiled)
    write(path, [(s, f, c) for (s, f), c in used.items()], PATTERNS_PREFIX)
    _loaded.update(fresh)
    return len(fresh)
