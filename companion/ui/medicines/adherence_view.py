"""Adherence of one medicine: a calendar coloured by what happened each day (taken,
taken late, skipped, missed) and adherence per cycle. The colours come with words: the
selected day is described in text, and the legend names each colour."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from companion.medicines import adherence
from companion.medicines.model import ScheduleInfo
from companion.medicines.service import ScheduleService
from companion.medicines.wording import reason_text, schedule_text, status_text
from companion.treatments.labels import day_text
from companion.ui import theme
from companion.ui.widgets.common import label


class AdherenceView(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        service: ScheduleService,
        schedule: ScheduleInfo,
        now: datetime,
    ) -> None:
        super().__init__(parent)
        self._schedule = schedule
        today = now.date()
        last = min(schedule.end_date or today, today + timedelta(days=30))
        starts = service.cycle_starts(schedule, last)
        entries = service.log(schedule.id)
        self.outcomes = adherence.outcomes(
            schedule, entries, starts, schedule.start_date, last, now
        )
        self.days = adherence.by_day(self.outcomes)
        self.periods = adherence.by_period(schedule, self.outcomes, starts, last)
        title = self.tr("{name}: doses taken").format(name=schedule.name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(theme.em(self, 48))
        layout = QVBoxLayout(self)
        layout.addWidget(label(title, "title", data=True))
        layout.addWidget(label(schedule_text(schedule, today), "muted", data=True))
        middle = QHBoxLayout()
        left = QVBoxLayout()
        self.calendar = QCalendarWidget()
        self.calendar.setAccessibleName(self.tr("Calendar of doses"))
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        for day, status in self.days.items():
            colour = theme.DOSE_STATUS_COLOURS.get(status)
            if colour:
                fmt = QTextCharFormat()
                fmt.setBackground(QBrush(QColor(colour)))
                self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), fmt)
        self.calendar.setSelectedDate(QDate(today.year, today.month, today.day))
        left.addWidget(self.calendar)
        self.day_text = label("", data=True)
        left.addWidget(self.day_text)
        left.addLayout(self._legend())
        middle.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(label(self.tr("Per cycle") if starts else self.tr("Per week"), "subtitle"))
        self.table = QTableWidget(len(self.periods), 3)
        self.table.setAccessibleName(self.tr("Adherence per cycle"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Cycle") if starts else self.tr("Week"),
                self.tr("Taken"),
                self.tr("Share"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, period in enumerate(reversed(self.periods)):
            name = (
                self.tr("Cycle {number} ({start})") if starts else self.tr("Week of {start}")
            ).format(number=period.number, start=day_text(period.start))
            cells = [
                name,
                self.tr("{taken} of {planned}").format(taken=period.taken, planned=period.planned),
                f"{period.percent}%" if period.percent is not None else "",
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        # Wide enough for every column: the share must not hide behind a scroll bar.
        self.table.setMinimumWidth(
            self.table.horizontalHeader().length()
            + 2 * self.table.frameWidth()
            + self.table.verticalScrollBar().sizeHint().width()
        )
        right.addWidget(self.table, 1)
        right.addWidget(label(self.tr("Missed and skipped doses"), "subtitle"))
        self.misses = label(self._misses_text(), data=True)
        right.addWidget(self.misses)
        middle.addLayout(right, 2)
        layout.addLayout(middle, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        layout.addWidget(buttons)
        self.calendar.selectionChanged.connect(self._describe_day)
        self._describe_day()
        self.calendar.setFocus(Qt.FocusReason.OtherFocusReason)

    def _legend(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for status in ("taken", "late", "skipped", "missed"):
            swatch = QLabel()
            size = theme.em(self, 0.9)
            swatch.setFixedSize(size, size)
            swatch.setStyleSheet(
                f"background: {theme.DOSE_STATUS_COLOURS[status]}; border: 1px solid {theme.GRID};"
            )
            row.addWidget(swatch)
            row.addWidget(label(status_text(status)))
        row.addStretch(1)
        return row

    def _describe_day(self) -> None:
        picked = self.calendar.selectedDate()
        day = date(picked.year(), picked.month(), picked.day())
        found = [o for o in self.outcomes if o.day == day]
        if not found:
            text = self.tr("{day}: no dose planned").format(day=day_text(day))
        else:
            parts = []
            for outcome in found:
                part = self.tr("{time} {status}").format(
                    time=outcome.slot, status=status_text(outcome.status)
                )
                if outcome.reason:
                    part = self.tr("{text} ({reason})").format(
                        text=part, reason=reason_text(outcome.reason)
                    )
                parts.append(part)
            text = self.tr("{day}: {doses}").format(day=day_text(day), doses=", ".join(parts))
        self.day_text.setText(text)
        self.day_text.setAccessibleName(text)
        self.calendar.setAccessibleDescription(text)

    def _misses_text(self) -> str:
        misses = [o for o in self.outcomes if o.status in ("missed", "skipped")]
        if not misses:
            return self.tr("None so far.")
        lines = []
        for outcome in misses[-12:]:
            line = self.tr("{day} {time}: {status}").format(
                day=day_text(outcome.day), time=outcome.slot, status=status_text(outcome.status)
            )
            if outcome.reason:
                line = self.tr("{text} ({reason})").format(
                    text=line, reason=reason_text(outcome.reason)
                )
            lines.append(line)
        return "\n".join(lines)
