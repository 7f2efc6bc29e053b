"""Entries added in issue 14: CDK4/6 inhibitors, ovarian suppression, biosimilar suffixes,
zanidatamab's current status, and the lay-language entries."""

from __future__ import annotations

from companion.library.service import LibraryService

LIBRARY = LibraryService()


def _text(entry_id: str, key: str | None = None) -> str:
    entry = LIBRARY.entry(entry_id)
    assert entry is not None, entry_id
    return " ".join(f.text for s in entry.sections if key in (None, s.key) for f in s.facts)


def _effects(entry_id: str) -> set[str]:
    entry = LIBRARY.entry(entry_id)
    assert entry is not None
    return {e.symptom for e in entry.side_effects}


def test_cdk46_inhibitors_are_drugs_of_their_own_class_with_label_sources() -> None:
    for drug_id in ("palbociclib", "abemaciclib"):
        entry = LIBRARY.entry(drug_id)
        assert entry is not None and entry.drug_class == "cdk46_inhibitor"
        assert "neutropenia" in _text(drug_id) or "white blood" in _text(drug_id)
        assert _text(drug_id, "monitoring") and _text(drug_id, "call_team")
        assert "fever" in _effects(drug_id)


def test_palbociclib_says_what_patina_showed_and_claims_no_approval() -> None:
    used = _text("palbociclib", "used_when")
    assert "PATINA" in used and "maintenance" in used
    assert "As of 3 December 2026" in used and "no FDA approval" in used


def test_abemaciclib_covers_monarcher_diarrhea_clots_and_qt() -> None:
    text = _text("abemaciclib")
    assert "monarcHER" in text and "fulvestrant" in text and "ASCO" in text
    assert {"diarrhea", "one_leg_swelling", "yellow_skin_eyes"} <= _effects("abemaciclib")
    assert "QT" in text


def test_cdk46_warning_signs() -> None:
    rules = {r.id: r for r in LIBRARY.rules_for_drug("abemaciclib")}
    assert rules["fever-on-cdk46"].urgency == "now"
    assert rules["clot-on-abemaciclib"].urgency == "now"
    assert rules["diarrhea-on-abemaciclib"].min_answer == 1
    assert "fever-on-cdk46" in {r.id for r in LIBRARY.rules_for_drug("palbociclib")}


def test_ovarian_suppression_is_linked_from_the_aromatase_inhibitors() -> None:
    text = _text("ovarian-suppression")
    assert "goserelin" in text and "leuprolide" in text and "oophorectomy" in text
    for drug_id in ("anastrozole", "letrozole", "exemestane"):
        entry = LIBRARY.entry(drug_id)
        assert entry is not None and "ovarian-suppression" in entry.related


def test_every_biosimilar_suffix_finds_its_medicine_first() -> None:
    suffixes = {
        "trastuzumab": ["dkst", "pkrb", "dttb", "qyyp", "anns", "strf"],
        "pertuzumab": ["dpzb"],
        "denosumab": ["bbdz", "bmwo", "dssb", "bnht"],
    }
    for drug_id, endings in suffixes.items():
        for ending in endings:
            typed = f"{drug_id}-{ending}"
            assert LIBRARY.search(typed, 3)[0].id == drug_id, typed


def test_zanidatamab_states_its_current_label_as_of_a_date() -> None:
    used = _text("zanidatamab", "used_when")
    assert "HERIZON-GEA-01" in used and "As of 3 December 2026" in used


def test_the_lay_language_entries_exist_and_spinal_cord_compression_is_an_emergency() -> None:
    for entry_id in (
        "chemo-brain",
        "infusion-reactions",
        "ports-and-lines",
        "anemia",
        "hypercalcemia",
        "spinal-cord-compression",
        "scan-anxiety",
    ):
        assert LIBRARY.entry(entry_id) is not None, entry_id
    assert "emergency" in _text("spinal-cord-compression", "call_team")
