"""Set up or change a medicine's schedule, started from its library entry: pick the
medicine and the label's pattern and food instruction fill in; the dose stays empty until
the patient types what the care team prescribed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QSpinBox, QWidget

from companion.library.model import LabelPlan
from companion.medicines.engine import PATTERNS
from companion.medicines.label import differs_from_label, food_instruction, label_pattern
from companion.medicines.model import ScheduleInfo, ScheduleInput
from companion.medicines.wording import pattern_text
from companion.treatments.record import TreatmentRecord
from companion.ui.treatments.forms import (
    EntryDialog,
    OptionalDate,
    date_edit,
    from_qdate,
    line_edit,
    number_text,
    parse_number,
)
from companion.ui.widgets.common import label

DEFAULT_TIMES = {1: "09:00", 2: "08:00 20:00", 3: "08:00 14:00 20:00"}


@dataclass(frozen=True)
class MedicineChoice:
    name: str
    library_id: str | None
    line_id: int | None


def medicine_choices(record: TreatmentRecord, today: date) -> list[MedicineChoice]:
    """Medicines taken now: cancer drugs of open lines (with their line), then the others."""
    found: list[MedicineChoice] = []
    for line in record.lines.lines():
        if not line.is_open(today):
            continue
        for drug in line.drugs:
            if drug.end_date is None or drug.end_date >= today:
                found.append(MedicineChoice(drug.display, drug.library_id, line.id))
    for medicine in record.medicines.medicines():
        if medicine.is_current(today):
            found.append(MedicineChoice(medicine.name, medicine.library_id, None))
    return found


def spin(low: int, high: int, value: int, name: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    box.setAccessibleName(name)
    inner = box.findChild(QLineEdit)
    if inner is not None:  # the text part inside a spin box is read out too
        inner.setAccessibleName(name)
    return box


class ScheduleDialog(EntryDialog):
    def __init__(
        self,
        parent: QWidget,
        record: TreatmentRecord,
        today: date,
        item: ScheduleInfo | None = None,
    ) -> None:
        self._record = record
        self._today = today
        self._item = item
        super().__init__(
            self.tr("Change schedule") if item else self.tr("Set up a schedule"), parent, self.save
        )
        self.medicine = QComboBox()
        self.medicine.setAccessibleName(self.tr("Medicine"))
        self.choices = (
            [MedicineChoice(item.name, item.library_id, item.line_id)]
            if item
            else medicine_choices(record, today)
        )
        for choice in self.choices:
            self.medicine.addItem(choice.name)
        self.medicine.setEnabled(item is None)
        self.label_box = label("", "muted")
        self.label_box.setAccessibleName(self.tr("From the label"))
        self.pattern = QComboBox()
        self.pattern.setAccessibleName(self.tr("How often"))
        for code in PATTERNS:
            self.pattern.addItem(pattern_text(code), code)
        step = item.dose_on(today) if item else None
        self.amount = line_edit(
            number_text(step.amount) if step else "",
            self.tr("Dose (as prescribed)"),
            self.tr("as your care team prescribed"),
        )
        self.unit = line_edit(step.unit if step else "", self.tr("Unit"), self.tr("e.g. mg"))
        self.times = line_edit(
            " ".join(t.strftime("%H:%M") for t in item.times) if item else "",
            self.tr("Times of day"),
            self.tr("e.g. 08:00 20:00"),
        )
        self.first_day = spin(1, 84, item.first_day or 1 if item else 1, self.tr("From cycle day"))
        self.last_day = spin(1, 84, item.last_day or 14 if item else 14, self.tr("To cycle day"))
        self.cycle_length = spin(
            1, 84, item.cycle_length or 21 if item else 21, self.tr("Cycle length in days")
        )
        cycle_row = QWidget()
        cycle_layout = QHBoxLayout(cycle_row)
        cycle_layout.setContentsMargins(0, 0, 0, 0)
        cycle_layout.addWidget(label(self.tr("days")))
        cycle_layout.addWidget(self.first_day)
        cycle_layout.addWidget(label(self.tr("to")))
        cycle_layout.addWidget(self.last_day)
        cycle_layout.addWidget(label(self.tr("of a cycle of")))
        cycle_layout.addWidget(self.cycle_length)
        cycle_layout.addWidget(label(self.tr("days")), 1)
        self.every_weeks = spin(1, 52, item.every_weeks or 4 if item else 4, self.tr("Every weeks"))
        self.ramp = line_edit(
            " ".join(number_text(s.amount) for s in item.doses)
            if item and item.pattern == "ramp"
            else "",
            self.tr("Dose of each week"),
            self.tr("e.g. 120 160 240"),
        )
        self.interval = line_edit(
            number_text(item.min_interval_hours) if item else "",
            self.tr("Hours between doses, at least"),
        )
        self.daily_max = line_edit(
            number_text(item.daily_max) if item else "", self.tr("Most in a day")
        )
        self.start = date_edit(item.start_date if item else today, self.tr("Start date"))
        self.stop = OptionalDate(
            self.tr("Stops on"), item.end_date if item else None, self.tr("Stop date"), today=today
        )
        self.check_note = label("", "error")
        self.check_note.setAccessibleName(self.tr("Check with your care team"))
        self.add_row(self.tr("&Medicine"), self.medicine)
        self.add_row(self.tr("Label"), self.label_box)
        self.add_row(self.tr("&How often"), self.pattern)
        self.add_row(self.tr("&Dose"), self.amount)
        self.add_row(self.tr("&Unit"), self.unit)
        self.add_row(self.tr("&Times"), self.times)
        self.add_row(self.tr("C&ycle"), cycle_row)
        self.add_row(self.tr("&Every"), self.every_weeks)
        self.add_row(self.tr("Dose by &week"), self.ramp)
        self.add_row(self.tr("Hours &between doses"), self.interval)
        self.add_row(self.tr("Most in a d&ay"), self.daily_max)
        self.add_row(self.tr("&Starts"), self.start)
        self.add_row(self.tr("Sto&ps"), self.stop)
        self.form.addRow(self.check_note)
        self.every_weeks.setSuffix(self.tr(" weeks"))
        self.medicine.currentIndexChanged.connect(self._medicine_chosen)
        self.pattern.currentIndexChanged.connect(self._update)
        for box in (self.first_day, self.last_day, self.cycle_length):
            box.valueChanged.connect(self._update)
        self.times.textChanged.connect(self._update)
        if item is not None:
            self.pattern.setCurrentIndex(max(0, self.pattern.findData(item.pattern)))
            self._show_label()
            self._update()
        else:
            self._medicine_chosen()

    # -- the label --------------------------------------------------------------------------
    def _choice(self) -> MedicineChoice | None:
        index = self.medicine.currentIndex()
        return self.choices[index] if 0 <= index < len(self.choices) else None

    def _plan(self) -> LabelPlan | None:
        choice = self._choice()
        if choice is None or not choice.library_id:
            return None
        entry = self._record.library.entry(choice.library_id)
        return entry.label_plan if entry else None

    def _show_label(self) -> None:
        plan = self._plan()
        if plan is None:
            self.label_box.setText(self.tr("The library has no label plan for this medicine."))
        else:
            self.label_box.setText(
                self.tr(
                    "{food}. The label's usual pattern: {pattern}. Your own dose and schedule "
                    "come from your care team."
                ).format(food=food_instruction(plan.food), pattern=label_pattern(plan))
            )
        self.label_box.setAccessibleDescription(self.label_box.text())

    def _medicine_chosen(self) -> None:
        """Fill in the label's pattern and times (never a dose)."""
        self._show_label()
        plan = self._plan()
        if plan is not None:
            if plan.days_on and plan.cycle_days:
                self.pattern.setCurrentIndex(self.pattern.findData("cycle"))
                self.first_day.setValue(1)
                self.last_day.setValue(plan.days_on)
                self.cycle_length.setValue(plan.cycle_days)
            else:
                self.pattern.setCurrentIndex(self.pattern.findData("daily"))
            self.times.setText(DEFAULT_TIMES.get(plan.times_per_day or 1, "09:00"))
        self._update()

    def _update(self) -> None:
        pattern = self.pattern.currentData()
        visible = {
            "Times": pattern != "as_needed",
            "Cycle": pattern == "cycle",
            "Every": pattern == "weekly",
            "Dose by week": pattern == "ramp",
            "Dose": pattern != "ramp",
            "Hours between doses": pattern == "as_needed",
            "Most in a day": pattern == "as_needed",
        }
        for text, shown in visible.items():
            self.form.setRowVisible(self.fields[text], shown)
        times = len(self.times.text().replace(",", " ").split())
        cycle = (
            (self.first_day.value(), self.last_day.value(), self.cycle_length.value())
            if pattern == "cycle"
            else None
        )
        note = differs_from_label(self._plan(), pattern, times, cycle)
        self.check_note.setText(note)
        self.check_note.setAccessibleName(note or self.tr("Check with your care team"))
        self.check_note.setVisible(bool(note))

    # -- saving -----------------------------------------------------------------------------
    def save(self) -> ScheduleInfo:
        choice = self._choice()
        pattern = self.pattern.currentData()
        ramp = tuple(
            value
            for part in self.ramp.text().replace(",", " ").split()
            if (value := parse_number(part, self.tr("dose of each week"))) is not None
        )
        data = ScheduleInput(
            name=choice.name if choice else "",
            pattern=pattern,
            amount=parse_number(self.amount.text(), self.tr("dose")),
            unit=self.unit.text(),
            times=self.times.text() if pattern != "as_needed" else "",
            start_date=from_qdate(self.start.date()),
            end_date=self.stop.value(),
            library_id=choice.library_id if choice else None,
            line_id=choice.line_id if choice else None,
            cycle_length=self.cycle_length.value(),
            first_day=self.first_day.value(),
            last_day=self.last_day.value(),
            every_weeks=self.every_weeks.value(),
            min_interval_hours=parse_number(self.interval.text(), self.tr("hours between doses")),
            daily_max=parse_number(self.daily_max.text(), self.tr("most in a day")),
            ramp=ramp,
        )
        service = self._record.schedules
        if self._item is None:
            return service.add(data, self._today)
        return service.update(self._item.id, data, self._today)
