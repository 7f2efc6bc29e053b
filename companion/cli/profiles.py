"""The one way a command opens the profile.

Reading commands refuse a folder with no profile (a mistyped --data-dir must not create an
empty one and report "0 rows"); writing commands also take the profile lock, so they refuse
while the app has the profile open. The ProfilePaths is built here once and passed down.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from companion.errors import ProfileError
from companion.paths import ProfilePaths, default_data_dir

if TYPE_CHECKING:
    from companion.services import Services


def data_dir_of(args: argparse.Namespace) -> Path:
    data_dir = getattr(args, "data_dir", None)
    return Path(data_dir).expanduser() if data_dir else default_data_dir()


def profile_paths(args: argparse.Namespace) -> ProfilePaths:
    return ProfilePaths(data_dir_of(args))


def existing_profile(args: argparse.Namespace) -> ProfilePaths:
    """The profile named by the arguments, which must exist and be readable."""
    paths = profile_paths(args)
    if paths.root.exists() and not paths.root.is_dir():
        raise ProfileError(f"{paths.root} is not a folder.")
    if not paths.database.is_file():
        raise ProfileError(f"No profile found in {paths.root}.")
    if not os.access(paths.database, os.R_OK):
        raise ProfileError(f"The profile in {paths.root} cannot be read: permission denied.")
    return paths


@contextmanager
def reading_services(args: argparse.Namespace) -> Iterator[Services]:
    """The services of an existing profile, for a command that only reads it."""
    from companion.services import Services

    services = Services.open(existing_profile(args))
    try:
        yield services
    finally:
        services.close()


@contextmanager
def writing_services(args: argparse.Namespace, create: bool = False) -> Iterator[Services]:
    """The services of the profile, holding its lock; a new profile only when create."""
    from companion.profile_lock import ProfileLock
    from companion.services import Services

    paths = profile_paths(args) if create else existing_profile(args)
    paths.ensure()
    with ProfileLock(paths.root):
        services = Services.open(paths)
        try:
            yield services
        finally:
            services.close()
