"""The one way a command opens the profile.

Reading commands refuse a folder with no profile (a mistyped --data-dir must not create an
empty one and report "0 rows"); writing commands also take the profile lock, so they refuse
while the app has the profile open. The ProfilePaths is built here once and passed down,
with the password of a protected profile: read from --password-file, else asked on the
terminal (getpass: not echoed), never taken from the command line itself.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from companion.errors import ProfileError
from companion.paths import ProfilePaths, default_data_dir

if TYPE_CHECKING:
    from companion.services import Services


def data_dir_of(args: argparse.Namespace) -> Path:
    data_dir = getattr(args, "data_dir", None)
    return Path(data_dir).expanduser() if data_dir else default_data_dir()


MAX_PASSWORD_FILE_BYTES = 4096


def profile_paths(args: argparse.Namespace) -> ProfilePaths:
    """The profile's paths, with its key when it is protected (or a password file is given:
    restore and import archive then protect what they bring in with it)."""
    paths = ProfilePaths(data_dir_of(args))
    from companion.profile import protection

    protected = protection.is_protected(paths)
    if not protected and getattr(args, "password_file", None) is None:
        return paths
    password = read_password(args, paths)
    if protected:
        return protection.unlock(paths, password)  # a wrong password: a plain message
    from companion.store.cipher import ProfileKey

    return replace(paths, key=ProfileKey(password))


def read_password(args: argparse.Namespace, paths: ProfilePaths) -> str:
    """The password from --password-file (its first line), else typed at the terminal."""
    password_file = getattr(args, "password_file", None)
    if password_file is not None:
        try:
            with open(password_file, "rb") as handle:
                data = handle.read(MAX_PASSWORD_FILE_BYTES + 1)
        except OSError as exc:
            raise ProfileError(
                f"The password file {password_file} cannot be read: {exc.strerror}."
            ) from exc
        if len(data) > MAX_PASSWORD_FILE_BYTES:
            raise ProfileError(f"{password_file} is too long to be a password file.")
        try:
            lines = data.decode("utf-8").splitlines()
        except UnicodeDecodeError as exc:
            raise ProfileError(f"{password_file} is not a text file.") from exc
        password = lines[0] if lines else ""
        if not password:
            raise ProfileError(f"The password file {password_file} is empty.")
        return password
    if not sys.stdin.isatty():
        raise ProfileError(
            f"The profile in {paths.root} is protected with a password. Type it when asked "
            "(run the command in a terminal) or give it with --password-file FILE."
        )
    import getpass

    return getpass.getpass(f"Password for the profile in {paths.root}: ")


def existing_profile(args: argparse.Namespace) -> ProfilePaths:
    """The profile named by the arguments, which must exist and be readable."""
    paths = ProfilePaths(data_dir_of(args))
    if paths.root.exists() and not paths.root.is_dir():
        raise ProfileError(f"{paths.root} is not a folder.")
    if not paths.database.is_file():
        raise ProfileError(f"No profile found in {paths.root}.")
    if not os.access(paths.database, os.R_OK):
        raise ProfileError(f"The profile in {paths.root} cannot be read: permission denied.")
    return profile_paths(args)


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
