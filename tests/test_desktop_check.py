"""A machine without a screen or a Qt library is told what to do (issue #11, items 14-15)."""
import os
import subprocess
import sys

from kerryview.desktop_check import missing_library_message, no_display_message


def test_no_display_on_linux_is_said_in_words():
    msg = no_display_message({}, "linux")
    assert msg.startswith("no display found") and "QT_QPA_PLATFORM=offscreen" in msg
    assert "libxcb-cursor0" not in msg


def test_a_display_or_a_chosen_platform_is_enough():
    assert no_display_message({"DISPLAY": ":0"}, "linux") is None
    assert no_display_message({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert no_display_message({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert no_display_message({}, "darwin") is None


def test_a_missing_qt_library_names_its_debian_package():
    msg = missing_library_message(ImportError("libGL.so.1: cannot open shared object file: "
                                              "No such file or directory"))
    assert "libGL.so.1" in msg and "apt install libgl1" in msg


def test_the_app_without_a_display_exits_with_a_message(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run([sys.executable, "-m", "kerryview", "--db", str(tmp_path / "p.db")],
                          env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "no display found" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "p.db").exists()
