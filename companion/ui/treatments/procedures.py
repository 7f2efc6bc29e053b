"""Surgery, radiation and other procedures, shown under the lines of treatment."""

from __future__ import annotations

from companion.treatments.labels import PROCEDURE_KINDS, day_text, procedure_label
from companion.treatments.procedures import ProcedureInfo, ProcedureInput
from companion.treatments.record import TreatmentRecord
from companion.ui.treatments.forms import (
    EntryDialog,
    OptionalDate,
    choice_combo,
    date_edit,
    from_qdate,
    line_edit,
    note_edit,
)
from companion.ui.treatments.section import EntrySection


class ProcedureSection(EntrySection):
    def __init__(self, record: TreatmentRecord) -> None:
        self._record = record
        self._items: dict[int, ProcedureInfo] = {}
        super().__init__(
            record.procedures,
            self.tr("Surgery and radiation"),
            [self.tr("Date"), self.tr("What"), self.tr("Until"), self.tr("Note")],
            self.tr("No surgery or radiation recorded."),
            self.tr("Add surgery or radiation…"),
            stretch=(1, 3),
        )

    def rows(self) -> list[tuple[int, list[str]]]:
        items = self._record.procedures.procedures()
        self._items = {p.id: p for p in items}
        return [
            (
                p.id,
                [
                    day_text(p.day),
                    p.full_label,
                    day_text(p.end_date),
                    p.note,
                ],
            )
            for p in reversed(items)
        ]

    def describe(self, row_id: int) -> str:
        item = self._items.get(row_id) or next(
            p for p in self._record.procedures.procedures() if p.id == row_id
        )
        return f"{item.label}, {day_text(item.day)}"

    def make_dialog(self, row_id: int | None) -> EntryDialog:
        item = self._items.get(row_id) if row_id is not None else None
        kind = choice_combo(
            PROCEDURE_KINDS, procedure_label, item.kind if item else "surgery", self.tr("Kind")
        )
        description = line_edit(
            item.description if item else "",
            self.tr("What was done"),
            self.tr("e.g. Mastectomy, or radiation to the spine"),
        )
        today = self._record.clock.today()
        day = date_edit(item.day if item else today, self.tr("Date"))
        until = OptionalDate(
            self.tr("Lasted until"),
            item.end_date if item else None,
            self.tr("End date"),
            today=today,
        )
        note = note_edit(item.note if item else "", self.tr("Note"), self.tr("Optional"))

        def save() -> ProcedureInfo:
            data = ProcedureInput(
                kind.currentData(),
                from_qdate(day.date()),
                description.text(),
                until.value(),
                note.toPlainText(),
            )
            if item is None:
                return self._record.procedures.add(data)
            return self._record.procedures.update(item.id, data)

        title = (
            self.tr("Change surgery or radiation") if item else self.tr("Add surgery or radiation")
        )
        dialog = EntryDialog(title, self, save)
        dialog.add_row(self.tr("&Kind"), kind)
        dialog.add_row(self.tr("&What"), description)
        dialog.add_row(self.tr("&Date"), day)
        dialog.add_row(self.tr("&Until"), until)
        dialog.add_row(self.tr("N&ote"), note)
        return dialog
