"""Packaging (issue #3): the wheel, an install of it, and the Linux desktop files.

The wheel is built from a copy of the project's sources (what an sdist would hold) and installed
into a fresh temporary venv; the venv borrows the current environment's site-packages through a
.pth file so PySide6 & co. need no download, and everything runs from a temporary working
directory, never the source tree, so only the installed wheel can be found.

Nothing here skips silently: a step that cannot run fails with the reason. The only skips are
for an absent validator binary (desktop-file-validate, appstreamcli), and they say so.
"""
from __future__ import annotations

import configparser
import json
import os
import shutil
import struct
import subprocess
import sys
import sysconfig
import textwrap
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "resources" / "icons"
APP_ID = "io.github.kerryview.KerryView"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 32, 48, 64, 128, 256)
# Files a source distribution carries besides the packages' folders.
SDIST_FILES = ("pyproject.toml", "setup.py", "setup.cfg", "MANIFEST.in", "README.md", "LICENSE")


def _version() -> str:
    ns: dict = {}
    for line in (ROOT / "kerryview" / "__init__.py").read_text().splitlines():
        if line.startswith("__version__"):
            exec(line, ns)
    assert "__version__" in ns, "kerryview/__init__.py has no __version__ line"
    return ns["__version__"]


def _run(cmd, *, timeout=300, cwd=None, env=None, what=None) -> subprocess.CompletedProcess:
    try:
        proc = subprocess.run([str(c) for c in cmd], capture_output=True, text=True,
                              timeout=timeout, cwd=cwd, env=env)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{what or cmd[0]} timed out after {timeout}s: {' '.join(map(str, cmd))}")
    return proc


def _must(proc: subprocess.CompletedProcess, what: str) -> subprocess.CompletedProcess:
    if proc.returncode != 0:
        pytest.fail(f"{what} failed (exit {proc.returncode})\n--- command: {' '.join(proc.args)}"
                    f"\n--- stdout:\n{proc.stdout[-3000:]}\n--- stderr:\n{proc.stderr[-3000:]}")
    return proc


def _clean_env(**extra) -> dict:
    """The environment for installed-program runs: no PYTHONPATH leaking the source tree in."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV")}
    env.update(extra)
    return env


def _can_build_in_place() -> str | None:
    """None if this interpreter has pyproject.toml's build requirements, else why not."""
    try:
        import setuptools
        import wheel  # noqa: F401
    except ImportError as e:
        return f"{e.name} is not installed"
    major = int(setuptools.__version__.split(".")[0])
    if major < 77:
        return f"setuptools {setuptools.__version__} < 77"
    return None


# --- the wheel -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Build the wheel from a copy of the sources (pyproject.toml + packages, as an sdist)."""
    src = tmp_path_factory.mktemp("src")
    for name in SDIST_FILES:
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for folder in ("kerryview", "resources"):
        shutil.copytree(ROOT / folder, src / folder, ignore=ignore)
    out = tmp_path_factory.mktemp("wheelhouse")
    why_not = _can_build_in_place()
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check",
           "-w", out, src]
    if why_not is None:
        cmd.insert(4, "--no-build-isolation")  # fast and offline: this env has the backend
    proc = _run(cmd, timeout=600, what="building the wheel")
    hint = "" if why_not is None else (
        f"\n(built with build isolation because {why_not}: that needs PyPI; "
        "packaging/dev-setup.sh installs setuptools>=77 and wheel to avoid it)")
    if proc.returncode != 0:
        _must(proc, "building the wheel" + hint)
    wheels = list(out.glob("kerryview-*.whl"))
    assert len(wheels) == 1, f"expected one kerryview wheel in {out}, found {wheels}{hint}"
    return wheels[0]


@pytest.fixture(scope="module")
def wheel_names(wheel) -> set[str]:
    with zipfile.ZipFile(wheel) as zf:
        return set(zf.namelist())


def test_wheel_is_named_for_the_version(wheel):
    assert wheel.name.startswith(f"kerryview-{_version()}-py3-none-any"), wheel.name


