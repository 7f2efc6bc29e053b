"""Writing the symptom log as CSV (the format: companion/reports/symptom_csv.py)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TextIO

from companion import atomic_file, collector
from companion.reports.symptom_csv import COLUMNS, Memo, SymptomCsv, formula_safe
from companion.symptoms import esas, wording
from companion.symptoms.model import DayRows
from companion.symptoms.service import SymptomService


def _number(value: float) -> str:
    return f"{round(value, 2):.2f}".rstrip("0").rstrip(".")


def _stamp(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def rows_for(
    service: SymptomService,
    days: Sequence[DayRows],
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[list[Sequence[object]]]:
    """The CSV rows (without the header) for these days, in a fixed order, one day's rows
    at a time (nothing is built per answer but its row).

    progress(days done, days), if given, is called every few hundred days."""
    # Words and times repeat: each is translated or formatted once per export, not per row.
    names: Memo[str, str] = Memo(lambda symptom: formula_safe(service.term(symptom)))
    words: Memo[tuple[str, int], str] = Memo(lambda key: wording.answer_word(*key))
    stamps: Memo[datetime | None, str] = Memo(_stamp)
    items: Memo[str, str] = Memo(esas.item_name)
    order = {item: i for i, item in enumerate(esas.ITEM_IDS)}
    overall = SymptomCsv.tr("Compared with yesterday")
    temperature, weight = SymptomCsv.tr("Temperature"), SymptomCsv.tr("Weight")
    note = SymptomCsv.tr("Note")
    for done, entry in enumerate(days):
        if progress is not None and done % 256 == 0:
            progress(done, len(days))
        state = entry.state
        day = state.day.isoformat()
        rows: list[Sequence[object]] = [
            (
                day,
                "symptom",
                symptom,
                names[symptom],
                attribute,
                value,
                words[(attribute, value)],
                "",
                stamps[recorded],
                "",
                recall,
            )
            for recall, symptom, attribute, value, recorded in entry.answers
        ]
        rows += [
            (day, "esas", item, items[item], "", value, "", "", "", "", 0)
            for item, value in sorted(state.esas, key=lambda e: order.get(e[0], 99))
        ]
        if state.compared_with_yesterday is not None:
            done_at = state.daily_done_at
            rows.append(
                (
                    *(day, "overall", "", overall, "", state.compared_with_yesterday, ""),
                    *("done" if done_at else "", stamps[done_at], "", 1),
                )
            )
        if state.temperature_c is not None:
            celsius = _number(state.temperature_c)
            rows.append((day, "temperature", "", temperature, "", celsius, "°C", "", "", "", ""))
        if state.weight_kg is not None:
            kg = _number(state.weight_kg)
            rows.append((day, "weight", "", weight, "", kg, "kg", "", "", "", ""))
        if state.note:
            text = formula_safe(state.note)
            rows.append((day, "note", "", note, "", "", "", text, "", "", ""))
        for flag in sorted(state.flags, key=lambda f: (_stamp(f.raised_at), f.rule_id)):
            rows.append(
                (
                    *(day, "red_flag", formula_safe(flag.rule_id), formula_safe(flag.reason)),
                    *(flag.urgency, "", wording.urgency_name(flag.urgency)),
                    *(formula_safe(flag.message), _stamp(flag.raised_at)),
                    *(_stamp(flag.acknowledged_at), ""),
                )
            )
        yield rows


def csv_text(
    service: SymptomService,
    start: date | None = None,
    end: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> str:
    out = io.StringIO(newline="")
    write_rows(out, service, start, end, progress)
    return out.getvalue()


def write_rows(
    out: TextIO,
    service: SymptomService,
    start: date | None = None,
    end: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """The header and every row into out; returns the data rows."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    # A day's rows per call: writerows() holds the GIL while it runs, and an export runs
    # beside the GUI thread. Whole numbers are written as str() writes them.
    written = 0
    for rows in rows_for(service, service.export.days(start, end), progress):
        writer.writerows(rows)
        written += len(rows)
    return written


@collector.paused()  # bulk work: see companion/collector.py
def write_csv(
    service: SymptomService,
    path: Path,
    start: date | None = None,
    end: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write the log (or a date range of it) to path, atomically. Returns the data rows.

    progress(done, total) is called now and then (it may raise to stop the export)."""
    # Streamed to the file a day at a time: the whole log as one string, encoded and
    # counted in single calls, held the interpreter lock for 50 ms and more each (the
    # window, waiting for the lock, stood still).
    with atomic_file.atomic_path(Path(path)) as partial:
        try:
            with open(partial, "w", encoding="utf-8-sig", newline="") as handle:
                return write_rows(handle, service, start, end, progress)
        except OSError as exc:
            raise atomic_file.write_failure(Path(path), exc) from exc
