"""Medicine schedules and the dose log in the FHIR record.

Each schedule is a MedicationRequest (intent "order", reported by the patient: the patient
typed what the care team prescribed) with its dosage and timing; each dose in the log is a
MedicationAdministration ("completed" when taken, "not-done" with the reason when skipped,
and "not-done" / missed when its day passed with nothing recorded).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from companion.medicines import adherence
from companion.medicines.model import ScheduleInfo
from companion.medicines.service import ScheduleService
from companion.medicines.wording import reason_text, schedule_text

Resource = dict[str, Any]


@dataclass(frozen=True)
class RecordParts:
    """What the record builder shares (fhir_record hands it over; importing it back would be
    a cycle): the patient reference, how ids and medication concepts are made, the note."""

    patient: dict[str, str]
    make_id: Callable[..., str]
    concept: Callable[[str | None, str], dict[str, Any]]
    reported_note: str


UCUM = "http://unitsofmeasure.org"


def _quantity(amount: float, unit: str) -> dict[str, Any]:
    return {"value": amount, "unit": unit}


def _moment(moment: datetime) -> str:
    """A FHIR dateTime with the local offset (a time needs one)."""
    return moment.astimezone().isoformat(timespec="seconds")


def _timing(schedule: ScheduleInfo, start: date, end: date | None) -> dict[str, Any]:
    repeat: dict[str, Any] = {"boundsPeriod": {"start": start.isoformat()}}
    if end is not None:
        repeat["boundsPeriod"]["end"] = end.isoformat()
    if schedule.pattern == "weekly":
        repeat.update(frequency=1, period=schedule.every_weeks or 1, periodUnit="wk")
    else:
        repeat.update(frequency=max(1, len(schedule.times)), period=1, periodUnit="d")
    if schedule.times:
        repeat["timeOfDay"] = [t.strftime("%H:%M:%S") for t in schedule.times]
    timing: dict[str, Any] = {"repeat": repeat}
    if schedule.pattern == "cycle":
        timing["code"] = {
            "text": f"Days {schedule.first_day or 1}–{schedule.last_day} of each "
            f"{schedule.cycle_length}-day cycle; cycle day 1 is the line's treatment day"
        }
    return timing


def _dosages(schedule: ScheduleInfo, instruction: str, today: date) -> list[dict[str, Any]]:
    text = schedule_text(schedule, today)
    extra = [{"text": instruction}] if instruction else []
    if schedule.pattern == "as_needed":
        dosage: dict[str, Any] = {"text": text, "asNeededBoolean": True}
        step = schedule.dose_on(today)
        if step is not None:
            dosage["doseAndRate"] = [{"doseQuantity": _quantity(step.amount, step.unit)}]
            if schedule.daily_max:
                dosage["maxDosePerPeriod"] = {
                    "numerator": _quantity(schedule.daily_max, step.unit),
                    "denominator": {"value": 1, "unit": "d", "system": UCUM, "code": "d"},
                }
        if extra:
            dosage["additionalInstruction"] = extra
        return [dosage]
    dosages = []
    steps = schedule.doses or ()
    for index, step in enumerate(steps):
        end = steps[index + 1].start - timedelta(days=1) if index + 1 < len(steps) else None
        end = schedule.end_date if end is None else end
        dosage = {
            "sequence": index + 1,
            "text": text,
            "timing": _timing(schedule, max(step.start, schedule.start_date), end),
            "doseAndRate": [{"doseQuantity": _quantity(step.amount, step.unit)}],
        }
        if extra:
            dosage["additionalInstruction"] = extra
        dosages.append(dosage)
    return dosages


def _ref(resource: Resource) -> dict[str, str]:
    return {"reference": f"urn:uuid:{resource['id']}"}


def medicine_resources(
    service: ScheduleService, parts: RecordParts, today: date, now: datetime
) -> list[Resource]:
    """A MedicationRequest per schedule, then its MedicationAdministrations."""
    found: list[Resource] = []
    _id = parts.make_id
    for schedule in service.schedules():
        medication = parts.concept(schedule.library_id, schedule.name)
        ended = schedule.end_date is not None and schedule.end_date < today
        request: Resource = {
            "resourceType": "MedicationRequest",
            "id": _id("schedule", schedule.id),
            "status": "completed" if ended else "active",
            "intent": "order",
            "reportedBoolean": True,
            "medicationCodeableConcept": medication,
            "subject": parts.patient,
            "authoredOn": schedule.start_date.isoformat(),
            "dosageInstruction": _dosages(schedule, service.instruction(schedule), today),
            "note": [{"text": parts.reported_note}],
        }
        found.append(request)
        for entry in service.log(schedule.id):
            done = entry.status in ("taken", "late")
            moment = entry.taken_at or datetime.combine(entry.day, _slot(entry.slot) or time(12, 0))
            given: Resource = {
                "resourceType": "MedicationAdministration",
                "id": _id("dose", entry.id),
                "status": "completed" if done else "not-done",
                "medicationCodeableConcept": medication,
                "subject": parts.patient,
                "effectiveDateTime": _moment(moment),
                "request": _ref(request),
            }
            notes = [parts.reported_note]
            if entry.status == "late":
                notes.insert(0, f"Taken late (planned {entry.slot}).")
            if entry.status == "skipped":
                given["statusReason"] = [{"text": f"Skipped: {reason_text(entry.reason)}"}]
            if done and entry.amount is not None:
                given["dosage"] = {"dose": _quantity(entry.amount, entry.unit)}
            given["note"] = [{"text": " ".join(notes)}]
            found.append(given)
        if schedule.pattern == "as_needed":
            continue
        last = min(now.date() - timedelta(days=1), schedule.end_date or now.date())
        if last < schedule.logged_from:
            continue
        starts = service.cycle_starts(schedule, last)
        for outcome in adherence.outcomes(
            schedule, service.log(schedule.id), starts, schedule.logged_from, last, now
        ):
            if outcome.status != "missed":
                continue
            found.append(
                {
                    "resourceType": "MedicationAdministration",
                    "id": _id("missed", schedule.id, outcome.day, outcome.slot),
                    "status": "not-done",
                    "statusReason": [{"text": "Missed: nothing recorded that day"}],
                    "medicationCodeableConcept": medication,
                    "subject": parts.patient,
                    "effectiveDateTime": _moment(
                        datetime.combine(outcome.day, _slot(outcome.slot) or time(12, 0))
                    ),
                    "request": _ref(request),
                }
            )
    return found


def _slot(text: str) -> time | None:
    try:
        hours, minutes = text.split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        return None
