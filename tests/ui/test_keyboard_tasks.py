"""The main tasks with the keyboard alone, counting the keys: a daily check-in, a question
added and its sheet printed, a line of treatment added, a library search. The counts are
printed (pytest -s) for the README and the issue's closing note."""

from __future__ import annotations

from datetime import timedelta

from fixed_time import NOW
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


class Keyboard:
    """Presses keys where the focus is, as a person would, and counts them."""

    def __init__(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.keys = 0  # commands: Tab, Enter, shortcuts, answer digits
        self.typed = 0  # characters of text the person types (a question, a name)

    def press(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        target = QApplication.focusWidget() or QApplication.activeWindow()
        self.qtbot.keyClick(target, key, modifier)
        self.keys += 1

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(QApplication.focusWidget(), text)
        self.typed += len(text)


def _ready(window, qtbot):  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return Keyboard(qtbot)


def test_a_full_daily_checkin_by_keyboard(window, qtbot) -> None:
    window.show_page("today")
    form = window.page("today").checkin
    keys = _ready(window, qtbot)
    rows = list(form.rows.values())
    assert QApplication.focusWidget() is form.overall_row
    keys.press(Qt.Key.Key_1)  # "Same as yesterday", and the focus moves on
    for _row in rows:
        keys.press(Qt.Key.Key_0)  # "0 None/Never/No", and the focus moves on
    keys.press(Qt.Key.Key_D, ALT)  # Done for today
    assert all(row.value() == 0 for row in rows)
    state = window.services.symptoms.day_state(NOW.date())
    assert len(state.values()) == len(rows)
    assert state.compared_with_yesterday == "same" and state.daily_done
    print(f"\nDaily check-in: {len(rows) + 1} questions, {keys.keys} keys")
    assert keys.keys == len(rows) + 2


def test_add_a_question_and_print_the_sheet_by_keyboard(window, qtbot, monkeypatch) -> None:
    visit = window.services.visits.add(NOW + timedelta(days=5), "oncologist")
    keys = _ready(window, qtbot)
    keys.press(Qt.Key.Key_4, CTRL)  # Go ▸ Visits & questions: the next visit is chosen
    page = window.page("visits")
    assert window.current_page() is page and page._visit.id == visit.id
    keys.press(Qt.Key.Key_Q, ALT)  # Your question
    keys.type("Can I travel in March?")
    keys.press(Qt.Key.Key_Return)
    assert [q.text for q in window.services.visits.questions(visit.id)] == [
        "Can I travel in March?"
    ]
    printed: list[bool] = []
    keys.press(Qt.Key.Key_P, CTRL)  # the question sheet in the print preview
    preview = page.preview
    qtbot.waitUntil(preview.isVisible)
    action = preview.print_action
    monkeypatch.setattr(action, "trigger", lambda: printed.append(True))
    assert action.shortcut().toString() == "Ctrl+P"
    keys.keys += 1  # Ctrl+P again prints (the system's print dialog then has its own Enter)
    action.trigger()
    assert printed
    preview.reject()
    print(f"\nQuestion + sheet: {keys.keys} keys and {keys.typed} typed characters")
    assert keys.keys <= 5


def test_add_a_line_of_treatment_by_keyboard(window, qtbot) -> None:
    keys = _ready(window, qtbot)
    keys.press(Qt.Key.Key_3, CTRL)  # Go ▸ Treatments
    page = window.page("treatments")
    keys.press(Qt.Key.Key_L, ALT)  # the Lines tab
    keys.press(Qt.Key.Key_A, ALT)  # Add a line… (a mnemonic clicks after a short animation)
    qtbot.waitUntil(lambda: page.lines_tab.dialog is not None)
    dialog = page.lines_tab.dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    keys.press(Qt.Key.Key_D, ALT)  # Drugs
    keys.type("Enhertu")
    keys.press(Qt.Key.Key_Return)  # adds the drug
    keys.press(Qt.Key.Key_R, ALT)  # Regimen
    keys.press(Qt.Key.Key_Return)  # saves the line
    lines = window.services.treatments.lines.lines()
    assert len(lines) == 1 and lines[0].drugs[0].library_id == "trastuzumab-deruxtecan"
    print(f"\nTreatment line: {keys.keys} keys and {keys.typed} typed characters")


def test_search_the_library_by_keyboard(window, qtbot) -> None:
    keys = _ready(window, qtbot)
    keys.press(Qt.Key.Key_5, CTRL)  # Go ▸ Library
    page = window.page("library")
    keys.press(Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is page.search_box
    keys.type("xeloda")
    qtbot.waitUntil(
        lambda: page.results.count() > 0 and page.results.item(0).text() == "Capecitabine"
    )
    keys.press(Qt.Key.Key_Return)
    assert page.current_link == "entry:capecitabine"
    print(f"\nLibrary search: {keys.keys} keys and {keys.typed} typed characters")
