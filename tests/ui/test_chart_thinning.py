"""Long trend lines are drawn thinned to the pixel columns: each column keeps its lowest and
highest answer, so the chart shows the same band with a fraction of the points."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from companion.ui.symptoms.decimate import pixel_column, pixel_extremes

FIRST = date(2011, 1, 1)


def by_column(points, first: date, last: date, columns: int) -> dict[int, list[float]]:  # type: ignore[no-untyped-def]
    found: dict[int, list[float]] = {}
    for day, value in points:
        found.setdefault(pixel_column(day, first, last, columns), []).append(value)
    return found


@settings(max_examples=40, deadline=None)
@given(
    gaps=st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=800),
    values=st.lists(st.integers(min_value=0, max_value=10), min_size=800, max_size=800),
    columns=st.integers(min_value=1, max_value=400),
)
def test_every_pixel_column_keeps_its_lowest_and_highest_answer(gaps, values, columns) -> None:  # type: ignore[no-untyped-def]
    days, day = [], FIRST
    for gap in gaps:
        day += timedelta(days=gap)
        days.append(day)
    points = [(d, float(v)) for d, v in zip(days, values, strict=False)]
    first, last = points[0][0], points[-1][0]
    thinned = pixel_extremes(points, first, last, columns)
    assert thinned == sorted(thinned) and set(thinned) <= set(points)  # day order, real points
    assert len(thinned) <= max(len(points) if len(points) <= 2 * columns else 0, 2 * columns)
    wanted, kept = by_column(points, first, last, columns), by_column(thinned, first, last, columns)
    assert kept.keys() == wanted.keys()  # no column left empty
    for column, answers in wanted.items():
        assert (min(kept[column]), max(kept[column])) == (min(answers), max(answers))


def test_a_short_line_is_drawn_as_it_is() -> None:
    points = [(FIRST + timedelta(days=i), float(i % 3)) for i in range(100)]
    assert pixel_extremes(points, FIRST, points[-1][0], 50) == points


def test_a_chart_of_fifteen_years_draws_each_columns_band(qtbot) -> None:  # type: ignore[no-untyped-def]
    from companion.ui.symptoms.charts import DayScale, TrendChartView

    points = [(FIRST + timedelta(days=i), float((i * 7919) % 5)) for i in range(15 * 365)]
    view = TrendChartView("Trend chart")
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    view.show_series("Nausea", {"How bad": points}, ("None", "Mild", "Moderate", "Severe", "Very"))
    (drawn,) = view.drawn_points()
    columns = view.pixel_columns()
    assert columns >= 900 and len(drawn) <= 2 * columns < len(points)
    scale = DayScale(points[-1][0])
    by_x = {scale.x(day): (day, value) for day, value in points}
    shown = [by_x[x] for x, _y in drawn]  # every drawn point is an answer, in day order
    assert [value for _day, value in shown] == [y for _x, y in drawn]
    first, last = points[0][0], points[-1][0]
    wanted, kept = by_column(points, first, last, columns), by_column(shown, first, last, columns)
    assert {c: (min(v), max(v)) for c, v in kept.items()} == {
        c: (min(v), max(v)) for c, v in wanted.items()
    }
    assert view.table_rows and len(view.table_rows) == len(points)  # the table keeps them all
    view.resize(2 * columns + 100, 500)  # wider than thinned for: thinned again
    assert len(view.drawn_points()[0]) > len(drawn)
