"""Render resources/icons/her2-companion.svg into the Windows .ico and the macOS .icns with
Qt's own image plugins (run after changing the SVG; the results are committed).

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "her2-companion.svg"


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    for target, size in (
        (ROOT / "packaging" / "windows" / "her2-companion.ico", 256),
        (ROOT / "packaging" / "macos" / "her2-companion.icns", 1024),
    ):
        writer = QImageWriter(str(target))
        if not writer.write(render(size)):
            print(f"{target}: {writer.errorString()}", file=sys.stderr)
            return 1
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
