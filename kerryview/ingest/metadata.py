"""What a document says about itself besides its date: a title line."""
from __future__ import annotations

from kerryview.dating.datelines import is_date_line


def find_title(text: str) -> str | None:
    """A headline: a short first line that is not a sentence of the body."""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if is_date_line(line):
            return None
        if len(line) <= 120 and not line.endswith((".", '"', "”")):
            return line
        return None
    return None
