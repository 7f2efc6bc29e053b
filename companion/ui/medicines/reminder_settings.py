"""Settings ▸ Medicine reminders: on/off, repeat, quiet hours, start with the session."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from companion.ui import theme
from companion.ui.medicines import autostart
from companion.ui.medicines.reminders import KEEP_IN_TRAY
from companion.ui.widgets.common import label


class ReminderSettingsSection(QWidget):
    def __init__(self, settings: QSettings, data_dir: Path | None, *, tray: bool = False) -> None:
        super().__init__()
        self.setAccessibleName(self.tr("Medicine reminders"))
        self._settings = settings
        self._data_dir = data_dir
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, theme.em(self, 0.5), 0, 0)
        layout.addWidget(label(self.tr("Medicine reminders"), "subtitle"))
        self.enabled = QCheckBox(self.tr("Remind me at each dose time while the app runs"))
        self.enabled.setAccessibleName(self.enabled.text())
        layout.addWidget(self.enabled)
        self.keep_in_tray = QCheckBox(
            self.tr("Keep running in the tray when I close the window, so reminders still come")
        )
        self.keep_in_tray.setAccessibleName(self.keep_in_tray.text())
        layout.addWidget(self.keep_in_tray)
        if not tray:
            self.keep_in_tray.setEnabled(False)
            self.keep_in_tray.setToolTip(self.tr("This computer shows no tray icons."))
        form = QFormLayout()
        self.repeat = QSpinBox()
        self.repeat.setRange(1, 120)
        self.repeat.setSuffix(self.tr(" minutes"))
        self.repeat.setAccessibleName(self.tr("Remind again every"))
        form.addRow(self.tr("Remind again every"), self.repeat)
        self.quiet = QCheckBox(self.tr("Quiet hours (no reminders)"))
        self.quiet.setAccessibleName(self.quiet.text())
        form.addRow(self.quiet)
        self.quiet_start = QTimeEdit()
        self.quiet_start.setDisplayFormat("HH:mm")
        self.quiet_start.setAccessibleName(self.tr("Quiet from"))
        self.quiet_end = QTimeEdit()
        self.quiet_end.setDisplayFormat("HH:mm")
        self.quiet_end.setAccessibleName(self.tr("Quiet until"))
        form.addRow(self.tr("Quiet from"), self.quiet_start)
        form.addRow(self.tr("Quiet until"), self.quiet_end)
        for field in (self.repeat, self.quiet_start, self.quiet_end):
            theme.size_in_lines(field, max_width=9)
        layout.addLayout(form)
        self.autostart = QCheckBox(self.tr("Start HER2 Companion when I log in"))
        self.autostart.setAccessibleName(self.autostart.text())
        layout.addWidget(self.autostart)
        if autostart.supported():
            self.autostart.setChecked(autostart.is_enabled())
        else:
            self.autostart.setEnabled(False)
            note = (
                self.tr("On macOS, add HER2 Companion to System Settings ▸ General ▸ Login Items.")
                if sys.platform == "darwin"
                else self.tr(
                    "On Windows, put a shortcut to HER2 Companion in your Startup folder "
                    "(press Windows+R and type shell:startup)."
                )
            )
            layout.addWidget(label(note, "muted"))
        for field in (self.repeat, self.quiet_start, self.quiet_end):
            inner = field.findChild(QLineEdit)
            if inner is not None:  # the text part inside a spin box is read out too
                inner.setAccessibleName(field.accessibleName())
        self._load()
        for box in (self.enabled, self.quiet, self.keep_in_tray):
            box.toggled.connect(self._save)
        self.repeat.valueChanged.connect(self._save)
        self.quiet_start.timeChanged.connect(self._save)
        self.quiet_end.timeChanged.connect(self._save)
        self.autostart.toggled.connect(self._set_autostart)

    def _load(self) -> None:
        value = self._settings.value
        self.enabled.setChecked(str(value("reminders/enabled", "true")).lower() == "true")
        self.repeat.setValue(int(str(value("reminders/repeat_minutes", 10)) or 10))
        self.quiet.setChecked(str(value("reminders/quiet", "false")).lower() == "true")
        self.keep_in_tray.setChecked(str(value(KEEP_IN_TRAY, "false")).lower() == "true")
        self.quiet_start.setTime(
            QTime.fromString(str(value("reminders/quiet_start", "22:00")), "HH:mm")
        )
        self.quiet_end.setTime(
            QTime.fromString(str(value("reminders/quiet_end", "07:00")), "HH:mm")
        )
        self._enable_quiet()

    def _enable_quiet(self) -> None:
        for widget in (self.quiet_start, self.quiet_end):
            widget.setEnabled(self.quiet.isChecked())

    def _save(self) -> None:
        self._settings.setValue(
            "reminders/enabled", "true" if self.enabled.isChecked() else "false"
        )
        self._settings.setValue("reminders/repeat_minutes", self.repeat.value())
        self._settings.setValue(KEEP_IN_TRAY, "true" if self.keep_in_tray.isChecked() else "false")
        self._settings.setValue("reminders/quiet", "true" if self.quiet.isChecked() else "false")
        self._settings.setValue("reminders/quiet_start", self.quiet_start.time().toString("HH:mm"))
        self._settings.setValue("reminders/quiet_end", self.quiet_end.time().toString("HH:mm"))
        self._enable_quiet()

    def _set_autostart(self, on: bool) -> None:
        autostart.set_enabled(on, self._data_dir)
