"""The canvas every printed chart is painted on: a white image at print resolution."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage, QPainter

PIXELS_PER_POINT = 3  # drawn at 216 dpi so that it prints sharply


def chart_canvas(
    width_pt: float, height_pt: float, font_pt: float | None = None
) -> tuple[QImage, QPainter]:
    """A white image of width_pt × height_pt points and an antialiased painter on it (with a
    font of font_pt points when given). The caller ends the painter."""
    k = PIXELS_PER_POINT
    image = QImage(int(width_pt * k), int(height_pt * k), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if font_pt is not None:
        font = QFont()
        font.setPixelSize(int(font_pt * k))
        painter.setFont(font)
    return image, painter
