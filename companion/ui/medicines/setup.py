"""Medicines in the main window: reminders from the start (with the tray), and — when those
pages are first built — today's doses on Today (following the check-in's day) and the
reminder settings on Settings. The schedules live on Treatments ▸ Medicines."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from companion.services import Services
from companion.translations import TranslationContext
from companion.ui.medicines.dose_card import DosesCard
from companion.ui.medicines.reminder_settings import ReminderSettingsSection
from companion.ui.medicines.reminders import DoseReminders, keeps_running_in_tray


class TrayText(TranslationContext):
    """What the tray says when the window is closed but the app keeps running."""


class MedicinesInWindow:
    """Created with the window; pages call add_to_today / add_to_settings when built."""

    def __init__(
        self,
        window: Any,
        services: Services,
        settings: QSettings,
        data_dir: Path,
        now: Callable[[], datetime],
    ) -> None:
        self._window = window
        self._services = services
        self._settings = settings
        self._data_dir = data_dir
        self._now = now
        self.card: DosesCard | None = None
        self.reminders = DoseReminders(services.treatments.schedules, now, settings, parent=window)
        self.reminders.bar.open_requested.connect(self.open_today)
        self.quitting = False
        if self.reminders.tray is not None:
            self.reminders.tray.messageClicked.connect(self.open_today)
            self.reminders.tray.activated.connect(lambda _reason: self.open_today())
            self.reminders.open_requested.connect(self.open_today)
            self.reminders.quit_requested.connect(self.quit)
            window.hide_on_close = self._hide_on_close
        self._told_about_tray = False
        QTimer.singleShot(2000, self.reminders.check)  # a dose already due: remind soon

    def _hide_on_close(self) -> bool:
        """Closing the window keeps the app in the tray when the patient asked for it."""
        tray = self.reminders.tray
        if self.quitting or tray is None or not keeps_running_in_tray(self._settings):
            return False
        if not self._told_about_tray:  # once per session: where the app went
            self._told_about_tray = True
            tray.showMessage(
                TrayText.tr("HER2 Companion is still running"),
                TrayText.tr(
                    "Medicine reminders will still come. To quit, choose Quit in the tray "
                    "icon's menu."
                ),
            )
        return True

    def quit(self) -> None:
        """The tray's Quit: close the window for real (saving as any close does)."""
        self.quitting = True
        self._window.close()
        # A hidden window's close does not end the event loop by itself.
        QApplication.quit()

    def add_to_today(self, today_page: Any) -> None:
        card = DosesCard(self._services.treatments.schedules, self._now, self._window.undo_stack)
        self.card = card
        today_page.add_card(card)
        today_page.add_top_card(self.reminders.bar)
        checkin = getattr(today_page, "checkin", None)
        if checkin is not None:

            def follow(day: date) -> None:
                card.set_day(day)

            checkin.day_changed.connect(follow)
        card.changed.connect(self.reminders.check)
        self.reminders.reminded.connect(lambda _text: card.refresh())
        if self.reminders.last_text and self.reminders.current:
            self.reminders.bar.show_text(self.reminders.last_text)

    def add_to_settings(self, settings_page: QWidget) -> None:
        section = ReminderSettingsSection(
            self._settings, self._data_dir, tray=self.reminders.tray is not None
        )
        layout = settings_page.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(max(0, layout.count() - 1), section)  # above the stretch

    def open_today(self) -> None:
        self._window.show_page("today")
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()
        card = self.card
        if card is None:
            return
        card.refresh()
        if card.rows:
            open_rows = [r for r in card.rows if not r.item.answered] or card.rows
            open_rows[0].setFocus(Qt.FocusReason.OtherFocusReason)
