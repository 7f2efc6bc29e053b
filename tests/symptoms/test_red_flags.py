"""Red flags: rules × drugs, classes and sites; one flag per episode; acknowledge."""

from __future__ import annotations

from datetime import date, timedelta

from conftest import RULES, FakeLibrary, add_site, start_line
from fixed_time import TODAY

from companion.library.model import RedFlagRule
from companion.library.service import LibraryService
from companion.symptoms.redflags import MEASUREMENTS, Observations, RedFlagEvaluator, Situation
from companion.symptoms.service import SymptomService
from companion.treatments.current import CurrentTreatments


def day(offset: int) -> date:
    return TODAY - timedelta(days=offset)


def test_fever_without_treatment_raises_the_general_rule(log: SymptomService) -> None:
    change = log.set_answer(TODAY, "fever", "presence", 1)
    assert [(f.rule_id, f.urgency) for f in change.open_flags] == [("fever-sign", "today")]
    assert change.open_flags[0].reason == "Fever or shaking chills: Yes"
    stored = log.day_state(TODAY).flags
    assert [f.rule_id for f in stored] == ["fever-sign"]


def test_on_a_drug_of_a_listed_class_the_more_urgent_rule_wins(log, store) -> None:
    start_line(store, day(10), "docetaxel")
    change = log.set_answer(TODAY, "fever", "presence", 1)
    assert [(f.rule_id, f.urgency) for f in change.open_flags] == [("fever-sign-on-chemo", "now")]


def test_drug_rule_needs_that_drug_now(log, store) -> None:
    assert log.set_answer(day(20), "cough", "severity", 1).open_flags == ()
    start_line(store, day(10), "trastuzumab-deruxtecan")
    flags = log.set_answer(TODAY, "cough", "severity", 1).open_flags
    assert [f.rule_id for f in flags] == ["cough-on-tdxd"]


def test_site_rule_needs_that_site(log, store) -> None:
    assert log.set_answer(day(3), "new_back_pain", "presence", 1).open_flags == ()
    add_site(store, "bone", day(30))
    flags = log.set_answer(TODAY, "new_back_pain", "presence", 1).open_flags
    assert [(f.rule_id, f.urgency) for f in flags] == [("back-pain-bone", "emergency")]


def test_temperature_rule_reads_celsius(log: SymptomService) -> None:
    assert log.set_temperature(TODAY, 37.9).open_flags == ()
    flags = log.set_temperature(TODAY, 38.2).open_flags
    assert [f.rule_id for f in flags] == ["temperature-high"]
    assert "38.2 °C" in flags[0].reason
    assert "100.8 °F" in flags[0].reason


def test_below_the_threshold_nothing_is_raised(log: SymptomService) -> None:
    assert log.set_answer(TODAY, "nausea", "severity", 2).open_flags == ()
    assert log.set_answer(TODAY, "nausea", "frequency", 4).open_flags == ()
    assert log.set_answer(TODAY, "nausea", "severity", 3).open_flags[0].rule_id == "nausea-severe"


def test_a_slip_corrected_the_same_day_leaves_no_flag(log: SymptomService) -> None:
    log.set_answer(TODAY, "fever", "presence", 1)
    log.set_answer(TODAY, "fever", "presence", 0)
    assert log.day_state(TODAY).flags == ()


def test_an_acknowledged_flag_stays_on_record(log: SymptomService) -> None:
    flag = log.set_answer(TODAY, "fever", "presence", 1).open_flags[0]
    log.acknowledge(flag.id)
    assert log.open_flags(TODAY) == ()
    log.set_answer(TODAY, "fever", "presence", 0)
    kept = log.day_state(TODAY).flags
    assert [f.rule_id for f in kept] == ["fever-sign"]
    assert kept[0].acknowledged_at is not None


