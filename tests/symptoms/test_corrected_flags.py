"""A warning sign the patient corrected (fever Yes, then No) is not reported any more."""

from __future__ import annotations

from fixed_time import TODAY


def test_a_corrected_answer_takes_its_flag_out_of_the_reports(services) -> None:
    symptoms = services.symptoms
    change = symptoms.set_answer(TODAY, "fever", "presence", 1)
    assert change.open_flags
    symptoms.acknowledge(change.open_flags[0].id)
    assert [f.reason for f in symptoms.history.flags()] == ["Fever or shaking chills: Yes"]
    symptoms.set_answer(TODAY, "fever", "presence", 0)
    assert symptoms.history.flags() == []
