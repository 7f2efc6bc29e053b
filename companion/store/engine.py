"""SQLite engine for the profile: WAL, foreign keys, synchronous=FULL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers and the writer work together; FULL syncs every commit to disk so a
    # killed process or a power cut cannot lose an answer that was shown as saved.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(database: Path) -> Engine:
    """One engine per profile. SQLAlchemy's default pool for a file database (QueuePool)
    keeps a connection per thread, which suits the GUI thread plus worker threads."""
    engine = create_engine(f"sqlite:///{database}")
    event.listen(engine, "connect", _on_connect)
    return engine
