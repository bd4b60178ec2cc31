"""The PyInstaller one-folder bundle (issue #3): packaging/build.sh builds it into a temporary
folder, then the frozen app must print its version and pass `--self-test` (bundled corpus loaded,
timeline rendered offscreen, exit 0) from a working directory outside the source tree.

PyInstaller is the project's `bundle` extra (packaging/dev-setup.sh installs it). If it is
missing this test fails and says so; KERRYVIEW_SKIP_BUNDLE=1 skips it explicitly, with a reason.
About 15-30 s on 2 cores.
"""
from __future__ import annotations

import fnmatch
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UNWANTED_QT = ("libQt6WebEngine*", "libQt63D*", "libQt6Multimedia*", "libQt6Quick*",
               "libQt6Qml*", "libQt6Pdf*", "libQt6VirtualKeyboard*", "QtWebEngineProcess")


def _version() -> str:
    ns: dict = {}
    for line in (ROOT / "kerryview" / "__init__.py").read_text().splitlines():
        if line.startswith("__version__"):
            exec(line, ns)
    return ns["__version__"]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    if os.environ.get("KERRYVIEW_SKIP_BUNDLE") == "1":
        pytest.skip("KERRYVIEW_SKIP_BUNDLE=1: the PyInstaller bundle is not built in this run")
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("PyInstaller is not installed in this environment: run packaging/dev-setup.sh "
                    "or pip install -e '.[bundle]' (KERRYVIEW_SKIP_BUNDLE=1 skips this test)")
    out = tmp_path_factory.mktemp("pyinstaller")
    env = dict(os.environ, PYTHON=sys.executable)  # build with the interpreter running the tests
    proc = subprocess.run(["bash", str(ROOT / "packaging" / "build.sh"), "--out", str(out)],
                          capture_output=True, text=True, timeout=900, env=env)
    if proc.returncode != 0:
        pytest.fail(f"packaging/build.sh failed (exit {proc.returncode})\n"
                    f"--- stdout:\n{proc.stdout[-4000:]}\n--- stderr:\n{proc.stderr[-4000:]}")
    exe = out / "dist" / "kerryview" / "kerryview"
    assert exe.is_file() and os.access(exe, os.X_OK), f"build.sh made no {exe}"
    return exe


def _run_frozen(exe: Path, args: list[str], tmp_path: Path, timeout: int = 120):
    home = tmp_path / "home"
    runtime = tmp_path / "runtime"
    home.mkdir(exist_ok=True)
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_RUNTIME_DIR=str(runtime),
               XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
               XDG_CACHE_HOME=str(home / ".cache"))
    start = time.perf_counter()
    try:
        proc = subprocess.run([str(exe), *args], capture_output=True, text=True, cwd=tmp_path,
                              env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"`kerryview {' '.join(args)}` (bundle) timed out after {timeout}s")
    return proc, time.perf_counter() - start


def test_bundle_is_lean(bundle):
    internal = bundle.parent / "_internal"
    unwanted = sorted(str(p.relative_to(internal)) for p in internal.rglob("*")
                      if any(fnmatch.fnmatch(p.name, pat) for pat in UNWANTED_QT))
    assert not unwanted, f"Qt modules the app does not use are bundled: {unwanted}"


def test_bundle_has_every_data_file(bundle):
    """Everything under resources/ (as kerryview/resources/) and every kerryview/**/data/ file."""
    internal = bundle.parent / "_internal"
    expected = [("kerryview/resources/" + p.relative_to(ROOT / "resources").as_posix())
                for p in (ROOT / "resources").rglob("*")
                if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    expected += [p.relative_to(ROOT).as_posix() for p in (ROOT / "kerryview").rglob("*")
                 if p.is_file() and "data" in p.relative_to(ROOT).parts
                 and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert any("/corpus/" in e for e in expected) and any(e.endswith(".svg") for e in expected)
    missing = sorted(e for e in expected if not (internal / e).is_file())
    assert not missing, f"data files missing from the bundle: {missing}"


def test_bundle_prints_version(bundle, tmp_path):
    proc, _ = _run_frozen(bundle, ["--version"], tmp_path, timeout=60)
    assert proc.returncode == 0, f"exit {proc.returncode}\n{proc.stderr[-3000:]}"
    assert proc.stdout.strip() == f"kerryview {_version()}"


def test_bundle_self_test(bundle, tmp_path):
    proc, secs = _run_frozen(bundle, ["--self-test"], tmp_path)
    assert proc.returncode == 0, (f"`kerryview --self-test` (bundle) exited {proc.returncode}\n"
                                  f"--- stdout:\n{proc.stdout[-3000:]}\n"
                                  f"--- stderr:\n{proc.stderr[-3000:]}")
    assert proc.stdout.strip(), "the self-test printed no summary"
    print(f"bundle --self-test: {secs:.2f}s\n{proc.stdout}")
