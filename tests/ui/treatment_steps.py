"""What a user does with the keyboard and mouse, in small steps the page tests share."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QMessageBox, QWidget

LEFT = Qt.MouseButton.LeftButton


def click(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    assert widget.isEnabled(), widget.accessibleName()
    qtbot.mouseClick(widget, LEFT)


def type_into(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def type_date(qtbot, edit: QDateEdit, day: date) -> None:  # type: ignore[no-untyped-def]
    """Type the year and the day, and step the month with the arrow keys."""
    edit.setFocus()
    edit.setSelectedSection(QDateEdit.Section.YearSection)
    qtbot.keyClicks(edit, str(day.year))
    edit.setSelectedSection(QDateEdit.Section.MonthSection)
    while edit.date().month() != day.month:
        key = Qt.Key.Key_Up if edit.date().month() < day.month else Qt.Key.Key_Down
        qtbot.keyClick(edit, key)
    edit.setSelectedSection(QDateEdit.Section.DaySection)
    qtbot.keyClicks(edit, str(day.day))
    assert (edit.date().year(), edit.date().month(), edit.date().day()) == (
        day.year,
        day.month,
        day.day,
    )


def choose(qtbot, combo: QComboBox, shown: str) -> None:  # type: ignore[no-untyped-def]
    """Pick an item by moving through the list with the arrow keys."""
    combo.setFocus()
    target = combo.findText(shown)
    assert target >= 0, f"{shown!r} not offered"
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def answer_next_question(qtbot, yes: bool = True) -> None:  # type: ignore[no-untyped-def]
    """Click Yes (or No) in the question box the next action opens."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        wanted = QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
        qtbot.mouseClick(box.button(wanted), LEFT)

    QTimer.singleShot(0, press)
