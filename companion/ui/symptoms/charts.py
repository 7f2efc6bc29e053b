"""Trend charts (QtCharts): answers over time with treatment periods shaded and red flags
marked; ESAS-r totals over time."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCharts import (
    QAreaSeries,
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QPointF, Qt, QTime
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QPainter, QPen, QResizeEvent

from companion.symptoms.history import TreatmentPeriod
from companion.treatments.labels import day_text
from companion.ui import theme
from companion.ui.symptoms.decimate import pixel_extremes
from companion.ui.widgets.chart_table import ChartKeys, summary
from companion.ui.widgets.qt_items import qdate

_EPOCH = date(1970, 1, 1).toordinal()
_DAY_MS = 86_400_000


class DayScale:
    """Days to the chart's x values (local noon, in ms since the epoch) by arithmetic:
    one QDateTime for the time zone's offset instead of one per point. A daylight-saving
    change moves a point by an hour, still well inside its day."""

    def __init__(self, around: date) -> None:
        offset_s = QDateTime(qdate(around), QTime(12, 0)).offsetFromUtc()
        self._noon_ms = 12 * 3_600_000 - offset_s * 1000

    def x(self, day: date) -> float:
        return float((day.toordinal() - _EPOCH) * _DAY_MS + self._noon_ms)

    def points(self, values: list[tuple[date, float]]) -> list[QPointF]:
        base = self._noon_ms - _EPOCH * _DAY_MS
        return [QPointF(day.toordinal() * _DAY_MS + base, value) for day, value in values]


@dataclass(frozen=True)
class ThinLines:
    """Each line's points as the chart draws them: thinned to so many pixel columns across
    the days first … last, in the chart's x values."""

    first: date
    last: date
    columns: int
    drawn: dict[str, list[QPointF]]


def day_span(series: Mapping[str, Sequence[tuple[date, float]]]) -> tuple[date, date] | None:
    """The first and last day the chart shows (never a single day: one each side of it)."""
    days = [points[i][0] for points in series.values() if points for i in (0, -1)]
    if not days:
        return None
    first, last = min(days), max(days)
    if first == last:
        first, last = first - timedelta(days=1), last + timedelta(days=1)
    return first, last


def thin_lines(series: Mapping[str, Sequence[tuple[date, float]]], columns: int) -> ThinLines:
    """Plain arithmetic, no widget: runs on a worker thread as well. Each line's points must
    be in day order."""
    span = day_span(series)
    if span is None:
        return ThinLines(date.min, date.min, columns, {name: [] for name in series})
    first, last = span
    scale = DayScale(last)
    drawn = {
        name: scale.points(pixel_extremes(points, first, last, columns))
        for name, points in series.items()
    }
    return ThinLines(first, last, columns, drawn)


