"""Incremental imports: each article is tagged once; the corpus stages re-run from the stored
per-article analyses and give what a full import gives."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

import kerryview.analysis
import kerryview.incremental
import kerryview.pipeline
from kerryview.bundled import bundled_corpus_paths
from kerryview.cancellation import Cancelled
from kerryview.pipeline import build_corpus, import_into_store, read_documents, remove_documents
from kerryview.store import Store

PATHS = bundled_corpus_paths()


@pytest.fixture
def tagged(monkeypatch):
    """The texts the tagger's recognition phase reads, in order (both places that call it)."""
    texts: list[str] = []
    module = sys.modules["kerryview.timex.recognize"]  # kerryview.timex.recognize is the function
    real = module.recognize

    def counting(text, *args, **kwargs):
        texts.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(module, "recognize", counting)
    monkeypatch.setattr(kerryview.pipeline, "recognize", counting)
    return texts


def _summary(events):
    return sorted((e.id, e.label, e.value, e.start, e.end, e.status, tuple(e.conflicts),
                   tuple((m.document_id, m.start, m.end, m.resolution, m.status, m.timex.value)
                         for m in e.mentions)) for e in events)


def _dates(documents):
    return sorted((d.id, d.dct, d.dct_source) for d in documents)


def test_adding_an_article_tags_only_it_and_resolves_as_a_full_import(tmp_path, tagged):
    store = Store(tmp_path / "p.db")
    import_into_store(store, PATHS[:-1])
    assert len(tagged) == len(PATHS) - 1
    tagged.clear()
    result = import_into_store(store, PATHS[-1:])
    assert tagged == [PATHS[-1].read_text(encoding="utf-8")]  # the new article only
    docs, _ = read_documents(PATHS)
    expected = build_corpus(docs)
    assert _summary(result.events) == _summary(expected) == _summary(Store(tmp_path / "p.db").events())
    assert _dates(Store(tmp_path / "p.db").documents()) == _dates(docs)


def test_re_resolving_after_a_user_date_tags_nothing(tmp_path, tagged):
    store = Store(tmp_path / "p.db")
    import_into_store(store, PATHS)
    doc_id = store.documents()[0].id
    store.set_document_date(doc_id, date(2023, 7, 25))
    tagged.clear()
    result = import_into_store(store, [])
    assert tagged == []
    docs = store.documents()
    assert _summary(result.events) == _summary(build_corpus(docs))
    assert store.document(doc_id).dct == date(2023, 7, 25)


def test_a_new_version_of_the_per_article_stages_tags_every_article_again(tmp_path, tagged,
                                                                           monkeypatch):
    store = Store(tmp_path / "p.db")
    import_into_store(store, PATHS)
    monkeypatch.setattr(kerryview.analysis, "stage_version", lambda: "another tagger")
    monkeypatch.setattr(kerryview.pipeline, "stage_version", lambda: "another tagger")
    tagged.clear()
    import_into_store(store, [])
    assert len(tagged) == len(PATHS)
    tagged.clear()
    import_into_store(store, [])
    assert tagged == []  # and stored again under the new version


