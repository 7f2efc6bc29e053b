"""Lines of therapy: number, setting, regimen, drugs, dates and why a line ended."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from companion.errors import ValidationError
from companion.store import Store
from companion.translations import Treatments
from companion.treatments import validation as check
from companion.treatments.administrations import AdministrationInfo, administration_info
from companion.treatments.drug_match import DrugMatcher, normalise
from companion.treatments.labels import END_REASONS, SETTINGS, day_text, setting_label
from companion.treatments.rows import RowService

if TYPE_CHECKING:
    from companion.store.models import TherapyLine

MAX_LINE_NUMBER = 30


@dataclass(frozen=True)
class LineDrugInfo:
    id: int
    library_id: str | None
    name: str  # as the patient typed or picked it, e.g. a brand name
    title: str | None  # the library's name, when linked
    start_date: date | None
    end_date: date | None

    @property
    def display(self) -> str:
        """'Enhertu (Trastuzumab deruxtecan)' for a brand; the library name for the generic."""
        if not self.title:
            return self.name
        short = self.title.split(" (", 1)[0]
        if normalise(self.name) in (normalise(short), normalise(self.title)):
            return self.title
        return f"{self.name} ({short})"


@dataclass(frozen=True)
class LineInfo:
    id: int
    number: int
    setting: str
    regimen: str
    start_date: date
    end_date: date | None
    end_reason: str | None
    end_note: str
    drugs: tuple[LineDrugInfo, ...]
    administrations: tuple[AdministrationInfo, ...]

    def is_open(self, day: date) -> bool:
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)

    @property
    def label(self) -> str:
        if self.setting == "early":
            return Treatments.tr("Early-stage treatment")
        return Treatments.tr("Line {number} (metastatic)").format(number=self.number)

    @property
    def name(self) -> str:
        """The regimen, or the drugs when no regimen name was given."""
        return self.regimen or " + ".join(d.display for d in self.drugs)

    @property
    def dates(self) -> str:
        if self.end_date is None:
            return Treatments.tr("since {start}").format(start=day_text(self.start_date))
        return f"{day_text(self.start_date)} – {day_text(self.end_date)}"


@dataclass(frozen=True)
class DrugInput:
    name: str
    library_id: str | None = None
    start_date: date | None = None
    end_date: date | None = None


@dataclass(frozen=True)
class LineInput:
    setting: str
    number: int
    regimen: str
    start_date: date
    drugs: tuple[DrugInput, ...]
    end_date: date | None = None
    end_reason: str | None = None
    end_note: str = ""


class LineService(RowService):
    table = "therapy_line"

    def __init__(self, store: Store, matcher: Callable[[], DrugMatcher]) -> None:
        super().__init__(store)
        self._matcher = matcher

    # -- reading -------------------------------------------------------------------------
    def lines(self) -> list[LineInfo]:
        """Every line, oldest first."""
        from sqlalchemy import select
        from sqlalchemy.orm import selectinload

        from companion.store.models import TherapyLine

        with self._store.session() as session:
            rows = session.scalars(
                select(TherapyLine)
                .options(selectinload(TherapyLine.drugs), selectinload(TherapyLine.administrations))
                .order_by(TherapyLine.start_date, TherapyLine.id)
            ).all()
            return [self._info(row) for row in rows]

    def any_line(self) -> bool:
        """Whether a line was ever added (one indexed row, not every line with its drugs)."""
        with self._store.read() as db:
            return db.execute("SELECT 1 FROM therapy_line LIMIT 1").fetchone() is not None

    def line(self, line_id: int) -> LineInfo:
        with self._store.session() as session:
            return self._info(self._get(session, line_id))

    def next_number(self, setting: str) -> int:
        numbers = [line.number for line in self.lines() if line.setting == setting]
        return max(numbers, default=0) + 1

    # -- changing ------------------------------------------------------------------------
    def add(self, data: LineInput) -> LineInfo:
        from companion.store.models import TherapyLine

        drugs = self._validate(data, line_id=None)
        with self._store.session() as session:
            row = TherapyLine()
            self._fill(row, data, drugs)
            session.add(row)
            session.flush()
            line_id = row.id
        return self.line(line_id)

    def update(self, line_id: int, data: LineInput) -> LineInfo:
        drugs = self._validate(data, line_id=line_id)
        with self._store.session() as session:
            row = self._get(session, line_id)
            self._fill(row, data, drugs)
        return self.line(line_id)

    def end(self, line_id: int, end_date: date, reason: str, note: str = "") -> LineInfo:
        """Record that a line ended: the date, why, and an optional note."""
        data = _as_input(self.line(line_id))
        return self.update(
            line_id, replace(data, end_date=end_date, end_reason=reason, end_note=note)
        )

    def stop_drug(self, line_id: int, drug_id: int, day: date | None) -> LineInfo:
        """Record that one drug of the line stopped (None: it goes on after all)."""
        current = self.line(line_id)
        if all(d.id != drug_id for d in current.drugs):
            raise ValidationError(Treatments.tr("This drug is no longer part of the line."))
        data = _as_input(current)
        drugs = tuple(
            DrugInput(d.name, d.library_id, d.start_date, day if d.id == drug_id else d.end_date)
            for d in current.drugs
        )
        return self.update(line_id, replace(data, drugs=drugs))

    # -- helpers -------------------------------------------------------------------------
    def _validate(self, data: LineInput, line_id: int | None) -> list[DrugInput]:
        check.check_choice(
            data.setting, SETTINGS, Treatments.tr("setting (early-stage or metastatic)")
        )
        if not 1 <= data.number <= MAX_LINE_NUMBER:
            raise ValidationError(
                Treatments.tr("The line number must be between 1 and {most}.").format(
                    most=MAX_LINE_NUMBER
                )
            )
        regimen = check.clean_text(data.regimen, Treatments.tr("regimen name"))
        drugs = self._clean_drugs(data.drugs)
        if not regimen and not drugs:
            raise ValidationError(Treatments.tr("Please add at least one drug or a regimen name."))
        today = self._store.clock.today()
        check.check_planned(data.start_date, Treatments.tr("start"), today=today)
        check.check_past(data.end_date, Treatments.tr("end"), today=today)
        check.check_order(data.start_date, data.end_date, Treatments.tr("this line"))
        if data.end_date is not None and data.end_reason is None:
            raise ValidationError(Treatments.tr("Please choose why this line ended."))
        if data.end_reason is not None:
            check.check_choice(data.end_reason, END_REASONS, Treatments.tr("reason the line ended"))
            if data.end_date is None:
                raise ValidationError(Treatments.tr("Please give the date this line ended."))
        check.clean_text(data.end_note, Treatments.tr("note"), limit=check.LONG_TEXT)
        for drug in drugs:
            if drug.start_date is not None and drug.start_date < data.start_date:
                raise ValidationError(
                    Treatments.tr("{drug} starts before the line starts.").format(drug=drug.name)
                )
            check.check_order(drug.start_date or data.start_date, drug.end_date, drug.name)
            if drug.end_date and data.end_date and drug.end_date > data.end_date:
                raise ValidationError(
                    Treatments.tr("{drug} ends after the line ends.").format(drug=drug.name)
                )
            check.check_past(drug.end_date, Treatments.tr("stop"), today=today)
        for other in self.lines():
            if other.id != line_id and (other.setting, other.number) == (
                data.setting,
                data.number,
            ):
                raise ValidationError(
                    Treatments.tr("There is already a {setting} line {number} ({name}).").format(
                        setting=setting_label(data.setting).lower(),
                        number=data.number,
                        name=other.name,
                    )
                )
        return drugs

    def _clean_drugs(self, drugs: tuple[DrugInput, ...]) -> list[DrugInput]:
        matcher = self._matcher()
        cleaned: list[DrugInput] = []
        seen: set[str] = set()
        for drug in drugs:
            name = check.clean_text(drug.name, Treatments.tr("drug name"))
            if not name:
                continue
            library_id = drug.library_id
            if library_id is None:
                name, library_id = matcher.resolve(name)
            key = library_id or normalise(name)
            if key in seen:
                raise ValidationError(Treatments.tr("{drug} is listed twice.").format(drug=name))
            seen.add(key)
            cleaned.append(DrugInput(name, library_id, drug.start_date, drug.end_date))
        return cleaned

    @staticmethod
    def _fill(row: TherapyLine, data: LineInput, drugs: list[DrugInput]) -> None:
        from companion.store.models import LineDrug

        row.setting = data.setting
        row.number = data.number
        row.regimen = " ".join(data.regimen.split())
        row.start_date = data.start_date
        row.end_date = data.end_date
        row.end_reason = data.end_reason
        row.end_note = data.end_note.strip()
        existing = {(d.library_id, d.name): d for d in row.drugs}
        kept = []
        for drug in drugs:
            line_drug = existing.pop((drug.library_id, drug.name), None) or LineDrug(
                library_id=drug.library_id, name=drug.name
            )
            line_drug.start_date = drug.start_date
            line_drug.end_date = drug.end_date
            kept.append(line_drug)
        row.drugs = kept

    def _info(self, row: TherapyLine) -> LineInfo:
        matcher = self._matcher()
        return LineInfo(
            id=row.id,
            number=row.number,
            setting=row.setting,
            regimen=row.regimen,
            start_date=row.start_date,
            end_date=row.end_date,
            end_reason=row.end_reason,
            end_note=row.end_note,
            drugs=tuple(
                LineDrugInfo(
                    id=d.id,
                    library_id=d.library_id,
                    name=d.name,
                    title=matcher.title(d.library_id),
                    start_date=d.start_date,
                    end_date=d.end_date,
                )
                for d in sorted(row.drugs, key=lambda d: d.id or 0)
            ),
            administrations=tuple(
                administration_info(a)
                for a in sorted(row.administrations, key=lambda a: (a.day, a.id or 0))
            ),
        )


def _as_input(line: LineInfo) -> LineInput:
    return LineInput(
        setting=line.setting,
        number=line.number,
        regimen=line.regimen,
        start_date=line.start_date,
        drugs=tuple(DrugInput(d.name, d.library_id, d.start_date, d.end_date) for d in line.drugs),
        end_date=line.end_date,
        end_reason=line.end_reason,
        end_note=line.end_note,
    )
