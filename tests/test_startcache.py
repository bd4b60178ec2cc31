"""`re`'s compiled patterns kept between processes (kerryview/startcache.py): a pattern read back
is the one `re` compiles, code for code; anything amiss and it is compiled as before."""
import os
import re
import sys
from pathlib import Path

import pytest

from kerryview import startcache

ROOT = Path(__file__).resolve().parents[1]
PATTERNS = [(r"(?P<day>\d{1,2})\s+(?P<month>may|june)\b", re.I), (r"\bweek(?:end)?s?\b", 0),
            (r"^(?:said|told)\s*$", re.I | re.M)]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A cache folder of the test's own, written as when Python may write bytecode, and an
    empty `re` cache (as in a new process)."""
    monkeypatch.setenv("KERRYVIEW_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(re, "_cache", {})
    monkeypatch.setattr(startcache, "_loaded", {})
    monkeypatch.setattr(startcache, "_prefilled", False)
    monkeypatch.setattr(startcache, "_seen", ())
    return tmp_path


def _new_process(monkeypatch):
    monkeypatch.setattr(re, "_cache", {})
    monkeypatch.setattr(startcache, "_loaded", {})
    monkeypatch.setattr(startcache, "_prefilled", False)
    monkeypatch.setattr(startcache, "_seen", ())


def test_patterns_kept_are_read_back_as_re_compiles_them(cache, monkeypatch):
    compiled = [re.compile(p, f) for p, f in PATTERNS]
    assert startcache.keep() == len(PATTERNS)
    assert startcache.keep() == 0  # nothing new: not written again
    compiled.append(re.compile(r"\bmonth\b"))
    assert startcache.keep() == 1  # one more
    patterns = PATTERNS + [(r"\bmonth\b", 0)]
    path = startcache.patterns_path()
    assert path is not None and path.parent == cache and path.is_file()
    _new_process(monkeypatch)
    assert startcache.prefill() == len(patterns)
    for (p, f), fresh in zip(patterns, compiled, strict=True):
        read_back = re.compile(p, f)  # found in re's cache, not compiled
        assert read_back is re._cache[str, p, int(f)] and read_back is not fresh
        assert read_back == fresh  # Pattern equality: pattern, flags and code
        assert read_back.pattern == p and read_back.flags == fresh.flags
        assert read_back.groupindex == fresh.groupindex and read_back.groups == fresh.groups
        for text in ("12 May", "the weekend", "said", "x 3 june y"):
            m, n = read_back.search(text), fresh.search(text)
            assert (m and (m.span(), m.groups())) == (n and (n.span(), n.groups()))
    re._cache.clear()
    assert startcache.prefill() == 0 and re._cache == {}  # the file is read once a process


def test_a_pattern_is_kept_only_when_compiling_it_again_gives_re_s_own(cache, monkeypatch):
    re.compile(*PATTERNS[0])
    real = startcache._compiled
    monkeypatch.setattr(startcache, "_compiled",
                        lambda s, f: (lambda c: (c[0], c[1][:-1] + [c[1][-1] ^ 1], c[2], c[3]))(real(s, f)))
    assert startcache.keep() == 0
    assert not startcache.patterns_path().exists()


def test_a_damaged_or_foreign_file_puts_nothing_in_re_s_cache(cache, monkeypatch):
    for p, f in PATTERNS:
        re.compile(p, f)
    startcache.keep()
    path = startcache.patterns_path()
    data = path.read_bytes()
    for bad in (data[:-10], data[:40] + bytes([data[40] ^ 1]) + data[41:]):
        path.write_bytes(bad)
        _new_process(monkeypatch)
        assert startcache.prefill() == 0 and re._cache == {}
    other = path.with_name(startcache.PATTERNS_PREFIX + "0" * 40 + ".bin")
    other.write_bytes(data)
    monkeypatch.setattr(startcache, "patterns_path", lambda: other)  # another key's name
    _new_process(monkeypatch)
    assert startcache.prefill() == 0 and re._cache == {}


def test_a_file_of_another_layout_or_python_is_never_read(cache, monkeypatch):
    path = startcache.patterns_path()
    monkeypatch.setattr(startcache, "LAYOUT", startcache.LAYOUT + 1)
    assert startcache.patterns_path() != path
    monkeypatch.setattr(startcache, "LAYOUT", startcache.LAYOUT - 1)
    monkeypatch.setattr(sys, "version", sys.version + " other")
    assert startcache.patterns_path() != path


def test_nothing_is_written_where_python_writes_no_bytecode(cache, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    re.compile(*PATTERNS[0])
    assert startcache.keep() == 0
    assert list(cache.iterdir()) == []


def test_at_most_half_of_re_s_cache_is_filled(cache, monkeypatch):
    monkeypatch.setattr(re, "_MAXCACHE", 8)
    for n in range(10):
        re.compile(rf"\bx{n}\b")
    assert startcache.keep() == 4
    _new_process(monkeypatch)
    assert startcache.prefill() == 4 and len(re._cache) == 4


def test_a_full_file_still_takes_new_patterns_and_drops_old_ones(cache, monkeypatch):
    """Once the file holds as many patterns as there is room for, a process's new patterns are
    still kept (first), and an old one no process compiles any more is pushed out."""
    monkeypatch.setattr(re, "_MAXCACHE", 8)
    for n in range(4):
        re.compile(rf"\bold{n}\b")
    assert startcache.keep() == 4
    _new_process(monkeypatch)
    assert startcache.prefill() == 4
    re.compile(r"\bnew0\b"), re.compile(r"\bnew1\b")
    assert startcache.keep() == 2
    kept = [s for s, _f, _c in startcache.read(startcache.patterns_path())]
    assert len(kept) == 4 and {r"\bnew0\b", r"\bnew1\b"} <= set(kept)


def test_a_process_s_newest_patterns_are_kept_before_its_oldest(cache, monkeypatch):
    """A long-lived process (pytest, a notebook) that compiled many other patterns before the
    tagger's: the tagger's, compiled last, are the ones kept."""
    monkeypatch.setattr(re, "_MAXCACHE", 8)
    for n in range(6):
        re.compile(rf"\bunrelated{n}\b")
    re.compile(r"\btagger0\b"), re.compile(r"\btagger1\b")
    assert startcache.keep() == 4
    kept = [s for s, _f, _c in startcache.read(startcache.patterns_path())]
    assert kept[:2] == [r"\btagger1\b", r"\btagger0\b"]


def test_the_tests_never_write_the_user_s_cache():
    """tests/conftest.py points KERRYVIEW_CACHE_DIR at a folder of the test session's own."""
    folder = startcache.cache_dir()
    assert folder is not None and os.environ.get("KERRYVIEW_CACHE_DIR") == str(folder)
    assert not str(folder).startswith(str(Path.home() / ".cache"))


def test_kerryview_timex_gives_the_same_output_with_and_without_the_cache(tmp_path):
    """`kerryview timex FILE`: the first process compiles its patterns and keeps them, the next
    ones read them (and keep nothing new), one without bytecode compiles: the same output."""
    articles = sorted((ROOT / "resources" / "corpus" / "kerry-beijing-2023").glob("*.txt"))[:2]
    outputs = []
    runs = [(tmp_path / "kept", "", articles[0]), (tmp_path / "kept", "", articles[0]),
            (tmp_path / "kept", "", articles[1]), (tmp_path / "none", "1", articles[1])]
    from test_timex_regexcache import timex_process

    for folder, no_bytecode, article in runs:
        outputs.append(timex_process(article, folder, no_bytecode, tmp_path))
        if folder.name == "kept" and article == articles[0]:
            kept = list(folder.glob(startcache.PATTERNS_PREFIX + "*.bin"))
            assert len(kept) == 1 and len(startcache.read(kept[0])) > 100
    assert not (tmp_path / "none").exists()
    assert outputs[0] == outputs[1] and outputs[2] == outputs[3] and '"value"' in outputs[0]
