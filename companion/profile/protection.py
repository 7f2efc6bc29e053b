"""Protect the profile with a password (SQLCipher), change it, or take it off; unlock at start."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from companion.errors import PasswordNeededError, ValidationError, WrongPasswordError
from companion.paths import ProfilePaths
from companion.store import cipher
from companion.store.cipher import ProfileKey
from companion.store.sqlite_files import connect_read_only

if TYPE_CHECKING:  # the command line checks a password without loading SQLAlchemy
    from companion.store import Store
from companion.translations import TranslationContext

MIN_PASSWORD_LENGTH = 8


class ProtectionText(TranslationContext):
    """Messages about the profile's password."""


def is_protected(paths: ProfilePaths) -> bool:
    """Is the profile file in paths encrypted (it then needs its password to open)?"""
    return paths.database.is_file() and cipher.looks_encrypted(paths.database)


def available() -> bool:
    return cipher.available()


def unlock(paths: ProfilePaths, password: str) -> ProfilePaths:
    """paths with the key of password, checked against the file (read-only, nothing
    written). Raises WrongPasswordError with a plain message."""
    if not password:
        raise WrongPasswordError(ProtectionText.tr("Please type the password."))
    key = ProfileKey(password)
    connect_read_only(paths.database, key).close()  # WrongPasswordError when it is not it
    return replace(paths, key=key)


def check_new_password(password: str, repeated: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            ProtectionText.tr("Please choose a password of at least {count} characters.").format(
                count=MIN_PASSWORD_LENGTH
            )
        )
    if password != repeated:
        raise ValidationError(
            ProtectionText.tr("The two passwords are not the same. Please type them again.")
        )


class ProtectionService:
    """The open profile's protection. Every change goes through a verified copy after a
    backup (companion.store.protection); the open store then uses the new key."""

    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def available(self) -> bool:
        return cipher.available()

    @property
    def protected(self) -> bool:
        return self._store.protected

    def check_password(self, password: str) -> None:
        """Raise WrongPasswordError unless password is the profile's (unlocking after idle)."""
        key = self._store.paths.key
        if key is None or not password or ProfileKey(password) != key:
            raise WrongPasswordError(
                ProtectionText.tr("That password does not open this profile. Nothing was changed.")
            )

    def _check_current(self, current: str | None) -> None:
        """The current password must be typed again: someone at an unlocked laptop cannot
        change or remove it."""
        key = self._store.paths.key
        if key is None:
            return
        if current is None or ProfileKey(current or "-") != key:
            raise WrongPasswordError(
                ProtectionText.tr("That is not the current password. Nothing was changed.")
            )

    def _change(self, key: ProfileKey | None) -> None:
        if self._store.read_only:
            from companion.store import faults

            raise faults.read_only()
        from companion.store.protection import change_key

        self._store.close()
        try:
            paths = change_key(self._store.paths, key, self._store.clock.now())
        except BaseException:
            self._store.reopen(self._store.paths)
            raise
        self._store.reopen(paths)

    def protect(self, password: str, repeated: str, current: str | None = None) -> None:
        """Set the password (or change it: current is then the one in use)."""
        cipher.require()
        check_new_password(password, repeated)
        self._check_current(current)
        self._change(ProfileKey(password))

    def remove(self, current: str) -> None:
        """Take the protection off (the profile and its backups become plain files)."""
        if not self.protected:
            return
        self._check_current(current)
        self._change(None)


__all__ = [
    "MIN_PASSWORD_LENGTH",
    "PasswordNeededError",
    "ProtectionService",
    "WrongPasswordError",
    "available",
    "check_new_password",
    "is_protected",
    "unlock",
]
