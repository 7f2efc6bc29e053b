"""Dose reminders while the app runs: a tray notification when the system has a tray,
always a reminder bar in the window, repeated until the dose is answered or snoozed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QMenu,
    QSystemTrayIcon,
    QVBoxLayout,
)

from companion.medicines.model import DueItem
from companion.medicines.reminders import ReminderSettings, ReminderState, reminders_due
from companion.medicines.service import ScheduleService
from companion.medicines.wording import amount_text
from companion.resource_files import resources_root
from companion.ui.widgets.common import button, label

CHECK_EVERY_MS = 30_000
SNOOZE = timedelta(minutes=15)


def _time(value: object, fallback: time | None) -> time | None:
    try:
        hours, minutes = str(value).split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        return fallback


KEEP_IN_TRAY = "reminders/keep_in_tray"


def keeps_running_in_tray(settings: QSettings) -> bool:
    """Closing the window leaves the app in the tray (only while reminders are on)."""
    on = str(settings.value(KEEP_IN_TRAY, "false")).lower() == "true"
    return on and read_settings(settings).enabled


def read_settings(settings: QSettings) -> ReminderSettings:
    enabled = str(settings.value("reminders/enabled", "true")).lower() == "true"
    try:
        repeat = max(1, int(str(settings.value("reminders/repeat_minutes", 10))))
    except ValueError:
        repeat = 10
    quiet = str(settings.value("reminders/quiet", "false")).lower() == "true"
    return ReminderSettings(
        enabled=enabled,
        repeat=timedelta(minutes=repeat),
        quiet_start=_time(settings.value("reminders/quiet_start", "22:00"), None)
        if quiet
        else None,
        quiet_end=_time(settings.value("reminders/quiet_end", "07:00"), None) if quiet else None,
    )


class ReminderBar(QFrame):
    """The in-window reminder, above Today's page."""

    open_requested = Signal()
    snooze_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("urgency", "today")
        self.setAccessibleName(self.tr("Medicine reminder"))
        layout = QHBoxLayout(self)
        words = QVBoxLayout()
        words.addWidget(label(self.tr("Time for your medicine"), "subtitle"))
        self.text = label("", data=True)
        words.addWidget(self.text)
        layout.addLayout(words, 1)
        self.open_button = button(self.tr("Record it"), self.tr("Record the dose on Today"))
        self.snooze_button = button(self.tr("Snooze 15 minutes"))
        layout.addWidget(self.open_button)
        layout.addWidget(self.snooze_button)
        self.open_button.clicked.connect(self.open_requested.emit)
        self.snooze_button.clicked.connect(self.snooze_requested.emit)
        self.hide()

    def show_text(self, text: str) -> None:
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.setAccessibleDescription(text)
        self.show()


class DoseReminders(QObject):
    """Checks every half minute (and when asked) which doses to remind about."""

    reminded = Signal(str)  # the reminder's text
    open_requested = Signal()  # the tray's "Open HER2 Companion"
    quit_requested = Signal()  # the tray's "Quit HER2 Companion"

    def __init__(
        self,
        service: ScheduleService,
        now: Callable[[], datetime],
        settings: QSettings,
        *,
        use_tray: bool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._now = now
        self._settings = settings
        self.state = ReminderState()
        self.bar = ReminderBar()
        self.bar.snooze_requested.connect(self.snooze)
        self.current: list[DueItem] = []
        self.last_text = ""
        if use_tray is None:
            use_tray = QSystemTrayIcon.isSystemTrayAvailable()
        self.tray: QSystemTrayIcon | None = None
        if use_tray:
            icon = QApplication.windowIcon()
            if icon.isNull():  # an app object made elsewhere (tests, embedding)
                icon = QIcon(str(resources_root() / "icons" / "her2-companion.svg"))
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip(self.tr("HER2 Companion"))
            menu = QMenu()
            menu.addAction(self.tr("Open HER2 Companion"), self.open_requested.emit)
            menu.addAction(self.tr("Snooze reminders 15 minutes"), self.snooze)
            menu.addSeparator()
            menu.addAction(self.tr("Quit HER2 Companion"), self.quit_requested.emit)
            self.tray.setContextMenu(menu)
            self._menu = menu
            self.tray.show()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> list[DueItem]:
        now = self._now()
        items = self._service.due_on(now.date())
        open_items = [i for i in items if not i.answered]
        if self.bar.isVisible() and not any(
            i.key in {c.key for c in self.current} for i in open_items
        ):
            self.bar.hide()  # everything reminded about was answered
        due = reminders_due(items, now, read_settings(self._settings), self.state)
        if not due:
            return []
        self.current = due
        self.state.shown(due, now)
        text = "\n".join(self._line(item) for item in due)
        self.last_text = text
        if self.bar.parent() is not None:  # on Today once that page is built
            self.bar.show_text(text)
        if self.tray is not None:
            self.tray.showMessage(self.tr("Time for your medicine"), text, QIcon(), 60_000)
        self.reminded.emit(text)
        return due

    def _line(self, item: DueItem) -> str:
        dose = amount_text(item.dose.amount, item.dose.unit)
        text = self.tr("{time}: {name}, {dose}").format(
            time=item.dose.slot_text, name=item.schedule.name, dose=dose
        )
        if item.instruction:
            text = self.tr("{text} ({instruction})").format(text=text, instruction=item.instruction)
        return text

    def snooze(self) -> None:
        self.state.snooze(self.current, self._now() + SNOOZE)
        self.bar.hide()

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()


def bar_focus_target(bar: ReminderBar) -> None:
    bar.open_button.setFocus(Qt.FocusReason.OtherFocusReason)
