"""Finding 10 (first part): automatic verified backups, the keeping rules, Settings and CLI."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from companion.paths import ProfilePaths
from companion.services import Services
from companion.store import backup_shelf as shelf
from companion.store.backup import integrity_problems


def test_a_daily_backup_is_made_once_a_day_and_checked(demo_dir: Path) -> None:
    services = Services.open(demo_dir)
    try:
        first = services.backups.daily_if_due()
        assert first is not None and integrity_problems(first) == []
        assert services.backups.daily_if_due() is None  # one a day
        assert first.stat().st_mode & 0o077 == 0
    finally:
        services.close()


def _fake_daily(paths: ProfilePaths, moment: datetime, source: Path) -> None:
    paths.backups.mkdir(exist_ok=True)
    target = paths.backups / f"daily-{moment.strftime('%Y%m%dT%H%M%S%fZ')}.sqlite"
    target.write_bytes(source.read_bytes())


def test_14_daily_and_8_weekly_backups_are_kept(demo_dir: Path, tmp_path: Path) -> None:
    paths = ProfilePaths(demo_dir)
    sample = tmp_path / "sample.sqlite"
    sample.write_bytes(b"x")
    now = datetime(2026, 6, 30, 12, tzinfo=UTC)
    for days_ago in range(120):
        _fake_daily(paths, now - timedelta(days=days_ago), sample)
    (paths.backups / "backup-20200101T000000000000Z.sqlite").write_bytes(b"by hand")
    shelf.prune(paths, now)
    kept = shelf.list_backups(paths)
    daily = [e for e in kept if e.kind == shelf.DAILY]
    days = {e.made_at.date() for e in daily}
    assert {now.date() - timedelta(days=i) for i in range(14)} <= days
    weeks = {e.made_at.date().isocalendar()[:2] for e in daily}
    assert len(weeks) == 8
    assert len(daily) <= 14 + 8
    assert any(e.kind == shelf.BY_HAND for e in kept)  # never removed


def test_leftovers_are_never_listed(demo_dir: Path) -> None:
    paths = ProfilePaths(demo_dir)
    paths.backups.mkdir(exist_ok=True)
    (paths.backups / ".daily-20260101T000000000000Z.sqlite.abc.partial").write_bytes(b"x")
    assert shelf.list_backups(paths) == []


def test_cli_backup_list_and_restore_share_the_shelf(demo_dir: Path, cli) -> None:
    assert cli("--data-dir", str(demo_dir), "backup")[0] == 0
    status, out, _ = cli("--data-dir", str(demo_dir), "backup", "--list")
    assert status == 0
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1 and "backup-" in lines[0]
    path = lines[0].split()[-1]
    status, out, err = cli("--data-dir", str(demo_dir), "restore", path)
    assert status == 0, err


def test_settings_lists_backups_and_restores_one(demo_window, qtbot) -> None:
    services = demo_window.services
    day = date(2026, 1, 9)
    made = services.backups.back_up_now()
    services.symptoms.set_note(day, "typed after the backup")
    demo_window.show_page("settings")
    section = demo_window.page("settings").backups_section
    section.refresh()
    assert section.list.count() >= 1
    assert section.chosen() is not None and section.chosen().path == made
    section.confirm = lambda _entry: True
    qtbot.mouseClick(section.restore_button, Qt.MouseButton.LeftButton)
    assert demo_window.held  # nothing can be typed while the file is swapped
    qtbot.waitUntil(lambda: "Restored" in section.message.text(), timeout=20_000)
    assert not demo_window.held and not section.busy
    assert services.symptoms.day_state(day).note == ""  # the restored profile is read
    aside = [e for e in services.backups.list() if e.kind == shelf.REPLACED]
    assert len(aside) == 1
    with sqlite3.connect(aside[0].path) as db:
        notes = [r[0] for r in db.execute("SELECT note FROM checkin")]
    db.close()
    assert "typed after the backup" in notes


def test_damage_at_start_offers_the_newest_good_backup_in_one_click(demo_dir: Path, qtbot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from companion.errors import DamagedProfileError
    from companion.store import Store
    from companion.ui.damage_dialog import offer_recovery

    paths = ProfilePaths(demo_dir)
    services = Services.open(demo_dir)
    good = services.backups.back_up_now()
    services.close()
    database = paths.database
    for side in ("-wal", "-shm"):
        Path(str(database) + side).unlink(missing_ok=True)
    data = bytearray(database.read_bytes())
    data[4096 * 3 : 4096 * 3 + 300] = b"\xa5" * 300
    database.write_bytes(bytes(data))
    damaged = bytes(data)
    try:
        Store.open(demo_dir)
        raise AssertionError("a damaged profile opened")
    except DamagedProfileError as exc:
        problem = str(exc)
    assert "newest good backup" in problem
    seen: list[str] = []

    def click_restore() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        shown = [b for b in boxes if b.isVisible()]
        if not shown:  # checking the backups can take a while on a busy machine
            QTimer.singleShot(100, click_restore)
            return
        seen.append(shown[0].informativeText())
        restore = next(b for b in shown[0].buttons() if "Restore the backup" in b.text())
        restore.click()

    QTimer.singleShot(100, click_restore)
    assert offer_recovery(paths, problem)
    assert seen and "Entries made after it" in seen[0]
    assert integrity_problems(database) == []
    kept = [e for e in shelf.list_backups(paths) if not e.readable]
    assert len(kept) == 1 and kept[0].path.read_bytes() == damaged
    assert good.exists()
    Store.open(demo_dir).close()


def test_settings_moves_a_profile_to_another_computer_and_back(
    demo_window, qtbot, tmp_path: Path
) -> None:
    services = demo_window.services
    day = date(2026, 1, 9)
    demo_window.show_page("settings")
    section = demo_window.page("settings").backups_section
    archive = tmp_path / "for the new laptop.zip"
    section.choose_save_path = lambda: archive
    qtbot.mouseClick(section.export_archive_button, Qt.MouseButton.LeftButton)
    assert section.busy and not demo_window.held  # saving a copy leaves the window usable
    qtbot.waitUntil(lambda: "Saved to" in section.message.text(), timeout=20_000)
    assert archive.is_file()

    services.symptoms.set_note(day, "typed after the archive")
    section.choose_open_path = lambda: archive
    section.confirm_import = lambda _source: True
    qtbot.mouseClick(section.import_archive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Brought in" in section.message.text(), timeout=20_000)
    assert services.symptoms.day_state(day).note == ""  # the archived profile is read
    aside = [e for e in services.backups.list() if e.kind == shelf.REPLACED]
    assert aside, "the profile as it was is kept"


def test_a_file_that_is_not_an_archive_changes_nothing(demo_window, qtbot, tmp_path: Path) -> None:
    services = demo_window.services
    day = date(2026, 1, 9)
    services.symptoms.set_note(day, "kept")
    demo_window.show_page("settings")
    section = demo_window.page("settings").backups_section
    bogus = tmp_path / "holiday photos.zip"
    bogus.write_bytes(b"not a profile at all")
    section.choose_open_path = lambda: bogus
    section.confirm_import = lambda _source: True
    qtbot.mouseClick(section.import_archive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not section.busy, timeout=20_000)
    assert not demo_window.held
    assert section.message.property("error") is True
    assert "Nothing was changed" in section.message.text()
    assert services.symptoms.day_state(day).note == "kept"


def test_the_patient_chooses_how_many_backups_are_kept(demo_window, qtbot, monkeypatch) -> None:
    import companion.app as app_module

    demo_window.show_page("settings")
    section = demo_window.page("settings").backups_section
    assert "14 days and 8 weeks" in section.explanation.text()
    section.daily_kept.setFocus()
    section.daily_kept.selectAll()
    qtbot.keyClicks(section.daily_kept, "3")
    section.weekly_kept.selectAll()
    qtbot.keyClicks(section.weekly_kept, "0")
    assert "3 days and 0 weeks" in section.explanation.text()
    assert demo_window.settings.value("backups/daily_kept") in (3, "3")

    paths = ProfilePaths(demo_window.services.store.paths.root)
    now = demo_window.services.clock.now()
    sample = paths.backups / "sample.sqlite"
    paths.backups.mkdir(exist_ok=True)
    sample.write_bytes(b"x")
    for days_ago in range(1, 30):
        _fake_daily(paths, now - timedelta(days=days_ago), sample)
    sample.unlink()
    monkeypatch.setattr(app_module, "BACKUP_DELAY_MS", 0)
    app_module.keep_daily_backups(demo_window)
    daily = lambda: [e for e in shelf.list_backups(paths) if e.kind == shelf.DAILY]  # noqa: E731
    qtbot.waitUntil(lambda: len(daily()) == 3, timeout=10_000)
