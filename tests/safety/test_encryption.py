"""Encryption at rest (issue 11, finding 10): SQLCipher protection of the profile, its
backups and archives; wrong passwords; the password never written anywhere."""

from __future__ import annotations

import pickle
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from companion.errors import PasswordNeededError, ValidationError, WrongPasswordError
from companion.paths import ProfilePaths
from companion.services import Services
from companion.store import Store
from companion.store.archive import export_archive, import_archive
from companion.store.cipher import ProfileKey, looks_encrypted
from companion.store.restore import restore_profile
from companion.store.sqlite_files import connect_read_only
from tests.safety.conftest import folder_digest

NAME = "Marguerite Quillfeather"
PHONE = "+44 20 7946 0958"
PASSWORD = "correct horse 'battery\" staple"  # quotes: the key goes into SQL safely
OTHER = "another long password"

pytestmark = pytest.mark.usefixtures("clock")


def printable_runs(data: bytes) -> set[str]:
    """What `strings` shows: runs of 4 or more printable ASCII characters."""
    return {m.decode() for m in re.findall(rb"[\x20-\x7e]{4,}", data)}


def readable_in(data: bytes, secret: str) -> bool:
    """secret as strings would find it, or as raw UTF-8 / UTF-16 anywhere in the bytes."""
    runs = printable_runs(data)
    return (
        any(secret in run for run in runs)
        or secret.encode() in data
        or secret.encode("utf-16-le") in data
    )


