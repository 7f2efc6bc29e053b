"""Settings: who to call, units and text size. Each change is saved when it is made."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from companion.errors import ValidationError
from companion.services import Services
from companion.ui import theme
from companion.ui.theme import TEXT_SCALES
from companion.ui.widgets.appearance_section import AppearanceSection
from companion.ui.widgets.backups_section import BackupsSection
from companion.ui.widgets.common import Page, heading, label, line_edit, status_line
from companion.ui.widgets.protection_section import ProtectionSection


class SettingsPage(Page):
    page_id = "settings"
    text_scale_changed = Signal(str)

    def __init__(
        self, services: Services, text_scale: str = "normal", colour_scheme: str = "system"
    ) -> None:
        super().__init__()
        self._services = services
        self.setAccessibleName(self.tr("Settings"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Settings")))
        layout.addWidget(
            label(self.tr("Everything here is stored only on this computer."), "muted")
        )
        form = QFormLayout()
        self.name_edit = self._line_edit(self.tr("Your name (optional)"))
        self.care_team_edit = self._line_edit(self.tr("Care team phone number"))
        self.emergency_edit = self._line_edit(self.tr("Local emergency number"))
        self.unit_combo = QComboBox()
        self.unit_combo.setAccessibleName(self.tr("Temperature unit"))
        self.unit_combo.addItem(self.tr("Celsius (°C)"), "C")
        self.unit_combo.addItem(self.tr("Fahrenheit (°F)"), "F")
        self.text_size_combo = QComboBox()
        self.text_size_combo.setAccessibleName(self.tr("Text size"))
        for key, caption in (
            ("normal", self.tr("Normal")),
            ("large", self.tr("Large")),
            ("largest", self.tr("Largest")),
        ):
            self.text_size_combo.addItem(caption, key)
        self.text_size_combo.setCurrentIndex(list(TEXT_SCALES).index(text_scale))
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Care team phone"), self.care_team_edit)
        form.addRow(self.tr("&Emergency number"), self.emergency_edit)
        form.addRow(self.tr("&Temperature"), self.unit_combo)
        form.addRow(self.tr("Te&xt size"), self.text_size_combo)
        form_box = QWidget()
        form_box.setLayout(form)
        theme.size_in_lines(form_box, max_width=36)
        layout.addWidget(form_box)
        self.appearance = AppearanceSection(colour_scheme)
        layout.addWidget(self.appearance)

        layout.addWidget(label(self.tr("Your data"), "subtitle"))
        layout.addWidget(
            label(
                self.tr("Your profile is kept in this folder:\n{folder}").format(
                    folder=services.profile.folder
                )
            )
        )
        self.backups_section = BackupsSection(services.backups)
        layout.addWidget(self.backups_section)
        self.protection_section = ProtectionSection(services.protection)
        self.protection_section.setMaximumWidth(theme.em(self, 36))
        layout.addWidget(self.protection_section)
        self.message = status_line()
        layout.addWidget(self.message)
        self.sections = QVBoxLayout()  # other features add their sections (add_section)
        layout.addLayout(self.sections)
        layout.addStretch(1)

        for edit in (self.name_edit, self.care_team_edit, self.emergency_edit):
            edit.editingFinished.connect(self._save_text)
        self.unit_combo.currentIndexChanged.connect(self._save_unit)
        self.text_size_combo.currentIndexChanged.connect(
            lambda: self.text_scale_changed.emit(self.text_size_combo.currentData())
        )

    def add_section(self, widget: QWidget) -> None:
        """A section of another feature (e.g. the weekly check-in's day), kept in its module."""
        theme.size_in_lines(widget, max_width=36)
        self.sections.addWidget(widget)

    def _line_edit(self, accessible_name: str) -> QLineEdit:
        return line_edit(accessible_name)

    def refresh(self) -> None:
        info = self._services.profile.get()
        self.name_edit.setText(info.name)
        self.care_team_edit.setText(info.care_team_phone)
        self.emergency_edit.setText(info.emergency_number)
        self.unit_combo.blockSignals(True)
        self.unit_combo.setCurrentIndex(0 if info.temperature_unit == "C" else 1)
        self.unit_combo.blockSignals(False)
        self.backups_section.refresh()
        self.protection_section.refresh()

    def _save_text(self) -> None:
        try:
            self._services.profile.update(
                name=self.name_edit.text(),
                care_team_phone=self.care_team_edit.text(),
                emergency_number=self.emergency_edit.text(),
            )
        except ValidationError as exc:
            self.message.show_error(str(exc))
            self.refresh()
            return
        self.message.setText(self.tr("Saved."))

    def _save_unit(self) -> None:
        self._services.profile.update(temperature_unit=self.unit_combo.currentData())
        self.message.setText(self.tr("Saved."))
