"""What the treatment history says about a period: lines started or ended, scans and
tests, receptor changes, the treatment going on.

Plain data for the visit brief and the suggested questions (the visits feature asks this
service; it does not read the treatment tables itself).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING

from companion.store import Store
from companion.translations import Visits

if TYPE_CHECKING:
    from companion.store.models import (
        TestResult,
    )

IMAGING_KINDS = {
    "ct",
    "ct_scan",
    "pet",
    "pet_ct",
    "pet_scan",
    "bone_scan",
    "mri",
    "brain_mri",
    "echo",
    "echocardiogram",
    "muga",
    "xray",
    "x_ray",
    "ultrasound",
    "mammogram",
}


def is_scan(kind: str) -> bool:
    kind = kind.lower()
    return kind in IMAGING_KINDS or "scan" in kind or "mri" in kind


def test_label(kind: str) -> str:
    labels = {
        "ct": Visits.tr("CT scan"),
        "ct_scan": Visits.tr("CT scan"),
        "pet": Visits.tr("PET scan"),
        "pet_ct": Visits.tr("PET-CT scan"),
        "pet_scan": Visits.tr("PET scan"),
        "bone_scan": Visits.tr("bone scan"),
        "mri": Visits.tr("MRI scan"),
        "brain_mri": Visits.tr("brain MRI"),
        "echo": Visits.tr("heart scan (echocardiogram)"),
        "echocardiogram": Visits.tr("heart scan (echocardiogram)"),
        "muga": Visits.tr("heart scan (MUGA)"),
        "xray": Visits.tr("X-ray"),
        "x_ray": Visits.tr("X-ray"),
        "ultrasound": Visits.tr("ultrasound"),
        "mammogram": Visits.tr("mammogram"),
    }
    return labels.get(kind.lower(), kind.replace("_", " "))


@dataclass(frozen=True)
class LineEvent:
    line_id: int
    number: int
    setting: str
    regimen: str
    day: date
    started: bool  # False: ended
    end_reason: str | None


@dataclass(frozen=True)
class TestInfo:
    id: int
    kind: str
    day: date
    summary: str
    lvef_percent: float | None = None
    marker_name: str | None = None
    marker_value: float | None = None
    marker_unit: str | None = None


@dataclass(frozen=True)
class ReceptorChange:
    biopsy_id: int
    earlier_day: date
    later_day: date
    receptor: str  # ER | PR | HER2
    before: str
    after: str


@dataclass(frozen=True)
class CurrentTreatment:
    number: int
    setting: str
    regimen: str
    since: date
    drugs: tuple[str, ...]
    last_given: date | None
    last_cycle: int | None
    changes: tuple[tuple[date, str, str], ...]  # (day, kind, note) of delays and dose changes
    other_medicines: tuple[str, ...]


def line_events(store: Store, start: date, end: date) -> list[LineEvent]:
    from sqlalchemy import or_, select

    from companion.store.models import TherapyLine

    with store.session() as session:
        lines = session.scalars(
            select(TherapyLine).where(
                or_(
                    TherapyLine.start_date.between(start, end),
                    TherapyLine.end_date.between(start, end),
                )
            )
        ).all()
        events = []
        for line in lines:
            for day, started in ((line.start_date, True), (line.end_date, False)):
                if day is not None and start <= day <= end:
                    events.append(
                        LineEvent(
                            line_id=line.id,
                            number=line.number,
                            setting=line.setting,
                            regimen=line.regimen or ", ".join(d.name for d in line.drugs),
                            day=day,
                            started=started,
                            end_reason=None if started else line.end_reason,
                        )
                    )
    events.sort(key=lambda e: (e.day, not e.started))
    return events


def _test_info(row: TestResult) -> TestInfo:
    return TestInfo(
        id=row.id,
        kind=row.kind,
        day=row.day,
        summary=row.summary,
        lvef_percent=row.lvef_percent,
        marker_name=row.marker_name,
        marker_value=row.marker_value,
        marker_unit=row.marker_unit,
    )


def scans(store: Store, start: date, end: date) -> list[TestInfo]:
    from sqlalchemy import select

    from companion.store.models import TestResult

    with store.session() as session:
        rows = session.scalars(
            select(TestResult)
            .where(TestResult.day >= start, TestResult.day <= end)
            .order_by(TestResult.day, TestResult.id)
        ).all()
        return [_test_info(r) for r in rows if is_scan(r.kind)]


def tests_until(store: Store, end: date) -> list[TestInfo]:
    """Every test up to a day, oldest first (for the latest heart scan and markers)."""
    from sqlalchemy import select

    from companion.store.models import TestResult

    with store.session() as session:
        rows = session.scalars(
            select(TestResult).where(TestResult.day <= end).order_by(TestResult.day, TestResult.id)
        ).all()
        return [_test_info(r) for r in rows]


def her2_status(ihc: str | None, fish: str | None) -> str:
    """Plain HER2 group from IHC and FISH: positive, low, zero, or unknown."""
    if ihc == "3+" or fish == "positive":
        return "positive"
    if ihc in ("1+", "2+"):
        return "low"
    if ihc in ("0", "0+"):
        return "zero"
    return "unknown"


def receptor_changes(store: Store, start: date, end: date) -> list[ReceptorChange]:
    """Changes of ER, PR or HER2 between a biopsy in the period and the one before it."""
    from sqlalchemy import select

    from companion.store.models import Biopsy

    with store.session() as session:
        rows = session.execute(
            select(Biopsy.id, Biopsy.day, Biopsy.er, Biopsy.pr, Biopsy.her2_ihc, Biopsy.her2_fish)
            .where(Biopsy.day <= end)
            .order_by(Biopsy.day, Biopsy.id)
        ).all()
    changes = []
    for before, after in pairwise(rows):
        if not start <= after.day <= end:
            continue
        pairs = (
            ("ER", before.er, after.er),
            ("PR", before.pr, after.pr),
            (
                "HER2",
                her2_status(before.her2_ihc, before.her2_fish),
                her2_status(after.her2_ihc, after.her2_fish),
            ),
        )
        for receptor, old, new in pairs:
            if old != new and "unknown" not in (old, new):
                changes.append(ReceptorChange(after.id, before.day, after.day, receptor, old, new))
    return changes


def current_treatment(store: Store, on: date) -> CurrentTreatment | None:
    """The open line on a day (metastatic first, then the newest), with recent changes."""
    from sqlalchemy import or_, select

    from companion.store.models import Administration, OtherMedicine, TherapyLine

    with store.session() as session:
        lines = session.scalars(
            select(TherapyLine)
            .where(
                TherapyLine.start_date <= on,
                or_(TherapyLine.end_date.is_(None), TherapyLine.end_date >= on),
            )
            .order_by(TherapyLine.start_date.desc(), TherapyLine.id.desc())
        ).all()
        if not lines:
            line = None
        else:
            line = next((x for x in lines if x.setting == "metastatic"), lines[0])
        others = session.scalars(
            select(OtherMedicine.name)
            .where(
                or_(OtherMedicine.start_date.is_(None), OtherMedicine.start_date <= on),
                or_(OtherMedicine.end_date.is_(None), OtherMedicine.end_date >= on),
            )
            .order_by(OtherMedicine.name)
        ).all()
        if line is None:
            return None
        drugs = tuple(
            d.name
            for d in line.drugs
            if (d.start_date is None or d.start_date <= on)
            and (d.end_date is None or d.end_date >= on)
        )
        given = session.execute(
            select(Administration.day, Administration.cycle)
            .where(
                Administration.line_id == line.id,
                Administration.kind == "given",
                Administration.day <= on,
            )
            .order_by(Administration.day.desc())
            .limit(1)
        ).first()
        changes = session.execute(
            select(Administration.day, Administration.kind, Administration.note)
            .where(
                Administration.line_id == line.id,
                Administration.kind != "given",
                Administration.day <= on,
            )
            .order_by(Administration.day.desc())
            .limit(3)
        ).all()
        return CurrentTreatment(
            number=line.number,
            setting=line.setting,
            regimen=line.regimen or ", ".join(drugs),
            since=line.start_date,
            drugs=drugs,
            last_given=given.day if given else None,
            last_cycle=given.cycle if given else None,
            changes=tuple((c.day, c.kind, c.note) for c in changes),
            other_medicines=tuple(others),
        )


class TreatmentRecap:
    """The period reads above over one profile's treatment history."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def line_events(self, start: date, end: date) -> list[LineEvent]:
        return line_events(self._store, start, end)

    def scans(self, start: date, end: date) -> list[TestInfo]:
        return scans(self._store, start, end)

    def tests_until(self, end: date) -> list[TestInfo]:
        return tests_until(self._store, end)

    def receptor_changes(self, start: date, end: date) -> list[ReceptorChange]:
        return receptor_changes(self._store, start, end)

    def current_treatment(self, on: date) -> CurrentTreatment | None:
        return current_treatment(self._store, on)
