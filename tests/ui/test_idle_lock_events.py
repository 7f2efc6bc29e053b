"""The idle lock listens to the app's input only while a lock time is set."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMainWindow

from companion.ui.idle_lock import IdleLock


def test_typing_restarts_the_countdown_only_while_a_lock_is_set(qtbot) -> None:
    window = QMainWindow()
    field = QLineEdit()
    window.setCentralWidget(field)
    qtbot.addWidget(window)
    window.show()
    lock = IdleLock(window, lambda _password: None, 0, milliseconds_per_minute=2_000)
    # No lock: the app-wide filter (a Python call for every event of every widget) is off.
    assert not lock._watching
    qtbot.keyClick(field, Qt.Key.Key_A)
    assert not lock.timer.isActive()

    lock.set_minutes(1)
    assert lock._watching
    qtbot.wait(600)
    assert lock.timer.remainingTime() < 1_600
    qtbot.keyClick(field, Qt.Key.Key_B)
    assert lock.timer.remainingTime() > 1_800  # the key press started the countdown again

    lock.set_minutes(0)
    assert not lock._watching and not lock.timer.isActive()
    lock.set_minutes(0)  # twice: still fine
    assert not lock._watching
