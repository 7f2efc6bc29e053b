"""The weekly PRO-CTCAE items: NCI's order and codes, 7-day wording, branching; and the
short daily list of questions."""

from __future__ import annotations

import tomllib
from pathlib import Path

from companion.library.model import RedFlagRule, SymptomTerm
from companion.symptoms import daily, weekly
from companion.symptoms.redflags import RedFlagEvaluator, Situation

LIBRARY = Path(__file__).parents[2] / "resources" / "library"


def test_item_numbers_are_ncis() -> None:
    """The library lists the PRO-CTCAE terms in NCI's order; the numbers follow from it."""
    raw = tomllib.loads((LIBRARY / "symptoms.toml").read_text(encoding="utf-8"))["symptom"]
    terms = [
        SymptomTerm(s["id"], s["term"], tuple(s["attributes"]), s["category"], s["pro_ctcae"])
        for s in raw
    ]
    numbers = weekly.item_numbers(terms)
    assert numbers == {s["id"]: s["item_no"] for s in raw if s["pro_ctcae"]}
    assert len(numbers) == 80
    assert numbers["diarrhea"] == 16 and numbers["nausea"] == 9
    assert weekly.item_code(9, ("frequency", "severity"), "severity") == "9B"


def test_weekly_questions_ask_about_the_last_7_days() -> None:
    assert weekly.question("frequency", "Diarrhea") == (
        "In the last 7 days, how often did you have diarrhea?"
    )
    assert weekly.question("severity", "Nausea").startswith("In the last 7 days, what was")
    assert all(
        weekly.question(a, "Pain").startswith("In the last 7 days")
        for a in ("frequency", "severity", "interference", "presence", "amount")
    )


def test_never_or_none_skips_the_items_other_questions() -> None:
    pain = ("frequency", "severity", "interference")
    assert weekly.skipped(pain, {}) == set()
    assert weekly.skipped(pain, {"frequency": 0}) == {"severity", "interference"}
    assert weekly.skipped(pain, {"frequency": 2}) == set()
    assert weekly.skipped(pain, {"frequency": 2, "severity": 0}) == {"interference"}
    assert weekly.skipped(("presence",), {"presence": 0}) == set()
    assert weekly.skipped(("severity", "interference"), {"severity": 0}) == {"interference"}
    assert weekly.implied_values(pain, {"frequency": 0, "severity": 3}) == {
        "frequency": 0,
        "severity": 0,
        "interference": 0,
    }


def test_weekly_items_follow_ncis_order_and_only_pro_ctcae_terms() -> None:
    terms = {
        t.id: t
        for t in (
            SymptomTerm("nausea", "Nausea", ("frequency", "severity"), "GI", True),
            SymptomTerm("diarrhea", "Diarrhea", ("frequency",), "GI", True),
            SymptomTerm("cough", "Cough", ("severity", "interference"), "Resp", True),
            SymptomTerm("fever", "Fever", ("presence",), "Warning signs", False),
        )
    }
    items = weekly.weekly_items(
        side_effects=["cough", "diarrhea", "fever"],
        pinned=["nausea"],
        added=[],
        answered=[],
        terms=terms,
    )
    assert items == ["nausea", "diarrhea", "cough"]  # fever is not a PRO-CTCAE item


def _rule(rule_id: str, symptom: str, attribute: str, urgency: str, **where) -> RedFlagRule:
    return RedFlagRule(rule_id, symptom, urgency, "call", attribute, 1, **where)


def test_the_daily_asks_pinned_then_the_warning_signs_of_the_current_medicines() -> None:
    attributes = {
        "cough": ("severity", "interference"),
        "shortness_of_breath": ("severity", "interference"),
        "diarrhea": ("frequency",),
        "fever": ("presence",),
        "numbness_tingling": ("severity", "interference"),
        "headache": ("frequency", "severity", "interference"),
    }
    rules = [
        _rule("diarrhea-tki", "diarrhea", "frequency", "today", drugs=("neratinib",)),
        _rule("cough-tdxd", "cough", "severity", "now", drugs=("trastuzumab-deruxtecan",)),
        _rule(
            "breath-tdxd",
            "shortness_of_breath",
            "severity",
            "now",
            drugs=("trastuzumab-deruxtecan",),
        ),
        _rule("fever-adc", "fever", "presence", "now", drug_classes=("her2_adc",)),
        _rule("headache-any", "headache", "severity", "today"),  # applies to anyone
    ]
    evaluator = RedFlagEvaluator(rules, attributes)
    on_tdxd = Situation(frozenset({"trastuzumab-deruxtecan"}), frozenset({"her2_adc"}))
    signs = daily.warning_signs(rules, evaluator, on_tdxd)
    assert signs == [
        ("cough", "severity"),
        ("shortness_of_breath", "severity"),
        ("fever", "presence"),
    ]
    questions = daily.daily_questions(
        pinned=["numbness_tingling"], signs=signs, attributes=attributes
    )
    assert questions == [
        ("numbness_tingling", "severity"),
        ("cough", "severity"),
        ("shortness_of_breath", "severity"),
        ("fever", "presence"),
    ]
    on_neratinib = Situation(frozenset({"neratinib"}))
    assert daily.warning_signs(rules, evaluator, on_neratinib) == [("diarrhea", "frequency")]


def test_the_daily_stays_short_but_keeps_what_was_answered() -> None:
    attributes = {f"s{i}": ("severity",) for i in range(20)} | {"fever": ("presence",)}
    signs = [(f"s{i}", "severity") for i in range(20)]
    questions = daily.daily_questions(
        pinned=[], signs=signs, attributes=attributes, answered=[("s15", "severity")]
    )
    assert len(questions) == daily.MAX_DAILY_QUESTIONS + 1
    assert questions[-2:] == [("fever", "presence"), ("s15", "severity")]
