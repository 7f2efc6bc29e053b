"""First run: what the app is, that data stays here, that it is not medical advice.
Every field is optional; 'Start' and 'Skip' both lead into the app."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QTimeZone
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
)

from companion.errors import ValidationError
from companion.profile.emergency import emergency_number_for, uses_fahrenheit
from companion.profile.service import ProfileService
from companion.ui import theme
from companion.ui.widgets.common import heading, label, note, status_line


def locale_country(locale: QLocale | None = None, zone: QTimeZone | None = None) -> str:
    """The country code of the locale ("en_GB" → "GB"); a locale without one (plain "C")
    falls back to the country of the system's time zone (America/New_York → "US")."""
    name = (locale or QLocale.system()).name()
    if "_" in name:
        return name.split("_")[1]
    territory = (zone or QTimeZone.systemTimeZone()).territory()
    if territory == QLocale.Country.AnyTerritory:
        return ""
    return QLocale.territoryToCode(territory)


class WelcomeDialog(QDialog):
    def __init__(self, profile: ProfileService, locale: QLocale | None = None) -> None:
        super().__init__()
        self._profile = profile
        self._country = locale_country(locale)
        self.setWindowTitle(self.tr("Welcome to HER2 Companion"))
        self.setAccessibleName(self.tr("Welcome"))
        self.setMinimumWidth(theme.em(self, 34))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Welcome")))
        layout.addWidget(
            label(
                self.tr(
                    "HER2 Companion helps you keep track of how you feel, your treatments and your "
                    "visits, and explains the medicines and tests you may meet."
                )
            )
        )
        layout.addWidget(
            note(
                self.tr(
                    "Everything you enter stays on this computer. Nothing is sent anywhere unless "
                    "you export it yourself.\n\nThis app gives general information. It does not "
                    "give medical advice. Your care team decides your treatment."
                ),
                self.tr("Privacy and medical advice"),
            )
        )
        layout.addWidget(label(self.tr("You can fill these in now or later in Settings."), "muted"))
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Your name (optional)"))
        self.care_team_edit = QLineEdit()
        self.care_team_edit.setAccessibleName(self.tr("Care team phone number (optional)"))
        self.emergency_edit = QLineEdit(emergency_number_for(self._country))
        self.emergency_edit.setAccessibleName(self.tr("Local emergency number"))
        form.addRow(self.tr("&Your name"), self.name_edit)
        form.addRow(self.tr("&Care team phone"), self.care_team_edit)
        form.addRow(self.tr("&Emergency number"), self.emergency_edit)
        layout.addLayout(form)
        self.message = status_line()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(
            self.tr("&Start"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_button.setAccessibleName(self.tr("Start using HER2 Companion"))
        self.start_button.setDefault(True)
        self.start_button.setProperty("primary", True)  # the theme colours the main action
        self.skip_button = buttons.addButton(
            self.tr("S&kip for now"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.skip_button.setAccessibleName(self.tr("Skip for now"))
        buttons.accepted.connect(self._save_and_start)
        buttons.rejected.connect(self._skip)
        layout.addWidget(buttons)

    def _save_and_start(self) -> None:
        try:
            self._profile.update(
                name=self.name_edit.text(),
                care_team_phone=self.care_team_edit.text(),
                emergency_number=self.emergency_edit.text(),
                temperature_unit="F" if uses_fahrenheit(self._country) else "C",
                welcome_done=True,
            )
        except ValidationError as exc:
            self.message.show_error(str(exc))
            return
        self.accept()

    def _skip(self) -> None:
        self._profile.update(
            emergency_number=emergency_number_for(self._country),
            temperature_unit="F" if uses_fahrenheit(self._country) else "C",
            welcome_done=True,
        )
        self.reject()
