"""Setting, changing or removing a profile's password: through a verified copy, like a restore.

First a verified backup of the profile as it is; then an encrypted (or plain) copy is written
beside it with SQLCipher's export, checked (integrity, foreign keys, the same row counts as the
original, the protection asked for) and only then renamed over the profile. A process killed
at any moment leaves the old profile or the new one, never a mix, and the leftover copy is
removed by the next start. Afterwards the backups the old key opens are re-written with the
new one, so no plain copy of a protected profile stays in its backups folder.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from companion import atomic_file
from companion.errors import ProfileError
from companion.paths import ProfilePaths
from companion.store import cipher
from companion.store.archive import row_counts
from companion.store.backup import integrity_problems
from companion.store.backup_shelf import BEFORE_PROTECTION, list_backups, make_backup
from companion.store.cipher import DATABASE_ERRORS, CipherText, ProfileKey
from companion.store.restore import make_wal, remove_database_files, swap_in

PROTECTING_SUFFIX = ".protecting"


def _verified_copy(
    source: Path, source_key: ProfileKey | None, folder: Path, new_key: ProfileKey | None
) -> Path:
    """A copy of source under new_key, checked against source; the caller removes it."""
    handle, name = tempfile.mkstemp(prefix=".profile.sqlite.", suffix=PROTECTING_SUFFIX, dir=folder)
    os.close(handle)
    copy = Path(name)
    try:
        cipher.export_copy(source, source_key, copy, new_key)
        problems = integrity_problems(copy, key=new_key)
        if problems:
            raise ProfileError(
                CipherText.tr(
                    "The protected copy did not pass its check ({problem}). Nothing was changed."
                ).format(problem=problems[0])
            )
        if cipher.looks_encrypted(copy) != (new_key is not None):
            raise ProfileError(
                CipherText.tr("The copy is not protected as asked. Nothing was changed.")
            )
        if row_counts(copy, new_key) != row_counts(source, source_key):
            raise ProfileError(
                CipherText.tr("The protected copy does not hold every entry. Nothing was changed.")
            )
        with open(copy, "rb+") as written:
            os.fsync(written.fileno())
        return copy
    except BaseException:
        remove_database_files(copy)
        raise


def change_key(paths: ProfilePaths, new_key: ProfileKey | None, now: datetime) -> ProfilePaths:
    """Protect the profile with new_key (None: remove the protection). paths.key must open
    it. The caller holds the lock and has closed every connection. Returns the new paths."""
    cipher.require()
    make_backup(paths, BEFORE_PROTECTION, now)  # under the old key, like the profile
    copy = _verified_copy(paths.database, paths.key, paths.root, new_key)
    try:
        make_wal(copy, new_key)
        swap_in(paths, copy)
    finally:
        remove_database_files(copy)
    changed = replace(paths, key=new_key)
    rekey_backups(paths, new_key)
    return changed


def rekey_backups(paths: ProfilePaths, new_key: ProfileKey | None) -> int:
    """Re-write every backup that paths.key opens (or a plain one) under new_key, each
    through a verified copy; backups made under another password are left as they are."""
    changed = 0
    for entry in list_backups(paths):
        if not entry.readable:
            continue
        old_key = paths.key if cipher.looks_encrypted(entry.path) else None
        if old_key == new_key:
            continue
        if old_key is None and cipher.looks_encrypted(entry.path):
            continue
        try:
            copy = _verified_copy(entry.path, old_key, paths.backups, new_key)
        except ProfileError:  # another password (WrongPasswordError), or damaged
            continue  # keep it exactly as it was
        except DATABASE_ERRORS:
            continue
        try:
            os.replace(copy, entry.path)
            atomic_file.fsync_folder(paths.backups)
            changed += 1
        finally:
            remove_database_files(copy)
    return changed
