"""The command line and a protected profile: --password-file, the getpass prompt, plain
refusals; backups, restores and archives stay encrypted."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from companion.store.cipher import looks_encrypted
from tests.safety.conftest import folder_digest
from tests.safety.test_encryption import NAME, PASSWORD, protected_profile, readable_in


@pytest.fixture
def protected(data_dir: Path) -> Path:
    protected_profile(data_dir)
    return data_dir


@pytest.fixture
def password_file(tmp_path: Path) -> Path:
    path = tmp_path / "password.txt"
    path.write_text(PASSWORD + "\n", encoding="utf-8")
    return path


def test_a_verb_reads_the_password_file(cli, protected: Path, password_file: Path) -> None:
    status, out, err = cli(
        "check", "--data-dir", str(protected), "--password-file", str(password_file)
    )
    assert status == 0, err
    assert "is healthy" in out
    # The option may come before the verb too.
    status, out, _ = cli(
        "--password-file", str(password_file), "check", "--data-dir", str(protected)
    )
    assert status == 0 and "is healthy" in out


def test_without_a_terminal_or_file_the_message_is_plain(
    cli, protected: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    before = folder_digest(protected)
    status, out, err = cli(
        "export", "symptoms", "-o", str(protected.parent / "x.csv"), "--data-dir", str(protected)
    )
    assert status == 1
    assert "is protected with a password" in err and "--password-file FILE" in err
    assert "Traceback" not in err and out == ""
    assert folder_digest(protected) == before
    assert not (protected.parent / "x.csv").exists()


def test_the_password_is_asked_on_the_terminal(
    cli, protected: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import getpass

    asked: list[str] = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(getpass, "getpass", lambda prompt: asked.append(prompt) or PASSWORD)
    status, out, err = cli("check", "--data-dir", str(protected))
    assert status == 0, err
    assert asked == [f"Password for the profile in {protected}: "]
    assert PASSWORD not in out + err


def test_a_wrong_password_is_a_plain_message_and_changes_nothing(
    cli, protected: Path, tmp_path: Path
) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it at all\n", encoding="utf-8")
    before = folder_digest(protected)
    backups_before = sorted(p.name for p in (protected / "backups").iterdir())
    for verb in (["check"], ["backup"], ["restore", str(protected / "profile.sqlite")]):
        status, _out, err = cli(*verb, "--data-dir", str(protected), "--password-file", str(wrong))
        assert status == 1
        assert err.strip() == (
            "companion: That password does not open this profile. Nothing was changed."
        )
    assert folder_digest(protected) == before
    assert sorted(p.name for p in (protected / "backups").iterdir()) == backups_before
    assert not list((protected / "logs").glob("crash-*"))


def test_backup_restore_and_archive_of_a_protected_profile(
    cli, protected: Path, password_file: Path, tmp_path: Path
) -> None:
    common = ("--data-dir", str(protected), "--password-file", str(password_file))
    backup = tmp_path / "by-hand.sqlite"
    status, _, err = cli("backup", "-o", str(backup), *common)
    assert status == 0, err
    assert looks_encrypted(backup) and not readable_in(backup.read_bytes(), NAME)
    status, _, err = cli("restore", str(backup), *common)
    assert status == 0, err
    assert looks_encrypted(protected / "profile.sqlite")
    archive = tmp_path / "move.her2"
    status, _, err = cli("export", "archive", "-o", str(archive), *common)
    assert status == 0, err
    assert not readable_in(archive.read_bytes(), NAME)
    new = tmp_path / "new laptop"
    status, _, err = cli("import", "archive", str(archive), "--data-dir", str(new))
    assert status == 1 and "protected with a password" in err
    assert not (new / "profile.sqlite").exists()
    status, _, err = cli(
        "import",
        "archive",
        str(archive),
        "--data-dir",
        str(new),
        "--password-file",
        str(password_file),
    )
    assert status == 0, err
    assert looks_encrypted(new / "profile.sqlite")
    status, out, err = cli("check", "--data-dir", str(new), "--password-file", str(password_file))
    assert status == 0 and "is healthy" in out, err


def test_an_empty_or_missing_password_file_is_refused(cli, protected: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    status, _, err = cli("check", "--data-dir", str(protected), "--password-file", str(empty))
    assert status == 1 and "is empty" in err
    status, _, err = cli(
        "check", "--data-dir", str(protected), "--password-file", str(tmp_path / "none.txt")
    )
    assert status == 1 and "cannot be read" in err
