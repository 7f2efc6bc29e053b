"""Backups of the open profile, for the Settings page (which never touches the store)."""

from __future__ import annotations

from pathlib import Path

from companion.store import Store
from companion.store.backup import timestamp


class BackupService:
    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def folder(self) -> Path:
        """Where the backups of this profile are kept."""
        return self._store.paths.backups

    def back_up_now(self) -> Path:
        """Write a backup named after the current time; returns its path."""
        target = self.folder / f"backup-{timestamp(self._store.clock.now())}.sqlite"
        return self._store.backup(target)
