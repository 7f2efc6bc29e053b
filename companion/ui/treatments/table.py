"""A titled table of saved entries with its buttons: the building block of each tab."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from companion.ui import theme
from companion.ui.widgets.common import button, label
from companion.ui.widgets.qt_items import cell

ID_ROLE = Qt.ItemDataRole.UserRole


def share_width(natural: list[int], least: list[int], wide: Sequence[int], room: int) -> list[int]:
    """Column widths for room pixels. Short columns take their natural (one-line) width and
    the wide ones share the rest, wrapping. When that would leave a wide column narrower than
    its longest word (a word cut in two, "trastuzum"), every column wraps instead: each keeps
    its longest word and the rest of the room goes where the text is longest."""
    widths = [0 if c in wide else n for c, n in enumerate(natural)]
    spare = room - sum(widths)
    wide_least = sum(least[c] for c in wide)
    if wide and spare >= wide_least:
        extra = spare - wide_least
        for index, column in enumerate(wide):
            share = extra // len(wide)
            if index == len(wide) - 1:
                share = extra - share * index  # the last one takes the odd pixels
            widths[column] = least[column] + share
        return widths
    widths = list(least)
    extra = room - sum(least)
    wants: list[int] = [max(0, n - m) for n, m in zip(natural, least, strict=True)]
    total = sum(wants)
    if extra > 0 and total:
        for column, want in enumerate(wants):
            widths[column] += min(want, extra * want // total)
    return widths


class EntryTable(QTableWidget):
    """Rows of entries; Enter (or a double click) opens the entry. Short columns fit their
    text; the wide ones share the rest of the width, and rows grow to show wrapped text whole.

    Row heights follow the wide columns' width. With Qt's own stretching that width follows
    the room beside the table's scroll bar, and the bar follows the row heights: the loop
    never settled (the bar flipped on and off for ever) and fitting the rows from inside
    Qt's section layout re-entered it until the app crashed. So the columns share the
    table's width less the bar's room, whether or not the bar shows, and are sized once,
    after the layout, by a timer the table owns."""

    opened = Signal(int)

    def __init__(
        self, rows: int, columns: int, wide_columns: Sequence[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(rows, columns, parent)
        self._wide = sorted({c % columns for c in wide_columns})
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # sized by fit_to_width
        header.setStretchLastSection(False)
        self._fit = QTimer(self)  # a child: it never fires after the table is gone
        self._fit.setSingleShot(True)
        self._fit.setInterval(0)
        self._fit.timeout.connect(self.fit_to_width)

    def _longest_word(self, column: int) -> int:
        metrics = self.fontMetrics()
        header = self.horizontalHeaderItem(column)
        widest = metrics.horizontalAdvance(header.text()) if header is not None else 0
        for row in range(self.rowCount()):
            item = self.item(row, column)
            for word in item.text().split() if item is not None else ():
                widest = max(widest, metrics.horizontalAdvance(word))
        return widest + theme.em(self, 0.7)  # the cell's margins

    def fit_to_width(self) -> None:
        """Size the columns to the width, then fit each row to its text."""
        header = self.horizontalHeader()
        room = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
        shown = [c for c in range(self.columnCount()) if not header.isSectionHidden(c)]
        natural = [max(self.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in shown]
        least = [min(self._longest_word(c), n) for c, n in zip(shown, natural, strict=True)]
        wide = [shown.index(c) for c in self._wide if c in shown]
        for column, width in zip(shown, share_width(natural, least, wide, room), strict=True):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
        self.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit.start()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            row_id = cell(self, self.currentRow(), 0).data(ID_ROLE)
            self.opened.emit(int(row_id))
            return
        super().keyPressEvent(event)


class RecordTable(QWidget):
    opened = Signal(int)
    selection_changed = Signal()

    def __init__(
        self,
        title: str,
        headers: Sequence[str],
        empty_text: str,
        stretch: Sequence[int] = (-1,),
        parent: QWidget | None = None,
    ) -> None:
        """parent: where the table goes. A table is polished by the style sheet as it is
        made, and each move to a new parent polishes it again; made in place, it is not."""
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = label(title, "subtitle")
        layout.addWidget(self.title)
        self.table = EntryTable(0, len(headers), stretch, self)
        self.table.setAccessibleName(title)
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # As tall as its rows (a short list leaves room below), scrolling when space runs out.
        self.table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(
            lambda item: self.opened.emit(int(cell(self.table, item.row(), 0).data(ID_ROLE)))
        )
        self.table.opened.connect(self.opened)
        layout.addWidget(self.table)
        self.empty = label(empty_text, "muted")
        layout.addWidget(self.empty)
        self.button_row = QHBoxLayout()
        self.button_row.addStretch(1)
        layout.addLayout(self.button_row)
        layout.addStretch(1)
        self._needs_selection: list[QPushButton] = []

    def add_button(
        self,
        text: str,
        slot: Callable[[], object],
        *,
        needs_selection: bool = True,
        primary: bool = False,
    ) -> QPushButton:
        widget = button(text, primary=primary)
        widget.clicked.connect(lambda _=False: slot())
        self.button_row.insertWidget(self.button_row.count() - 1, widget)
        if needs_selection:
            self._needs_selection.append(widget)
            widget.setEnabled(self.current_id() is not None)
        return widget

    def set_rows(
        self, rows: Sequence[tuple[int, Sequence[str]]], colours: dict[int, str] | None = None
    ) -> None:
        """Replace the rows, keeping the selected entry selected."""
        keep = self.current_id()
        self.table.setRowCount(len(rows))
        for index, (row_id, cells) in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, row_id)
                item.setToolTip(text)
                if colours and row_id in colours:
                    item.setBackground(QColor(colours[row_id]))
                self.table.setItem(index, column, item)
        self.table.fit_to_width()
        self.empty.setVisible(not rows)
        if keep is not None:
            self.select_id(keep)
        self._selection_changed()

    def current_id(self) -> int | None:
        row = self.table.currentRow()
        if row < 0 or not self.table.selectionModel().hasSelection():
            return None
        item = self.table.item(row, 0)
        return int(item.data(ID_ROLE)) if item is not None else None

    def select_id(self, row_id: int) -> bool:
        for row in range(self.table.rowCount()):
            if cell(self.table, row, 0).data(ID_ROLE) == row_id:
                self.table.selectRow(row)
                self.table.setCurrentCell(row, 0)
                return True
        return False

    def row_texts(self) -> list[list[str]]:
        """What the table shows, row by row (for tests and screen readers)."""
        return [
            [cell(self.table, r, c).text() for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]

    def _selection_changed(self) -> None:
        has = self.current_id() is not None
        for widget in self._needs_selection:
            widget.setEnabled(has)
        self.selection_changed.emit()
