"""The FHIR export: every resource validates as FHIR R4, and the record is all there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# fhir.resources 8 validates FHIR R5 by default; its R4B subpackage validates R4B, which
# has the same Patient, Condition, MedicationStatement, Procedure, Observation and Bundle
# structure as R4, so it is the R4-compatible check used here.
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from companion.cli import main
from companion.reports.fhir_record import (
    PRIMARY_CANCER,
    SECONDARY_CANCER,
    TUMOR_MARKER_TEST,
    build_record_bundle,
)
from companion.services import Services


@pytest.fixture
def exported(demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    out = tmp_path / "record.json"
    status = main(
        ["--data-dir", str(demo_dir), "export", "record", "--format", "fhir", "-o", str(out)]
    )
    assert status == 0
    assert "FHIR resources" in capsys.readouterr().out
    return json.loads(out.read_text(encoding="utf-8"))


def by_type(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def coded(resource: dict, system: str) -> list[str]:
    return [c["code"] for c in resource["code"].get("coding", []) if c["system"] == system]


def test_every_resource_is_valid_fhir(exported: dict) -> None:
    Bundle.model_validate(exported)
    for entry in exported["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
        assert entry["fullUrl"] == f"urn:uuid:{resource['id']}"
    ids = [e["resource"]["id"] for e in exported["entry"]]
    assert len(ids) == len(set(ids))
    # Every reference points at a resource of the bundle.
    text = json.dumps(exported)
    urls = {e["fullUrl"] for e in exported["entry"]}
    for part in text.split('"reference": "')[1:]:
        assert part.split('"', 1)[0] in urls


def test_the_record_is_complete(exported: dict) -> None:
    conditions = by_type(exported, "Condition")
    primary = [c for c in conditions if c["meta"]["profile"] == [PRIMARY_CANCER]]
    assert len(primary) == 1 and coded(primary[0], "http://snomed.info/sct") == ["254837009"]
    sites = [c for c in conditions if c["meta"]["profile"] == [SECONDARY_CANCER]]
    assert sorted(c["bodySite"][0]["coding"][0]["code"] for c in sites) == [
        "10200004",  # liver
        "272673000",  # bone
    ]

    courses = by_type(exported, "MedicationStatement")
    names = [m["medicationCodeableConcept"]["text"] for m in courses]
    assert len(courses) == 11 + 5  # 11 drug courses in 4 lines, 5 other medicines
    tdxd = courses[names.index("Trastuzumab deruxtecan (T-DXd)")]
    assert tdxd["status"] == "completed"
    tucatinib = courses[names.index("Tucatinib")]
    assert tucatinib["status"] == "active"
    assert tdxd["medicationCodeableConcept"]["coding"][0]["code"] == "trastuzumab-deruxtecan"
    ended = [m for m in courses if m["status"] == "completed"]
    assert any(
        m.get("statusReason", [{}])[0].get("text", "").startswith("The cancer grew") for m in ended
    )

    procedures = by_type(exported, "Procedure")
    assert sorted(coded(p, "http://snomed.info/sct")[0] for p in procedures) == [
        "108290001",
        "387713003",
        "86273004",
        "86273004",
        "86273004",
    ]

    observations = by_type(exported, "Observation")
    loinc = [code for o in observations for code in coded(o, "http://loinc.org")]
    assert loinc.count("10230-1") == 7  # LVEF readings
    assert loinc.count("6875-9") == 7  # CA 15-3
    assert loinc.count("85337-4") == 3 and loinc.count("85339-0") == 3  # ER, PR
    assert loinc.count("48676-1") == 3  # HER2 result per biopsy
    markers = [o for o in observations if o.get("meta", {}).get("profile") == [TUMOR_MARKER_TEST]]
    assert len(markers) == 7 + 3 + 3 + 3 + 3 + 1  # CA 15-3, ER, PR, HER2, IHC, FISH
    er = [o for o in observations if coded(o, "http://loinc.org") == ["85337-4"]]
    assert [o["valueCodeableConcept"]["text"] for o in er] == ["Positive", "Positive", "Negative"]

    answers = [o for o in observations if o["category"][0]["coding"][0]["code"] == "survey"]
    assert len(answers) > 1000  # every symptom answer and ESAS-r item of six months
    nausea = next(o for o in answers if o["code"]["coding"][0]["code"] == "nausea.severity")
    assert nausea["valueCodeableConcept"]["text"] in (
        "None",
        "Mild",
        "Moderate",
        "Severe",
        "Very severe",
    )


def test_ids_are_stable_between_exports(demo_dir: Path) -> None:
    services = Services.open(demo_dir)
    try:
        first = build_record_bundle(services)
        second = build_record_bundle(services)
    finally:
        services.close()
    assert [e["fullUrl"] for e in first["entry"]] == [e["fullUrl"] for e in second["entry"]]


def test_an_empty_profile_exports_patient_and_cancer(services: Services) -> None:
    bundle = build_record_bundle(services)
    Bundle.model_validate(bundle)
    assert [e["resource"]["resourceType"] for e in bundle["entry"]] == ["Patient", "Condition"]


def test_a_missing_profile_is_a_plain_error(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    status = main(
        ["--data-dir", str(tmp_path / "none"), "export", "record", "-o", str(tmp_path / "x.json")]
    )
    assert status == 1
    assert "No profile found" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()
