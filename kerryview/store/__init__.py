"""SQLite persistence for a corpus (documents, events, mentions) through sqlite-utils."""
from kerryview.store.store import Store, default_db_path

__all__ = ["Store", "default_db_path"]
