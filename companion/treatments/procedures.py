"""Surgery, radiation and other procedures that are part of the treatment history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from companion.translations import Treatments
from companion.treatments import validation as check
from companion.treatments.labels import PROCEDURE_KINDS, procedure_label
from companion.treatments.rows import RowService

if TYPE_CHECKING:
    from companion.store.models import TreatmentProcedure


@dataclass(frozen=True)
class ProcedureInfo:
    id: int
    kind: str  # surgery | radiation | other
    day: date
    end_date: date | None
    description: str
    note: str

    @property
    def label(self) -> str:
        return self.description or procedure_label(self.kind)

    @property
    def full_label(self) -> str:
        """'Surgery: Left lumpectomy', but 'Radiation to the spine' (no word twice)."""
        kind = procedure_label(self.kind)
        if not self.description or kind.casefold() in self.description.casefold():
            return self.label
        return f"{kind}: {self.description}"


@dataclass(frozen=True)
class ProcedureInput:
    kind: str
    day: date
    description: str = ""
    end_date: date | None = None
    note: str = ""


class ProcedureService(RowService):
    table = "treatment_procedure"

    def procedures(self) -> list[ProcedureInfo]:
        from sqlalchemy import select

        from companion.store.models import TreatmentProcedure

        with self._store.session() as session:
            rows = session.scalars(
                select(TreatmentProcedure).order_by(TreatmentProcedure.day, TreatmentProcedure.id)
            ).all()
            return [_info(r) for r in rows]

    def add(self, data: ProcedureInput) -> ProcedureInfo:
        from companion.store.models import TreatmentProcedure

        values = _validate(data, self._store.clock.today())
        with self._store.session() as session:
            row = TreatmentProcedure(**values)
            session.add(row)
            session.flush()
            return _info(row)

    def update(self, row_id: int, data: ProcedureInput) -> ProcedureInfo:
        values = _validate(data, self._store.clock.today())
        with self._store.session() as session:
            row = self._get(session, row_id)
            for key, value in values.items():
                setattr(row, key, value)
            return _info(row)


def _validate(data: ProcedureInput, today: date) -> dict[str, object]:
    check.check_choice(data.kind, PROCEDURE_KINDS, Treatments.tr("kind of procedure"))
    check.check_planned(data.day, Treatments.tr("start"), today=today)
    check.check_past(data.end_date, Treatments.tr("end"), today=today)
    check.check_order(data.day, data.end_date, procedure_label(data.kind).lower())
    return {
        "kind": data.kind,
        "day": data.day,
        "end_date": data.end_date,
        "description": check.clean_text(data.description, Treatments.tr("description")),
        "note": check.clean_text(data.note, Treatments.tr("note"), limit=check.LONG_TEXT),
    }


def _info(row: TreatmentProcedure) -> ProcedureInfo:
    return ProcedureInfo(row.id, row.kind, row.day, row.end_date, row.description, row.note)
