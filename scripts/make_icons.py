"""Render resources/icons/kompetencedialog.svg to the PNG sizes the window, desktop entry and
bundle use. Run after changing the SVG: .venv/bin/python scripts/make_icons.py"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"

app = QGuiApplication(sys.argv[:1])
renderer = QSvgRenderer(str(ICONS / "kompetencedialog.svg"))
for size in (16, 32, 48, 64, 128, 256, 512):
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    image.save(str(ICONS / f"kompetencedialog-{size}.png"))
    print(f"{size}x{size}")
