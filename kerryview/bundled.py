"""The demo corpus shipped with kerryview, found through importlib.resources (wheel or source)."""
from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

CORPUS_NAME = "kerry-beijing-2023"


def bundled_corpus_paths() -> list[Path]:
    """Paths of the bundled articles. Installed wheels and source trees both keep them as
    real files, so as_file() returns them in place."""
    folder = files("kerryview.resources") / "corpus" / CORPUS_NAME
    with as_file(folder) as path:
        return sorted(Path(path).glob("*.txt"))
