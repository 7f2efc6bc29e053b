"""A text alternative for every chart: a one-sentence summary (its accessible description)
and the same numbers as a table, one key away (Enter or T on the focused chart).

Charts keep the table's rows as they draw; ChartKeys gives a chart view the focus, the
role of a chart for screen readers, and the key that opens the table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from companion.translations import TranslationContext
from companion.treatments.labels import day_text
from companion.ui import accessibility, theme  # noqa: F401  (accessibility: role factory)


class Charts(TranslationContext):
    """Words about charts."""


class ChartTable(QDialog):
    def __init__(
        self, title: str, headers: Sequence[str], rows: Sequence[Sequence[str]], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("{chart} as a table").format(chart=title))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(rows), len(headers))
        self.table.setAccessibleName(self.windowTitle())
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(
            self.tr("Close the table")
        )
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(theme.em(self, 32), theme.em(self, 24))


class ChartKeys:
    """Mixed into a QChartView: focusable, a chart to screen readers, Enter/T shows the table."""

    accessible_role = QAccessible.Role.Chart
    table_title = ""
    table_headers: list[str]
    table_dialog: ChartTable | None = None
    _table_rows: list[list[str]] | None = None
    _table_source: Callable[[], Sequence[Sequence[str]]] | None = None

    def setup_chart_keys(self) -> None:
        widget: QWidget = self  # type: ignore[assignment]  # a mixin: every user of it is a QWidget
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.table_headers, self._table_rows = [], []
        widget.setToolTip(Charts.tr("Enter or T: show these numbers as a table"))

    def set_table(
        self,
        title: str,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]] | Callable[[], Sequence[Sequence[str]]],
        summary: str,
    ) -> None:
        """rows: the rows, or what makes them when the table is first asked for (a chart of
        ten years has thousands of rows, and most charts are never read as a table)."""
        widget: QWidget = self  # type: ignore[assignment]  # a mixin: every user of it is a QWidget
        self.table_title = title
        self.table_headers = list(headers)
        if callable(rows):
            self._table_source, self._table_rows = rows, None
        else:
            self._table_source, self._table_rows = None, [list(r) for r in rows]
        widget.setAccessibleDescription(summary)

    @property
    def table_rows(self) -> list[list[str]]:
        if self._table_rows is None:
            source = self._table_source
            self._table_rows = [list(r) for r in source()] if source is not None else []
        return self._table_rows

    def show_table(self) -> ChartTable:
        widget: QWidget = self  # type: ignore[assignment]  # a mixin: every user of it is a QWidget
        self.table_dialog = ChartTable(
            self.table_title or widget.accessibleName(),
            self.table_headers,
            self.table_rows,
            widget,
        )
        self.table_dialog.open()
        return self.table_dialog

    def chart_key(self, event: QKeyEvent) -> bool:
        """True when the key was the table key (the caller then stops)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_T):
            self.show_table()
            return True
        return False


def summary(name: str, points: Sequence[tuple[date, float]], shown: dict[float, str]) -> str:
    """'Nausea: 12 values from 1 Sep 2026 to 30 Nov 2026; the latest Mild, the highest
    Severe on 3 Oct 2026.' shown: how a value is written (a word, or a number and unit)."""
    if not points:
        return Charts.tr("{name}: nothing to show in this period.").format(name=name)
    ordered = sorted(points)  # quick: charts hand their points over in day order
    top = max(value for _day, value in ordered)
    top_day = next(day for day, value in reversed(ordered) if value == top)  # the latest
    return Charts.tr(
        "{name}: {count} values from {first} to {last}; the latest {latest}, "
        "the highest {top} on {top_day}."
    ).format(
        name=name,
        count=len(ordered),
        first=day_text(ordered[0][0]),
        last=day_text(ordered[-1][0]),
        latest=shown.get(ordered[-1][1], f"{ordered[-1][1]:g}"),
        top=shown.get(top, f"{top:g}"),
        top_day=day_text(top_day),
    )
