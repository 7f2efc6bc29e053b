"""The patient's database: engine, sessions, models, migrations, backups, checks.

Store loads on first use, so that modules here that need only sqlite3 (backup, the
integrity check) do not pull SQLAlchemy into the command line or the crash handler.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from companion.store.database import Store

__all__ = ["Store"]


def __getattr__(name: str) -> object:
    if name == "Store":
        from companion.store.database import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
