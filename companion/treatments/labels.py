"""Plain-language names for the codes the treatment history stores.

Shared by the pages, the printed summary and the FHIR export, so a code reads the same
everywhere. Every word goes through Qt's translation (QtCore only: no widgets here).
"""

from __future__ import annotations

from datetime import date

from companion.translations import Treatments, locale_date

SETTINGS = ("metastatic", "early")
END_REASONS = ("progression", "side_effects", "completed", "patient_choice", "other")
ADMINISTRATION_KINDS = ("given", "delay", "dose_change")
TEST_KINDS = (
    "ct",
    "pet",
    "bone_scan",
    "brain_mri",
    "mri",
    "echocardiogram",
    "muga",
    "blood_test",
    "tumour_marker",
    "x_ray",
    "other",
)
LVEF_KINDS = ("echocardiogram", "muga")
MARKER_NAMES = ("CA 15-3", "CA 27.29", "CEA")
RECEPTOR_VALUES = ("positive", "negative", "unknown")
IHC_SCORES = ("0", "0+", "1+", "2+", "3+")
FISH_RESULTS = ("positive", "negative", "equivocal")
SITE_IDS = ("bone", "liver", "lung", "brain", "lymph-nodes", "skin-chest-wall", "other-sites")
PROCEDURE_KINDS = ("surgery", "radiation", "other")


def setting_label(code: str) -> str:
    return {"metastatic": Treatments.tr("Metastatic"), "early": Treatments.tr("Early-stage")}.get(
        code, code
    )


def end_reason_label(code: str | None) -> str:
    return {
        "progression": Treatments.tr("The cancer grew (progression)"),
        "side_effects": Treatments.tr("Side effects"),
        "completed": Treatments.tr("Completed as planned"),
        "patient_choice": Treatments.tr("My choice"),
        "other": Treatments.tr("Other reason"),
    }.get(code or "", code or "")


def administration_label(code: str) -> str:
    return {
        "given": Treatments.tr("Treatment given"),
        "delay": Treatments.tr("Delayed"),
        "dose_change": Treatments.tr("Dose changed"),
    }.get(code, code)


def test_kind_label(code: str) -> str:
    return {
        "ct": Treatments.tr("CT scan"),
        "pet": Treatments.tr("PET scan"),
        "bone_scan": Treatments.tr("Bone scan"),
        "brain_mri": Treatments.tr("Brain MRI"),
        "mri": Treatments.tr("MRI (other)"),
        "echocardiogram": Treatments.tr("Echocardiogram"),
        "muga": Treatments.tr("MUGA heart scan"),
        "blood_test": Treatments.tr("Blood test"),
        "tumour_marker": Treatments.tr("Tumor marker"),
        "x_ray": Treatments.tr("X-ray"),
        "other": Treatments.tr("Other test"),
    }.get(code, code)


def receptor_label(code: str) -> str:
    return {
        "positive": Treatments.tr("Positive"),
        "negative": Treatments.tr("Negative"),
        "unknown": Treatments.tr("Not known"),
    }.get(code, code)


def ihc_label(code: str | None) -> str:
    return {
        None: Treatments.tr("Not done"),
        "0": Treatments.tr("0 (no staining)"),
        "0+": Treatments.tr("0 with faint staining (ultralow)"),
        "1+": Treatments.tr("1+"),
        "2+": Treatments.tr("2+ (borderline)"),
        "3+": Treatments.tr("3+"),
    }.get(code, code or "")


def fish_label(code: str | None) -> str:
    return {
        None: Treatments.tr("Not done"),
        "positive": Treatments.tr("Positive (amplified)"),
        "negative": Treatments.tr("Negative (not amplified)"),
        "equivocal": Treatments.tr("Equivocal"),
    }.get(code, code or "")


def her2_category_label(code: str) -> str:
    return {
        "positive": Treatments.tr("HER2-positive"),
        "equivocal": Treatments.tr("HER2 borderline, waiting for FISH"),
        "low": Treatments.tr("HER2-low"),
        "ultralow": Treatments.tr("HER2-ultralow"),
        "zero": Treatments.tr("HER2-zero"),
        "unknown": Treatments.tr("HER2 not known"),
    }.get(code, code)


def site_label(code: str) -> str:
    return {
        "bone": Treatments.tr("Bone"),
        "liver": Treatments.tr("Liver"),
        "lung": Treatments.tr("Lung"),
        "brain": Treatments.tr("Brain"),
        "lymph-nodes": Treatments.tr("Lymph nodes"),
        "skin-chest-wall": Treatments.tr("Skin or chest wall"),
        "other-sites": Treatments.tr("Other places"),
    }.get(code, code)


def procedure_label(code: str) -> str:
    return {
        "surgery": Treatments.tr("Surgery"),
        "radiation": Treatments.tr("Radiation"),
        "other": Treatments.tr("Other procedure"),
    }.get(code, code)


def day_text(day: date | None) -> str:
    """A date as the patient's locale writes it, e.g. '3 Mar 2025'."""
    if day is None:
        return ""
    # Day, short month name and year: unambiguous in every locale (no 03/04 puzzles).
    return locale_date(day)
