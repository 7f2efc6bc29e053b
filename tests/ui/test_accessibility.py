"""Roles screen readers get for our own widgets: answers are radio buttons in a group."""

from __future__ import annotations

from PySide6.QtGui import QAccessible


def test_answer_buttons_are_radio_buttons_in_a_named_group(window, qtbot) -> None:
    window.show_page("today")
    window.services.symptoms.set_pinned("fatigue", True)
    window.page("today").refresh()
    row = window.page("today").checkin.rows[("fatigue", "severity")]
    group = QAccessible.queryAccessibleInterface(row)
    assert group.role() == QAccessible.Role.Grouping
    assert row.question in group.text(QAccessible.Text.Name)
    row.setFocus()
    qtbot.keyClick(row, "2")
    states = []
    for button in row.buttons:
        interface = QAccessible.queryAccessibleInterface(button)
        assert interface.role() == QAccessible.Role.RadioButton
        assert interface.text(QAccessible.Text.Name)
        states.append(bool(interface.state().checked))
    assert states == [False, False, True, False, False]
