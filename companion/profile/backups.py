"""Backups of the open profile: list, make, keep tidy, restore (the Settings page and CLI)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from companion.paths import ProfilePaths
from companion.store import Store, archive
from companion.store import backup_shelf as shelf
from companion.store.archive import ArchiveSummary
from companion.store.backup import integrity_problems
from companion.store.backup_shelf import (
    BEFORE_IMPORT,
    BEFORE_PROTECTION,
    BEFORE_UPGRADE,
    BY_HAND,
    DAILY,
    DAILY_KEPT,
    REPLACED,
    WEEKLY_KEPT,
    BackupEntry,
)
from companion.store.restore import RestoreResult, restore_profile


class BackupService:
    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def folder(self) -> Path:
        """Where the backups of this profile are kept."""
        return self._store.paths.backups

    def list(self) -> list[BackupEntry]:
        return shelf.list_backups(self._store.paths)

    def back_up_now(self) -> Path:
        return shelf.make_backup(self._store.paths, shelf.BY_HAND, self._store.clock.now())

    def before(self, kind: str) -> Path:
        """A backup before a risky change (an import); kept 10 of each kind."""
        made = shelf.make_backup(self._store.paths, kind, self._store.clock.now())
        shelf.prune(self._store.paths, self._store.clock.now())
        return made

    def before_import(self) -> Path:
        """The backup taken before an import adds entries (CLI and window alike)."""
        return self.before(BEFORE_IMPORT)

    def daily_if_due(
        self, daily: int = shelf.DAILY_KEPT, weekly: int = shelf.WEEKLY_KEPT
    ) -> Path | None:
        if self._store.read_only:
            return None
        return shelf.daily_backup_if_due(self._store.paths, self._store.clock.now(), daily, weekly)

    def restore(self, source: Path) -> RestoreResult:
        """Replace the open profile with source (validated first). The connections are
        closed around the swap, so the next read opens the restored file."""
        return self._swap(lambda: restore_profile(self._store.paths, source))

    def full_check(self) -> Sequence[str]:
        """SQLite's full integrity and foreign-key check of the profile as it is on disk
        (the start only runs the quick one). Reads only; safe on a worker thread."""
        paths = self._store.paths
        return integrity_problems(paths.database, key=paths.key)

    def export_archive(self, target: Path) -> ArchiveSummary:
        """The whole profile in one file for another computer (as `export archive`)."""
        return archive.export_archive(self._store.paths, target, self._store.clock.now())

    def import_archive(self, source: Path) -> RestoreResult:
        """Replace the open profile with an archive's (checked like a restore first; the
        profile as it was is kept aside). Connections are closed around the swap."""
        return self._swap(lambda: archive.import_archive(self._store.paths, source))

    def _swap(self, replace: Callable[[], RestoreResult]) -> RestoreResult:
        """Run a profile swap with the connections closed around it, so the next read
        opens the new file."""
        self._store.close()
        try:
            return replace()
        finally:
            self._store.close()


__all__ = [
    "BEFORE_IMPORT",
    "BEFORE_PROTECTION",
    "BEFORE_UPGRADE",
    "BY_HAND",
    "DAILY",
    "DAILY_KEPT",
    "REPLACED",
    "WEEKLY_KEPT",
    "BackupEntry",
    "BackupService",
    "RestoreResult",
    "newest_good_backup",
    "restore_unopened",
]


def newest_good_backup(paths: ProfilePaths) -> BackupEntry | None:
    """For a profile that cannot be opened: its newest backup that passes the check."""
    return shelf.newest_good(paths)


def restore_unopened(paths: ProfilePaths, source: Path) -> RestoreResult:
    """Restore into a profile that is not open (damaged at start); the caller holds the lock."""
    return restore_profile(paths, source)
