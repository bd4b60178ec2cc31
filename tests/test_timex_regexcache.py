"""The recognizer's compiled regex kept between processes (kerryview/timex/regexcache.py): the
regex read back is the one compiling gives, code for code, and anything amiss is compiled again."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kerryview.timex import grammar, regexcache
from kerryview.timex.firstchar import guarded

ROOT = Path(__file__).resolve().parents[1]


def timex_process(article: Path, folder: Path, no_bytecode: str, tmp_path: Path) -> str:
    """The output of a new `python -m kerryview timex ARTICLE` process keeping its caches in
    FOLDER (not writing them when NO_BYTECODE is set, as Python does with bytecode)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(KERRYVIEW_CACHE_DIR=str(folder), PYTHONPYCACHEPREFIX=str(tmp_path / "pyc"))
    if no_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    proc = subprocess.run([sys.executable, "-m", "kerryview", "timex", str(article)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300, check=True)
    return proc.stdout
SMALL = r"(?<!\w)(?:(?P<r0>(?P<r0_month>may|june)\s+(?P<r0_day>\d{1,2}))|(?P<r1>(?:the\s+)?weekend))"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A cache folder of the test's own, written as when Python may write bytecode."""
    monkeypatch.setenv("KERRYVIEW_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return tmp_path


def test_the_grammar_read_back_is_the_grammar_compiled(cache):
    """The whole grammar: compiled and kept, then read back; both equal `re`'s own compiling of
    the guarded parse tree (Pattern equality compares flags and code), and they find the same
    matches in every rule's examples."""
    source = grammar.regex_source(grammar.load_rules())
    fresh = guarded(source, re.I)
    first = regexcache.compile_guarded(source, re.I)
    path = regexcache.cache_path(source, re.I)
    assert path is not None and path.parent == cache and path.is_file()
    read_back = regexcache.load(path)
    assert read_back is not None and read_back is not first
    assert first == fresh and read_back == fresh
    assert read_back != guarded(SMALL, re.I)  # equality is not trivially true
    assert read_back.groupindex == fresh.groupindex and read_back.groups == fresh.groups
    assert regexcache.compile_guarded(source, re.I) == fresh  # the next process's path
    for line in grammar.load_rules():
        for example in line.examples:
            text = example.text.replace("[", "").replace("]", "")
            for pos in range(len(text)):
                m, n = read_back.match(text, pos), fresh.match(text, pos)
                assert (m and (m.span(), m.lastgroup, m.groups())) == (n and (n.span(), n.lastgroup, n.groups()))


def test_a_damaged_or_foreign_file_is_compiled_again(cache):
    path = regexcache.cache_path(SMALL, re.I)
    regexcache.compile_guarded(SMALL, re.I)
    data = path.read_bytes()
    path.write_bytes(data[:-10])  # cut short
    assert regexcache.load(path) is None
    assert regexcache.compile_guarded(SMALL, re.I) == guarded(SMALL, re.I)
    assert regexcache.load(path) == guarded(SMALL, re.I)  # written whole again
    damaged = bytearray(path.read_bytes())
    damaged[len(damaged) // 2] ^= 1
    path.write_bytes(bytes(damaged))
    assert regexcache.load(path) is None
    other = regexcache.cache_path(SMALL.replace("june", "july"), re.I)
    other.write_bytes(data)  # another regex's key: never read as this one
    assert regexcache.load(other) is None


def test_no_cache_without_the_text_of_the_rewriter(cache, monkeypatch, tmp_path):
    """In the PyInstaller bundle a module's __file__ ends in .pyc and its source is not there
    (the spec ships none): no cache, the regex is compiled. Beside a text, the key reads it."""
    from kerryview.timex import firstchar

    path = regexcache.cache_path(SMALL, re.I)
    bundle = tmp_path / "bundle" / "kerryview" / "timex"
    bundle.mkdir(parents=True)
    monkeypatch.setattr(firstchar, "__file__", str(bundle / "firstchar.pyc"))
    assert regexcache.cache_path(SMALL, re.I) is None
    assert regexcache.compile_guarded(SMALL, re.I) == guarded(SMALL, re.I)
    assert not list(cache.glob(regexcache.PREFIX + "*"))
    (bundle / "firstchar.py").write_bytes(Path(grammar.__file__).with_name("firstchar.py").read_bytes())
    assert regexcache.cache_path(SMALL, re.I) == path
    (bundle / "firstchar.py").write_text("# another rewriter\n")
    assert regexcache.cache_path(SMALL, re.I) not in (path, None)


def test_the_bundle_ships_no_text_of_the_rewriter():
    """The PyInstaller bundle writes no bytecode, so no cache either: its spec ships no text
    of firstchar.py for a key (a claim that the bundle uses the cache would be false)."""
    spec = (Path(grammar.__file__).parents[2] / "packaging" / "pyinstaller" / "kerryview.spec").read_text()
    assert not [line for line in spec.splitlines() if "firstchar" in line and not line.startswith("#")]


def test_nothing_is_written_where_python_writes_no_bytecode(cache, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert regexcache.compile_guarded(SMALL, re.I) == guarded(SMALL, re.I)
    assert list(cache.iterdir()) == []


def test_a_file_of_another_layout_is_never_read(cache, monkeypatch):
    path = regexcache.cache_path(SMALL, re.I)
    monkeypatch.setattr(regexcache, "LAYOUT", regexcache.LAYOUT + 1)
    assert regexcache.cache_path(SMALL, re.I) != path


def test_only_the_newest_files_are_kept(cache):
    for n in range(regexcache.KEEP + 3):
        regexcache.compile_guarded(SMALL + "|x" * n, re.I)
    kept = sorted(cache.iterdir())
    assert len(kept) == regexcache.KEEP and all(p.name.startswith(regexcache.PREFIX) for p in kept)


def test_kerryview_timex_gives_the_same_output_with_and_without_the_cache(tmp_path):
    """Two processes of `kerryview timex FILE`: the first compiles the grammar and keeps it,
    the second reads it; a third with PYTHONDONTWRITEBYTECODE and an empty folder compiles."""
    article = sorted((ROOT / "resources" / "corpus" / "kerry-beijing-2023").glob("*.txt"))[0]
    outputs = []
    for folder, no_bytecode in ((tmp_path / "kept", ""), (tmp_path / "kept", ""), (tmp_path / "none", "1")):
        outputs.append(timex_process(article, folder, no_bytecode, tmp_path))
    assert len(list((tmp_path / "kept").glob(regexcache.PREFIX + "*"))) == 1
    assert not (tmp_path / "none").exists()
    assert outputs[0] == outputs[1] == outputs[2] and '"value"' in outputs[0]
