"""Symptom log figures: a full keyboard check-in, and the log at 100,000 answers.

    .venv/bin/python benchmarks/symptoms.py [--answers 100000] [--json]

1. A full daily check-in by keyboard on the Today page, driven with QTest key presses
   (one key per answer, as a patient would type): keystrokes and seconds of app time.
2. A synthetic profile with --answers symptom answers (benchmarks/symptom_profile.py):
   time to open the Symptoms page, to filter (symptom, dates, treatment line), to sort,
   to draw a trend chart and the weekly table, and to export/import CSV.
Runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from symptom_profile import write_big_profile

from companion.app import build_main_window, ensure_application
from companion.store import Store
from companion.store.models import LineDrug, TherapyLine


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    QApplication.processEvents()
    return time.perf_counter() - start


def keyboard_checkin(folder: Path) -> dict[str, float]:
    """A patient on T-DXd answers every question of today's check-in by keyboard."""
    store = Store.open(folder)
    with store.session() as session:
        line = TherapyLine(number=2, regimen="T-DXd", start_date=date.today() - timedelta(days=60))
        line.drugs = [LineDrug(library_id="trastuzumab-deruxtecan", name="T-DXd")]
        session.add(line)
    store.close()
    window = build_main_window(folder)
    window.show()
    window.show_page("today")
    QApplication.processEvents()
    form = window.page("today").checkin
    form.esas_frequency.setCurrentIndex(form.esas_frequency.findData("never"))
    form.esas_toggle.setChecked(False)
    form.focus_first_question()
    rows = list(form.rows.values())
    keys = 0
    start = time.perf_counter()
    for index, row in enumerate(rows):
        widget = QApplication.focusWidget()
        assert widget is row, "the focus moves to the next question after each answer"
        QTest.keyClick(widget, "1" if index % 3 == 0 else "0")
        keys += 1
    for key in "36.8":  # the temperature field has the focus after the last question
        QTest.keyClick(QApplication.focusWidget(), key)
        keys += 1
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    keys += 1
    QApplication.processEvents()
    seconds = time.perf_counter() - start
    saved = window.services.symptoms.day_state(date.today())
    assert len(saved.answers) == len(rows) and saved.temperature_c == 36.8
    esas_start = time.perf_counter()
    form.esas_toggle.setChecked(True)
    form.esas_rows["pain"].setFocus()
    for key in "012345678":
        QTest.keyClick(QApplication.focusWidget(), key)
    esas_seconds = time.perf_counter() - esas_start
    assert len(window.services.symptoms.day_state(date.today()).esas) == 9
    window.close()
    return {
        "checkin_questions": len(rows),
        "checkin_symptoms": len({k[0] for k in form.rows}),
        "checkin_keystrokes": keys,
        "checkin_seconds": round(seconds, 3),
        "esas_keystrokes": 9,
        "esas_seconds": round(esas_seconds, 3),
    }


def big_log(folder: Path, answers: int) -> dict[str, float]:
    figures: dict[str, float] = {}
    start = time.perf_counter()
    written = write_big_profile(folder, answers)
    figures["generate_seconds"] = round(time.perf_counter() - start, 2)
    figures["answers"] = written
    window = build_main_window(folder)
    window.show()
    window.show_page("today")
    QApplication.processEvents()
    page = window.page("symptoms")
    figures["open_log_seconds"] = round(timed(lambda: window.show_page("symptoms")), 3)
    assert page.model.total() == written
    combo = page.symptom_filter
    figures["filter_symptom_seconds"] = round(
        timed(lambda: combo.setCurrentIndex(combo.findData("nausea"))), 3
    )
    figures["rows_after_symptom_filter"] = page.model.rowCount()
    figures["filter_dates_seconds"] = round(
        timed(lambda: page.from_date.setDate(date.today() - timedelta(days=365))), 3
    )
    figures["filter_clear_seconds"] = round(timed(page.clear_filters), 3)
    periods = page.period_filter
    figures["filter_treatment_line_seconds"] = round(timed(lambda: periods.setCurrentIndex(2)), 3)
    figures["rows_after_line_filter"] = page.model.rowCount()
    page.clear_filters()
    figures["sort_by_answer_seconds"] = round(
        timed(lambda: page.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)), 3
    )
    figures["sort_by_date_seconds"] = round(
        timed(lambda: page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)), 3
    )
    figures["scroll_to_end_seconds"] = round(timed(page.table.scrollToBottom), 3)
    page.trend_symptom.setCurrentIndex(page.trend_symptom.findData("fatigue"))
    figures["trend_chart_seconds"] = round(timed(lambda: page.tabs.setCurrentIndex(1)), 3)
    figures["weekly_table_seconds"] = round(timed(lambda: page.tabs.setCurrentIndex(2)), 3)
    figures["esas_chart_seconds"] = round(timed(lambda: page.tabs.setCurrentIndex(3)), 3)
    page.tabs.setCurrentIndex(0)
    target = folder.parent / "big.csv"
    from companion.reports.symptom_csv_export import write_csv
    from companion.reports.symptom_csv_import import import_csv

    figures["export_csv_seconds"] = round(
        timed(lambda: write_csv(window.services.symptoms, target)), 2
    )
    window.close()
    QApplication.processEvents()
    from companion.services import Services

    empty = Services.open(folder.parent / "empty")
    figures["import_csv_seconds"] = round(timed(lambda: import_csv(empty.symptoms, target)), 2)
    empty.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    ensure_application()
    with tempfile.TemporaryDirectory(prefix="companion-bench-") as folder:
        figures = keyboard_checkin(Path(folder) / "checkin")
        figures.update(big_log(Path(folder) / "big" / "profile", args.answers))
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        width = max(len(k) for k in figures)
        for key, value in figures.items():
            print(f"{key:<{width}}  {value}")
    sys.stdout.flush()
    # PySide6 6.12.0 on Python 3.11 loses a reference to None/True/False on some calls
    # (see the session note); this many key presses can make interpreter shutdown abort
    # after the figures are printed, so leave without the final clean-up.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
