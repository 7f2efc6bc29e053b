"""Record a treatment day (cycle), a delay or a dose change, with the reason."""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox, QWidget

from companion.treatments.administrations import (
    MAX_CYCLE,
    AdministrationInfo,
    AdministrationInput,
    AdministrationService,
)
from companion.treatments.labels import administration_label
from companion.treatments.lines import LineInfo
from companion.ui.treatments.forms import EntryDialog, date_edit, from_qdate, note_edit


class AdministrationDialog(EntryDialog):
    def __init__(
        self,
        parent: QWidget,
        service: AdministrationService,
        line: LineInfo,
        kind: str,
        existing: AdministrationInfo | None = None,
    ) -> None:
        title = f"{administration_label(kind)}: {line.label}"
        super().__init__(title, parent, self._save_day)
        self._service = service
        self._line = line
        self._kind = kind
        self._existing = existing
        today = service.clock.today()
        default_day = min(today, line.end_date or today)
        self.day = date_edit(existing.day if existing else default_day, self.tr("Date"))
        self.cycle = QSpinBox()
        self.cycle.setRange(0, MAX_CYCLE)
        self.cycle.setSpecialValueText(self.tr("None"))
        self.cycle.setAccessibleName(self.tr("Cycle number"))
        if existing is not None:
            self.cycle.setValue(existing.cycle or 0)
        elif kind == "given":
            self.cycle.setValue(service.next_cycle(line.id))
        note_label = {
            "delay": self.tr("&Reason for the delay"),
            "dose_change": self.tr("&What changed, and why"),
        }.get(kind, self.tr("N&ote"))
        self.note = note_edit(
            existing.note if existing else "",
            note_label.replace("&", ""),
            self.tr("Required") if kind != "given" else self.tr("Optional"),
        )
        self.add_row(self.tr("&Date"), self.day)
        if kind == "given":
            self.add_row(self.tr("&Cycle"), self.cycle)
        self.add_row(note_label, self.note)

    def _save_day(self) -> AdministrationInfo:
        cycle = (self.cycle.value() or None) if self._kind == "given" else None
        data = AdministrationInput(
            from_qdate(self.day.date()), self._kind, cycle, self.note.toPlainText()
        )
        if self._existing is None:
            return self._service.add(self._line.id, data)
        return self._service.update(self._existing.id, data)
