"""Finding 5: damage SQLite can still open is found by a full check after the start."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import companion.app as app_module
from companion.services import Services
from companion.store.backup import integrity_problems


def test_the_full_check_finds_damage_the_quick_one_lets_through(demo_dir: Path) -> None:
    services = Services.open(demo_dir)
    try:
        assert services.backups.full_check() == []
    finally:
        services.close()
    database = demo_dir / "profile.sqlite"
    for side in ("-wal", "-shm"):
        Path(str(database) + side).unlink(missing_ok=True)
    # Two indexes swap their pages: the tables no longer match their indexes. The file
    # still opens and the quick check (what the start runs) does not read index contents.
    db = sqlite3.connect(database)
    rows = db.execute(
        "SELECT name, rootpage FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    ).fetchall()
    (first, first_page), (second, second_page) = rows[0], rows[-1]
    db.execute("PRAGMA writable_schema = ON")
    db.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = ?", (second_page, first))
    db.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = ?", (first_page, second))
    db.commit()
    db.close()
    assert integrity_problems(database, quick=True) == []
    services = Services.open(demo_dir)
    try:
        assert services.backups.full_check() != []
    finally:
        services.close()


def test_damage_found_after_the_start_is_said_with_the_way_to_the_backups(
    demo_window, qtbot, monkeypatch
) -> None:
    monkeypatch.setattr(app_module, "FULL_CHECK_DELAY_MS", 0)
    monkeypatch.setattr(
        demo_window.services.backups, "full_check", lambda: ["row 3 missing from index"]
    )
    app_module.check_fully_in_the_background(demo_window)
    qtbot.waitUntil(lambda: getattr(demo_window, "damage_box", None) is not None, timeout=5000)
    box = demo_window.damage_box
    assert box.isVisible() and "Nothing was changed" in box.text()
    show = next(b for b in box.buttons() if b.text() == "Show my backups")
    show.click()
    assert demo_window.current_page() is demo_window.page("settings")


def test_a_healthy_profile_says_nothing(demo_window, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(app_module, "FULL_CHECK_DELAY_MS", 0)
    checked: list[bool] = []

    def check() -> list[str]:
        checked.append(True)
        return []

    monkeypatch.setattr(demo_window.services.backups, "full_check", check)
    app_module.check_fully_in_the_background(demo_window)
    qtbot.waitUntil(lambda: checked == [True], timeout=5000)
    qtbot.wait(700)  # past the next poll
    assert getattr(demo_window, "damage_box", None) is None
