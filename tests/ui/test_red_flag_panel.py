"""Several red flags collapse into one alert panel that screen readers hear and the keyboard
reaches at once; the check-in stays in view."""

from __future__ import annotations

from typing import ClassVar

import pytest
from fixed_time import TODAY
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

import companion.ui.symptoms.red_flag_panel as panel_module
import companion.ui.widgets.common as common_module


class AccessibilitySpy:
    """Stands in for QAccessible in the modules under test and records the events sent."""

    Event = QAccessible.Event
    Role = QAccessible.Role
    AnnouncementPoliteness = QAccessible.AnnouncementPoliteness
    events: ClassVar[list[tuple[QAccessible.Event, object]]] = []

    @classmethod
    def updateAccessibility(cls, event) -> None:  # type: ignore[no-untyped-def]
        cls.events.append((event.type(), event.object()))


@pytest.fixture
def spy(monkeypatch) -> type[AccessibilitySpy]:  # type: ignore[no-untyped-def]
    AccessibilitySpy.events = []
    monkeypatch.setattr(panel_module, "QAccessible", AccessibilitySpy)
    monkeypatch.setattr(common_module, "QAccessible", AccessibilitySpy)
    return AccessibilitySpy


def test_four_severe_answers_make_one_panel_ordered_by_urgency(window, qtbot, spy) -> None:
    window.services.profile.update(care_team_phone="555 0100", emergency_number="911")
    window.resize(1200, 800)
    for symptom_id in ("fatigue", "nausea", "shortness_of_breath", "diarrhea"):
        window.services.symptoms.set_pinned(symptom_id, True)  # asked every day
    window.show_page("today")
    page = window.page("today")
    page.refresh()
    form = page.checkin
    severe = [key for key in form.rows if key[0] != "fever"]
    assert [symptom for symptom, _ in severe] == [
        "fatigue",
        "nausea",
        "shortness_of_breath",
        "diarrhea",
    ]
    for key in severe:
        row = form.rows[key]
        row.setFocus()
        qtbot.keyClick(row, "4")

    panel = page.red_flags
    assert len(panel.flags) == 4
    assert panel.isVisible()
    urgencies = [flag.urgency for flag in panel.flags]
    order = {"emergency": 0, "now": 1, "today": 2}
    assert urgencies == sorted(urgencies, key=order.__getitem__)
    text = panel.text()
    assert text.count("555 0100") == 1 and text.count("911") == 1
    assert urgencies[0] == "emergency"
    assert text.splitlines()[0] == "Call the emergency number now."
    assert text.splitlines()[1].startswith("Emergency: 911")
    # one line per reason; the explanations wait behind "Why these matter"
    assert [label.isVisible() for label in panel.reason_labels] == [True] * 4
    assert not any(label.isVisible() for label in panel.message_labels)
    assert all(label.accessibleDescription() for label in panel.reason_labels)
    # the form stays in view: the panel takes well under half of the page
    assert panel.height() < page.height() * 0.45
    assert page.scroll_area.viewport().height() > page.height() * 0.45

    qtbot.mouseClick(panel.details_button, Qt.MouseButton.LeftButton)
    assert all(label.isVisible() for label in panel.message_labels)


def test_a_new_flag_is_an_alert_and_takes_the_focus(window, qtbot, spy) -> None:
    window.show_page("today")
    page = window.page("today")
    row = page.checkin.rows[("fever", "presence")]
    row.setFocus()
    qtbot.keyClick(row, "1")
    panel = page.red_flags
    interface = QAccessible.queryAccessibleInterface(panel)
    assert interface.role() == QAccessible.Role.AlertMessage
    assert interface.text(QAccessible.Text.Name).startswith("Warning: Call your care team")
    assert (QAccessible.Event.Alert, panel) in spy.events
    assert any(kind == QAccessible.Event.Announcement for kind, _ in spy.events)
    assert QApplication.focusWidget() is panel.ack_button
    # Enter on the focused button acknowledges; the focus goes back to the questions
    qtbot.keyClick(panel.ack_button, Qt.Key.Key_Return)
    assert panel.isHidden()
    assert window.services.symptoms.day_state(TODAY).flags[0].acknowledged_at is not None
    questions = [page.checkin.overall_row, *page.checkin.rows.values()]
    assert QApplication.focusWidget() in questions


def test_status_lines_are_named_by_their_text(window, qtbot) -> None:
    window.show_page("today")
    form = window.page("today").checkin
    qtbot.mouseClick(form.same_button, Qt.MouseButton.LeftButton)
    assert form.status.text() == "There is no earlier check-in to copy."
    interface = QAccessible.queryAccessibleInterface(form.status)
    assert interface.text(QAccessible.Text.Name) == form.status.text()
