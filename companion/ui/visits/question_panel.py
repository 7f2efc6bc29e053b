"""One visit's question list: add your own, reorder, edit, remove, mark asked, answer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QHideEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from companion.errors import ValidationError
from companion.ui import theme
from companion.ui.visits.question_model import QuestionListView, VisitQuestionModel
from companion.ui.widgets.common import button, label, status_line
from companion.visits.model import VisitQuestionInfo
from companion.visits.service import VisitService

ANSWER_SAVE_DELAY_MS = 400


class AnswerEdit(QPlainTextEdit):
    """The answer box; leaving it saves at once (the timer saves while typing)."""

    left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.left.emit()
        super().focusOutEvent(event)


class RemoveQuestionCommand(QUndoCommand):
    def __init__(self, panel: QuestionPanel, item: VisitQuestionInfo) -> None:
        super().__init__(QCoreApplication.translate("QuestionPanel", "Remove question"))
        self._panel = panel
        self._item = item
        self._removed: VisitQuestionInfo | None = None

    def redo(self) -> None:
        self._removed = self._panel.visits.remove_question(self._item.id)
        self._panel.reload()

    def undo(self) -> None:
        if self._removed is not None:
            restored = self._panel.visits.restore_question(self._removed)
            self._item = restored
            self._panel.reload(select_id=restored.id)


class QuestionPanel(QWidget):
    """Shows and changes the list of the visit given to show_visit()."""

    changed = Signal()  # the list changed (count, order or answers)

    def __init__(self, visits: VisitService, undo_stack: QUndoStack | None = None) -> None:
        super().__init__()
        self.visits = visits
        self._undo = undo_stack
        self._visit_id: int | None = None
        self._answer_item: int | None = None
        self.setAccessibleName(self.tr("Questions for this visit"))

        self.own_edit = QLineEdit()
        self.own_edit.setPlaceholderText(self.tr("Type your own question, then press Enter"))
        self.own_edit.setAccessibleName(self.tr("Your own question"))
        self.own_edit.setClearButtonEnabled(True)
        self.add_button = button(self.tr("&Add question"))
        own_row = QHBoxLayout()
        own_caption = QLabel(self.tr("Your &question"))
        own_caption.setBuddy(self.own_edit)  # Alt+Q
        own_row.addWidget(own_caption)
        own_row.addWidget(self.own_edit, 1)
        own_row.addWidget(self.add_button)

        self.model = VisitQuestionModel(self.visits.move_question, self.visits.set_asked)
        self.view = QuestionListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Question list, most important first"))
        self.view.setAccessibleDescription(
            self.tr(
                "Alt+Up and Alt+Down move the selected question. Space marks it asked. "
                "F2 edits it, Delete removes it."
            )
        )
        self.up_button = button(self.tr("Move &up"), self.tr("Move question up"))
        self.down_button = button(self.tr("Move do&wn"), self.tr("Move question down"))
        self.edit_button = button(self.tr("&Edit…"), self.tr("Edit question"))
        self.remove_button = button(self.tr("&Remove"), self.tr("Remove question"))
        side = QVBoxLayout()
        for widget in (self.up_button, self.down_button, self.edit_button, self.remove_button):
            side.addWidget(widget)
        side.addStretch(1)
        list_row = QHBoxLayout()
        list_row.addWidget(self.view, 1)
        list_row.addLayout(side)

        self.hint = label(
            self.tr("Drag to reorder, or use Alt+Up and Alt+Down. Tick a question once asked."),
            "muted",
        )
        self.answer_title = label("", "subtitle")
        self.answer_title.setAccessibleName(self.tr("Selected question"))
        self.asked_box = QCheckBox(self.tr("&Asked at the visit"))
        self.asked_box.setAccessibleName(self.tr("Asked at the visit"))
        self.answer_edit = AnswerEdit()
        self.answer_edit.setAccessibleName(self.tr("Answer"))
        self.answer_edit.setPlaceholderText(
            self.tr("Write the answer here. It is saved as you type.")
        )
        self.answer_edit.setTabChangesFocus(True)
        theme.size_in_lines(self.answer_edit, min_height=3.5, max_height=6)
        self.message = status_line()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(own_row)
        layout.addLayout(list_row, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.answer_title)
        layout.addWidget(self.asked_box, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.answer_edit)
        layout.addWidget(self.message)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(ANSWER_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_answer)

        self.own_edit.returnPressed.connect(self.add_own)
        self.add_button.clicked.connect(self.add_own)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.view.move_requested.connect(self.move_selected)
        self.view.remove_requested.connect(self.remove_selected)
        self.view.edit_requested.connect(self.edit_selected)
        self.view.selectionModel().currentChanged.connect(self._show_answer)
        self.model.modelReset.connect(self._show_answer)
        self.model.dataChanged.connect(self._sync_asked_box)
        self.asked_box.toggled.connect(self._asked_toggled)
        self.answer_edit.textChanged.connect(self._answer_typed)
        self.answer_edit.left.connect(self.save_answer)
        self.show_visit(None)

    # -- which visit ---------------------------------------------------------------------
    def show_visit(self, visit_id: int | None) -> None:
        self.save_answer()
        self._visit_id = visit_id
        self.message.setText("")
        self.reload()
        enabled = visit_id is not None
        for widget in (self.own_edit, self.add_button, self.view):
            widget.setEnabled(enabled)

    def reload(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.selected_id()
        self.model.set_items(self.visits.questions(self._visit_id) if self._visit_id else [])
        self.select(keep)
        self.changed.emit()

    def select(self, item_id: int | None) -> None:
        row = self.model.row_of(item_id) if item_id is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self._show_answer()

    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.item(index.row()).id if index.isValid() else None

    def _selected(self) -> VisitQuestionInfo | None:
        index = self.view.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    # -- adding, moving, editing, removing -----------------------------------------------
    def add_own(self) -> None:
        if self._visit_id is None:
            return
        try:
            added = self.visits.add_question(self._visit_id, self.own_edit.text())
        except ValidationError as exc:
            self.message.show_error(str(exc))
            return
        self.own_edit.clear()
        self.message.setText(self.tr("Added to the end of the list."))
        self.reload(select_id=added.id)

    def add_question(self, text: str, topic: str, bank_id: str | None = None) -> bool:
        """Add a question from the bank or a suggestion; False (with a message) if refused."""
        if self._visit_id is None:
            return False
        try:
            added = self.visits.add_question(self._visit_id, text, topic, bank_id)
        except ValidationError as exc:
            self.message.show_error(str(exc))
            return False
        self.message.setText(self.tr("Added to the end of the list."))
        self.reload(select_id=added.id)
        return True

    def move_selected(self, step: int) -> None:
        item = self._selected()
        if item is None:
            return
        self.save_answer()
        row = self.model.row_of(item.id)
        self.model.move_item(item.id, row + step)
        self.select(item.id)
        self.view.setFocus()
        self.changed.emit()

    def edit_selected(self) -> None:
        item = self._selected()
        if item is None:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Edit question"))
        dialog.setLabelText(self.tr("Question:"))
        dialog.setTextValue(item.text)
        dialog.setAccessibleName(self.tr("Edit question"))
        dialog.textValueSelected.connect(lambda text: self._save_edit(item.id, text))
        self.edit_dialog = dialog
        dialog.open()

    def _save_edit(self, item_id: int, text: str) -> None:
        try:
            self.visits.edit_question(item_id, text)
        except ValidationError as exc:
            self.message.show_error(str(exc))
            return
        self.message.setText(self.tr("Question changed."))
        self.reload(select_id=item_id)

    def remove_selected(self) -> None:
        item = self._selected()
        if item is None:
            return
        self.save_answer()
        command = RemoveQuestionCommand(self, item)
        if self._undo is not None:
            self._undo.push(command)
            self.message.setText(self.tr("Question removed. Undo with Ctrl+Z."))
        else:
            command.redo()
            self.message.setText(self.tr("Question removed."))

    # -- asked and answer ----------------------------------------------------------------
    def _show_answer(self) -> None:
        self.save_answer()  # what was typed for the previous question
        item = self._selected()
        self._answer_item = None
        self.asked_box.blockSignals(True)
        self.answer_edit.blockSignals(True)
        self.asked_box.setChecked(bool(item and item.asked))
        self.answer_edit.setPlainText(item.answer if item else "")
        self.asked_box.blockSignals(False)
        self.answer_edit.blockSignals(False)
        has_item = item is not None
        for widget in (
            self.asked_box,
            self.answer_edit,
            self.up_button,
            self.down_button,
            self.edit_button,
            self.remove_button,
        ):
            widget.setEnabled(has_item)
        if item is None:
            self.answer_title.setText(
                self.tr("No questions yet. Add your own above, or pick some from the bank.")
                if self._visit_id
                else ""
            )
        else:
            row = self.model.row_of(item.id)
            self.answer_title.setText(
                self.tr("Question {number}: {text}").format(number=row + 1, text=item.text)
            )
            self._answer_item = item.id
        self.answer_title.setAccessibleName(self.answer_title.text())

    def _sync_asked_box(self) -> None:
        item = self._selected()
        if item is not None and self.asked_box.isChecked() != item.asked:
            self.asked_box.blockSignals(True)
            self.asked_box.setChecked(item.asked)
            self.asked_box.blockSignals(False)

    def _asked_toggled(self, checked: bool) -> None:
        item = self._selected()
        if item is not None:
            self.model.replace(self.visits.set_asked(item.id, checked))
            self.changed.emit()

    def _answer_typed(self) -> None:
        self._save_timer.start()

    def save_answer(self) -> None:
        """Save the answer box now (also called when leaving it or the list)."""
        self._save_timer.stop()
        if self._answer_item is None:
            return
        current = self.model.row_of(self._answer_item)
        if current < 0:
            return
        text = self.answer_edit.toPlainText()
        if self.model.item(current).answer == text:
            return
        try:
            self.model.replace(self.visits.set_answer(self._answer_item, text))
        except ValidationError as exc:
            self.message.show_error(str(exc))
            return
        self.message.setText(self.tr("Answer saved."))

    def hideEvent(self, event: QHideEvent) -> None:
        self.save_answer()
        super().hideEvent(event)
