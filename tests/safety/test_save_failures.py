"""Finding 2: a save that did not land must say so (a full disk looked saved)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from companion import crash, errors
from tests.safety.faults import fill, refusing_writes, sqlite_disk_full, tiny_disk


def fill_the_profile(services) -> Exception:  # type: ignore[no-untyped-def]
    """Save notes on earlier days until the (capped) database is full."""
    for offset in range(1, 400):
        try:
            services.symptoms.set_note(date(2025, 1, 1) + timedelta(days=offset), "n" * 3000)
        except errors.DiskFullError as exc:
            return exc
    raise AssertionError("the profile never filled up")


def test_a_service_save_on_a_full_disk_raises_the_projects_own_error(services) -> None:
    day = date(2026, 3, 2)
    services.symptoms.set_note(day, "first")
    with sqlite_disk_full(services.store.engine):
        error = fill_the_profile(services)
        with pytest.raises(errors.DiskFullError):
            services.symptoms.set_note(day, "a much longer note " * 200)
    assert "disk is full" in str(error) and "Traceback" not in str(error)
    assert services.symptoms.day_state(day).note == "first"


def test_a_read_only_database_raises_read_only(services) -> None:
    with refusing_writes(services.store.engine), pytest.raises(errors.ReadOnlyError):
        services.symptoms.set_note(date(2026, 3, 2), "x")


def test_an_answer_that_did_not_land_is_not_shown_as_given(window, qtbot) -> None:
    window.show_page("today")
    form = window.page("today").checkin
    row = next(iter(form.rows.values()))  # the short daily: a yes/no warning sign here
    with refusing_writes(window.services.store.engine):
        qtbot.keyClick(row, "1")
        assert row.value() is None  # the buttons show what is really stored
        assert "Not saved" in form.status.text() and "read-only" in form.status.text()
        assert form._failure_box is not None and form._failure_box.isVisible()
        assert "read-only" in form._failure_box.text()
        form._failure_box.accept()
    assert window.services.symptoms.day_state(form.day()).values() == {}
    qtbot.keyClick(row, "1")
    assert row.value() == 1 and "Saved at" in form.status.text()


def test_the_checkin_shows_a_failed_save_where_it_was_given_and_keeps_the_text(
    window, qtbot
) -> None:
    window.show_page("today")
    form = window.page("today").checkin
    first = next(iter(form.rows.values()))
    qtbot.keyClick(first, "1")
    assert "Saved at" in form.status.text()
    typed = "Tired after the walk, " * 150
    with sqlite_disk_full(window.services.store.engine):
        fill_the_profile(window.services)
        form.note_edit.setFocus()
        form.note_edit.setPlainText(typed)
        form._save_note()
        assert "Not saved" in form.status.text() and "disk is full" in form.status.text()
        assert "Saved at" not in form.status.text()
        assert form.note_edit.toPlainText() == typed  # kept to retry
    assert window.services.symptoms.day_state(form.day()).note == ""
    form._save_note()  # space again: the retry lands
    assert "Saved at" in form.status.text()
    assert window.services.symptoms.day_state(form.day()).note == typed.strip()


def test_a_crash_on_a_full_disk_leaves_no_empty_crash_log(tmp_path: Path) -> None:
    with tiny_disk(tmp_path / "disk", size_kb=64) as disk:
        logs = disk / "logs"
        logs.mkdir()
        fill(disk)
        try:
            raise ZeroDivisionError
        except ZeroDivisionError as exc:
            with pytest.raises(errors.FileWriteError, match="disk is full"):
                crash.write_crash_log(logs, type(exc), exc.__traceback__)
        assert list(logs.glob("crash-*")) == []
        assert list(logs.iterdir()) == []
        assert crash.unseen_crash_logs(logs) == []
