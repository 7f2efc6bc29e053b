"""The whole record as a FHIR R4 Bundle (JSON): for another app, a clinic or a researcher.

What it holds: Patient; a Condition for the breast cancer and one per site of spread;
a MedicationStatement per drug course (each drug of each line, and each other medicine);
a Procedure per biopsy, surgery and radiation course; Observations for scans and tests
(LVEF, tumour markers), receptor results (ER, PR, HER2 IHC, FISH and the HER2 result) and
each symptom answer, ESAS-r item, temperature and weight.

mCODE profiles are named in meta.profile only where the resource carries what the profile
requires: PrimaryCancerCondition, SecondaryCancerCondition and TumorMarkerTest. Patient
(mCODE CancerPatient needs an identifier and gender the app does not keep) and the
medication courses (mCODE wants RxNorm codes, which the library does not carry yet) are
plain R4. Everything is patient-reported, which each resource says in its note or text.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from companion import __version__, atomic_file
from companion.library.model import ANSWER_SCALES
from companion.reports.fhir_medicines import RecordParts, medicine_resources
from companion.reports.fhir_weekly import weekly_resources
from companion.symptoms.model import RECALL_DAILY
from companion.treatments.labels import (
    administration_label,
    end_reason_label,
    site_label,
    test_kind_label,
)

if TYPE_CHECKING:
    from companion.services import Services

Resource = dict[str, Any]

MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/"
PRIMARY_CANCER = MCODE + "mcode-primary-cancer-condition"
SECONDARY_CANCER = MCODE + "mcode-secondary-cancer-condition"
TUMOR_MARKER_TEST = MCODE + "mcode-tumor-marker-test"

SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
# The app's own codes (library ids, symptom ids, answer indexes): local URNs, not claimed
# to be any standard terminology.
LIBRARY_DRUG = "urn:her2-companion:library-drug"
SYMPTOM_ITEM = "urn:her2-companion:symptom-item"
SYMPTOM_ANSWER = "urn:her2-companion:symptom-answer"
ESAS_ITEM = "urn:her2-companion:esas-r-item"
# Stable ids: the same entry gets the same id in every export.
NAMESPACE = uuid.UUID("6f1c8d52-3a0e-4b8e-9c61-2f0b8a5d4e17")

BODY_SITES = {  # SNOMED CT body structures for the library's site ids
    "bone": ("272673000", "Bone structure (body structure)"),
    "liver": ("10200004", "Liver structure (body structure)"),
    "lung": ("39607008", "Lung structure (body structure)"),
    "brain": ("12738006", "Brain structure (body structure)"),
    "lymph-nodes": ("59441001", "Structure of lymph node (body structure)"),
    "skin-chest-wall": ("78904004", "Chest wall structure (body structure)"),
}
MARKER_LOINC = {  # tumour marker names as typed → LOINC (serum or plasma)
    "ca153": ("6875-9", "Cancer Ag 15-3 [Units/volume] in Serum or Plasma"),
    "ca2729": ("17842-6", "Cancer Ag 27-29 [Units/volume] in Serum or Plasma"),
    "cea": ("2039-6", "Carcinoembryonic Ag [Mass/volume] in Serum or Plasma"),
}
POSITIVE = {"system": LOINC, "code": "LA6576-8", "display": "Positive"}
NEGATIVE = {"system": LOINC, "code": "LA6577-6", "display": "Negative"}
PATIENT_REPORTED = "Recorded by the patient in HER2 Companion."


def _id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


def _ref(resource: Resource) -> dict[str, str]:
    return {"reference": f"urn:uuid:{resource['id']}"}


def _concept(system: str | None, code: str | None, display: str, text: str = "") -> dict[str, Any]:
    concept: dict[str, Any] = {"text": text or display}
    if system and code:
        concept["coding"] = [{"system": system, "code": code, "display": display}]
    return concept


def _category(system: str, code: str, display: str) -> list[dict[str, Any]]:
    return [{"coding": [{"system": system, "code": code, "display": display}]}]


def _day(day: date) -> str:
    return day.isoformat()


def _period(start: date | None, end: date | None) -> dict[str, str]:
    period = {}
    if start is not None:
        period["start"] = _day(start)
    if end is not None:
        period["end"] = _day(end)
    return period


class RecordBuilder:
    def __init__(self, services: Services, today: date) -> None:
        self.services = services
        self.record = services.treatments
        self.today = today
        self.resources: list[Resource] = []
        self.patient = self._add(self._patient())
        self.cancer = self._add(self._primary_cancer())

    def _add(self, resource: Resource) -> Resource:
        self.resources.append(resource)
        return resource

    def _subject(self) -> dict[str, str]:
        return _ref(self.patient)

    # -- who and what -------------------------------------------------------------------
    def _patient(self) -> Resource:
        patient: Resource = {"resourceType": "Patient", "id": _id("patient")}
        name = self.services.profile.get().name
        if name:
            patient["name"] = [{"text": name}]
        return patient

    def _primary_cancer(self) -> Resource:
        biopsies = self.record.biopsies.biopsies()
        lines = self.record.lines.lines()
        known = [b.day for b in biopsies] + [line.start_date for line in lines]
        condition: Resource = {
            "resourceType": "Condition",
            "id": _id("condition", "primary"),
            "meta": {"profile": [PRIMARY_CANCER]},
            "clinicalStatus": _concept(CONDITION_CLINICAL, "active", "Active"),
            "category": _category(CONDITION_CATEGORY, "problem-list-item", "Problem List Item"),
            "code": _concept(
                SNOMED, "254837009", "Malignant neoplasm of breast (disorder)", "Breast cancer"
            ),
            "subject": {"reference": f"urn:uuid:{self.patient['id']}"},
            "note": [{"text": PATIENT_REPORTED}],
        }
        if known:
            condition["onsetDateTime"] = _day(min(known))
        return condition

    def sites(self) -> None:
        for site in self.record.sites.sites():
            condition: Resource = {
                "resourceType": "Condition",
                "id": _id("condition", "site", site.id),
                "meta": {"profile": [SECONDARY_CANCER]},
                "clinicalStatus": _concept(CONDITION_CLINICAL, "active", "Active"),
                "category": _category(CONDITION_CATEGORY, "problem-list-item", "Problem List Item"),
                "code": _concept(
                    SNOMED,
                    "128462008",
                    "Secondary malignant neoplastic disease (disorder)",
                    f"Spread to: {site_label(site.site_id)}",
                ),
                "subject": self._subject(),
                "onsetDateTime": _day(site.found_date),
                "note": [{"text": PATIENT_REPORTED}],
            }
            body = BODY_SITES.get(site.site_id)
            text = site.detail or site_label(site.site_id)
            condition["bodySite"] = [
                _concept(SNOMED, body[0], body[1], text) if body else {"text": text}
            ]
            self._add(condition)

    # -- treatment ----------------------------------------------------------------------
    def medication_courses(self) -> None:
        matcher = self.record.matcher()
        for line in self.record.lines.lines():
            changes = "; ".join(
                f"{_day(a.day)} {administration_label(a.kind)}: {a.note}"
                for a in line.administrations
                if a.kind != "given"
            )
            given = [a for a in line.administrations if a.kind == "given"]
            for drug in line.drugs:
                end = drug.end_date or line.end_date
                statement = self._statement(
                    ("line", line.id, drug.id),
                    drug.display,
                    drug.library_id,
                    drug.start_date or line.start_date,
                    end,
                )
                notes = [f"{line.label}: {line.name}.", PATIENT_REPORTED]
                if given:
                    notes.append(f"{len(given)} treatment days recorded.")
                if changes:
                    notes.append(changes)
                statement["note"] = [{"text": " ".join(notes)}]
                statement["reasonReference"] = [_ref(self.cancer)]
                if line.end_date is not None and line.end_reason:
                    reason = end_reason_label(line.end_reason)
                    statement["statusReason"] = [
                        {"text": f"{reason}. {line.end_note}".strip() if line.end_note else reason}
                    ]
                entry = matcher.entry(drug.library_id)
                if entry is not None and entry.route:
                    statement["dosage"] = [{"text": entry.route}]
                self._add(statement)
        for medicine in self.record.medicines.medicines():
            statement = self._statement(
                ("medicine", medicine.id),
                medicine.name,
                medicine.library_id,
                medicine.start_date,
                medicine.end_date,
            )
            if medicine.dose:
                statement["dosage"] = [{"text": medicine.dose}]
            if medicine.purpose:
                statement["reasonCode"] = [{"text": medicine.purpose}]
            statement["note"] = [{"text": PATIENT_REPORTED}]
            self._add(statement)

    def _statement(
        self,
        key: tuple[object, ...],
        name: str,
        library_id: str | None,
        start: date | None,
        end: date | None,
    ) -> Resource:
        ongoing = end is None or end >= self.today
        planned = start is not None and start > self.today
        statement: Resource = {
            "resourceType": "MedicationStatement",
            "id": _id("medication", *key),
            "status": "intended" if planned else "active" if ongoing else "completed",
            "medicationCodeableConcept": _concept(LIBRARY_DRUG, library_id, name),
            "subject": self._subject(),
        }
        period = _period(start, end)
        if period:
            statement["effectivePeriod"] = period
        return statement

    def procedures(self) -> None:
        for biopsy in self.record.biopsies.biopsies():
            procedure = {
                "resourceType": "Procedure",
                "id": _id("procedure", "biopsy", biopsy.id),
                "status": "completed",
                "code": _concept(SNOMED, "86273004", "Biopsy (procedure)", "Biopsy"),
                "subject": self._subject(),
                "performedDateTime": _day(biopsy.day),
                "reasonReference": [_ref(self.cancer)],
                "note": [{"text": " ".join(filter(None, (biopsy.note, PATIENT_REPORTED)))}],
            }
            if biopsy.site:
                procedure["bodySite"] = [{"text": biopsy.site}]
            self._add(procedure)
            self.receptors(biopsy, procedure)
        codes = {
            "surgery": ("387713003", "Surgical procedure (procedure)"),
            "radiation": ("108290001", "Radiation oncology AND/OR radiotherapy (procedure)"),
        }
        for item in self.record.procedures.procedures():
            code = codes.get(item.kind)
            text = item.full_label
            resource: Resource = {
                "resourceType": "Procedure",
                "id": _id("procedure", item.kind, item.id),
                "status": "completed"
                if (item.end_date or item.day) <= self.today
                else "preparation",
                "code": _concept(SNOMED, code[0], code[1], text) if code else {"text": text},
                "subject": self._subject(),
                "reasonReference": [_ref(self.cancer)],
                "note": [{"text": " ".join(filter(None, (item.note, PATIENT_REPORTED)))}],
            }
            if item.end_date is not None:
                resource["performedPeriod"] = _period(item.day, item.end_date)
            else:
                resource["performedDateTime"] = _day(item.day)
            self._add(resource)

    # -- results ------------------------------------------------------------------------
    def _observation(
        self,
        key: tuple[object, ...],
        code: dict[str, Any],
        day: date,
        category: tuple[str, str],
        **fields: Any,
    ) -> Resource:
        observation: Resource = {
            "resourceType": "Observation",
            "id": _id("observation", *key),
            "status": "final",
            "category": _category(OBSERVATION_CATEGORY, *category),
            "code": code,
            "subject": self._subject(),
            "effectiveDateTime": _day(day),
        }
        observation.update(fields)
        return observation

    def receptors(self, biopsy: Any, procedure: Resource) -> None:
        def add(name: str, code: str, display: str, value: dict[str, Any], text: str) -> None:
            self._add(
                self._observation(
                    ("receptor", biopsy.id, name),
                    _concept(LOINC, code, display, text),
                    biopsy.day,
                    ("laboratory", "Laboratory"),
                    meta={"profile": [TUMOR_MARKER_TEST]},
                    valueCodeableConcept=value,
                    partOf=[_ref(procedure)],
                    focus=[_ref(self.cancer)],
                )
            )

        for name, code, display, result in (
            (
                "er",
                "85337-4",
                "Estrogen receptor Ag [Presence] in Breast cancer specimen by Immune stain",
                biopsy.er,
            ),
            (
                "pr",
                "85339-0",
                "Progesterone receptor Ag [Presence] in Breast cancer specimen by Immune stain",
                biopsy.pr,
            ),
        ):
            if result in ("positive", "negative"):
                coding = POSITIVE if result == "positive" else NEGATIVE
                add(
                    name,
                    code,
                    display,
                    {"coding": [coding], "text": coding["display"]},
                    name.upper(),
                )
        if biopsy.her2_ihc:
            add(
                "her2-ihc",
                "85319-2",
                "HER2 [Presence] in Breast cancer specimen by Immune stain",
                {"text": f"IHC {biopsy.her2_ihc}"},
                "HER2 IHC",
            )
        if biopsy.her2_fish:
            fish = {"positive": POSITIVE, "negative": NEGATIVE}.get(biopsy.her2_fish)
            value = (
                {"coding": [fish], "text": fish["display"]}
                if fish
                else {"text": biopsy.her2_fish.capitalize()}
            )
            add(
                "her2-fish",
                "85318-4",
                "ERBB2 gene duplication [Presence] in Breast cancer specimen by FISH",
                value,
                "HER2 FISH",
            )
        category = biopsy.her2_category
        if category in ("positive", "low", "ultralow", "zero"):
            # HER2-low, -ultralow and -zero are all HER2-negative; the text keeps which.
            coding = POSITIVE if category == "positive" else NEGATIVE
            text = "HER2-positive" if category == "positive" else f"HER2-{category} (negative)"
            add(
                "her2",
                "48676-1",
                "HER2 [Interpretation] in Tissue",
                {"coding": [coding], "text": text},
                "HER2 status",
            )

    def tests(self) -> None:
        for test in self.record.scans.tests():
            label = test_kind_label(test.kind)
            laboratory = test.kind in ("blood_test", "tumour_marker")
            category = ("laboratory", "Laboratory") if laboratory else ("imaging", "Imaging")
            if test.marker_value is not None:
                name = test.marker_name or ""
                key = "".join(ch for ch in name.casefold() if ch.isalnum())
                loinc = MARKER_LOINC.get(key)
                code = _concept(LOINC, *loinc, name) if loinc else {"text": name}
                quantity: dict[str, Any] = {"value": test.marker_value}
                if test.marker_unit:
                    quantity["unit"] = test.marker_unit
                self._add(
                    self._observation(
                        ("test", test.id),
                        code,
                        test.day,
                        ("laboratory", "Laboratory"),
                        meta={"profile": [TUMOR_MARKER_TEST]},
                        valueQuantity=quantity,
                        focus=[_ref(self.cancer)],
                        **({"note": [{"text": test.summary}]} if test.summary else {}),
                    )
                )
            elif test.lvef_percent is not None:
                self._add(
                    self._observation(
                        ("test", test.id),
                        _concept(
                            LOINC,
                            "10230-1",
                            "Left ventricular Ejection fraction",
                            f"LVEF ({label})",
                        ),
                        test.day,
                        ("imaging", "Imaging"),
                        valueQuantity={
                            "value": test.lvef_percent,
                            "unit": "%",
                            "system": UCUM,
                            "code": "%",
                        },
                        **({"note": [{"text": test.summary}]} if test.summary else {}),
                    )
                )
            else:
                observation = self._observation(
                    ("test", test.id), {"text": label}, test.day, category
                )
                if test.summary:
                    observation["valueString"] = test.summary
                else:
                    observation["dataAbsentReason"] = {"text": "No result recorded yet"}
                self._add(observation)

    def symptoms(self) -> None:
        service = self.services.symptoms
        for state in service.history.day_states():
            for answer in state.answers:
                if answer.recall_days != RECALL_DAILY:
                    continue  # weekly answers: a QuestionnaireResponse (fhir_weekly)
                words = ANSWER_SCALES.get(answer.attribute, ())
                word = words[answer.value] if answer.value < len(words) else str(answer.value)
                term = service.term(answer.symptom_id)
                self._add(
                    self._observation(
                        ("symptom", state.day, answer.symptom_id, answer.attribute),
                        _concept(
                            SYMPTOM_ITEM,
                            f"{answer.symptom_id}.{answer.attribute}",
                            f"{term}: {answer.attribute}",
                        ),
                        state.day,
                        ("survey", "Survey"),
                        valueCodeableConcept=_concept(
                            f"{SYMPTOM_ANSWER}:{answer.attribute}", str(answer.value), word
                        ),
                    )
                )
            for item, value in state.esas:
                self._add(
                    self._observation(
                        ("esas", state.day, item),
                        _concept(ESAS_ITEM, item, f"ESAS-r: {item.replace('_', ' ')}"),
                        state.day,
                        ("survey", "Survey"),
                        valueInteger=value,
                    )
                )
            for key, measured, code, display, unit in (
                ("temperature", state.temperature_c, "8310-5", "Body temperature", "Cel"),
                ("weight", state.weight_kg, "29463-7", "Body weight", "kg"),
            ):
                if measured is not None:
                    self._add(
                        self._observation(
                            (key, state.day),
                            _concept(LOINC, code, display),
                            state.day,
                            ("vital-signs", "Vital Signs"),
                            valueQuantity={
                                "value": measured,
                                "unit": "°C" if unit == "Cel" else unit,
                                "system": UCUM,
                                "code": unit,
                            },
                        )
                    )


def build_record_bundle(services: Services, today: date | None = None) -> Resource:
    """The whole record as a FHIR R4 Bundle of type collection (a plain dict, JSON-ready)."""
    builder = RecordBuilder(services, today or services.clock.today())
    builder.sites()
    builder.medication_courses()
    builder.procedures()
    builder.tests()
    builder.symptoms()
    for resource in weekly_resources(services.symptoms, builder.today, builder._subject(), _id):
        builder._add(resource)
    parts = RecordParts(
        _ref(builder.patient),
        _id,
        lambda library_id, name: _concept(LIBRARY_DRUG, library_id, name),
        PATIENT_REPORTED,
    )
    for resource in medicine_resources(
        services.treatments.schedules, parts, builder.today, services.clock.wall_now()
    ):
        builder._add(resource)
    return {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "meta": {"tag": [{"display": f"Exported by HER2 Companion {__version__}"}]},
        "type": "collection",
        "timestamp": services.clock.utc_now().isoformat(timespec="seconds"),
        "entry": [
            {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}
            for resource in builder.resources
        ],
    }


def resource_counts(bundle: Resource) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entry in bundle["entry"]:
        kind = entry["resource"]["resourceType"]
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def write_bundle(bundle: Resource, path: Path) -> None:
    """Write the JSON to a temporary file first, so a full disk never leaves half a file."""
    text = json.dumps(bundle, ensure_ascii=False, separators=(",", ":"))
    atomic_file.write_text(Path(path), text)


def describe(counts: Iterable[tuple[str, int]]) -> str:
    return ", ".join(f"{count} {kind}" for kind, count in counts)
