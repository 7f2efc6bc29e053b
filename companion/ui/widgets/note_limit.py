"""A character counter under a long text field that keeps the text within its limit.

A paste longer than the limit is cut at the limit (not refused whole), and the counter says
so; screen readers hear that message once, not every keystroke's count.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from companion.ui.widgets.common import announce


class NoteLimit(QLabel):
    def __init__(self, edit: QPlainTextEdit, limit: int) -> None:
        super().__init__()
        self.edit = edit
        self.limit = limit
        self.setProperty("role", "muted")
        self._trimming = False
        edit.textChanged.connect(self._changed)
        self._changed()

    def _changed(self) -> None:
        if self._trimming:
            return
        text = self.edit.toPlainText()
        cut = len(text) > self.limit
        if cut:
            self._trimming = True
            cursor = self.edit.textCursor()
            position = min(cursor.position(), self.limit)
            self.edit.setPlainText(text[: self.limit])
            cursor = self.edit.textCursor()
            cursor.setPosition(position, QTextCursor.MoveMode.MoveAnchor)
            self.edit.setTextCursor(cursor)
            self._trimming = False
        locale = QLocale()
        count = locale.toString(min(len(text), self.limit))
        most = locale.toString(self.limit)
        if cut:
            message = self.tr(
                "The note holds up to {limit} characters; the rest was not kept."
            ).format(limit=most)
            self.setText(message)
            announce(self.edit, message, assertive=True)
        else:
            self.setText(self.tr("{count} of {limit} characters").format(count=count, limit=most))
        self.edit.setAccessibleDescription(self.text())
