"""A new profile is built whole beside its final name, then renamed into place.

A start killed at any moment leaves either no profile (and a recognisable leftover, removed
by the next start) or a complete one: never a half-made schema that will not open.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from companion import atomic_file
from companion.errors import ProfileError
from companion.paths import ProfilePaths
from companion.store import faults
from companion.store.backup import integrity_problems
from companion.store.sqlite_files import folder_writable, side_files

CREATING_SUFFIX = ".creating"
LEFTOVER_PATTERNS = (
    f".profile.sqlite.*{CREATING_SUFFIX}*",
    ".profile.sqlite.*.restoring*",
    ".profile.sqlite.*.protecting*",  # a password change that was killed
    "profile.sqlite.restoring*",  # the name older versions used
    f"*{atomic_file.PARTIAL_SUFFIX}",
)


def create_profile(paths: ProfilePaths) -> None:
    """Build the schema (the app's migrations) and the profile row in a temporary file,
    check it, fsync it and rename it to paths.database."""
    # Alembic, SQLAlchemy and the models load only to build or migrate a schema: the app's
    # start (which tidies leftovers through this module) does not wait for them.
    from sqlalchemy.orm import Session

    from companion.store import migrate
    from companion.store.engine import make_engine
    from companion.store.models import Profile

    if not folder_writable(paths.root):
        raise faults.read_only()
    try:
        handle, name = tempfile.mkstemp(
            prefix=".profile.sqlite.", suffix=CREATING_SUFFIX, dir=paths.root
        )
        os.close(handle)
    except OSError as exc:
        raise faults.from_os_error(exc) from exc
    temp = Path(name)
    try:
        engine = make_engine(temp)
        try:
            migrate.upgrade(engine)
            with Session(engine) as session, session.begin():
                session.add(Profile(id=1))
        finally:
            engine.dispose()  # the last connection folds the WAL into the file
        problems = integrity_problems(temp)
        if problems:
            raise ProfileError(f"The new profile could not be created: {problems[0]}.")
        with open(temp, "rb+") as created:
            os.fsync(created.fileno())
        os.replace(temp, paths.database)
        atomic_file.fsync_folder(paths.root)
    except OSError as exc:
        raise faults.from_os_error(exc) from exc
    finally:
        for path in (temp, *side_files(temp)):
            path.unlink(missing_ok=True)


def leftovers(paths: ProfilePaths) -> list[Path]:
    """Files a killed start, restore or export left behind (never the profile itself)."""
    found: list[Path] = []
    for folder in (paths.root, paths.backups):
        if folder.is_dir():
            for pattern in LEFTOVER_PATTERNS:
                found.extend(p for p in folder.glob(pattern) if p.is_file())
    return sorted(set(found))


def tidy_leftovers(paths: ProfilePaths) -> int:
    """Remove leftovers; only the holder of the profile lock may call this."""
    removed = 0
    for folder in paths.root.glob(".archive-*"):  # an archive import that was killed
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    for path in leftovers(paths):
        try:
            path.unlink()
            removed += 1
        except OSError:
            pass  # a read-only folder: nothing can be tidied, and nothing is harmed
    return removed
