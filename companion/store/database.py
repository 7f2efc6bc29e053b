"""Opening a profile: folder, permissions, migration (after a backup) and sessions."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from companion.clock import Clock, default_clock
from companion.errors import ProfileError
from companion.paths import ProfilePaths, make_private
from companion.store.backup import backup_database, timestamp
from companion.store.engine import make_engine
from companion.store.models import Profile
from companion.store.schema_version import HEAD_REVISION, stored_revision


class Store:
    """The patient's database. Services open one short session per operation."""

    def __init__(self, paths: ProfilePaths, engine: Engine, clock: Clock) -> None:
        self.paths = paths
        self.engine = engine
        self.clock = clock
        # Column defaults (created_at, recorded_at...) read the clock from here.
        engine.update_execution_options(clock=clock)
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, data_dir: Path, clock: Clock | None = None) -> Store:
        """Open (creating if needed) the profile in data_dir, migrating it to the newest schema.
        clock: where every service over this store takes the time (default_clock() if None)."""
        clock = clock or default_clock()
        paths = ProfilePaths(Path(data_dir))
        paths.ensure()
        existed = paths.database.exists()
        old_umask = os.umask(0o077)
        try:
            engine = make_engine(paths.database)
            try:
                if stored_revision(engine) != HEAD_REVISION:
                    cls._migrate(engine, paths, existed, clock)
            except DatabaseError as exc:
                engine.dispose()
                raise ProfileError(
                    f"The profile database cannot be opened: {exc.orig}. "
                    "Nothing was changed; 'companion restore' can bring back a backup."
                ) from exc
            except Exception:
                engine.dispose()
                raise
        finally:
            os.umask(old_umask)
        for path in (paths.database, *paths.root.glob("profile.sqlite-*")):
            make_private(path)
        store = cls(paths, engine, clock)
        store._ensure_profile_row()
        return store

    @staticmethod
    def _migrate(engine: Engine, paths: ProfilePaths, existed: bool, clock: Clock) -> None:
        """Refuse a newer schema; otherwise back up an existing profile, then upgrade it."""
        from companion.store import migrate  # Alembic loads only when a migration runs

        if not migrate.needs_upgrade(engine):
            return
        if existed:
            revision = migrate.current_revision(engine) or "empty"
            engine.dispose()
            backup_database(
                paths.database,
                paths.backups / f"before-upgrade-{revision}-{timestamp(clock.now())}.sqlite",
            )
        migrate.upgrade(engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back on any exception."""
        with self._sessions() as session, session.begin():
            yield session

    def _ensure_profile_row(self) -> None:
        with self.session() as session:
            if session.scalar(select(Profile).where(Profile.id == 1)) is None:
                session.add(Profile(id=1))

    def backup(self, target: Path) -> Path:
        return backup_database(self.paths.database, target)

    def close(self) -> None:
        self.engine.dispose()
