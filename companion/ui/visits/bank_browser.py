"""The question bank by topic: filter, then add a question to the visit's list."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from companion.library.model import BankQuestion
from companion.ui.widgets.common import button, label
from companion.ui.widgets.qt_items import child_items, top_items
from companion.visits.bank import QuestionBank

QUESTION_ROLE = Qt.ItemDataRole.UserRole + 1


class BankBrowser(QWidget):
    """Emits add_requested(question) for the chosen bank question."""

    add_requested = Signal(object)

    def __init__(self, bank: QuestionBank) -> None:
        super().__init__()
        self._bank = bank
        self._on_list: set[str] = set()
        self._loaded = False
        self.setAccessibleName(self.tr("Question bank"))
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    def _build(self) -> None:
        """The filter, the tree and the button: made by the first load(), when the tab is
        first opened (most visits never open it, and each widget costs the page's first
        showing its style-sheet polish)."""
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Find a question, e.g. scan, work, trial"))
        self.filter_edit.setAccessibleName(self.tr("Find in the question bank"))
        self.filter_edit.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAccessibleName(self.tr("Questions by topic"))
        self.tree.setAlternatingRowColors(True)
        self.add_button = button(self.tr("Add to &my list"), self.tr("Add the chosen question"))
        self.add_button.setProperty("primary", True)
        self.empty_label = label(
            self.tr("The question bank is not available right now. You can still write your own.")
        )
        self.empty_label.hide()
        row = QHBoxLayout()
        row.addWidget(
            label(self.tr("Questions many people ask. Choose one and add it."), "muted"), 1
        )
        row.addWidget(self.add_button)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)  # made in __init__
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(row)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.tree.itemActivated.connect(lambda *_: self._add_current())
        self.tree.currentItemChanged.connect(lambda *_: self._update_button())
        self.add_button.clicked.connect(self._add_current)

    def load(self) -> None:
        """(Re)read the bank: it may have grown since the last time."""
        if not self._loaded:
            self._build()
        current = self.current_question()
        self.tree.clear()
        groups = self._bank.groups()
        for group in groups:
            parent = QTreeWidgetItem([f"{group.label} ({len(group.questions)})"])
            parent.setData(0, Qt.ItemDataRole.AccessibleTextRole, group.label)
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(parent)
            for question in group.questions:
                child = QTreeWidgetItem([question.text])
                child.setData(0, QUESTION_ROLE, question)
                child.setToolTip(
                    0, self.tr("Source: {sources}").format(sources=", ".join(question.sources))
                )
                parent.addChild(child)
        self.empty_label.setVisible(not groups)
        self.tree.setVisible(bool(groups))
        self._loaded = True
        self.set_on_list(self._on_list)
        self._apply_filter(self.filter_edit.text())
        if current is not None:
            self.select(current.id)

    def set_on_list(self, bank_ids: set[str]) -> None:
        """Mark the questions the visit already has, so they are not added twice."""
        self._on_list = set(bank_ids)
        if not self._loaded:
            return  # marked by the first load()
        for child in self._children():
            question: BankQuestion = child.data(0, QUESTION_ROLE)
            on_list = question.id in self._on_list
            child.setText(0, ("✓ " if on_list else "") + question.text)
            child.setData(
                0,
                Qt.ItemDataRole.AccessibleTextRole,
                self.tr("{text} (on your list)").format(text=question.text)
                if on_list
                else question.text,
            )
        self._update_button()

    def _children(self) -> list[QTreeWidgetItem]:
        return [child for parent in top_items(self.tree) for child in child_items(parent)]

    def _apply_filter(self, text: str) -> None:
        words = text.casefold().split()
        for parent in top_items(self.tree):
            visible = 0
            for child in child_items(parent):
                haystack = f"{child.text(0)} {parent.text(0)}".casefold()
                hidden = any(w not in haystack for w in words)
                child.setHidden(hidden)
                visible += not hidden
            parent.setHidden(visible == 0)
            parent.setExpanded(bool(words) or parent.isExpanded())
        if not words:
            return
        first = next((c for c in self._children() if not c.isHidden()), None)
        if first is not None:
            self.tree.setCurrentItem(first)

    def current_question(self) -> BankQuestion | None:
        if not self._loaded:
            return None
        item = self.tree.currentItem()
        return item.data(0, QUESTION_ROLE) if item is not None else None

    def select(self, bank_id: str) -> None:
        for child in self._children():
            if child.data(0, QUESTION_ROLE).id == bank_id:
                parent = child.parent()
                if parent is not None:
                    parent.setExpanded(True)
                self.tree.setCurrentItem(child)
                return

    def _update_button(self) -> None:
        question = self.current_question()
        self.add_button.setEnabled(question is not None and question.id not in self._on_list)

    def _add_current(self) -> None:
        question = self.current_question()
        if question is not None and question.id not in self._on_list:
            self.add_requested.emit(question)
