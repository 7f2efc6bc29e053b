"""Search finds every medicine by every name, as the patient types it."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.library.build import build
from companion.library.service import LibraryService

LIBRARY = LibraryService()
DRUGS = LIBRARY.drugs()
TOP = 5


def _ids(text: str, limit: int = TOP) -> list[str]:
    return [hit.id for hit in LIBRARY.search(text, limit)]


def _names() -> list[tuple[str, str]]:
    pairs = []
    for drug in DRUGS:
        pairs.append((drug.id, drug.title))
        pairs.extend((drug.id, brand) for brand in drug.brands)
        pairs.extend((drug.id, short) for short in drug.abbreviations)
    return pairs


@pytest.mark.parametrize(("drug_id", "name"), _names())
def test_every_drug_is_found_by_each_of_its_names(drug_id: str, name: str) -> None:
    assert drug_id in _ids(name), f"{name!r} does not find {drug_id}"


@pytest.mark.parametrize(("drug_id", "name"), _names())
def test_every_name_is_found_while_it_is_being_typed(drug_id: str, name: str) -> None:
    # Search-as-you-type: the first letters already find the drug (with up to 30 hits).
    start = name[: max(4, (len(name) + 1) // 2)]
    assert drug_id in _ids(start, 30), f"{start!r} (of {name!r}) does not find {drug_id}"


@pytest.mark.parametrize(
    ("typed", "drug_id"),
    [
        ("herceptin", "trastuzumab"),
        ("Herceptin", "trastuzumab"),
        ("Enhertu", "trastuzumab-deruxtecan"),
        ("enhertu", "trastuzumab-deruxtecan"),
        ("T-DXd", "trastuzumab-deruxtecan"),
        ("tdxd", "trastuzumab-deruxtecan"),
        ("t dxd", "trastuzumab-deruxtecan"),
        ("T-DM1", "trastuzumab-emtansine"),
        ("tdm1", "trastuzumab-emtansine"),
        ("Kadcyla", "trastuzumab-emtansine"),
        ("capecitabine", "capecitabine"),
        ("Xeloda", "capecitabine"),
        ("zometa", "zoledronic-acid"),
        ("Perjeta", "pertuzumab"),
        ("Phesgo", "pertuzumab-trastuzumab-hyaluronidase"),
        ("Tukysa", "tucatinib"),
        ("Nerlynx", "neratinib"),
        ("Tykerb", "lapatinib"),
        ("Margenza", "margetuximab"),
        ("Xgeva", "denosumab"),
        ("Abraxane", "nab-paclitaxel"),
        ("Taxotere", "docetaxel"),
        # misspellings and partial words
        ("herseptin", "trastuzumab"),
        ("hercepton", "trastuzumab"),
        ("capecitibine", "capecitabine"),
        ("capecit", "capecitabine"),
        ("xelo", "capecitabine"),
        ("enhurtu", "trastuzumab-deruxtecan"),
        ("deruxtican", "trastuzumab-deruxtecan"),
        ("trastuzamab", "trastuzumab"),
        ("kadsyla", "trastuzumab-emtansine"),
        ("zoledronic", "zoledronic-acid"),
        ("zolendronic", "zoledronic-acid"),
        ("tucatanib", "tucatinib"),
    ],
)
def test_brands_abbreviations_and_misspellings(typed: str, drug_id: str) -> None:
    assert drug_id in _ids(typed), f"{typed!r} → {_ids(typed)}"


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("herceptin", "trastuzumab"),
        ("Enhertu", "trastuzumab-deruxtecan"),
        ("tdxd", "trastuzumab-deruxtecan"),
        ("Xeloda", "capecitabine"),
        ("zometa", "zoledronic-acid"),
        ("pertuzumab", "pertuzumab"),
    ],
)
def test_the_best_match_comes_first(typed: str, first: str) -> None:
    assert _ids(typed)[0] == first


@pytest.mark.parametrize("typed", ["", "   ", '"', "AND", "OR NOT", "*", "NEAR(", "a:b", "--", "'"])
def test_odd_input_gives_no_error(typed: str) -> None:
    LIBRARY.search(typed, 10)


def test_hits_carry_title_kind_and_a_snippet() -> None:
    hits = LIBRARY.search("lung", 30)
    assert hits and len({(h.kind, h.id) for h in hits}) == len(hits)
    assert all(h.title and h.kind for h in hits)
    body_hit = next(h for h in hits if h.kind == "drug")
    assert "lung" in body_hit.snippet.lower()
    assert "\x02" in body_hit.marked and "\x02" not in body_hit.snippet
    assert len(LIBRARY.search("lung", 2)) == 2


def test_symptoms_and_questions_are_found_below_entries(tiny_library: Path, tmp_path: Path) -> None:
    library = LibraryService(build(tiny_library, tmp_path / "l.sqlite").path)
    first = library.search("diarr", 5)[0]
    assert (first.kind, first.id) == ("symptom", "diarrhea")
    assert [(h.kind, h.id) for h in library.search("zorbex", 5)] == [("drug", "alphamab")]
    assert [(h.kind, h.id) for h in library.search("a mb", 5)] == [("drug", "alphamab")]
    assert [(h.kind, h.id) for h in library.search("choices", 5)] == [("question", "q-one")]
    assert library.search("bone", 5)[0].id == "bone"
