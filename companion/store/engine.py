"""SQLite engine for the profile: WAL, foreign keys, synchronous=FULL; read-only if need be."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event

from companion.store.sqlite_files import connect_read_only


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers and the writer work together; FULL syncs every commit to disk so a
    # killed process or a power cut cannot lose an answer that was shown as saved.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(database: Path, read_only: bool = False) -> Engine:
    """One engine per profile. SQLAlchemy's default pool for a file database (QueuePool)
    keeps a connection per thread, which suits the GUI thread plus worker threads.

    The path goes in as a file name (URL.create), never formatted into a URL string. A
    read-only engine changes not a byte of the file: every write is refused by SQLite."""
    if read_only:
        return create_engine("sqlite://", creator=partial(connect_read_only, Path(database)))
    engine = create_engine(URL.create("sqlite", database=str(database)))
    event.listen(engine, "connect", _on_connect)
    return engine
