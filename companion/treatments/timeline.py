"""One time line of the whole course: lines, procedures, scans, biopsies, sites of spread,
visits and each week's symptom burden from the check-ins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from companion.library.model import SymptomTerm
from companion.store import Store
from companion.symptoms.model import WeekBurden
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
from companion.visits.model import VisitInfo

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


class VisitDates(Protocol):
    """The visits feature, for its appointments (VisitService)."""

    def all(self) -> list[VisitInfo]: ...


class SymptomWeeks(Protocol):
    """The symptom log, for its weekly burden (SymptomRecap)."""

    def weekly_burden(self) -> list[WeekBurden]: ...


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
        visits: VisitDates,
        symptoms: SymptomWeeks,
    ) -> None:
        self._store = store
        self._visits = visits
        self._symptoms = symptoms
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
        events = []
        for visit in self._visits.all():
            who = visit.with_whom.replace("_", " ")
            title = Treatments.tr("Visit: {who}").format(
                who=f"{who}, {visit.clinician}" if visit.clinician else who
            )
            events.append(TimelineEvent(visit.day, "visit", title, visit.purpose, visit.id))
        return events

    def _symptom_weeks(self) -> list[TimelineEvent]:
        """Each week: the usual worst answer of its days, and its hardest symptom."""
        words = burden_words()
        events = []
        for week in self._symptoms.weekly_burden():
            monday, worst_days, by_symptom = week.monday, week.worst_days, week.symptom_means
            level = round(sum(worst_days) / len(worst_days))
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
