"""The daily check-in form: short, and every answer is saved the moment it is given.

First "How are you today compared with yesterday?" and "Nothing new today", which finishes
the day in one key. Then one question each for the pinned symptoms and the warning signs of
the medicines taken now (companion.symptoms.plan), temperature and weight, a note, and
"Done for today"; a finished day shows the DonePanel until the patient opens it again. Each
change is one undo step on the main window's undo stack. The form reloads itself when the
log changes elsewhere (undo, redo, the Symptoms page).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from companion.errors import StorageError, ValidationError
from companion.services import Services
from companion.symptoms import daily, esas, wording
from companion.symptoms.checkin_writes import MAX_NOTE_CHARS
from companion.symptoms.model import AnswerKey, Change, DayState, FlagEvent
from companion.translations import locale_time
from companion.ui import theme
from companion.ui.symptoms.add_symptom import AddSymptomDialog
from companion.ui.symptoms.answer_row import AnswerRow
from companion.ui.symptoms.daily_parts import DonePanel, OverallRow
from companion.ui.symptoms.signals import log_signals
from companion.ui.symptoms.undo import undoable_change
from companion.ui.widgets.common import button, label, status_line
from companion.ui.widgets.field_error import FieldError
from companion.ui.widgets.note_limit import NoteLimit
from companion.ui.widgets.qt_items import layout_widget, qdate
from companion.ui.widgets.when_shown import RefreshWhenShown

NOTE_SAVE_DELAY_MS = 1200
ESAS_SETTING = "checkin/esas"  # visit | weekly | daily | never
ESAS_DAYS_BEFORE_VISIT = 3  # ESAS-r is offered in the days just before a visit


class CheckInForm(QFrame):
    flags_changed = Signal(object)  # tuple[FlagEvent, ...] still open for the shown day
    row_focused = Signal(QWidget)
    day_changed = Signal(object)  # date

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.setAccessibleName(self.tr("Daily check-in"))
        self._service = services.symptoms
        self._profile = services.profile
        self._visits = services.visits
        self._stack = undo_stack
        self._settings = settings
        self._busy = False
        self._when_shown = RefreshWhenShown(self, self.reload)  # hidden: catch up when shown
        self._clock = services.clock
        self._day = self._clock.today()
        self.save_failed = False  # the last save did not land (disk full, read-only…)
        self._failure_box: QMessageBox | None = None
        self.follows_today = True
        self._extra: list[str] = []
        self._symptoms: list[str] = []
        self._questions: list[AnswerKey] = []
        self._reopened = False  # the patient opened a finished day again
        self._state = DayState(day=self._day)
        self.rows: dict[AnswerKey, AnswerRow] = {}
        self.esas_rows: dict[str, AnswerRow] = {}
        self.pin_buttons: dict[str, QPushButton] = {}

        layout = QVBoxLayout(self)
        layout.setSpacing(theme.em(self, 0.4))
        layout.addLayout(self._build_header())
        self.hint = label(
            self.tr(
                "Answer with one click, or press the number key. Up and Down move between "
                "questions. Every answer is saved as you give it; Ctrl+Z undoes the last one. "
                "Nothing new today: Alt+N. Finished: Alt+D."
            ),
            "muted",
        )
        layout.addWidget(self.hint)
        self.done_panel = DonePanel()
        layout.addWidget(self.done_panel)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(theme.em(self, 0.4))
        layout.addWidget(self.body)
        self.overall_row = OverallRow()
        body.addWidget(self.overall_row)
        actions = QHBoxLayout()
        self.nothing_new_button = button(
            self.tr("Nothing new today (Alt+N)"), self.tr("Nothing new today: finish the day")
        )
        self.nothing_new_button.setToolTip(
            self.tr("Same as yesterday and nothing new: saves that and finishes today (Alt+N).")
        )
        self.same_button = button(self.tr("&Same as yesterday"))
        self.add_button = button(self.tr("&Add another symptom…"))
        actions.addWidget(self.nothing_new_button)
        actions.addWidget(self.same_button)
        actions.addWidget(self.add_button)
        actions.addStretch(1)
        body.addLayout(actions)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(theme.em(self, 0.15))
        body.addLayout(self.rows_box)
        body.addLayout(self._build_measurements())
        body.addWidget(label(self.tr("Note (optional)"), "subtitle"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("Anything else about today, in your own words."))
        self.note_edit.setTabChangesFocus(True)
        theme.size_in_lines(self.note_edit, fixed_height=4.5)
        body.addWidget(self.note_edit)
        self.note_counter = NoteLimit(self.note_edit, MAX_NOTE_CHARS)
        body.addWidget(self.note_counter)
        finish = QHBoxLayout()
        self.done_button = button(
            self.tr("Done for today (Alt+D)"), self.tr("Done for today"), primary=True
        )
        # Shortcuts rather than mnemonics: they work wherever the focus is in the form, on
        # every platform (macOS has no Alt mnemonics).
        for keys, slot in (
            ("Alt+N", self.nothing_new),
            ("Alt+D", self.finish_day),
            ("Ctrl+Return", self.finish_day),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.body)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        finish.addWidget(self.done_button)
        finish.addStretch(1)
        body.addLayout(finish)
        body.addWidget(self._build_esas())
        self.status = status_line()
        layout.addWidget(self.status)

        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self._save_note)
        self.note_edit.textChanged.connect(self._note_timer.start)
        self.note_edit.installEventFilter(self)
        self.same_button.clicked.connect(self.same_as_yesterday)
        self.nothing_new_button.clicked.connect(self.nothing_new)
        self.done_button.clicked.connect(self.finish_day)
        self.done_panel.change_requested.connect(self.reopen)
        self.overall_row.answered.connect(self._answer_overall)
        self.overall_row.move_requested.connect(lambda step: self._move(self.overall_row, step))
        self.overall_row.focused.connect(lambda: self.row_focused.emit(self.overall_row))
        self.add_button.clicked.connect(self.add_symptom)
        log_signals(self._service).changed.connect(self._log_changed)

    # -- building -------------------------------------------------------------------------
    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.title = label(self.tr("Daily check-in"), "subtitle")
        row.addWidget(self.title, 1)
        self.earlier_button = button("◀", self.tr("Earlier day"))
        self.earlier_button.setToolTip(self.tr("Earlier day"))
        self.date_edit = QDateEdit()
        self.date_edit.setAccessibleName(self.tr("Day of this check-in"))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.LongFormat))
        self.date_edit.setMinimumDate(QDate(1900, 1, 1))
        for inner in self.date_edit.findChildren(QLineEdit):
            inner.setAccessibleName(self.tr("Day of this check-in"))
        self.later_button = button("▶", self.tr("Later day"))
        self.later_button.setToolTip(self.tr("Later day"))
        self.today_button = button(self.tr("&Today"), self.tr("Back to today"))
        for widget in (self.earlier_button, self.date_edit, self.later_button, self.today_button):
            row.addWidget(widget)
        self.earlier_button.clicked.connect(lambda: self.set_day(self._day - timedelta(days=1)))
        self.later_button.clicked.connect(lambda: self.set_day(self._day + timedelta(days=1)))
        self.today_button.clicked.connect(lambda: self.set_day(self._clock.today()))
        self.date_edit.dateChanged.connect(lambda d: self.set_day(d.toPython()))
        return row

    def _build_measurements(self) -> QFormLayout:
        form = QFormLayout()
        self.temperature_edit = QLineEdit()
        self.temperature_edit.setAccessibleName(self.tr("Temperature"))
        theme.size_in_lines(self.temperature_edit, max_width=7)
        self.temperature_unit = QLabel()
        self.weight_edit = QLineEdit()
        self.weight_edit.setAccessibleName(self.tr("Weight"))
        theme.size_in_lines(self.weight_edit, max_width=7)
        self.weight_unit = QLabel()
        self.temperature_error = FieldError(self.temperature_edit)
        self.weight_error = FieldError(self.weight_edit)
        for edit, unit, error, caption in (
            (
                self.temperature_edit,
                self.temperature_unit,
                self.temperature_error,
                self.tr("Te&mperature (optional)"),
            ),
            (self.weight_edit, self.weight_unit, self.weight_error, self.tr("&Weight (optional)")),
        ):
            row = QHBoxLayout()
            row.addWidget(edit)
            row.addWidget(unit)
            row.addWidget(error, 1)  # why a value was refused, beside it
            row.addStretch(0)
            buddy = QLabel(caption)
            buddy.setBuddy(edit)  # Alt+M / Alt+W; the "&" is a mnemonic, never shown
            form.addRow(buddy, row)
        self.temperature_edit.editingFinished.connect(self._save_temperature)
        self.weight_edit.editingFinished.connect(self._save_weight)
        return form

    def _build_esas(self) -> QFrame:
        box = QFrame()
        box.setAccessibleName(esas.form_title())
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.esas_toggle = button(self.tr("Show the ESAS-r form"))
        self.esas_toggle.setCheckable(True)
        self.esas_frequency = QComboBox()
        self.esas_frequency.setAccessibleName(self.tr("How often to ask the ESAS-r"))
        for key, caption in (
            ("visit", self.tr("Ask me before a visit")),
            ("weekly", self.tr("Ask me every week")),
            ("daily", self.tr("Ask me every day")),
            ("never", self.tr("Only when I open it")),
        ):
            self.esas_frequency.addItem(caption, key)
        wanted = str(self._settings.value(ESAS_SETTING, "visit")) if self._settings else "visit"
        self.esas_frequency.setCurrentIndex(max(0, self.esas_frequency.findData(wanted)))
        top.addWidget(self.esas_toggle)
        top.addWidget(self.esas_frequency)
        top.addStretch(1)
        layout.addLayout(top)
        self.esas_due = label("", "muted")
        layout.addWidget(self.esas_due)
        self.esas_body = QFrame()  # its rows are made when it is first shown
        QVBoxLayout(self.esas_body).setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.esas_body)
        self.esas_toggle.toggled.connect(self._show_esas)
        self.esas_frequency.currentIndexChanged.connect(self._esas_frequency_changed)
        return box

    def _build_esas_rows(self) -> None:
        """The ESAS-r form's eleven-button rows, built the first time it is shown: most days
        it stays folded, and the start does not wait for them."""
        body = self.esas_body.layout()
        assert isinstance(body, QVBoxLayout)
        body.addWidget(label(esas.form_title(), "subtitle"))
        body.addWidget(label(esas.screen_instruction()))
        body.addWidget(label(self.tr("Click a number, or press 0–9 (+ for 10)."), "muted"))
        for item in esas.items():
            title = f"{item.name} {item.definition}".strip()
            row = AnswerRow(
                item.name,
                title,
                [str(i) for i in range(esas.MAX_VALUE + 1)],
                anchors=(item.anchor_0, item.anchor_10),
                show_numbers=False,
            )
            row.answered.connect(lambda value, i=item.id: self._answer_esas(i, value))
            row.move_requested.connect(lambda step, r=row: self._move(r, step))
            row.focused.connect(lambda r=row: self.row_focused.emit(r))
            body.addWidget(row)
            self.esas_rows[item.id] = row
        body.addWidget(label(esas.acknowledgement(), "muted"))
        previous: QWidget = self.esas_frequency  # Tab goes on from the form's own controls
        for row in self.esas_rows.values():
            QWidget.setTabOrder(previous, row)
            previous = row
        esas_values = self._state.esas_values()
        for item_id, row in self.esas_rows.items():
            row.set_value(esas_values.get(item_id))

    def _rebuild_rows(self, questions: list[AnswerKey]) -> None:
        while self.rows_box.count():
            widget = layout_widget(self.rows_box.takeAt(0))
            if widget is not None:
                widget.deleteLater()
        self.rows.clear()
        self.pin_buttons.clear()
        pinned = set(self._service.pinned())
        for symptom_id, attribute in questions:
            header = QHBoxLayout()
            term = self._service.term(symptom_id)
            title = label(term, "subtitle", data=True)  # library wording
            header.addWidget(title, 1)
            pin = button(self.tr("Pin"), self.tr("Always ask about {term}").format(term=term))
            pin.setCheckable(True)
            pin.setChecked(symptom_id in pinned)
            pin.setToolTip(self.tr("Always ask about this in the check-in"))
            pin.setText(self.tr("Pinned") if symptom_id in pinned else self.tr("Pin"))
            pin.toggled.connect(lambda on, s=symptom_id: self._pin(s, on))
            header.addWidget(pin)
            self.pin_buttons[symptom_id] = pin
            holder = QWidget()
            holder.setLayout(header)
            self.rows_box.addWidget(holder)
            row = AnswerRow(term, wording.question(attribute), wording.scale(attribute))
            row.answered.connect(
                lambda value, s=symptom_id, a=attribute: self._answer((s, a), value)
            )
            row.move_requested.connect(lambda step, r=row: self._move(r, step))
            row.focused.connect(lambda r=row: self.row_focused.emit(r))
            self.rows_box.addWidget(row)
            self.rows[(symptom_id, attribute)] = row
        for index in range(self.rows_box.count()):
            widget = layout_widget(self.rows_box.itemAt(index))
            if widget is not None:
                widget.show()  # at once, so it can take the focus
        self._questions = questions
        self._symptoms = list(dict.fromkeys(s for s, _a in questions))

    # -- the shown day --------------------------------------------------------------------
    def day(self) -> date:
        return self._day

    def set_day(self, day: date) -> None:
        today = self._clock.today()
        day = min(day, today)
        changed = day != self._day
        self._day = day
        self.follows_today = day == today  # after midnight, "today" moves on
        if changed:
            self._extra = []
            self._reopened = False
        self.date_edit.blockSignals(True)
        self.date_edit.setMaximumDate(qdate(today))
        self.date_edit.setDate(qdate(day))
        self.date_edit.blockSignals(False)
        self.later_button.setEnabled(day < today)
        self.today_button.setEnabled(day != today)
        self.title.setText(
            self.tr("Daily check-in")
            if day == today
            else self.tr("Check-in for {day}").format(
                day=QLocale().toString(qdate(day), QLocale.FormatType.LongFormat)
            )
        )
        self.reload()
        if changed:
            self.status.setText("")
            self.day_changed.emit(day)

    def reload(self) -> None:
        """Read the shown day again; rebuild the questions only if the set changed."""
        self._when_shown.fresh()
        self._flush_note()
        state = self._service.day_state(self._day)
        questions = self._service.plan.daily_questions(self._day)
        for symptom_id in self._extra:
            attribute = daily.one_question(self._service.attributes(symptom_id))
            if attribute and all(s != symptom_id for s, _a in questions):
                questions.append((symptom_id, attribute))
        if questions != self._questions:
            self._rebuild_rows(questions)
        self._show_state(state)
        self._update_esas_due()
        self.flags_changed.emit(self._service.open_flags(self._day))

    def _show_state(self, state: DayState) -> None:
        self._state = state
        finished = state.daily_done and not self._reopened
        self.done_panel.setVisible(finished)
        self.body.setVisible(not finished)
        self.done_panel.show_day(
            state.compared_with_yesterday, len(state.values()), state.daily_done_at
        )
        self.overall_row.show_answer(state.compared_with_yesterday)
        values = state.values()
        for key, row in self.rows.items():
            row.set_value(values.get(key))
        esas_values = state.esas_values()
        for item, row in self.esas_rows.items():
            row.set_value(esas_values.get(item))
        unit = self._profile.get().temperature_unit
        self.temperature_unit.setText(self.tr("°F") if unit == "F" else self.tr("°C"))
        self.weight_unit.setText(self.tr("lb") if self._weight_unit() == "lb" else self.tr("kg"))
        if not self.temperature_error.has_error():  # keep a refused value for correcting
            self.temperature_edit.setText(self._temperature_text(state.temperature_c, unit))
        if not self.weight_error.has_error():
            self.weight_edit.setText(self._weight_text(state.weight_kg))
        if self.note_edit.toPlainText().strip() != state.note:
            self.note_edit.blockSignals(True)
            self.note_edit.setPlainText(state.note)
            self.note_edit.blockSignals(False)

    def _log_changed(self, days: frozenset[date]) -> None:
        if not self._busy and self._day in days:
            self._when_shown.request()

    # -- answering --------------------------------------------------------------------------
    def is_done(self) -> bool:
        return self._state.daily_done and not self._reopened

    def focus_first_question(self) -> None:
        if self.is_done():
            self.done_panel.change_button.setFocus()
            return
        order = self._focus_order()
        first = next((r for r in order if r.value() is None), order[0] if order else None)
        if first is not None:
            first.setFocus()
        else:
            self.temperature_edit.setFocus()

    def _focus_order(self) -> list[AnswerRow]:
        rows: list[AnswerRow] = [self.overall_row, *self.rows.values()]
        if self.esas_body.isVisible():
            rows += list(self.esas_rows.values())
        return rows

    def _move(self, row: AnswerRow, step: int) -> None:
        order = self._focus_order()
        if row not in order or not row.hasFocus():
            return  # e.g. a red-flag alert took the focus
        index = order.index(row) + step
        if index < 0:
            return
        if index < len(order):
            order[index].setFocus()
        else:
            self.temperature_edit.setFocus()
            self.row_focused.emit(self.temperature_edit)

    def _run(
        self, text: str, change: Callable[[], Change], field: FieldError | None = None
    ) -> Change | None:
        """Save one change as one undo step; show a plain message if it was refused (beside
        the field, which keeps what was typed).

        A save the disk refused (full, read-only, locked, damaged) is said where the answer
        was given; the answers go back to what is really saved, while typed text (note,
        temperature, weight) stays in its box to retry."""
        self._busy = True
        self.save_failed = False
        try:
            result = undoable_change(self._service, self._stack, text, change)
        except ValidationError as exc:
            self._busy = False
            if field is not None:
                field.show_error(str(exc))
                return None
            self.status.show_error(str(exc))
            self.reload()
            return None
        except StorageError as exc:
            self.save_failed = True
            self.status.show_error(str(exc))
            self._show_saved_answers()
            self._tell_not_saved(str(exc))
            return None
        finally:
            self._busy = False
        if field is not None:
            field.clear_error()
        self._state = result.after
        self.status.setText(self.tr("Saved at {time}.").format(time=locale_time(self._clock.now())))
        self.flags_changed.emit(result.open_flags)
        return result

    def _tell_not_saved(self, message: str) -> None:
        """Say it at once, where the patient is looking (the status line may be scrolled
        away); one box, not one per click, and it does not block the form."""
        if self._failure_box is None:
            self._failure_box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Not saved"),
                "",
                QMessageBox.StandardButton.Ok,
                self,
            )
            self._failure_box.setAccessibleName(self.tr("Not saved"))
        self._failure_box.setText(message)
        self._failure_box.open()

    def _show_saved_answers(self) -> None:
        """Answer buttons show what is stored (after a save that did not land)."""
        values = self._state.values()
        for key, row in self.rows.items():
            row.set_value(values.get(key))
        esas_values = self._state.esas_values()
        for item, row in self.esas_rows.items():
            row.set_value(esas_values.get(item))

    def _answer(self, key: AnswerKey, value: int | None) -> None:
        term = self._service.term(key[0])
        self._run(
            self.tr("Answer about {term}").format(term=term),
            lambda: self._service.set_answer(self._day, key[0], key[1], value),
        )

    def _answer_overall(self, value: int | None) -> None:
        answer = self.overall_row.answer()
        self._run(
            self.tr("Compared with yesterday"),
            lambda: self._service.set_overall(self._day, answer),
        )

    def nothing_new(self) -> None:
        """Same as yesterday and nothing new: one key finishes the day."""
        self._reopened = False
        self._run(
            self.tr("Nothing new today"),
            lambda: self._service.set_overall(self._day, "same", done=True),
        )
        self._show_state(self._state)
        self.focus_first_question()

    def finish_day(self) -> None:
        """Done for today: what was answered is already saved; this marks the day finished."""
        self._flush_note()
        self._save_temperature()
        self._save_weight()
        self._reopened = False
        self._run(self.tr("Done for today"), lambda: self._service.set_daily_done(self._day, True))
        self._show_state(self._state)
        self.focus_first_question()

    def reopen(self) -> None:
        """Show a finished day's questions again to change an answer."""
        self._reopened = True
        self._show_state(self._state)
        self.focus_first_question()

    def _answer_esas(self, item: str, value: int | None) -> None:
        self._run(
            self.tr("ESAS-r answer: {item}").format(item=esas.item_name(item)),
            lambda: self._service.set_esas(self._day, item, value),
        )
        self._update_esas_due()

    def same_as_yesterday(self) -> None:
        previous = self._service.previous_day_state(self._day)
        if previous is None:
            self.status.setText(self.tr("There is no earlier check-in to copy."))
            return
        values = previous.values()
        new = [s for s, _a in values if s not in self._symptoms and s not in self._extra]
        self._extra.extend(dict.fromkeys(new))
        self.reload()
        current = self._state.values()
        fill = {
            key: value for key, value in values.items() if key not in current and key in self.rows
        }
        if not fill:
            self.status.setText(self.tr("Every question is already answered."))
            return
        self._run(
            self.tr("Same as yesterday"),
            lambda: self._service.set_answers(self._day, dict(fill)),
        )
        if self.save_failed:
            return
        self.reload()
        when = QLocale().toString(qdate(previous.day), QLocale.FormatType.LongFormat)
        self.status.setText(
            self.tr(
                "Filled in from {day}. Please check each answer and change any that are "
                "different today."
            ).format(day=when)
        )
        self.focus_first_question_of(list(fill))

    def focus_first_question_of(self, keys: list[AnswerKey]) -> None:
        for key, row in self.rows.items():
            if key in keys:
                row.setFocus()
                return

    def add_symptom(self) -> None:
        dialog = AddSymptomDialog(self._service, set(self._symptoms), self)
        accepted = dialog.exec()
        chosen = dialog.chosen()
        dialog.deleteLater()
        self.activateWindow()  # give the keyboard back to the check-in at once
        if accepted and chosen:
            self.show_symptom(chosen)

    def show_symptom(self, symptom_id: str) -> None:
        """Add a symptom to this day's questions and put the focus on it."""
        if symptom_id not in self._symptoms:
            self._extra.append(symptom_id)
            self.reload()
        for key, row in self.rows.items():
            if key[0] == symptom_id:
                row.setFocus()
                self.row_focused.emit(row)
                break

    def _pin(self, symptom_id: str, pinned: bool) -> None:
        self._service.set_pinned(symptom_id, pinned)
        pin = self.pin_buttons.get(symptom_id)
        if pin is not None:
            pin.setText(self.tr("Pinned") if pinned else self.tr("Pin"))
        self.status.setText(
            self.tr("{term} will always be asked.").format(term=self._service.term(symptom_id))
            if pinned
            else self.tr("{term} is no longer pinned.").format(term=self._service.term(symptom_id))
        )

    # -- measurements and note --------------------------------------------------------------
    @staticmethod
    def _weight_unit() -> str:
        imperial = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
        return "lb" if imperial else "kg"

    def _temperature_text(self, celsius: float | None, unit: str) -> str:
        if celsius is None:
            return ""
        shown = wording.celsius_to_fahrenheit(celsius) if unit == "F" else celsius
        return QLocale().toString(round(shown, 1), "f", 1)

    def _weight_text(self, kg: float | None) -> str:
        if kg is None:
            return ""
        shown = kg / wording.KG_PER_POUND if self._weight_unit() == "lb" else kg
        return QLocale().toString(round(shown, 1), "f", 1)

    def _number(self, edit: QLineEdit) -> float | None:
        text = edit.text().strip()
        if not text:
            return None
        value, ok = QLocale().toDouble(text)
        if not ok:
            value, ok = QLocale.c().toDouble(text.replace(",", "."))
        if not ok:
            raise ValidationError(self.tr("Please type a number, for example 37.2."))
        return value

    def _save_temperature(self) -> None:
        unit = self._profile.get().temperature_unit
        if self.temperature_edit.text() == self._temperature_text(self._state.temperature_c, unit):
            self.temperature_error.clear_error()
            return
        try:
            value = self._number(self.temperature_edit)
        except ValidationError as exc:
            self.temperature_error.show_error(str(exc))
            return
        celsius = (
            wording.fahrenheit_to_celsius(value) if value is not None and unit == "F" else value
        )
        saved = self._run(
            self.tr("Temperature"),
            lambda: self._service.set_temperature(self._day, celsius),
            self.temperature_error,
        )
        if saved is not None:
            self._show_state(self._state)

    def _save_weight(self) -> None:
        if self.weight_edit.text() == self._weight_text(self._state.weight_kg):
            self.weight_error.clear_error()
            return
        try:
            value = self._number(self.weight_edit)
        except ValidationError as exc:
            self.weight_error.show_error(str(exc))
            return
        kg = (
            value * wording.KG_PER_POUND
            if value is not None and self._weight_unit() == "lb"
            else value
        )
        saved = self._run(
            self.tr("Weight"), lambda: self._service.set_weight(self._day, kg), self.weight_error
        )
        if saved is not None:
            self._show_state(self._state)

    def _save_note(self) -> None:
        self._note_timer.stop()
        text = self.note_edit.toPlainText().strip()
        if text == self._state.note:
            return
        self._run(self.tr("Note"), lambda: self._service.set_note(self._day, text))

    def _flush_note(self) -> None:
        if self._note_timer.isActive():
            self._save_note()

    def eventFilter(self, watched: object, event: object) -> bool:
        if (
            watched is self.note_edit
            and isinstance(event, QEvent)
            and event.type() == QEvent.Type.FocusOut
        ):
            self._save_note()
        return super().eventFilter(watched, event)  # type: ignore[arg-type]  # Qt's stubs want QObject/QEvent, never None here

    # -- ESAS-r -------------------------------------------------------------------------
    def _esas_frequency_changed(self) -> None:
        if self._settings is not None:
            self._settings.setValue(ESAS_SETTING, self.esas_frequency.currentData())
        self._update_esas_due()

    def _update_esas_due(self) -> None:
        frequency = self.esas_frequency.currentData()
        answered_today = bool(self._state.esas)
        last = self._service.last_esas_day(before=self._day)
        if frequency == "visit":
            visit = self._visits.next_visit()
            days_left = (visit.day - self._day).days if visit is not None else -1
            recent = last is not None and (self._day - last).days < ESAS_DAYS_BEFORE_VISIT
            due = 0 <= days_left <= ESAS_DAYS_BEFORE_VISIT and not answered_today and not recent
        elif frequency == "daily":
            due = not answered_today
        elif frequency == "weekly":
            due = not answered_today and (last is None or (self._day - last).days >= 7)
        else:
            due = False
        self.esas_due.setText(
            self.tr("The ESAS-r is due before your visit. It asks how you feel now.") if due else ""
        )
        self.esas_due.setVisible(due)
        if due or answered_today:
            self.esas_toggle.setChecked(True)
        self._show_esas(self.esas_toggle.isChecked())

    def _show_esas(self, shown: bool) -> None:
        if shown and not self.esas_rows:
            self._build_esas_rows()
        self.esas_body.setVisible(shown)
        self.esas_toggle.setText(
            self.tr("Hide the ESAS-r form") if shown else self.tr("Show the ESAS-r form")
        )

    def open_flags(self) -> tuple[FlagEvent, ...]:
        return self._service.open_flags(self._day)