def test_wheel_declares_the_launchers(wheel):
    with zipfile.ZipFile(wheel) as zf:
        ep_name = next(n for n in zf.namelist() if n.endswith(".dist-info/entry_points.txt"))
        entry_points = configparser.ConfigParser()
        entry_points.read_string(zf.read(ep_name).decode())
    assert entry_points.get("gui_scripts", "kerryview", fallback=None) == "kerryview.cli:run", \
        "the `kerryview` launcher must be a gui-script entry point (kerryview.cli:run)"


def test_wheel_ships_the_resources_package(wheel_names):
    assert "kerryview/resources/__init__.py" in wheel_names, (
        "kerryview.resources (the top-level resources/ folder, mapped by package-dir) is not in "
        "the wheel: setuptools' package discovery only looks under kerryview/, so the package "
        "must also be listed explicitly (see packaging/README.md, 'Wheel contents')")


def test_wheel_ships_every_data_file(wheel_names):
    """Everything under resources/ and every kerryview/**/data/ file is in the wheel."""
    expected = set()
    for path in (ROOT / "resources").rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            expected.add("kerryview/resources/" + path.relative_to(ROOT / "resources").as_posix())
    for path in (ROOT / "kerryview").rglob("*"):
        rel = path.relative_to(ROOT)
        if path.is_file() and "data" in rel.parts and "__pycache__" not in rel.parts \
                and path.suffix != ".pyc":
            expected.add(rel.as_posix())
    assert any("/corpus/" in name for name in expected), "no bundled corpus under resources/"
    missing = sorted(expected - wheel_names)
    assert not missing, (f"{len(missing)} data files are not in the wheel (package-data globs in "
                         f"pyproject.toml only match a package's top folder unless '**/'):\n  "
                         + "\n  ".join(missing[:30]))


# --- an install of the wheel -----------------------------------------------------------------

