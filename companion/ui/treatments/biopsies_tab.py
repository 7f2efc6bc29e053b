"""The Biopsies tab: receptor results of each biopsy, the HER2 category, and a plain note
when a result changed between biopsies."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from companion.treatments.biopsies import BiopsyInfo, BiopsyInput
from companion.treatments.her2 import change_explained
from companion.treatments.labels import (
    FISH_RESULTS,
    IHC_SCORES,
    RECEPTOR_VALUES,
    day_text,
    fish_label,
    her2_category_label,
    ihc_label,
    receptor_label,
)
from companion.treatments.record import TreatmentRecord
from companion.ui.treatments.forms import (
    EntryDialog,
    choice_combo,
    date_edit,
    from_qdate,
    line_edit,
    note_edit,
)
from companion.ui.treatments.section import EntrySection
from companion.ui.widgets.common import label


class BiopsySection(EntrySection):
    def __init__(self, record: TreatmentRecord) -> None:
        self._record = record
        self._items: dict[int, BiopsyInfo] = {}
        super().__init__(
            record.biopsies,
            self.tr("Biopsies"),
            [
                self.tr("Date"),
                self.tr("Place"),
                self.tr("ER"),
                self.tr("PR"),
                self.tr("HER2 IHC"),
                self.tr("HER2 FISH"),
                self.tr("HER2 status"),
            ],
            self.tr("No biopsies yet. Your pathology report has these results."),
            self.tr("&Add a biopsy…"),
            stretch=(1, 6),
        )

    def rows(self) -> list[tuple[int, list[str]]]:
        items = self._record.biopsies.biopsies()
        self._items = {b.id: b for b in items}
        return [
            (
                b.id,
                [
                    day_text(b.day),
                    b.site,
                    receptor_label(b.er),
                    receptor_label(b.pr),
                    b.her2_ihc or self.tr("Not done"),
                    fish_label(b.her2_fish),
                    her2_category_label(b.her2_category),
                ],
            )
            for b in reversed(items)
        ]

    def describe(self, row_id: int) -> str:
        item = self._items.get(row_id)
        if item is None:
            return self.tr("biopsy")
        return self.tr("biopsy of {day}").format(day=day_text(item.day))

    def make_dialog(self, row_id: int | None) -> EntryDialog:
        item = self._items.get(row_id) if row_id is not None else None
        day = date_edit(item.day if item else self._record.clock.today(), self.tr("Biopsy date"))
        site = line_edit(item.site if item else "", self.tr("Place"), self.tr("e.g. Liver"))
        er = choice_combo(
            RECEPTOR_VALUES, receptor_label, item.er if item else "unknown", self.tr("ER result")
        )
        pr = choice_combo(
            RECEPTOR_VALUES, receptor_label, item.pr if item else "unknown", self.tr("PR result")
        )
        ihc = choice_combo(
            (None, *IHC_SCORES),
            ihc_label,
            item.her2_ihc if item else None,
            self.tr("HER2 IHC score"),
        )
        fish = choice_combo(
            (None, *FISH_RESULTS),
            fish_label,
            item.her2_fish if item else None,
            self.tr("HER2 FISH result"),
        )
        note = note_edit(item.note if item else "", self.tr("Note"), self.tr("Optional"))

        def save() -> BiopsyInfo:
            data = BiopsyInput(
                from_qdate(day.date()),
                site.text(),
                er.currentData(),
                pr.currentData(),
                ihc.currentData(),
                fish.currentData(),
                note.toPlainText(),
            )
            if item is None:
                return self._record.biopsies.add(data)
            return self._record.biopsies.update(item.id, data)

        dialog = EntryDialog(
            self.tr("Change biopsy") if item else self.tr("Add a biopsy"), self, save
        )
        dialog.add_row(self.tr("&Date"), day)
        dialog.add_row(self.tr("&Place"), site)
        dialog.add_row(self.tr("&ER (estrogen)"), er)
        dialog.add_row(self.tr("P&R (progesterone)"), pr)
        dialog.add_row(self.tr("HER2 &IHC score"), ihc)
        dialog.add_row(self.tr("HER2 &FISH"), fish)
        dialog.add_row(self.tr("N&ote"), note)
        return dialog


class BiopsiesTab(QWidget):
    def __init__(self, record: TreatmentRecord) -> None:
        super().__init__()
        self._record = record
        self.change_box = QFrame()
        self.change_box.setProperty("role", "note")
        self.change_box.setAccessibleName(self.tr("Changes between biopsies"))
        box = QVBoxLayout(self.change_box)
        box.addWidget(label(self.tr("Your results changed between biopsies"), "subtitle"))
        self.change_text = label("")
        self.explained = label(change_explained(), "muted")
        box.addWidget(self.change_text)
        box.addWidget(self.explained)
        self.latest = label("", "subtitle")
        self.section = BiopsySection(record)
        self.section.changed.connect(self.show_changes)
        layout = QVBoxLayout(self)
        layout.addWidget(self.latest)
        layout.addWidget(self.change_box)
        layout.addWidget(self.section, 1)

    def refresh(self) -> None:
        self.section.refresh()  # and the notes, through section.changed

    def show_changes(self) -> None:
        biopsies = self._record.biopsies.biopsies()
        if biopsies:
            last = biopsies[-1]
            self.latest.setText(
                self.tr("Latest biopsy ({day}): {her2}, ER {er}, PR {pr}").format(
                    day=day_text(last.day),
                    her2=her2_category_label(last.her2_category),
                    er=receptor_label(last.er).lower(),
                    pr=receptor_label(last.pr).lower(),
                )
            )
        self.latest.setVisible(bool(biopsies))
        self.latest.setAccessibleName(self.latest.text())
        changes = self._record.biopsies.changes()
        text = "\n".join(f"• {change.text()}" for change in changes)
        self.change_text.setText(text)
        self.change_text.setAccessibleName(text)
        self.change_box.setVisible(bool(changes))
