"""SQLite's failures turned into the project's own errors, in plain words.

Services never let a raw SQLAlchemy error reach a page: a save that did not land raises a
StorageError subclass the page can show where the answer was given.
"""

from __future__ import annotations

import errno
import sqlite3
from typing import TYPE_CHECKING

from companion.errors import (
    CompanionError,
    DamagedProfileError,
    DiskFullError,
    ProfileBusyError,
    ReadOnlyError,
    StorageError,
)
from companion.translations import TranslationContext

if TYPE_CHECKING:  # only a type here: the crash handler and quick CLI verbs skip SQLAlchemy
    from sqlalchemy.exc import DBAPIError


class Storage(TranslationContext):
    """Messages when the profile cannot be written or read."""


def disk_full() -> DiskFullError:
    return DiskFullError(
        Storage.tr(
            "Not saved: the disk is full. Free some space (for example, empty the trash), "
            "then try again. What you typed is still here."
        )
    )


def read_only() -> ReadOnlyError:
    return ReadOnlyError(
        Storage.tr(
            "Not saved: the profile is read-only (its folder or disk does not allow "
            "changes). Your entries can still be read."
        )
    )


def busy() -> ProfileBusyError:
    return ProfileBusyError(
        Storage.tr("Not saved: another program is using the profile. Please try again.")
    )


def damaged() -> DamagedProfileError:
    return DamagedProfileError(
        Storage.tr(
            "The profile file is damaged. Please close HER2 Companion and open it again: it "
            "will offer to bring back your newest good backup."
        )
    )


def damaged_profile(database: object, problem: str, has_backup: bool) -> DamagedProfileError:
    text = Storage.tr(
        "The profile {path} cannot be opened: it is damaged ({problem}). It was not changed."
    ).format(path=database, problem=problem)
    if has_backup:  # never send someone to a backup they do not have
        text += " " + Storage.tr(
            "HER2 Companion can keep it aside and bring back your newest good backup."
        )
    return DamagedProfileError(text)


def io_error() -> StorageError:
    return StorageError(
        Storage.tr(
            "Not saved: the disk reported an error. Please check that the disk is connected, "
            "then try again."
        )
    )


def from_sqlite(error: Exception) -> CompanionError | None:
    """The plain error for a SQLite failure (sqlite3's or SQLCipher's), or None when it is
    a bug (bad SQL)."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(error).lower()
    if primary == sqlite3.SQLITE_FULL or "disk is full" in text:
        return disk_full()
    if primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM) or "readonly" in text:
        return read_only()
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
        return busy()
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or "malformed" in text:
        return damaged()
    if primary in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN):
        return io_error()
    return None


def from_os_error(error: OSError) -> CompanionError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return disk_full()
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return read_only()
    return io_error()


def translate(error: DBAPIError) -> CompanionError | None:
    from companion.store.cipher import SQLITE_ERRORS  # sqlite3's or SQLCipher's

    original = error.orig
    return from_sqlite(original) if isinstance(original, SQLITE_ERRORS) else None
