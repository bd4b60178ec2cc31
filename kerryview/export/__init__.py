"""Exports of a corpus: clients of the store's domain values."""
