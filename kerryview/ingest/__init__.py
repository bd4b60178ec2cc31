"""Stage 1: read documents from disk into kerryview.model.Document, keeping the text exact."""
from kerryview.ingest.reader import ReadError, read_document, expand_paths

__all__ = ["ReadError", "read_document", "expand_paths"]