class TrendChartView(ChartKeys, QChartView):
    """A chart of one symptom's answers, or of any day → value series."""

    def __init__(self, accessible_name: str) -> None:
        super().__init__()
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(accessible_name)
        self.setup_chart_keys()  # a chart to screen readers; Enter or T shows a table
        theme.size_in_lines(self, min_height=16)
        self.series_names: list[str] = []
        self.flag_days: list[date] = []
        # Each line with all its points, drawn thinned to the pixel columns counted here.
        self._lines: list[tuple[QLineSeries, list[tuple[date, float]]]] = []
        self._span = (date.min, date.min)
        self._columns = 0
        self.setChart(QChart())

    def pixel_columns(self) -> int:
        """Pixel columns across the view (the plot is a little narrower): what a line is
        thinned to."""
        width = max(self.width(), theme.em(self, 60))
        return max(1, round(width * self.devicePixelRatioF()))

    def show_series(
        self,
        title: str,
        series: Mapping[str, Sequence[tuple[date, float]]],
        y_labels: Sequence[str],
        periods: Sequence[TreatmentPeriod] = (),
        flag_days: Sequence[date] = (),
        y_max: float | None = None,
        flag_label: str = "",
        thinned: ThinLines | None = None,
    ) -> None:
        """series: each line's (day, value) points in day order. thinned: the same lines as
        thin_lines() made them (e.g. on the worker thread that read them); made here if it
        is missing or was made for a narrower view."""
        self._describe(title, series, y_labels)
        chart = QChart()
        chart.setTitle(title)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        top = float(y_max if y_max is not None else max(1, len(y_labels) - 1))
        span = day_span(series)
        if span is None:
            chart.setTitle(title + " — " + self.tr("no answers in this period"))
            theme.style_chart(chart)
            self.setChart(chart)
            self.series_names = []
            self.flag_days = []
            self._lines = []
            return
        first, last = span
        columns = self.pixel_columns()
        if thinned is None or thinned.columns < columns or (thinned.first, thinned.last) != span:
            thinned = thin_lines(series, columns)
        scale = DayScale(last)
        _x = scale.x
        x_axis = QDateTimeAxis()
        x_axis.setFormat("d MMM yy")
        x_axis.setRange(QDateTime(qdate(first), QTime(0, 0)), QDateTime(qdate(last), QTime(23, 59)))
        x_axis.setTickCount(6)
        x_axis.setGridLineColor(QColor(theme.GRID))
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        if len(y_labels) > 1 and len(y_labels) <= 6:
            categories = QCategoryAxis()
            for index, word in enumerate(y_labels):
                categories.append(word, index)
            categories.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
            y_axis: QValueAxis | QCategoryAxis = categories
        else:
            y_axis = QValueAxis()
            y_axis.setLabelFormat("%d")
            y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
            y_axis.setTickAnchor(0)
            y_axis.setTickInterval(max(1, round(top / 9)))
        # Room above the top answer for the red-flag triangles, so none is cut off.
        headroom = top * 0.12 + 0.5
        y_axis.setRange(-0.2, top + headroom)
        y_axis.setGridLineColor(QColor(theme.GRID))
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)

        names = []
        self._span, self._columns = span, thinned.columns
        self._lines = []
        for index, period in enumerate(periods):
            start = max(period.start, first)
            end = min(period.end or last, last)
            if start > end:
                continue
            upper, lower = QLineSeries(), QLineSeries()
            for edge in (start, end):
                upper.append(_x(edge), top + headroom)
                lower.append(_x(edge), -0.2)
            area = QAreaSeries(upper, lower)
            area.setName(period.label)
            shade = QColor(theme.TREATMENT_SHADES[index % len(theme.TREATMENT_SHADES)])
            area.setBrush(QBrush(shade))
            area.setPen(QPen(QColor(theme.MUTED_INK), 1))  # a visible legend swatch
            area.setOpacity(0.7)
            chart.addSeries(area)
            area.attachAxis(x_axis)
            area.attachAxis(y_axis)
            area.setParent(chart)
            upper.setParent(area)
            lower.setParent(area)
            names.append(period.label)

        for index, (name, points) in enumerate(series.items()):
            line = QLineSeries()
            line.setName(name)
            line.setPointsVisible(len(points) < 120)
            pen = QPen(QColor(theme.CHART_SERIES[index % len(theme.CHART_SERIES)]))
            pen.setWidthF(2.0)
            line.setPen(pen)
            line.replace(thinned.drawn[name])
            self._lines.append((line, list(points)))
            chart.addSeries(line)
            line.attachAxis(x_axis)
            line.attachAxis(y_axis)
            names.append(name)

        shown_flags = [d for d in flag_days if first <= d <= last]
        if shown_flags:
            marks = QScatterSeries()
            marks.setName(flag_label or self.tr("Red flag"))
            marks.setColor(QColor(theme.RED_FLAG_MARK))
            marks.setBorderColor(QColor(theme.RED_FLAG_MARK))
            marks.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeTriangle)
            marks.setMarkerSize(theme.em(self, 0.9))
            marks.replace([QPointF(_x(d), top + headroom * 0.55) for d in shown_flags])
            chart.addSeries(marks)
            marks.attachAxis(x_axis)
            marks.attachAxis(y_axis)
            names.append(marks.name())
        theme.style_chart(chart)
        # A line with more points than the view has pixels across is a band of strokes:
        # smoothing its edges shows nothing more and doubled the time to paint years of it.
        densest = max(len(points) for points in series.values())
        self.setRenderHint(
            QPainter.RenderHint.Antialiasing, densest <= max(self.width(), theme.em(self, 60))
        )
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()
        self.series_names = names
        self.flag_days = shown_flags

    def drawn_points(self) -> list[list[tuple[float, float]]]:
        """The points each line draws (x in ms since the epoch), as the chart holds them."""
        return [[(p.x(), p.y()) for p in line.points()] for line, _points in self._lines]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        columns = self.pixel_columns()
        if columns > self._columns and self._lines:
            # Wider than the lines were thinned for: thin them again for the new width.
            self._columns = columns
            first, last = self._span
            scale = DayScale(last)
            for line, points in self._lines:
                line.replace(scale.points(pixel_extremes(points, first, last, columns)))

    def _describe(
        self,
        title: str,
        series: Mapping[str, Sequence[tuple[date, float]]],
        y_labels: Sequence[str],
    ) -> None:
        """The text alternative: a summary sentence and a table (day × series)."""
        categories = len(y_labels) > 1 and len(y_labels) <= 6

        def shown(value: float) -> str:
            index = round(value)
            return y_labels[index] if categories and 0 <= index < len(y_labels) else f"{value:g}"

        def rows() -> list[list[str]]:
            days = sorted({d for points in series.values() for d, _v in points}, reverse=True)
            by_series = {name: dict(points) for name, points in series.items()}
            return [
                [
                    day_text(d),
                    *(shown(by_series[n][d]) if d in by_series[n] else "" for n in series),
                ]
                for d in days
            ]

        sentences = [
            summary(name, points, {v: shown(v) for v in {v for _d, v in points}})
            for name, points in series.items()
        ]
        self.set_table(title, [self.tr("Date"), *series], rows, " ".join(sentences[:3]))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.chart_key(event):
            super().keyPressEvent(event)
