"""Backups, restores and moves to another computer run on a worker thread: the window keeps
answering, a swap of the profile holds every input, and the old profile's undo steps go."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

import companion.app as app_module
from companion.errors import DiskFullError
from companion.store import backup_shelf as shelf


def heartbeat(window) -> list[float]:  # type: ignore[no-untyped-def]
    """Times at which a 10 ms timer on the GUI thread fired."""
    beats: list[float] = []
    timer = QTimer(window)
    timer.setInterval(10)
    timer.timeout.connect(lambda: beats.append(time.monotonic()))
    timer.start()
    return beats


def slowly(work, seen: list[str], spans: list[tuple[float, float]]):  # type: ignore[no-untyped-def]
    """work, half a second slower; records its thread and when it ran."""

    def run(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(threading.current_thread().name)
        began = time.monotonic()
        time.sleep(0.5)
        try:
            return work(*args, **kwargs)
        finally:
            spans.append((began, time.monotonic()))

    return run


def beats_during(beats: list[float], spans: list[tuple[float, float]]) -> int:
    """How often the GUI thread's timer fired while the work ran: none if it ran there
    (the work takes half a second; a loaded machine may still delay some beats)."""
    (began, ended), *_ = spans
    return sum(began < beat < ended for beat in beats)


def test_back_up_now_leaves_the_window_answering(demo_window, qtbot, monkeypatch) -> None:
    backups = demo_window.services.backups
    threads: list[str] = []
    spans: list[tuple[float, float]] = []
    monkeypatch.setattr(backups, "back_up_now", slowly(backups.back_up_now, threads, spans))
    demo_window.show_page("settings")
    section = demo_window.page("settings").backups_section
    beats = heartbeat(demo_window)
    qtbot.mouseClick(section.backup_button, Qt.MouseButton.LeftButton)
    assert section.tasks.isVisible() and not section.backup_button.isEnabled()
    assert not section.tasks.cancel_button.isVisible()  # a backup cannot stop half-way
    qtbot.waitUntil(lambda: "Backup saved" in section.message.text(), timeout=20_000)
    assert threads and threads[0] != threading.main_thread().name
    assert beats_during(beats, spans) >= 3  # the GUI thread kept running meanwhile
    assert section.backup_button.isEnabled() and section.tasks.isHidden()


def test_a_restore_holds_the_window_and_forgets_the_old_undo_steps(
    demo_window, qtbot, monkeypatch
) -> None:
    services = demo_window.services
    services.backups.back_up_now()
    symptoms = demo_window.page("symptoms")
    demo_window.show_page("symptoms")
    symptoms.select_row(0)
    symptoms.delete_selected()
    assert demo_window.undo_stack.canUndo()
    threads: list[str] = []
    spans: list[tuple[float, float]] = []
    slow_restore = slowly(services.backups.restore, threads, spans)
    monkeypatch.setattr(services.backups, "restore", slow_restore)
    demo_window.show_page("settings")
    section = demo_window.page("settings").backups_section
    section.refresh()
    section.confirm = lambda _entry: True
    qtbot.mouseClick(section.restore_button, Qt.MouseButton.LeftButton)
    box = QApplication.activeModalWidget()
    assert isinstance(box, QProgressDialog) and demo_window.held
    assert "Restoring" in box.labelText()
    qtbot.waitUntil(lambda: "Restored" in section.message.text(), timeout=20_000)
    assert threads and threads[0] != threading.main_thread().name
    assert not demo_window.held and QApplication.activeModalWidget() is None
    assert not demo_window.undo_stack.canUndo()  # its steps were for the replaced profile


def test_the_daily_backup_is_made_off_the_gui_thread(demo_window, qtbot, monkeypatch) -> None:
    backups = demo_window.services.backups
    threads: list[str] = []
    spans: list[tuple[float, float]] = []
    monkeypatch.setattr(backups, "daily_if_due", slowly(backups.daily_if_due, threads, spans))
    monkeypatch.setattr(app_module, "BACKUP_DELAY_MS", 0)
    beats = heartbeat(demo_window)
    worker = app_module.keep_daily_backups(demo_window)
    qtbot.waitUntil(lambda: bool(threads), timeout=10_000)
    qtbot.waitUntil(lambda: not worker.pending, timeout=10_000)
    assert threads[0] != threading.main_thread().name
    assert beats_during(beats, spans) >= 3
    made = shelf.list_backups(demo_window.services.store.paths)
    assert [entry.kind for entry in made] == [shelf.DAILY]


def test_a_daily_backup_that_fails_is_said_in_the_status_bar(
    demo_window, qtbot, monkeypatch
) -> None:
    def full(*_args: object) -> None:
        raise DiskFullError("The disk is full.")

    monkeypatch.setattr(demo_window.services.backups, "daily_if_due", full)
    monkeypatch.setattr(app_module, "BACKUP_DELAY_MS", 0)
    app_module.keep_daily_backups(demo_window)
    qtbot.waitUntil(lambda: "could not be made" in demo_window.statusBar().currentMessage())
    assert "disk is full" in demo_window.statusBar().currentMessage()
