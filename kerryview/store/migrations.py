"""The project database's schema, as ordered migration steps from an empty file.

A database records the steps applied to it in `schema_version` (one row per step); opening
applies the missing ones in order, inside the store's write transaction, so a project made by
any earlier kerryview is brought up to date and an interrupted upgrade leaves it as it was.
Files from before the version table (schema 2 to 4) kept their version in meta.schema_version;
that number is where they start.

Adding a table or a column is one small step at the end of MIGRATIONS:

    @migration(6, "edits: the user's edits, with undo")
    def _edits(db: sqlite_utils.Database) -> bool:
        db["edits"].create({"id": int, "what": str, "at": float}, pk="id")
        return False  # True when the step makes the derived tables (events, mentions) stale

Tests (tests/test_migrations.py) open a database made by the previous version for every step.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Protocol

if TYPE_CHECKING:  # sqlite_utils (with click, pluggy, dateutil) is loaded on the first write
    import sqlite_utils


class Executes(Protocol):
    """A sqlite3.Connection or a sqlite_utils.Database: reading needs only execute()."""
    def execute(self, sql: str, parameters=...): ...


def table_names(db: Executes) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def columns(db: Executes, table: str) -> set[str]:
    return {r[1] for r in db.execute(f"PRAGMA table_info([{table}])")}


Step = Callable[["sqlite_utils.Database"], bool]


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Step  # returns whether the events and mentions must be derived again


MIGRATIONS: list[Migration] = []


def migration(version: int, description: str) -> Callable[[Step], Step]:
    """Register the step that brings a database from version-1 to `version`."""
    def register(fn: Step) -> Step:
        expected = MIGRATIONS[-1].version + 1 if MIGRATIONS else version
        if version != expected:
            raise ValueError(f"migration {version} registered where {expected} was expected")
        MIGRATIONS.append(Migration(version, description, fn))
        return fn
    return register


def stored_version(db: Executes) -> int:
    """The schema version of an open database (a sqlite3 connection will do: the app reads a
    project without sqlite_utils): 0 for an empty one; a file with documents but no version
    written anywhere is taken to be schema 2 (the oldest kerryview wrote)."""
    tables = table_names(db)
    if "schema_version" in tables:
        row = db.execute("SELECT max(version) FROM schema_version").fetchone()
        if row and row[0] is not None:
            return int(row[0])
    if "meta" in tables:
        row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row and str(row[0]).isdigit():
            return int(row[0])
    return 2 if "documents" in tables else 0


def latest_version() -> int:
    return MIGRATIONS[-1].version


def migrate(db: sqlite_utils.Database) -> bool:
    """Apply the missing steps in order (the caller holds the write transaction). Returns
    whether any step made the derived tables stale."""
    current = stored_version(db)
    if current > latest_version():
        raise ValueError(f"the project was written by a newer kerryview (schema {current}, "
                         f"this one knows up to {latest_version()})")
    db["schema_version"].create({"version": int, "description": str, "applied": float},
                                pk="version", if_not_exists=True)
    stale = False
    for step in MIGRATIONS:
        if step.version <= current:
            continue
        stale = bool(step.apply(db)) or stale
        db["schema_version"].insert({"version": step.version, "description": step.description,
                                     "applied": time.time()}, pk="version", replace=True)
    db["meta"].create({"key": str, "value": str}, pk="key", if_not_exists=True)
    db["meta"].upsert({"key": "schema_version", "value": str(latest_version())}, pk="key")
    return stale
