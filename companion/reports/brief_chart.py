"""A small trend chart of the worst symptoms for the visit brief.

Printed in black and greys, told apart by line style and marker, so that it reads the same
on a black-and-white printer.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

from companion.reports.chart_canvas import PIXELS_PER_POINT, chart_canvas
from companion.symptoms.recap import SymptomSummary

SERIES = (
    (Qt.PenStyle.SolidLine, Qt.GlobalColor.black, "circle"),
    (Qt.PenStyle.DashLine, Qt.GlobalColor.black, "square"),
    (Qt.PenStyle.DotLine, Qt.GlobalColor.darkGray, "triangle"),
    (Qt.PenStyle.DashDotLine, Qt.GlobalColor.darkGray, "diamond"),
)
MAX_SERIES = len(SERIES)


def _marker(painter: QPainter, shape: str, centre: QPointF, size: float) -> None:
    half = size / 2
    if shape == "circle":
        painter.drawEllipse(centre, half, half)
    elif shape == "square":
        painter.drawRect(QRectF(centre.x() - half, centre.y() - half, size, size))
    else:
        path = QPainterPath()
        if shape == "triangle":
            path.moveTo(centre.x(), centre.y() - half)
            path.lineTo(centre.x() + half, centre.y() + half)
            path.lineTo(centre.x() - half, centre.y() + half)
        else:
            path.moveTo(centre.x(), centre.y() - half)
            path.lineTo(centre.x() + half, centre.y())
            path.lineTo(centre.x(), centre.y() + half)
            path.lineTo(centre.x() - half, centre.y())
        path.closeSubpath()
        painter.drawPath(path)


def _short_day(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM")


def trend_chart(
    symptoms: list[SymptomSummary], start: date, end: date, width_pt: float, height_pt: float
) -> QImage:
    """Daily answers (0–4) of up to four symptoms between start and end."""
    k = PIXELS_PER_POINT
    image, painter = chart_canvas(width_pt, height_pt, font_pt=9)
    metrics = painter.fontMetrics()
    legend_width = min(width_pt * 0.34, 170) * k
    plot = QRectF(
        metrics.horizontalAdvance("4") + 12 * k,  # room between the labels and the first dot
        4 * k,
        image.width() - legend_width - metrics.horizontalAdvance("4") - 18 * k,
        image.height() - metrics.height() - 10 * k,
    )
    span = max(1, (end - start).days)

    def x_of(day: date) -> float:
        return plot.left() + plot.width() * (day - start).days / span

    def y_of(value: int) -> float:
        return plot.bottom() - plot.height() * value / 4

    grid = QPen(QColor(Qt.GlobalColor.lightGray), 0.6 * k)
    for value in range(5):
        painter.setPen(grid)
        painter.drawLine(QPointF(plot.left(), y_of(value)), QPointF(plot.right(), y_of(value)))
        painter.setPen(QPen(Qt.GlobalColor.black))
        painter.drawText(
            QRectF(0, y_of(value) - metrics.height() / 2, plot.left() - 4 * k, metrics.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            str(value),
        )
    painter.setPen(QPen(Qt.GlobalColor.black, 0.8 * k))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    ticks = sorted({start, start + (end - start) / 2, end}) if span > 1 else [start, end]
    for index, day in enumerate(ticks):
        flags = (
            Qt.AlignmentFlag.AlignLeft
            if index == 0
            else Qt.AlignmentFlag.AlignRight
            if index == len(ticks) - 1
            else Qt.AlignmentFlag.AlignHCenter
        )
        box = QRectF(x_of(day) - 60 * k, plot.bottom() + 3 * k, 120 * k, metrics.height())
        if flags == Qt.AlignmentFlag.AlignLeft:
            box.moveLeft(x_of(day))
        elif flags == Qt.AlignmentFlag.AlignRight:
            box.moveRight(x_of(day))
        painter.drawText(box, flags | Qt.AlignmentFlag.AlignTop, _short_day(day))

    legend_x = plot.right() + 10 * k
    for index, summary in enumerate(symptoms[:MAX_SERIES]):
        style, colour, shape = SERIES[index]
        pen = QPen(QColor(colour), 1.6 * k, style)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        points = [QPointF(x_of(d), y_of(v)) for d, v in summary.daily if start <= d <= end]
        if len(points) > 1:
            painter.drawPolyline(points)
        painter.setPen(QPen(QColor(colour), 1.0 * k))
        painter.setBrush(QColor(Qt.GlobalColor.white))
        if len(points) <= 45:
            for point in points:
                _marker(painter, shape, point, 4.5 * k)
        # legend entry
        y = plot.top() + index * (metrics.height() * 2.1) + metrics.height() / 2
        painter.setPen(pen)
        painter.drawLine(QPointF(legend_x, y), QPointF(legend_x + 18 * k, y))
        painter.setPen(QPen(QColor(colour), 1.0 * k))
        _marker(painter, shape, QPointF(legend_x + 9 * k, y), 4.5 * k)
        painter.setPen(QPen(Qt.GlobalColor.black))
        text = metrics.elidedText(
            summary.term, Qt.TextElideMode.ElideRight, int(legend_width - 26 * k)
        )
        painter.drawText(QPointF(legend_x + 24 * k, y + metrics.ascent() / 2.5), text)
    painter.end()
    return image
