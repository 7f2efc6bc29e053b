"""Long notes: a counter, and a paste over the limit is kept up to the limit."""

from __future__ import annotations

from fixed_time import TODAY
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from companion.symptoms.checkin_writes import MAX_NOTE_CHARS


def test_a_long_paste_is_kept_up_to_the_limit_with_a_counter(window, qtbot) -> None:
    window.show_page("today")
    form = window.page("today").checkin
    form.note_edit.setFocus()
    qtbot.keyClicks(form.note_edit, "Tired")
    assert form.note_counter.text() == f"5 of {QLocale().toString(MAX_NOTE_CHARS)} characters"
    QApplication.clipboard().setText("x" * 10_000)
    qtbot.keyClick(form.note_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(form.note_edit.toPlainText()) == MAX_NOTE_CHARS
    assert "the rest was not kept" in form.note_counter.text()
    assert form.note_edit.accessibleDescription() == form.note_counter.text()
    qtbot.keyClick(form.note_edit, Qt.Key.Key_Tab)  # leaving the note saves it
    assert len(window.services.symptoms.day_state(TODAY).note) == MAX_NOTE_CHARS
