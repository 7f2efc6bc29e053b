"""One time line of the whole course: lines, procedures, scans, biopsies, sites of spread,
visits and each week's symptom burden from the check-ins."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from sqlalchemy import func, select

from companion.library.model import SymptomTerm
from companion.store import Store
from companion.store.models import CheckIn, SymptomAnswer, Visit
from companion.symptoms.model import RECALL_DAILY
from companion.translations import Treatments
from companion.treatments.biopsies import BiopsyService
from companion.treatments.labels import (
    administration_label,
    day_text,
    end_reason_label,
    her2_category_label,
    receptor_label,
    site_label,
    test_kind_label,
)
from companion.treatments.lines import LineService
from companion.treatments.procedures import ProcedureService
from companion.treatments.scans import ScanService
from companion.treatments.sites import SiteService

KINDS = (
    "line",
    "line_end",
    "administration",
    "procedure",
    "test",
    "biopsy",
    "site",
    "visit",
    "symptoms",
)


@dataclass(frozen=True)
class TimelineEvent:
    day: date
    kind: str  # one of KINDS
    title: str
    detail: str = ""
    ref_id: int | None = None  # the row it came from, to open it on its tab
    level: int | None = None  # symptom weeks: the usual worst answer, 0–4


def burden_words() -> tuple[str, ...]:
    return (
        Treatments.tr("none"),
        Treatments.tr("mild"),
        Treatments.tr("moderate"),
        Treatments.tr("severe"),
        Treatments.tr("very severe"),
    )


class SymptomNames(Protocol):
    def symptom(self, symptom_id: str) -> SymptomTerm | None: ...


class TimelineService:
    def __init__(
        self,
        store: Store,
        library: SymptomNames,
        lines: LineService,
        procedures: ProcedureService,
        scans: ScanService,
        biopsies: BiopsyService,
        sites: SiteService,
    ) -> None:
        self._store = store
        self._library = library
        self._lines = lines
        self._procedures = procedures
        self._scans = scans
        self._biopsies = biopsies
        self._sites = sites

    def events(self) -> list[TimelineEvent]:
        """Everything, oldest first; on one day, treatment before tests before symptoms."""
        events = [
            *self._line_events(),
            *self._procedure_events(),
            *self._test_events(),
            *self._biopsy_events(),
            *self._site_events(),
            *self._visit_events(),
            *self._symptom_weeks(),
        ]
        return sorted(events, key=lambda e: (e.day, KINDS.index(e.kind)))

    def _line_events(self) -> list[TimelineEvent]:
        events = []
        for line in self._lines.lines():
            drugs = ", ".join(d.display for d in line.drugs)
            events.append(
                TimelineEvent(
                    line.start_date,
                    "line",
                    Treatments.tr("{line} started: {name}").format(line=line.label, name=line.name),
                    drugs if drugs != line.name else "",
                    line.id,
                )
            )
            if line.end_date is not None:
                events.append(
                    TimelineEvent(
                        line.end_date,
                        "line_end",
                        Treatments.tr("{line} ended: {reason}").format(
                            line=line.label, reason=end_reason_label(line.end_reason)
                        ),
                        line.end_note,
                        line.id,
                    )
                )
            for given in line.administrations:
                if given.kind != "given":
                    events.append(
                        TimelineEvent(
                            given.day,
                            "administration",
                            f"{administration_label(given.kind)}: {line.name}",
                            given.note,
                            line.id,
                        )
                    )
        return events

    def _procedure_events(self) -> list[TimelineEvent]:
        return [
            TimelineEvent(
                p.day,
                "procedure",
                p.full_label,
                p.note,
                p.id,
            )
            for p in self._procedures.procedures()
        ]

    def _test_events(self) -> list[TimelineEvent]:
        events = []
        for test in self._scans.tests():
            values = []
            if test.lvef_percent is not None:
                values.append(Treatments.tr("LVEF {value:g}%").format(value=test.lvef_percent))
            if test.marker_value is not None:
                values.append(
                    f"{test.marker_name}: {test.marker_value:g} {test.marker_unit or ''}".strip()
                )
            title = test_kind_label(test.kind)
            if test.kind == "tumour_marker" and values:
                title = ", ".join(values)
            elif values:
                title = f"{title}: {', '.join(values)}"
            events.append(TimelineEvent(test.day, "test", title, test.summary, test.id))
        return events

    def _biopsy_events(self) -> list[TimelineEvent]:
        return [
            TimelineEvent(
                b.day,
                "biopsy",
                Treatments.tr("Biopsy{site}: {her2}").format(
                    site=f" ({b.site})" if b.site else "",
                    her2=her2_category_label(b.her2_category),
                ),
                Treatments.tr("ER {er}, PR {pr}").format(
                    er=receptor_label(b.er).lower(), pr=receptor_label(b.pr).lower()
                ),
                b.id,
            )
            for b in self._biopsies.biopsies()
        ]

    def _site_events(self) -> list[TimelineEvent]:
        return [
            TimelineEvent(
                s.found_date,
                "site",
                Treatments.tr("Spread found: {site}").format(site=site_label(s.site_id)),
                s.detail,
                s.id,
            )
            for s in self._sites.sites()
        ]

    def _visit_events(self) -> list[TimelineEvent]:
        with self._store.session() as session:
            rows = session.execute(
                select(Visit.id, Visit.starts_at, Visit.with_whom, Visit.clinician, Visit.purpose)
            ).all()
        events = []
        for visit_id, starts_at, with_whom, clinician, purpose in rows:
            who = with_whom.replace("_", " ")
            title = Treatments.tr("Visit: {who}").format(
                who=f"{who}, {clinician}" if clinician else who
            )
            events.append(TimelineEvent(starts_at.date(), "visit", title, purpose, visit_id))
        return events

    def _symptom_weeks(self) -> list[TimelineEvent]:
        """Each week: the usual worst answer of its days, and its hardest symptom. Summed
        in SQL, so years of daily check-ins stay quick."""
        answer = (
            select(CheckIn.day, SymptomAnswer.symptom_id, SymptomAnswer.value)
            .join(SymptomAnswer, SymptomAnswer.checkin_id == CheckIn.id)
            .where(SymptomAnswer.attribute != "presence")
            .where(SymptomAnswer.recall_days == RECALL_DAILY)  # the daily check-in's days
            .subquery()
        )
        monday = func.date(answer.c.day, "-6 days", "weekday 1")
        with self._store.session() as session:
            day_rows = session.execute(
                select(answer.c.day, func.max(answer.c.value)).group_by(answer.c.day)
            ).all()
            symptom_rows = session.execute(
                select(monday, answer.c.symptom_id, func.avg(answer.c.value)).group_by(
                    monday, answer.c.symptom_id
                )
            ).all()
        weeks: dict[date, list[int]] = defaultdict(list)
        for day, worst in day_rows:
            weeks[day - timedelta(days=day.weekday())].append(worst)
        per_week: dict[date, dict[str, float]] = defaultdict(dict)
        for week, symptom_id, mean in symptom_rows:
            per_week[date.fromisoformat(week)][symptom_id] = float(mean)
        words = burden_words()
        events = []
        for monday, worst_days in weeks.items():
            level = round(sum(worst_days) / len(worst_days))
            by_symptom = per_week[monday]
            hardest_id = max(by_symptom, key=lambda s: by_symptom[s])
            hardest_mean = by_symptom[hardest_id]
            term = self._library.symptom(hardest_id)
            count = (
                Treatments.tr("1 check-in.")
                if len(worst_days) == 1
                else Treatments.tr("{count} check-ins.").format(count=len(worst_days))
            )
            detail = count
            if hardest_mean >= 1:
                detail = (
                    Treatments.tr("Hardest: {symptom}.").format(
                        symptom=term.term if term else hardest_id.replace("_", " ")
                    )
                    + f" {count}"
                )
            events.append(
                TimelineEvent(
                    monday,
                    "symptoms",
                    Treatments.tr("Symptoms in the week of {day}: mostly {level}").format(
                        day=day_text(monday), level=words[level]
                    ),
                    detail,
                    None,
                    level,
                )
            )
        return events
