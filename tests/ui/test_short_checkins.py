"""The demo's check-ins as a patient does them: the daily with keys only (counted), the
weekly PRO-CTCAE with its branching, "Worse this week", and the weekly day in Settings."""

from __future__ import annotations

import time
from datetime import timedelta

from fixed_time import TODAY
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

DAILY_KEY_LIMIT = 12


def open_today(window):  # type: ignore[no-untyped-def]
    window.show_page("today")
    page = window.page("today")
    page.refresh()
    return page


def test_the_demos_daily_check_in_by_keys_only_in_at_most_12_keystrokes(demo_window, qtbot) -> None:
    page = open_today(demo_window)
    form = page.checkin
    keystrokes = 0

    def press(key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
        nonlocal keystrokes
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)
        keystrokes += 1  # a key, or a key with its modifier held, counts as one

    started = time.perf_counter()
    assert QApplication.focusWidget() is form.overall_row  # the first question has the focus
    press("1")  # the same as yesterday
    questions = list(form.rows)
    # pinned + the warning signs of the current medicines, one question each
    assert questions == demo_window.services.symptoms.plan.daily_questions(TODAY)
    assert 1 <= len(questions) <= 8
    assert ("fever", "presence") in questions and ("numbness_tingling", "severity") in questions
    for _ in questions:
        press("0")  # each answer moves on to the next question
    assert QApplication.focusWidget() is form.temperature_edit
    press(Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # Done for today
    seconds = time.perf_counter() - started

    state = demo_window.services.symptoms.day_state(TODAY)
    assert state.compared_with_yesterday == "same"
    assert state.values() == dict.fromkeys(questions, 0)
    assert state.daily_done
    assert form.done_panel.isVisible()
    assert keystrokes <= DAILY_KEY_LIMIT
    print(f"\ndaily check-in: {keystrokes} keystrokes, {seconds:.2f} s of app time")


def test_the_weekly_check_in_branches_and_shows_what_got_worse(demo_window, qtbot) -> None:
    demo_window.services.symptoms.set_pinned("nausea", True)  # pinned: always in the weekly
    page = open_today(demo_window)
    card = page.weekly
    assert card.worse_label.text() == "Worse this week: diarrhea (frequency 1 → 3)"
    assert "Due today" in card.due_label.text()  # the demo's treatment day is today
    qtbot.mouseClick(card.start_button, Qt.MouseButton.LeftButton)
    assert card.body.isVisible()
    nausea = [card.rows[("nausea", a)] for a in ("frequency", "severity")]
    assert nausea[0].question == "In the last 7 days, how often did you have nausea?"
    assert nausea[0].words[0] == "Never" and nausea[1].words[0] == "None"
    assert nausea[0].objectName() == "9A" and nausea[1].objectName() == "9B"
    assert all(r.question.startswith("In the last 7 days") for r in card.rows.values())

    keystrokes = 0
    started = time.perf_counter()
    first = card.visible_rows()[0]
    assert QApplication.focusWidget() is first
    while QApplication.focusWidget() in card.visible_rows():
        row = QApplication.focusWidget()
        qtbot.keyClick(row, "0")  # Never / None / Not at all: skips the item's other questions
        keystrokes += 1
    values = demo_window.services.symptoms.day_state(TODAY).weekly_values()
    asked = {s for s, _a in card.rows}
    assert {s for s, _a in values} == asked  # one answer per item ...
    assert len(values) == len(asked) == keystrokes  # ... because each 0 skipped the rest
    assert not card.rows[("nausea", "severity")].isVisible()
    seconds = time.perf_counter() - started
    print(f"\nweekly check-in (all 'never'): {keystrokes} keystrokes, {seconds:.2f} s")

    # Frequency "Often" brings the item's next question back; "Never" again clears it.
    card.rows[("nausea", "frequency")].setFocus()
    qtbot.keyClick(card.rows[("nausea", "frequency")], "3")
    assert card.rows[("nausea", "severity")].isVisible()
    assert QApplication.focusWidget() is card.rows[("nausea", "severity")]
    qtbot.keyClick(card.rows[("nausea", "severity")], "2")
    saved = demo_window.services.symptoms.day_state(TODAY).weekly_values()
    assert saved[("nausea", "frequency")] == 3 and saved[("nausea", "severity")] == 2
    card.rows[("nausea", "frequency")].setFocus()
    qtbot.keyClick(card.rows[("nausea", "frequency")], "0")
    saved = demo_window.services.symptoms.day_state(TODAY).weekly_values()
    assert ("nausea", "severity") not in saved
    assert "Done this week" in card.due_label.text()
    # the daily answers of the same day are untouched
    assert demo_window.services.symptoms.day_state(TODAY).values() == {}


def test_the_weekly_day_is_chosen_in_settings(demo_window, qtbot) -> None:
    yesterday = TODAY - timedelta(days=1)
    demo_window.services.symptoms.set_answer(yesterday, "nausea", "frequency", 0, 7)
    page = open_today(demo_window)
    settings_page = demo_window.page("settings")
    section = settings_page.sections.itemAt(0).widget()
    assert section.combo.currentData() == -1  # the treatment day by default
    assert "My treatment day" in section.combo.currentText()
    other = (TODAY.weekday() + 2) % 7
    section.combo.setCurrentIndex(section.combo.findData(other))
    assert "Next one on" in page.weekly.due_label.text()  # done yesterday, within that week
    section.combo.setCurrentIndex(section.combo.findData(TODAY.weekday()))
    assert "Due today" in page.weekly.due_label.text()
