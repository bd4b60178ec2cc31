"""Can a window open here? Checked before Qt is imported, so that a machine without a screen or
without a Qt library gets a sentence that says what to do, not Qt's abort message (which blames
libxcb-cursor0 and suggests reinstalling) or a bare ImportError naming a .so file."""
from __future__ import annotations

import os
import re
import sys

# Shared libraries PySide6 loads, and the Debian/Ubuntu package that provides each.
DEBIAN_PACKAGE_OF = {
    "libGL.so.1": "libgl1", "libEGL.so.1": "libegl1", "libOpenGL.so.0": "libopengl0",
    "libxkbcommon.so.0": "libxkbcommon0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3", "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0", "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1", "libxcb-cursor.so.0": "libxcb-cursor0",
}
OFFSCREEN_HINT = ("To use kerryview without a screen: `kerryview extract|timex|export ...` work "
                  "headless (see `kerryview extract --help`), and `QT_QPA_PLATFORM=offscreen "
                  "kerryview --self-test` checks the app.")


def no_display_message(environ: dict[str, str] | None = None,
                       platform: str = sys.platform) -> str | None:
    """A sentence when no display can be reached on Linux/BSD, else None."""
    env = os.environ if environ is None else environ
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    if env.get("QT_QPA_PLATFORM") or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return ("no display found: neither DISPLAY (X11) nor WAYLAND_DISPLAY is set, so the "
            "window cannot open. Run kerryview from a desktop session (or over ssh -X). "
            + OFFSCREEN_HINT)


def missing_library_message(error: ImportError) -> str:
    """An ImportError of Qt as a sentence naming the package to install."""
    text = str(error)
    lib = re.search(r"(lib[\w.+-]+\.so(?:\.\d+)*)", text)
    if lib:
        name = lib.group(1)
        package = DEBIAN_PACKAGE_OF.get(name)
        where = (f" On Debian/Ubuntu: sudo apt install {package}" if package else
                 " Install the package that provides it (packaging/apt-packages.txt lists "
                 "what Qt needs on Debian/Ubuntu).")
        return f"Qt cannot start: the system library {name} is missing.{where}"
    return f"Qt (PySide6) cannot be imported: {text}. Reinstall kerryview's dependencies."
