"""Replacing the profile with a backup or an archived database: validate first, swap last.

The candidate is copied aside (SQLite's backup API), checked (integrity, foreign keys, schema
object by object against the app's migrations), migrated in the copy if older, refused if
newer or strange. Only then is the current profile kept aside (a verified copy; byte for byte
if it cannot be read) and the checked copy renamed into place. The caller holds the lock.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from companion import atomic_file
from companion.clock import default_clock
from companion.errors import CompanionError, ValidationError, WrongPasswordError
from companion.paths import ProfilePaths
from companion.store import cipher
from companion.store.backup import backup_database, copy_database, integrity_problems, timestamp
from companion.store.cipher import DATABASE_ERRORS, ProfileKey
from companion.store.schema_check import schema_differences
from companion.store.sqlite_files import connect, looks_like_sqlite, side_files
from companion.translations import TranslationContext

STAGING_SUFFIX = ".restoring"
MAX_CANDIDATE_BYTES = 2 * 1024**3  # years of entries take a few MB; refuse anything absurd


class RestoreText(TranslationContext):
    """Messages when a backup is checked or restored."""


@dataclass(frozen=True)
class RestoreResult:
    kept_aside: Path | None  # the profile as it was before, None when there was none


def _refuse(source: Path, reason: str) -> ValidationError:
    return ValidationError(
        RestoreText.tr("{path} cannot be restored: {reason}. Nothing was changed.").format(
            path=source, reason=reason
        )
    )


def _stored_revision(db: sqlite3.Connection) -> str | None:
    try:
        rows = db.execute("SELECT version_num FROM alembic_version").fetchall()
    except DATABASE_ERRORS:
        return None
    return str(rows[0][0]) if len(rows) == 1 else None


def check_candidate(staged: Path, source: Path, key: ProfileKey | None = None) -> str:
    """Raise ValidationError unless staged is a sound profile; returns its revision."""
    from companion.store import migrate

    problems = integrity_problems(staged, key=key)
    if problems:
        raise _refuse(
            source, RestoreText.tr("the file is damaged ({problem})").format(problem=problems[0])
        )
    db = connect(staged, key)
    try:
        revision = _stored_revision(db)
        if revision is None:
            raise _refuse(source, RestoreText.tr("it is not a HER2 Companion backup"))
        if revision not in migrate.known_revisions():
            raise _refuse(
                source,
                RestoreText.tr(
                    "it was saved by a newer version of HER2 Companion; please "
                    "install the newer version first"
                ),
            )
        differences = schema_differences(db, revision)
        if differences:
            raise _refuse(
                source,
                RestoreText.tr(
                    "it is not a HER2 Companion profile as the app makes it ({difference})"
                ).format(difference=differences[0]),
            )
        if db.execute("SELECT count(*) FROM profile").fetchone()[0] != 1:
            raise _refuse(source, RestoreText.tr("it holds no profile"))
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # damage integrity_check missed
        raise _refuse(source, RestoreText.tr("the file is damaged")) from exc
    finally:
        db.close()
    return revision


def _copy_candidate(source: Path, staged: Path, key: ProfileKey | None) -> None:
    """Copy source into staged, protected with key as the profile is (a plain backup
    restored into a protected profile is encrypted on the way in)."""
    if not cipher.looks_encrypted(source):
        if key is None:
            copy_database(source, staged)
        else:
            cipher.export_copy(source, None, staged, key)
        return
    if key is None:
        raise _refuse(
            source,
            RestoreText.tr(
                "it is protected with a password and this profile is not; protect the "
                "profile with that password first (Settings), then restore it"
            ),
        )
    cipher.require()
    try:
        copy_database(source, staged, key)
    except WrongPasswordError as exc:
        raise _refuse(
            source,
            RestoreText.tr("it is protected with a different password from this profile's"),
        ) from exc


def stage_candidate(source: Path, folder: Path, key: ProfileKey | None = None) -> Path:
    """A checked, up-to-date copy of source in folder (the caller renames or removes it),
    protected with key when it is given."""
    from companion.store import migrate
    from companion.store.engine import make_engine

    source = Path(source)
    if not source.is_file():
        raise _refuse(source, RestoreText.tr("it is not a file"))
    if source.stat().st_size > MAX_CANDIDATE_BYTES:
        raise _refuse(source, RestoreText.tr("the file is far too big for a profile"))
    if not looks_like_sqlite(source) and not cipher.looks_encrypted(source):
        raise _refuse(source, RestoreText.tr("it is not a HER2 Companion backup"))
    handle, name = tempfile.mkstemp(prefix=".profile.sqlite.", suffix=STAGING_SUFFIX, dir=folder)
    os.close(handle)
    staged = Path(name)
    try:
        try:
            _copy_candidate(source, staged, key)
        except DATABASE_ERRORS as exc:
            raise _refuse(source, RestoreText.tr("the file cannot be read as a profile")) from exc
        except UnicodeDecodeError as exc:  # a schema text no longer UTF-8: damage too
            raise _refuse(source, RestoreText.tr("the file cannot be read as a profile")) from exc
        revision = check_candidate(staged, source, key)
        if revision != migrate.head_revision():
            engine = make_engine(staged, key=key)
            try:
                migrate.upgrade(engine)
            finally:
                engine.dispose()
            db = connect(staged, key)
            try:
                db.execute("PRAGMA journal_mode=DELETE")
            finally:
                db.close()
            check_candidate(staged, source, key)
        return staged
    except BaseException:
        remove_database_files(staged)
        raise


def remove_database_files(database: Path) -> None:
    for path in (database, *side_files(database)):
        path.unlink(missing_ok=True)


def keep_aside(paths: ProfilePaths, label: str) -> Path | None:
    """Keep the current profile in the backups folder: a verified copy when it can be read,
    otherwise the files byte for byte (a damaged profile is kept exactly as it was)."""
    if not paths.database.exists():
        return None
    stamp = timestamp(default_clock().now())
    try:
        return backup_database(paths.database, paths.backups / f"{label}-{stamp}.sqlite", paths.key)
    except CompanionError:
        target = paths.backups / f"{label}-{stamp}.unreadable.sqlite"
        paths.backups.mkdir(mode=0o700, parents=True, exist_ok=True)
        for original, copy in zip(
            (paths.database, *side_files(paths.database)),
            (target, *side_files(target)),
            strict=True,
        ):
            # An empty side file (the WAL an open attempt leaves) holds nothing to keep.
            if original.exists() and original.stat().st_size > 0:
                atomic_file.write_with(copy, partial(_copy_file, original))
        return target


def _copy_file(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)


def _checkpoint(database: Path, key: ProfileKey | None) -> None:
    """Fold the WAL into the file, so removing the side files loses nothing."""
    try:
        db = connect(database, key)
        try:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.close()
    except DATABASE_ERRORS:
        pass  # unreadable: the byte-for-byte copy aside holds everything


def make_wal(database: Path, key: ProfileKey | None) -> None:
    """Put a copy that is about to become the profile in WAL mode, as the app keeps it, and
    fsync it. Otherwise its first open would switch the mode through a rollback journal,
    and a kill just then would leave a hot journal for the next start."""
    db = connect(database, key)
    try:
        db.execute("PRAGMA journal_mode=WAL")
    finally:
        db.close()  # the last connection folds the (empty) WAL in and removes it
    with open(database, "rb+") as handle:
        os.fsync(handle.fileno())


def swap_in(paths: ProfilePaths, staged: Path) -> None:
    """Rename the checked copy over the profile (the current one is already kept aside)."""
    if paths.database.exists():
        _checkpoint(paths.database, paths.key)
    for side in side_files(paths.database):
        side.unlink(missing_ok=True)
    os.replace(staged, paths.database)
    atomic_file.fsync_folder(paths.root)


def restore_profile(paths: ProfilePaths, source: Path) -> RestoreResult:
    """Replace the profile in paths with the backup at source, validated first. The
    profile keeps its protection: with paths.key the restored file is encrypted with it."""
    paths.ensure()
    staged = stage_candidate(Path(source), paths.root, paths.key)
    try:
        make_wal(staged, paths.key)
        aside = keep_aside(paths, "replaced")
        swap_in(paths, staged)
    finally:
        remove_database_files(staged)
    return RestoreResult(kept_aside=aside)
