"""The symptom log as a Qt table model: one row per answer, filtered and sorted in Python
over plain tuples, so 100,000 answers stay quick (no proxy model calling data() per
comparison)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from companion.symptoms import wording
from companion.symptoms.history import LogRow, TreatmentPeriod
from companion.ui import theme

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class LogFilter:
    symptom_id: str | None = None
    start: date | None = None
    end: date | None = None
    period: TreatmentPeriod | None = None  # a treatment line

    def accepts(self, row: LogRow) -> bool:
        return (
            (self.symptom_id is None or row[1] == self.symptom_id)
            and (self.start is None or row[0] >= self.start)
            and (self.end is None or row[0] <= self.end)
            and (self.period is None or self.period.contains(row[0]))
        )


class LogTableModel(QAbstractTableModel):
    DATE, SYMPTOM, QUESTION, ANSWER, TREATMENT, FLAG = range(6)

    def __init__(self, terms: dict[str, str]) -> None:
        super().__init__()
        self._terms = terms
        self._all: list[LogRow] = []
        self._rows: list[LogRow] = []
        self._periods: list[TreatmentPeriod] = []
        self._starts: list[date] = []
        self._flags: dict[tuple[date, str], str] = {}
        self._filter = LogFilter()
        self._sort: tuple[int, Qt.SortOrder] = (self.DATE, Qt.SortOrder.DescendingOrder)
        self._locale = QLocale()
        self._headers = [
            self.tr("Date"),
            self.tr("Symptom"),
            self.tr("Asked about"),
            self.tr("Answer"),
            self.tr("Treatment"),
            self.tr("Red flag"),
        ]

    # -- loading, filtering, sorting ------------------------------------------------------
    def load(
        self,
        rows: list[LogRow],
        periods: list[TreatmentPeriod],
        flags: dict[tuple[date, str], str],
    ) -> None:
        self.beginResetModel()
        self._all = rows
        self._periods = sorted(periods, key=lambda p: p.start)
        self._starts = [p.start for p in self._periods]
        self._flags = flags
        self._apply()
        self.endResetModel()

    def set_filter(self, wanted: LogFilter) -> None:
        self.beginResetModel()
        self._filter = wanted
        self._apply()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_rows()
        self.layoutChanged.emit()

    def _apply(self) -> None:
        wanted = self._filter
        if wanted == LogFilter():
            self._rows = list(self._all)
        else:
            self._rows = [r for r in self._all if wanted.accepts(r)]
        self._sort_rows()

    def _sort_rows(self) -> None:
        column, order = self._sort
        reverse = order == Qt.SortOrder.DescendingOrder
        terms = self._terms
        if column == self.SYMPTOM:
            self._rows.sort(key=lambda r: (terms.get(r[1], r[1]), r[2], r[0]), reverse=reverse)
        elif column == self.QUESTION:
            self._rows.sort(key=lambda r: (r[2], r[0]), reverse=reverse)
        elif column == self.ANSWER:
            self._rows.sort(key=lambda r: (r[3], r[0]), reverse=reverse)
        elif column == self.TREATMENT:
            self._rows.sort(key=lambda r: (self._period_index(r[0]), r[0]), reverse=reverse)
        elif column == self.FLAG:
            order_of = wording.URGENCY_ORDER
            self._rows.sort(
                key=lambda r: (-order_of.get(self._flags.get((r[0], r[1]), ""), 9), r[0]),
                reverse=reverse,
            )
        else:
            self._rows.sort(key=lambda r: (r[0], terms.get(r[1], r[1]), r[2]), reverse=reverse)

    def _period_index(self, day: date) -> int:
        index = bisect.bisect_right(self._starts, day) - 1
        if index >= 0 and self._periods[index].contains(day):
            return index
        return -1

    # -- reading ---------------------------------------------------------------------
    def row_data(self, row: int) -> LogRow:
        return self._rows[row]

    def total(self) -> int:
        return len(self._all)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
            and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        day, symptom_id, attribute, value = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.DATE:
                return self._locale.toString(QDate(day), "ddd d MMM yyyy")
            if column == self.SYMPTOM:
                return self._terms.get(symptom_id, symptom_id)
            if column == self.QUESTION:
                return wording.attribute_name(attribute)
            if column == self.ANSWER:
                return f"{value} · {wording.answer_word(attribute, value)}"
            if column == self.TREATMENT:
                period = self._period_index(day)
                return self._periods[period].label if period >= 0 else "—"
            if column == self.FLAG:
                urgency = self._flags.get((day, symptom_id))
                return wording.urgency_name(urgency) if urgency else ""
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column == self.ANSWER:
            scale = wording.max_value(attribute)
            step = round(value * (len(theme.GRADE_COLOURS) - 1) / scale) if scale else 0
            return QColor(theme.GRADE_COLOURS[step])
        if role == Qt.ItemDataRole.ForegroundRole and column == self.FLAG:
            return QColor(theme.RED_FLAG_MARK)
        if role == Qt.ItemDataRole.UserRole:
            return (day, symptom_id, attribute, value)
        return None
