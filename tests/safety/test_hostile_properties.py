"""Property tests (hypothesis): hostile restore files and archives get a plain message and
change nothing, however they are made; a backup with flipped bytes is either refused the
same way or restored whole. Also through a password-protected profile."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companion.errors import CompanionError
from companion.paths import ProfilePaths
from companion.services import Services
from companion.store.archive import export_archive, import_archive, row_counts
from companion.store.backup import integrity_problems
from companion.store.cipher import ProfileKey
from companion.store.restore import restore_profile
from companion.store.sqlite_files import connect
from tests.safety.conftest import folder_digest

PROPERTY = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
TABLES = ("checkin", "symptom_answer", "profile", "therapy_line", "visit", "question")
names = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True)


@st.composite
def hostile_sql(draw: st.DrawFn) -> str:
    """One change that must make a backup unacceptable, drawn from every kind the app
    refuses: triggers (the issue's one deletes check-ins), views, tables, columns, indexes
    dropped or added, the schema version gone or unknown."""
    table = draw(st.sampled_from(TABLES))
    kind = draw(
        st.sampled_from(
            ["trigger", "view", "table", "column", "index", "drop index", "version", "no version"]
        )
    )
    name = "x_" + draw(names)
    if kind == "trigger":
        event = draw(st.sampled_from(["INSERT", "UPDATE", "DELETE"]))
        when = draw(st.sampled_from(["BEFORE", "AFTER"]))
        action = draw(
            st.sampled_from(
                [
                    "DELETE FROM checkin",
                    "DELETE FROM symptom_answer",
                    "UPDATE profile SET name = 'changed'",
                    "SELECT RAISE(ABORT, 'no saving')",
                ]
            )
        )
        return f"CREATE TRIGGER {name} {when} {event} ON {table} BEGIN {action}; END;"
    if kind == "view":
        return f"CREATE VIEW {name} AS SELECT * FROM {table};"
    if kind == "table":
        return f"CREATE TABLE {name} (id INTEGER PRIMARY KEY, data TEXT);"
    if kind == "column":
        return f"ALTER TABLE {table} ADD COLUMN {name} TEXT;"
    if kind == "index":
        return f"CREATE INDEX {name} ON {table} (id);"
    if kind == "drop index":
        return "DROP INDEX IF EXISTS ix_symptom_answer_checkin_id; CREATE TABLE x_gone (i);"
    if kind == "version":
        # No NUL (SQLite's C strings end there: executescript refuses it) and no quote.
        letters = st.characters(blacklist_characters="\x00'", blacklist_categories=("Cs",))
        version = draw(st.text(letters, min_size=1, max_size=20))
        return f"UPDATE alembic_version SET version_num = '{version}x';"
    return "DELETE FROM alembic_version;"


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    profile = folder / "profile"
    shutil.copytree(demo_template, profile)
    backup = Services.open(profile).store
    good = backup.backup(folder / "good.sqlite")
    backup.close()
    return {"profile": profile, "good": good}


def fresh_profile(sources: dict[str, Path], tmp: Path) -> Path:
    target = tmp / "profile"
    shutil.copytree(sources["profile"], target)
    return target


def altered(good: Path, target: Path, sql: str, key: ProfileKey | None = None) -> Path:
    shutil.copyfile(good, target)
    db = connect(target, key)
    try:
        db.executescript(sql)
        db.commit()
    finally:
        db.close()
    return target


def assert_refused_and_unchanged(profile: Path, attempt) -> None:  # type: ignore[no-untyped-def]
    before = folder_digest(profile)
    backups_before = sorted(p.name for p in (profile / "backups").iterdir())
    with pytest.raises(CompanionError) as refused:
        attempt()
    message = str(refused.value)
    assert "Nothing was changed" in message and "Traceback" not in message
    assert folder_digest(profile) == before
    assert sorted(p.name for p in (profile / "backups").iterdir()) == backups_before
    assert not list(profile.glob(".*restoring*")) and not list(profile.glob(".archive-*"))


@PROPERTY
@given(sql=hostile_sql())
def test_a_hostile_backup_is_refused_and_changes_nothing(
    sources: dict[str, Path], tmp_path_factory: pytest.TempPathFactory, sql: str
) -> None:
    tmp = tmp_path_factory.mktemp("case")
    profile = fresh_profile(sources, tmp)
    try:
        bad = altered(sources["good"], tmp / "bad.sqlite", sql)
    except sqlite3.Error:
        return  # SQLite itself refused to make this file: nothing to restore
    assert_refused_and_unchanged(profile, lambda: restore_profile(ProfilePaths(profile), bad))


def _archive_with(database: Path, target: Path) -> Path:
    """An archive whose manifest matches its (hostile) database: checksum and counts agree,
    so only the restore validation stands between it and the profile."""
    data = database.read_bytes()
    manifest = {
        "format": "her2-companion-archive",
        "format_version": 1,
        "schema_revision": "whatever",
        "counts": row_counts(database),
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        out.writestr("manifest.json", json.dumps(manifest))
        out.writestr("profile.sqlite", data)
    target.write_bytes(buffer.getvalue())
    return target


@PROPERTY
@given(sql=hostile_sql())
def test_a_hostile_archive_with_a_matching_manifest_is_refused(
    sources: dict[str, Path], tmp_path_factory: pytest.TempPathFactory, sql: str
) -> None:
    tmp = tmp_path_factory.mktemp("case")
    profile = fresh_profile(sources, tmp)
    try:
        bad = altered(sources["good"], tmp / "bad.sqlite", sql)
    except sqlite3.Error:
        return
    archive = _archive_with(bad, tmp / "bad.her2")
    assert_refused_and_unchanged(profile, lambda: import_archive(ProfilePaths(profile), archive))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    flips=st.lists(
        st.tuples(st.integers(min_value=0, max_value=10**9), st.integers(1, 255)),
        min_size=1,
        max_size=8,
    )
)
def test_a_backup_with_flipped_bytes_is_refused_or_restored_whole(
    sources: dict[str, Path], tmp_path_factory: pytest.TempPathFactory, flips: list[tuple[int, int]]
) -> None:
    tmp = tmp_path_factory.mktemp("case")
    profile = fresh_profile(sources, tmp)
    data = bytearray(sources["good"].read_bytes())
    for offset, mask in flips:
        data[offset % len(data)] ^= mask
    bad = tmp / "flipped.sqlite"
    bad.write_bytes(bytes(data))
    before = folder_digest(profile)
    paths = ProfilePaths(profile)
    try:
        restore_profile(paths, bad)
    except CompanionError as refused:
        assert "Nothing was changed" in str(refused)
        assert folder_digest(profile) == before
        return
    # Accepted: the bytes hit unused space. The profile is whole and opens.
    assert integrity_problems(paths.database) == []
    Services.open(paths).close()


@pytest.mark.parametrize("where", ["backup", "archive"])
def test_the_trigger_inside_an_encrypted_backup_is_refused(
    sources: dict[str, Path], tmp_path: Path, clock, where: str
) -> None:
    """The issue's trigger case through a protected profile: encryption hides nothing
    from the check."""
    key = ProfileKey("a protected profile's password")
    profile = fresh_profile(sources, tmp_path)
    services = Services.open(profile)
    services.protection.protect("a protected profile's password", "a protected profile's password")
    paths = services.store.paths
    good = services.backups.back_up_now()
    services.close()
    trigger = (
        "CREATE TRIGGER wipe AFTER INSERT ON symptom_answer "
        "BEGIN DELETE FROM checkin WHERE id <> NEW.checkin_id; END;"
    )
    bad = altered(good, tmp_path / "bad.sqlite", trigger, key)
    if where == "backup":
        attempt = lambda: restore_profile(paths, bad)  # noqa: E731
    else:
        archive = tmp_path / "good.her2"
        export_archive(paths, archive, clock.now())
        members = {}
        with zipfile.ZipFile(archive) as opened:
            members = {n: opened.read(n) for n in opened.namelist()}
        manifest = json.loads(members["manifest.json"])
        manifest["sha256"] = hashlib.sha256(bad.read_bytes()).hexdigest()
        manifest["counts"] = row_counts(bad, key)
        with zipfile.ZipFile(tmp_path / "bad.her2", "w") as out:
            out.writestr("manifest.json", json.dumps(manifest))
            out.writestr("profile.sqlite", bad.read_bytes())
        attempt = lambda: import_archive(paths, tmp_path / "bad.her2")  # noqa: E731
    assert_refused_and_unchanged(profile, attempt)
