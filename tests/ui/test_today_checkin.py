"""The daily check-in on the Today page, driven as a user would: keys and clicks."""

from __future__ import annotations

from datetime import date, timedelta

from fixed_time import TODAY
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

PINNED = ("nausea", "fatigue", "hair_loss")


def today_page(window, pinned: tuple[str, ...] = PINNED):  # type: ignore[no-untyped-def]
    for symptom_id in pinned:
        window.services.symptoms.set_pinned(symptom_id, True)
    window.show_page("today")
    page = window.page("today")
    page.refresh()  # as when the page is opened after a change elsewhere
    return page


def saved(window, day: date = TODAY) -> dict:  # type: ignore[no-untyped-def]
    return window.services.symptoms.day_state(day).values()


def test_without_treatment_only_pinned_symptoms_and_fever_are_asked(window) -> None:
    form = today_page(window, pinned=()).checkin
    assert list(form.rows) == [("fever", "presence")]
    form = today_page(window).checkin
    assert list(form.rows) == [
        ("nausea", "severity"),  # one "how bad" question per symptom
        ("fatigue", "severity"),
        ("hair_loss", "amount"),
        ("fever", "presence"),
    ]


def test_a_whole_checkin_by_keyboard_saves_every_answer(window, qtbot) -> None:
    form = today_page(window).checkin
    keys = list(form.rows)
    assert not form.esas_body.isVisible()  # ESAS-r waits for the days before a visit
    order = [form.overall_row, *form.rows.values()]
    assert form.overall_row.hasFocus()
    qtbot.keyClick(form.overall_row, "2")
    for index, row in enumerate(order[1:]):
        assert QApplication.focusWidget() is row
        qtbot.keyClick(row, str((index + 1) % 2))  # fever (the last) "No": no red flag
    assert saved(window) == {key: (index + 1) % 2 for index, key in enumerate(keys)}
    assert window.services.symptoms.day_state(TODAY).compared_with_yesterday == "worse"
    assert form.temperature_edit.hasFocus()
    assert "Saved" in form.status.text()
    assert not form.done_panel.isVisible()
    qtbot.keyClick(form.temperature_edit, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert window.services.symptoms.day_state(TODAY).daily_done
    assert form.done_panel.isVisible() and not form.body.isVisible()
    assert "Answers saved: 4." in form.done_panel.summary.text()


def test_click_to_answer_and_click_again_to_clear(window, qtbot) -> None:
    form = today_page(window).checkin
    row = form.rows[("nausea", "severity")]
    qtbot.mouseClick(row.buttons[3], Qt.MouseButton.LeftButton)
    assert saved(window) == {("nausea", "severity"): 3}
    assert row.buttons[3].isChecked()
    qtbot.mouseClick(row.buttons[3], Qt.MouseButton.LeftButton)
    assert saved(window) == {}


def test_arrow_keys_and_delete(window, qtbot) -> None:
    form = today_page(window).checkin
    row = form.rows[("fatigue", "severity")]
    row.setFocus()
    qtbot.keyClick(row, Qt.Key.Key_Right)
    qtbot.keyClick(row, Qt.Key.Key_Right)
    assert saved(window) == {("fatigue", "severity"): 1}
    qtbot.keyClick(row, Qt.Key.Key_Left)
    assert saved(window) == {("fatigue", "severity"): 0}
    qtbot.keyClick(row, Qt.Key.Key_Delete)
    assert saved(window) == {}
    qtbot.keyClick(row, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is not row


def test_ctrl_z_reverses_the_last_answer_and_ctrl_y_redoes_it(window, qtbot) -> None:
    form = today_page(window).checkin
    first, second = form.rows[("nausea", "severity")], form.rows[("fatigue", "severity")]
    first.setFocus()
    qtbot.keyClick(first, "2")
    qtbot.keyClick(second, "3")
    assert saved(window) == {("nausea", "severity"): 2, ("fatigue", "severity"): 3}
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved(window) == {("nausea", "severity"): 2}
    assert second.value() is None  # the form shows the undone state
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved(window) == {}
    window.redo_action.trigger()
    assert saved(window) == {("nausea", "severity"): 2}
    assert first.value() == 2


def test_red_flag_banner_shows_reason_urgency_and_numbers_then_is_acknowledged(
    window, qtbot
) -> None:
    window.services.profile.update(care_team_phone="+44 20 7946 0000", emergency_number="999")
    page = today_page(window)
    row = page.checkin.rows[("fever", "presence")]
    row.setFocus()
    qtbot.keyClick(row, "1")
    banner = page.red_flags
    assert len(banner.flags) == 1
    assert banner.isVisible()
    text = banner.text()
    assert "Fever or shaking chills: Yes" in text
    assert "Call your care team" in text
    assert "+44 20 7946 0000" in text
    assert "999" in text
    stored = window.services.symptoms.day_state(TODAY).flags
    assert len(stored) == 1
    assert stored[0].acknowledged_at is None
    qtbot.mouseClick(banner.ack_button, Qt.MouseButton.LeftButton)
    assert not banner.flags and banner.isHidden()
    assert window.services.symptoms.day_state(TODAY).flags[0].acknowledged_at is not None
    # the same episode does not bring it back
    qtbot.keyClick(row, "0")
    row.setFocus()
    qtbot.keyClick(row, "1")
    assert not page.red_flags.flags


def test_undoing_the_answer_removes_its_unread_flag(window, qtbot) -> None:
    page = today_page(window)
    row = page.checkin.rows[("fever", "presence")]
    row.setFocus()
    qtbot.keyClick(row, "1")
    assert page.red_flags.flags
    window.undo_action.trigger()
    assert not page.red_flags.flags
    assert window.services.symptoms.day_state(TODAY).is_empty


def test_back_dating_a_missed_day_but_never_the_future(window, qtbot) -> None:
    form = today_page(window).checkin
    assert not form.later_button.isEnabled()
    assert form.date_edit.maximumDate().toPython() == TODAY
    qtbot.mouseClick(form.earlier_button, Qt.MouseButton.LeftButton)
    assert form.day() == TODAY - timedelta(days=1)
    assert form.later_button.isEnabled()
    row = form.rows[("fatigue", "severity")]
    qtbot.mouseClick(row.buttons[2], Qt.MouseButton.LeftButton)
    assert saved(window, TODAY - timedelta(days=1)) == {("fatigue", "severity"): 2}
    assert saved(window) == {}
    qtbot.mouseClick(form.today_button, Qt.MouseButton.LeftButton)
    assert form.day() == TODAY
    assert row.value() is None or form.rows[("fatigue", "severity")].value() is None
    form.set_day(TODAY + timedelta(days=3))  # e.g. a typed date: held at today
    assert form.day() == TODAY


def test_same_as_yesterday_fills_for_review_in_one_undo_step(window, qtbot) -> None:
    symptoms = window.services.symptoms
    yesterday = TODAY - timedelta(days=1)
    symptoms.set_answers(yesterday, {("nausea", "severity"): 2, ("hiccups", "severity"): 1})
    form = today_page(window).checkin
    qtbot.mouseClick(form.rows[("nausea", "severity")].buttons[1], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.same_button, Qt.MouseButton.LeftButton)
    # what was answered today is kept; the rest comes from yesterday, new symptoms included
    assert saved(window) == {("nausea", "severity"): 1, ("hiccups", "severity"): 1}
    assert form.rows[("hiccups", "severity")].value() == 1
    assert "check each answer" in form.status.text()
    window.undo_action.trigger()
    assert saved(window) == {("nausea", "severity"): 1}


def test_add_another_symptom_by_search(window, qtbot) -> None:
    form = today_page(window).checkin

    def pick() -> None:
        dialog = form.findChild(QDialog)
        qtbot.keyClicks(dialog.search, "hiccu")
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick)
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    row = form.rows[("hiccups", "severity")]
    qtbot.waitUntil(row.hasFocus)
    qtbot.keyClick(row, "2")
    assert saved(window) == {("hiccups", "severity"): 2}


def test_pin_keeps_a_symptom_in_the_checkin(window, qtbot) -> None:
    window.services.symptoms.set_answer(TODAY - timedelta(days=2), "hiccups", "severity", 1)
    form = today_page(window, pinned=()).checkin
    qtbot.mouseClick(form.earlier_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.earlier_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.pin_buttons["hiccups"], Qt.MouseButton.LeftButton)
    assert window.services.symptoms.pinned() == ["hiccups"]
    qtbot.mouseClick(form.today_button, Qt.MouseButton.LeftButton)
    assert ("hiccups", "severity") in form.rows


def test_temperature_in_fahrenheit_is_stored_in_celsius_and_checked(window, qtbot) -> None:
    window.services.profile.update(temperature_unit="F")
    page = today_page(window)
    form = page.checkin
    assert form.temperature_unit.text() == "°F"
    form.temperature_edit.setFocus()
    qtbot.keyClicks(form.temperature_edit, "101.3")
    qtbot.keyClick(form.temperature_edit, Qt.Key.Key_Return)
    assert window.services.symptoms.day_state(TODAY).temperature_c == 38.5
    assert form.temperature_edit.text() == "101.3"
    assert "Temperature 38.5 °C" in page.red_flags.text()


def test_bad_measurements_are_kept_marked_and_explained_beside_the_field(window, qtbot) -> None:
    form = today_page(window).checkin
    form.weight_edit.setFocus()
    qtbot.keyClicks(form.weight_edit, "heavy")
    qtbot.keyClick(form.weight_edit, Qt.Key.Key_Return)
    assert "number" in form.weight_error.text() and form.weight_error.isVisible()
    assert form.weight_edit.text() == "heavy"  # kept, to correct
    assert form.weight_edit.property("invalid") is True
    assert form.weight_edit.accessibleDescription() == form.weight_error.text()
    qtbot.keyClick(form.weight_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.weight_edit, "0")
    qtbot.keyClick(form.weight_edit, Qt.Key.Key_Return)
    assert "weight" in form.weight_error.text()
    assert form.weight_edit.text() == "0"
    assert window.services.symptoms.day_state(TODAY).is_empty
    form.temperature_edit.setFocus()
    qtbot.keyClicks(form.temperature_edit, "80")
    qtbot.keyClick(form.temperature_edit, Qt.Key.Key_Return)
    assert "between 30.0 and 45.0" in form.temperature_error.text()
    assert form.temperature_edit.text() == "80"
    # corrected: saved, and the mark goes
    form.weight_edit.setFocus()
    qtbot.keyClick(form.weight_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.weight_edit, "62")
    qtbot.keyClick(form.weight_edit, Qt.Key.Key_Return)
    assert window.services.symptoms.day_state(TODAY).weight_kg == 62
    assert form.weight_error.isHidden() and not form.weight_edit.property("invalid")
    assert form.weight_edit.accessibleDescription() == ""


def test_the_note_is_saved_without_a_save_button(window, qtbot) -> None:
    form = today_page(window).checkin
    form.note_edit.setFocus()
    qtbot.keyClicks(form.note_edit, "Short walk, felt fine.")
    qtbot.keyClick(form.note_edit, Qt.Key.Key_Tab)  # moving on saves it (so does a pause)
    assert window.services.symptoms.day_state(TODAY).note == "Short walk, felt fine."
    window.undo_action.trigger()
    assert form.note_edit.toPlainText() == ""


def test_esas_r_nine_items_by_keyboard(window, qtbot) -> None:
    form = today_page(window).checkin
    assert not form.esas_body.isVisible()  # offered before a visit by default
    form.esas_frequency.setCurrentIndex(form.esas_frequency.findData("weekly"))
    assert form.esas_body.isVisible()  # weekly: due, never answered
    rows = list(form.esas_rows.values())
    assert [r.title for r in rows][:2] == ["Pain", "Tiredness"]
    assert rows[-1].question == "Wellbeing (Wellbeing = how you feel overall)"
    rows[0].setFocus()
    for key in "123456789"[:8] + "+":
        qtbot.keyClick(QApplication.focusWidget(), key)
    values = window.services.symptoms.day_state(TODAY).esas_values()
    assert values["pain"] == 1
    assert values["anxiety"] == 8
    assert values["wellbeing"] == 10
    qtbot.mouseClick(form.esas_toggle, Qt.MouseButton.LeftButton)
    assert not form.esas_body.isVisible()


def test_a_site_rule_raises_an_emergency_banner_with_the_emergency_number_first(
    window, qtbot
) -> None:
    from companion.store.models import MetastasisSite

    with window.services.store.session() as session:
        session.add(MetastasisSite(site_id="bone", found_date=TODAY - timedelta(days=90)))
    window.services.profile.update(care_team_phone="555 0100", emergency_number="112")
    page = today_page(window)
    form = page.checkin
    # a warning sign of bone spread: asked every day without adding it
    row = form.rows[("loss_bladder_bowel_control", "presence")]
    row.setFocus()
    qtbot.keyClick(row, "1")
    assert [f.urgency for f in page.red_flags.flags] == ["emergency"]
    text = page.red_flags.text()
    assert "Call the emergency number now." in text
    assert text.index("Emergency: 112") < text.index("Care team: 555 0100")


def test_nothing_new_today_finishes_the_day_in_one_key(window, qtbot) -> None:
    page = today_page(window)
    form = page.checkin
    assert form.overall_row.hasFocus()
    qtbot.keyClick(form.overall_row, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    state = window.services.symptoms.day_state(TODAY)
    assert state.compared_with_yesterday == "same" and state.daily_done
    assert state.values() == {}  # nothing is made up for the symptoms
    assert form.done_panel.isVisible() and not form.body.isVisible()
    assert "Nothing new today." in form.done_panel.summary.text()
    window.undo_action.trigger()  # one undo step brings the questions back
    assert window.services.symptoms.day_state(TODAY).is_empty
    assert form.body.isVisible()


def test_today_says_done_when_the_patient_comes_back(window, qtbot) -> None:
    window.services.symptoms.set_overall(TODAY, "better")
    window.services.symptoms.set_answer(TODAY, "nausea", "severity", 1)
    window.services.symptoms.set_daily_done(TODAY, True)
    form = today_page(window).checkin  # as when the app is opened again
    assert form.done_panel.isVisible() and not form.body.isVisible()
    assert form.done_panel.title.text() == "✓ Done for today"
    assert "better than yesterday" in form.done_panel.summary.text()
    assert form.done_panel.change_button.hasFocus()
    qtbot.keyClick(form.done_panel.change_button, Qt.Key.Key_Space)
    assert form.body.isVisible()
    assert form.rows[("nausea", "severity")].value() == 1
    assert form.overall_row.answer() == "better"
    qtbot.mouseClick(form.earlier_button, Qt.MouseButton.LeftButton)  # another day: not done
    assert form.body.isVisible() and not form.done_panel.isVisible()
