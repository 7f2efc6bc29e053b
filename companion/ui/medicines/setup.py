"""Medicines in the main window: today's doses on Today (following the check-in's day),
reminders with the tray, the reminder settings and the schedules on the Medicines tab."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from companion.services import Services
from companion.ui.medicines.dose_card import DosesCard
from companion.ui.medicines.reminder_settings import ReminderSettingsSection
from companion.ui.medicines.reminders import DoseReminders


def install_medicines(
    window: QWidget,
    today_page: QWidget,
    settings_page: QWidget,
    services: Services,
    settings: QSettings,
    data_dir: Path,
    now: Callable[[], datetime],
) -> DoseReminders:
    schedules = services.treatments.schedules
    card = DosesCard(schedules, now, getattr(window, "undo_stack", None))
    today_page.add_card(card)  # type: ignore[attr-defined]
    checkin = getattr(today_page, "checkin", None)
    if checkin is not None:

        def follow(day: date) -> None:
            card.set_day(day)

        checkin.day_changed.connect(follow)
    reminders = DoseReminders(schedules, now, settings, parent=window)
    today_page.add_top_card(reminders.bar)  # type: ignore[attr-defined]

    def open_today() -> None:
        show_page = getattr(window, "show_page", None)
        if show_page is not None:
            show_page("today")
        window.raise_()
        window.activateWindow()
        card.refresh()
        if card.rows:
            open_rows = [r for r in card.rows if not r.item.answered] or card.rows
            open_rows[0].setFocus(Qt.FocusReason.OtherFocusReason)

    reminders.bar.open_requested.connect(open_today)
    if reminders.tray is not None:
        reminders.tray.messageClicked.connect(open_today)
        reminders.tray.activated.connect(lambda _reason: open_today())
    card.changed.connect(reminders.check)
    QTimer.singleShot(2000, reminders.check)  # a dose already due is reminded soon after start
    reminders.reminded.connect(lambda _text: card.refresh())
    section = ReminderSettingsSection(settings, data_dir)
    layout = settings_page.layout()
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(max(0, layout.count() - 1), section)  # above the closing stretch
    return reminders
