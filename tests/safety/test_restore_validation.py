"""Finding 4: restore accepted bad backups and replaced the profile before finding out."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from companion.services import Services
from tests.safety.conftest import digest, folder_digest


@pytest.fixture
def good_backup(demo_dir: Path, tmp_path: Path, cli) -> Path:  # type: ignore[no-untyped-def]
    target = tmp_path / "good.sqlite"
    assert cli("--data-dir", str(demo_dir), "backup", "-o", str(target))[0] == 0
    return target


def _altered(good: Path, tmp_path: Path, sql: str) -> Path:
    bad = tmp_path / "altered.sqlite"
    bad.write_bytes(good.read_bytes())
    with sqlite3.connect(bad) as db:
        db.executescript(sql)
    db.close()
    return bad


HOSTILE: dict[str, tuple[str, str]] = {
    "newer schema": ("UPDATE alembic_version SET version_num='9999_future';", "newer version"),
    "no version row": ("DELETE FROM alembic_version;", "not a HER2 Companion backup"),
    "a dropped table": ("PRAGMA foreign_keys=OFF; DROP TABLE biopsy;", "missing"),
    "an extra column": ("ALTER TABLE profile ADD COLUMN spy TEXT;", "not as the app makes it"),
    "a view": ("CREATE VIEW everything AS SELECT * FROM profile;", "unexpected view"),
    # A schema text that is no longer valid UTF-8 (a flipped byte the integrity check passes;
    # found by the hypothesis flipped-bytes property).
    "schema text not UTF-8": (
        "PRAGMA writable_schema=ON; UPDATE sqlite_master SET sql = sql || CAST(X'FF' AS TEXT) "
        "WHERE name = 'visit_question';",
        "cannot be read as a profile",
    ),
    "a trigger deleting check-ins": (
        "CREATE TRIGGER wipe AFTER INSERT ON symptom_answer "
        "BEGIN DELETE FROM checkin WHERE id <> NEW.checkin_id; END;",
        "unexpected trigger",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_restore_refuses_a_bad_backup_and_changes_nothing(
    demo_dir: Path, good_backup: Path, tmp_path: Path, cli, case: str
) -> None:
    sql, words = HOSTILE[case]
    bad = _altered(good_backup, tmp_path, sql)
    before = folder_digest(demo_dir)
    status, _, err = cli("--data-dir", str(demo_dir), "restore", str(bad))
    assert status == 1, case
    assert words in err and "Nothing was changed" in err and err.count("\n") == 1
    assert folder_digest(demo_dir) == before
    assert not list(demo_dir.glob("*.restoring")) and not list(demo_dir.glob(".*restoring*"))


def test_a_good_backup_is_restored_and_the_current_profile_kept(
    demo_dir: Path, good_backup: Path, cli
) -> None:
    services = Services.open(demo_dir)
    services.symptoms.set_note(date(2026, 1, 5), "written after the backup")
    services.close()
    status, out, err = cli("--data-dir", str(demo_dir), "restore", str(good_backup))
    assert status == 0, err
    kept = Path(out.split("kept as ")[1].strip())
    with sqlite3.connect(kept) as db:
        notes = [r[0] for r in db.execute("SELECT note FROM checkin")]
    db.close()
    assert "written after the backup" in notes
    services = Services.open(demo_dir)
    assert services.symptoms.day_state(date(2026, 1, 5)).note == ""
    services.close()


def test_restore_replaces_an_unreadable_profile_and_keeps_it_byte_for_byte(
    demo_dir: Path, good_backup: Path, cli
) -> None:
    database = demo_dir / "profile.sqlite"
    for side in ("-wal", "-shm"):
        Path(str(database) + side).unlink(missing_ok=True)
    damaged = b"SQLite format 3\x00" + b"\x5a" * 40000
    database.write_bytes(damaged)
    status, out, err = cli("--data-dir", str(demo_dir), "restore", str(good_backup))
    assert status == 0, err
    kept = Path(out.split("kept as ")[1].strip())
    assert kept.read_bytes() == damaged
    assert cli("--data-dir", str(demo_dir), "check")[0] == 0


def test_the_trigger_backup_cannot_reach_the_log(
    demo_dir: Path, good_backup: Path, tmp_path: Path, cli
) -> None:
    """The issue's case: with the trigger inside, one new answer emptied the log."""
    sql, _ = HOSTILE["a trigger deleting check-ins"]
    bad = _altered(good_backup, tmp_path, sql)
    cli("--data-dir", str(demo_dir), "restore", str(bad))
    services = Services.open(demo_dir)
    before = len(services.symptoms.history.day_states(None, None))
    services.symptoms.set_answer(date(2026, 1, 6), "fatigue", "severity", 1)
    assert len(services.symptoms.history.day_states(None, None)) >= before
    services.close()


def test_checking_a_backup_does_not_change_it(good_backup: Path, demo_dir: Path, cli) -> None:
    before = digest(good_backup)
    assert cli("--data-dir", str(demo_dir), "restore", str(good_backup))[0] == 0
    assert digest(good_backup) == before
