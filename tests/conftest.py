"""Hypothesis runs the same 1,000 examples per property on every machine unless told otherwise
(HYPOTHESIS_PROFILE=dev for quick random runs while working): CI is reproducible, and a
failure found once is found again. `bundled_db`: the demo imported once for every test that
reads it (copy it to write). `guesses`: publication dating with decision.guess on (off by
default) for the test that asks for it."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile

import pytest
from hypothesis import settings

# The tagger never raises on any text, but in the tests a rule whose normalizer raises is a bug to
# find, not an expression to drop silently (kerryview.timex.recognize.STRICT)
os.environ.setdefault("KERRYVIEW_TIMEX_STRICT", "1")
# Compiled regexes kept between processes (kerryview/startcache.py) go to a folder of this test
# session's own, for the tests run in-process (main(["timex", ...]) and the processes they start:
# pytest's own patterns never land in the user's cache
os.environ["KERRYVIEW_CACHE_DIR"] = tempfile.mkdtemp(prefix="kerryview-test-cache-")
atexit.register(shutil.rmtree, os.environ["KERRYVIEW_CACHE_DIR"], ignore_errors=True)

settings.register_profile("ci", max_examples=1000, derandomize=True, deadline=None)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def bundled_db(tmp_path_factory):
    """The bundled corpus imported once through the real pipeline (a few seconds): a project
    file to read or copy, never to write."""
    from kerryview.pipeline import bundled_corpus_paths, import_into_store
    from kerryview.store import Store
    path = tmp_path_factory.mktemp("bundled") / "bundled.db"
    s = Store(path)
    import_into_store(s, bundled_corpus_paths())
    s.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()
    return path


@pytest.fixture
def guesses(monkeypatch):
    """Publication dating gives an article the evidence does not date the pile's best guess
    (kerryview/dating/data/inference_cues.json decision.guess, off by default) for one test."""
    from kerryview.dating.cues import rules
    assert rules()["decision"]["guess"] is False  # the default the other tests assume
    monkeypatch.setitem(rules()["decision"], "guess", True)
