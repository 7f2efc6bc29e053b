"""The demo's medicines at home in every report: the FHIR record (MedicationRequest with
timing, MedicationAdministration per dose), the visit brief, the treatment summary, the dose
CSV, and the check-in day on Today linked to that day's doses."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fixed_time import NOW, TODAY
from pypdf import PdfReader

from companion.cli import main
from companion.reports.fhir_record import build_record_bundle
from companion.reports.pdf import write_pdf
from companion.reports.treatment_summary import build_treatment_summary
from companion.reports.visit_brief import visit_brief_for
from companion.services import Services


@pytest.fixture
def demo(demo_dir: Path) -> Iterator[Services]:
    opened = Services.open(demo_dir)
    yield opened
    opened.close()


def test_the_demo_has_the_schedules_the_issue_names(demo: Services) -> None:
    schedules = {s.name: s for s in demo.treatments.schedules.schedules() if s.end_date is None}
    cape, tucatinib = schedules["Capecitabine"], schedules["Tucatinib"]
    assert cape.pattern == "cycle" and cape.line_id == tucatinib.line_id is not None
    starts = demo.treatments.schedules.cycle_starts(cape, TODAY)
    line_start = TODAY - timedelta(days=35)
    assert starts[:2] == [line_start, line_start + timedelta(days=28)]  # cycle 2 a week late
    assert [d.amount for d in cape.doses] == [1500, 1000]
    assert schedules["Loperamide"].pattern == "as_needed"
    assert schedules["Loperamide"].daily_max == 16
    neratinib = next(s for s in demo.treatments.schedules.schedules() if s.name == "Neratinib")
    assert neratinib.pattern == "ramp" and [d.amount for d in neratinib.doses] == [120, 160, 240]
    log = demo.treatments.schedules.log()
    assert {e.reason for e in log if e.status == "skipped"} == {
        "forgot",
        "side_effects",
        "told_to_stop",
    }


def test_the_fhir_record_has_requests_and_administrations(demo: Services) -> None:
    bundle = build_record_bundle(demo)
    resources = [e["resource"] for e in bundle["entry"]]
    requests = [r for r in resources if r["resourceType"] == "MedicationRequest"]
    given = [r for r in resources if r["resourceType"] == "MedicationAdministration"]
    for resource in requests + given[:40] + given[-40:]:
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
    cape = next(r for r in requests if r["medicationCodeableConcept"]["text"] == "Capecitabine")
    assert cape["intent"] == "order" and cape["reportedBoolean"] is True
    doses = [d["doseAndRate"][0]["doseQuantity"]["value"] for d in cape["dosageInstruction"]]
    assert doses == [1500, 1000]
    timing = cape["dosageInstruction"][0]["timing"]
    assert timing["repeat"]["timeOfDay"] == ["08:00:00", "20:00:00"]
    assert "Days 1–14 of each 21-day cycle" in timing["code"]["text"]
    assert cape["dosageInstruction"][0]["additionalInstruction"] == [
        {"text": "Take within 30 minutes after a meal"}
    ]
    reasons = {r["statusReason"][0]["text"] for r in given if r["status"] == "not-done"}
    assert "Skipped: forgot" in reasons and "Missed: nothing recorded that day" in reasons
    refs = {f"urn:uuid:{r['id']}" for r in requests}
    assert all(r["request"]["reference"] in refs for r in given)


def test_visit_brief_shows_medicines_at_home_on_one_page(
    qapp, demo: Services, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    visit = demo.visits.next_visit()
    assert visit is not None
    target = tmp_path / "brief.pdf"
    assert write_pdf(visit_brief_for(demo, visit.id), target) == 1
    text = " ".join(PdfReader(target).pages[0].extract_text().split())
    assert "Medicines at home since the last visit" in text
    assert "Capecitabine:" in text and "doses taken" in text
    assert "Tucatinib:" in text and "missed" in text.lower()


def test_treatment_summary_lists_the_schedules(qapp, demo: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "summary.pdf"
    write_pdf(build_treatment_summary(demo), target)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(target).pages)
    assert "Medicines at home: schedules" in text
    assert "days 1–14 of each 21-day cycle" in text
    assert "Take within 30 minutes after a meal" in text


def test_dose_csv_from_the_command_line(demo_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "doses.csv"
    code = main(
        ["--data-dir", str(demo_dir), "export", "doses", "--format", "csv", "-o", str(target)]
    )
    assert code == 0
    with target.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [
        "date",
        "time",
        "medicine",
        "status",
        "reason",
        "taken_at",
        "amount",
        "unit",
        "note",
    ]
    missed = [r for r in rows if r["status"] == "missed"]
    three_days_ago = (TODAY - timedelta(days=3)).isoformat()
    assert {(r["date"], r["time"], r["medicine"]) for r in missed} >= {
        (three_days_ago, "20:00", "Capecitabine"),
        (three_days_ago, "20:00", "Tucatinib"),
    }
    first = rows[0]
    assert (first["status"], first["reason"], first["note"]) == ("taken", "", "")
    assert first["taken_at"].endswith("T08:10") and first["amount"] == "1500"
    forgot = [r for r in rows if r["reason"] == "forgot"]
    assert [(r["medicine"], r["status"]) for r in forgot] == [("Tucatinib", "skipped")]
    assert all(r["date"] < TODAY.isoformat() or r["status"] != "missed" for r in rows)


def test_the_check_in_of_a_past_day_shows_its_missed_doses(demo_window) -> None:  # type: ignore[no-untyped-def]
    today_page = demo_window.page("today")
    card = today_page.cards[0]
    assert card.title.text() == "Medicines today"
    assert NOW.hour == 10  # the 08:00 doses are due now, the 20:00 ones later today
    assert card.summary.text() == "Due now: 2 · Later today: 2"
    day = TODAY - timedelta(days=3)
    today_page.show_day(day)
    assert card.title.text().startswith("Medicines on ")
    states = {(r.item.schedule.name, r.item.dose.slot_text): r.state.text() for r in card.rows}
    assert states[("Capecitabine", "20:00")] == "Missed: nothing recorded"
    assert states[("Capecitabine", "08:00")].startswith("Taken at")