@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed (--no-deps); dependencies come through a .pth."""
    root = tmp_path_factory.mktemp("venv")
    _must(_run([sys.executable, "-m", "venv", "--without-pip", root], what="python -m venv"),
          "creating a temporary venv")
    vpy = root / "bin" / "python"
    purelib = Path(_must(_run([vpy, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]),
                         "asking the temporary venv for its site-packages").stdout.strip())
    outer = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    # Plain path lines: the outer site-packages' own .pth files (an editable install of
    # kerryview among them) are NOT processed, so only the wheel can provide kerryview.
    (purelib / "_kerryview_test_outer_env.pth").write_text("\n".join(sorted(outer)) + "\n")
    _must(_run([sys.executable, "-m", "pip", "--python", vpy, "install", "--no-deps",
                "--no-index", "--disable-pip-version-check", wheel], what="pip install"),
          "pip install --no-deps of the wheel into the temporary venv")
    return root


def _in_venv(venv: Path, code: str, tmp_path: Path) -> dict:
    proc = _must(_run([venv / "bin" / "python", "-c", textwrap.dedent(code)], cwd=tmp_path,
                      env=_clean_env(QT_QPA_PLATFORM="offscreen")),
                 "running Python in the temporary venv")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_installed_wheel_is_what_gets_imported(venv, tmp_path):
    info = _in_venv(venv, """
        import json, kerryview
        print(json.dumps({"file": kerryview.__file__, "version": kerryview.__version__}))
    """, tmp_path)
    assert info["file"].startswith(str(venv)), (
        f"kerryview was imported from {info['file']}, not from the wheel installed in {venv}")
    assert info["version"] == _version()


def test_installed_wheel_finds_resources(venv, tmp_path):
    info = _in_venv(venv, """
        import json
        from importlib.resources import files
        res = files("kerryview.resources")
        corpus = sorted(p.name for d in (res / "corpus").iterdir() if d.is_dir()
                        for p in d.iterdir() if p.name.endswith(".txt"))
        icons = sorted(p.name for p in (res / "icons").iterdir())
        first = next(d for d in (res / "corpus").iterdir() if d.is_dir())
        text = sorted(first.iterdir(), key=lambda p: p.name)[0].read_text(encoding="utf-8")
        print(json.dumps({"where": str(res), "corpus": corpus, "icons": icons,
                          "chars": len(text)}))
    """, tmp_path)
    assert info["where"].startswith(str(venv)), info["where"]
    want_corpus = sorted(p.name for p in (ROOT / "resources" / "corpus").rglob("*.txt"))
    assert info["corpus"] == want_corpus
    assert info["chars"] > 100
    want_icons = {"kerryview.svg"} | {f"kerryview-{n}.png" for n in ICON_SIZES}
    assert want_icons <= set(info["icons"]), f"icons missing: {want_icons - set(info['icons'])}"


def test_installed_launcher_prints_version(venv, tmp_path):
    launcher = venv / "bin" / "kerryview"
    assert launcher.exists(), f"`pip install` made no {launcher} launcher"
    proc = _must(_run([launcher, "--version"], cwd=tmp_path, env=_clean_env(), timeout=60),
                 "`kerryview --version` from the installed wheel")
    assert proc.stdout.strip() == f"kerryview {_version()}", proc.stdout


def test_installed_launcher_passes_the_self_test(venv, tmp_path):
    """The installed app loads the corpus the wheel ships and renders its timeline offscreen."""
    home = tmp_path / "home"
    home.mkdir()
    proc = _must(_run([venv / "bin" / "kerryview", "--self-test"], cwd=tmp_path, timeout=120,
                      env=_clean_env(QT_QPA_PLATFORM="offscreen", HOME=str(home),
                                     XDG_CONFIG_HOME=str(home / ".config"),
                                     XDG_DATA_HOME=str(home / ".local" / "share"))),
                 "`kerryview --self-test` from the installed wheel")
    assert "PASS" in proc.stdout, proc.stdout


def test_installed_launcher_extracts_the_bundled_corpus(venv, tmp_path):
    """`kerryview extract PATH` runs headless from the install, on the corpus the wheel ships."""
    info = _in_venv(venv, """
        import json
        from importlib.resources import files
        d = next(p for p in (files("kerryview.resources") / "corpus").iterdir() if p.is_dir())
        print(json.dumps({"dir": str(d)}))
    """, tmp_path)
    proc = _must(_run([venv / "bin" / "kerryview", "extract", info["dir"]], cwd=tmp_path,
                      env=_clean_env(), timeout=300),
                 "`kerryview extract <bundled corpus>` from the installed wheel")
    out = json.loads(proc.stdout)
    assert out, "extract printed an empty JSON document"


# --- the Linux desktop files -----------------------------------------------------------------

def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_desktop_file_launches_kerryview_for_articles():
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "kerryview %F", "Exec must pass the opened files (%F) to kerryview"
    assert entry["TryExec"] == "kerryview"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    mimes = [m for m in entry["MimeType"].split(";") if m]
    assert {"text/plain", "text/html"} <= set(mimes), mimes
    assert entry["MimeType"].endswith(";") and entry["Categories"].endswith(";")


def test_metainfo_matches_the_desktop_file():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("icon") == APP_ID
    assert root.findtext("provides/binary") == "kerryview"
    releases = [r.get("version") for r in root.iter("release")]
    assert releases and releases[0] == _version(), \
        f"the newest <release> in {METAINFO.name} should be the package version {_version()}"


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def test_icon_files_exist_in_every_size():
    svg = ICONS / "kerryview.svg"
    assert svg.is_file()
    assert ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    for n in ICON_SIZES:
        png = ICONS / f"kerryview-{n}.png"
        assert png.is_file(), f"{png} missing: run packaging/linux/render-icons.sh"
        assert _png_size(png) == (n, n), png


def test_pngs_are_not_older_than_the_svg_source():
    """render-icons.sh output is committed: catch an SVG edit without re-rendering (by content:
    git checkouts do not keep mtimes). Rendered with Qt here and compared coarsely."""
    pytest.importorskip("PySide6.QtSvg", reason="PySide6.QtSvg is not installed")
    code = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication, QImage, QPainter
        from PySide6.QtSvg import QSvgRenderer
        app = QGuiApplication([])
        r = QSvgRenderer({str(ICONS / 'kerryview.svg')!r})
        img = QImage(64, 64, QImage.Format.Format_ARGB32)
        img.fill(Qt.GlobalColor.transparent)
        p = QPainter(img); r.render(p); p.end()
        ref = QImage({str(ICONS / 'kerryview-64.png')!r}).convertToFormat(QImage.Format.Format_ARGB32)
        diff = 0
        for y in range(0, 64, 2):
            for x in range(0, 64, 2):
                a, b = img.pixelColor(x, y), ref.pixelColor(x, y)
                diff += abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())
        print(diff / (32 * 32 * 3))
    """)
    proc = _must(_run([sys.executable, "-c", code], env=_clean_env(QT_QPA_PLATFORM="offscreen"),
                      timeout=60), "rendering the SVG with Qt")
    mean_diff = float(proc.stdout.strip().splitlines()[-1])
    assert mean_diff < 12, (f"kerryview-64.png differs from kerryview.svg (mean channel diff "
                            f"{mean_diff:.1f}): run packaging/linux/render-icons.sh")


