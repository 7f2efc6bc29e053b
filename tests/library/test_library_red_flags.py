"""A medicine's own warning signs (LibraryService.red_flags_for_entry), from the shipped library."""

from __future__ import annotations

from pathlib import Path

from companion.library.build import build
from companion.library.service import LibraryService

LIBRARY = LibraryService()


def _ids(entry_id: str) -> list[str]:
    return [rule.id for rule in LIBRARY.red_flags_for_entry(entry_id)]


def test_tdxd_has_its_cough_and_breathlessness_rules_most_urgent_first() -> None:
    rules = LIBRARY.red_flags_for_entry("trastuzumab-deruxtecan")
    ids = [r.id for r in rules]
    assert {"lung-cough-on-tdxd", "lung-breath-on-tdxd", "lung-wheeze-on-tdxd"} <= set(ids)
    cough = next(r for r in rules if r.id == "lung-cough-on-tdxd")
    assert cough.symptom == "cough" and cough.urgency == "now" and cough.min_answer == 1
    ranks = {"emergency": 0, "now": 1, "today": 2}
    assert [ranks[r.urgency] for r in rules] == sorted(ranks[r.urgency] for r in rules)
    # rules for everyone are not a medicine's own
    assert "breath-very-severe" not in ids and "chest-pain" not in ids


def test_a_rule_another_one_covers_is_left_out() -> None:
    # On T-DXd, breathlessness already means "call now" from "Mild"; the heart rule
    # ("call today" from "Moderate") would only confuse the list.
    ids = _ids("trastuzumab-deruxtecan")
    assert "heart-breath-on-her2" not in ids
    assert "heart-breath-on-her2" in [r.id for r in LIBRARY.rules_for_drug("pertuzumab")]
    # Different thresholds and urgencies both stay: T-DM1's cough "today" from Mild, "now"
    # from Moderate.
    tdm1 = _ids("trastuzumab-emtansine")
    assert {"lung-cough-on-lung-drugs", "lung-cough-moderate-on-lung-drugs"} <= set(tdm1)


def test_chemotherapy_gets_the_fever_rules_through_its_class() -> None:
    assert {"fever-sign-on-chemo", "fever-temperature-on-chemo"} <= set(_ids("capecitabine"))
    # cisplatin is not listed by id in the rule: its class is enough
    fever = next(r for r in LIBRARY.red_flag_rules() if r.id == "fever-sign-on-chemo")
    assert "cisplatin" not in fever.drugs and "chemotherapy" in fever.drug_classes
    assert "fever-sign-on-chemo" in _ids("cisplatin")


def test_hormone_therapy_does_not_get_the_chemotherapy_fever_rule() -> None:
    fever = next(r for r in LIBRARY.red_flag_rules() if r.id == "fever-sign-on-chemo")
    assert "hormone_therapy" not in fever.drug_classes and "tamoxifen" not in fever.drugs
    for drug in ("tamoxifen", "letrozole", "anastrozole", "exemestane", "fulvestrant"):
        assert "fever-sign-on-chemo" not in _ids(drug), drug


def test_every_drug_has_an_answer_and_other_kinds_only_their_sites() -> None:
    for drug in LIBRARY.drugs():
        for rule in LIBRARY.red_flags_for_entry(drug.id):
            assert drug.id in rule.drugs or drug.drug_class in rule.drug_classes
    assert {r.id for r in LIBRARY.red_flags_for_entry("bone")} == {
        r.id for r in LIBRARY.rules_for_site("bone")
    }
    assert LIBRARY.red_flags_for_entry("ct-scan") == []
    assert LIBRARY.red_flags_for_entry("no-such-entry") == []


def test_class_rules_apply_in_a_small_library(tiny_library: Path, tmp_path: Path) -> None:
    rules = (tiny_library / "red_flags.toml").read_text(encoding="utf-8")
    rules += """
[[rule]]
id = "fever-on-antibodies"
symptom = "fever"
attribute = "presence"
min_answer = 1
drugs = []
drug_classes = ["her2_antibody"]
sites = []
urgency = "today"
message = "Call your care team today."
sources = ["A"]
"""
    (tiny_library / "red_flags.toml").write_text(rules, encoding="utf-8")
    library = LibraryService(build(tiny_library, tmp_path / "l.sqlite").path)
    try:
        # alphamab is a HER2 antibody: named by id in one rule, by class in the other
        assert [r.id for r in library.red_flags_for_entry("alphamab")] == [
            "fever-on-alpha",
            "fever-on-antibodies",
        ]
    finally:
        library.close()


def test_tamoxifen_lists_unusual_vaginal_bleeding_for_today() -> None:
    rules = LIBRARY.red_flags_for_entry("tamoxifen")
    assert [(r.id, r.urgency) for r in rules] == [("vaginal-bleeding-on-tamoxifen", "today")]
    assert "vaginal-bleeding-on-tamoxifen" not in _ids("letrozole")
