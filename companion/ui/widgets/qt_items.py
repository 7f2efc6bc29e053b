"""Small typed helpers over Qt's item views and dates: Qt's stubs say an item at a valid
index may be None, and take no Python date; these say what the code relies on, once."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QLayoutItem,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def local_qdatetime(moment: datetime) -> QDateTime:
    """A stored (UTC) moment as a QDateTime in the computer's time zone, for display."""
    local = moment.astimezone()
    return QDateTime(qdate(local.date()), QTime(local.hour, local.minute, local.second))


def top_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    items = (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
    return [item for item in items if item is not None]


def child_items(parent: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    items = (parent.child(i) for i in range(parent.childCount()))
    return [item for item in items if item is not None]


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The item of a cell the table filled (every cell of a RecordTable has one)."""
    item = table.item(row, column)
    if item is None:
        raise LookupError(f"no item at row {row}, column {column}")
    return item


def layout_widget(item: QLayoutItem | None) -> QWidget | None:
    return item.widget() if item is not None else None


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
