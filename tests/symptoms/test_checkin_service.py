"""Recording check-ins: saved per answer, validated, back-dated, undoable by day state."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from conftest import FakeLibrary, start_line
from fixed_time import TODAY

from companion.errors import ValidationError
from companion.symptoms.service import ALWAYS_ASKED, DEFAULT_SYMPTOMS, SymptomService

YESTERDAY = TODAY - timedelta(days=1)


def test_each_answer_is_saved_when_given(log: SymptomService) -> None:
    log.set_answer(TODAY, "nausea", "severity", 2)
    assert log.day_state(TODAY).values() == {("nausea", "severity"): 2}
    log.set_answer(TODAY, "nausea", "frequency", 1)
    log.set_answer(TODAY, "nausea", "severity", 3)
    assert log.day_state(TODAY).values() == {("nausea", "severity"): 3, ("nausea", "frequency"): 1}


def test_changing_an_answer_updates_its_time(log: SymptomService) -> None:
    log.set_answer(TODAY, "fatigue", "severity", 1)
    first = log.day_state(TODAY).answers[0].recorded_at
    log.set_answer(TODAY, "fatigue", "severity", 2)
    assert log.day_state(TODAY).answers[0].recorded_at >= first


def test_clearing_the_last_answer_leaves_no_empty_checkin(log: SymptomService) -> None:
    log.set_answer(TODAY, "fatigue", "severity", 1)
    log.set_answer(TODAY, "fatigue", "severity", None)
    assert log.day_state(TODAY).is_empty
    assert log.previous_day_state(TODAY + timedelta(days=1)) is None


def test_back_dating_works_but_the_future_is_refused(log: SymptomService) -> None:
    log.set_answer(TODAY - timedelta(days=3), "fatigue", "severity", 2)
    assert log.day_state(TODAY - timedelta(days=3)).values() == {("fatigue", "severity"): 2}
    with pytest.raises(ValidationError, match="future"):
        log.set_answer(TODAY + timedelta(days=1), "fatigue", "severity", 2)
    assert log.day_state(TODAY + timedelta(days=1)).is_empty


@pytest.mark.parametrize(
    ("symptom", "attribute", "value", "message"),
    [
        ("unicorn_pox", "severity", 1, "Unknown symptom"),
        ("diarrhea", "severity", 1, "not asked about"),
        ("nausea", "severity", 5, "go from 0 to 4"),
        ("nausea", "severity", -1, "go from 0 to 4"),
        ("fever", "presence", 2, "go from 0 to 1"),
    ],
)
def test_bad_answers_are_refused_and_change_nothing(
    log: SymptomService, symptom: str, attribute: str, value: int, message: str
) -> None:
    log.set_answer(TODAY, "fatigue", "severity", 1)
    with pytest.raises(ValidationError, match=message):
        log.set_answers(TODAY, {("fatigue", "severity"): 3, (symptom, attribute): value})
    assert log.day_state(TODAY).values() == {("fatigue", "severity"): 1}


def test_measurements_and_note(log: SymptomService) -> None:
    log.set_temperature(TODAY, 37.26)
    log.set_weight(TODAY, 64.5)
    log.set_note(TODAY, "  Walked to the shop.  ")
    state = log.day_state(TODAY)
    assert (state.temperature_c, state.weight_kg, state.note) == (
        37.26,
        64.5,
        "Walked to the shop.",
    )
    with pytest.raises(ValidationError, match="temperature"):
        log.set_temperature(TODAY, 98.6)  # °F typed where °C is stored
    with pytest.raises(ValidationError, match="weight"):
        log.set_weight(TODAY, 5000)
    with pytest.raises(ValidationError, match="too long"):
        log.set_note(TODAY, "x" * 6000)
    assert log.day_state(TODAY) == state


def test_esas_items_are_0_to_10(log: SymptomService) -> None:
    log.set_esas(TODAY, "pain", 10)
    log.set_esas(TODAY, "wellbeing", 0)
    assert log.day_state(TODAY).esas_values() == {"pain": 10, "wellbeing": 0}
    with pytest.raises(ValidationError):
        log.set_esas(TODAY, "pain", 11)
    with pytest.raises(ValidationError):
        log.set_esas(TODAY, "happiness", 3)
    log.set_esas(TODAY, "pain", None)
    assert log.day_state(TODAY).esas_values() == {"wellbeing": 0}
    assert log.last_esas_day() == TODAY


def test_restore_day_undoes_any_change_exactly(log: SymptomService) -> None:
    log.set_answer(TODAY, "fever", "presence", 1)
    log.set_temperature(TODAY, 38.4)
    log.set_note(TODAY, "Chills in the evening.")
    before = log.day_state(TODAY)
    assert before.flags
    log.set_answers(TODAY, {("fever", "presence"): 0, ("nausea", "severity"): 2})
    log.set_note(TODAY, "")
    log.restore_days([before])
    after = log.day_state(TODAY)
    assert after.values() == before.values()
    assert (after.note, after.temperature_c) == (before.note, before.temperature_c)
    assert [(f.rule_id, f.raised_at) for f in after.flags] == [
        (f.rule_id, f.raised_at) for f in before.flags
    ]
    log.restore_days([type(before)(day=TODAY)])
    assert log.day_state(TODAY).is_empty


def test_delete_answers_and_delete_day(log: SymptomService) -> None:
    log.set_answers(YESTERDAY, {("nausea", "severity"): 1, ("fatigue", "severity"): 2})
    log.set_answer(TODAY, "nausea", "severity", 3)
    days = log.delete_answers([(YESTERDAY, "nausea", "severity"), (TODAY, "nausea", "severity")])
    assert days == [YESTERDAY, TODAY]
    assert log.day_state(YESTERDAY).values() == {("fatigue", "severity"): 2}
    log.delete_day(YESTERDAY)
    assert log.day_state(YESTERDAY).is_empty


def test_same_as_yesterday_source_is_the_last_day_with_answers(log: SymptomService) -> None:
    log.set_answers(TODAY - timedelta(days=4), {("nausea", "severity"): 1})
    log.set_answers(TODAY - timedelta(days=2), {("fatigue", "severity"): 2})
    log.set_note(YESTERDAY, "only a note")  # no answers: skipped
    previous = log.previous_day_state(TODAY)
    assert previous is not None
    assert previous.day == TODAY - timedelta(days=2)


def test_listeners_hear_every_change(log: SymptomService) -> None:
    heard: list[frozenset[date]] = []
    log.add_listener(heard.append)
    log.set_answer(TODAY, "nausea", "severity", 1)
    log.restore_days([log.day_state(YESTERDAY)])
    log.remove_listener(heard.append)
    log.set_answer(TODAY, "nausea", "severity", 2)
    assert heard == [frozenset({TODAY}), frozenset({YESTERDAY})]


def test_checkin_asks_a_default_set_without_treatment(log: SymptomService) -> None:
    asked = log.checkin_symptoms(TODAY)
    known = {t.id for t in FakeLibrary().symptoms()}
    assert asked == [s for s in (*DEFAULT_SYMPTOMS, *ALWAYS_ASKED) if s in known]


def test_checkin_asks_side_effects_of_current_drugs_pins_and_answered(log, store) -> None:
    start_line(store, TODAY - timedelta(days=30), "trastuzumab-deruxtecan")
    log.set_pinned("numbness_tingling", True)
    log.set_answer(TODAY, "diarrhea", "frequency", 1)
    assert log.checkin_symptoms(TODAY) == [
        "nausea",
        "fatigue",
        "hair_loss",
        "cough",
        "numbness_tingling",
        "fever",
        "diarrhea",
    ]
    # before the line began, the default set
    assert log.checkin_symptoms(TODAY - timedelta(days=40))[0] == DEFAULT_SYMPTOMS[0]
    log.set_pinned("numbness_tingling", False)
    assert log.pinned() == []


def test_search_covers_the_whole_vocabulary(log: SymptomService) -> None:
    assert [t.id for t in log.search("pain")] == ["general_pain", "new_back_pain"]
    assert [t.id for t in log.search("TING")] == ["numbness_tingling"]
    assert log.search("zzz") == []
