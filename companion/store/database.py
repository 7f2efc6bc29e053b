"""Opening a profile: creation, checks, migration (after a backup), read-only use, sessions.

The start needs only sqlite3: the checks read the file with it and read() gives plain
reads; SQLAlchemy (the engine, the ORM sessions every write uses) loads on the first
session(), so the first paint of the window does not wait for it.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

from companion.clock import Clock, default_clock
from companion.errors import (
    CompanionError,
    DamagedProfileError,
    PasswordNeededError,
    ProfileError,
)
from companion.paths import ProfilePaths, make_private
from companion.store import cipher, faults
from companion.store.backup import backup_database, timestamp
from companion.store.cipher import CipherText
from companion.store.creation import create_profile
from companion.store.schema_version import HEAD_REVISION
from companion.store.sqlite_files import connect, connect_read_only, file_writable, side_files

MAX_IDLE_READERS = 4  # the GUI thread and a few workers

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker


class Store:
    """The patient's database. Services open one short session per operation (every write
    goes through one); plain reads may use read() instead."""

    def __init__(self, paths: ProfilePaths, clock: Clock, read_only: bool = False) -> None:
        self.paths = paths
        self.clock = clock
        self.read_only = read_only  # the file or its folder cannot be written: reading only
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._engine_lock = threading.Lock()  # the GUI thread and a worker may both ask
        self._check: _IntegrityCheck | None = None  # open(check_in_background=True)
        self._check_lock = threading.Lock()
        # Idle read() connections, kept: opening one (SQLite parses the schema) cost more
        # than most of the reads Today makes. close() drops them all and starts a new
        # generation, so a connection to a swapped-out file is never used again.
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self._generation = 0

    @property
    def engine(self) -> Engine:
        """SQLAlchemy's engine for the profile, made (and SQLAlchemy imported) on first use."""
        return self._orm()[0]

    def _orm(self) -> tuple[Engine, sessionmaker[Session]]:
        with self._engine_lock:
            if self._engine is None or self._sessions is None:
                from sqlalchemy.orm import sessionmaker

                from companion.store.engine import make_engine

                engine = make_engine(
                    self.paths.database, read_only=self.read_only, key=self.paths.key
                )
                # Column defaults (created_at, recorded_at...) read the clock from here.
                engine.update_execution_options(clock=self.clock)
                self._sessions = sessionmaker(engine, expire_on_commit=False)
                self._engine = engine
            return self._engine, self._sessions

    @classmethod
    def open(
        cls,
        where: ProfilePaths | Path,
        clock: Clock | None = None,
        *,
        check_in_background: bool = False,
    ) -> Store:
        """Open (creating if needed) the profile, migrating it to the newest schema.
        clock: where every service over this store takes the time (default_clock() if None).
        check_in_background: SQLite's integrity check of the whole file runs on a worker
        thread (it does not hold Python's lock, so the window is built meanwhile); the first
        read or session, or wait_for_check(), waits for it and raises DamagedProfileError
        when it found damage. Without it, open() checks before it returns.

        Nothing is written before the file is known to be a sound profile this version can
        use: a newer schema, a damaged file or a read-only one changes not a byte.

        A protected profile needs paths.key (PasswordNeededError without it,
        WrongPasswordError with a wrong one); the key of an unprotected profile is dropped."""
        clock = clock or default_clock()
        paths = where if isinstance(where, ProfilePaths) else ProfilePaths(Path(where))
        paths.ensure()
        old_umask = os.umask(0o077)
        try:
            if not paths.database.exists() or paths.database.stat().st_size == 0:
                create_profile(replace(paths, key=None))
            paths = with_matching_key(paths)
            read_only = not file_writable(paths.database)
            early = _early_check(paths) if check_in_background else None
            try:
                revision = _checked_revision(paths, quick_check=not check_in_background)
            except CompanionError:
                if early is not None:  # damage is said first, as when both run together
                    early.wait()
                elif check_in_background:
                    _quick_check(paths)
                raise
            store = cls(paths, clock, read_only)
            if check_in_background:
                store._check = early or _IntegrityCheck(paths)
            if revision != HEAD_REVISION:
                store.wait_for_check()  # a damaged file is never migrated
                if read_only:
                    raise faults.read_only()
                store._migrate()
        finally:
            os.umask(old_umask)
        if not read_only:
            for path in (paths.database, *side_files(paths.database)):
                if path.exists():
                    make_private(path)
        if store._check is None:
            store._ready()
        return store

    def wait_for_check(self) -> None:
        """Wait for the integrity check begun by open(check_in_background=True), if any:
        DamagedProfileError (nothing was changed) when it found damage. Every read and
        session waits for it first: nothing is read or written before the file is known
        to be sound."""
        with self._check_lock:
            check = self._check
            if check is None:
                return
            check.wait()
            self._check = None
        self._ready()

    def _ready(self) -> None:
        """The file is known sound: make sure it has its profile row."""
        if not self.read_only:
            self._ensure_profile_row()

    def _migrate(self) -> None:
        """Back up the profile, then upgrade it (a newer schema was refused before)."""
        from sqlalchemy.exc import DBAPIError

        from companion.store import migrate  # Alembic loads only when a migration runs

        try:
            engine = self.engine
            revision = migrate.current_revision(engine) or "empty"
            engine.dispose()
            backup_database(
                self.paths.database,
                self.paths.backups
                / f"before-upgrade-{revision}-{timestamp(self.clock.now())}.sqlite",
                self.paths.key,
            )
            migrate.upgrade(engine)
        except DBAPIError as exc:
            self.close()
            raise faults.translate(exc) or ProfileError(
                f"The profile database cannot be opened: {exc.orig}. Nothing was changed."
            ) from exc
        except BaseException:
            self.close()
            raise

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back on any exception.

        SQLite's failures (full disk, read-only, locked, damaged) leave as the project's own
        errors with plain messages; a bug (bad SQL) stays what it is."""
        self.wait_for_check()
        _engine, sessions = self._orm()
        from sqlalchemy.exc import DBAPIError

        try:
            with sessions() as session, session.begin():
                yield session
        except DBAPIError as exc:
            plain = faults.translate(exc)
            if plain is None:
                raise
            raise plain from exc
        except cipher.SQLITE_ERRORS as exc:  # from sqlite_of(session): the same plain errors
            plain = faults.from_sqlite(exc)
            if plain is None:
                raise
            raise plain from exc

    @staticmethod
    def sqlite_of(session: Session) -> sqlite3.Connection:
        """The session's own sqlite3 connection, in its transaction: for bulk reads and
        writes of plain rows (the answers of years), where SQLAlchemy's per-row handling
        costs several times what SQLite does. Use it inside session() only.
        A protected profile's connection is SQLCipher's: sqlite3's API, another class."""
        raw = session.connection().connection.driver_connection
        assert raw is not None
        return cast(sqlite3.Connection, raw)

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A plain sqlite3 connection (SQLCipher's for a protected profile) that can only
        read, in one snapshot of the file: for the reads the start and the pages need
        often, without SQLAlchemy. Its failures leave as the same plain errors as session()'s.

        Inside a session() use Store.sqlite_of(session) instead: a read beside a write must
        see what that transaction wrote."""
        self.wait_for_check()
        try:
            db, generation = self._reader()
            try:
                db.execute("BEGIN")  # one snapshot for the whole block
                yield db
            except BaseException:
                db.close()  # rolls the read transaction back
                raise
            db.execute("ROLLBACK")
            self._keep(db, generation)
        except cipher.SQLITE_ERRORS as exc:
            plain = faults.from_sqlite(exc)
            if plain is None:
                raise
            raise plain from exc

    def _reader(self) -> tuple[sqlite3.Connection, int]:
        """An idle read connection, or a new one; with the generation it belongs to."""
        with self._readers_lock:
            generation = self._generation
            if self._readers:
                return self._readers.pop(), generation
        # Any thread may use it in turn, never two at once (read() hands it to one).
        opened = connect_read_only if self.read_only else connect
        db = opened(self.paths.database, self.paths.key)
        try:
            db.execute("PRAGMA query_only=ON")
            db.execute("PRAGMA busy_timeout=5000")
        except BaseException:
            db.close()
            raise
        db.isolation_level = None  # transactions as this class says, not as sqlite3 guesses
        return db, generation

    def _keep(self, db: sqlite3.Connection, generation: int) -> None:
        with self._readers_lock:
            if generation == self._generation and len(self._readers) < MAX_IDLE_READERS:
                self._readers.append(db)
                return
        db.close()

    def reopen(self, paths: ProfilePaths) -> None:
        """Use the file in paths afresh (after it was swapped or re-keyed): the old
        connections are closed, the next session opens the file with paths.key.
        The new paths first: a read starting meanwhile on another thread either belongs to
        the old generation (its connection is closed after it) or already opens these."""
        self.paths = paths
        self.close()

    @property
    def protected(self) -> bool:
        return self.paths.key is not None

    def _ensure_profile_row(self) -> None:
        with self.read() as db:
            if db.execute("SELECT 1 FROM profile WHERE id = 1").fetchone() is not None:
                return
        from companion.store.models import Profile  # the row's defaults are the model's

        with self.session() as session:
            if session.get(Profile, 1) is None:
                session.add(Profile(id=1))

    def backup(self, target: Path) -> Path:
        return backup_database(self.paths.database, target, self.paths.key)

    def close(self) -> None:
        """Close every pooled connection; the next read or session opens the file again."""
        with self._readers_lock:
            readers, self._readers = self._readers, []
            self._generation += 1  # a read going on now closes its connection at the end
        for db in readers:
            db.close()
        with self._engine_lock:
            engine, self._engine, self._sessions = self._engine, None, None
        if engine is not None:
            engine.dispose()


_early: dict[Path, _IntegrityCheck] = {}  # begun by check_early(), used once by open()
_early_lock = threading.Lock()


def check_early(folder: Path) -> None:
    """Begin the integrity check of the plain (unprotected) profile in folder before the
    window's code is even imported (the `companion` command calls it): the next Store.open(
    check_in_background=True) of that file uses it instead of checking it again. A missing,
    empty or protected file is left to open()."""
    paths = ProfilePaths(Path(folder))
    try:
        if paths.database.stat().st_size == 0 or cipher.looks_encrypted(paths.database):
            return
    except OSError:
        return
    with _early_lock:
        _early.setdefault(paths.database.resolve(), _IntegrityCheck(paths))


def _early_check(paths: ProfilePaths) -> _IntegrityCheck | None:
    """The early check of this file, if one was begun for it (taken: used once)."""
    if paths.key is not None:
        return None
    with _early_lock:
        return _early.pop(paths.database.resolve(), None)


class _IntegrityCheck:
    """_quick_check() on a worker thread; wait() raises what it found."""

    def __init__(self, paths: ProfilePaths) -> None:
        self._paths = paths
        self._failure: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="quick-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            _quick_check(self._paths)
        except BaseException as exc:  # raised on the thread that waits for it
            self._failure = exc

    def wait(self) -> None:
        self._thread.join()
        if self._failure is not None:
            raise self._failure


def _quick_check(paths: ProfilePaths) -> None:
    """SQLite's quick check of the whole file, changing not a byte: DamagedProfileError
    when it finds damage."""
    try:
        db = _read_only_recovered(paths)
        try:
            problems = [row[0] for row in db.execute("PRAGMA quick_check")]
        finally:
            db.close()
    except cipher.DATABASE_ERRORS as exc:
        raise _refusal(paths, exc) from exc
    if problems != ["ok"]:
        raise damaged_at_start(paths, problems[0])


def _refusal(paths: ProfilePaths, exc: Exception) -> CompanionError:
    plain = faults.from_sqlite(exc)
    if isinstance(plain, DamagedProfileError) or plain is None:
        return damaged_at_start(paths, str(exc))
    return plain


def _checked_revision(paths: ProfilePaths, quick_check: bool = True) -> str:
    """The profile's schema revision, read without changing a byte; refuses a damaged file
    (quick_check: SQLite's check of the whole file first), a file that is not a profile and
    a profile from a newer version of the app."""
    try:
        db = _read_only_recovered(paths)
        try:
            problems = [row[0] for row in db.execute("PRAGMA quick_check")] if quick_check else []
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
            rows = (
                db.execute("SELECT version_num FROM alembic_version").fetchall()
                if "alembic_version" in tables
                else None
            )
        finally:
            db.close()
    except cipher.DATABASE_ERRORS as exc:
        raise _refusal(paths, exc) from exc
    if quick_check and problems != ["ok"]:
        raise damaged_at_start(paths, problems[0])
    if rows == [] or not tables:  # a schema taken back to nothing: build it again
        return "base"
    if rows is None or len(rows) != 1:
        raise ProfileError(
            f"{paths.database} is not a HER2 Companion profile. Nothing was changed; choose "
            "another data folder."
        )
    revision = str(rows[0][0])
    if revision != HEAD_REVISION:
        from companion.store import migrate

        migrate.refuse_unknown(revision)
    return revision


def _read_only_recovered(paths: ProfilePaths) -> sqlite3.Connection:
    """A read-only connection to the profile. When the last writer was killed mid-write and
    SQLite needs to write to make the file consistent (roll back a hot journal, rebuild the
    WAL index) a read-only connection is refused with SQLITE_READONLY; SQLite's own recovery
    then runs on a read-write connection (it changes no saved entry) and the check goes on."""
    try:
        return connect_read_only(paths.database, paths.key)
    except cipher.DATABASE_ERRORS as exc:
        code = getattr(exc, "sqlite_errorcode", None)
        needs_recovery = isinstance(code, int) and code & 0xFF == sqlite3.SQLITE_READONLY
        if not needs_recovery or not file_writable(paths.database):
            raise
    recovering = connect(paths.database, paths.key)
    try:
        recovering.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        recovering.close()
    return connect_read_only(paths.database, paths.key)


def with_matching_key(paths: ProfilePaths) -> ProfilePaths:
    """paths with the key the file needs: none for a plain profile (a key given for it is
    dropped); a protected one refuses to go on without a key."""
    if not cipher.looks_encrypted(paths.database):
        return replace(paths, key=None) if paths.key is not None else paths
    if paths.key is None:
        raise PasswordNeededError(CipherText.tr("This profile is protected with a password."))
    cipher.require()
    return paths


def damaged_at_start(paths: ProfilePaths, problem: str) -> DamagedProfileError:
    has_backup = paths.backups.is_dir() and any(paths.backups.glob("*.sqlite"))
    error = faults.damaged_profile(paths.database, problem, has_backup)
    error.database = paths.database
    return error
