"""The PDF symptom report's tables: readable columns, headers that repeat on each page."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from companion.reports.symptom_report import WEEK_COLUMNS, build_symptom_report
from companion.services import Services


def test_weekly_tables_split_symptoms_evenly_and_repeat_their_headers(qapp, demo_dir: Path) -> None:  # type: ignore[no-untyped-def]
    services = Services.open(demo_dir)
    try:
        html = build_symptom_report(
            services.symptoms, "Maria", date(2026, 9, 1), date(2026, 11, 23)
        ).html
    finally:
        services.close()
    weekly = html.split("Worst answer each week")[1].split("Red flags")[0]
    tables = re.findall(r"<table.*?</table>", weekly, flags=re.S)
    symptom_columns = [table.count("<th>") - 1 for table in tables]  # minus "Week of"
    assert len(tables) >= 2
    assert max(symptom_columns) <= WEEK_COLUMNS
    assert max(symptom_columns) - min(symptom_columns) <= 1  # 6 symptoms: 3 + 3, not 5 + 1
    assert all("<thead>" in table for table in tables)


def test_weekly_page_shows_the_periods_weekly_check_ins_only(qapp, log) -> None:  # type: ignore[no-untyped-def]
    from fixed_time import TODAY

    from companion.symptoms.model import RECALL_WEEKLY

    before, inside = TODAY - timedelta(days=40), TODAY - timedelta(days=10)
    for day, value in ((before, 1), (inside, 3)):
        log.set_answer(day, "nausea", "frequency", value, recall_days=RECALL_WEEKLY)
    html = build_symptom_report(log, "Maria", TODAY - timedelta(days=20), TODAY).html
    weekly = html.split("Weekly check-ins")[1].split("</table>")[0]
    columns = re.findall(r"<th>([^<]*)</th>", weekly)
    assert len(columns) == 1  # the check-in of 40 days ago is outside the period
    assert "<td>3</td>" in weekly and "<td>1</td>" not in weekly
