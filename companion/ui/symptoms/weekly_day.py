"""The day of the week for the weekly PRO-CTCAE check-in: a Settings section and the
setting it keeps (default: the weekday of the current line's treatment day)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, QSettings, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QVBoxLayout, QWidget

from companion.symptoms.plan import CheckInPlan
from companion.ui.widgets.common import label

WEEKLY_DAY_SETTING = "checkin/weekly_day"  # 0 Monday … 6 Sunday; absent: the treatment day
AUTOMATIC = -1


def weekly_day(settings: QSettings | None, plan: CheckInPlan, today: date) -> int:
    """The weekday the patient chose, or their treatment day's weekday."""
    if settings is not None:
        try:
            chosen = int(str(settings.value(WEEKLY_DAY_SETTING, AUTOMATIC)))
        except ValueError:
            chosen = AUTOMATIC
        if 0 <= chosen <= 6:
            return chosen
    return plan.default_weekday(today)


def weekday_name(weekday: int) -> str:
    return QLocale().dayName(weekday + 1, QLocale.FormatType.LongFormat)  # Qt: 1 = Monday


class WeeklyDaySection(QWidget):
    """Settings: which day of the week Today offers the weekly check-in."""

    changed = Signal()

    def __init__(self, settings: QSettings | None, plan: CheckInPlan, today: date) -> None:
        super().__init__()
        self._settings = settings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label(self.tr("Weekly check-in"), "subtitle"))
        layout.addWidget(
            label(
                self.tr(
                    "Once a week, Today asks the PRO-CTCAE questions for your treatment about "
                    "the last 7 days."
                ),
                "muted",
            )
        )
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Day of the weekly check-in"))
        treatment_day = plan.default_weekday(today)
        self.combo.addItem(
            self.tr("My treatment day ({day})").format(day=weekday_name(treatment_day)),
            AUTOMATIC,
        )
        for weekday in range(7):
            self.combo.addItem(weekday_name(weekday), weekday)
        stored = AUTOMATIC
        if settings is not None:
            try:
                stored = int(str(settings.value(WEEKLY_DAY_SETTING, AUTOMATIC)))
            except ValueError:
                stored = AUTOMATIC
        self.combo.setCurrentIndex(max(0, self.combo.findData(stored)))
        form = QFormLayout()
        form.addRow(self.tr("&Day of the week"), self.combo)
        layout.addLayout(form)
        self.combo.currentIndexChanged.connect(self._save)

    def _save(self) -> None:
        if self._settings is not None:
            self._settings.setValue(WEEKLY_DAY_SETTING, self.combo.currentData())
        self.changed.emit()
