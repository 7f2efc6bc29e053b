"""Small building blocks every page uses: headings, notes, buttons with accessible names."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


def label(text: str, role: str | None = None, *, wrap: bool = True, data: bool = False) -> QLabel:
    """A selectable label. data=True: it shows the user's data (a date, a name), not words
    of the app, so it has nothing to translate (tests/ui/test_translations.py)."""
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        widget.setProperty("role", role)
    if data:
        widget.setProperty("data", True)
    # No fixed accessible name: a label's name is its current text (Qt announces changes).
    return widget


def heading(text: str) -> QLabel:
    return label(text, "title")


class StatusLine(QLabel):
    """A line that reports what just happened ("Saved.", why a value was refused).

    Screen readers hear its current text: the name is the text itself, and each new message
    is announced politely (an error assertively).
    """

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setProperty("role", "muted")
        self.setProperty("status", True)

    def setText(self, text: str, *, error: bool = False) -> None:
        super().setText(text)
        self.setAccessibleDescription(text)
        if self.property("error") != error:
            self.setProperty("error", error)
            restyle(self)
        if text:
            announce(self, text, assertive=error)

    def show_error(self, text: str) -> None:
        self.setText(text, error=True)


def status_line() -> StatusLine:
    return StatusLine()


def restyle(widget: QWidget) -> None:
    """Re-read the style sheet after a dynamic property changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Ask screen readers to say text now (Qt 6.8+ announcement event)."""
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if assertive
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)


def button(text: str, accessible_name: str | None = None, *, primary: bool = False) -> QPushButton:
    widget = QPushButton(text)
    widget.setAccessibleName(accessible_name or text.replace("&", ""))
    widget.setAutoDefault(True)  # Enter activates the focused button, not only Space
    if primary:
        widget.setProperty("primary", True)
    return widget


def line_edit(accessible_name: str, *, clear_button: bool = True) -> QLineEdit:
    """A text field with an accessible name; its clear button is named too."""
    edit = QLineEdit()
    edit.setAccessibleName(accessible_name)
    if clear_button:
        edit.setClearButtonEnabled(True)
        for tool in edit.findChildren(QToolButton):
            tool.setAccessibleName(
                QCoreApplication.translate("QLineEdit", "Clear {field}").format(
                    field=accessible_name
                )
            )
    return edit


def note(text: str, accessible_name: str) -> QFrame:
    """A calm boxed note, e.g. 'general information; your care team decides'."""
    frame = QFrame()
    frame.setProperty("role", "note")
    frame.setAccessibleName(accessible_name)
    layout = QVBoxLayout(frame)
    body = label(text)
    body.setTextFormat(Qt.TextFormat.PlainText)
    layout.addWidget(body)
    return frame


class Page(QWidget):
    """A page of the main window. refresh() is called each time the page is shown."""

    page_id = "page"

    def refresh(self) -> None:  # pragma: no cover - pages override when they show data
        pass
