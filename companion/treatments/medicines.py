"""Other medicines (supportive care, bone agents…) and the printable current medicines list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from companion.store import Store
from companion.translations import Treatments
from companion.treatments import validation as check
from companion.treatments.drug_match import DrugMatcher
from companion.treatments.lines import LineService
from companion.treatments.rows import RowService

if TYPE_CHECKING:
    from companion.store.models import OtherMedicine


@dataclass(frozen=True)
class MedicineInfo:
    id: int
    name: str
    library_id: str | None
    purpose: str
    dose: str
    start_date: date | None
    end_date: date | None

    def is_current(self, day: date) -> bool:
        started = self.start_date is None or self.start_date <= day
        return started and (self.end_date is None or self.end_date >= day)


@dataclass(frozen=True)
class MedicineInput:
    name: str
    purpose: str = ""
    dose: str = ""
    start_date: date | None = None
    end_date: date | None = None


@dataclass(frozen=True)
class CurrentMedicine:
    """A line of the printable medicines list."""

    name: str
    purpose: str
    how: str  # dose or how it is given
    since: date | None
    cancer_treatment: bool
    part_of: str = ""  # the line, for cancer treatment drugs


class MedicineService(RowService):
    table = "other_medicine"

    def __init__(
        self, store: Store, matcher: Callable[[], DrugMatcher], lines: LineService
    ) -> None:
        super().__init__(store)
        self._matcher = matcher
        self._lines = lines

    def medicines(self) -> list[MedicineInfo]:
        """Current medicines first (by name), then stopped ones (latest stop first)."""
        from sqlalchemy import select

        from companion.store.models import OtherMedicine

        with self._store.session() as session:
            rows = [_info(r) for r in session.scalars(select(OtherMedicine)).all()]
        today = self._store.clock.today()
        current = sorted((m for m in rows if m.is_current(today)), key=lambda m: m.name.casefold())
        other = sorted(
            (m for m in rows if not m.is_current(today)),
            key=lambda m: m.end_date or m.start_date or date.max,
            reverse=True,
        )
        return current + other

    def add(self, data: MedicineInput) -> MedicineInfo:
        from companion.store.models import OtherMedicine

        values = self._validate(data)
        with self._store.session() as session:
            row = OtherMedicine(**values)
            session.add(row)
            session.flush()
            return _info(row)

    def update(self, medicine_id: int, data: MedicineInput) -> MedicineInfo:
        values = self._validate(data)
        with self._store.session() as session:
            row = self._get(session, medicine_id)
            for key, value in values.items():
                setattr(row, key, value)
            return _info(row)

    def stop(self, medicine_id: int, on: date) -> MedicineInfo:
        current = self.snapshot(medicine_id)
        values = dict(current.values)
        return self.update(
            medicine_id,
            MedicineInput(
                values["name"], values["purpose"], values["dose"], values["start_date"], on
            ),
        )

    def current_list(self, on: date | None = None) -> list[CurrentMedicine]:
        """Everything taken now: cancer treatment drugs of open lines, then other medicines."""
        day = on or self._store.clock.today()
        matcher = self._matcher()
        result: list[CurrentMedicine] = []
        for line in self._lines.lines():
            if not line.is_open(day):
                continue
            for drug in line.drugs:
                if drug.end_date is not None and drug.end_date < day:
                    continue
                if drug.start_date is not None and drug.start_date > day:
                    continue
                entry = matcher.entry(drug.library_id)
                result.append(
                    CurrentMedicine(
                        name=drug.display,
                        purpose=Treatments.tr("Cancer treatment: {line}").format(line=line.label),
                        how=(entry.route or "") if entry else "",
                        since=drug.start_date or line.start_date,
                        cancer_treatment=True,
                        part_of=line.label,
                    )
                )
        for medicine in self.medicines():
            if medicine.is_current(day):
                result.append(
                    CurrentMedicine(
                        medicine.name,
                        medicine.purpose,
                        medicine.dose,
                        medicine.start_date,
                        cancer_treatment=False,
                    )
                )
        return result

    def _validate(self, data: MedicineInput) -> dict[str, object]:
        name, library_id = self._matcher().resolve(
            check.clean_text(data.name, Treatments.tr("medicine name"), required=True)
        )
        purpose = check.clean_text(data.purpose, Treatments.tr("what it is for"))
        dose = check.clean_text(data.dose, Treatments.tr("dose"))
        today = self._store.clock.today()
        if data.start_date is not None:
            check.check_planned(data.start_date, Treatments.tr("start"), today=today)
        check.check_past(data.end_date, Treatments.tr("stop"), today=today)
        check.check_order(data.start_date, data.end_date, name)
        return {
            "name": name,
            "library_id": library_id,
            "purpose": purpose,
            "dose": dose,
            "start_date": data.start_date,
            "end_date": data.end_date,
        }


def _info(row: OtherMedicine) -> MedicineInfo:
    return MedicineInfo(
        row.id, row.name, row.library_id, row.purpose, row.dose, row.start_date, row.end_date
    )
