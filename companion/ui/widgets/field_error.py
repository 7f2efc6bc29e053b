"""Why a typed value was refused, shown next to its field.

The field keeps what was typed and is marked (a red frame from the theme); the reason sits
beside it, is the field's accessible description, and is announced to screen readers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from companion.ui.widgets.common import announce, restyle


class FieldError(QLabel):
    def __init__(self, field: QWidget) -> None:
        super().__init__()
        self.field = field
        self.setWordWrap(True)
        self.setProperty("role", "field-error")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.show()
        self.field.setProperty("invalid", True)
        restyle(self.field)
        self.field.setAccessibleDescription(text)
        announce(self.field, text, assertive=True)

    def clear_error(self) -> None:
        if self.isHidden() and not self.field.property("invalid"):
            return
        self.hide()
        self.setText("")
        self.field.setProperty("invalid", False)
        restyle(self.field)
        self.field.setAccessibleDescription("")

    def has_error(self) -> bool:
        return bool(self.field.property("invalid"))
