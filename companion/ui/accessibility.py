"""What assistive technology is told about our own widgets, beyond Qt's defaults.

Qt gives a plain frame or push button a generic role. Here a factory gives:
- the red-flag panel the role of an alert (AT-SPI "alert"), so screen readers announce it;
- a check-in question the role of a group (named by the question), and its answer buttons
  the role of radio buttons with a checked state: one choice among several.
Widgets opt in with a class attribute `accessible_role`; the factory keeps the interface
on the widget, because Qt does not own a Python-made interface.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleStateChangeEvent
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QWidget


class _RoleInterface(QAccessibleWidget):
    def __init__(self, widget: QWidget, role: QAccessible.Role) -> None:
        super().__init__(widget, role)
        self._role = role

    def text(self, kind: QAccessible.Text) -> str:
        found = super().text(kind)
        widget = self.widget()
        if kind == QAccessible.Text.Name and not found and isinstance(widget, QAbstractButton):
            return widget.text().replace("&", "")
        return found

    def state(self) -> QAccessible.State:
        state = super().state()
        widget = self.widget()
        if isinstance(widget, QAbstractButton) and widget.isCheckable():
            state.checkable = True
            state.checked = widget.isChecked()
        return state


def _factory(key: str, obj: QObject) -> QAccessibleWidget | None:
    role = getattr(type(obj), "accessible_role", None)
    if role is None or not isinstance(obj, QWidget):
        return None
    interface = _RoleInterface(obj, role)
    obj.setProperty("has_accessible_interface", True)
    obj.__dict__["_accessible_interface"] = interface  # Python keeps it alive
    return interface


def checked_changed(button: QAbstractButton) -> None:
    """Tell screen readers that a radio-like button was checked or cleared."""
    state = QAccessible.State()
    state.checked = True
    QAccessible.updateAccessibility(QAccessibleStateChangeEvent(button, state))


QAccessible.installFactory(_factory)
