"""Backups with SQLite's backup API, restore with validation, and the integrity check."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from companion.errors import ProfileError, ValidationError
from companion.paths import FILE_MODE

SQLITE_MAGIC = b"SQLite format 3\x00"


def timestamp(moment: datetime) -> str:
    """A file-name stamp for moment, in UTC so names sort in time order."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def backup_database(source: Path, target: Path) -> Path:
    """Copy a live database consistently (never a plain file copy) to a private file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    old_umask = os.umask(0o077)
    try:
        with sqlite3.connect(source) as src, sqlite3.connect(partial) as dst:
            src.backup(dst)
        # A backup file is a snapshot: no WAL side files, plain rollback journal.
        with sqlite3.connect(partial) as dst:
            dst.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise ProfileError(f"The backup could not be written: {exc}.") from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ProfileError(f"The backup could not be written: {exc.strerror}.") from exc
    finally:
        os.umask(old_umask)
    partial.chmod(FILE_MODE)
    os.replace(partial, target)
    return target


def integrity_problems(database: Path) -> list[str]:
    """SQLite's own checks: structure and foreign keys. Read-only."""
    uri = f"file:{database}?mode=ro"
    try:
        with sqlite3.connect(uri, uri=True) as db:
            rows = [r[0] for r in db.execute("PRAGMA integrity_check")]
            problems = [r for r in rows if r != "ok"]
            for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check"):
                problems.append(f"{table} row {rowid} points to a missing {parent} row")
    except sqlite3.DatabaseError as exc:
        return [f"not a readable profile database ({exc})"]
    return problems


def validate_backup_file(path: Path) -> None:
    """Refuse anything that is not a sound HER2 Companion profile before it replaces one."""
    if not path.is_file():
        raise ValidationError(f"{path} is not a file.")
    with path.open("rb") as handle:
        if handle.read(16) != SQLITE_MAGIC:
            raise ValidationError(f"{path} is not a HER2 Companion backup (not a database).")
    problems = integrity_problems(path)
    if problems:
        raise ValidationError(f"{path} is damaged: {problems[0]}.")
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"alembic_version", "profile"} <= tables:
        raise ValidationError(f"{path} is not a HER2 Companion backup (no profile inside).")
