"""The Symptoms page: the log table (a checked Qt model), filters, sorting, delete with
undo, charts, weekly worst answers, ESAS-r totals, export, import and print."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from pathlib import Path

from fixed_time import TODAY
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from companion.symptoms.history import weekly_worst
from companion.ui.pages.symptoms import ALL
from companion.ui.symptoms.log_model import LogFilter, LogTableModel
from companion.ui.symptoms.weekly_model import WeeklyWorstModel


def symptoms_page(window):  # type: ignore[no-untyped-def]
    window.show_page("symptoms")
    return window.page("symptoms")


def shown_rows(page) -> list:  # type: ignore[no-untyped-def]
    """Every row that passes the filter, as after scrolling to the end of the table."""
    page.model.fetch_all()
    assert page.model.rowCount() == page.model.matching()
    return [page.model.row_data(r) for r in range(page.model.rowCount())]


def choose(combo, data) -> None:  # type: ignore[no-untyped-def]
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(data))


def test_log_model_passes_the_model_tester(qtmodeltester, demo_window) -> None:
    history = demo_window.services.symptoms.history
    terms = {t.id: t.term for t in demo_window.services.symptoms.vocabulary()}
    model = LogTableModel(terms, demo_window.services.symptoms.log_window)
    model.load(history.periods(), history.flag_symptoms())
    qtmodeltester.check(model, force_py=True)
    # A second model for the filtered, sorted state: pytest-qt runs its checks (and so
    # fetchMore) on modelReset before it records that the reset has ended.
    filtered = LogTableModel(terms, demo_window.services.symptoms.log_window)
    filtered.load(history.periods(), history.flag_symptoms(), LogFilter(symptom_id="nausea"))
    filtered.sort(LogTableModel.ANSWER, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(filtered, force_py=True)


def test_weekly_model_passes_the_model_tester(qtmodeltester, demo_window) -> None:
    symptoms = demo_window.services.symptoms
    model = WeeklyWorstModel({t.id: t.term for t in symptoms.vocabulary()})
    weeks = weekly_worst(
        symptoms.history.answers(), {t.id: t.attributes for t in symptoms.vocabulary()}
    )
    model.load(weeks, symptoms.history.symptom_ids())
    qtmodeltester.check(model, force_py=True)


def test_the_table_shows_every_answer_latest_first(demo_window) -> None:
    page = symptoms_page(demo_window)
    total = len(demo_window.services.symptoms.history.answers())  # the daily answers
    assert page.model.matching() == page.model.total() == total > 1000
    assert f"Showing {total} of {total}" in page.count_label.text()
    assert page.model.rowCount() < total  # only the first screenfuls are read
    page.table.scrollToBottom()
    QApplication.processEvents()
    assert page.model.rowCount() > LogTableModel.BATCH  # scrolling fetches more
    rows = shown_rows(page)
    assert len(rows) == total
    assert sorted(rows) == sorted(demo_window.services.symptoms.history.answers())
    days = [row[0] for row in rows]
    assert days == sorted(days, reverse=True)
    treatment = page.model.index(0, LogTableModel.TREATMENT).data()
    assert treatment == "Line 3: Tucatinib + trastuzumab + capecitabine"


def test_filter_by_symptom_dates_and_treatment_line(demo_window, qtbot) -> None:
    page = symptoms_page(demo_window)
    choose(page.symptom_filter, "nausea")
    assert {row[1] for row in shown_rows(page)} == {"nausea"}
    choose(page.period_filter, page.period_filter.itemData(page.period_filter.count() - 1))
    line2 = demo_window.services.symptoms.history.periods()[-1]
    assert min(row[0] for row in shown_rows(page)) >= line2.start
    page.period_filter.setCurrentIndex(0)
    page.from_date.setFocus()
    page.from_date.setDate(TODAY - timedelta(days=6))
    assert {row[0] for row in shown_rows(page)} <= {TODAY - timedelta(days=i) for i in range(7)}
    assert shown_rows(page)
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert len(shown_rows(page)) == page.model.total()


def test_clicking_a_header_sorts(demo_window, qtbot) -> None:
    page = symptoms_page(demo_window)
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(LogTableModel.ANSWER) + 5
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5)
    )
    values = [row[3] for row in shown_rows(page)]
    assert values in (sorted(values), sorted(values, reverse=True))
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5)
    )
    assert [row[3] for row in shown_rows(page)] == list(reversed(values))


def test_delete_with_the_delete_key_and_undo(demo_window, qtbot) -> None:
    page = symptoms_page(demo_window)
    total = page.model.total()
    page.select_row(0)
    victim = page.model.row_data(0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.model.total() == total - 1
    assert "Deleted 1 answer" in page.status.text()
    state = demo_window.services.symptoms.day_state(victim[0])
    assert (victim[1], victim[2]) not in state.values()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.total() == total
    assert (
        demo_window.services.symptoms.day_state(victim[0]).values()[(victim[1], victim[2])]
        == victim[3]
    )


def test_open_this_day_edits_it_in_the_checkin(demo_window, qtbot) -> None:
    page = symptoms_page(demo_window)
    choose(page.symptom_filter, "fatigue")
    page.table.sortByColumn(LogTableModel.DATE, Qt.SortOrder.AscendingOrder)
    page.select_row(0)
    first_day = page.model.row_data(0)[0]
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert demo_window.current_page().page_id == "today"
    form = demo_window.page("today").checkin
    assert form.day() == first_day
    row = form.rows[("fatigue", "severity")]
    qtbot.mouseClick(row.buttons[4], Qt.MouseButton.LeftButton)
    assert demo_window.services.symptoms.day_state(first_day).values()[("fatigue", "severity")] == 4
    demo_window.show_page("symptoms")
    assert any(r[0] == first_day and r[3] == 4 for r in shown_rows(page))


def test_trend_chart_shades_treatment_and_marks_red_flags(demo_window, qtbot) -> None:
    page = symptoms_page(demo_window)
    page.tabs.setCurrentIndex(1)
    choose(page.trend_symptom, "cough")
    qtbot.waitUntil(lambda: not page.trend_read.pending)  # read on a worker thread
    names = page.trend_chart.series_names
    assert "Line 2: Trastuzumab deruxtecan" in names
    assert "How bad" in names
    assert "Red flag" in names
    assert len(page.trend_chart.flag_days) == 1
    choose(page.trend_symptom, "nausea")
    qtbot.waitUntil(lambda: not page.trend_read.pending)
    assert "Red flag" not in page.trend_chart.series_names


def test_week_by_week_and_esas_totals(demo_window, qtbot) -> None:
    page = symptoms_page(demo_window)
    page.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: not page.weekly_read.pending)  # read on a worker thread
    assert page.weekly_model.rowCount() >= 26
    assert page.weekly_model.headerData(0, Qt.Orientation.Horizontal) == "Week of"
    words = {
        page.weekly_model.index(r, c).data()
        for r in range(page.weekly_model.rowCount())
        for c in range(1, page.weekly_model.columnCount())
    }
    assert "Very severe" in words
    page.tabs.setCurrentIndex(3)
    assert "Latest total:" in page.esas_summary.text()
    assert "Total" in page.esas_chart.series_names


def test_export_csv_from_the_file_menu(demo_window, qtbot, tmp_path: Path, monkeypatch) -> None:
    page = symptoms_page(demo_window)
    target = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    def fill_dialog() -> None:
        dialog = page.findChild(QDialog)
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
        dialog.from_date.setDate(TODAY - timedelta(days=13))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_dialog)
    page.export_action.trigger()
    qtbot.waitUntil(lambda: not page.busy, timeout=60_000)  # the file is written on a worker thread
    rows = list(csv.DictReader(io.StringIO(target.read_text("utf-8-sig"))))
    assert rows
    assert min(r["date"] for r in rows) >= (TODAY - timedelta(days=13)).isoformat()
    assert "Saved" in page.status.text()


def test_export_pdf_report(demo_window, qtbot, tmp_path: Path) -> None:
    from pypdf import PdfReader

    page = symptoms_page(demo_window)
    target = tmp_path / "report.pdf"
    assert page.export_to(target, "pdf", TODAY - timedelta(days=60), TODAY)
    assert page.tasks.isVisible()  # a progress bar with Cancel while it is written
    qtbot.waitUntil(lambda: not page.busy, timeout=60_000)
    assert "Saved a" in page.status.text() and not page.tasks.isVisible()
    reader = PdfReader(target)
    assert len(reader.pages) >= 2
    for number, pdf_page in enumerate(reader.pages, start=1):
        text = " ".join(pdf_page.extract_text().split())
        assert "Maria Example" in text
        assert f"Page {number} of {len(reader.pages)}" in text
    everything = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Worst answer each week" in everything
    assert "not clinical grades" in everything
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for font in fonts.values():
        font = font.get_object()
        descriptor = (
            font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            if "/DescendantFonts" in font
            else font["/FontDescriptor"]
        )
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_import_from_the_page_is_all_or_nothing_and_undoable(
    window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    page = symptoms_page(window)
    good = tmp_path / "good.csv"
    good.write_text(
        "date,kind,item,attribute,value\n"
        f"{TODAY - timedelta(days=2)},symptom,nausea,severity,3\n"
        f"{TODAY - timedelta(days=1)},symptom,fatigue,severity,1\n",
        encoding="utf-8",
    )
    bad = tmp_path / "bad.csv"
    bad.write_text(good.read_text() + f"{TODAY},symptom,unicorn_pox,severity,1\n", encoding="utf-8")
    chosen = [str(bad)]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (chosen[0], ""))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy, timeout=60_000)
    assert "Nothing was imported" in page.status.text()
    assert "Line 4" in page.status.text()
    assert window.services.symptoms.history.count() == 0
    chosen[0] = str(good)
    page.import_action.trigger()
    qtbot.waitUntil(lambda: not page.busy, timeout=60_000)
    assert "Imported 2 rows for 2 days" in page.status.text()
    assert page.model.total() == 2
    window.undo_action.trigger()
    assert window.services.symptoms.history.count() == 0
    assert page.model.total() == 0


def test_print_preview_opens(demo_window, qtbot) -> None:
    page = symptoms_page(demo_window)
    dialog = page.print_page()
    assert dialog.isVisible()
    dialog.close()
    QApplication.processEvents()


def test_every_column_sorts_in_sql_as_the_values_say(demo_window) -> None:
    page = symptoms_page(demo_window)
    terms = page.model.sort_context().terms
    everything = demo_window.services.symptoms.history.answers()
    keys = {
        LogTableModel.DATE: lambda r: (r[0], terms.get(r[1], r[1]), r[2]),
        LogTableModel.SYMPTOM: lambda r: (terms.get(r[1], r[1]), r[2], r[0]),
        LogTableModel.QUESTION: lambda r: (r[2], r[0]),
        LogTableModel.ANSWER: lambda r: (r[3], r[0]),
    }
    for column, key in keys.items():
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            page.table.sortByColumn(column, order)
            wanted = sorted(map(key, everything), reverse=order == Qt.SortOrder.DescendingOrder)
            assert [key(r) for r in shown_rows(page)] == wanted, (column, order)
    page.table.sortByColumn(LogTableModel.FLAG, Qt.SortOrder.DescendingOrder)
    flagged = page.model.sort_context().flags
    first = page.model.row_data(0)
    assert flagged and (first[0], first[1]) in flagged


def test_a_change_updates_only_the_rows_it_touches(demo_window, qtbot) -> None:
    page = symptoms_page(demo_window)
    model = page.model
    resets: list[bool] = []
    removed: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))
    before = [model.row_data(r) for r in range(model.rowCount())]
    page.select_row(3)
    page.delete_selected()
    assert removed == [(3, 3)] and not resets
    assert model.row_data(2) == before[2] and model.row_data(3) == before[4]
    assert page.table.currentIndex().row() in (2, 3)  # the selection stayed near
    demo_window.undo_action.trigger()
    assert not resets
    assert [model.row_data(r) for r in range(len(before))] == before


def test_export_can_be_cancelled_and_the_window_stays_responsive(
    demo_window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    import threading

    import companion.reports.symptom_csv_export as symptom_csv

    page = symptoms_page(demo_window)
    started, release = threading.Event(), threading.Event()
    real_rows_for = symptom_csv.rows_for

    def slow_rows_for(service, states, progress=None):  # type: ignore[no-untyped-def]
        started.set()
        release.wait(10)  # the export is still busy while the user does other things
        return real_rows_for(service, states, progress)

    monkeypatch.setattr(symptom_csv, "rows_for", slow_rows_for)
    target = tmp_path / "cancelled.csv"
    assert page.export_to(target, "csv", TODAY - timedelta(days=30), TODAY)
    assert started.wait(10)
    assert not page.export_to(target, "csv", TODAY, TODAY)  # one at a time
    demo_window.show_page("library")  # the GUI thread is free meanwhile
    assert demo_window.current_page().page_id == "library"
    qtbot.mouseClick(page.tasks.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: not page.busy, timeout=60_000)
    assert "cancelled" in page.status.text()
    assert not target.exists() and not list(tmp_path.glob("*.partial"))


def test_a_hidden_checkin_catches_up_when_today_is_shown_again(demo_window, qtbot) -> None:
    """Deleting and undoing on the Symptoms page leaves the hidden Today page alone (it read
    the whole form again each time); shown again, it shows what is stored."""
    demo_window.show_page("today")
    form = demo_window.page("today").checkin
    key, answer_row = next(iter(form.rows.items()))
    qtbot.mouseClick(answer_row.buttons[-1], Qt.MouseButton.LeftButton)  # answer today
    kept = answer_row.value()
    assert kept is not None
    page = symptoms_page(demo_window)
    row = next(
        r for r in range(page.model.rowCount()) if page.model.row_data(r)[:3] == (form.day(), *key)
    )
    reads: list[object] = []
    form.flags_changed.connect(reads.append)  # every read of the form says its open flags
    page.select_row(row)
    page.delete_selected()
    qtbot.wait(20)  # a catch-up would run here if the form were wrongly thought visible
    assert reads == []
    demo_window.show_page("today")
    assert form.rows[key].value() is None
    demo_window.show_page("symptoms")
    reads.clear()
    demo_window.undo_action.trigger()
    qtbot.wait(20)
    assert reads == []
    demo_window.show_page("today")
    qtbot.wait(20)
    assert form.rows[key].value() == kept
    assert len(reads) == 1  # the page's own refresh; the pending catch-up found nothing to do


def test_the_log_is_counted_on_a_worker_and_the_lines_follow(demo_window, qtbot) -> None:
    """Counting the whole log grows with it: the table opens with its first rows, and the
    summary and "Showing … of …" come when the worker has counted (also after a delete)."""
    page = symptoms_page(demo_window)
    total = len(demo_window.services.symptoms.history.answers())
    qtbot.waitUntil(page.model.counts_known)
    assert f"Showing {total} of {total} answers." == page.count_label.text()
    assert page.summary.text().startswith(f"{total} daily answers from ")
    page.select_row(0)
    page.delete_selected()
    qtbot.waitUntil(lambda: f"of {total - 1} answers" in page.count_label.text())
    assert page.summary.text().startswith(f"{total - 1} daily answers from ")
    page.model.fetch_all()  # scrolling to the end reads every row, counted or not
    assert page.model.rowCount() == total - 1


def test_a_model_dropped_while_it_counts_is_not_called_back(demo_window, qtbot) -> None:
    history = demo_window.services.symptoms.history
    terms = {t.id: t.term for t in demo_window.services.symptoms.vocabulary()}
    model = LogTableModel(terms, demo_window.services.symptoms.log_window)
    model.load(history.periods(), history.flag_symptoms())
    assert not model.counts_known() and model.canFetchMore()
    del model  # the count is still running on the worker
    qtbot.wait(200)  # its result comes back to nobody: no crash, no error


def fresh_rows(window, page) -> list:  # type: ignore[no-untyped-def]
    """What a model loaded anew shows, with the page's filter and order."""
    history = window.services.symptoms.history
    terms = {t.id: t.term for t in window.services.symptoms.vocabulary()}
    model = LogTableModel(terms, window.services.symptoms.log_window)
    model.sort(*page.model.sort_order())
    model.load(history.periods(), history.flag_symptoms(), page.current_filter())
    model.fetch_all()
    return [model.row_data(r) for r in range(model.rowCount())]


def test_after_delete_and_undo_the_log_shows_what_a_reload_shows(demo_window, qtbot) -> None:
    page = symptoms_page(demo_window)
    for column, order in (
        (LogTableModel.DATE, Qt.SortOrder.DescendingOrder),
        (LogTableModel.ANSWER, Qt.SortOrder.AscendingOrder),
    ):
        page.table.sortByColumn(column, order)
        choose(page.symptom_filter, "nausea" if column == LogTableModel.ANSWER else ALL)
        page.select_row(2)
        page.delete_selected()
        assert shown_rows(page) == fresh_rows(demo_window, page)
        assert page.model.total() == len(demo_window.services.symptoms.history.answers())
        demo_window.undo_action.trigger()
        assert shown_rows(page) == fresh_rows(demo_window, page)
        assert page.model.matching() == len(shown_rows(page))
