"""Publication dates a document states about itself: a date line at the top of a text, a date
written in any common English form (read with dateparser)."""
from __future__ import annotations

import re
from datetime import date
from functools import cache

from kerryview.calendar.timex3 import iso_day

from kerryview.model import DateLine

# A date line at the top of a file, as scrapers and wire feeds write them:
# "date 2023-07-18", "Date: 2023-07-18", "Published: 2023-07-18T10:00Z" (fast path), and
# "Published: July 18, 2023", "Date: 18 Jul 2023 10:00 GMT" (read by dateparser).
_LABEL = r"\A\s*(?:date|published|pubdate|publication date|dateline|posted|updated)\s*[:=]?\s*"
_DATE_LINE = re.compile(_LABEL + r"(?P<iso>\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
_LABEL_LINE = re.compile(_LABEL + r"(?P<rest>[^\n]{4,60})", re.IGNORECASE)
MAX_DATE_WORDS = 7


@cache
def _date_parser():
    """One dateparser parser, English only: scanning every locale costs about 1 s a call."""
    from dateparser.date import DateDataParser  # imported lazily: most files need no fallback

    return DateDataParser(languages=["en"], settings={
        "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False})


def parse_date_text(value: str) -> date | None:
    """A full calendar date written in any common English form, or None."""
    value = value.strip()
    if (day := iso_day(value)) is not None:
        return day
    data = _date_parser().get_date_data(value)
    return data.date_obj.date() if data and data.date_obj else None


def read_dateline(text: str) -> DateLine | None:
    """The publication date declared at the start of the text, and the span that declares it.
    Read once per document, when its file is read (and by the store, for documents saved
    before date lines were kept)."""
    m = _DATE_LINE.match(text)
    if m:
        value = iso_day(m["iso"])
        return None if value is None else DateLine(value, m.start("iso"), m.end("iso"))
    m = _LABEL_LINE.match(text)
    if not m:
        return None
    # The longest run of leading words that reads as a full date ("July 18, 2023" of
    # "July 18, 2023 Beijing - Kerry met ...").
    words = list(re.finditer(r"\S+", m["rest"]))
    for k in range(min(len(words), MAX_DATE_WORDS), 0, -1):
        end = words[k - 1].end()
        value = parse_date_text(m["rest"][:end].rstrip(",;.|-"))
        if value is not None:
            start = m.start("rest")
            return DateLine(value, start, start + len(m["rest"][:end].rstrip(",;.|-")))
    return None


def is_date_line(line: str) -> bool:
    """Whether `line` is a labelled ISO date line ("date 2023-07-18"), which is never a title."""
    return _DATE_LINE.match(line) is not None
