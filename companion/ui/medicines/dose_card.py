"""Today's doses: what is due now and later today, with the label's instruction, and one
key to answer each dose.

Keys on a dose (Down and Up move between doses): T taken, L taken late, S skipped (then F forgot,
E side effects, C told to stop by the care team, O other reason). "Taken" twice for the same
dose asks first. As-needed medicines have "Took a dose" (T); going over the daily maximum
gets a plain warning. Every answer can be undone (Ctrl+Z).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from companion.errors import CompanionError
from companion.medicines.model import DueItem, ScheduleInfo
from companion.medicines.service import DoubleDoseError, ScheduleService
from companion.medicines.wording import amount_text, reason_text, status_text
from companion.treatments.labels import day_text
from companion.treatments.rows import Snapshot
from companion.ui.widgets.common import button, label

Confirm = Callable[[QWidget, str, str], bool]


def ask(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class RecordDose(QUndoCommand):
    """One answer in the dose log; undo takes it back."""

    def __init__(
        self, service: ScheduleService, entry_id: int, text: str, done: Callable[[], None]
    ) -> None:
        super().__init__(text)
        self._service = service
        self._entry_id = entry_id
        self._done = done
        self._removed: Snapshot | None = None

    def redo(self) -> None:
        if self._removed is None:  # already written when the command was made
            return
        self._service.restore_entry(self._removed)
        self._removed = None
        self._done()

    def undo(self) -> None:
        self._removed = self._service.remove_entry(self._entry_id)
        self._done()


class DoseRow(QFrame):
    """One dose due today: time, medicine, dose, instruction, what was recorded, answers."""

    answer = Signal(str, object)  # status, reason
    step_to = Signal(int)  # Down +1, Up -1: to the next or previous dose

    def __init__(self, item: DueItem, past: bool = False) -> None:
        super().__init__()
        self.item = item
        self._past = past
        self.setProperty("role", "dose")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        dose = item.dose
        what = self.tr("{time} {name}, {dose}").format(
            time=dose.slot_text, name=item.schedule.name, dose=amount_text(dose.amount, dose.unit)
        )
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        words = QVBoxLayout()
        self.title = label(what, "subtitle", data=True)
        words.addWidget(self.title)
        if item.instruction:
            self.instruction = label(item.instruction, "muted")
            words.addWidget(self.instruction)
        self.state = label(self._state_text(), data=True)
        words.addWidget(self.state)
        top.addLayout(words, 1)
        self.taken = button(self.tr("Taken (T)"), self.tr("Taken: {dose}").format(dose=what))
        self.late = button(
            self.tr("Taken late (L)"), self.tr("Taken late: {dose}").format(dose=what)
        )
        self.skip = button(self.tr("Skipped… (S)"), self.tr("Skipped: {dose}").format(dose=what))
        for widget in (self.taken, self.late, self.skip):
            top.addWidget(widget)
        layout.addLayout(top)
        self.taken.clicked.connect(lambda: self.answer.emit("taken", None))
        self.late.clicked.connect(lambda: self.answer.emit("late", None))
        self.skip.clicked.connect(self.ask_reason)

        self.reasons = QWidget()
        reasons = QHBoxLayout(self.reasons)
        reasons.setContentsMargins(0, 0, 0, 0)
        reasons.addWidget(label(self.tr("Why was it skipped?")))
        self.reason_buttons: dict[str, QPushButton] = {}
        for key, code, text in (
            (Qt.Key.Key_F, "forgot", self.tr("Forgot (F)")),
            (Qt.Key.Key_E, "side_effects", self.tr("Side effects (E)")),
            (Qt.Key.Key_C, "told_to_stop", self.tr("Told to stop by the care team (C)")),
            (Qt.Key.Key_O, "other", self.tr("Other reason (O)")),
        ):
            widget = button(text)
            widget.clicked.connect(lambda _=False, c=code: self._choose(c))
            reasons.addWidget(widget)
            self.reason_buttons[code] = widget
            widget.setProperty("key", int(key.value))
        reasons.addStretch(1)
        self.reasons.hide()
        layout.addWidget(self.reasons)
        self.setAccessibleName(what)
        self.setAccessibleDescription(
            self.tr("{state}. Press T for taken, L for taken late, S for skipped.").format(
                state=self._state_text()
            )
        )

    def _state_text(self) -> str:
        if not self.item.entries:
            return (
                self.tr("Missed: nothing recorded") if self._past else self.tr("Not recorded yet")
            )
        last = self.item.entries[-1]
        text = status_text(last.status)
        if last.reason:
            text = self.tr("{status}: {reason}").format(
                status=text, reason=reason_text(last.reason)
            )
        if last.taken_at is not None and last.status != "skipped":
            text = self.tr("{status} at {time}").format(
                status=text, time=last.taken_at.strftime("%H:%M")
            )
        if len([e for e in self.item.entries if e.status != "skipped"]) > 1:
            text = self.tr("{status} (recorded twice)").format(status=text)
        return text

    def ask_reason(self) -> None:
        self.reasons.show()
        self.reason_buttons["forgot"].setFocus(Qt.FocusReason.OtherFocusReason)

    def _choose(self, reason: str) -> None:
        self.reasons.hide()
        self.answer.emit("skipped", reason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.reasons.isVisible():
            for code, widget in self.reason_buttons.items():
                if widget.property("key") == int(key.value if hasattr(key, "value") else key):
                    self._choose(code)
                    return
            if key == Qt.Key.Key_Escape:
                self.reasons.hide()
                self.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        if key == Qt.Key.Key_T:
            self.answer.emit("taken", None)
        elif key == Qt.Key.Key_L:
            self.answer.emit("late", None)
        elif key == Qt.Key.Key_S:
            self.ask_reason()
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.step_to.emit(1 if key == Qt.Key.Key_Down else -1)
        else:
            super().keyPressEvent(event)


class AsNeededRow(QFrame):
    """An as-needed medicine: how much today, the daily maximum, "Took a dose"."""

    took = Signal()
    step_to = Signal(int)

    def __init__(self, schedule: ScheduleInfo, today_total: float, instruction: str, day: date):
        super().__init__()
        self.schedule = schedule
        self.setProperty("role", "dose")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        step = schedule.dose_on(day)
        unit = step.unit if step else ""
        layout = QHBoxLayout(self)
        words = QVBoxLayout()
        title = self.tr("{name}, as needed").format(name=schedule.name)
        words.addWidget(label(title, "subtitle", data=True))
        limits = [self.tr("Today: {amount}").format(amount=amount_text(today_total, unit))]
        if schedule.daily_max:
            limits.append(
                self.tr("at most {amount} a day").format(
                    amount=amount_text(schedule.daily_max, unit)
                )
            )
        self.limits = label(", ".join(limits), data=True)
        words.addWidget(self.limits)
        if instruction:
            words.addWidget(label(instruction, "muted"))
        layout.addLayout(words, 1)
        self.button = button(
            self.tr("Took a dose (T)"), self.tr("Took a dose of {name}").format(name=schedule.name)
        )
        self.button.clicked.connect(self.took.emit)
        layout.addWidget(self.button)
        self.setAccessibleName(title)
        self.setAccessibleDescription(", ".join(limits))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_T:
            self.took.emit()
        elif event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.step_to.emit(1 if event.key() == Qt.Key.Key_Down else -1)
        else:
            super().keyPressEvent(event)


class DosesCard(QFrame):
    """Medicines due today, on the Today page."""

    changed = Signal()

    def __init__(
        self,
        service: ScheduleService,
        now: Callable[[], datetime],
        undo_stack: QUndoStack | None = None,
        confirm: Confirm = ask,
    ) -> None:
        super().__init__()
        self._service = service
        self._now = now
        self._undo = undo_stack
        self._confirm = confirm
        self._day: date | None = None  # None: today
        self.setProperty("role", "card")
        self.setAccessibleName(self.tr("Medicines today"))
        layout = QVBoxLayout(self)
        self.title = label(self.tr("Medicines today"), "subtitle")
        layout.addWidget(self.title)
        self.summary = label("", "muted")
        layout.addWidget(self.summary)
        self.rows_area = QVBoxLayout()
        layout.addLayout(self.rows_area)
        self.rows: list[DoseRow] = []
        self.as_needed_rows: list[AsNeededRow] = []

    def set_day(self, day: date | None) -> None:
        """Show the doses of another day (the check-in's day), or today's for None."""
        self._day = None if day is None or day >= self._now().date() else day
        self.refresh()

    def day(self) -> date:
        return self._day or self._now().date()

    def refresh(self) -> None:
        focused = self._focused_key()
        for row in [*self.rows, *self.as_needed_rows]:
            self.rows_area.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows, self.as_needed_rows = [], []
        now = self._now()
        day = self.day()
        past = day < now.date()
        items = self._service.due_on(day)
        as_needed = [] if past else self._service.as_needed(day)
        self.setVisible(bool(items or as_needed))
        open_items = [i for i in items if not i.answered]
        if past:
            title = self.tr("Medicines on {day}").format(day=day_text(day))
            summary = self.tr("Missed: %n", "", len(open_items))
        else:
            title = self.tr("Medicines today")
            due_now = [i for i in open_items if i.dose.at <= now]
            summary = (
                self.tr("Due now: %n", "", len(due_now))
                + " · "
                + self.tr("Later today: %n", "", len(open_items) - len(due_now))
            )
        self.title.setText(title)
        self.setAccessibleName(title)
        self.summary.setText(summary)
        self.summary.setAccessibleName(summary)
        for item in items:
            row = DoseRow(item, past)
            row.answer.connect(lambda status, reason, i=item: self.record(i, status, reason))
            row.step_to.connect(lambda step, r=row: self._move(r, step))
            self.rows_area.addWidget(row)
            self.rows.append(row)
            if self.isVisible():  # a new child of a shown widget waits to be shown
                row.show()
            if item.key == focused:
                row.setFocus(Qt.FocusReason.OtherFocusReason)
        for schedule in as_needed:
            total = sum(
                e.amount or 0.0
                for e in self._service.log(schedule.id, now.date(), now.date())
                if e.status != "skipped"
            )
            row = AsNeededRow(schedule, total, self._service.instruction(schedule), now.date())
            row.took.connect(lambda s=schedule: self.record_as_needed(s))
            row.step_to.connect(lambda step, r=row: self._move(r, step))
            self.rows_area.addWidget(row)
            self.as_needed_rows.append(row)

    def _move(self, row: QFrame, step: int) -> None:
        rows: list[QFrame] = [*self.rows, *self.as_needed_rows]
        index = rows.index(row) + step
        if 0 <= index < len(rows):
            rows[index].setFocus(Qt.FocusReason.OtherFocusReason)

    def _focused_key(self) -> tuple[int, date, str] | None:
        for row in self.rows:
            if row.hasFocus() or row.isAncestorOf(self.focusWidget() or row):
                return row.item.key
        return None

    def record(self, item: DueItem, status: str, reason: str | None) -> None:
        now = self._now()
        args = (item.schedule.id, item.dose.day, item.dose.slot_text, status, now)
        try:
            try:
                entry = self._service.record(*args, reason=reason)
            except DoubleDoseError as exc:
                if not self._confirm(self, self.tr("Record a second dose?"), str(exc)):
                    return
                entry = self._service.record(*args, reason=reason, allow_double=True)
        except CompanionError as exc:
            QMessageBox.warning(self, self.tr("Not recorded"), str(exc))
            return
        self._push(entry.id, self.tr("Record {name}").format(name=item.schedule.name))

    def record_as_needed(self, schedule: ScheduleInfo) -> None:
        now = self._now()
        step = schedule.dose_on(now.date())
        amount = step.amount if step else 0.0
        check = self._service.check_as_needed(schedule.id, amount, now)
        unit = step.unit if step else ""
        warnings = []
        if check.over_daily_max and schedule.daily_max is not None:
            warnings.append(
                self.tr(
                    "This dose would make {total} today. The most your care team set is "
                    "{most} a day."
                ).format(
                    total=amount_text(check.taken_today + amount, unit),
                    most=amount_text(schedule.daily_max, unit),
                )
            )
        if check.too_soon and check.next_allowed is not None:
            warnings.append(
                self.tr("The last dose was less than {hours} hours ago.").format(
                    hours=QLocale().toString(schedule.min_interval_hours or 0, "g", 3)
                )
            )
        if warnings:
            warnings.append(
                self.tr("If you are not sure, call your care team. Record this dose anyway?")
            )
            if not self._confirm(self, self.tr("Over the limit"), "\n\n".join(warnings)):
                return
        entry = self._service.record(schedule.id, now.date(), "", "taken", now, amount=amount)
        self._push(entry.id, self.tr("Record {name}").format(name=schedule.name))

    def _push(self, entry_id: int, text: str) -> None:
        command = RecordDose(self._service, entry_id, text, self._after_change)
        if self._undo is not None:
            self._undo.push(command)
        self._after_change()

    def _after_change(self) -> None:
        self.refresh()
        self.changed.emit()
