"""Thin a day → value line to what the screen can show: per pixel column, its lowest and
highest point.

Fifteen years of daily answers are 5,500 points on a chart some 800 pixels wide: each pixel
column holds several days, and a line through all of them paints a vertical stroke from the
column's lowest to its highest value. Keeping just those two points (in the order they came)
paints the same band with a fraction of the points, so building and painting the chart cost
what the screen shows, not how long the log is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

Point = tuple[date, float]


def pixel_column(day: date, first: date, last: date, columns: int) -> int:
    """The column (0 … columns - 1) a day falls in, the days first … last spread evenly."""
    start = first.toordinal()
    span = last.toordinal() - start + 1
    return min(columns - 1, max(0, (day.toordinal() - start) * columns // span))


def pixel_extremes(points: Sequence[Point], first: date, last: date, columns: int) -> list[Point]:
    """points (in day order) thinned to at most two per pixel column: the first lowest and the
    first highest of the column, in day order. A line that already has no more than two
    points per column comes back as it is."""
    if columns < 1 or len(points) <= 2 * columns:
        return list(points)
    start = first.toordinal()
    span = last.toordinal() - start + 1
    kept: list[Point] = []
    column = -1
    low = high = points[0]
    for point in points:
        place = (point[0].toordinal() - start) * columns // span
        if place != column:
            if column >= 0:
                _keep(kept, low, high)
            column, low, high = place, point, point
        elif point[1] < low[1]:
            low = point
        elif point[1] > high[1]:
            high = point
    _keep(kept, low, high)
    return kept


def _keep(kept: list[Point], low: Point, high: Point) -> None:
    if low is high:
        kept.append(low)
    elif low[0] <= high[0]:
        kept += (low, high)
    else:
        kept += (high, low)
