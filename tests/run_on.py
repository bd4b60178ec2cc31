"""Run-on articles for the cost and cancel tests: real sentences with no sentence ends."""
from __future__ import annotations

import re

from kerryview.bundled import bundled_corpus_paths


def bundled_texts() -> list[str]:
    """The bundled articles without their date lines (so dating has to infer every date)."""
    texts = [p.read_text("utf-8") for p in bundled_corpus_paths() if p.suffix == ".txt"]
    return [re.sub(r"\A\s*date[^\n]*\n", "", t, flags=re.I) for t in texts]


def run_on_text(n_chars: int) -> str:
    """`n_chars` of the bundled articles, every '.', '!', '?' and line break made a comma:
    one "sentence" as long as the text, as a page scraped without its markup can be."""
    joined = re.sub(r"[.!?\n]", ",", " ".join(bundled_texts()))
    return (joined * (n_chars // len(joined) + 1))[:n_chars]
