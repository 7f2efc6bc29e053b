"""A visit's question list as a Qt model: priority order, drag and drop, asked check marks.

The model never changes the database itself: moves and check marks go through callbacks to
the visit service, and the model shows the list the service returns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListView

from companion.ui import theme
from companion.visits.model import VisitQuestionInfo

MIME_TYPE = "application/x-her2-companion-visit-question"
ItemId = int
Index = QModelIndex | QPersistentModelIndex


class VisitQuestionModel(QAbstractListModel):
    """Rows are VisitQuestionInfo in priority order (row 0 = ask first)."""

    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(
        self,
        move: Callable[[ItemId, int], Sequence[VisitQuestionInfo]],
        set_asked: Callable[[ItemId, bool], VisitQuestionInfo],
    ) -> None:
        super().__init__()
        self._items: list[VisitQuestionInfo] = []
        self._move = move
        self._set_asked = set_asked

    # -- contents ------------------------------------------------------------------------
    def set_items(self, items: Sequence[VisitQuestionInfo]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[VisitQuestionInfo]:
        return list(self._items)

    def item(self, row: int) -> VisitQuestionInfo:
        return self._items[row]

    def row_of(self, item_id: ItemId) -> int:
        return next((r for r, q in enumerate(self._items) if q.id == item_id), -1)

    def replace(self, updated: VisitQuestionInfo) -> None:
        row = self.row_of(updated.id)
        if row >= 0:
            self._items[row] = updated
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def move_item(self, item_id: ItemId, to_row: int) -> None:
        """Move through the service, then show the order it stored."""
        if not 0 <= to_row < len(self._items) or self.row_of(item_id) in (-1, to_row):
            return
        self.set_items(self._move(item_id, to_row))

    # -- QAbstractItemModel ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{index.row() + 1}.  {item.text}"
            if item.answer.strip():
                answer = " ".join(item.answer.split())
                text += "\n      " + self.tr("Answer: {answer}").format(
                    answer=answer if len(answer) <= 140 else answer[:139] + "…"
                )
            return text
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            state = self.tr("asked") if item.asked else self.tr("not asked yet")
            return self.tr("Question {number}: {text} ({state})").format(
                number=index.row() + 1, text=item.text, state=state
            )
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if item.asked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and item.asked:
            return QColor(theme.MUTED_INK)
        if role == self.IdRole:
            return item.id
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        self._items[index.row()] = self._set_asked(self._items[index.row()].id, checked)
        self.dataChanged.emit(index, index)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    # -- drag and drop: a move inside the list -------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(MIME_TYPE, QByteArray(str(self._items[rows[0]].id).encode()))
        return data

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        return action == Qt.DropAction.MoveAction and data.hasFormat(MIME_TYPE)

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            item_id = int(bytes(data.data(MIME_TYPE).data()).decode())
        except ValueError:
            return False
        source = self.row_of(item_id)
        if source < 0:
            return False
        if row < 0:  # dropped onto an item (before it) or onto empty space (at the end)
            row = parent.row() if parent.isValid() else len(self._items)
        target = row - 1 if source < row else row
        self.move_item(item_id, target)
        # The move is done; False stops the view from also removing the dragged row.
        return False

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return False  # removing goes through the page (with undo), never through a drag


class QuestionListView(QListView):
    """The list with keyboard reordering: Alt+Up / Alt+Down move the selected question."""

    move_requested = Signal(int)  # -1 up, +1 down
    remove_requested = Signal()
    edit_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setSpacing(3)
        self.setAlternatingRowColors(True)
        box = theme.em(self, 1.0)  # a check box big enough for numb fingertips
        self.setStyleSheet(f"QListView::indicator {{ width: {box}px; height: {box}px; }}")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Delete:
            self.remove_requested.emit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_F2:
            self.edit_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