def test_stage_version_changes_with_a_rule_file(tmp_path, monkeypatch):
    """The fingerprint covers the rule data, so an edited rule file re-tags without a bump."""
    import kerryview

    copy = tmp_path / "kerryview"
    import shutil
    shutil.copytree(Path(kerryview.__file__).parent, copy,
                    ignore=shutil.ignore_patterns("__pycache__", "gui"))
    monkeypatch.setattr(kerryview, "__file__", str(copy / "__init__.py"))
    kerryview.analysis.stage_version.cache_clear()
    try:
        before = kerryview.analysis.stage_version()
        rules = copy / "timex" / "rules" / "rules.tsv"
        rules.write_text(rules.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        kerryview.analysis.stage_version.cache_clear()
        assert kerryview.analysis.stage_version() != before
    finally:
        kerryview.analysis.stage_version.cache_clear()


def test_removing_an_article_keeps_marks_and_dates_and_tags_nothing(tmp_path, tagged):
    store = Store(tmp_path / "p.db")
    import_into_store(store, PATHS)
    docs = store.documents()
    gone, kept_id = docs[-1].id, docs[0].id
    store.set_document_date(kept_id, date(2023, 7, 19))
    import_into_store(store, [])
    keep = next(e for e in store.events() if gone not in e.document_ids)
    store.set_event_mark(keep.id, reviewed=True)
    tagged.clear()
    result = remove_documents(store, [gone])
    assert tagged == []
    reopened = Store(tmp_path / "p.db")
    left = reopened.documents()
    assert [d.id for d in left] == [d.id for d in docs if d.id != gone]
    assert _summary(reopened.events()) == _summary(build_corpus(left)) == _summary(result.events)
    assert all(gone not in e.document_ids for e in reopened.events())
    assert reopened.marks()[keep.id] == (True, False)
    assert any(e.id == keep.id and e.reviewed for e in reopened.events())
    assert reopened.document(kept_id).dct == date(2023, 7, 19)
    assert docs[-1].sha256 not in reopened.analysed(kerryview.analysis.stage_version())


def test_a_cancelled_removal_removes_nothing(tmp_path):
    store = Store(tmp_path / "p.db")
    import_into_store(store, PATHS)
    before = (store.documents(), _summary(store.events()))
    with pytest.raises(Cancelled):
        remove_documents(store, [before[0][0].id], cancelled=lambda: True)
    assert (store.documents(), _summary(store.events())) == before


def test_a_cancelled_import_keeps_the_batches_it_stored_and_nothing_else(tmp_path, tagged,
                                                                         monkeypatch):
    """Each batch of analyses is its own transaction: Cancel after two batches leaves the
    project's documents and events as they were, and the next import tags only the rest."""
    monkeypatch.setattr(kerryview.pipeline, "BATCH_ARTICLES", 1)
    store = Store(tmp_path / "p.db")
    import_into_store(store, PATHS[:1])
    before = (store.documents(), _summary(store.events()))
    tagging = []

    def progress(done, total, what):
        if what.startswith("Tagging articles"):
            tagging.append(done)

    with pytest.raises(Cancelled):
        import_into_store(store, PATHS[1:], progress, cancelled=lambda: len(tagging) > 3)
    assert (store.documents(), _summary(store.events())) == before
    assert store.pending_import() == []
    stored = store.analysed(kerryview.analysis.stage_version())
    assert 1 < len(stored) < len(PATHS)
    tagged.clear()
    import_into_store(store, PATHS[1:])
    assert len(tagged) == len(PATHS) - len(stored)


def test_progress_counts_the_articles_being_tagged(tmp_path):
    seen = []
    import_into_store(Store(tmp_path / "p.db"), PATHS, lambda d, t, w: seen.append((d, t, w)))
    tagging = [(d, t, w) for d, t, w in seen if w.startswith("Tagging articles")]
    n = len(PATHS)
    assert tagging[0] == (0, n, f"Tagging articles: 0 of {n}")
    assert [d for d, _, _ in tagging] == list(range(n + 1))
    assert tagging[-1][2] == f"Tagging articles: {n} of {n}"  # the app adds the time left


_KILLED_IMPORT = """
import sys
import kerryview.pipeline as p
from kerryview.store import Store
p.BATCH_ARTICLES = 1
p.import_into_store(Store(sys.argv[1]), sys.argv[2:],
                    lambda d, t, w: __import__("time").sleep(0.3) if w.startswith("Tagging") else None)
"""


def test_a_killed_import_keeps_its_stored_batches_and_is_offered_to_finish(tmp_path, tagged):
    db = tmp_path / "p.db"
    store = Store(db)
    import_into_store(store, PATHS[:1])
    store.close()
    pile = tmp_path / "pile"
    pile.mkdir()
    for i in range(3):  # twelve distinct articles
        for p in PATHS[1:]:
            (pile / f"{i}-{p.name}").write_text(p.read_text(encoding="utf-8") + f"\n({i})\n",
                                              encoding="utf-8")
    files = sorted(pile.iterdir())
    proc = subprocess.Popen([sys.executable, "-c", _KILLED_IMPORT, str(db), *map(str, files)])
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            time.sleep(0.1)
            try:
                n = len(Store(db, read_only=True).analysed(kerryview.analysis.stage_version()))
            except Exception:  # noqa: BLE001 - the file may be mid-write: look again
                continue
            if n >= 4:  # the first article's and three of the new ones
                break
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    reopened = Store(db)
    assert reopened.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert len(reopened.documents()) == 1 and reopened.events()
    pending = reopened.pending_import()
    assert pending == [os.path.abspath(p) for p in files]
    stored = reopened.analysed(kerryview.analysis.stage_version()) - {
        d.sha256 for d in reopened.documents()}
    assert 3 <= len(stored) < len(files)  # killed part-way, earlier batches kept
    tagged.clear()
    import_into_store(reopened, pending)
    assert len(tagged) == len(files) - len(stored)  # the stored batches are not tagged again
    assert reopened.pending_import() == [] and len(reopened.documents()) == 1 + len(files)


TOPICS = ["harbour", "library", "railway", "orchard", "stadium", "hospital", "bridge", "museum",
          "airport", "vineyard", "reservoir", "observatory"]


def test_a_save_writes_only_the_events_that_changed(tmp_path, monkeypatch):
    """Adding an article rewrites the events it joins or makes, not the others (rows written
    counted by SQLite, but for the merge kept for the next import, which a full resolution
    writes anew), and the stored events are exactly the new ones."""
    cache_writes = []
    real = kerryview.incremental.save_merge

    def save_merge(store, state):
        before = store.db.conn.total_changes
        real(store, state)
        cache_writes.append(store.db.conn.total_changes - before)

    monkeypatch.setattr(kerryview.incremental, "save_merge", save_merge)
    pile = []
    for i, topic in enumerate(TOPICS):
        path = tmp_path / f"{topic}.txt"
        path.write_text(f"date 2023-07-{10 + i}\n\nThe {topic} council met on Monday to vote on "
                        f"the {topic} budget. The {topic} plan was first shown on June {i + 1}.\n",
                        encoding="utf-8")
        pile.append(path)
    store = Store(tmp_path / "p.db")
    import_into_store(store, pile[:-1])
    stored_rows = store.db.conn.execute(
        "SELECT (SELECT count(*) FROM mentions) + (SELECT count(*) FROM events)").fetchone()[0]
    written = store.db.conn.total_changes
    result = import_into_store(store, pile[-1:])
    written = store.db.conn.total_changes - written - sum(cache_writes[1:])
    assert written < stored_rows / 2  # not every stored row deleted and inserted again
    assert _summary(Store(tmp_path / "p.db").events()) == _summary(result.events) == \
        _summary(build_corpus(read_documents(pile)[0]))


def test_documents_without_a_content_hash_are_never_given_each_others_results(tmp_path):
    """Documents made in memory (no sha256) share no key: each is processed as itself."""
    from kerryview.model import Document

    texts = ["date 2023-07-18\n\nKerry met Wang Yi in Beijing on Tuesday.\n",
             "date 2023-07-18\n\nThe harbour council voted on the budget on Monday.\n"]
    from kerryview.dating.datelines import read_dateline

    def made() -> list[Document]:  # their date lines read, as reading a file reads them
        return [Document(f"d{i}", f"/n/d{i}.txt", t, dateline=read_dateline(t))
                for i, t in enumerate(texts)]

    store = Store(tmp_path / "p.db")
    store.save_corpus(made(), [])
    result = import_into_store(store, [])
    expected = build_corpus(made())
    assert _summary(result.events) == _summary(expected)
    assert {e.mentions[0].document_id for e in result.events} == {"d0", "d1"}


def _no_corpus_stages(monkeypatch) -> list[str]:
    """Records each run of dating or merging (the corpus stages)."""
    ran: list[str] = []
    real = kerryview.pipeline.build_corpus

    def counting(*args, **kwargs):
        ran.append("build_corpus")
        return real(*args, **kwargs)

    monkeypatch.setattr(kerryview.pipeline, "build_corpus", counting)
    return ran


def test_importing_the_same_articles_again_skips_dating_and_merging(tmp_path, monkeypatch):
    store = Store(tmp_path / "p.db")
    first = import_into_store(store, PATHS)
    before = _summary(store.events())
    ran = _no_corpus_stages(monkeypatch)
    again = import_into_store(store, PATHS)
    assert ran == []  # nothing new: the stored corpus is the result
    assert again.unchanged and again.added == [] and again.already_in == len(PATHS)
    assert again.nothing_new_text() == (
        f"nothing new: {len(PATHS)} files, all already in the project")
    assert _summary(again.events) == before == _summary(first.events)
    assert store.pending_import() == [] and not store.resolution_interrupted()
    # one article new among them: resolved as before
    extra = tmp_path / "extra.txt"
    extra.write_text("Kerry met Xie Zhenhua again on July 21, 2023.", encoding="utf-8")
    more = import_into_store(store, [*PATHS, extra])
    assert not more.unchanged and len(more.added) == 1


def test_a_project_resolved_by_other_stages_is_resolved_again_though_nothing_is_new(
        tmp_path, monkeypatch):
    store = Store(tmp_path / "p.db")
    import_into_store(store, PATHS)
    monkeypatch.setattr(kerryview.analysis, "stage_version", lambda: "another tagger")
    monkeypatch.setattr(kerryview.pipeline, "stage_version", lambda: "another tagger")
    ran = _no_corpus_stages(monkeypatch)
    again = import_into_store(store, PATHS)
    assert ran and not again.unchanged
    ran.clear()
    assert import_into_store(store, PATHS).unchanged and ran == []  # now current


def test_a_project_resolved_by_other_stories_or_merging_code_is_resolved_again(
        tmp_path, tagged, monkeypatch):
    """An upgrade that changes only the corpus stages (stories.py, pipeline.py,
    incremental/): the same files imported again are dated, merged and stored again (not
    "nothing new"), without tagging an article again; then the project is current."""
    store = Store(tmp_path / "p.db")
    import_into_store(store, PATHS)
    monkeypatch.setattr(kerryview.analysis, "_corpus_code_digest", lambda: "other stories")
    ran = _no_corpus_stages(monkeypatch)
    tagged.clear()
    again = import_into_store(store, PATHS)
    assert ran and not again.unchanged and tagged == []
    assert store.merge_info()[0] == kerryview.analysis.corpus_version()  # stored with the merge
    ran.clear()
    assert import_into_store(store, PATHS).unchanged and ran == []  # now current


def test_a_project_whose_merge_carries_only_the_per_article_stamp_is_resolved_again_once(
        tmp_path, monkeypatch):
    """A project saved before the corpus stamp (its merge stamped with stage_version alone)."""
    store = Store(tmp_path / "p.db")
    import_into_store(store, PATHS)
    _, passages, changed = store.merge_info()
    with store.writing():
        store._set_merge_meta(kerryview.analysis.stage_version(), passages, changed,
                              store.merge_next_id())
    ran = _no_corpus_stages(monkeypatch)
    assert not import_into_store(store, PATHS).unchanged and ran
    ran.clear()
    assert import_into_store(store, PATHS).unchanged and ran == []


def test_nothing_new_counts_the_files_given_not_their_distinct_contents(tmp_path):
    """Two copies of one stored article are two files: the message says so."""
    store = Store(tmp_path / "p.db")
    import_into_store(store, PATHS)
    copy = tmp_path / "copy.txt"
    copy.write_bytes(Path(PATHS[0]).read_bytes())
    again = import_into_store(store, [*PATHS, copy])
    assert again.unchanged and again.already_in == len(PATHS) + 1
    assert again.nothing_new_text() == (
        f"nothing new: {len(PATHS) + 1} files, all already in the project")
    one = import_into_store(store, [copy])
    assert one.nothing_new_text() == "nothing new: 1 file, already in the project"


def test_the_cli_says_when_an_import_found_nothing_new(tmp_path):
    db = tmp_path / "p.kvproj"
    cmd = [sys.executable, "-m", "kerryview.cli", "extract", "--db", str(db),
           *map(str, PATHS)]
    first = subprocess.run(cmd, capture_output=True, text=True, check=True)
    assert "nothing new" not in first.stderr
    again = subprocess.run(cmd, capture_output=True, text=True, check=True)
    assert f"kerryview: nothing new: {len(PATHS)} files, all already in the project" in again.stderr
    assert again.stdout == first.stdout
