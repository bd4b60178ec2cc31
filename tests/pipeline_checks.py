"""Checks and piles shared by the pipeline's tests."""
from __future__ import annotations


def assert_offsets_exact(docs, events) -> None:
    """Every event spans forward in time, and every passage and time expression it quotes is
    exactly the text at its offsets in its document."""
    by_id = {d.id: d.text for d in docs}
    for e in events:
        assert e.start <= e.end
        for m in e.mentions:
            text = by_id[m.document_id]
            assert text[m.start:m.end] == m.text
            assert text[m.timex.start:m.timex.end] == m.timex.text


def dated_demo(tmp_path) -> list:
    """The bundled demo copied under tmp_path, each article with the date a full import gives
    it written as a date line, so that no article's date depends on the others (a batch added
    later is added incrementally)."""
    import shutil
    from pathlib import Path
    from kerryview.bundled import bundled_corpus_paths
    from kerryview.pipeline import import_into_store
    from kerryview.store import Store
    store = Store()
    import_into_store(store, bundled_corpus_paths())
    dates = {Path(d.path).name: d.dct for d in store.documents()}
    out = tmp_path / "demo"
    shutil.copytree(bundled_corpus_paths()[0].parent, out)
    files = sorted(out.glob("*.txt"))
    for f in files:
        f.write_text(f"date {dates[f.name].isoformat()}\n\n" + f.read_text(encoding="utf-8"),
                     encoding="utf-8")
    return files


PAGE_BYTES = 4096  # SQLite's default page size, which every project uses


def garble_table(db, table: str) -> None:
    """Random bytes over the root page of `table` in the project file `db` (a one-page table:
    all of it), after moving the write-ahead log into the file: a damaged table on disk."""
    import random
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                            [table]).fetchone()[0]
        conn.execute("PRAGMA journal_mode=DELETE")
    data = bytearray(db.read_bytes())
    start = (root - 1) * PAGE_BYTES
    data[start:start + PAGE_BYTES] = random.Random(table).randbytes(PAGE_BYTES)
    db.write_bytes(bytes(data))
