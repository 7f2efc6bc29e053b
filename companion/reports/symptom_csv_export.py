"""Writing the symptom log as CSV (the format: companion/reports/symptom_csv.py)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from companion import atomic_file
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
) -> Iterator[Sequence[object]]:
    """The CSV rows (without the header) for these days, in a fixed order, as they are
    written (nothing is built per answer but its row).

    progress(days done, days), if given, is called every few hundred days."""
    # Words and times repeat: each is translated or formatted once per export, not per row.
    names: Memo[str, str] = Memo(lambda symptom: formula_safe(service.term(symptom)))
    words: Memo[tuple[str, int], str] = Memo(lambda key: wording.answer_word(*key))
    stamps: Memo[datetime | None, str] = Memo(_stamp)
    items: Memo[str, str] = Memo(esas.item_name)
    order = {item: i for i, item in enumerate(esas.ITEM_IDS)}
    for done, entry in enumerate(days):
        if progress is not None and done % 256 == 0:
            progress(done, len(days))
        state = entry.state
        day = state.day.isoformat()
        for recall, symptom, attribute, value, recorded in entry.answers:
            yield (
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
        for item, value in sorted(state.esas, key=lambda e: order.get(e[0], 99)):
            yield (day, "esas", item, items[item], "", value, "", "", "", "", 0)
        if state.compared_with_yesterday is not None:
            yield (
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
                1,
            )
        if state.temperature_c is not None:
            temperature = _number(state.temperature_c)
            yield (
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
            )
        if state.weight_kg is not None:
            yield (
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
            )
        if state.note:
            yield (
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
            )
        for flag in sorted(state.flags, key=lambda f: (_stamp(f.raised_at), f.rule_id)):
            yield (
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
            )


def csv_text(
    service: SymptomService,
    start: date | None = None,
    end: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    # Rows go from the read to the text one at a time; the generator's Python code lets
    # the GUI thread run between rows (a list would be written in one GIL-holding call).
    # Whole numbers are written as str() writes them.
    writer.writerows(rows_for(service, service.export.days(start, end), progress))
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