def every_file(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def make_profile(folder: Path) -> Services:
    services = Services.open(folder)
    services.profile.update(name=NAME, care_team_phone=PHONE)
    return services


def protected_profile(folder: Path) -> ProfilePaths:
    services = make_profile(folder)
    try:
        services.backups.back_up_now()  # a plain backup made before protection
        services.protection.protect(PASSWORD, PASSWORD)
    finally:
        services.close()
    return ProfilePaths(folder, key=ProfileKey(PASSWORD))


def test_strings_finds_neither_name_nor_phone_once_protected(data_dir: Path) -> None:
    services = make_profile(data_dir)
    try:
        services.store.engine.dispose()
        plain = b"".join(p.read_bytes() for p in every_file(data_dir))
        assert readable_in(plain, NAME) and readable_in(plain, PHONE)  # the test can see them
        services.backups.back_up_now()
        services.protection.protect(PASSWORD, PASSWORD)
        assert services.protection.protected
        services.profile.update(care_team_phone="+1 555 0100")  # saves keep working
        services.store.engine.dispose()
    finally:
        services.close()
    files = every_file(data_dir)
    assert any(p.parent.name == "backups" for p in files)
    for path in files:
        assert path.stat().st_mode & 0o077 == 0, f"{path.name} readable by others"
        data = path.read_bytes()
        for secret in (NAME, PHONE, "555 0100", PASSWORD):
            assert not readable_in(data, secret), f"{secret!r} readable in {path.name}"
    assert looks_encrypted(data_dir / "profile.sqlite")
    assert all(looks_encrypted(p) for p in (data_dir / "backups").glob("*.sqlite"))


def test_a_protected_profile_opens_only_with_its_password(data_dir: Path) -> None:
    paths = protected_profile(data_dir)
    before = folder_digest(data_dir)
    with pytest.raises(PasswordNeededError, match="protected with a password"):
        Store.open(ProfilePaths(data_dir))
    with pytest.raises(WrongPasswordError) as refused:
        Store.open(replace(paths, key=ProfileKey("not the password")))
    assert str(refused.value) == ("That password does not open this profile. Nothing was changed.")
    assert folder_digest(data_dir) == before  # nothing changed by either attempt
    services = Services.open(paths)
    try:
        assert services.profile.get().name == NAME
    finally:
        services.close()


def test_the_password_can_be_changed_and_turned_off(data_dir: Path) -> None:
    paths = protected_profile(data_dir)
    services = Services.open(paths)
    try:
        with pytest.raises(WrongPasswordError, match="not the current password"):
            services.protection.protect(OTHER, OTHER, current="wrong guess")
        with pytest.raises(ValidationError, match="at least 8"):
            services.protection.protect("short", "short", current=PASSWORD)
        with pytest.raises(ValidationError, match="not the same"):
            services.protection.protect(OTHER, OTHER + "x", current=PASSWORD)
        services.protection.protect(OTHER, OTHER, current=PASSWORD)
    finally:
        services.close()
    with pytest.raises(WrongPasswordError):
        Store.open(paths)  # the old password no longer opens it
    services = Services.open(replace(paths, key=ProfileKey(OTHER)))
    try:
        services.protection.remove(OTHER)
        assert not services.protection.protected
        assert services.profile.get().name == NAME
    finally:
        services.close()
    assert not looks_encrypted(data_dir / "profile.sqlite")
    assert readable_in((data_dir / "profile.sqlite").read_bytes(), NAME)
    assert not any(looks_encrypted(p) for p in (data_dir / "backups").glob("*.sqlite"))
    Store.open(ProfilePaths(data_dir)).close()  # no password needed any more


def test_backups_of_a_protected_profile_are_encrypted_and_restore(data_dir: Path) -> None:
    paths = protected_profile(data_dir)
    services = Services.open(paths)
    try:
        backup = services.backups.back_up_now()
        assert looks_encrypted(backup) and not readable_in(backup.read_bytes(), NAME)
        services.profile.update(name="Changed after the backup")
        result = services.backups.restore(backup)
        assert services.profile.get().name == NAME
        assert result.kept_aside is not None and looks_encrypted(result.kept_aside)
    finally:
        services.close()
    assert looks_encrypted(data_dir / "profile.sqlite")


def test_a_plain_backup_restored_into_a_protected_profile_is_encrypted(
    tmp_path: Path,
) -> None:
    plain_dir = tmp_path / "plain"
    make_profile(plain_dir).close()
    plain_backup = Store.open(plain_dir)
    source = plain_backup.backup(tmp_path / "plain-backup.sqlite")
    plain_backup.close()
    paths = protected_profile(tmp_path / "protected")
    restore_profile(paths, source)
    assert looks_encrypted(paths.database)
    assert not readable_in(paths.database.read_bytes(), NAME)
    Store.open(paths).close()


def test_a_backup_under_another_password_is_refused_and_changes_nothing(
    tmp_path: Path,
) -> None:
    other = protected_profile(tmp_path / "other")
    other_store = Store.open(other)
    foreign = other_store.backup(tmp_path / "foreign.sqlite")
    other_store.close()
    paths = replace(protected_profile(tmp_path / "mine"), key=ProfileKey(PASSWORD))
    services = Services.open(paths)
    services.protection.protect(OTHER, OTHER, current=PASSWORD)
    services.close()
    paths = replace(paths, key=ProfileKey(OTHER))
    before = folder_digest(paths.root)
    with pytest.raises(ValidationError, match="different password"):
        restore_profile(paths, foreign)
    assert folder_digest(paths.root) == before
    # An unprotected profile cannot take an encrypted backup either: a plain message.
    plain = tmp_path / "plain"
    make_profile(plain).close()
    before = folder_digest(plain)
    with pytest.raises(ValidationError, match="protected with a password"):
        restore_profile(ProfilePaths(plain), foreign)
    assert folder_digest(plain) == before


def test_an_archive_of_a_protected_profile_is_encrypted(tmp_path: Path, clock) -> None:
    paths = protected_profile(tmp_path / "old laptop")
    archive = tmp_path / "move.her2"
    export_archive(paths, archive, clock.now())
    with zipfile.ZipFile(archive) as opened:
        database = opened.read("profile.sqlite")
        members = b"".join(opened.read(n) for n in opened.namelist())
    assert not readable_in(database, NAME) and not readable_in(members, PHONE)
    new = ProfilePaths(tmp_path / "new laptop")
    with pytest.raises(ValidationError, match="protected with a password"):
        import_archive(new, archive)
    with pytest.raises(ValidationError, match="does not open it"):
        import_archive(replace(new, key=ProfileKey("wrong one!")), archive)
    assert not new.database.exists()
    import_archive(replace(new, key=ProfileKey(PASSWORD)), archive)
    assert looks_encrypted(new.database)
    services = Services.open(replace(new, key=ProfileKey(PASSWORD)))
    try:
        assert services.profile.get().care_team_phone == PHONE
    finally:
        services.close()


def test_the_key_is_never_shown_pickled_or_written(data_dir: Path) -> None:
    paths = protected_profile(data_dir)
    key = ProfileKey(PASSWORD)
    assert PASSWORD not in repr(key) and PASSWORD not in str(key)
    assert PASSWORD not in repr(paths)
    with pytest.raises(TypeError):
        pickle.dumps(key)
    store = Store.open(paths)
    try:
        assert PASSWORD not in repr(store.engine) and PASSWORD not in str(store.engine.url)
    finally:
        store.close()
    from companion.crash import write_crash_log

    try:  # a crash while the key is in a local variable and in the message
        secret = key.passphrase
        raise RuntimeError(f"failed with {secret}")
    except RuntimeError as exc:
        report = write_crash_log(paths.logs, type(exc), exc.__traceback__)
    assert PASSWORD not in report.read_text(encoding="utf-8")
    for path in every_file(data_dir):
        assert not readable_in(path.read_bytes(), PASSWORD), path


def test_a_damaged_profile_is_not_taken_for_a_protected_one(data_dir: Path) -> None:
    make_profile(data_dir).close()
    database = data_dir / "profile.sqlite"
    data = bytearray(database.read_bytes())
    data[:16] = b"\xff" * 16  # the header's magic gone, the rest of the page intact
    database.write_bytes(bytes(data))
    assert not looks_encrypted(database)


def test_a_protected_profile_exports_and_imports_csv(data_dir: Path, tmp_path: Path) -> None:
    # The CSV export and import read and write the answers through the session's own
    # connection, which for a protected profile is SQLCipher's.
    from companion.reports.symptom_csv_export import write_csv
    from companion.reports.symptom_csv_import import import_csv

    paths = protected_profile(data_dir)
    services = Services.open(paths)
    try:
        today = services.symptoms.clock.today()
        services.symptoms.set_answer(today, "fatigue", "severity", 2)
        target = tmp_path / "log.csv"
        assert write_csv(services.symptoms, target) == 1
        services.symptoms.delete_day(today)
        assert import_csv(services.symptoms, target).added == 1
        assert services.symptoms.day_state(today).values() == {("fatigue", "severity"): 2}
    finally:
        services.close()


HALF_WRITTEN = """
import sys, time
from pathlib import Path
from companion.store.sqlite_files import connect
from companion.store.cipher import ProfileKey
key = ProfileKey(sys.argv[2]) if len(sys.argv) > 2 else None
db = connect(Path(sys.argv[1]), key)
db.execute("PRAGMA journal_mode=DELETE")
db.execute("PRAGMA cache_size=2")  # changed pages spill into the file before the commit
db.execute("BEGIN IMMEDIATE")
db.execute("CREATE TABLE half_written (data TEXT)")
for _ in range(3000):
    db.execute("INSERT INTO half_written VALUES (?)", ("x" * 1000,))
print("spilled", flush=True)
time.sleep(120)
"""


@pytest.mark.parametrize("protected", [False, True], ids=["plain", "encrypted"])
def test_a_write_killed_with_a_hot_journal_is_recovered_at_the_next_open(
    data_dir: Path, protected: bool
) -> None:
    """Found by the kill campaign: a profile left in rollback-journal mode (as a restored or
    re-keyed copy was until its first open) and killed in mid-write kept a hot journal, and
    the start-up check on a read-only connection called the profile read-only."""
    import os
    import signal
    import subprocess
    import sys

    if protected:
        paths = protected_profile(data_dir)
    else:
        make_profile(data_dir).close()
        paths = ProfilePaths(data_dir)
    child = subprocess.Popen(
        [sys.executable, "-c", HALF_WRITTEN, str(paths.database)]
        + ([PASSWORD] if protected else []),
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "spilled"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    journal = data_dir / "profile.sqlite-journal"
    assert journal.exists() and journal.stat().st_size > 0  # a hot journal was left
    services = Services.open(paths)
    try:
        assert services.profile.get().name == NAME
    finally:
        services.close()
    db = connect_read_only(paths.database, paths.key)
    try:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    finally:
        db.close()
    assert "half_written" not in tables  # rolled back: the killed write never happened


def test_a_restored_or_protected_profile_is_already_in_wal_mode(data_dir: Path) -> None:
    paths = protected_profile(data_dir)
    db = connect_read_only(paths.database, paths.key)
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        db.close()
