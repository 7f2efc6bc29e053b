"""SQLite engine for the profile: WAL, foreign keys, synchronous=FULL; read-only if need be."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, Engine, QueuePool, create_engine, event

from companion.store.sqlite_files import connect_read_only, folder_writable

if TYPE_CHECKING:
    from companion.store.cipher import ProfileKey


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers and the writer work together; FULL syncs every commit to disk so a
    # killed process or a power cut cannot lose an answer that was shown as saved.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(database: Path, read_only: bool = False, key: ProfileKey | None = None) -> Engine:
    """One engine per profile. SQLAlchemy's default pool for a file database (QueuePool)
    keeps a connection per thread, which suits the GUI thread plus worker threads.

    The path goes in as a file name (URL.create), never formatted into a URL string. A
    read-only engine changes not a byte of the file: every write is refused by SQLite.
    key: a protected profile (SQLCipher, through SQLAlchemy's sqlite+pysqlcipher dialect)."""
    if key is not None:
        return _cipher_engine(Path(database), read_only, key)
    if read_only:
        return create_engine("sqlite://", creator=partial(connect_read_only, Path(database)))
    engine = create_engine(URL.create("sqlite", database=str(database)))
    event.listen(engine, "connect", _on_connect)
    return engine


def _cipher_engine(database: Path, read_only: bool, key: ProfileKey) -> Engine:
    """SQLAlchemy's SQLite dialect over the sqlcipher3 module (its errors are wrapped like
    sqlite3's); each new connection is keyed for the file as it is then (a restore may have
    brought a file with another salt). The key is in no URL; the pool is the plain one's."""
    from companion.store import cipher

    sqlcipher = cipher.require()

    def connect() -> Any:
        if not read_only:
            return cipher.connect(database, key)
        extra = {} if folder_writable(database.parent) else {"immutable": "1"}
        return cipher.connect(database, key, {"mode": "ro", **extra})

    engine = create_engine("sqlite://", creator=connect, module=sqlcipher, poolclass=QueuePool)
    event.listen(engine, "connect", _on_connect_read_only if read_only else _on_connect)
    return engine


def _on_connect_read_only(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()
