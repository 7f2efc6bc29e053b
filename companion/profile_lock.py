"""One writer per profile: a lock file held by the window or a writing command.

Qt's QLockFile records the holder's process id and host; a lock left by a killed process is
taken over (staleLockTime 0: a live holder is never pushed out however long it runs). The
window also listens on a private local socket named after the profile, so a second start
can bring the open window forward instead of opening the profile twice.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QLockFile

from companion.errors import ProfileInUseError
from companion.translations import TranslationContext

LOCK_NAME = "profile.lock"


class ProfileLockText(TranslationContext):
    """Messages when a profile is already open."""


def in_use_error() -> ProfileInUseError:
    return ProfileInUseError(
        ProfileLockText.tr(
            "HER2 Companion has this profile open in another window. Close that window "
            "first, then try again. Nothing was changed."
        )
    )


class ProfileLock:
    """Held while a window or a writing command uses the profile in root."""

    def __init__(self, root: Path) -> None:
        self.path = Path(root) / LOCK_NAME
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)

    def acquire(self) -> None:
        """Take the lock or raise ProfileInUseError. A read-only folder cannot hold a lock
        file, and nothing can write there either: it is opened without one."""
        if not os.access(self.path.parent, os.W_OK):
            return
        if self._lock.tryLock(0):
            os.chmod(self.path, 0o600)
            return
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            raise in_use_error()
        # Permission or unknown errors: the folder is not writable for us.

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()

    def __enter__(self) -> ProfileLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def is_locked(root: Path) -> bool:
    """True when a live process holds the profile's lock (checks without taking it long)."""
    probe = ProfileLock(root)
    try:
        probe.acquire()
    except ProfileInUseError:
        return True
    probe.release()
    return False


def window_server_name(root: Path) -> str:
    """The local socket name of the window that has root open: private to this user
    (the user id is part of it) and free of the path's own characters."""
    digest = hashlib.sha256(str(Path(root).resolve()).encode("utf-8")).hexdigest()[:24]
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    return f"her2-companion-{user}-{digest}"
