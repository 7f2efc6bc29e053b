"""Everything the one-page visit brief shows, gathered as plain data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from companion.library.model import SymptomTerm
from companion.store import Store
from companion.store.models import CheckIn
from companion.visits import history
from companion.visits.model import VisitInfo, VisitQuestionInfo
from companion.visits.service import VisitService


@dataclass(frozen=True)
class MarkerReading:
    name: str
    unit: str
    latest: tuple[date, float]
    previous: tuple[date, float] | None


@dataclass(frozen=True)
class BriefData:
    visit: VisitInfo
    start: date
    end: date
    since_visit: VisitInfo | None  # the last visit the period starts from (None: fallback)
    checkins: int
    treatment: history.CurrentTreatment | None
    symptoms: tuple[history.SymptomSummary, ...]
    red_flags: tuple[history.RedFlagInfo, ...]
    questions: tuple[VisitQuestionInfo, ...]  # not yet asked, in the patient's order
    measurements: history.Measurements
    lvef: tuple[tuple[date, float], ...]  # the latest two, newest first
    markers: tuple[MarkerReading, ...]
    scans: tuple[history.TestInfo, ...]


def _checkin_count(store: Store, start: date, end: date) -> int:
    with store.session() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(CheckIn).where(CheckIn.day.between(start, end))
            )
            or 0
        )


def gather_brief(
    store: Store,
    visits: VisitService,
    terms: dict[str, SymptomTerm],
    visit_id: int,
    now: datetime | None = None,
) -> BriefData:
    visit = visits.get(visit_id)
    start, end = visits.period_before(visit_id, now)
    tests = history.tests_until(store, end)
    lvef = [(t.day, t.lvef_percent) for t in tests if t.lvef_percent is not None]
    markers: dict[str, list[history.TestInfo]] = {}
    for test in tests:
        if test.marker_name and test.marker_value is not None:
            markers.setdefault(test.marker_name, []).append(test)
    readings = tuple(
        MarkerReading(
            name=name,
            unit=rows[-1].marker_unit or "",
            latest=(rows[-1].day, float(rows[-1].marker_value or 0)),
            previous=(rows[-2].day, float(rows[-2].marker_value or 0)) if len(rows) > 1 else None,
        )
        for name, rows in markers.items()
    )
    return BriefData(
        visit=visit,
        start=start,
        end=end,
        since_visit=visits.previous_visit(visit_id, now),
        checkins=_checkin_count(store, start, end),
        treatment=history.current_treatment(store, end),
        symptoms=tuple(history.symptom_summaries(store, start, end, terms)),
        red_flags=tuple(history.red_flags(store, start, end)),
        questions=tuple(q for q in visits.questions(visit_id) if not q.asked),
        measurements=history.measurements(store, start, end),
        lvef=tuple((d, float(v)) for d, v in reversed(lvef[-2:])),  # type: ignore[arg-type]
        markers=readings,
        scans=tuple(history.scans(store, start, end)),
    )