def _validator(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pkg = {"desktop-file-validate": "desktop-file-utils", "appstreamcli": "appstream"}[name]
        pytest.skip(f"{name} is not installed (Debian package {pkg}; see packaging/apt-packages.txt)")
    return path


def test_desktop_file_validates():
    proc = _run([_validator("desktop-file-validate"), DESKTOP], timeout=60)
    assert proc.returncode == 0 and not proc.stdout.strip() and not proc.stderr.strip(), \
        f"desktop-file-validate:\n{proc.stdout}{proc.stderr}"


def test_metainfo_validates():
    proc = _run([_validator("appstreamcli"), "validate", "--no-net", METAINFO], timeout=60)
    assert proc.returncode == 0, f"appstreamcli validate --no-net:\n{proc.stdout}{proc.stderr}"


def test_install_script_installs_a_valid_tree(tmp_path):
    prefix = tmp_path / "usr"
    _must(_run(["bash", LINUX / "install.sh", "--prefix", prefix], timeout=60,
               env=_clean_env(HOME=str(tmp_path))), "packaging/linux/install.sh")
    share = prefix / "share"
    assert (share / "applications" / DESKTOP.name).read_text() == DESKTOP.read_text()
    assert (share / "metainfo" / METAINFO.name).is_file()
    assert (share / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    for n in ICON_SIZES:
        png = share / f"icons/hicolor/{n}x{n}/apps/{APP_ID}.png"
        assert _png_size(png) == (n, n)
    proc = _run([_validator("appstreamcli"), "validate-tree", "--no-net", prefix], timeout=60)
    assert proc.returncode == 0, f"appstreamcli validate-tree:\n{proc.stdout}{proc.stderr}"
    _must(_run(["bash", LINUX / "install.sh", "--prefix", prefix, "--uninstall"], timeout=60,
               env=_clean_env(HOME=str(tmp_path))), "install.sh --uninstall")
    assert not (share / "applications" / DESKTOP.name).exists()


def test_install_script_can_point_at_the_bundle(tmp_path):
    fake = tmp_path / "my apps" / "kerryview"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    prefix = tmp_path / "usr"
    _must(_run(["bash", LINUX / "install.sh", "--prefix", prefix, "--exec", fake], timeout=60,
               env=_clean_env(HOME=str(tmp_path))), "install.sh --exec")
    text = (prefix / "share/applications" / DESKTOP.name).read_text()
    assert f'Exec="{fake}" %F' in text and f"TryExec={fake}" in text, text
    if shutil.which("desktop-file-validate"):
        proc = _run(["desktop-file-validate", prefix / "share/applications" / DESKTOP.name])
        assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout


def test_apt_packages_list_the_validators():
    listed = {line.split("#")[0].strip()
              for line in (ROOT / "packaging" / "apt-packages.txt").read_text().splitlines()}
    assert {"desktop-file-utils", "appstream", "librsvg2-bin"} <= listed
