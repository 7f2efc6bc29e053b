"""The dose log as CSV, the symptom CSV's sibling: one row per planned or logged dose.

Columns: date, time (the planned time; empty for an as-needed dose), medicine, status
(taken | late | skipped | missed), reason (forgot | side_effects | told_to_stop | other),
taken_at (local time, ISO), amount, unit, note. A planned dose with nothing recorded once its
day is over is a "missed" row; days before the schedule's logging began are left out.
"""

from __future__ import annotations

import csv
import io
import os
from datetime import date, datetime
from pathlib import Path

from companion.errors import CompanionError
from companion.medicines import adherence
from companion.medicines.service import ScheduleService

COLUMNS = ("date", "time", "medicine", "status", "reason", "taken_at", "amount", "unit", "note")


def dose_rows(
    service: ScheduleService, now: datetime, start: date | None = None, end: date | None = None
) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    last_day = min(end or now.date(), now.date())
    for schedule in service.schedules():
        names = {"medicine": schedule.name}
        for entry in service.log(schedule.id, start, end):
            rows.append(
                {
                    **names,
                    "date": entry.day.isoformat(),
                    "time": entry.slot,
                    "status": entry.status,
                    "reason": entry.reason or "",
                    "taken_at": entry.taken_at.isoformat(timespec="minutes")
                    if entry.taken_at
                    else "",
                    "amount": f"{entry.amount:g}" if entry.amount is not None else "",
                    "unit": entry.unit,
                    "note": entry.note,
                }
            )
        first = max(schedule.logged_from, start or schedule.logged_from)
        if schedule.pattern == "as_needed" or first > last_day:
            continue
        starts = service.cycle_starts(schedule, last_day)
        for outcome in adherence.outcomes(schedule, [], starts, first, last_day, now):
            if outcome.status != "missed" or any(
                r["date"] == outcome.day.isoformat()
                and r["time"] == outcome.slot
                and r["medicine"] == schedule.name
                for r in rows
            ):
                continue
            step = schedule.dose_on(outcome.day)
            rows.append(
                {
                    **names,
                    "date": outcome.day.isoformat(),
                    "time": outcome.slot,
                    "status": "missed",
                    "reason": "",
                    "taken_at": "",
                    "amount": f"{step.amount:g}" if step else "",
                    "unit": step.unit if step else "",
                    "note": "",
                }
            )
    rows.sort(key=lambda r: (r["date"], r["time"], r["medicine"].casefold()))
    return rows


def write_dose_csv(
    service: ScheduleService,
    path: Path,
    now: datetime,
    start: date | None = None,
    end: date | None = None,
) -> int:
    rows = dose_rows(service, now, start, end)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        # A cell starting with = + - @ is read as a formula by spreadsheets: quote it.
        writer.writerow({k: ("'" + v if v and v[0] in "=+-@" else v) for k, v in row.items()})
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(buffer.getvalue(), encoding="utf-8-sig")  # BOM: as the symptom CSV
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise CompanionError(f"Cannot write {path}: {exc.strerror}.") from exc
    return len(rows)
