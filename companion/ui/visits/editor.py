"""The visit editor: date and time, with whom, name, place, purpose."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from companion.errors import ValidationError
from companion.ui import theme
from companion.ui.widgets.common import status_line
from companion.visits.model import WITH_WHOM_KEYS, VisitInfo, with_whom_label
from companion.visits.service import VisitService


def _default_start(today: date) -> datetime:
    """Next weekday at 09:00: a likely clinic time, changed in a few keystrokes."""
    day = today + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return datetime(day.year, day.month, day.day, 9, 0)


class VisitEditor(QDialog):
    """Add (visit=None) or change a visit. Emits saved(visit) after a successful save."""

    saved = Signal(object)

    def __init__(self, visits: VisitService, visit: VisitInfo | None, parent: QWidget) -> None:
        super().__init__(parent)
        self._visits = visits
        self._visit = visit
        title = self.tr("Change visit") if visit else self.tr("New visit")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(theme.em(self, 26))

        start = visit.starts_at if visit else _default_start(visits.clock.today())
        self.when_edit = QDateTimeEdit(
            QDateTime(QDate(start.year, start.month, start.day), QTime(start.hour, start.minute))
        )
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.when_edit.setAccessibleName(self.tr("Date and time"))
        self.whom_combo = QComboBox()
        self.whom_combo.setAccessibleName(self.tr("With whom"))
        for key in WITH_WHOM_KEYS:
            self.whom_combo.addItem(with_whom_label(key), key)
        if visit and visit.with_whom not in WITH_WHOM_KEYS:
            self.whom_combo.addItem(visit.with_whom, visit.with_whom)
        if visit:
            self.whom_combo.setCurrentIndex(self.whom_combo.findData(visit.with_whom))
        self.clinician_edit = self._line(
            self.tr("Name (optional)"), visit.clinician if visit else ""
        )
        self.place_edit = self._line(self.tr("Place (optional)"), visit.place if visit else "")
        self.purpose_edit = self._line(
            self.tr("Purpose (optional), e.g. scan results"), visit.purpose if visit else ""
        )

        form = QFormLayout()
        form.addRow(self.tr("&Date and time"), self.when_edit)
        form.addRow(self.tr("&With whom"), self.whom_combo)
        form.addRow(self.tr("&Name"), self.clinician_edit)
        form.addRow(self.tr("&Place"), self.place_edit)
        form.addRow(self.tr("P&urpose"), self.purpose_edit)
        self.message = status_line()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(self.tr("Save visit"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            self.tr("Cancel")
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _line(self, accessible_name: str, text: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setAccessibleName(accessible_name)
        edit.setPlaceholderText(accessible_name)
        edit.setClearButtonEnabled(True)
        return edit

    def starts_at(self) -> datetime:
        value = self.when_edit.dateTime()
        day, time = value.date(), value.time()
        return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())

    def _save(self) -> None:
        values = {
            "starts_at": self.starts_at(),
            "with_whom": str(self.whom_combo.currentData()),
            "clinician": self.clinician_edit.text(),
            "place": self.place_edit.text(),
            "purpose": self.purpose_edit.text(),
        }
        try:
            if self._visit is None:
                saved = self._visits.add(**values)  # type: ignore[arg-type]  # the form's values are checked by the service
            else:
                saved = self._visits.update(self._visit.id, **values)  # type: ignore[arg-type]  # the form's values are checked by the service
        except ValidationError as exc:
            self.message.show_error(str(exc))
            return
        self.saved.emit(saved)
        self.accept()
