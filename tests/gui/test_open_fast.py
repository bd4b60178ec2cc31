"""The app opens a project without checking the import caches; an import checks them first,
so a damaged cache is reported by the import (the project still shows), never half-read."""
from __future__ import annotations

from conftest import make_corpus
from pipeline_checks import garble_table

from kerryview.gui.jobs import ImportJob
from kerryview.gui.mainwindow import MainWindow
from kerryview.gui.project import open_project
from kerryview.store import Store
from kerryview.store.store import _CHECKED_FILES



def _damaged_cache_project(db) -> None:
    store = Store(db)
    store.save_corpus(*make_corpus())
    store.conn.execute("INSERT INTO analyses (sha256, version) VALUES ('x', 'v')")
    store.conn.commit()
    store.close()
    garble_table(db, "analyses")
    _CHECKED_FILES.clear()  # as a new process would: this one saw the file undamaged


def test_a_damaged_import_cache_shows_the_project_and_the_import_says_so(qtbot, tmp_path):
    db = tmp_path / "p.db"
    _damaged_cache_project(db)
    project = open_project(db)
    w = MainWindow(project.store)
    qtbot.addWidget(w)
    w.own_project(project)
    w.show()
    shown = {e.id for e in w.timeline.index().events}
    assert shown == {e.id for e in make_corpus()[1]}
    with qtbot.waitSignal(w.jobs.failed, timeout=60000,
                          check_params_cb=lambda job, _m: isinstance(job, ImportJob)):
        assert w.import_paths([], rebuild=True)
    assert w.statusBar().currentMessage().startswith("Import failed: ")
    assert {e.id for e in w.timeline.index().events} == shown  # the project as it was
