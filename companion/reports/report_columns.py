"""Sizing helpers for the printed symptom report's tables and charts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtGui import QFont, QFontMetricsF

from companion.reports import pdf

# The narrowest text width of the papers we print on (A4 less two margins), in points.
TEXT_WIDTH_PT = 595.0 - 2 * pdf.PAGE_MARGIN_MM * 72 / 25.4
CELL_PADDING_PT = 10.0  # both sides of a cell and its borders
LONGEST_ANSWER = "Occasionally"  # the longest single word of the answer scales
FIRST_COLUMN = "30 Sep 2026"  # the "Week of" column


def _bold_width(text: str) -> float:
    font = QFont()
    font.setPointSizeF(pdf.BODY_POINT_SIZE)
    font.setBold(True)
    return QFontMetricsF(font, pdf.point_device()).horizontalAdvance(text)


def columns_that_fit(headers: Sequence[str]) -> int:
    """How many columns of these headers fit beside the week column without breaking a word
    (Qt's rich text splits a word that is wider than its column: "Constipatio n")."""
    words = [w for header in headers for w in header.split()] + [LONGEST_ANSWER]
    column = max(_bold_width(w) for w in words) + CELL_PADDING_PT
    room = TEXT_WIDTH_PT - _bold_width(FIRST_COLUMN) - CELL_PADDING_PT
    return max(1, int(room // column))


def worst_each_week(points: Sequence[tuple[date, float]]) -> list[tuple[date, float]]:
    """The worst value of each week (Monday to Sunday), dated by its Monday."""
    worst: dict[date, float] = {}
    for day, value in points:
        monday = day - timedelta(days=day.weekday())
        worst[monday] = max(worst.get(monday, value), value)
    return sorted(worst.items())
