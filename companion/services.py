"""All services of one open profile, handed to the UI as one object."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from companion.profile.service import ProfileService
from companion.store import Store


@dataclass
class Services:
    store: Store
    profile: ProfileService

    @classmethod
    def open(cls, data_dir: Path) -> Services:
        store = Store.open(data_dir)
        return cls(store=store, profile=ProfileService(store))

    def close(self) -> None:
        self.store.close()
