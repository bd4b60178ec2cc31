"""Python string offsets <-> QTextDocument positions, without Qt.

kerryview offsets are Python `str` offsets (code points). A QTextDocument counts UTF-16 code
units, so every character above U+FFFF (an emoji, some CJK) before an offset adds one; and
`setPlainText` turns "\\r\\n" into a single block separator, so each CRLF before an offset
removes one. Getting this wrong shifts every highlight after the first emoji.
"""
from __future__ import annotations

from bisect import bisect_left


class OffsetMap:
    def __init__(self, text: str) -> None:
        self.length = len(text)
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []
        # index of the '\n' of every CRLF: from there on positions are one less
        self._crlf = []
        start = 0
        while True:
            i = text.find("\r\n", start)
            if i < 0:
                break
            self._crlf.append(i + 1)
            start = i + 2

    def to_qt(self, offset: int) -> int:
        offset = max(0, min(offset, self.length))
        return offset + bisect_left(self._astral, offset) - bisect_left(self._crlf, offset)

    def from_qt(self, pos: int) -> int:
        """The Python offset of a QTextDocument position (the start of a surrogate pair)."""
        lo, hi = 0, self.length
        while lo < hi:  # to_qt is monotonic: binary search
            mid = (lo + hi) // 2
            if self.to_qt(mid) < pos:
                lo = mid + 1
            else:
                hi = mid
        i = bisect_left(self._crlf, lo)
        if i < len(self._crlf) and self._crlf[i] == lo:
            lo += 1  # between the \r and the \n of one line break: after it
        return lo
