"""Small time charts (QtCharts): heart pumping strength (LVEF %) with the patient's
baseline, and a tumour marker over time. Each also describes its points in words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCharts import (
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QMargins, QPointF, Qt, QTime
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen

from companion.treatments.labels import day_text
from companion.ui import theme
from companion.ui.widgets.chart_table import ChartKeys, summary


def to_msecs(day: date) -> float:
    return float(QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0)).toMSecsSinceEpoch())


class TimeChart(ChartKeys, QChartView):
    def __init__(self, accessible_name: str, unit: str = "") -> None:
        chart = QChart()
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        super().__init__(chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(accessible_name)
        self.setup_chart_keys()  # a chart to screen readers; Enter or T shows a table
        theme.size_in_lines(self, min_height=12, max_height=20)
        self.unit = unit
        colour = QColor(theme.CHART_SERIES[0])
        self.line = QLineSeries()
        self.line.setPen(QPen(colour, 2.5))
        self.dots = QScatterSeries()
        self.dots.setColor(colour)
        self.dots.setBorderColor(colour)
        self.dots.setMarkerSize(theme.em(self, 0.55))
        self.baseline = QLineSeries()
        pen = QPen(QColor(theme.MUTED_INK), 1.5)
        pen.setStyle(Qt.PenStyle.DashLine)
        self.baseline.setPen(pen)
        for series in (self.line, self.dots, self.baseline):
            chart.addSeries(series)
        self.x_axis = QDateTimeAxis()
        self.x_axis.setFormat("MMM yyyy")
        self.x_axis.setTickCount(4)
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%.0f")
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.line, self.dots, self.baseline):
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        chart.legend().markers(self.dots)[0].setVisible(False)

    def show_points(
        self,
        name: str,
        points: Sequence[tuple[date, float]],
        baseline: tuple[date, float] | None = None,
        baseline_name: str = "",
        y_floor: float | None = None,
    ) -> None:
        theme.style_chart(self.chart())
        self.line.setName(name)
        self.line.replace([QPointF(to_msecs(d), v) for d, v in points])
        self.dots.replace([QPointF(to_msecs(d), v) for d, v in points])
        self.baseline.clear()
        self.baseline.setName(baseline_name)
        self.baseline.setVisible(baseline is not None)
        self.chart().legend().markers(self.baseline)[0].setVisible(baseline is not None)
        rows = [[day_text(d), f"{v:g}{self.unit}"] for d, v in points]
        self.set_table(
            name,
            [self.tr("Date"), name],
            rows,
            summary(name, points, {v: f"{v:g}{self.unit}" for _d, v in points}),
        )
        if not points:
            self.setAccessibleDescription(self.tr("No readings yet."))
            return
        first, last = points[0][0], points[-1][0]
        if first == last:  # one reading: give the axis a month either side
            first, last = (
                date.fromordinal(first.toordinal() - 30),
                date.fromordinal(last.toordinal() + 30),
            )
        # A little room either side, so the first and last dots are not cut in half.
        pad = (to_msecs(last) - to_msecs(first)) * 0.04
        low_ms, high_ms = to_msecs(first) - pad, to_msecs(last) + pad
        if baseline is not None:
            self.baseline.replace([QPointF(low_ms, baseline[1]), QPointF(high_ms, baseline[1])])
        self.x_axis.setRange(
            QDateTime.fromMSecsSinceEpoch(int(low_ms)), QDateTime.fromMSecsSinceEpoch(int(high_ms))
        )
        values = [v for _, v in points] + ([baseline[1]] if baseline else [])
        low = min(values) * 0.85 if y_floor is None else y_floor
        high = max(values) * 1.1 + 1
        self.y_axis.setRange(max(0.0, low), high)
        self.y_axis.applyNiceNumbers()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.chart_key(event):
            super().keyPressEvent(event)

    def point_values(self) -> list[float]:
        return [p.y() for p in self.line.points()]
