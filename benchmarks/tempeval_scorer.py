"""TempEval-3 Task A scorer (UzZaman et al. 2013) and a TimeML (.tml) reader.

Measures, micro-averaged over documents:
  * strict span P/R/F1: system and gold extents are identical;
  * relaxed span P/R/F1: the extents overlap (one-to-one matching, largest overlap first);
  * attribute F1 (type, value): over relaxed matches, F1 computed with P' = correct/system and
    R' = correct/gold, i.e. relaxed F1 x attribute accuracy, as defined for TempEval-3.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    value: str
    text: str = ""


@dataclass
class TmlDoc:
    id: str
    dct: date | None
    text: str
    gold: list[Span]

    @property
    def words(self) -> int:
        return len(self.text.split())


_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Element:
    """One tagged element of a TimeML <TEXT> (TIMEX3, EVENT, ...) in the untagged text."""
    name: str
    start: int
    end: int
    attrs: dict[str, str]


def untag(body: str, names: tuple[str, ...] = ("TIMEX3",)) -> tuple[str, list[Element]]:
    """The plain text of a TimeML <TEXT> body (tags stripped, entities decoded) and its
    elements named `names`, with offsets into that text, in document order of their ends.
    The one reading of TimeML text: the tagger's scorer and the stories benchmark's event
    dating both take their gold from it, so their offsets agree."""
    out: list[str] = []
    length = pos = 0
    found: list[Element] = []
    open_: dict[str, tuple[int, dict[str, str]]] = {}
    for t in _TAG.finditer(body):
        piece = html.unescape(body[pos:t.start()])
        out.append(piece)
        length += len(piece)
        pos = t.end()
        closing, name = t.group(1), t.group(2)
        if name not in names:
            continue
        if not closing:
            open_[name] = (length, dict(_ATTR.findall(t.group(3))))
        elif name in open_:
            start, attrs = open_.pop(name)
            found.append(Element(name, start, length, attrs))
    out.append(html.unescape(body[pos:]))
    return "".join(out), found


def read_tml(path: str | Path) -> TmlDoc:
    """Plain text of <TEXT> (tags stripped, entities decoded) and its gold TIMEX3 spans."""
    raw = Path(path).read_text("utf-8")
    dct = None
    m = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4}-\d{2}-\d{2})", raw)
    if m:
        dct = date.fromisoformat(m.group(1))
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    text, elements = untag(body)
    gold = [Span(e.start, e.end, e.attrs.get("type", ""), e.attrs.get("value", ""),
                 text[e.start:e.end]) for e in elements]
    return TmlDoc(Path(path).stem, dct, text, gold)


@dataclass
class Counts:
    """Raw counts; add documents together, then read the measures."""

    n_sys: int = 0
    n_gold: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    errors: list[tuple[str, Span | None, Span | None]] = field(default_factory=list)

    def __iadd__(self, other: "Counts") -> "Counts":
        for k in ("n_sys", "n_gold", "strict", "relaxed", "type_ok", "value_ok"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.errors.extend(other.errors)
        return self

    @staticmethod
    def _prf(hit: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
        p = hit / n_sys if n_sys else 0.0
        r = hit / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def strict_prf(self) -> tuple[float, float, float]:
        return self._prf(self.strict, self.n_sys, self.n_gold)

    def relaxed_prf(self) -> tuple[float, float, float]:
        return self._prf(self.relaxed, self.n_sys, self.n_gold)

    def attr_f1(self, attr: str) -> float:
        hit = self.type_ok if attr == "type" else self.value_ok
        return self._prf(hit, self.n_sys, self.n_gold)[2]


def score(system: list[Span], gold: list[Span], keep_errors: bool = False) -> Counts:
    """Counts for one document (spans are character offsets into the same text)."""
    c = Counts(n_sys=len(system), n_gold=len(gold))
    pairs = []
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            ov = min(s.end, g.end) - max(s.start, g.start)
            if ov > 0:
                pairs.append((-(s.start == g.start and s.end == g.end), -ov, i, j))
    pairs.sort()
    used_s: set[int] = set()
    used_g: set[int] = set()
    matched: list[tuple[Span, Span]] = []
    for _, _, i, j in pairs:
        if i in used_s or j in used_g:
            continue
        used_s.add(i)
        used_g.add(j)
        matched.append((system[i], gold[j]))
    for s, g in matched:
        c.relaxed += 1
        c.strict += s.start == g.start and s.end == g.end
        c.type_ok += s.type == g.type
        c.value_ok += s.value == g.value
        if keep_errors and (s.value != g.value or s.type != g.type or (s.start, s.end) != (g.start, g.end)):
            c.errors.append(("mismatch", s, g))
    if keep_errors:
        c.errors.extend(("fp", s, None) for i, s in enumerate(system) if i not in used_s)
        c.errors.extend(("fn", None, g) for j, g in enumerate(gold) if j not in used_g)
    return c
