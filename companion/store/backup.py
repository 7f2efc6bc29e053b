"""Backups with SQLite's backup API, checked and fsynced, and SQLite's integrity check."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from companion import atomic_file
from companion.errors import DamagedProfileError, ProfileError
from companion.paths import FOLDER_MODE
from companion.store import faults
from companion.store.cipher import DATABASE_ERRORS, SQLITE_ERRORS
from companion.store.file_uri import SQLITE_MAGIC
from companion.store.sqlite_files import connect, connect_read_only
from companion.translations import TranslationContext

if TYPE_CHECKING:
    from companion.store.cipher import ProfileKey

__all__ = ["SQLITE_MAGIC", "backup_database", "copy_database", "integrity_problems"]


class BackupText(TranslationContext):
    """Messages about backups."""


def timestamp(moment: datetime) -> str:
    """A file-name stamp for moment, in UTC so names sort in time order."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def copy_database(source: Path, target: Path, key: ProfileKey | None = None) -> None:
    """Copy a database consistently with SQLite's backup API (never a plain file copy: a
    live profile's last saves may still be in its WAL file) into a new rollback-journal file.
    key: the source's password; the copy is encrypted with the same one."""
    with connect_read_only(source, key) as src:
        dst = connect(target, key)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a snapshot: no WAL side files
        finally:
            dst.close()
    src.close()


def backup_database(source: Path, target: Path, key: ProfileKey | None = None) -> Path:
    """Write a verified backup of source to target (atomically, private, fsynced).

    The copy must pass SQLite's integrity check before it replaces anything: a damaged
    profile gives a damaged copy, and that is refused rather than reported as a backup."""
    try:
        target.parent.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    except OSError as exc:
        raise atomic_file.write_failure(target, exc) from exc
    try:
        with atomic_file.atomic_path(target) as partial:
            copy_database(source, partial, key)
            problems = integrity_problems(partial, key=key)
            if problems:
                raise DamagedProfileError(
                    BackupText.tr(
                        "No backup was written: the profile is damaged ({problem}). Keep the "
                        "file as it is and restore your newest good backup."
                    ).format(problem=problems[0])
                )
    except SQLITE_ERRORS as exc:
        plain = faults.from_sqlite(exc)
        raise (plain or ProfileError(f"The backup could not be written: {exc}.")) from exc
    return target


def integrity_problems(
    database: Path, quick: bool = False, key: ProfileKey | None = None
) -> list[str]:
    """SQLite's own checks: structure and foreign keys. Changes nothing. key: a protected
    file's password (a wrong one raises WrongPasswordError: that is not damage)."""
    try:
        db = connect_read_only(database, key)
        try:
            check = "quick_check" if quick else "integrity_check"
            rows = [r[0] for r in db.execute(f"PRAGMA {check}")]
            problems = [r for r in rows if r != "ok"]
            for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check"):
                problems.append(f"{table} row {rowid} points to a missing {parent} row")
        finally:
            db.close()
    except DATABASE_ERRORS as exc:
        return [f"not a readable profile database ({exc})"]
    return problems
