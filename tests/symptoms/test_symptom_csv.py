"""CSV export and import of the symptom log: documented columns, round trip, all or nothing."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import FakeLibrary
from fixed_time import TODAY

from companion.clock import FixedClock
from companion.errors import ValidationError
from companion.reports import symptom_csv_import
from companion.reports.symptom_csv import COLUMNS
from companion.reports.symptom_csv_export import csv_text, write_csv
from companion.reports.symptom_csv_import import import_bytes, import_csv
from companion.store import Store
from companion.symptoms.service import SymptomService
from companion.treatments.current import CurrentTreatments


def day(offset: int) -> date:
    return TODAY - timedelta(days=offset)


@pytest.fixture
def filled(log: SymptomService) -> SymptomService:
    log.set_answers(day(3), {("nausea", "severity"): 2, ("nausea", "frequency"): 3})
    log.set_answers(day(2), {("fatigue", "severity"): 1, ("hair_loss", "amount"): 4})
    log.set_esas(day(2), "pain", 10)
    log.set_esas(day(2), "wellbeing", 0)
    log.set_temperature(day(2), 38.35)
    log.set_weight(day(2), 61.2)
    log.set_note(day(2), '=HYPERLINK("x") then a walk, "quoted", and\na second line')
    flag = log.set_answer(day(1), "fever", "presence", 1).open_flags[0]
    log.acknowledge(flag.id)
    return log


def fresh(tmp_path: Path, name: str) -> SymptomService:
    store = Store.open(tmp_path / name)
    return SymptomService(store, FakeLibrary(), CurrentTreatments(store))


def snapshot(service: SymptomService) -> str:
    return csv_text(service)


def test_header_and_one_row_per_answer(filled: SymptomService, tmp_path: Path) -> None:
    target = tmp_path / "log.csv"
    rows = write_csv(filled, target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheets then read UTF-8 correctly
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(table[0]) == list(COLUMNS)
    assert len(table) == rows
    kinds = [r["kind"] for r in table]
    assert kinds.count("symptom") == 5
    assert kinds.count("esas") == 2
    assert {"temperature", "weight", "note", "red_flag"} <= set(kinds)
    nausea = next(r for r in table if r["item"] == "nausea" and r["attribute"] == "severity")
    assert (nausea["date"], nausea["value"], nausea["answer"]) == (
        day(3).isoformat(),
        "2",
        "Moderate",
    )
    temperature = next(r for r in table if r["kind"] == "temperature")
    assert (temperature["value"], temperature["answer"]) == ("38.35", "°C")
    note = next(r for r in table if r["kind"] == "note")
    assert note["text"].startswith("'=HYPERLINK")  # never run as a formula
    flag = next(r for r in table if r["kind"] == "red_flag" and r["date"] == day(1).isoformat())
    assert (flag["item"], flag["attribute"]) == ("fever-sign", "today")
    assert flag["acknowledged_at"].endswith("Z")


def test_export_import_export_gives_the_same_file(filled: SymptomService, tmp_path: Path) -> None:
    first = tmp_path / "first.csv"
    write_csv(filled, first)
    empty = fresh(tmp_path, "empty")
    summary = import_csv(empty, first)
    assert summary.days == 3
    assert summary.added == summary.rows
    second = tmp_path / "second.csv"
    write_csv(empty, second)
    assert second.read_bytes() == first.read_bytes()
    note = empty.day_state(day(2)).note
    assert note.startswith('=HYPERLINK("x")')
    # importing the same file again changes nothing and is not an error
    assert import_csv(empty, first).added == 0
    assert snapshot(empty) == snapshot(filled)


def test_date_range_export(filled: SymptomService, tmp_path: Path) -> None:
    target = tmp_path / "part.csv"
    write_csv(filled, target, day(2), day(2))
    dates = {r["date"] for r in csv.DictReader(io.StringIO(target.read_text("utf-8-sig")))}
    assert dates == {day(2).isoformat()}


GOOD_HEADER = ",".join(COLUMNS)


def line(*cells: str) -> str:
    cells = (*cells, *[""] * (len(COLUMNS) - len(cells)))
    return ",".join(cells)


OK_ROW = line(day(1).isoformat(), "symptom", "nausea", "Nausea", "severity", "2")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (GOOD_HEADER.encode(), "no entries"),
        (b"day,what\n2026-01-01,x\n", "Line 1: missing column"),
        ((GOOD_HEADER + ",colour\n" + OK_ROW + ",red\n").encode(), "unknown column"),
        ((GOOD_HEADER + "\n" + OK_ROW + "\n" + line("31/01/2026", "symptom")).encode(), "Line 3"),
        ((GOOD_HEADER + "\n" + line("2026-02-30", "symptom", "nausea")).encode(), "real date"),
        (
            (
                GOOD_HEADER
                + "\n"
                + line((TODAY + timedelta(days=1)).isoformat(), "note", "", "", "", "", "", "x")
            ).encode(),
            "Line 2: " + (TODAY + timedelta(days=1)).isoformat() + " is in the future",
        ),
        (
            (
                GOOD_HEADER
                + "\n"
                + line(day(1).isoformat(), "symptom", "unicorn_pox", "", "severity", "1")
            ).encode(),
            "not a symptom",
        ),
        (
            (
                GOOD_HEADER
                + "\n"
                + line(day(1).isoformat(), "symptom", "diarrhea", "", "severity", "1")
            ).encode(),
            "not “severity”",
        ),
        (
            (
                GOOD_HEADER
                + "\n"
                + line(day(1).isoformat(), "symptom", "nausea", "", "severity", "7")
            ).encode(),
            "0 to 4",
        ),
        (
            (
                GOOD_HEADER
                + "\n"
                + line(day(1).isoformat(), "symptom", "fever", "", "presence", "2")
            ).encode(),
            "0 to 1",
        ),
        (
            (GOOD_HEADER + "\n" + line(day(1).isoformat(), "esas", "pain", "", "", "11")).encode(),
            "0 to 10",
        ),
        (
            (
                GOOD_HEADER + "\n" + line(day(1).isoformat(), "temperature", "", "", "", "101.2")
            ).encode(),
            "temperature",
        ),
        (
            (GOOD_HEADER + "\n" + line(day(1).isoformat(), "mood", "", "", "", "3")).encode(),
            "not a kind",
        ),
        ((GOOD_HEADER + "\n" + OK_ROW + "\n" + OK_ROW).encode(), "Line 3: it repeats line 2"),
        ((GOOD_HEADER + "\n" + OK_ROW + ",extra").encode(), "fields"),
        (
            (
                GOOD_HEADER
                + "\n"
                + line(day(1).isoformat(), "red_flag", "x", "", "soon", "", "", "m")
            ).encode(),
            "urgency",
        ),
        ((GOOD_HEADER + "\n" + OK_ROW[:-1] + '"2').encode(), "Line 2"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "not readable text"),
        (
            (GOOD_HEADER + "\n" + OK_ROW + "\n").encode() + b"\x00\x01\x02",
            "Line 3 holds binary data",
        ),
        ((GOOD_HEADER + "\ncaf\xe9\n").encode("latin-1"), "Line 2 is not readable text"),
    ],
)
def test_bad_files_are_refused_with_the_line_and_nothing_changes(
    filled: SymptomService, content: bytes, message: str
) -> None:
    before = snapshot(filled)
    with pytest.raises(ValidationError) as refused:
        import_bytes(filled, content)
    assert message in str(refused.value)
    assert "\n" not in str(refused.value)
    assert snapshot(filled) == before


def test_a_good_line_before_a_bad_one_is_not_imported(tmp_path: Path) -> None:
    empty = fresh(tmp_path, "p")
    content = GOOD_HEADER + "\n" + OK_ROW + "\n" + line("yesterday", "symptom")
    with pytest.raises(ValidationError, match="Line 3"):
        import_bytes(empty, content.encode())
    assert empty.history.count() == 0


def test_a_conflict_with_the_log_names_the_line(filled: SymptomService) -> None:
    before = snapshot(filled)
    content = "\n".join(
        [
            GOOD_HEADER,
            line(day(30).isoformat(), "symptom", "fatigue", "", "severity", "1"),
            line(day(3).isoformat(), "symptom", "nausea", "", "severity", "4"),
        ]
    )
    with pytest.raises(ValidationError, match=r"Line 3: .* already has 2 .* says 4"):
        import_bytes(filled, content.encode())
    assert snapshot(filled) == before


def test_a_huge_file_is_refused_before_reading(tmp_path: Path, monkeypatch, log) -> None:
    monkeypatch.setattr(symptom_csv_import, "MAX_BYTES", 1000)
    big = tmp_path / "big.csv"
    big.write_text(GOOD_HEADER + "\n" + (OK_ROW + "\n") * 100)
    with pytest.raises(ValidationError, match="too big"):
        import_csv(log, big)
    with pytest.raises(ValidationError, match="no file"):
        import_csv(log, tmp_path / "missing.csv")
    with pytest.raises(ValidationError, match="folder"):
        import_csv(log, tmp_path)


def test_spreadsheet_edits_are_accepted(tmp_path: Path, clock: FixedClock) -> None:
    """Columns in another order, no optional columns, CRLF or LF, blank lines, no BOM."""
    empty = fresh(tmp_path, "p")
    content = "\r\n".join(
        [
            "value,attribute,item,kind,date",
            f"3,frequency,nausea,symptom,{day(1).isoformat()}",
            "",
            f"37.5,,,temperature,{day(1).isoformat()}",
        ]
    )
    summary = import_bytes(empty, content.encode())
    assert summary.rows == 2
    state = empty.day_state(day(1))
    assert state.values() == {("nausea", "frequency"): 3}
    assert state.temperature_c == 37.5
    assert state.answers[0].recorded_at == clock.utc_now()
