"""Opening SQLite files by path: any characters in the path, read-only where asked.

A path goes to SQLite as a plain file name or as a percent-encoded file: URI, never pasted
into a URL, so folders named "q?x=1#a" or "Maria%20data" are just folders.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

SQLITE_MAGIC = b"SQLite format 3\x00"


def file_uri(path: Path, **parameters: str) -> str:
    query = "&".join(f"{key}={value}" for key, value in parameters.items())
    return f"file:{quote(str(Path(path).absolute()))}" + (f"?{query}" if query else "")


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file, not even its header or side files.

    In a read-only folder SQLite cannot create the WAL index a WAL database needs; the file
    is then opened as immutable (it cannot change under us: nobody can write there)."""
    if not Path(path).is_file():
        raise sqlite3.OperationalError(f"unable to open database file {path}")
    connection = sqlite3.connect(file_uri(path, mode="ro"), uri=True, check_same_thread=False)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        connection.close()
        if folder_writable(Path(path).parent):
            raise
        connection = sqlite3.connect(
            file_uri(path, mode="ro", immutable="1"), uri=True, check_same_thread=False
        )
    connection.execute("PRAGMA query_only=ON")
    return connection


def folder_writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK)


def file_writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and folder_writable(path.parent)


def looks_like_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def side_files(database: Path) -> list[Path]:
    return [database.with_name(database.name + side) for side in ("-wal", "-shm", "-journal")]
