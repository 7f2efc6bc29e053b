"""One question with its answers as big buttons: one click or one key per answer.

The row itself takes the keyboard focus (Tab / arrow keys move between rows); its buttons
are for the mouse. Keys: the digit of an answer chooses it (for 0–10 scales, "+" or "="
chooses 10), Left/Right step through the answers, Delete or Backspace clears the answer,
Up/Down move to the previous/next question.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAccessible, QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
)

from companion.ui import accessibility, theme


class AnswerButton(QPushButton):
    """One answer: a radio button to screen readers (one choice among the row's)."""

    accessible_role = QAccessible.Role.RadioButton


class AnswerRow(QFrame):
    accessible_role = QAccessible.Role.Grouping  # the question groups its answers
    answered = Signal(object)  # int | None, when the user chooses or clears an answer
    move_requested = Signal(int)  # -1 previous question, +1 next question
    focused = Signal()

    def __init__(
        self,
        title: str,
        question: str,
        words: Sequence[str],
        *,
        anchors: tuple[str, str] | None = None,
        show_numbers: bool = True,
    ) -> None:
        super().__init__()
        self.setProperty("role", "question")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = title
        self.question = question
        self.words = list(words)
        self._value: int | None = None
        layout = QVBoxLayout(self)
        spacing = theme.em(self, 0.25)
        layout.setContentsMargins(spacing * 2, spacing, spacing * 2, spacing)
        layout.setSpacing(spacing)
        self.question_label = QLabel(question)
        self.question_label.setWordWrap(True)
        layout.addWidget(self.question_label)
        buttons = QHBoxLayout()
        buttons.setSpacing(spacing)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # so that clicking the chosen answer can clear it
        self.buttons: list[QPushButton] = []
        for index, word in enumerate(self.words):
            text = f"{index}  {word}" if show_numbers and word != str(index) else word
            button = AnswerButton(text)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setProperty("role", "answer")
            button.setAccessibleName(self.tr("{word} (key {key})").format(word=word, key=index))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.group.addButton(button, index)
            buttons.addWidget(button)
            self.buttons.append(button)
        layout.addLayout(buttons)
        if anchors:
            ends = QHBoxLayout()
            low, high = (QLabel(a) for a in anchors)
            for end in (low, high):
                end.setProperty("role", "muted")
            high.setAlignment(Qt.AlignmentFlag.AlignRight)
            ends.addWidget(low)
            ends.addStretch(1)
            ends.addWidget(high)
            layout.addLayout(ends)
        self.group.idClicked.connect(self._clicked)
        self._describe()

    # -- value ------------------------------------------------------------------------
    def value(self) -> int | None:
        return self._value

    def set_value(self, value: int | None) -> None:
        """Show a value without emitting answered (loading, undo)."""
        self._value = value
        for index, button in enumerate(self.buttons):
            if button.isChecked() != (index == value):
                button.setChecked(index == value)
                accessibility.checked_changed(button)
        self._describe()

    def choose(self, value: int | None) -> None:
        """Choose as the user would: show it and emit answered."""
        if value is not None and not 0 <= value < len(self.buttons):
            return
        self.set_value(value)
        self.answered.emit(value)

    def _clicked(self, index: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.choose(None if self._value == index else index)

    def _describe(self) -> None:
        answer = self.words[self._value] if self._value is not None else self.tr("not answered")
        self.setAccessibleName(f"{self.title}. {self.question}")
        self.setAccessibleDescription(
            self.tr("Answer: {answer}. Press 0 to {top}.").format(
                answer=answer, top=len(self.words) - 1
            )
        )

    # -- keyboard -----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        text = event.text()
        top = len(self.buttons) - 1
        if text.isdigit() and len(text) == 1 and int(text) <= top:
            self.choose(int(text))
            self.move_requested.emit(1)
        elif text in ("+", "=") and top >= 10:
            self.choose(10)
            self.move_requested.emit(1)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            if self._value is not None:
                self.choose(None)
        elif key == Qt.Key.Key_Right:
            self.choose(0 if self._value is None else min(top, self._value + 1))
        elif key == Qt.Key.Key_Left:
            self.choose(0 if self._value is None else max(0, self._value - 1))
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.move_requested.emit(1)
        elif key == Qt.Key.Key_Up:
            self.move_requested.emit(-1)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()
