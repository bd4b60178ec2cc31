"""Run a child process for which file permissions apply, even when the tests run as root (as
they do in CI): as root, exec with SECBIT_NOROOT | SECBIT_NOROOT_LOCKED grants no capabilities,
so uid 0 is refused a mode-000 file like anyone. Tests call `permission_checks_apply()` and skip,
saying why, when that cannot be arranged; they never switch silently to another check."""
from __future__ import annotations

import ctypes
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REFUSED = 97  # the child's exit status when the capabilities could not be dropped


def without_root_override() -> None:
    """preexec_fn for subprocess: drop root's power to ignore permission bits."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(28, 0b11, 0, 0, 0) != 0:  # PR_SET_SECUREBITS
            os._exit(REFUSED)


def permission_checks_apply() -> str | None:
    """None when an unprivileged child is refused a mode-000 file here, else the reason why
    permission tests cannot observe anything on this machine."""
    with tempfile.TemporaryDirectory() as d:
        canary = Path(d) / "canary.txt"
        canary.write_text("x")
        canary.chmod(0)
        proc = subprocess.run([sys.executable, "-c", f"open({str(canary)!r}).read()"],
                              capture_output=True, text=True, timeout=60,
                              preexec_fn=without_root_override)
        canary.chmod(0o644)
    if proc.returncode == REFUSED:
        return ("running as root and cannot drop the capabilities that bypass file permissions "
                "(prctl PR_SET_SECUREBITS refused)")
    if "PermissionError" not in proc.stderr:
        return "a file with mode 000 is still readable here, so permission checks cannot be observed"
    return None
