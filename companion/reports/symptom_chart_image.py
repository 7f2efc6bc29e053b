"""Charts for the printed symptom report, painted with QPainter (no widgets needed, so the
command line can make them too).

Black and greys only, series told apart by line style and marker, so that a black-and-white
printer shows the same as the screen. Treatment lines are shaded in light greys with their
names; red flags are black triangles along the top.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from companion.reports.chart_canvas import PIXELS_PER_POINT, chart_canvas
from companion.symptoms.history import TreatmentPeriod

STYLES = (
    (Qt.PenStyle.SolidLine, Qt.GlobalColor.black),
    (Qt.PenStyle.DashLine, Qt.GlobalColor.black),
    (Qt.PenStyle.DotLine, Qt.GlobalColor.darkGray),
    (Qt.PenStyle.DashDotLine, Qt.GlobalColor.darkGray),
)
SHADES = (235, 218)  # grey levels of alternate treatment lines


def _grey(level: int) -> QColor:
    return QColor.fromRgb(level, level, level)


def _triangle(painter: QPainter, centre: QPointF, size: float) -> None:
    half = size / 2
    path = QPainterPath()
    path.moveTo(centre.x(), centre.y() + half)
    path.lineTo(centre.x() + half, centre.y() - half)
    path.lineTo(centre.x() - half, centre.y() - half)
    path.closeSubpath()
    painter.drawPath(path)


def chart_image(
    title: str,
    series: dict[str, list[tuple[date, float]]],
    y_labels: Sequence[str],
    y_max: float,
    start: date,
    end: date,
    periods: Sequence[TreatmentPeriod] = (),
    flag_days: Sequence[date] = (),
    width_pt: float = 480,
    height_pt: float = 170,
    flag_label: str = "",
    max_gap_days: int = 3,
    step_days: int = 0,
) -> QImage:
    """step_days: each point holds for that many days (a week's worst answer), drawn as a
    level step rather than a line to the next point."""
    k = PIXELS_PER_POINT
    image, painter = chart_canvas(width_pt, height_pt)
    try:
        _paint(
            painter,
            k,
            QRectF(0, 0, width_pt * k, height_pt * k),
            title,
            series,
            y_labels,
            y_max,
            start,
            end if end > start else start + timedelta(days=1),
            periods,
            flag_days,
            flag_label,
            max_gap_days,
            step_days,
        )
    finally:
        painter.end()
    return image


def _paint(
    painter: QPainter,
    k: float,
    area: QRectF,
    title: str,
    series: dict[str, list[tuple[date, float]]],
    y_labels: Sequence[str],
    y_max: float,
    start: date,
    end: date,
    periods: Sequence[TreatmentPeriod],
    flag_days: Sequence[date],
    flag_label: str,
    max_gap_days: int,
    step_days: int,
) -> None:
    font = QFont()
    font.setPixelSize(int(8.5 * k))
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    bold = QFont(font)
    bold.setBold(True)
    bold.setPixelSize(int(10 * k))
    painter.setFont(bold)
    painter.drawText(
        QRectF(area.left(), area.top(), area.width(), 14 * k),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        title,
    )
    painter.setFont(font)
    label_width = max(
        [metrics.horizontalAdvance(w) for w in y_labels] + [metrics.horizontalAdvance("90")]
    )
    legend_height = 13 * k
    plot = QRectF(
        area.left() + label_width + 6 * k,
        area.top() + 24 * k,  # room above the plot for the red-flag triangles
        area.width() - label_width - 10 * k,
        area.height() - 24 * k - 14 * k - legend_height,
    )
    span = max(1, (end - start).days)

    def x_of(day: date) -> float:
        return plot.left() + plot.width() * ((day - start).days / span)

    def y_of(value: float) -> float:
        return plot.bottom() - plot.height() * (value / max(y_max, 1) * 0.88)

    # treatment periods
    for index, period in enumerate(periods):
        left, right = max(period.start, start), min(period.end or end, end)
        if left > right:
            continue
        band = QRectF(x_of(left), plot.top(), max(1.0, x_of(right) - x_of(left)), plot.height())
        painter.fillRect(band, _grey(SHADES[index % len(SHADES)]))
        painter.setPen(_grey(90))
        text = metrics.elidedText(period.label, Qt.TextElideMode.ElideRight, band.width() - 4 * k)
        painter.drawText(
            band.adjusted(2 * k, 1 * k, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            text,
        )
    # grid and labels
    painter.setPen(QPen(_grey(200), 0.6 * k))
    steps = (
        list(enumerate(y_labels))
        if y_labels
        else [(v, str(v)) for v in range(0, int(y_max) + 1, max(1, int(y_max) // 6))]
    )
    for value, word in steps:
        y = y_of(value)
        painter.setPen(QPen(_grey(205), 0.6 * k))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(_grey(60))
        painter.drawText(
            QRectF(area.left(), y - 6 * k, label_width + 2 * k, 12 * k),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            word,
        )
    painter.setPen(QPen(_grey(120), 0.8 * k))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(plot)
    # months along the bottom
    locale = QLocale()
    month = date(start.year, start.month, 1)
    step_months = max(1, round(span / 30 / 8))
    while month <= end:
        label = locale.toString(QDate(month.year, month.month, 1), "MMM yy")
        x = x_of(month)
        # A label that would run off the right edge is left out rather than cut ("Dec 2").
        if month >= start and x + metrics.horizontalAdvance(label) / 2 <= area.right():
            painter.setPen(QPen(_grey(150), 0.6 * k))
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3 * k))
            painter.setPen(_grey(60))
            painter.drawText(
                QRectF(x - 30 * k, plot.bottom() + 3 * k, 60 * k, 11 * k),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )
        total = month.month - 1 + step_months
        month = date(month.year + total // 12, total % 12 + 1, 1)
    # series
    legend: list[tuple[str, int]] = []
    for index, (name, points) in enumerate(series.items()):
        style, colour = STYLES[index % len(STYLES)]
        pen = QPen(QColor(colour), 1.4 * k, style)
        painter.setPen(pen)
        inside = [(d, v) for d, v in sorted(points) if start <= d <= end]
        # One polyline per run of days (a gap of missed days is left open): few painter
        # calls, however long the period.
        runs: list[list[QPointF]] = []
        previous: date | None = None
        # Series that agree would hide one another: each sits a hair above or below.
        shift = (index - (len(series) - 1) / 2) * 1.6 * k
        for day, level in inside:
            if previous is None or (day - previous).days > max(max_gap_days, step_days):
                runs.append([])
            y = y_of(level) + shift
            runs[-1].append(QPointF(x_of(day), y))
            if step_days:  # level until the next step
                runs[-1].append(QPointF(x_of(min(day + timedelta(days=step_days), end)), y))
            previous = day
        # Without antialiasing: at 216 dpi the steps are too small to see, and the
        # antialiased (often dashed) stroke was nearly all of a report's drawing time.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for run in runs:
            if len(run) > 1:
                painter.drawPolyline(QPolygonF(run))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if len(inside) < 60 and not step_days:
            dots = QPen(QColor(colour), 3.2 * k)
            dots.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(dots)
            painter.drawPoints(QPolygonF([p for run in runs for p in run]))
        legend.append((name, index))
    # red flags
    shown = [d for d in flag_days if start <= d <= end]
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor(Qt.GlobalColor.black)))
    for day in shown:
        _triangle(painter, QPointF(x_of(day), plot.top() - 3.5 * k), 6 * k)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    # legend
    x = plot.left()
    y = area.bottom() - legend_height / 2
    for name, index in legend:
        style, colour = STYLES[index % len(STYLES)]
        painter.setPen(QPen(QColor(colour), 1.4 * k, style))
        painter.drawLine(QPointF(x, y), QPointF(x + 16 * k, y))
        painter.setPen(_grey(30))
        painter.drawText(QPointF(x + 19 * k, y + metrics.ascent() / 2.5), name)
        x += 24 * k + metrics.horizontalAdvance(name)
    if shown:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(Qt.GlobalColor.black)))
        _triangle(painter, QPointF(x + 4 * k, y), 6 * k)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_grey(30))
        painter.drawText(QPointF(x + 11 * k, y + metrics.ascent() / 2.5), flag_label)
