"""Every path the app uses, in one place.

The profile folder comes from --data-dir, else COMPANION_DATA_DIR, else the platform's user
data folder. All files the app creates are private to the user (folder 0700, files 0600).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from companion.errors import ProfileError

if TYPE_CHECKING:
    from companion.store.cipher import ProfileKey

ENV_DATA_DIR = "COMPANION_DATA_DIR"
FOLDER_MODE = 0o700
FILE_MODE = 0o600


def default_data_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path  # only when no folder was given: a quicker CLI

    return user_data_path("her2-companion", appauthor=False)


@dataclass(frozen=True)
class ProfilePaths:
    """The layout of one profile folder, and the password of a protected profile.

    key travels with the paths so that every file of the profile (the database, its
    backups, an archive) is opened the same way; it is never shown (repr) nor compared."""

    root: Path
    key: ProfileKey | None = field(default=None, repr=False, compare=False)

    @property
    def database(self) -> Path:
        return self.root / "profile.sqlite"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def settings(self) -> Path:
        return self.root / "settings.ini"

    def ensure(self) -> None:
        """Create the folders with private permissions, or explain why that is impossible.

        A read-only folder that holds a profile is fine: it is opened for reading only."""
        if self.database.is_file() and not os.access(self.root, os.W_OK):
            return
        for folder in (self.root, self.backups, self.logs):
            if folder.exists() and not folder.is_dir():
                raise ProfileError(f"{folder} is a file, not a folder; choose another data folder.")
            try:
                folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
                make_private(folder)
            except PermissionError as exc:
                raise ProfileError(
                    f"Cannot use the data folder {folder}: permission denied."
                ) from exc
            except OSError as exc:
                raise ProfileError(f"Cannot use the data folder {folder}: {exc.strerror}.") from exc


def make_private(path: Path) -> None:
    """Take away every permission of other users (at most 0600 / 0700). The owner's own
    bits are left as they are: a folder the user made read-only (chmod 500) stays so."""
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        path.chmod(mode & ~0o077)
