"""Guard against refcount bugs of the PySide6 build in use (seen with PySide6 6.12.0 on
CPython 3.11): Qt methods returning void hand back `None` without taking a reference, and
`Signal.emit()` does the same with the `True` it returns. Each call (QPainter.fillRect,
QWidget.update, QRectF.setWidth, signal.emit, ...) drops the singleton's refcount by one. A
timeline frame makes hundreds of such calls; after a few thousand the count reaches zero and
CPython aborts with "Fatal Python error: none_dealloc: deallocating None" (or bool_dealloc).

On interpreters where these singletons are not immortal (CPython < 3.12) we measure the leak
once and, if present, pin the refcounts of None, True and False very high, which is what CPython
3.12+ does for every build (immortal objects). Without the bug nothing is touched. Remove when
the binding is fixed.
"""
from __future__ import annotations

import sys

LEAKS = False
PINNED = False


def _measure() -> bool:
    from PySide6.QtCore import QObject, QRectF, Signal

    class _Probe(QObject):
        ping = Signal()

    r = QRectF()
    probe = _Probe()
    n0, t0 = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(64):
        r.setWidth(1.0)
        probe.ping.emit()
    return sys.getrefcount(None) - n0 <= -32 or sys.getrefcount(True) - t0 <= -32


def apply() -> None:
    global LEAKS, PINNED
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    try:
        LEAKS = _measure()
        if LEAKS:
            import ctypes
            for obj in (None, True, False):
                ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 60
            PINNED = True
    except Exception:  # noqa: BLE001 - a safety net must never stop the app
        pass


apply()
