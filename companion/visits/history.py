"""What happened between two days, read straight from the profile's tables.

Used by the suggestions and the visit brief. Reads only the ORM models (the symptom and
treatment services are separate features), and returns plain data.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QCoreApplication
from sqlalchemy import or_, select

from companion.library.model import ANSWER_SCALES, SymptomTerm
from companion.store import Store
from companion.store.models import (
    Administration,
    Biopsy,
    CheckIn,
    OtherMedicine,
    RedFlagEvent,
    SymptomAnswer,
    TestResult,
    TherapyLine,
)
from companion.symptoms.model import RECALL_DAILY

SEVERE = 3  # answer index: Severe / Frequently / Quite a bit, or worse
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
        "ct": QCoreApplication.translate("Visits", "CT scan"),
        "ct_scan": QCoreApplication.translate("Visits", "CT scan"),
        "pet": QCoreApplication.translate("Visits", "PET scan"),
        "pet_ct": QCoreApplication.translate("Visits", "PET-CT scan"),
        "pet_scan": QCoreApplication.translate("Visits", "PET scan"),
        "bone_scan": QCoreApplication.translate("Visits", "bone scan"),
        "mri": QCoreApplication.translate("Visits", "MRI scan"),
        "brain_mri": QCoreApplication.translate("Visits", "brain MRI"),
        "echo": QCoreApplication.translate("Visits", "heart scan (echocardiogram)"),
        "echocardiogram": QCoreApplication.translate("Visits", "heart scan (echocardiogram)"),
        "muga": QCoreApplication.translate("Visits", "heart scan (MUGA)"),
        "xray": QCoreApplication.translate("Visits", "X-ray"),
        "x_ray": QCoreApplication.translate("Visits", "X-ray"),
        "ultrasound": QCoreApplication.translate("Visits", "ultrasound"),
        "mammogram": QCoreApplication.translate("Visits", "mammogram"),
    }
    return labels.get(kind.lower(), kind.replace("_", " "))


@dataclass(frozen=True)
class SymptomSummary:
    symptom_id: str
    term: str
    attribute: str
    worst: int
    days_reported: int  # days with an answer above the lowest
    severe_days: int  # days at SEVERE or worse
    daily: tuple[tuple[date, int], ...]

    @property
    def worst_word(self) -> str:
        return answer_word(self.attribute, self.worst)


def answer_word(attribute: str, value: int) -> str:
    scale = ANSWER_SCALES.get(attribute, ANSWER_SCALES["severity"])
    word = scale[max(0, min(value, len(scale) - 1))]
    return QCoreApplication.translate("AnswerScale", word)


@dataclass(frozen=True)
class RedFlagInfo:
    day: date
    rule_id: str
    urgency: str
    message: str


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


def _primary_attribute(term: SymptomTerm | None, seen: set[str]) -> str | None:
    """The attribute that says how bad a symptom was: severity when it has one."""
    order = list(term.attributes) if term else []
    order += sorted(seen - set(order))
    for wanted in ("severity", *order):
        if wanted in seen and wanted != "presence":
            return wanted
    return None


def symptom_summaries(
    store: Store, start: date, end: date, terms: dict[str, SymptomTerm]
) -> list[SymptomSummary]:
    """Per symptom, its worst answer in the period; worst first. Yes/no signs are left out."""
    with store.session() as session:
        rows = session.execute(
            select(
                CheckIn.day, SymptomAnswer.symptom_id, SymptomAnswer.attribute, SymptomAnswer.value
            )
            .join(CheckIn, SymptomAnswer.checkin_id == CheckIn.id)
            .where(CheckIn.day >= start, CheckIn.day <= end)
            .where(SymptomAnswer.recall_days == RECALL_DAILY)  # day by day: daily answers
            .order_by(CheckIn.day)
        ).all()
    by_symptom: dict[str, dict[str, dict[date, int]]] = defaultdict(lambda: defaultdict(dict))
    for day, symptom_id, attribute, value in rows:
        by_symptom[symptom_id][attribute][day] = value
    summaries = []
    for symptom_id, attributes in by_symptom.items():
        term = terms.get(symptom_id)
        attribute = _primary_attribute(term, set(attributes))
        if attribute is None:
            continue
        daily = sorted(attributes[attribute].items())
        values = [v for _, v in daily]
        summaries.append(
            SymptomSummary(
                symptom_id=symptom_id,
                term=term.term if term else symptom_id.replace("_", " ").capitalize(),
                attribute=attribute,
                worst=max(values),
                days_reported=sum(1 for v in values if v > 0),
                severe_days=sum(1 for v in values if v >= SEVERE),
                daily=tuple(daily),
            )
        )
    summaries.sort(key=lambda s: (-s.worst, -s.severe_days, -s.days_reported, s.term))
    return summaries


def red_flags(store: Store, start: date, end: date) -> list[RedFlagInfo]:
    with store.session() as session:
        rows = session.execute(
            select(CheckIn.day, RedFlagEvent.rule_id, RedFlagEvent.urgency, RedFlagEvent.message)
            .join(CheckIn, RedFlagEvent.checkin_id == CheckIn.id)
            .where(CheckIn.day >= start, CheckIn.day <= end)
            .order_by(CheckIn.day, RedFlagEvent.id)
        ).all()
    return [RedFlagInfo(day=d, rule_id=r, urgency=u, message=m) for d, r, u, m in rows]


def line_events(store: Store, start: date, end: date) -> list[LineEvent]:
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
    with store.session() as session:
        rows = session.scalars(
            select(TestResult)
            .where(TestResult.day >= start, TestResult.day <= end)
            .order_by(TestResult.day, TestResult.id)
        ).all()
        return [_test_info(r) for r in rows if is_scan(r.kind)]


def tests_until(store: Store, end: date) -> list[TestInfo]:
    """Every test up to a day, oldest first (for the latest heart scan and markers)."""
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


@dataclass(frozen=True)
class Measurements:
    highest_temperature: tuple[date, float] | None
    weight_first: tuple[date, float] | None
    weight_last: tuple[date, float] | None


def measurements(store: Store, start: date, end: date) -> Measurements:
    with store.session() as session:
        temps = session.execute(
            select(CheckIn.day, CheckIn.temperature_c)
            .where(CheckIn.day.between(start, end), CheckIn.temperature_c.is_not(None))
            .order_by(CheckIn.temperature_c.desc(), CheckIn.day.desc())
            .limit(1)
        ).first()
        weights = session.execute(
            select(CheckIn.day, CheckIn.weight_kg)
            .where(CheckIn.day.between(start, end), CheckIn.weight_kg.is_not(None))
            .order_by(CheckIn.day)
        ).all()
    return Measurements(
        highest_temperature=(temps[0], temps[1]) if temps else None,
        weight_first=(weights[0][0], weights[0][1]) if weights else None,
        weight_last=(weights[-1][0], weights[-1][1]) if weights else None,
    )
