"""Week by week: the worst answer the patient reported for each symptom, one row a week."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from companion.symptoms import wording
from companion.symptoms.history import WeekSummary
from companion.ui import theme
from companion.ui.widgets.qt_items import qdate

Index = QModelIndex | QPersistentModelIndex


class WeeklyWorstModel(QAbstractTableModel):
    def __init__(self, terms: dict[str, str]) -> None:
        super().__init__()
        self._terms = terms
        self._weeks: list[WeekSummary] = []
        self._symptoms: list[str] = []
        self._locale = QLocale()

    def load(self, weeks: list[WeekSummary], symptoms: list[str]) -> None:
        self.beginResetModel()
        self._weeks = list(reversed(weeks))  # the latest week first
        self._symptoms = list(symptoms)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._weeks)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._symptoms) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section == 0:
                return self.tr("Week of")
            if 0 < section <= len(self._symptoms):
                symptom = self._symptoms[section - 1]
                return self._terms.get(symptom, symptom)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._weeks):
            return None
        week = self._weeks[index.row()]
        column = index.column()
        if column == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._locale.toString(qdate(week.week_start), "d MMM yyyy")
            return None
        if not 0 < column <= len(self._symptoms):
            return None
        found = week.worst.get(self._symptoms[column - 1])
        if found is None:
            return "" if role == Qt.ItemDataRole.DisplayRole else None
        attribute, value = found
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return wording.answer_word(attribute, value)
        if role == Qt.ItemDataRole.BackgroundRole:
            scale = wording.max_value(attribute)
            step = round(value * (len(theme.GRADE_COLOURS) - 1) / scale) if scale else 0
            return QColor(theme.GRADE_COLOURS[step])
        if role == Qt.ItemDataRole.UserRole:
            return value
        return None
