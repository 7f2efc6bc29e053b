"""Other medicines, scans and tests, biopsies, sites and procedures."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fixed_time import TODAY

from companion.errors import ValidationError
from companion.treatments.biopsies import BiopsyInput
from companion.treatments.current import current_drug_ids, current_site_ids
from companion.treatments.her2 import her2_category
from companion.treatments.lines import DrugInput, LineInput
from companion.treatments.medicines import MedicineInput
from companion.treatments.procedures import ProcedureInput
from companion.treatments.scans import ScanInput
from companion.treatments.sites import SiteInput


def test_current_medicines_list_has_treatment_drugs_then_other_medicines(record) -> None:
    record.lines.add(LineInput("metastatic", 2, "", TODAY - timedelta(30), (DrugInput("Enhertu"),)))
    record.medicines.add(MedicineInput("Xgeva", "Bones", "Every 4 weeks", TODAY - timedelta(60)))
    stopped = record.medicines.add(MedicineInput("Ondansetron", "Nausea", "8 mg", TODAY))
    record.medicines.stop(stopped.id, TODAY)
    record.medicines.add(
        MedicineInput("Old pill", start_date=TODAY - timedelta(90), end_date=TODAY - timedelta(9))
    )
    listed = record.medicines.current_list()
    assert [(m.name, m.cancer_treatment) for m in listed] == [
        ("Enhertu (Trastuzumab deruxtecan)", True),
        ("Ondansetron", False),
        ("Xgeva", False),
    ]
    assert listed[0].how == "Drip into a vein every 3 weeks"
    assert set(current_drug_ids(record.store)) == {"trastuzumab-deruxtecan", "denosumab"}
    assert [m.name for m in record.medicines.current_list(on=TODAY + timedelta(1))][-1] == "Xgeva"


def test_medicine_needs_a_name_and_sane_dates(record) -> None:
    with pytest.raises(ValidationError, match="medicine name"):
        record.medicines.add(MedicineInput("  "))
    with pytest.raises(ValidationError, match="before its start"):
        record.medicines.add(
            MedicineInput("X", start_date=TODAY - timedelta(1), end_date=TODAY - timedelta(5))
        )
    assert record.medicines.medicines() == []


def test_lvef_series_has_the_first_reading_as_baseline(record) -> None:
    for days, value in ((300, 64.0), (200, 60.0), (100, 55.0)):
        record.scans.add(ScanInput("echocardiogram", TODAY - timedelta(days), "", value))
    record.scans.add(ScanInput("ct", TODAY - timedelta(50), "Stable"))
    series = record.scans.lvef()
    assert [v for _, v in series.points] == [64.0, 60.0, 55.0]
    assert series.baseline == (TODAY - timedelta(300), 64.0)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (ScanInput("ct", TODAY, "", 55.0), "echocardiogram or a MUGA"),
        (ScanInput("muga", TODAY, "", 120.0), "between 5 and 95"),
        (ScanInput("tumour_marker", TODAY, "", None, None, 30.0), "marker's name"),
        (ScanInput("ct", TODAY + timedelta(1), "x"), "in the future"),
        (ScanInput("scan", TODAY, "x"), "kind of scan"),
    ],
)
def test_bad_tests_are_refused(record, data, message) -> None:
    with pytest.raises(ValidationError, match=message):
        record.scans.add(data)
    assert record.scans.tests() == []


def test_tumour_markers_are_grouped_by_name(record) -> None:
    for days, name, value in ((90, "CA 15-3", 80.0), (30, "CEA", 4.0), (10, "CA 15-3", 40.0)):
        record.scans.add(ScanInput("tumour_marker", TODAY - timedelta(days), "", None, name, value))
    series = {s.name: [v for _, v in s.points] for s in record.scans.markers()}
    assert series == {"CA 15-3": [80.0, 40.0], "CEA": [4.0]}


@pytest.mark.parametrize(
    ("ihc", "fish", "category"),
    [
        ("3+", None, "positive"),
        ("2+", "positive", "positive"),
        ("2+", "negative", "low"),
        ("2+", None, "equivocal"),
        ("1+", None, "low"),
        ("0+", None, "ultralow"),
        ("0", None, "zero"),
        (None, "positive", "positive"),
        (None, None, "unknown"),
    ],
)
def test_her2_category(ihc, fish, category) -> None:
    assert her2_category(ihc, fish) == category


def test_receptor_changes_between_biopsies_get_a_plain_note(record) -> None:
    record.biopsies.add(BiopsyInput(date(2020, 1, 20), "Breast", "positive", "positive", "3+"))
    record.biopsies.add(BiopsyInput(date(2024, 5, 2), "Liver", "unknown", "positive", "3+"))
    record.biopsies.add(BiopsyInput(date(2025, 6, 3), "Liver", "negative", "positive", "1+"))
    changes = record.biopsies.changes()
    assert [(c.receptor, c.before, c.after) for c in changes] == [
        ("ER", "positive", "negative"),
        ("HER2", "positive", "low"),
    ]
    assert changes[0].text() == (
        "Estrogen receptor (ER) changed from positive to negative: biopsy of 20 Jan 2020 "
        "(Breast) compared with 3 Jun 2025 (Liver)."
    )
    assert "HER2-positive to HER2-low" in changes[1].text()


def test_biopsy_values_are_checked(record) -> None:
    with pytest.raises(ValidationError, match="HER2 IHC"):
        record.biopsies.add(BiopsyInput(TODAY, her2_ihc="4+"))
    assert record.biopsies.biopsies() == []


def test_sites_once_each_with_the_date_found(record) -> None:
    record.sites.add(SiteInput("liver", TODAY - timedelta(40)))
    record.sites.add(SiteInput("bone", TODAY - timedelta(50), "Ribs"))
    with pytest.raises(ValidationError, match="Liver is already on the list"):
        record.sites.add(SiteInput("liver", TODAY))
    with pytest.raises(ValidationError, match="which place"):
        record.sites.add(SiteInput("other-sites", TODAY))
    assert [s.site_id for s in record.sites.sites()] == ["bone", "liver"]
    assert set(current_site_ids(record.store)) == {"bone", "liver"}


def test_procedures_keep_dates_in_order(record) -> None:
    with pytest.raises(ValidationError, match="before its start"):
        record.procedures.add(
            ProcedureInput("radiation", TODAY - timedelta(3), "Spine", TODAY - timedelta(9))
        )
    saved = record.procedures.add(ProcedureInput("surgery", date(2020, 8, 1), "Mastectomy"))
    assert record.procedures.procedures() == [saved]
    assert saved.label == "Mastectomy"
