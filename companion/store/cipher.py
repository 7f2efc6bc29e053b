"""Encryption at rest with SQLCipher (optional): the key, connections, re-keyed copies.

An unprotected profile never touches SQLCipher: it is opened with the standard sqlite3
module exactly as before. A protected file is recognised by its first bytes (SQLCipher
writes a random salt where SQLite writes "SQLite format 3"), so no flag in settings can
disagree with the file after a crash.

The password lives only in a ProfileKey in memory: its repr hides it, it cannot be pickled,
and it reaches SQLCipher only as a PRAGMA on a fresh connection (never in a file name, a
URL string, a log line or argv).
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any, cast

from companion.errors import EncryptionUnavailableError, WrongPasswordError
from companion.store.file_uri import SQLITE_MAGIC, file_uri
from companion.translations import TranslationContext

# Bytes 21-23 of a plain SQLite header are always 64, 32, 32 (payload fractions): a plain
# file damaged in its first 16 bytes still has them, an encrypted one has random bytes.
_PLAIN_PAYLOAD_FRACTIONS = b"\x40\x20\x20"
MIN_ENCRYPTED_SIZE = 1024  # SQLCipher writes whole pages (4096 bytes unless told otherwise)
PAGE_MULTIPLE = 512  # the smallest page size SQLite knows


class CipherText(TranslationContext):
    """Messages about password protection."""


# SQLCipher 4's defaults: the key is PBKDF2-HMAC-SHA512 of the password with the file's
# 16-byte salt, 256,000 iterations, 32 bytes.
KDF_ITERATIONS = 256_000
SALT_BYTES = 16
KEY_BYTES = 32


class ProfileKey:
    """A profile's password, kept out of every representation.

    Deriving the key costs a third of a second, and SQLCipher would do it again for every
    connection; it is done once per file salt and the raw key is kept here, in memory."""

    __slots__ = ("_derived", "_passphrase")

    def __init__(self, passphrase: str) -> None:
        if not passphrase:
            raise ValueError("a password cannot be empty")
        self._passphrase = passphrase
        self._derived: dict[bytes, str] = {}

    def __repr__(self) -> str:
        return "ProfileKey(<hidden>)"

    __str__ = __repr__

    def __reduce__(self) -> Any:
        raise TypeError("a profile key is never pickled")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ProfileKey) and other._passphrase == self._passphrase

    def __hash__(self) -> int:
        return hash(ProfileKey)

    @property
    def passphrase(self) -> str:
        return self._passphrase

    def secret_for(self, database: Path | None = None) -> str:
        """What keys SQLCipher for database: the raw key derived for the file's salt when
        the file is already encrypted ("x'…'"), else the password (SQLCipher then makes a
        salt for the new file)."""
        salt = _salt(database) if database is not None else None
        if salt is None:
            return self._passphrase
        raw = self._derived.get(salt)
        if raw is None:
            raw = hashlib.pbkdf2_hmac(
                "sha512", self._passphrase.encode("utf-8"), salt, KDF_ITERATIONS, KEY_BYTES
            ).hex()
            self._derived[salt] = raw
        return f"x'{raw}'"

    def pragma(self, database: Path | None = None) -> str:
        """The PRAGMA that keys a new connection to database (a quoted SQL literal)."""
        return "PRAGMA key = '" + self.secret_for(database).replace("'", "''") + "'"


def _salt(database: Path) -> bytes | None:
    if not looks_encrypted(database):
        return None
    try:
        with open(database, "rb") as handle:
            return handle.read(SALT_BYTES)
    except OSError:
        return None


def _module() -> Any:
    try:
        import sqlcipher3
    except ImportError:
        return None
    return sqlcipher3


def available() -> bool:
    """Can this computer protect a profile (is SQLCipher installed)?"""
    return _module() is not None


def require() -> Any:
    module = _module()
    if module is None:
        raise EncryptionUnavailableError(
            CipherText.tr(
                "Password protection needs SQLCipher, which is not installed on this "
                "computer. Nothing was changed."
            )
        )
    return module


def _error_classes(name: str) -> tuple[type[Exception], ...]:
    module = _module()
    found: list[type[Exception]] = [getattr(sqlite3, name)]
    if module is not None:
        found.append(getattr(module, name))
    return tuple(found)


# except clauses that must catch SQLite's errors from either driver.
DATABASE_ERRORS = _error_classes("DatabaseError")
SQLITE_ERRORS = _error_classes("Error")


def looks_encrypted(path: Path) -> bool:
    """Is path an SQLCipher file (not plain SQLite, not empty)? Reads 24 bytes only."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(24)
            size = handle.seek(0, 2)
    except OSError:
        return False
    if size < MIN_ENCRYPTED_SIZE or size % PAGE_MULTIPLE or head[:16] == SQLITE_MAGIC:
        return False
    return head[21:24] != _PLAIN_PAYLOAD_FRACTIONS


def connect(
    path: Path, key: ProfileKey, uri_parameters: dict[str, str] | None = None
) -> sqlite3.Connection:
    """An SQLCipher connection to path keyed with key (a file: URI when uri_parameters are
    given, e.g. mode=ro). Its API is sqlite3's (a pysqlite fork)."""
    module = require()
    if uri_parameters is None:
        connection = module.connect(str(path), check_same_thread=False)
    else:
        target = file_uri(path, **uri_parameters)
        connection = module.connect(target, uri=True, check_same_thread=False)
    quiet(connection)
    connection.execute(key.pragma(Path(path)))
    return cast(sqlite3.Connection, connection)


def quiet(connection: Any) -> None:
    """SQLCipher writes its own errors to stderr (a wrong password: "hmac check failed");
    the app says it in plain words instead."""
    connection.execute("PRAGMA cipher_log_level = NONE")


def check_key(connection: sqlite3.Connection) -> None:
    """Raise WrongPasswordError unless the connection's key opens the file."""
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DATABASE_ERRORS as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise wrong_password() from exc
        raise


def wrong_password() -> WrongPasswordError:
    return WrongPasswordError(
        CipherText.tr("That password does not open this profile. Nothing was changed.")
    )


def export_copy(
    source: Path, source_key: ProfileKey | None, target: Path, target_key: ProfileKey | None
) -> None:
    """Write a logical copy of source into target (a new or empty file: an empty one made
    private by the caller keeps its permissions), encrypted with target_key (plain when
    None). SQLCipher's sqlcipher_export: the way to add, change or remove a key without
    touching the source."""
    module = require()
    connection = module.connect("file::memory:", uri=True, check_same_thread=False)
    try:
        quiet(connection)
        secret = source_key.secret_for(source) if source_key else ""
        connection.execute(
            "ATTACH DATABASE ? AS source KEY ?", (file_uri(source, mode="ro"), secret)
        )
        try:
            connection.execute("SELECT count(*) FROM source.sqlite_master").fetchone()
        except DATABASE_ERRORS as exc:
            if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
                raise wrong_password() from exc
            raise
        connection.execute(
            "ATTACH DATABASE ? AS target KEY ?",
            (str(target), target_key.passphrase if target_key else ""),
        )
        connection.execute("SELECT sqlcipher_export('target', 'source')")
        connection.execute("DETACH DATABASE target")
        connection.execute("DETACH DATABASE source")
    finally:
        connection.close()
