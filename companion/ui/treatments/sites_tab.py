"""The Sites tab: where the cancer has spread and when each place was found."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from companion.treatments.labels import SITE_IDS, day_text, site_label
from companion.treatments.record import TreatmentRecord
from companion.treatments.sites import SiteInfo, SiteInput
from companion.ui.treatments.forms import (
    EntryDialog,
    choice_combo,
    date_edit,
    from_qdate,
    line_edit,
)
from companion.ui.treatments.section import EntrySection
from companion.ui.widgets.common import label


class SiteSection(EntrySection):
    def __init__(self, record: TreatmentRecord) -> None:
        self._record = record
        self._items: dict[int, SiteInfo] = {}
        super().__init__(
            record.sites,
            self.tr("Where the cancer has spread"),
            [self.tr("Place"), self.tr("Found"), self.tr("Detail")],
            self.tr("No places recorded."),
            self.tr("&Add a place…"),
            stretch=(2,),
        )

    def rows(self) -> list[tuple[int, list[str]]]:
        items = self._record.sites.sites()
        self._items = {s.id: s for s in items}
        return [(s.id, [s.label, day_text(s.found_date), s.detail]) for s in items]

    def describe(self, row_id: int) -> str:
        item = self._items.get(row_id)
        return item.label if item else self.tr("place")

    def make_dialog(self, row_id: int | None) -> EntryDialog:
        item = self._items.get(row_id) if row_id is not None else None
        taken = {s.site_id for s in self._items.values() if s.id != row_id} - {"other-sites"}
        free = [code for code in SITE_IDS if code not in taken]
        site = choice_combo(free, site_label, item.site_id if item else None, self.tr("Place"))
        found = date_edit(
            item.found_date if item else self._record.clock.today(), self.tr("Date found")
        )
        detail = line_edit(
            item.detail if item else "", self.tr("Detail"), self.tr("Optional, e.g. ribs and spine")
        )

        def save() -> SiteInfo:
            data = SiteInput(site.currentData(), from_qdate(found.date()), detail.text())
            if item is None:
                return self._record.sites.add(data)
            return self._record.sites.update(item.id, data)

        dialog = EntryDialog(
            self.tr("Change place") if item else self.tr("Add a place of spread"), self, save
        )
        dialog.add_row(self.tr("&Place"), site)
        dialog.add_row(self.tr("&Found on"), found)
        dialog.add_row(self.tr("&Detail"), detail)
        return dialog


class SitesTab(QWidget):
    def __init__(self, record: TreatmentRecord) -> None:
        super().__init__()
        self.section = SiteSection(record)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                self.tr(
                    "The places listed here help the app choose which warning signs to "
                    "watch for in your check-ins (for example, headaches when there is "
                    "spread to the brain)."
                ),
                "muted",
            )
        )
        layout.addWidget(self.section, 1)

    def refresh(self) -> None:
        self.section.refresh()
