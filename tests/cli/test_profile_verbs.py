from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import CliRunner


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def profile(tmp_path: Path, cli: CliRunner) -> Path:
    folder = tmp_path / "p"
    assert cli("demo", "--into", str(folder))[0] == 0
    return folder


def test_module_entry_point_prints_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "companion", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    for verb in ("check", "backup", "restore", "demo", "export", "import"):
        assert verb in result.stdout


@pytest.mark.parametrize("verb", ["check", "backup", "restore", "demo"])
def test_every_verb_has_help(cli: CliRunner, verb: str) -> None:
    status, out, _ = cli(verb, "--help")
    assert status == 0
    assert "usage: companion" in out


def test_check_reports_a_healthy_profile(cli: CliRunner, profile: Path) -> None:
    before = digest(profile / "profile.sqlite")
    status, out, _ = cli("--data-dir", str(profile), "check")
    assert status == 0
    assert "healthy" in out
    assert digest(profile / "profile.sqlite") == before


def test_check_finds_damage(cli: CliRunner, profile: Path) -> None:
    database = profile / "profile.sqlite"
    for side in ("profile.sqlite-wal", "profile.sqlite-shm"):
        (profile / side).unlink(missing_ok=True)
    data = bytearray(database.read_bytes())
    data[4096 * 2 : 4096 * 2 + 200] = b"\xff" * 200  # scribble over a table page
    database.write_bytes(bytes(data))
    status, out, err = cli("check", "--data-dir", str(profile))
    assert status == 1
    assert "Problem" in out or "not a readable" in out
    assert "Traceback" not in err and err.count("\n") == 1


def test_check_without_a_profile_is_a_one_line_error(cli: CliRunner, tmp_path: Path) -> None:
    status, _, err = cli("--data-dir", str(tmp_path / "missing"), "check")
    assert status == 1
    assert err == f"companion: No profile found in {tmp_path / 'missing'}.\n"


def test_data_dir_that_is_a_file_is_refused(cli: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    status, _, err = cli("--data-dir", str(blocker), "backup")
    assert status == 1
    assert "is not a folder" in err


def test_unknown_verb_and_missing_argument_are_usage_errors(cli: CliRunner) -> None:
    assert cli("frobnicate")[0] == 2
    assert cli("restore")[0] == 2
    assert cli("demo")[0] == 2


def test_backup_then_restore_round_trip_keeps_the_old_profile_aside(
    cli: CliRunner, profile: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "b.sqlite"
    assert cli("--data-dir", str(profile), "backup", "-o", str(backup))[0] == 0
    assert backup.stat().st_mode & 0o077 == 0
    status, out, _ = cli("--data-dir", str(profile), "restore", str(backup))
    assert status == 0
    assert "kept as" in out
    assert list((profile / "backups").glob("replaced-*.sqlite"))
    assert cli("--data-dir", str(profile), "check")[0] == 0


def test_backup_never_overwrites(cli: CliRunner, profile: Path, tmp_path: Path) -> None:
    existing = tmp_path / "keep.sqlite"
    existing.write_text("precious")
    status, _, err = cli("--data-dir", str(profile), "backup", "-o", str(existing))
    assert status == 1 and "already exists" in err
    assert existing.read_text() == "precious"


@pytest.mark.parametrize(
    "content", [b"", b"hello, not a database", b"SQLite format 3\x00" + b"\x00" * 50]
)
def test_restore_refuses_a_bad_file_and_changes_nothing(
    cli: CliRunner, profile: Path, tmp_path: Path, content: bytes
) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    before = digest(profile / "profile.sqlite")
    status, _, err = cli("--data-dir", str(profile), "restore", str(bad))
    assert status == 1
    assert err.startswith("companion: ") and err.count("\n") == 1
    assert digest(profile / "profile.sqlite") == before
    assert not list((profile / "backups").glob("replaced-*"))


def test_restore_refuses_a_database_that_is_not_a_profile(
    cli: CliRunner, profile: Path, tmp_path: Path
) -> None:
    import sqlite3

    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    status, _, err = cli("--data-dir", str(profile), "restore", str(other))
    assert status == 1 and "not a HER2 Companion backup" in err


def test_demo_refuses_a_folder_with_files(cli: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "note.txt").write_text("mine")
    status, _, err = cli("demo", "--into", str(tmp_path / "busy"))
    assert status == 1 and "not an empty folder" in err
    assert (tmp_path / "busy" / "note.txt").read_text() == "mine"


def test_environment_variable_selects_the_profile(
    cli: CliRunner, profile: Path, monkeypatch
) -> None:
    monkeypatch.setenv("COMPANION_DATA_DIR", str(profile))
    status, out, _ = cli("check")
    assert status == 0 and str(profile) in out


def test_unexpected_errors_are_one_line_with_a_crash_log(
    cli: CliRunner, profile: Path, monkeypatch
) -> None:
    import companion.store.backup as backup  # check imports it when it runs

    def explode(_args: object) -> int:
        raise ZeroDivisionError("patient typed 42 here")

    monkeypatch.setattr(backup, "integrity_problems", explode)
    status, _, err = cli("--data-dir", str(profile), "check")
    assert status == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    logs = list((profile / "logs").glob("crash-*.log"))
    assert len(logs) == 1
    assert "patient typed" not in logs[0].read_text()
