"""Projects as a journalist uses them: the demo apart from their work, new and recent projects,
articles removed, sources named and corrected."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kerryview.gui import settings
from kerryview.gui.mainwindow import MainWindow
from kerryview.gui.mainwindow.actions import Action
from kerryview.gui.models import HtmlRole
from kerryview.store import Store

ARTICLE = ("Airbus plans new plant\nAirbus said on Monday, 3 March 2025, it would build a plant "
           "in Toulouse. The plant opens on 1 June 2026.\n")


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


@pytest.fixture
def first_run(qtbot, data_home):
    w = MainWindow(Store())
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show_first_run()
    w.show()
    yield w
    w.jobs.cancel()
    w.jobs.wait()
    w.close_project()


def _open(qtbot, w: MainWindow, path: Path) -> None:
    assert w.open_project_file(path)


def test_first_run_offers_the_demo_and_it_opens_as_its_own_project(qtbot, first_run, data_home):
    w = first_run
    assert w.first_run_shown() and w.firstrun.isVisible()
    assert not w.action(Action.OPEN_FILES).isEnabled()  # nothing to add articles to yet
    assert not w.action(Action.FIT_ALL).isEnabled() and not w.export_menu.isEnabled()
    qtbot.mouseClick(w.firstrun.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(w.docs) == 5 and not w.jobs.is_busy(), timeout=60000)
    assert not w.first_run_shown() and w.timeline.isVisible()
    assert w.action(Action.FIT_ALL).isEnabled() and w.export_menu.isEnabled()
    assert w.windowTitle() == "Demo: Kerry in Beijing, July 2023 — kerryview"
    assert w.store.path == data_home / "kerryview" / "demo.kvproj"
    assert len(w.docs) == 5 and len(w.index()) > 0
    assert settings.LAST_PROJECT.get() == str(w.store.path)


def test_a_new_project_is_empty_and_the_demo_stays_out_of_it(qtbot, first_run, tmp_path):
    w = first_run
    w.open_demo()
    qtbot.waitUntil(lambda: len(w.docs) == 5 and not w.jobs.is_busy(), timeout=60000)
    mine = tmp_path / "Airbus.kvproj"
    _open(qtbot, w, mine)
    assert w.windowTitle() == "Airbus — kerryview"
    assert w.docs == {} and len(w.index()) == 0
    assert w.timeline.emptyText()[0] == "An empty project"
    (tmp_path / "airbus.txt").write_text(ARTICLE, encoding="utf-8")
    with qtbot.waitSignal(w.jobs.finished, timeout=60000):
        w.import_paths([str(tmp_path / "airbus.txt")])
    assert list(w.docs) == ["airbus"]
    # the demo project did not get the Airbus article, and the recent list has both
    demo = Store(tmp_path / "data" / "kerryview" / "demo.kvproj")
    assert len(demo.documents()) == 5 and "airbus" not in {d.id for d in demo.documents()}
    demo.close()
    w._fill_recent_menu()
    assert [a.text().split("  ")[0] for a in w.recent_menu.actions()] == [
        "Airbus", "Demo: Kerry in Beijing, July 2023"]


def test_open_recent_reopens_a_project_with_its_articles(qtbot, window, tmp_path):
    w = window
    first = tmp_path / "one.kvproj"
    (tmp_path / "airbus.txt").write_text(ARTICLE, encoding="utf-8")
    _open(qtbot, w, first)
    with qtbot.waitSignal(w.jobs.finished, timeout=60000):
        w.import_paths([str(tmp_path / "airbus.txt")])
    _open(qtbot, w, tmp_path / "two.kvproj")
    assert w.docs == {}
    w._fill_recent_menu()
    entry = next(a for a in w.recent_menu.actions() if a.text().startswith("one"))
    entry.trigger()
    assert w.windowTitle() == "one — kerryview" and list(w.docs) == ["airbus"]
    w.close_project()


def test_a_file_that_is_not_a_project_is_named_and_the_open_project_stays(
        qtbot, window, tmp_path, monkeypatch):
    bad = tmp_path / "notes.kvproj"
    bad.write_bytes(b"this is not sqlite" * 100)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said.append(a[2]))
    before = window.store
    assert not window.open_project_file(bad)
    assert str(bad) in said[0] and window.store is before


def test_kvproj_argument_opens_that_project():
    from kerryview.gui.app import split_project_argument
    assert split_project_argument(["story.kvproj", "a.txt"], None) == (["a.txt"], "story.kvproj")
    assert split_project_argument(["a.txt"], "x.db") == (["a.txt"], "x.db")


def test_removing_an_article_re_resolves_and_keeps_marks(qtbot, bundled_store, monkeypatch):
    w = MainWindow(bundled_store)
    qtbot.addWidget(w)
    w.show()
    idx = w.index()
    wang = max((r for r, e in enumerate(idx.events) if e.value == "2023-07-18"),
               key=lambda r: len(idx.events[r].document_ids))  # the Wang Yi meeting
    assert "002_01f688c705b21cc2" in idx.events[wang].document_ids
    talks = next(r for r, e in enumerate(idx.events) if e.value == "2023-07-17")
    talks_id = idx.events[talks].id
    w.select_event(talks)
    assert w.mark_current_event(reviewed=True)
    before = len(idx.events[wang].document_ids)
    doc = "002_01f688c705b21cc2"  # DW: not among the passages of the 12-hour talks
    assert doc not in idx.events[talks].document_ids
    w.documents.setFocus()
    w.documents.select(doc)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(w.jobs.finished, timeout=60000):
        qtbot.keyClick(w.documents, Qt.Key.Key_Delete)
    assert doc not in w.docs and len(w.docs) == 4
    assert w.documents.row_of(doc) == -1
    assert all(doc not in e.document_ids for e in w.index().events)
    wang_after = max((e for e in w.index().events if e.value == "2023-07-18"),
                     key=lambda e: len(e.document_ids))
    assert len(wang_after.document_ids) == before - 1
    talks_after = next(e for e in w.index().events if e.id == talks_id)
    assert talks_after.reviewed  # same passages, same identity: the mark is kept
    assert bundled_store.document(doc) is None


def test_remove_asks_first_and_cancel_keeps_the_article(qtbot, bundled_store, monkeypatch):
    w = MainWindow(bundled_store)
    qtbot.addWidget(w)
    w.documents.select("002_01f688c705b21cc2")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2])
                        or QMessageBox.StandardButton.Cancel)
    assert not w.documents.confirm_remove()
    assert "Climate could reset US-China relations" in asked[0]
    assert "002_01f688c705b21cc2" in w.docs and not w.jobs.is_busy()


def test_documents_table_shows_outlet_and_headline_and_takes_corrections(qtbot, bundled_store):
    w = MainWindow(bundled_store)
    qtbot.addWidget(w)
    rows = w.documents.rows()
    assert [r[0] for r in rows] == ["TRT World", "Reuters", "DW", "Reuters", "LBC"]
    assert rows[2][1] == "Climate could reset US-China relations, says US envoy"
    assert not any("_" in cell and any(c.isdigit() for c in cell) for r in rows for cell in r[:2])
    m = w.documents.model()
    assert m.flags(m.index(2, 0)) & Qt.ItemFlag.ItemIsEditable
    assert m.setData(m.index(2, 0), "Deutsche Welle")
    assert w.documents.rows()[2][0] == "Deutsche Welle"
    assert Store(bundled_store.path).document("002_01f688c705b21cc2").outlet == "Deutsche Welle"
    # the passage cards and the find filter name it too
    w.find.open_bar()
    assert any(w.find.source.itemText(i).startswith("Deutsche Welle: ")
               for i in range(w.find.source.count()))


def test_disagreements_and_passages_name_sources_not_files(qtbot, bundled_store):
    import re
    w = MainWindow(bundled_store)
    qtbot.addWidget(w)
    w.show()
    idx = w.index()
    row = next(r for r, e in enumerate(idx.events) if e.conflicts)
    assert re.search(r"\d{3}_[0-9a-f]{12,}", " ".join(idx.events[row].conflicts))  # stored by id
    w.select_event(row)
    box = w.passages.conflicts.text()
    assert not re.search(r"[0-9a-f]{12,}", box), box
    assert re.search(r"(Reuters|DW|TRT World|LBC)[^<]* (says|dates it)", box), box
    cards = [w.passages.model.data(w.passages.model.index(i), HtmlRole)
             for i in range(w.passages.model.rowCount())]
    assert cards and not any(re.search(r"[0-9a-f]{12,}", c) for c in cards)
    assert all("published" in c for c in cards)
    w.open_mention(idx.events[row].mentions[0])
    assert not re.search(r"[0-9a-f]{12,}", w.reader.header.text()), w.reader.header.text()
    how = [r[3] for r in w.documents.rows()]
    assert not any(re.search(r"[0-9a-f]{12,}", h) for h in how), how


def test_new_project_never_replaces_an_existing_file(qtbot, window, tmp_path, monkeypatch):
    kept = tmp_path / "work.kvproj"
    _open(qtbot, window, kept)
    window.close_project()
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(a[2]))
    size = kept.stat().st_size
    assert not window.new_project(kept)
    assert kept.exists() and kept.stat().st_size == size and "already exists" in said[0]
    assert window.new_project(tmp_path / "fresh.kvproj")
    assert window.windowTitle() == "fresh — kerryview"
    window.close_project()
