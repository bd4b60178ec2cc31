"""The architecture stays visible: every package is shipped, Qt stays under kerryview/gui/."""
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_folder_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts)
             for p in (ROOT / "kerryview").rglob("__init__.py")}
    assert found - listed == set()


def test_qt_is_imported_only_in_gui():
    offenders = []
    for path in (ROOT / "kerryview").rglob("*.py"):
        if "gui" in path.relative_to(ROOT / "kerryview").parts:
            continue
        if re.search(r"^\s*(from|import)\s+(PySide6|PyQt|shiboken)", path.read_text(), re.M):
            offenders.append(str(path))
    assert offenders == []
