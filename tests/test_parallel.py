"""The per-article stages run in parallel give exactly the serial results: on a Dask cluster
(a local in-process one here) and on a process pool."""
from __future__ import annotations

import json

import re

import pytest

from kerryview import cli
from kerryview.analysis import analyse, to_json
from kerryview.bundled import bundled_corpus_paths
from kerryview.cancellation import Cancellation, Cancelled
from kerryview.parallel import Failed, analyse_documents
from kerryview.pipeline import import_into_store, read_documents
from kerryview.store import Store

PATHS = bundled_corpus_paths()


def _serial():
    docs, _ = read_documents(PATHS)
    return {d.id: to_json(analyse(d)) for d in docs}


def _events(store):
    return sorted((e.id, e.label, e.value, tuple((m.document_id, m.start, m.resolution)
                                                  for m in e.mentions)) for e in store.events())


@pytest.fixture
def dask_client():
    distributed = pytest.importorskip(
        "distributed", reason="Dask is not installed (pip install 'kerryview[dask]'; "
                              "packaging/dev-setup.sh installs it)")
    client = distributed.Client(processes=False, n_workers=2, threads_per_worker=1,
                                dashboard_address=None)
    yield client
    client.close()


def test_the_dask_path_on_a_local_cluster_equals_the_serial_path(dask_client, tmp_path):
    docs, _ = read_documents(PATHS)
    results = list(analyse_documents(docs, scheduler=dask_client))
    assert sorted(d.id for d, _ in results) == sorted(d.id for d in docs)
    assert {d.id: to_json(a) for d, a in results} == _serial()

    serial = Store(tmp_path / "serial.db")
    import_into_store(serial, PATHS)
    on_dask = Store(tmp_path / "dask.db")
    import_into_store(on_dask, PATHS, scheduler=dask_client)
    assert _events(on_dask) == _events(serial)
    assert [(d.id, d.dct, d.dct_source) for d in on_dask.documents()] == \
        [(d.id, d.dct, d.dct_source) for d in serial.documents()]


def test_cancel_stops_the_dask_path(dask_client):
    docs, _ = read_documents(PATHS)
    with pytest.raises(Cancelled):
        list(analyse_documents(docs, scheduler=dask_client, cancel=Cancellation(lambda: True)))


def test_a_process_pool_gives_the_serial_results(monkeypatch):
    import sys
    monkeypatch.setitem(sys.modules, "distributed", None)  # as without the Dask extra
    docs, _ = read_documents(PATHS)
    results = list(analyse_documents(docs, workers=2))
    assert {d.id: to_json(a) for d, a in results} == _serial()


def test_an_article_that_fails_in_a_worker_is_reported_not_fatal(dask_client, monkeypatch):
    docs, _ = read_documents(PATHS)
    docs[1].text = None  # not text: recognition raises for this article only
    results = dict((d.id, r) for d, r in analyse_documents(docs, scheduler=dask_client))
    failed = results[docs[1].id]  # named by its exception ("AttributeError: ..."), whatever it is
    assert isinstance(failed, Failed) and re.match(r"[A-Z]\w*(Error|Exception): ", failed.error)
    assert sum(isinstance(r, Failed) for r in results.values()) == 1


def test_extract_with_workers_prints_what_the_serial_extract_prints(capsys):
    folder = str(PATHS[0].parent)
    assert cli.main(["extract", folder]) == 0
    serial = json.loads(capsys.readouterr().out)
    assert cli.main(["extract", "--workers", "2", folder]) == 0
    assert json.loads(capsys.readouterr().out) == serial


def test_workers_must_be_a_positive_number(capsys):
    with pytest.raises(SystemExit):
        cli.main(["extract", "--workers", "0", "x"])
    assert "not a number of processes" in capsys.readouterr().err


def test_pool_workers_fork_only_from_a_process_without_other_threads(monkeypatch):
    """Forked workers start with the tagger imported (no start-up), but a fork of a process
    with other threads (the app's import runs in a QThread) may inherit a held lock."""
    import sys
    import threading

    from kerryview.parallel import pool_context

    if not sys.platform.startswith("linux"):
        assert pool_context().get_start_method() == "spawn"
        return
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert pool_context().get_start_method() == "fork"
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert pool_context().get_start_method() == "forkserver"


def test_a_process_pool_started_from_a_thread_gives_the_serial_results():
    """As the app runs it: the import in a worker thread, the pool forked from a server."""
    import threading

    docs, _ = read_documents(PATHS)
    got = []
    t = threading.Thread(target=lambda: got.extend(analyse_documents(docs, workers=2)))
    t.start()
    t.join(300)
    assert {d.id: to_json(a) for d, a in got} == _serial()


def test_local_workers_are_a_process_pool_and_a_local_dask_cluster_is_asked_for(monkeypatch):
    import kerryview.parallel as parallel

    calls = []
    monkeypatch.setattr(parallel, "_on_dask", lambda docs, w, s, c: calls.append(("dask", w, s))
                        or iter(()))
    monkeypatch.setattr(parallel, "_on_process_pool", lambda docs, w, c: calls.append(("pool", w))
                        or iter(()))
    docs, _ = read_documents(PATHS)
    list(analyse_documents(docs, workers=2))
    list(analyse_documents(docs, workers=2, scheduler="local"))
    list(analyse_documents(docs, scheduler="tcp://example:8786"))
    assert calls == [("pool", 2), ("dask", 2, None), ("dask", None, "tcp://example:8786")]
