"""Administrations within a line: each dose given (cycle), delays and dose changes with why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from companion.errors import ValidationError
from companion.translations import Treatments
from companion.treatments import validation as check
from companion.treatments.labels import ADMINISTRATION_KINDS, day_text
from companion.treatments.rows import RowService

if TYPE_CHECKING:
    from companion.store.models import Administration, TherapyLine

MAX_CYCLE = 500


@dataclass(frozen=True)
class AdministrationInfo:
    id: int
    line_id: int
    day: date
    kind: str  # given | delay | dose_change
    cycle: int | None
    note: str


@dataclass(frozen=True)
class AdministrationInput:
    day: date
    kind: str = "given"
    cycle: int | None = None
    note: str = ""


def administration_info(row: Administration) -> AdministrationInfo:
    return AdministrationInfo(row.id, row.line_id, row.day, row.kind, row.cycle, row.note)


class AdministrationService(RowService):
    table = "administration"

    def add(self, line_id: int, data: AdministrationInput) -> AdministrationInfo:
        from companion.store.models import Administration, TherapyLine

        with self._store.session() as session:
            line = session.get(TherapyLine, line_id)
            if line is None:
                raise ValidationError(Treatments.tr("This line no longer exists."))
            note = self._validate(line, data, self._store.clock.today())
            row = Administration(
                line_id=line_id, day=data.day, kind=data.kind, cycle=data.cycle, note=note
            )
            session.add(row)
            session.flush()
            return administration_info(row)

    def update(self, admin_id: int, data: AdministrationInput) -> AdministrationInfo:
        with self._store.session() as session:
            row = self._get(session, admin_id)
            note = self._validate(row.line, data, self._store.clock.today())
            row.day, row.kind, row.cycle, row.note = data.day, data.kind, data.cycle, note
            return administration_info(row)

    def next_cycle(self, line_id: int) -> int:
        from sqlalchemy import func, select

        from companion.store.models import Administration

        with self._store.session() as session:
            highest = session.scalar(
                select(func.max(Administration.cycle)).where(Administration.line_id == line_id)
            )
        return (highest or 0) + 1

    @staticmethod
    def _validate(line: TherapyLine, data: AdministrationInput, today: date) -> str:
        check.check_choice(data.kind, ADMINISTRATION_KINDS, Treatments.tr("kind of entry"))
        check.check_past(data.day, Treatments.tr("treatment"), today=today)
        if data.day < line.start_date or (line.end_date and data.day > line.end_date):
            raise ValidationError(
                Treatments.tr("{day} is outside this line ({start} to {end}).").format(
                    day=day_text(data.day),
                    start=day_text(line.start_date),
                    end=day_text(line.end_date) if line.end_date else Treatments.tr("now"),
                )
            )
        if data.cycle is not None and not 1 <= data.cycle <= MAX_CYCLE:
            raise ValidationError(Treatments.tr("The cycle number must be 1 or more."))
        note = check.clean_text(data.note, Treatments.tr("reason"), limit=check.LONG_TEXT)
        if data.kind in ("delay", "dose_change") and not note:
            raise ValidationError(
                Treatments.tr("Please write the reason for the delay.")
                if data.kind == "delay"
                else Treatments.tr("Please write what changed in the dose, and why.")
            )
        return note
