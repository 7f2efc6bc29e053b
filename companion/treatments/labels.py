"""Plain-language names for the codes the treatment history stores.

Shared by the pages, the printed summary and the FHIR export, so a code reads the same
everywhere. Every word goes through Qt's translation (QtCore only: no widgets here).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale


def tr(text: str) -> str:
    return QCoreApplication.translate("Treatments", text)


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
HER2_CATEGORIES = ("positive", "equivocal", "low", "ultralow", "zero", "unknown")
SITE_IDS = ("bone", "liver", "lung", "brain", "lymph-nodes", "skin-chest-wall", "other-sites")
PROCEDURE_KINDS = ("surgery", "radiation", "other")


def setting_label(code: str) -> str:
    return {"metastatic": tr("Metastatic"), "early": tr("Early-stage")}.get(code, code)


def end_reason_label(code: str | None) -> str:
    return {
        "progression": tr("The cancer grew (progression)"),
        "side_effects": tr("Side effects"),
        "completed": tr("Completed as planned"),
        "patient_choice": tr("My choice"),
        "other": tr("Other reason"),
    }.get(code or "", code or "")


def administration_label(code: str) -> str:
    return {
        "given": tr("Treatment given"),
        "delay": tr("Delayed"),
        "dose_change": tr("Dose changed"),
    }.get(code, code)


def test_kind_label(code: str) -> str:
    return {
        "ct": tr("CT scan"),
        "pet": tr("PET scan"),
        "bone_scan": tr("Bone scan"),
        "brain_mri": tr("Brain MRI"),
        "mri": tr("MRI (other)"),
        "echocardiogram": tr("Echocardiogram"),
        "muga": tr("MUGA heart scan"),
        "blood_test": tr("Blood test"),
        "tumour_marker": tr("Tumour marker"),
        "x_ray": tr("X-ray"),
        "other": tr("Other test"),
    }.get(code, code)


def receptor_label(code: str) -> str:
    return {
        "positive": tr("Positive"),
        "negative": tr("Negative"),
        "unknown": tr("Not known"),
    }.get(code, code)


def ihc_label(code: str | None) -> str:
    return {
        None: tr("Not done"),
        "0": tr("0 (no staining)"),
        "0+": tr("0 with faint staining (ultralow)"),
        "1+": tr("1+"),
        "2+": tr("2+ (borderline)"),
        "3+": tr("3+"),
    }.get(code, code or "")


def fish_label(code: str | None) -> str:
    return {
        None: tr("Not done"),
        "positive": tr("Positive (amplified)"),
        "negative": tr("Negative (not amplified)"),
        "equivocal": tr("Equivocal"),
    }.get(code, code or "")


def her2_category_label(code: str) -> str:
    return {
        "positive": tr("HER2-positive"),
        "equivocal": tr("HER2 borderline, waiting for FISH"),
        "low": tr("HER2-low"),
        "ultralow": tr("HER2-ultralow"),
        "zero": tr("HER2-zero"),
        "unknown": tr("HER2 not known"),
    }.get(code, code)


def site_label(code: str) -> str:
    return {
        "bone": tr("Bone"),
        "liver": tr("Liver"),
        "lung": tr("Lung"),
        "brain": tr("Brain"),
        "lymph-nodes": tr("Lymph nodes"),
        "skin-chest-wall": tr("Skin or chest wall"),
        "other-sites": tr("Other places"),
    }.get(code, code)


def procedure_label(code: str) -> str:
    return {
        "surgery": tr("Surgery"),
        "radiation": tr("Radiation"),
        "other": tr("Other procedure"),
    }.get(code, code)


def day_text(day: date | None) -> str:
    """A date as the patient's locale writes it, e.g. '3 Mar 2025'."""
    if day is None:
        return ""
    # Day, short month name and year: unambiguous in every locale (no 03/04 puzzles).
    return QLocale().toString(day, "d MMM yyyy")
