"""Property tests: generated bad CSV never gets in. The importer refuses it with a plain
message naming the line, and the log stays exactly as it was."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta

from conftest import TERMS
from fixed_time import TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companion.errors import ValidationError
from companion.reports.symptom_csv import COLUMNS, KINDS
from companion.reports.symptom_csv_export import csv_text
from companion.reports.symptom_csv_import import import_bytes
from companion.symptoms import wording
from companion.symptoms.model import DayState
from companion.symptoms.service import SymptomService

ATTRIBUTES = {t.id: t.attributes for t in TERMS}
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Cell text without line breaks or NUL, so the physical line is the record's line.
CELL_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x00"), max_size=12
)


def valid_day(text: str) -> bool:
    text = text.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        found = date.fromisoformat(text)
    except ValueError:
        return False
    return date(1900, 1, 1) <= found <= TODAY


def valid_value(text: str, attribute: str) -> bool:
    text = text.strip()
    return bool(re.fullmatch(r"\d{1,2}", text)) and int(text) <= wording.max_value(attribute)


@st.composite
def good_rows(draw: st.DrawFn) -> list[dict[str, str]]:
    keys = draw(
        st.lists(
            st.tuples(
                st.integers(0, 400),
                st.sampled_from(sorted(ATTRIBUTES)),
            ),
            min_size=1,
            max_size=12,
            unique=True,
        )
    )
    rows = []
    for offset, symptom in keys:
        attribute = draw(st.sampled_from(ATTRIBUTES[symptom]))
        value = draw(st.integers(0, wording.max_value(attribute)))
        rows.append(
            {
                "date": (TODAY - timedelta(days=offset)).isoformat(),
                "kind": "symptom",
                "item": symptom,
                "attribute": attribute,
                "value": str(value),
            }
        )
    return rows


def render(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


@st.composite
def one_bad_cell(draw: st.DrawFn) -> tuple[bytes, int]:
    """A valid file with one cell made invalid; returns the file and the bad line."""
    rows = draw(good_rows())
    index = draw(st.integers(0, len(rows) - 1))
    row = rows[index]
    column = draw(st.sampled_from(["date", "kind", "item", "attribute", "value"]))
    if column == "date":
        bad = draw(
            st.one_of(
                CELL_TEXT,
                st.sampled_from(
                    [
                        "",
                        "2026/01/31",
                        "31-01-2026",
                        "2026-02-30",
                        "tomorrow",
                        (TODAY + timedelta(days=1)).isoformat(),
                        "1899-12-31",
                    ]
                ),
            ).filter(lambda t: not valid_day(t))
        )
    elif column == "kind":
        bad = draw(CELL_TEXT.filter(lambda t: t.strip().lower() not in KINDS))
    elif column == "item":
        bad = draw(CELL_TEXT.filter(lambda t: t.strip() not in ATTRIBUTES))
    elif column == "attribute":
        allowed = ATTRIBUTES[row["item"]]
        bad = draw(CELL_TEXT.filter(lambda t: t.strip().lower() not in allowed))
    else:
        attribute = row["attribute"]
        bad = draw(
            st.one_of(CELL_TEXT, st.integers(5, 10**9).map(str)).filter(
                lambda t: not valid_value(t, attribute)
            )
        )
    rows[index] = {**row, column: bad}
    return render(rows), index + 2  # line 1 is the header


@SETTINGS
@given(case=one_bad_cell())
def test_one_bad_cell_is_named_by_line_and_nothing_is_imported(
    log: SymptomService, case: tuple[bytes, int]
) -> None:
    content, bad_line = case
    before = csv_text(log)
    try:
        import_bytes(log, content)
    except ValidationError as refused:
        message = str(refused)
        assert message.startswith(f"Line {bad_line}:"), message
        assert "nothing was imported" in message.lower()
    else:
        raise AssertionError("a bad file was imported")
    assert csv_text(log) == before


@SETTINGS
@given(garbage=st.binary(max_size=400))
def test_binary_garbage_is_refused_plainly(log: SymptomService, garbage: bytes) -> None:
    before = csv_text(log)
    try:
        import_bytes(log, garbage)
    except ValidationError as refused:
        assert str(refused)
        assert "\n" not in str(refused)
    else:
        raise AssertionError("garbage was imported")
    assert csv_text(log) == before


@SETTINGS
@given(rows=good_rows(), junk=st.lists(CELL_TEXT, min_size=1, max_size=14))
def test_a_row_of_the_wrong_width_or_content_never_slips_in(
    log: SymptomService, rows: list[dict[str, str]], junk: list[str]
) -> None:
    """A random row appended after good rows: either refused naming its line, or (rarely,
    when it happens to be valid) the file is imported whole."""
    content = render(rows) + (",".join(junk).replace('"', "") + "\r\n").encode("utf-8")
    assert csv_text(log).count("\n") == 1  # empty log: only the header
    try:
        summary = import_bytes(log, content)
    except ValidationError as refused:
        assert str(refused).startswith(f"Line {len(rows) + 2}:"), str(refused)
        assert csv_text(log).count("\n") == 1
    else:  # the random row happened to be valid or blank: the whole file went in
        assert summary.rows in (len(rows), len(rows) + 1)
        log.restore_days(DayState(day=s.day) for s in log.history.day_states())
