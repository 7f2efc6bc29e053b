"""Scans and tests: what was done, when, the result in words, and values where they exist
(heart pumping strength, LVEF %, and tumour markers)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from companion.errors import ValidationError
from companion.translations import Treatments
from companion.treatments import validation as check
from companion.treatments.labels import LVEF_KINDS, TEST_KINDS
from companion.treatments.rows import RowService

if TYPE_CHECKING:
    from companion.store.models import TestResult

LVEF_RANGE = (5.0, 95.0)
MARKER_MAX = 1_000_000.0


@dataclass(frozen=True)
class ScanInfo:
    id: int
    kind: str
    day: date
    summary: str
    lvef_percent: float | None
    marker_name: str | None
    marker_value: float | None
    marker_unit: str | None


@dataclass(frozen=True)
class ScanInput:
    kind: str
    day: date
    summary: str = ""
    lvef_percent: float | None = None
    marker_name: str | None = None
    marker_value: float | None = None
    marker_unit: str | None = None


@dataclass(frozen=True)
class LvefSeries:
    points: tuple[tuple[date, float], ...]
    baseline: tuple[date, float] | None  # the first reading recorded


@dataclass(frozen=True)
class MarkerSeries:
    name: str
    unit: str
    points: tuple[tuple[date, float], ...]


class ScanService(RowService):
    table = "test_result"

    def tests(self) -> list[ScanInfo]:
        """Every scan and test, newest first."""
        from sqlalchemy import select

        from companion.store.models import TestResult

        with self._store.session() as session:
            rows = session.scalars(
                select(TestResult).order_by(TestResult.day.desc(), TestResult.id.desc())
            ).all()
            return [_info(r) for r in rows]

    def add(self, data: ScanInput) -> ScanInfo:
        from companion.store.models import TestResult

        values = _validate(data, self._store.clock.today())
        with self._store.session() as session:
            row = TestResult(**values)
            session.add(row)
            session.flush()
            return _info(row)

    def update(self, test_id: int, data: ScanInput) -> ScanInfo:
        values = _validate(data, self._store.clock.today())
        with self._store.session() as session:
            row = self._get(session, test_id)
            for key, value in values.items():
                setattr(row, key, value)
            return _info(row)

    def lvef(self) -> LvefSeries:
        from sqlalchemy import select

        from companion.store.models import TestResult

        with self._store.session() as session:
            rows = session.execute(
                select(TestResult.day, TestResult.lvef_percent)
                .where(TestResult.lvef_percent.is_not(None))
                .order_by(TestResult.day, TestResult.id)
            ).all()
        points = tuple((day, float(value)) for day, value in rows if value is not None)
        return LvefSeries(points, points[0] if points else None)

    def markers(self) -> list[MarkerSeries]:
        """One series per marker name (e.g. CA 15-3), oldest reading first."""
        from sqlalchemy import select

        from companion.store.models import TestResult

        with self._store.session() as session:
            rows = session.execute(
                select(
                    TestResult.marker_name,
                    TestResult.marker_unit,
                    TestResult.day,
                    TestResult.marker_value,
                )
                .where(TestResult.marker_value.is_not(None), TestResult.marker_name.is_not(None))
                .order_by(TestResult.day, TestResult.id)
            ).all()
        series: dict[str, tuple[str, list[tuple[date, float]]]] = {}
        for name, unit, day, value in rows:
            if name is None or value is None:  # excluded by the query; for the type checker
                continue
            entry = series.setdefault(name, (unit or "", []))
            entry[1].append((day, float(value)))
        return [MarkerSeries(n, u, tuple(p)) for n, (u, p) in series.items()]


def _validate(data: ScanInput, today: date) -> dict[str, object]:
    check.check_choice(data.kind, TEST_KINDS, Treatments.tr("kind of scan or test"))
    check.check_past(data.day, Treatments.tr("test"), today=today)
    summary = check.clean_text(data.summary, Treatments.tr("result"), limit=check.LONG_TEXT)
    lvef = data.lvef_percent
    if lvef is not None:
        if data.kind not in LVEF_KINDS:
            raise ValidationError(
                Treatments.tr(
                    "LVEF is measured by an echocardiogram or a MUGA scan. Please choose one."
                )
            )
        low, high = LVEF_RANGE
        if not low <= lvef <= high:
            raise ValidationError(
                Treatments.tr("LVEF must be a percentage between {low:.0f} and {high:.0f}.").format(
                    low=low, high=high
                )
            )
    marker_name = check.clean_text(data.marker_name or "", Treatments.tr("marker name"), limit=40)
    marker_unit = check.clean_text(data.marker_unit or "", Treatments.tr("unit"), limit=20)
    value = data.marker_value
    if value is not None:
        if not marker_name:
            raise ValidationError(
                Treatments.tr("Please give the marker's name (for example CA 15-3).")
            )
        if not 0 <= value <= MARKER_MAX:
            raise ValidationError(Treatments.tr("The marker value must be 0 or more."))
    return {
        "kind": data.kind,
        "day": data.day,
        "summary": summary,
        "lvef_percent": lvef,
        "marker_name": marker_name or None,
        "marker_value": value,
        "marker_unit": (marker_unit or None) if value is not None else None,
    }


def _info(row: TestResult) -> ScanInfo:
    return ScanInfo(
        row.id,
        row.kind,
        row.day,
        row.summary,
        row.lvef_percent,
        row.marker_name,
        row.marker_value,
        row.marker_unit,
    )
