"""Help › About: the version, and the licences of what kerryview ships with (the LGPL asks that
users be told they may replace Qt)."""
from __future__ import annotations

from html import escape

import kerryview

LICENSES = [
    ("PySide6 / Qt", "LGPLv3", "https://www.qt.io/licensing/"),
    ("dateparser", "BSD-3-Clause", "https://github.com/scrapinghub/dateparser"),
    ("sqlite-utils", "Apache-2.0", "https://github.com/simonw/sqlite-utils"),
    ("charset-normalizer", "MIT", "https://github.com/jawah/charset_normalizer"),
]


def about_html() -> str:
    rows = "".join(f"<tr><td>{escape(n)}</td><td>&nbsp;{escape(lic)}</td></tr>"
                   for n, lic, _ in LICENSES)
    return (f"<h3>kerryview {escape(kerryview.__version__)}</h3>"
            "<p>News articles in, one clickable timeline of dated events out.</p>"
            "<p>kerryview is MIT licensed. It uses:</p>"
            f"<table>{rows}</table>"
            "<p>Qt is used under the GNU LGPL version 3; you may replace the PySide6/Qt "
            "libraries with your own build.</p>")
