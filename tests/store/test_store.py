from __future__ import annotations

import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from companion.errors import ProfileError, SchemaTooNewError
from companion.store import Store
from companion.store.migrate import alembic_config, head_revision
from companion.store.models import Base, CheckIn, SymptomAnswer


def test_migrating_an_empty_folder_builds_the_whole_schema(data_dir: Path) -> None:
    store = Store.open(data_dir)
    with store.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        revision = MigrationContext.configure(connection).get_current_revision()
    store.close()
    assert diff == []
    assert revision == head_revision()


def test_profile_is_private(data_dir: Path) -> None:
    Store.open(data_dir).close()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / "profile.sqlite").stat().st_mode) == 0o600
    assert stat.S_IMODE((data_dir / "backups").stat().st_mode) == 0o700


def test_pragmas_protect_saved_entries(services) -> None:
    with services.store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_failed_transaction_changes_nothing(services) -> None:
    from datetime import date

    with pytest.raises(RuntimeError), services.store.session() as session:
        session.add(CheckIn(day=date(2026, 1, 1)))
        session.flush()
        raise RuntimeError("boom")
    with services.store.session() as session:
        assert session.query(CheckIn).count() == 0


def test_foreign_keys_are_enforced(services) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), services.store.session() as session:
        session.add(
            SymptomAnswer(checkin_id=999, symptom_id="nausea", attribute="severity", value=1)
        )


def test_newer_profile_is_refused_and_left_untouched(data_dir: Path) -> None:
    Store.open(data_dir).close()
    database = data_dir / "profile.sqlite"
    with sqlite3.connect(database) as db:
        db.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    with pytest.raises(SchemaTooNewError, match="newer version"):
        Store.open(data_dir)
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before


def test_an_old_profile_is_backed_up_before_it_is_migrated(data_dir: Path) -> None:
    store = Store.open(data_dir)
    command.downgrade(alembic_config(store.engine), "base")
    store.close()
    Store.open(data_dir).close()
    backups = list((data_dir / "backups").glob("before-upgrade-*.sqlite"))
    assert len(backups) == 1
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    with sqlite3.connect(backups[0]) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_file_where_the_folder_should_be_gets_a_plain_error(tmp_path: Path) -> None:
    blocker = tmp_path / "profile"
    blocker.write_text("not a folder")
    with pytest.raises(ProfileError, match="is a file, not a folder"):
        Store.open(blocker)


def test_garbage_database_gets_a_plain_error(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "profile.sqlite").write_bytes(b"\x00garbage" * 100)
    with pytest.raises(ProfileError, match="cannot be opened"):
        Store.open(data_dir)


def test_the_quick_schema_check_knows_the_newest_revision(data_dir: Path) -> None:
    from companion.store.schema_version import HEAD_REVISION, stored_revision

    assert head_revision() == HEAD_REVISION  # add the new revision to schema_version.py too
    store = Store.open(data_dir)
    try:
        assert stored_revision(store.engine) == HEAD_REVISION
    finally:
        store.close()
