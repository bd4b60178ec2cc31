"""What a document says about itself: an explicit publication date line, a title line."""
from __future__ import annotations

import re
from datetime import date

# A date line at the top of a file, as scrapers and wire feeds write them:
# "date 2023-07-18", "Date: 2023-07-18", "Published: 2023-07-18T10:00Z".
_DATE_LINE = re.compile(
    r"\A\s*(?:date|published|pubdate|publication date|dateline|posted)\s*[:=]?\s*"
    r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b", re.IGNORECASE)


def find_metadata_date(text: str) -> tuple[date, tuple[int, int]] | None:
    """The publication date declared at the start of the text, and the span that declares it."""
    m = _DATE_LINE.match(text)
    if not m:
        return None
    try:
        value = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return value, (m.start("y"), m.end("d"))


def find_title(text: str) -> str | None:
    """A headline: a short first line that is not a sentence of the body."""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if _DATE_LINE.match(line):
            return None
        if len(line) <= 120 and not line.endswith((".", '"', "”")):
            return line
        return None
    return None
