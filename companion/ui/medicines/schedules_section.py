"""Treatments ▸ Medicines ▸ Schedules at home: each medicine's schedule, set up from the
library entry, with the label's instruction, a note when it differs from the label, and the
adherence view."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from companion.medicines.model import ScheduleInfo
from companion.medicines.wording import schedule_text
from companion.treatments.labels import day_text
from companion.treatments.record import TreatmentRecord
from companion.ui import theme
from companion.ui.medicines.adherence_view import AdherenceView
from companion.ui.medicines.schedule_dialog import ScheduleDialog
from companion.ui.treatments.forms import EntryDialog
from companion.ui.treatments.section import EntrySection


class ScheduleSection(EntrySection):
    def __init__(self, record: TreatmentRecord, now: Callable[[], datetime]) -> None:
        self._record = record
        self._now = now
        self._items: dict[int, ScheduleInfo] = {}
        self.adherence: AdherenceView | None = None
        super().__init__(
            record.schedules,
            self.tr("Schedules at home"),
            [
                self.tr("Medicine"),
                self.tr("How"),
                self.tr("Instruction"),
                self.tr("Dates"),
                self.tr("Check"),
            ],
            self.tr(
                "No schedules yet: set one up for pills you take at home, to see them on Today "
                "and get reminders."
            ),
            self.tr("Set &up a schedule…"),
            stretch=(1, 4),
        )
        self.adherence_button = self.table.add_button(self.tr("Doses &taken…"), self.show_adherence)

    def _today(self) -> date:
        return self._now().date()

    def rows(self) -> list[tuple[int, list[str]]]:
        service = self._record.schedules
        today = self._today()
        # Current schedules first (by name), then ended ones, latest first.
        everything = service.schedules()  # sorted by name
        ended = [s for s in everything if not s.is_current(today)]
        ended.sort(key=lambda s: s.end_date or s.start_date, reverse=True)
        items = [s for s in everything if s.is_current(today)] + ended
        self._items = {s.id: s for s in items}
        return [
            (
                s.id,
                [
                    s.name,
                    schedule_text(s, today),
                    service.instruction(s),
                    day_text(s.start_date)
                    if s.end_date is None
                    else f"{day_text(s.start_date)} – {day_text(s.end_date)}",
                    service.label_note(s),
                ],
            )
            for s in items
        ]

    def colours(self) -> dict[int, str]:
        today = self._today()
        return {s.id: theme.PANEL for s in self._items.values() if not s.is_current(today)}

    def describe(self, row_id: int) -> str:
        item = self._items.get(row_id)
        return self.tr("schedule of {name}").format(name=item.name) if item else self.tr("schedule")

    def make_dialog(self, row_id: int | None) -> EntryDialog:
        item = self._items.get(row_id) if row_id is not None else None
        return ScheduleDialog(self, self._record, self._today(), item)

    def show_adherence(self) -> None:
        row_id = self.table.current_id()
        item = self._items.get(row_id) if row_id is not None else None
        if item is None:
            return
        self.adherence = AdherenceView(self, self._record.schedules, item, self._now())
        self.adherence.open()
