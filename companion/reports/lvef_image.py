"""A small printed chart of LVEF readings with the baseline as a dashed line.

Black and grey only, so it reads the same on a black-and-white printer.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPen

from companion.reports.chart_canvas import PIXELS_PER_POINT, chart_canvas


def _label(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), "MMM yyyy")


def lvef_image(
    points: tuple[tuple[date, float], ...],
    baseline: float | None,
    width_pt: float = 420,
    height_pt: float = 150,
) -> QImage:
    k = PIXELS_PER_POINT
    image, painter = chart_canvas(width_pt, height_pt, font_pt=9)
    plot = QRectF(30 * k, 8 * k, (width_pt - 40) * k, (height_pt - 26) * k)
    values = [v for _, v in points] + ([baseline] if baseline is not None else [])
    low = max(0.0, (min(values) // 10) * 10 - 10)
    high = min(100.0, (max(values) // 10) * 10 + 10)
    first, last = points[0][0].toordinal(), points[-1][0].toordinal()
    span = max(1, last - first)

    def at(day: date, value: float) -> QPointF:
        x = plot.left() + (day.toordinal() - first) / span * plot.width()
        y = plot.bottom() - (value - low) / (high - low) * plot.height()
        return QPointF(x, y)

    grid = QPen(QColor("#bbbbbb"), 0.5 * k)
    painter.setPen(grid)
    step = 10
    value = low
    while value <= high:
        y = plot.bottom() - (value - low) / (high - low) * plot.height()
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(Qt.GlobalColor.black)
        painter.drawText(
            QRectF(0, y - 6 * k, 26 * k, 12 * k),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            f"{value:.0f}%",
        )
        painter.setPen(grid)
        value += step
    painter.setPen(Qt.GlobalColor.black)
    for day in (points[0][0], points[-1][0]):
        x = at(day, low).x()
        align = Qt.AlignmentFlag.AlignLeft if day == points[0][0] else Qt.AlignmentFlag.AlignRight
        box = QRectF(
            x - (0 if day == points[0][0] else 80 * k), plot.bottom() + 3 * k, 80 * k, 12 * k
        )
        painter.drawText(box, align | Qt.AlignmentFlag.AlignTop, _label(day))
    if baseline is not None:
        dashed = QPen(QColor("#555555"), 1 * k)
        dashed.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(dashed)
        painter.drawLine(
            at(points[0][0], baseline), QPointF(plot.right(), at(points[0][0], baseline).y())
        )
    painter.setPen(QPen(Qt.GlobalColor.black, 1.6 * k))
    previous = None
    for day, value in points:
        point = at(day, value)
        if previous is not None:
            painter.drawLine(previous, point)
        previous = point
    painter.setBrush(Qt.GlobalColor.black)
    for day, value in points:
        painter.drawEllipse(at(day, value), 2.2 * k, 2.2 * k)
    painter.end()
    return image
