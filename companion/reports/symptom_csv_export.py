"""Writing the symptom log as CSV (the format: companion/reports/symptom_csv.py)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from companion import atomic_file
from companion.reports.symptom_csv import COLUMNS, SymptomCsv, formula_safe
from companion.symptoms import esas, wording
from companion.symptoms.model import (
    DayState,
)
from companion.symptoms.service import (
    SymptomService,
)


def _number(value: float) -> str:
    return f"{round(value, 2):.2f}".rstrip("0").rstrip(".")


def _stamp(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def rows_for(
    service: SymptomService,
    states: Sequence[DayState],
    progress: Callable[[int, int], None] | None = None,
) -> list[list[str]]:
    """The CSV rows (without the header) for these days, in a fixed order.

    progress(days done, days), if given, is called every few hundred days."""
    rows: list[list[str]] = []
    # Words and times repeat: each is translated or formatted once per export, not per row.
    names: dict[str, str] = {}
    words: dict[tuple[str, int], str] = {}
    stamps: dict[datetime | None, str] = {}
    for done, state in enumerate(states):
        if progress is not None and done % 256 == 0:
            progress(done, len(states))
        day = state.day.isoformat()
        for answer in state.answers:  # sorted by symptom, then attribute
            symptom, attribute, value = answer.symptom_id, answer.attribute, answer.value
            name = names.get(symptom)
            if name is None:
                name = names[symptom] = formula_safe(service.term(symptom))
            word = words.get((attribute, value))
            if word is None:
                word = words[(attribute, value)] = wording.answer_word(attribute, value)
            stamp = stamps.get(answer.recorded_at)
            if stamp is None:
                stamp = stamps[answer.recorded_at] = _stamp(answer.recorded_at)
            rows.append(
                [
                    day,
                    "symptom",
                    symptom,
                    name,
                    attribute,
                    str(value),
                    word,
                    "",
                    stamp,
                    "",
                    str(answer.recall_days),
                ]
            )
        order = {item: i for i, item in enumerate(esas.ITEM_IDS)}
        for item, value in sorted(state.esas, key=lambda e: order.get(e[0], 99)):
            rows.append(
                [day, "esas", item, esas.item_name(item), "", str(value), "", "", "", "", "0"]
            )
        if state.compared_with_yesterday is not None:
            rows.append(
                [
                    day,
                    "overall",
                    "",
                    SymptomCsv.tr("Compared with yesterday"),
                    "",
                    state.compared_with_yesterday,
                    "",
                    "done" if state.daily_done else "",
                    _stamp(state.daily_done_at),
                    "",
                    "1",
                ]
            )
        if state.temperature_c is not None:
            temperature = _number(state.temperature_c)
            rows.append(
                [
                    day,
                    "temperature",
                    "",
                    SymptomCsv.tr("Temperature"),
                    "",
                    temperature,
                    "°C",
                    "",
                    "",
                    "",
                    "",
                ]
            )
        if state.weight_kg is not None:
            rows.append(
                [
                    day,
                    "weight",
                    "",
                    SymptomCsv.tr("Weight"),
                    "",
                    _number(state.weight_kg),
                    "kg",
                    "",
                    "",
                    "",
                    "",
                ]
            )
        if state.note:
            rows.append(
                [
                    day,
                    "note",
                    "",
                    SymptomCsv.tr("Note"),
                    "",
                    "",
                    "",
                    formula_safe(state.note),
                    "",
                    "",
                    "",
                ]
            )
        for flag in sorted(state.flags, key=lambda f: (_stamp(f.raised_at), f.rule_id)):
            rows.append(
                [
                    day,
                    "red_flag",
                    formula_safe(flag.rule_id),
                    formula_safe(flag.reason),
                    flag.urgency,
                    "",
                    wording.urgency_name(flag.urgency),
                    formula_safe(flag.message),
                    _stamp(flag.raised_at),
                    _stamp(flag.acknowledged_at),
                    "",
                ]
            )
    return rows


def csv_text(
    service: SymptomService,
    start: date | None = None,
    end: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    rows = rows_for(service, service.history.day_states(start, end), progress)
    # A few hundred rows per call: writerows() holds the GIL for the whole call, and an
    # export runs beside the GUI thread.
    for first in range(0, len(rows), 500):
        writer.writerows(rows[first : first + 500])
    return out.getvalue()


def write_csv(
    service: SymptomService,
    path: Path,
    start: date | None = None,
    end: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write the log (or a date range of it) to path, atomically. Returns the data rows.

    progress(done, total) is called now and then (it may raise to stop the export)."""
    text = csv_text(service, start, end, progress)
    atomic_file.write_text(Path(path), text, encoding="utf-8-sig")
    return text.count("\r\n") - 1
