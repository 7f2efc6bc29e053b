"""The Medicines tab: cancer treatment taken now, other medicines, and a printable list."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from companion.treatments.labels import day_text
from companion.treatments.medicines import MedicineInfo, MedicineInput
from companion.treatments.record import TreatmentRecord
from companion.ui import theme
from companion.ui.medicines.schedules_section import ScheduleSection
from companion.ui.treatments.forms import (
    EntryDialog,
    OptionalDate,
    date_edit,
    from_qdate,
    line_edit,
)
from companion.ui.treatments.section import EntrySection
from companion.ui.treatments.table import RecordTable
from companion.ui.treatments.undo import record_change
from companion.ui.widgets.common import button, label


class OtherMedicines(EntrySection):
    def __init__(self, record: TreatmentRecord) -> None:
        self._record = record
        self._items: dict[int, MedicineInfo] = {}
        super().__init__(
            record.medicines,
            self.tr("Other medicines"),
            [
                self.tr("Medicine"),
                self.tr("For"),
                self.tr("Dose"),
                self.tr("Since"),
                self.tr("Stopped"),
            ],
            self.tr("No other medicines yet: add anti-sickness, bone or any other medicines."),
            self.tr("&Add a medicine…"),
            stretch=(0, 2),
        )
        self.stop_button = self.table.add_button(self.tr("Stopped ta&king…"), self.stop)

    def rows(self) -> list[tuple[int, list[str]]]:
        items = self._record.medicines.medicines()
        self._items = {m.id: m for m in items}
        return [
            (m.id, [m.name, m.purpose, m.dose, day_text(m.start_date), day_text(m.end_date)])
            for m in items
        ]

    def colours(self) -> dict[int, str]:
        today = self._record.clock.today()
        return {m.id: theme.PANEL for m in self._items.values() if not m.is_current(today)}

    def describe(self, row_id: int) -> str:
        item = self._items.get(row_id)
        return item.name if item else self.tr("medicine")

    def make_dialog(self, row_id: int | None) -> EntryDialog:
        item = self._items.get(row_id) if row_id is not None else None
        name = line_edit(item.name if item else "", self.tr("Medicine name"))
        purpose = line_edit(
            item.purpose if item else "", self.tr("What it is for"), self.tr("e.g. Nausea")
        )
        dose = line_edit(
            item.dose if item else "", self.tr("Dose"), self.tr("e.g. 8 mg when needed")
        )
        today = self._record.clock.today()
        since = OptionalDate(
            self.tr("Started on"),
            item.start_date if item else today,
            self.tr("Start date"),
            today=today,
        )
        stopped = OptionalDate(
            self.tr("Stopped on"),
            item.end_date if item else None,
            self.tr("Stop date"),
            today=today,
        )

        def save() -> MedicineInfo:
            data = MedicineInput(
                name.text(), purpose.text(), dose.text(), since.value(), stopped.value()
            )
            if item is None:
                return self._record.medicines.add(data)
            return self._record.medicines.update(item.id, data)

        dialog = EntryDialog(
            self.tr("Change medicine") if item else self.tr("Add a medicine"), self, save
        )
        dialog.add_row(self.tr("&Name"), name)
        dialog.add_row(self.tr("&For"), purpose)
        dialog.add_row(self.tr("&Dose"), dose)
        dialog.add_row(self.tr("&Started"), since)
        dialog.add_row(self.tr("S&topped"), stopped)
        return dialog

    def stop(self) -> None:
        row_id = self.table.current_id()
        item = self._items.get(row_id) if row_id is not None else None
        if item is None:
            return
        before = self._record.medicines.snapshot(item.id)
        day = date_edit(self._record.clock.today(), self.tr("Stop date"))
        dialog = EntryDialog(
            self.tr("Stopped taking {name}").format(name=item.name),
            self,
            lambda: self._record.medicines.stop(item.id, from_qdate(day.date())),
        )
        dialog.add_row(self.tr("&Stopped on"), day)

        def saved() -> None:
            after = self._record.medicines.snapshot(item.id)
            record_change(
                self,
                self.tr("Stop {name}").format(name=item.name),
                self._record.medicines,
                before,
                after,
                self.refresh,
            )
            self.refresh()

        self._open(dialog, saved)


class MedicinesTab(QWidget):
    print_requested = Signal()

    def __init__(self, record: TreatmentRecord) -> None:
        super().__init__()
        self._record = record
        self.schedules = ScheduleSection(record, record.clock.wall_now)
        self.cancer = RecordTable(
            self.tr("Cancer treatment now"),
            [self.tr("Drug"), self.tr("Part of"), self.tr("How it is given"), self.tr("Since")],
            self.tr("No cancer treatment is going on now (see the Lines tab)."),
            stretch=(0, 2),
        )
        self.others = OtherMedicines(record)
        self.print_button = button(self.tr("&Print medicines list…"))
        self.print_button.clicked.connect(self.print_requested)
        top = QHBoxLayout()
        top.addWidget(
            label(
                self.tr("Everything you take now, to show at appointments or in an emergency."),
                "muted",
            ),
            1,
        )
        top.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.cancer)  # a few rows: no stretch, so no gap below them
        layout.addWidget(self.schedules, 1)
        layout.addWidget(self.others, 1)

    def refresh(self) -> None:
        current = [m for m in self._record.medicines.current_list() if m.cancer_treatment]
        self.cancer.set_rows(
            [
                (index, [m.name, m.part_of, m.how, day_text(m.since)])
                for index, m in enumerate(current)
            ]
        )
        self.others.refresh()
        self.schedules.refresh()
