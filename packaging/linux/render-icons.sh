#!/usr/bin/env bash
# Render resources/icons/kerryview.svg to resources/icons/kerryview-<N>.png for the sizes a
# desktop wants (16 32 48 64 128 256). The PNGs are committed; rerun this after editing the SVG.
# Uses rsvg-convert (Debian: librsvg2-bin) when present, else Qt's QSvgRenderer from the venv.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
svg="$root/resources/icons/kerryview.svg"
py="${PYTHON:-$root/.venv/bin/python}"
sizes=(16 32 48 64 128 256)

if command -v rsvg-convert >/dev/null 2>&1 && [[ "${KV_ICON_RENDERER:-}" != qt ]]; then
    for n in "${sizes[@]}"; do
        rsvg-convert --width "$n" --height "$n" --keep-aspect-ratio "$svg" -o "$root/resources/icons/kerryview-$n.png"
    done
    echo "rendered ${sizes[*]} with $(rsvg-convert --version)"
else
    QT_QPA_PLATFORM=offscreen "$py" - "$svg" "${sizes[@]}" <<'PY'
import sys
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
app = QGuiApplication([])
svg = Path(sys.argv[1])
renderer = QSvgRenderer(str(svg))
assert renderer.isValid(), f"cannot read {svg}"
for n in map(int, sys.argv[2:]):
    img = QImage(n, n, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(p)
    p.end()
    assert img.save(str(svg.with_name(f"kerryview-{n}.png"))), n
print("rendered", *sys.argv[2:], "with Qt QSvgRenderer")
PY
fi
