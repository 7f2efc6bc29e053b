"""Opening SQLite files by path: any characters in the path, read-only where asked.

A path goes to SQLite as a plain file name or as a percent-encoded file: URI, never pasted
into a URL, so folders named "q?x=1#a" or "Maria%20data" are just folders.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from companion.store.file_uri import SQLITE_MAGIC, file_uri

if TYPE_CHECKING:
    from companion.store.cipher import ProfileKey


def connect(path: Path, key: ProfileKey | None = None) -> sqlite3.Connection:
    """A read-write connection to path: sqlite3, or SQLCipher keyed with key. Like every
    connection here, any thread may use it (one at a time: Store.read() hands kept ones out)."""
    if key is None:
        return sqlite3.connect(str(path), check_same_thread=False)
    from companion.store import cipher

    return cipher.connect(path, key)


def _connect_uri(path: Path, key: ProfileKey | None, **parameters: str) -> sqlite3.Connection:
    if key is None:
        return sqlite3.connect(file_uri(path, **parameters), uri=True, check_same_thread=False)
    from companion.store import cipher

    return cipher.connect(path, key, parameters)


def connect_read_only(path: Path, key: ProfileKey | None = None) -> sqlite3.Connection:
    """A connection that cannot change the file, not even its header or side files.
    key: the password of a protected file (a wrong one raises WrongPasswordError).

    In a read-only folder SQLite cannot create the WAL index a WAL database needs; the file
    is then opened as immutable (it cannot change under us: nobody can write there)."""
    from companion.store.cipher import DATABASE_ERRORS, check_key

    if not Path(path).is_file():
        raise sqlite3.OperationalError(f"unable to open database file {path}")
    connection = _connect_uri(path, key, mode="ro")
    try:
        if key is not None:
            check_key(connection)  # a wrong password is said so, never called damage
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DATABASE_ERRORS as exc:
        connection.close()
        operational = "OperationalError" in type(exc).__name__
        if not operational or folder_writable(Path(path).parent):
            raise
        connection = _connect_uri(path, key, mode="ro", immutable="1")
    except BaseException:
        connection.close()
        raise
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
