"""Every chart has a text alternative: a one-sentence summary as its accessible description,
and the same numbers as a table one key away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible


def _check(chart, qtbot) -> None:  # type: ignore[no-untyped-def]
    description = chart.accessibleDescription()
    assert " values from " in description and description.endswith(".")
    assert QAccessible.queryAccessibleInterface(chart).role() == QAccessible.Role.Chart
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_T)
    dialog = chart.table_dialog
    assert dialog.isVisible()
    assert dialog.table.rowCount() == len(chart.table_rows) > 0
    assert dialog.table.item(0, 1).text()
    dialog.reject()


def test_symptom_trend_and_esas_charts_read_as_text(demo_window, qtbot) -> None:
    demo_window.show_page("symptoms")
    page = demo_window.page("symptoms")
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not page.trend_read.pending)  # read on a worker thread
    _check(page.trend_chart, qtbot)
    page.tabs.setCurrentIndex(3)
    _check(page.esas_chart, qtbot)


def test_lvef_and_marker_charts_read_as_text(demo_window, qtbot) -> None:
    demo_window.show_page("treatments")
    page = demo_window.page("treatments")
    page.show_tab("scans")
    _check(page.scans_tab.lvef_chart, qtbot)
    assert "%" in page.scans_tab.lvef_chart.table_rows[0][1]
    _check(page.scans_tab.marker_chart, qtbot)
