from __future__ import annotations

from datetime import date, timedelta

import pytest
from fixed_time import TODAY

from companion.errors import ValidationError
from companion.treatments.administrations import AdministrationInput
from companion.treatments.current import current_drug_ids
from companion.treatments.lines import DrugInput, LineInput


def line_input(**changes: object) -> LineInput:
    values: dict[str, object] = {
        "setting": "metastatic",
        "number": 1,
        "regimen": "THP",
        "start_date": TODAY - timedelta(days=100),
        "drugs": (DrugInput("Herceptin"), DrugInput("Perjeta"), DrugInput("docetaxol")),
    }
    values.update(changes)
    return LineInput(**values)  # type: ignore[arg-type]


def test_a_line_links_brand_names_and_misspellings_to_the_library(record) -> None:
    line = record.lines.add(line_input())
    assert [d.library_id for d in line.drugs] == ["trastuzumab", "pertuzumab", "docetaxel"]
    assert [d.display for d in line.drugs] == [
        "Herceptin (Trastuzumab)",
        "Perjeta (Pertuzumab)",
        "Docetaxel",
    ]
    assert current_drug_ids(record.store) == ["trastuzumab", "pertuzumab", "docetaxel"]


def test_a_drug_not_in_the_library_is_kept_as_typed(record) -> None:
    line = record.lines.add(line_input(drugs=(DrugInput("Trial drug XYZ-12"),)))
    assert line.drugs[0].library_id is None
    assert line.drugs[0].display == "Trial drug XYZ-12"


def test_ambiguous_alias_stays_unlinked(record) -> None:
    """'THP' is an alias of three drugs: it is a regimen, not one drug."""
    assert record.matcher().match("THP") is None
    assert record.matcher().match("Enhertu") == "trastuzumab-deruxtecan"
    assert record.matcher().match("t dxd") == "trastuzumab-deruxtecan"
    assert record.matcher().resolve("Enhertu (Trastuzumab deruxtecan)") == (
        "Enhertu",
        "trastuzumab-deruxtecan",
    )


def test_edit_then_end_a_line(record) -> None:
    line = record.lines.add(line_input())
    edited = record.lines.update(
        line.id, line_input(regimen="THP (weekly)", drugs=(DrugInput("Herceptin"),))
    )
    assert edited.regimen == "THP (weekly)"
    assert [d.name for d in edited.drugs] == ["Herceptin"]
    ended = record.lines.end(line.id, TODAY - timedelta(days=1), "progression", "CT showed growth")
    assert (ended.end_date, ended.end_reason, ended.end_note) == (
        TODAY - timedelta(days=1),
        "progression",
        "CT showed growth",
    )
    assert not ended.is_open(TODAY)
    assert current_drug_ids(record.store) == []
    assert current_drug_ids(record.store, on=TODAY - timedelta(days=2)) == ["trastuzumab"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"end_date": TODAY - timedelta(days=200), "end_reason": "completed"}, "before its start"),
        ({"start_date": TODAY + timedelta(days=500)}, "more than a year away"),
        ({"start_date": date(1900, 1, 1)}, "too long ago"),
        ({"end_date": TODAY + timedelta(days=3), "end_reason": "completed"}, "in the future"),
        ({"end_date": TODAY - timedelta(days=1)}, "why this line ended"),
        ({"end_reason": "progression"}, "date this line ended"),
        ({"regimen": "", "drugs": ()}, "at least one drug"),
        ({"drugs": (DrugInput("Herceptin"), DrugInput("trastuzumab"))}, "listed twice"),
        ({"number": 0}, "between 1 and"),
        ({"setting": "adjuvant"}, "setting"),
    ],
)
def test_bad_lines_are_refused_and_change_nothing(record, changes, message) -> None:
    with pytest.raises(ValidationError, match=message):
        record.lines.add(line_input(**changes))
    assert record.lines.lines() == []


def test_line_numbers_are_unique_per_setting(record) -> None:
    record.lines.add(line_input())
    record.lines.add(line_input(setting="early", start_date=date(2020, 1, 1)))
    with pytest.raises(ValidationError, match="already a metastatic line 1"):
        record.lines.add(line_input(regimen="Other"))
    assert record.lines.next_number("metastatic") == 2
    assert record.lines.next_number("early") == 2


def test_a_planned_line_may_start_soon(record) -> None:
    line = record.lines.add(line_input(start_date=TODAY + timedelta(days=10)))
    assert not line.is_open(TODAY)
    assert current_drug_ids(record.store) == []


def test_administrations_cycles_delays_and_dose_changes(record) -> None:
    line = record.lines.add(line_input())
    start = line.start_date
    record.administrations.add(line.id, AdministrationInput(start, "given", 1))
    assert record.administrations.next_cycle(line.id) == 2
    with pytest.raises(ValidationError, match="reason for the delay"):
        record.administrations.add(line.id, AdministrationInput(start + timedelta(21), "delay"))
    record.administrations.add(
        line.id, AdministrationInput(start + timedelta(21), "delay", None, "Low white cells")
    )
    with pytest.raises(ValidationError, match="outside this line"):
        record.administrations.add(line.id, AdministrationInput(start - timedelta(1), "given", 2))
    with pytest.raises(ValidationError, match="what changed in the dose"):
        record.administrations.add(
            line.id, AdministrationInput(start + timedelta(28), "dose_change")
        )
    kinds = [(a.kind, a.cycle, a.note) for a in record.lines.line(line.id).administrations]
    assert kinds == [("given", 1, ""), ("delay", None, "Low white cells")]


def test_deleting_a_line_can_be_undone_with_its_drugs_and_cycles(record) -> None:
    line = record.lines.add(line_input())
    record.administrations.add(line.id, AdministrationInput(line.start_date, "given", 1))
    before = record.lines.line(line.id)
    snapshot = record.lines.delete(line.id)
    assert record.lines.lines() == []
    record.lines.restore(snapshot)
    assert record.lines.line(line.id) == before


def test_restoring_an_edit_puts_the_old_version_back(record) -> None:
    line = record.lines.add(line_input())
    snapshot = record.lines.snapshot(line.id)
    record.lines.update(line.id, line_input(regimen="Changed", drugs=(DrugInput("Enhertu"),)))
    record.lines.restore(snapshot)
    assert record.lines.line(line.id) == line
