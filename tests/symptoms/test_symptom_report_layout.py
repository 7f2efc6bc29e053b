"""The PDF symptom report's tables: readable columns, headers that repeat on each page."""

from __future__ import annotations

import re
from datetime import date
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
