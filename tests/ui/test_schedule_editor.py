"""Treatments ▸ Medicines ▸ Schedules at home: set up from the library entry in a few
clicks, the dose typed by the patient, a note when it differs from the label, undo, and
the adherence view."""

from __future__ import annotations

from datetime import timedelta

from fixed_time import NOW
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from treatment_steps import choose, click, type_date, type_into

from companion.store.models import LineDrug, TherapyLine

TODAY = NOW.date()


def _current_line(services) -> None:  # type: ignore[no-untyped-def]
    with services.store.session() as session:
        line = TherapyLine(
            number=1,
            regimen="Tucatinib + trastuzumab + capecitabine",
            start_date=TODAY - timedelta(days=10),
        )
        line.drugs = [
            LineDrug(library_id="capecitabine", name="Capecitabine"),
            LineDrug(library_id="tucatinib", name="Tucatinib"),
        ]
        session.add(line)


def test_set_up_a_schedule_from_the_library_entry(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    _current_line(window.services)
    window.show()
    window.show_page("treatments")
    page = window.page("treatments")
    page.show_tab("medicines")
    section = page.medicines_tab.schedules
    click(qtbot, section.add_button)
    dialog = section.dialog
    assert dialog.medicine.currentText() == "Capecitabine"
    # The label's pattern is filled in; the dose is not (the app never suggests one).
    assert dialog.pattern.currentData() == "cycle"
    assert (dialog.first_day.value(), dialog.last_day.value(), dialog.cycle_length.value()) == (
        1,
        14,
        21,
    )
    assert dialog.times.text() == "08:00 20:00"
    assert dialog.amount.text() == "" and dialog.unit.text() == ""
    assert "Take within 30 minutes after a meal" in dialog.label_box.text()
    type_date(qtbot, dialog.start, TODAY - timedelta(days=5))
    click(qtbot, dialog.save_button)
    assert dialog.isVisible() and "dose your care team prescribed" in dialog.message.text()
    type_into(qtbot, dialog.amount, "1500")
    type_into(qtbot, dialog.unit, "mg")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    [row] = section.table.row_texts()
    assert row[:3] == [
        "Capecitabine",
        "1500 mg at 08:00 and 20:00, days 1–14 of each 21-day cycle",
        "Take within 30 minutes after a meal",
    ]
    assert row[4] == ""

    # Every day of the cycle differs from the label: allowed, with a note.
    section.table.select_id(window.services.treatments.schedules.schedules()[0].id)
    click(qtbot, section.edit_button)
    dialog = section.dialog
    choose(qtbot, dialog.pattern, "Every day")
    assert not dialog.check_note.isHidden()
    assert "check it with your care team" in dialog.check_note.text()
    type_into(qtbot, dialog.amount, "1000")
    click(qtbot, dialog.save_button)
    [row] = section.table.row_texts()
    assert row[1] == "1000 mg at 08:00 and 20:00 every day"
    assert "days 1–14 of a 21-day cycle" in row[4]
    [schedule] = window.services.treatments.schedules.schedules()
    assert [s.amount for s in schedule.doses] == [1500.0, 1000.0]  # history kept

    window.undo_stack.undo()
    [row] = section.table.row_texts()
    assert row[1].startswith("1500 mg") and row[4] == ""

    # The adherence view opens on the selected schedule.
    section.table.select_id(schedule.id)
    click(qtbot, section.adherence_button)
    view = section.adherence
    assert view is not None and view.isVisible()
    assert view.windowTitle() == "Capecitabine: doses taken"
    assert view.day_text.text().endswith(": 08:00 Not yet, 20:00 Not yet")
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.isVisible()
    assert QApplication.instance() is not None
