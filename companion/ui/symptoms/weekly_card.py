"""The weekly PRO-CTCAE check-in on Today, and what got worse this week.

Offered on the weekly day (Settings) until it is done: NCI's items for the current treatment,
each question about the last 7 days with NCI's answer words; an answer of "Never"/"None"
hides (and clears) that item's other questions, as PRO-CTCAE's branching does. Every answer
is saved at once, as one undo step, with recall_days = 7.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from companion.errors import ValidationError
from companion.services import Services
from companion.symptoms import weekly, wording
from companion.symptoms.model import RECALL_WEEKLY, AnswerKey
from companion.ui import theme
from companion.ui.symptoms.add_symptom import AddSymptomDialog
from companion.ui.symptoms.answer_row import AnswerRow
from companion.ui.symptoms.signals import log_signals
from companion.ui.symptoms.undo import undoable
from companion.ui.symptoms.weekly_day import weekday_name, weekly_day
from companion.ui.widgets.common import button, label, status_line
from companion.ui.widgets.when_shown import RefreshWhenShown


class WeeklyCheckInCard(QFrame):
    row_focused = Signal(QWidget)

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.setAccessibleName(self.tr("Weekly check-in"))
        self._service = services.symptoms
        self._plan = services.symptoms.plan
        self._clock = services.clock
        self._stack = undo_stack
        self._settings = settings
        self._day = self._clock.today()
        self._added: list[str] = []
        self._items: list[str] = []
        self._wanted: list[str] = []  # the items to ask; rows made when the body opens
        self._busy = False
        # After a change elsewhere: hidden, catch up when shown; shown, once the change is done.
        self._when_shown = RefreshWhenShown(self, self.refresh, coalesce=True)
        self.rows: dict[AnswerKey, AnswerRow] = {}

        layout = QVBoxLayout(self)
        layout.setSpacing(theme.em(self, 0.3))
        top = QHBoxLayout()
        self.title = label(self.tr("Weekly check-in: the last 7 days"), "subtitle")
        top.addWidget(self.title, 1)
        self.start_button = button(self.tr("Start the weekly check-in"))
        self.start_button.setCheckable(True)
        top.addWidget(self.start_button)
        layout.addLayout(top)
        self.worse_label = label("")
        self.worse_label.setProperty("role", "subtitle")
        layout.addWidget(self.worse_label)
        self.due_label = label("", "muted")
        layout.addWidget(self.due_label)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(
            label(
                self.tr(
                    "PRO-CTCAE questions from the US National Cancer Institute. Each asks "
                    "about the last 7 days, not just today."
                ),
                "muted",
            )
        )
        self.rows_box = QVBoxLayout()
        body.addLayout(self.rows_box)
        actions = QHBoxLayout()
        self.add_button = button(self.tr("Add another PRO-CTCAE item…"))
        actions.addWidget(self.add_button)
        actions.addStretch(1)
        body.addLayout(actions)
        self.status = status_line()
        body.addWidget(self.status)
        layout.addWidget(self.body)
        self.body.setVisible(False)

        self.start_button.toggled.connect(self._show_body)
        self.add_button.clicked.connect(self.add_item)
        log_signals(self._service).changed.connect(self._log_changed)

    # -- state ----------------------------------------------------------------------------
    def set_day(self, day: date) -> None:
        if day != self._day:
            self._added = []
        self._day = day
        self.refresh()

    def refresh(self) -> None:
        self._when_shown.fresh()
        today = self._day
        weekday = weekly_day(self._settings, self._plan, today)
        due = self._plan.weekly_due(today, weekday)
        done_today = bool(self._service.day_state(today).weekly_values())
        marks = self._plan.worse_this_week(today)
        self.worse_label.setText(self._plan.worse_line(marks))
        self.worse_label.setAccessibleName(self.worse_label.text())
        self.worse_label.setVisible(bool(marks))
        if done_today:
            text = self.tr("Done this week. Thank you.")
        elif due:
            text = self.tr("Due today: about 2 minutes of questions about the last 7 days.")
        else:
            text = self.tr("Next one on {day}. You can also answer it now.").format(
                day=weekday_name(weekday)
            )
        self.due_label.setText(text)
        self.due_label.setAccessibleName(text)
        self._wanted = self._plan.weekly_items(today, self._added)
        if self.body.isVisibleTo(self):
            self._sync_rows()
        if due and not done_today and not self.start_button.isChecked():
            self.start_button.setText(self.tr("Start the weekly check-in"))

    def _sync_rows(self) -> None:
        """The questions, built when the body is first opened (it starts folded away)."""
        if self._wanted != self._items:
            self._rebuild(self._wanted)
        self._show_values()

    def _rebuild(self, items: list[str]) -> None:
        while self.rows_box.count():
            item = self.rows_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.rows.clear()
        numbers = self._plan.item_numbers()
        for symptom_id in items:
            term = self._service.term(symptom_id)
            attributes = self._service.attributes(symptom_id)
            self.rows_box.addWidget(label(term, "subtitle", data=True))
            for attribute in attributes:
                row = AnswerRow(term, weekly.question(attribute, term), wording.scale(attribute))
                row.setObjectName(
                    weekly.item_code(numbers.get(symptom_id, 0), attributes, attribute)
                )
                row.answered.connect(
                    lambda value, s=symptom_id, a=attribute: self._answer(s, a, value)
                )
                row.move_requested.connect(lambda step, r=row: self._move(r, step))
                row.focused.connect(lambda r=row: self.row_focused.emit(r))
                self.rows_box.addWidget(row)
                self.rows[(symptom_id, attribute)] = row
        self._items = items

    def _show_values(self) -> None:
        values = self._service.day_state(self._day).weekly_values()
        for key, row in self.rows.items():
            row.set_value(values.get(key))
        for symptom_id in self._items:
            attributes = self._service.attributes(symptom_id)
            answers = {a: v for (s, a), v in values.items() if s == symptom_id}
            hidden = weekly.skipped(attributes, answers)
            for attribute in attributes:
                self.rows[(symptom_id, attribute)].setVisible(attribute not in hidden)

    def visible_rows(self) -> list[AnswerRow]:
        return [r for r in self.rows.values() if not r.isHidden()]

    # -- answering ----------------------------------------------------------------------
    def _show_body(self, shown: bool) -> None:
        self.body.setVisible(shown)
        self.start_button.setText(
            self.tr("Hide the weekly check-in") if shown else self.tr("Start the weekly check-in")
        )
        if shown:
            self._sync_rows()
            rows = self.visible_rows()
            first = next((r for r in rows if r.value() is None), rows[0] if rows else None)
            if first is not None:
                first.setFocus()

    def _answer(self, symptom_id: str, attribute: str, value: int | None) -> None:
        attributes = self._service.attributes(symptom_id)
        current = {
            a: v
            for (s, a), v in self._service.day_state(self._day).weekly_values().items()
            if s == symptom_id
        }
        if value is None:
            current.pop(attribute, None)
        else:
            current[attribute] = value
        change: dict[AnswerKey, int | None] = {(symptom_id, attribute): value}
        for skipped in weekly.skipped(attributes, current):  # branching clears the rest
            change[(symptom_id, skipped)] = None
        self._busy = True
        try:
            undoable(
                self._service,
                self._stack,
                self.tr("Weekly answer about {term}").format(term=self._service.term(symptom_id)),
                [self._day],
                lambda: self._service.set_answers(self._day, change, RECALL_WEEKLY),
            )
        except ValidationError as exc:
            self.status.setText(str(exc), error=True)
        finally:
            self._busy = False
        self.refresh()

    def _move(self, row: AnswerRow, step: int) -> None:
        order = self.visible_rows()
        if row not in order:
            return
        index = order.index(row) + step
        if 0 <= index < len(order):
            order[index].setFocus()
        elif index >= len(order):
            self.add_button.setFocus()

    def add_item(self) -> None:
        dialog = AddSymptomDialog(self._service, set(self._items), self)
        accepted = dialog.exec()
        chosen = dialog.chosen()
        dialog.deleteLater()
        self.activateWindow()
        if not (accepted and chosen):
            return
        if chosen not in self._plan.item_numbers():
            self.status.setText(
                self.tr("{term} is not a PRO-CTCAE item; add it to the daily check-in.").format(
                    term=self._service.term(chosen)
                )
            )
            return
        self._added.append(chosen)
        self.refresh()
        for (symptom_id, _a), row in self.rows.items():
            if symptom_id == chosen:
                row.setFocus()
                break

    def _log_changed(self, days: frozenset[date]) -> None:
        if not self._busy:
            self._when_shown.request()
