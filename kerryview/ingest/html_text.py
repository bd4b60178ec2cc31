"""HTML article to plain text with the standard library's tolerant parser.

For HTML, offsets refer to this extracted text (which is what the reader shows), since the
markup itself is not something a reader of the article sees.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
          "article", "header", "footer", "blockquote", "pre", "title", "figcaption"}
_SKIP = {"script", "style", "noscript", "template", "svg", "nav"}
# Where pages declare their publication date (Open Graph / schema.org / Dublin Core / news CMSs),
# most specific first.
PUBLISHED_KEYS = ("article:published_time", "datepublished", "dc.date.issued", "dcterms.created",
                  "pubdate", "publishdate", "publish-date", "parsely-pub-date", "sailthru.date",
                  "date", "dc.date")
TITLE_KEYS = ("og:title", "twitter:title")
OUTLET_KEYS = ("og:site_name", "application-name", "twitter:site")


@dataclass
class HtmlArticle:
    text: str
    title: str | None = None
    published: str | None = None  # the raw value, e.g. "2023-07-18T09:30:00+08:00"
    published_key: str | None = None  # which declaration it came from
    outlet: str | None = None  # og:site_name or a JSON-LD publisher ("Reuters")
    url: str | None = None  # og:url or the canonical link


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.meta: dict[str, str] = {}
        self.in_title = False
        self.title_parts: list[str] = []
        self.in_ld = False
        self.ld_parts: list[str] = []  # JSON-LD blocks (schema.org publisher)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
        if tag == "meta" and key and a.get("content"):
            self.meta.setdefault(key, a["content"].strip())
        elif tag == "time" and a.get("datetime") and (
                a.get("itemprop", "").lower() == "datepublished" or "pubdate" in a):
            self.meta.setdefault("datepublished", a["datetime"].strip())
        if tag == "title":
            self.in_title = True
        if tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self.in_ld = True
            self.ld_parts.append("")
        if tag == "link" and "canonical" in a.get("rel", "").lower() and a.get("href"):
            self.meta.setdefault("canonical", a["href"].strip())
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "script":
            self.in_ld = False
        if tag in _SKIP and self.skip:
            self.skip -= 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """`<![word[ ... ]]>` with a word the standard parser does not know raises
        AssertionError there (one such page used to abort the whole import); browsers read
        any such `<![` as a bogus comment that ends at the next '>', and so does this."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        if self.in_ld:
            self.ld_parts[-1] += data
        if not self.skip:
            self.parts.append(re.sub(r"\s+", " ", data))


# A document type declaration, with an internal subset that may itself hold '>' characters
# (`<!DOCTYPE html [<!ENTITY x "y">]>`), which the standard parser would end early, leaving the
# rest as text (and as the headline).
_DOCTYPE = re.compile(r"\A\s*<!DOCTYPE\b[^\[>]*(?:\[.*?\]\s*)?>", re.IGNORECASE | re.DOTALL)


def html_article(markup: str) -> HtmlArticle:
    """The page's readable text, its headline and its declared publication date.

    Character references are decoded once, by the parser (convert_charrefs): decoding the
    result again would turn the text "&lt;script&gt;" (written `&amp;lt;script&amp;gt;`) into
    markup."""
    parser = _Extractor()
    parser.feed(_DOCTYPE.sub("", markup, count=1))
    parser.close()
    paragraphs = [" ".join(p.split()) for p in "".join(parser.parts).split("\n\n")]
    text = "\n\n".join(p for p in paragraphs if p)
    title = next((parser.meta[k] for k in TITLE_KEYS if parser.meta.get(k)), None) or \
        " ".join("".join(parser.title_parts).split()) or None
    key = next((k for k in PUBLISHED_KEYS if parser.meta.get(k)), None)
    outlet = next((parser.meta[k].lstrip("@") for k in OUTLET_KEYS if parser.meta.get(k)), None) \
        or _ld_publisher(parser.ld_parts)
    url = parser.meta.get("og:url") or parser.meta.get("canonical")
    return HtmlArticle(text, title, parser.meta.get(key) if key else None, key, outlet, url)


def _ld_publisher(blocks: list[str]) -> str | None:
    """schema.org's publisher name in a page's JSON-LD (`"publisher": {"name": "Reuters"}`)."""
    for block in blocks:
        try:
            data = json.loads(block)
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(reversed(node))
            elif isinstance(node, dict):
                pub = node.get("publisher")
                if isinstance(pub, dict) and isinstance(pub.get("name"), str) and pub["name"].strip():
                    return pub["name"].strip()
                if isinstance(pub, str) and pub.strip():
                    return pub.strip()
                stack.extend(v for v in node.values() if isinstance(v, (dict, list)))
    return None


def html_to_text(markup: str) -> str:
    return html_article(markup).text
