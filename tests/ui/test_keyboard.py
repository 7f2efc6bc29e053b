"""Keyboard details: mnemonics that work and never show, Enter on buttons, Tab that never
changes what is chosen, a suggestion list that closes after a choice."""

from __future__ import annotations

import re
from datetime import timedelta

from fixed_time import NOW
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

ALT = Qt.KeyboardModifier.AltModifier


def test_measurement_mnemonics_move_the_focus_and_never_show(window, qtbot) -> None:
    window.show_page("today")
    form = window.page("today").checkin
    shown = [label.text() for label in form.findChildren(QLabel) if label.buddy() is not None]
    assert "Te&mperature (optional)" in shown  # drawn as "Temperature" with M underlined
    for label in form.findChildren(QLabel):
        if re.search(r"&[^&\s]", label.text()):  # a mnemonic, not "Numbness & tingling"
            assert label.buddy() is not None, label.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_M, ALT)
    assert QApplication.focusWidget() is form.temperature_edit
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W, ALT)
    assert QApplication.focusWidget() is form.weight_edit


def test_go_menu_shows_page_names_as_written(window) -> None:
    go_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Go")
    names = [action.text().replace("&&", "&") for action in go_menu.actions()]
    assert "Visits & questions" in names


def test_tab_through_past_visits_does_not_choose_one(window, qtbot) -> None:
    visits = window.services.visits
    now = NOW
    upcoming = visits.add(now + timedelta(days=3), "nurse")
    visits.add(now - timedelta(days=20), "oncologist")
    window.show_page("visits")
    page = window.page("visits")
    assert page._visit is not None and page._visit.id == upcoming.id
    page.upcoming_list.setFocus()
    qtbot.keyClick(page.upcoming_list, Qt.Key.Key_Tab)  # into Past visits
    assert QApplication.focusWidget() is page.past_list
    qtbot.keyClick(page.past_list, Qt.Key.Key_Tab)  # and on
    assert page._visit.id == upcoming.id
    # the arrow keys do choose
    page.past_list.setFocus()
    qtbot.keyClick(page.past_list, Qt.Key.Key_Down)
    assert page._visit.id != upcoming.id


def test_enter_on_a_focused_button_activates_it(window, qtbot) -> None:
    window.show_page("today")
    form = window.page("today").checkin
    form.esas_toggle.setFocus()
    shown = form.esas_body.isVisible()
    qtbot.keyClick(form.esas_toggle, Qt.Key.Key_Return)
    assert form.esas_body.isVisible() is not shown


def test_drug_suggestion_list_closes_after_a_choice(window, qtbot) -> None:
    window.show_page("treatments")
    tab = window.page("treatments").lines_tab
    window.page("treatments").show_tab("lines")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    entry = dialog.drugs.entry
    entry.setFocus()
    qtbot.keyClicks(entry, "Enher")
    popup = entry.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert [dialog.drugs.list.item(i).text() for i in range(dialog.drugs.list.count())] == [
        "Trastuzumab deruxtecan"
    ]
    assert entry.text() == ""
    # Alt+D on the "Drugs" label lands in the drug entry
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.regimen.setFocus()
    qtbot.keyClick(dialog.regimen, Qt.Key.Key_D, ALT)
    assert QApplication.focusWidget() is entry
    dialog.reject()
