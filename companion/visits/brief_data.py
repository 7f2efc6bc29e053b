"""Everything the one-page visit brief shows, gathered as plain data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from companion.library.model import SymptomTerm
from companion.medicines.home_summary import HomeMedicine
from companion.symptoms.recap import Measurements, RedFlagInfo, SymptomRecap, SymptomSummary
from companion.treatments.recap import CurrentTreatment, TestInfo, TreatmentRecap
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
    treatment: CurrentTreatment | None
    symptoms: tuple[SymptomSummary, ...]
    red_flags: tuple[RedFlagInfo, ...]
    questions: tuple[VisitQuestionInfo, ...]  # not yet asked, in the patient's order
    measurements: Measurements
    lvef: tuple[tuple[date, float], ...]  # the latest two, newest first
    markers: tuple[MarkerReading, ...]
    scans: tuple[TestInfo, ...]
    # What the weekly PRO-CTCAE check-ins marked worse in the period, e.g.
    # "diarrhea (frequency 1 → 3)" (companion.symptoms.changes); the brief leads with it.
    worse: tuple[str, ...] = ()
    medicines: tuple[HomeMedicine, ...] = ()  # schedules at home (companion.medicines)


def gather_brief(
    symptoms: SymptomRecap,
    treatments: TreatmentRecap,
    visits: VisitService,
    terms: dict[str, SymptomTerm],
    visit_id: int,
    now: datetime | None = None,
) -> BriefData:
    visit = visits.get(visit_id)
    start, end = visits.period_before(visit_id, now)
    tests = treatments.tests_until(end)
    lvef = [(t.day, t.lvef_percent) for t in tests if t.lvef_percent is not None]
    markers: dict[str, list[TestInfo]] = {}
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
        checkins=symptoms.checkin_count(start, end),
        treatment=treatments.current_treatment(end),
        symptoms=tuple(symptoms.summaries(start, end, terms)),
        red_flags=tuple(symptoms.red_flags(start, end)),
        questions=tuple(q for q in visits.questions(visit_id) if not q.asked),
        measurements=symptoms.measurements(start, end),
        lvef=tuple((d, float(v)) for d, v in reversed(lvef[-2:])),
        markers=readings,
        scans=tuple(treatments.scans(start, end)),
    )
