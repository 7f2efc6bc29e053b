"""Biopsies and receptor status (ER, PR, HER2 IHC and FISH), with changes between them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from companion.translations import Treatments
from companion.treatments import validation as check
from companion.treatments.her2 import FIRM_HER2, ReceptorChange, her2_category
from companion.treatments.labels import FISH_RESULTS, IHC_SCORES, RECEPTOR_VALUES
from companion.treatments.rows import RowService

if TYPE_CHECKING:
    from companion.store.models import Biopsy


@dataclass(frozen=True)
class BiopsyInfo:
    id: int
    day: date
    site: str
    er: str
    pr: str
    her2_ihc: str | None
    her2_fish: str | None
    note: str

    @property
    def her2_category(self) -> str:
        return her2_category(self.her2_ihc, self.her2_fish)


@dataclass(frozen=True)
class BiopsyInput:
    day: date
    site: str = ""
    er: str = "unknown"
    pr: str = "unknown"
    her2_ihc: str | None = None
    her2_fish: str | None = None
    note: str = ""


class BiopsyService(RowService):
    table = "biopsy"

    def biopsies(self) -> list[BiopsyInfo]:
        """Oldest first."""
        from sqlalchemy import select

        from companion.store.models import Biopsy

        with self._store.session() as session:
            rows = session.scalars(select(Biopsy).order_by(Biopsy.day, Biopsy.id)).all()
            return [_info(r) for r in rows]

    def add(self, data: BiopsyInput) -> BiopsyInfo:
        from companion.store.models import Biopsy

        values = _validate(data, self._store.clock.today())
        with self._store.session() as session:
            row = Biopsy(**values)
            session.add(row)
            session.flush()
            return _info(row)

    def update(self, biopsy_id: int, data: BiopsyInput) -> BiopsyInfo:
        values = _validate(data, self._store.clock.today())
        with self._store.session() as session:
            row = self._get(session, biopsy_id)
            for key, value in values.items():
                setattr(row, key, value)
            return _info(row)

    def changes(self) -> list[ReceptorChange]:
        """Each time ER, PR or the HER2 category differs from the last known result."""
        return receptor_changes(self.biopsies())


def receptor_changes(biopsies: list[BiopsyInfo]) -> list[ReceptorChange]:
    last: dict[str, tuple[str, BiopsyInfo]] = {}
    changes = []
    for biopsy in biopsies:
        for receptor, value, firm in (
            ("ER", biopsy.er, ("positive", "negative")),
            ("PR", biopsy.pr, ("positive", "negative")),
            ("HER2", biopsy.her2_category, FIRM_HER2),
        ):
            if value not in firm:
                continue
            previous = last.get(receptor)
            if previous is not None and previous[0] != value:
                before, earlier = previous
                changes.append(
                    ReceptorChange(
                        receptor,
                        before,
                        value,
                        earlier.day,
                        earlier.site,
                        biopsy.day,
                        biopsy.site,
                    )
                )
            last[receptor] = (value, biopsy)
    return changes


def _validate(data: BiopsyInput, today: date) -> dict[str, object]:
    check.check_past(data.day, Treatments.tr("biopsy"), today=today)
    site = check.clean_text(data.site, Treatments.tr("place of the biopsy"), limit=120)
    check.check_choice(data.er, RECEPTOR_VALUES, Treatments.tr("ER result"))
    check.check_choice(data.pr, RECEPTOR_VALUES, Treatments.tr("PR result"))
    if data.her2_ihc is not None:
        check.check_choice(data.her2_ihc, IHC_SCORES, Treatments.tr("HER2 IHC score"))
    if data.her2_fish is not None:
        check.check_choice(data.her2_fish, FISH_RESULTS, Treatments.tr("HER2 FISH result"))
    note = check.clean_text(data.note, Treatments.tr("note"), limit=check.LONG_TEXT)
    return {
        "day": data.day,
        "site": site,
        "er": data.er,
        "pr": data.pr,
        "her2_ihc": data.her2_ihc,
        "her2_fish": data.her2_fish,
        "note": note,
    }


def _info(row: Biopsy) -> BiopsyInfo:
    return BiopsyInfo(
        row.id, row.day, row.site, row.er, row.pr, row.her2_ihc, row.her2_fish, row.note
    )
