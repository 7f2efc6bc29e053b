""" "Add another symptom": type a few letters, pick from the whole vocabulary."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from companion.symptoms.service import SymptomService
from companion.ui import theme
from companion.ui.widgets.common import label


class AddSymptomDialog(QDialog):
    def __init__(self, service: SymptomService, exclude: set[str], parent: QWidget) -> None:
        super().__init__(parent)
        self._service = service
        self._exclude = exclude
        self.setWindowTitle(self.tr("Add another symptom"))
        self.setAccessibleName(self.tr("Add another symptom"))
        self.resize(theme.em(self, 28), theme.em(self, 24))
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Type a few letters, then press Enter."), "muted"))
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Search symptoms"))
        self.search.setPlaceholderText(self.tr("For example: rash, sleep, mouth"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Matching symptoms"))
        layout.addWidget(self.results, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(self.tr("Add"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._fill)
        self.search.installEventFilter(self)
        self.results.itemActivated.connect(lambda _item: self.accept())
        self._fill("")

    def _fill(self, text: str) -> None:
        self.results.clear()
        for term in self._service.search(text, limit=200):
            if term.id in self._exclude or not term.attributes:
                continue
            item = QListWidgetItem(term.term)
            item.setData(Qt.ItemDataRole.UserRole, term.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, term.term)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def eventFilter(self, watched: object, event: object) -> bool:
        # Up and Down in the search box move through the results.
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
        ):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
            self.results.setCurrentRow(row)
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]  # Qt's stubs want QObject/QEvent, never None here

    def chosen(self) -> str | None:
        item = self.results.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))
