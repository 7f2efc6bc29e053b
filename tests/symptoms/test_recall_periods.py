"""Each answer keeps its recall period: daily ("today"), weekly ("in the last 7 days"),
ESAS-r ("now"); the CSV says which, and older files without the column import as daily."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import FakeLibrary
from fixed_time import TODAY

from companion.errors import ValidationError
from companion.reports import symptom_csv
from companion.reports.symptom_csv_export import csv_text
from companion.reports.symptom_csv_import import import_bytes
from companion.store import Store
from companion.symptoms.model import RECALL_WEEKLY
from companion.symptoms.service import SymptomService
from companion.treatments.current import CurrentTreatments

YESTERDAY = TODAY - timedelta(days=1)


def fresh(tmp_path: Path, name: str) -> SymptomService:
    store = Store.open(tmp_path / name)
    return SymptomService(store, FakeLibrary(), CurrentTreatments(store))


def table(service: SymptomService) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(csv_text(service))))


def test_one_day_holds_a_daily_and_a_weekly_answer_to_one_question(log: SymptomService) -> None:
    log.set_answer(TODAY, "nausea", "frequency", 1)
    log.set_answer(TODAY, "nausea", "frequency", 3, recall_days=RECALL_WEEKLY)
    state = log.day_state(TODAY)
    assert state.values() == {("nausea", "frequency"): 1}
    assert state.weekly_values() == {("nausea", "frequency"): 3}
    log.set_answer(TODAY, "nausea", "frequency", None)  # clearing the daily keeps the weekly
    state = log.day_state(TODAY)
    assert state.values() == {}
    assert state.weekly_values() == {("nausea", "frequency"): 3}
    with pytest.raises(ValidationError):
        log.set_answer(TODAY, "nausea", "frequency", 1, recall_days=3)


def test_charts_read_one_recall_period(log: SymptomService) -> None:
    log.set_answer(YESTERDAY, "nausea", "severity", 1)
    log.set_answer(TODAY, "nausea", "severity", 3, recall_days=RECALL_WEEKLY)
    assert [row[3] for row in log.history.answers()] == [1]
    assert [row[3] for row in log.history.answers(recall_days=RECALL_WEEKLY)] == [3]


def test_the_day_remembers_compared_with_yesterday_and_done(log: SymptomService) -> None:
    log.set_overall(TODAY, "same", done=True)
    state = log.day_state(TODAY)
    assert state.compared_with_yesterday == "same"
    assert state.daily_done
    log.set_daily_done(TODAY, False)
    assert not log.day_state(TODAY).daily_done
    log.set_overall(TODAY, None)
    assert log.day_state(TODAY).is_empty
    with pytest.raises(ValidationError):
        log.set_overall(TODAY, "fine")


def test_csv_says_the_recall_of_every_answer(log: SymptomService) -> None:
    log.set_answer(YESTERDAY, "nausea", "severity", 1)
    log.set_answer(YESTERDAY, "nausea", "severity", 2, recall_days=RECALL_WEEKLY)
    log.set_esas(YESTERDAY, "pain", 4)
    log.set_overall(YESTERDAY, "worse", done=True)
    log.set_temperature(YESTERDAY, 37.0)
    rows = table(log)
    assert list(rows[0])[-1] == "recall_days"
    recall = {(r["kind"], r["item"], r["value"]): r["recall_days"] for r in rows}
    assert recall == {
        ("symptom", "nausea", "1"): "1",
        ("symptom", "nausea", "2"): "7",
        ("esas", "pain", "4"): "0",
        ("overall", "", "worse"): "1",
        ("temperature", "", "37"): "",
    }


def test_csv_round_trip_keeps_weekly_answers_and_the_finished_day(
    log: SymptomService, tmp_path: Path
) -> None:
    log.set_answer(YESTERDAY, "diarrhea", "frequency", 1)
    log.set_answer(YESTERDAY, "diarrhea", "frequency", 3, recall_days=RECALL_WEEKLY)
    log.set_overall(YESTERDAY, "same", done=True)
    text = csv_text(log)
    other = fresh(tmp_path, "other")
    import_bytes(other, text.encode())
    state = other.day_state(YESTERDAY)
    assert state.values() == {("diarrhea", "frequency"): 1}
    assert state.weekly_values() == {("diarrhea", "frequency"): 3}
    assert state.compared_with_yesterday == "same" and state.daily_done
    assert csv_text(other) == text


def test_an_older_file_without_recall_days_imports_as_daily(tmp_path: Path) -> None:
    older = (
        "date,kind,item,name,attribute,value,answer,text,recorded_at,acknowledged_at\r\n"
        f"{YESTERDAY},symptom,nausea,Nausea,severity,2,Moderate,,,\r\n"
        f"{YESTERDAY},esas,pain,Pain,,5,,,,\r\n"
    )
    service = fresh(tmp_path, "older")
    import_bytes(service, older.encode())
    state = service.day_state(YESTERDAY)
    assert [a.recall_days for a in state.answers] == [1]
    assert state.values() == {("nausea", "severity"): 2}
    assert state.esas_values() == {"pain": 5}


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("symptom,nausea,Nausea,severity,2,,,,,3", "recall_days “3”"),
        ("esas,pain,Pain,,5,,,,,7", "recall_days “7”"),
        ("overall,,,,fine,,,,,1", "not “fine”"),
    ],
)
def test_a_wrong_recall_is_refused_with_its_line(tmp_path: Path, row: str, problem: str) -> None:
    data = ",".join(symptom_csv.COLUMNS) + "\r\n" + f"{YESTERDAY},{row}\r\n"
    service = fresh(tmp_path, "bad")
    with pytest.raises(ValidationError, match="Line 2") as error:
        import_bytes(service, data.encode())
    assert problem in str(error.value)
    assert service.history.day_states() == []