def test_same_flag_same_episode_is_shown_once(log: SymptomService) -> None:
    first = log.set_answer(day(3), "fever", "presence", 1).open_flags[0]
    log.acknowledge(first.id)
    # the next day the fever goes on: same episode, nothing new to show or record
    assert log.set_answer(day(2), "fever", "presence", 1).open_flags == ()
    assert log.day_state(day(2)).flags == ()
    # it is gone, then back: a new episode
    log.set_answer(day(1), "fever", "presence", 0)
    again = log.set_answer(TODAY, "fever", "presence", 1).open_flags
    assert [f.day for f in again] == [TODAY]


def test_an_unacknowledged_episode_keeps_showing(log: SymptomService) -> None:
    first = log.set_answer(day(1), "fever", "presence", 1).open_flags[0]
    flags = log.set_answer(TODAY, "fever", "presence", 1).open_flags
    assert [(f.id, f.day) for f in flags] == [(first.id, day(1))]
    assert log.open_flags(TODAY) == flags
    log.acknowledge(first.id)
    assert log.open_flags(TODAY) == ()


def test_a_long_gap_starts_a_new_episode(log: SymptomService) -> None:
    log.acknowledge(log.set_answer(day(20), "fever", "presence", 1).open_flags[0].id)
    assert len(log.set_answer(TODAY, "fever", "presence", 1).open_flags) == 1


def test_an_unreported_day_does_not_end_an_episode(log: SymptomService) -> None:
    log.acknowledge(log.set_answer(day(3), "fever", "presence", 1).open_flags[0].id)
    log.set_answer(day(2), "nausea", "severity", 1)  # fever not asked that day
    assert log.set_answer(TODAY, "fever", "presence", 1).open_flags == ()


def test_evaluator_ignores_rules_it_cannot_observe() -> None:
    evaluator = RedFlagEvaluator(RULES, {t.id: t.attributes for t in FakeLibrary().symptoms()})
    assert "ghost" not in [r.id for r in evaluator.rules]
    assert evaluator.rule("ghost") is None


def test_attribute_defaults_to_the_symptoms_first() -> None:
    rule = RedFlagRule("r", "nausea", "today", "m", min_answer=2)
    evaluator = RedFlagEvaluator([rule], {"nausea": ("frequency", "severity")})
    assert evaluator.attribute_of(rule) == "frequency"
    seen = Observations({("nausea", "frequency"): 2}, {})
    assert evaluator.matches(seen, Situation()) == [rule]


def test_no_rules_no_flags(store) -> None:
    empty = SymptomService(store, FakeLibrary(rules=[]), CurrentTreatments(store))
    assert empty.set_answer(TODAY, "fever", "presence", 1).open_flags == ()


def test_every_rule_in_the_real_library_can_fire() -> None:
    """Over resources/library/red_flags.toml as compiled: each rule is observable by the log,
    fires when its condition and context hold, and nothing fires on a calm day."""
    library = LibraryService()
    try:
        rules = library.red_flag_rules()
        attributes = {s.id: s.attributes for s in library.symptoms()}
    finally:
        library.close()
    evaluator = RedFlagEvaluator(rules, attributes)
    assert len(evaluator.rules) == len(rules)
    calm = Observations(
        {(s, a): 0 for s, attrs in attributes.items() for a in attrs},
        {"temperature": 36.8, "weight": 64.0},
    )
    everything = Situation(
        frozenset(d for r in rules for d in r.drugs),
        frozenset(c for r in rules for c in r.drug_classes),
        frozenset(s for r in rules for s in r.sites),
    )
    assert evaluator.matches(calm, everything) == []
    for rule in rules:
        if rule.symptom in MEASUREMENTS:
            seen = Observations({}, {rule.symptom: evaluator.threshold(rule)})
        else:
            key = (rule.symptom, evaluator.attribute_of(rule) or "")
            assert key[1] in attributes[rule.symptom], rule.id
            seen = Observations({key: int(evaluator.threshold(rule))}, {})
        situation = Situation(
            frozenset(rule.drugs[:1]),
            frozenset(rule.drug_classes[:1]) if not rule.drugs else frozenset(),
            frozenset(rule.sites[:1]),
        )
        raised = evaluator.matches(seen, situation)
        assert [r.symptom for r in raised] == [rule.symptom], rule.id
        assert raised[0].urgency in ("today", "now", "emergency")
