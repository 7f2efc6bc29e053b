"""Moving to another computer: one archive file with the database, the settings and a
manifest (schema revision, row counts, SHA-256 of the database).

The database goes in as a verified backup (SQLite's backup API). Importing checks the
archive's shape (exactly these members, sizes capped), the checksum and the counts, then
hands the database to the same validation as a restore; the settings follow only when the
database is in place.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from companion import __version__, atomic_file
from companion.errors import ValidationError, WrongPasswordError
from companion.paths import ProfilePaths
from companion.store import cipher
from companion.store.backup import backup_database
from companion.store.cipher import DATABASE_ERRORS, ProfileKey
from companion.store.restore import RestoreResult, restore_profile
from companion.store.sqlite_files import connect_read_only
from companion.translations import TranslationContext

FORMAT = "her2-companion-archive"
FORMAT_VERSION = 1
DATABASE = "profile.sqlite"
SETTINGS = "settings.ini"
MANIFEST = "manifest.json"
MAX_ARCHIVE_BYTES = 2 * 1024**3
MAX_SETTINGS_BYTES = 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
ARCHIVE_STAGING = ".archive-"  # a folder in the profile, removed by the next start if killed


class ArchiveText(TranslationContext):
    """Messages about archives for moving to another computer."""


@dataclass(frozen=True)
class ArchiveSummary:
    counts: dict[str, int]
    size: int


def row_counts(database: Path, key: ProfileKey | None = None) -> dict[str, int]:
    db = connect_read_only(database, key)
    try:
        tables = [
            r[0]
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            t: int(db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in sorted(tables)
        }
    finally:
        db.close()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def export_archive(paths: ProfilePaths, target: Path, now: datetime) -> ArchiveSummary:
    """Write the archive to target (atomically). Refuses a damaged profile (its backup is).
    The database of a protected profile goes in encrypted with its password."""
    with tempfile.TemporaryDirectory(prefix="companion-archive-") as folder:
        database = backup_database(paths.database, Path(folder) / DATABASE, paths.key)
        counts = row_counts(database, paths.key)
        db = connect_read_only(database, paths.key)
        try:
            revision = db.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        finally:
            db.close()
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "app_version": __version__,
            "schema_revision": revision,
            "created_at": now.isoformat(),
            "counts": counts,
            "sha256": _sha256(database),
        }

        def write(temp: Path) -> None:
            with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                archive.writestr(MANIFEST, json.dumps(manifest, indent=1, sort_keys=True))
                archive.write(database, DATABASE)
                if paths.settings.is_file():
                    archive.write(paths.settings, SETTINGS)

        atomic_file.write_with(Path(target), write)
    return ArchiveSummary(counts, Path(target).stat().st_size)


def _refuse(source: Path, reason: str) -> ValidationError:
    return ValidationError(
        ArchiveText.tr("{path} cannot be imported: {reason}. Nothing was changed.").format(
            path=source, reason=reason
        )
    )


def _copy_member(archive: zipfile.ZipFile, name: str, target: Path, limit: int) -> None:
    """Extract one member, never past limit bytes whatever its header claims."""
    written = 0
    with archive.open(name) as source, open(target, "wb") as out:
        while block := source.read(1024 * 1024):
            written += len(block)
            if written > limit:
                raise ValueError("member larger than allowed")
            out.write(block)


def import_archive(paths: ProfilePaths, source: Path) -> RestoreResult:
    """Replace the profile with the archive's (validated like a restore). Lock held by caller."""
    source = Path(source)
    if not source.is_file():  # a folder, a device or a pipe is never opened
        raise _refuse(source, ArchiveText.tr("it is not an ordinary file"))
    if source.stat().st_size > MAX_ARCHIVE_BYTES:
        raise _refuse(source, ArchiveText.tr("the file is far too big"))
    paths.ensure()
    with tempfile.TemporaryDirectory(prefix=ARCHIVE_STAGING, dir=paths.root) as folder:
        database = Path(folder) / DATABASE
        settings = Path(folder) / SETTINGS
        try:
            with zipfile.ZipFile(source) as archive:
                names = set(archive.namelist())
                if not {MANIFEST, DATABASE} <= names or names - {MANIFEST, DATABASE, SETTINGS}:
                    raise _refuse(source, ArchiveText.tr("it is not a HER2 Companion archive"))
                manifest = json.loads(archive.read(MANIFEST)[:MAX_MANIFEST_BYTES])
                _copy_member(archive, DATABASE, database, MAX_ARCHIVE_BYTES)
                if SETTINGS in names:
                    _copy_member(archive, SETTINGS, settings, MAX_SETTINGS_BYTES)
        except (zipfile.BadZipFile, ValueError, KeyError, OSError, EOFError) as exc:
            raise _refuse(source, ArchiveText.tr("it is not a HER2 Companion archive")) from exc
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise _refuse(source, ArchiveText.tr("it is not a HER2 Companion archive"))
        if manifest.get("format_version") != FORMAT_VERSION:
            raise _refuse(source, ArchiveText.tr("it was made by another version of the app"))
        if manifest.get("sha256") != _sha256(database):
            raise _refuse(source, ArchiveText.tr("the database inside is not the one archived"))
        key = paths.key if cipher.looks_encrypted(database) else None
        if key is None and cipher.looks_encrypted(database):
            raise _refuse(
                source,
                ArchiveText.tr("it is protected with a password; give that password to import it"),
            )
        try:
            counts = row_counts(database, key)
        except WrongPasswordError as exc:
            raise _refuse(source, ArchiveText.tr("the password given does not open it")) from exc
        except DATABASE_ERRORS as exc:
            raise _refuse(source, ArchiveText.tr("the database inside is damaged")) from exc
        except UnicodeDecodeError as exc:  # a schema text no longer UTF-8
            raise _refuse(source, ArchiveText.tr("the database inside is damaged")) from exc
        if manifest.get("counts") != counts:
            raise _refuse(source, ArchiveText.tr("the entries inside do not match its list"))
        result = restore_profile(paths, database)  # schema, integrity, migration, swap
        if settings.exists():
            atomic_file.write_with(paths.settings, _copy_from(settings))
    return result


def _copy_from(source: Path) -> Callable[[Path], None]:
    """A writer for atomic_file that fills the temporary file with a copy of source."""

    def copy(temp: Path) -> None:
        shutil.copyfile(source, temp)

    return copy
