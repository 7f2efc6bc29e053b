"""The Lines tab: lines of treatment, the selected line's drugs and treatment days, and
surgery or radiation."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from companion.treatments.administrations import AdministrationInfo
from companion.treatments.labels import administration_label, day_text, end_reason_label
from companion.treatments.lines import LineInfo
from companion.treatments.record import TreatmentRecord
from companion.ui.treatments.administration_dialog import AdministrationDialog
from companion.ui.treatments.forms import EntryDialog, OptionalDate, confirm_delete
from companion.ui.treatments.line_dialog import EndLineDialog, LineDialog
from companion.ui.treatments.procedures import ProcedureSection
from companion.ui.treatments.responsive import SideBySide
from companion.ui.treatments.table import RecordTable
from companion.ui.treatments.undo import record_change
from companion.ui.widgets.common import label


class LinesTab(QWidget):
    def __init__(self, record: TreatmentRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._record = record
        self.dialog: EntryDialog | None = None
        self._lines: dict[int, LineInfo] = {}
        self._filling = False

        # The columns first, then the tables made in them: a table moved under a new
        # parent is polished by the style sheet all over again.
        left_column = QWidget()
        left = QVBoxLayout(left_column)
        left.setContentsMargins(0, 0, 0, 0)
        right_column = QWidget()
        right = QVBoxLayout(right_column)
        right.setContentsMargins(0, 0, 0, 0)
        self.columns = SideBySide(left_column, right_column, (5, 4), (30, 24))
        QVBoxLayout(self).addWidget(self.columns)

        self.table = RecordTable(
            self.tr("Lines of treatment"),
            [self.tr("Line"), self.tr("Treatment"), self.tr("Dates"), self.tr("Why it ended")],
            self.tr("No lines yet. Add the treatment you have now, or had before."),
            stretch=(1, 3),
            parent=left_column,
        )
        self.add_button = self.table.add_button(
            self.tr("&Add a line…"), self.add_line, needs_selection=False, primary=True
        )
        self.edit_button = self.table.add_button(self.tr("&Change…"), self.edit_line)
        self.end_button = self.table.add_button(self.tr("E&nd this line…"), self.end_line)
        self.delete_button = self.table.add_button(self.tr("Delete"), self.delete_line)
        self.table.opened.connect(lambda _id: self.edit_line())
        self.table.selection_changed.connect(self._selection_moved)

        self.detail_title = label("", "subtitle")
        self.detail_text = label("")
        self.drugs = RecordTable(
            self.tr("Drugs"),
            [self.tr("Drug"), self.tr("From"), self.tr("Until")],
            "",
            (0,),
            parent=right_column,
        )
        self.drugs.empty.hide()
        self.stop_drug_button = self.drugs.add_button(
            self.tr("This drug sto&pped…"), self.stop_drug
        )
        self.days = RecordTable(
            self.tr("Treatment days"),
            [self.tr("Date"), self.tr("What"), self.tr("Cycle"), self.tr("Note")],
            self.tr("No treatment days recorded for this line."),
            stretch=(3,),
            parent=right_column,
        )
        self.given_button = self.days.add_button(
            self.tr("Treatment gi&ven…"), lambda: self.add_day("given"), needs_selection=False
        )
        self.delay_button = self.days.add_button(
            self.tr("&Delay…"), lambda: self.add_day("delay"), needs_selection=False
        )
        self.dose_button = self.days.add_button(
            self.tr("D&ose change…"), lambda: self.add_day("dose_change"), needs_selection=False
        )
        self.delete_day_button = self.days.add_button(self.tr("Delete day"), self.delete_day)
        self.days.opened.connect(self.edit_day)

        self.procedures = ProcedureSection(record)

        left.addWidget(self.table)
        left.addWidget(self.procedures)
        left.addStretch(1)
        right.addWidget(self.detail_title)
        right.addWidget(self.detail_text)
        right.addWidget(self.drugs)
        right.addWidget(self.days)
        right.addStretch(1)

    # -- showing -------------------------------------------------------------------------
    def refresh(self) -> None:
        lines = self._record.lines.lines()
        self._lines = {line.id: line for line in lines}
        rows = [
            (
                line.id,
                [
                    line.label,
                    line.name,
                    line.dates,
                    end_reason_label(line.end_reason) if line.end_date else "",
                ],
            )
            for line in reversed(lines)  # newest first
        ]
        self._filling = True  # the selected line is shown once, below
        try:
            self.table.set_rows(rows)
            if self.table.current_id() is None and lines:
                self.table.select_id(lines[-1].id)
        finally:
            self._filling = False
        self.procedures.refresh()
        self._show_selected()

    def _selection_moved(self) -> None:
        if not self._filling:
            self._show_selected()

    def selected_line(self) -> LineInfo | None:
        line_id = self.table.current_id()
        return self._lines.get(line_id) if line_id is not None else None

    def _show_selected(self) -> None:
        line = self.selected_line()
        for widget in (self.drugs, self.days):
            widget.setVisible(line is not None)
        self.end_button.setEnabled(line is not None and line.end_date is None)
        if line is None:
            self.detail_title.setText(self.tr("Choose a line to see its drugs and days."))
            self.detail_text.setText("")
            return
        self.detail_title.setText(f"{line.label}: {line.name}")
        parts = [line.dates]
        if line.end_date is not None:
            parts.append(
                self.tr("Why it ended: {reason}").format(reason=end_reason_label(line.end_reason))
            )
        if line.end_note:
            parts.append(line.end_note)
        self.detail_text.setText("\n".join(parts))
        for shown in (self.detail_title, self.detail_text):
            shown.setAccessibleName(shown.text())
        self.drugs.set_rows(
            [
                (
                    d.id,
                    [
                        d.display
                        if d.library_id
                        else self.tr("{name} (typed)").format(name=d.display),
                        day_text(d.start_date or line.start_date),
                        day_text(d.end_date or line.end_date) or self.tr("ongoing"),
                    ],
                )
                for d in line.drugs
            ]
        )
        self.days.set_rows(
            [
                (
                    a.id,
                    [
                        day_text(a.day),
                        administration_label(a.kind),
                        str(a.cycle) if a.cycle else "",
                        a.note,
                    ],
                )
                for a in reversed(line.administrations)
            ]
        )

    def _changed(self, line_id: int | None = None) -> None:
        self.refresh()
        if line_id is not None:
            self.table.select_id(line_id)

    # -- lines ---------------------------------------------------------------------------
    def _open(self, dialog: EntryDialog, on_saved: object) -> None:
        self.dialog = dialog
        dialog.accepted.connect(on_saved)
        dialog.open()

    def add_line(self) -> None:
        dialog = LineDialog(self, self._record.lines, self._record.matcher(), None)

        def saved() -> None:
            line = dialog.result_value
            assert isinstance(line, LineInfo)
            after = self._record.lines.snapshot(line.id)
            record_change(self, self.tr("Add line"), self._record.lines, None, after, self.refresh)
            self._changed(line.id)

        self._open(dialog, saved)

    def edit_line(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        before = self._record.lines.snapshot(line.id)
        dialog = LineDialog(self, self._record.lines, self._record.matcher(), line)
        self._open(dialog, lambda: self._after_edit(self.tr("Change line"), before, line.id))

    def end_line(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        before = self._record.lines.snapshot(line.id)
        dialog = EndLineDialog(self, self._record.lines, line)
        self._open(dialog, lambda: self._after_edit(self.tr("End line"), before, line.id))

    def _after_edit(self, text: str, before: object, line_id: int) -> None:
        after = self._record.lines.snapshot(line_id)
        record_change(self, text, self._record.lines, before, after, self.refresh)  # type: ignore[arg-type]  # the lines service is a Snapshotter by duck typing
        self._changed(line_id)

    def delete_line(self) -> None:
        line = self.selected_line()
        if line is None or not confirm_delete(self, f"{line.label} ({line.name})"):
            return
        before = self._record.lines.delete(line.id)
        record_change(self, self.tr("Delete line"), self._record.lines, before, None, self.refresh)
        self._changed()

    def stop_drug(self) -> None:
        line = self.selected_line()
        drug_id = self.drugs.current_id()
        drug = next((d for d in line.drugs if d.id == drug_id), None) if line else None
        if line is None or drug is None:
            return
        before = self._record.lines.snapshot(line.id)
        stopped = OptionalDate(
            self.tr("It stopped on"),
            drug.end_date,
            self.tr("Stop date"),
            today=self._record.clock.today(),
        )
        stopped.check.setChecked(True)
        stopped.edit.setEnabled(True)
        dialog = EntryDialog(
            self.tr("{drug} stopped").format(drug=drug.display),
            self,
            lambda: self._record.lines.stop_drug(line.id, drug.id, stopped.value()),
        )
        dialog.add_row(self.tr("&Stopped"), stopped)
        dialog.stopped = stopped  # type: ignore[attr-defined]  # a Python attribute: tests reach the date field
        self._open(dialog, lambda: self._after_edit(self.tr("Drug stopped"), before, line.id))

    # -- treatment days --------------------------------------------------------------------
    def add_day(self, kind: str) -> None:
        line = self.selected_line()
        if line is None:
            return
        dialog = AdministrationDialog(self, self._record.administrations, line, kind)

        def saved() -> None:
            day = dialog.result_value
            assert isinstance(day, AdministrationInfo)
            after = self._record.administrations.snapshot(day.id)
            record_change(
                self,
                administration_label(kind),
                self._record.administrations,
                None,
                after,
                self.refresh,
            )
            self._changed(line.id)
            self.days.select_id(day.id)

        self._open(dialog, saved)

    def edit_day(self, day_id: int) -> None:
        line = self.selected_line()
        day = next((a for a in line.administrations if a.id == day_id), None) if line else None
        if line is None or day is None:
            return
        before = self._record.administrations.snapshot(day.id)
        dialog = AdministrationDialog(
            self, self._record.administrations, line, day.kind, existing=day
        )

        def saved() -> None:
            after = self._record.administrations.snapshot(day.id)
            record_change(
                self,
                self.tr("Change treatment day"),
                self._record.administrations,
                before,
                after,
                self.refresh,
            )
            self._changed(line.id)

        self._open(dialog, saved)

    def delete_day(self) -> None:
        line = self.selected_line()
        day_id = self.days.current_id()
        if line is None or day_id is None:
            return
        day = next(a for a in line.administrations if a.id == day_id)
        if not confirm_delete(self, f"{administration_label(day.kind)}, {day_text(day.day)}"):
            return
        before = self._record.administrations.delete(day_id)
        record_change(
            self,
            self.tr("Delete treatment day"),
            self._record.administrations,
            before,
            None,
            self.refresh,
        )
        self._changed(line.id)
