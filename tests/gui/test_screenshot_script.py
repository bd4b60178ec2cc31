"""docs/make_screenshot.py keeps working, so the README's screenshot can always be remade."""
import importlib.util
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def test_screenshot_script_renders_the_app(tmp_path, qapp):
    spec = importlib.util.spec_from_file_location("make_screenshot",
                                                  ROOT / "docs" / "make_screenshot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "shot.png"
    module.make(out, size=(1024, 700))
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1024, 700)
    colours = {img.pixel(x, y) for x in range(0, 1024, 16) for y in range(0, 700, 16)}
    assert len(colours) > 20  # a rendered window, not a blank grab
