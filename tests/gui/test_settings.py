"""The option registry: one declaration per setting, typed values, nothing else touches QSettings."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray

import kerryview
from kerryview.gui import settings


def test_options_have_unique_keys_a_typed_default_and_a_doc():
    keys = [o.key for o in settings.OPTIONS]
    assert len(keys) == len(set(keys))
    for o in settings.OPTIONS:
        assert isinstance(o.default, o.type) and o.doc.strip()


def test_values_read_back_with_their_declared_type(temp_settings):
    assert settings.LAST_FOLDER.get() == ""  # nothing stored: the default
    settings.LAST_FOLDER.set("/news/2023")
    settings.GEOMETRY.set(QByteArray(b"\x00\x01geometry"))
    settings.sync()
    assert settings.LAST_FOLDER.get() == "/news/2023"
    assert settings.GEOMETRY.get() == QByteArray(b"\x00\x01geometry")
    assert list(Path(temp_settings).rglob("*.ini")), "written under the test's folder"
    with pytest.raises(TypeError):
        settings.LAST_FOLDER.set(Path("/news"))  # type: ignore[arg-type]


def test_a_value_of_the_wrong_type_in_the_file_reads_as_the_default(temp_settings):
    settings.LAST_FOLDER.set("/news")
    settings.sync()
    ini = next(Path(temp_settings).rglob("*.ini"))
    ini.write_text(ini.read_text() + "geometry=not bytes\n")
    assert settings.GEOMETRY.get() == QByteArray()


def test_no_settings_keys_outside_the_registry():
    """QSettings is opened in gui/settings.py only, so every key is declared there."""
    root = Path(kerryview.__file__).parent
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if p.name != "settings.py" and re.search(r"\bQSettings\b", p.read_text("utf-8"))]
    assert offenders == []
