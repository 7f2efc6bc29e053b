"""Closing the window can leave the app in the tray, so dose reminders still come."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from companion.ui.medicines.reminder_settings import ReminderSettingsSection
from companion.ui.medicines.reminders import DoseReminders

pytestmark = pytest.mark.qt_log_ignore(
    "systemTrayWindowChanged",
    "does not support raise",  # the offscreen platform's own limits
)


@pytest.fixture
def tray_window(open_window, data_dir, monkeypatch):  # type: ignore[no-untyped-def]
    # The offscreen test platform has no tray; pretend this computer has one.
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    window = open_window(data_dir)
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    return window, closed


def tray_action(window, text: str):  # type: ignore[no-untyped-def]
    menu = window.findChild(DoseReminders).tray.contextMenu()
    return next(a for a in menu.actions() if a.text() == text)


def test_without_the_option_closing_the_window_ends_the_app(tray_window) -> None:  # type: ignore[no-untyped-def]
    window, closed = tray_window
    window.close()
    assert closed == [True]


def test_with_the_option_the_window_hides_and_the_tray_brings_it_back(
    tray_window, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window, closed = tray_window
    window.show_page("settings")
    section = window.page("settings").findChild(ReminderSettingsSection)
    box = section.keep_in_tray
    assert box.isEnabled()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    assert box.isChecked()

    window.close()
    assert window.isHidden() and closed == []  # still running, in the tray

    tray_action(window, "Open HER2 Companion").trigger()
    assert window.isVisible() and window.current_page() is window.page("today")

    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    window.close()
    assert window.isHidden() and closed == []
    tray_action(window, "Quit HER2 Companion").trigger()
    assert closed == [True] and quits == [True]


def test_the_option_is_off_when_reminders_are_off(tray_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, closed = tray_window
    window.settings.setValue("reminders/keep_in_tray", "true")
    window.settings.setValue("reminders/enabled", "false")
    window.close()
    assert closed == [True]
