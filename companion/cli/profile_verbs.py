"""check, backup, restore and demo: looking after the profile itself.

The store is imported in the handlers: `companion --help` registers every verb and
should cost little more than starting Python."""

from __future__ import annotations

import argparse
import stat
from pathlib import Path

from companion.cli.profiles import existing_profile, profile_paths
from companion.errors import ProfileError, ValidationError
from companion.paths import FILE_MODE, FOLDER_MODE


def register(verbs: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = verbs.add_parser(
        "check",
        help="check the profile's integrity (changes nothing)",
        description="Check the profile for damage. Changes nothing.",
    )
    check.set_defaults(handler=cmd_check)

    backup = verbs.add_parser(
        "backup",
        help="write a backup copy of the profile",
        description="Write a consistent backup of the profile.",
    )
    backup.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="backup file (default: the profile's backups folder)",
    )
    backup.add_argument(
        "--list", action="store_true", help="list the backups in the profile's backups folder"
    )
    backup.set_defaults(handler=cmd_backup)

    restore = verbs.add_parser(
        "restore",
        help="replace the profile with a backup",
        description="Check a backup, keep the current profile aside, then restore the backup.",
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="a backup written by 'backup'")
    restore.set_defaults(handler=cmd_restore)

    demo = verbs.add_parser(
        "demo",
        help="write the demo profile to a folder",
        description="Write a synthetic demo patient to an empty folder.",
    )
    demo.add_argument(
        "--into", type=Path, metavar="DIR", required=True, help="an empty or new folder"
    )
    demo.set_defaults(handler=cmd_demo)


def cmd_check(args: argparse.Namespace) -> int:
    from companion.store.backup import integrity_problems
    from companion.store.cipher import DATABASE_ERRORS
    from companion.store.migrate import head_revision, known_revisions
    from companion.store.sqlite_files import connect_read_only

    paths = existing_profile(args)
    problems = integrity_problems(paths.database, key=paths.key)
    if not problems:
        db = connect_read_only(paths.database, paths.key)
        try:
            revision = db.execute("SELECT version_num FROM alembic_version").fetchone()
        except DATABASE_ERRORS:
            revision = None
        finally:
            db.close()
        if revision is None:
            problems.append("the profile has no schema version")
        elif revision[0] not in known_revisions():
            problems.append("the profile was written by a newer version of the app")
        elif revision[0] != head_revision():
            print("Note: the profile will be upgraded the next time the app opens it.")
    for path, wanted in ((paths.root, FOLDER_MODE), (paths.database, FILE_MODE)):
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            problems.append(
                f"{path.name} can be read by other users (mode {mode:o}, expected {wanted:o})"
            )
    if problems:
        for problem in problems:
            print(f"Problem: {problem}")
        raise ProfileError(f"The profile in {paths.root} has {len(problems)} problem(s).")
    print(f"The profile in {paths.root} is healthy.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from companion.clock import default_clock
    from companion.store import backup_shelf
    from companion.store.backup import backup_database

    paths = existing_profile(args)
    if args.list:
        for entry in backup_shelf.list_backups(paths):
            state = "" if entry.readable else " (damaged profile kept as it was)"
            print(
                f"{entry.made_at:%Y-%m-%d %H:%M} UTC  {entry.kind:<15} {entry.size:>10}  "
                f"{entry.path}{state}"
            )
        return 0
    if args.output is None:
        target = backup_shelf.make_backup(paths, backup_shelf.BY_HAND, default_clock().now())
    else:
        target = Path(args.output)
        if target.exists():
            raise ValidationError(f"{target} already exists; choose another file name.")
        backup_database(paths.database, target, paths.key)
    print(f"Backup written to {target}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from companion.profile_lock import ProfileLock
    from companion.store.creation import tidy_leftovers
    from companion.store.restore import restore_profile

    source = Path(args.file)
    paths = profile_paths(args)
    paths.ensure()
    with ProfileLock(paths.root):
        tidy_leftovers(paths)
        result = restore_profile(paths, source)
    print(f"Profile restored from {source}.")
    if result.kept_aside:
        print(f"The previous profile was kept as {result.kept_aside}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from companion.demo import write_demo_profile

    into: Path = args.into
    # A logs folder alone is the crash log of an earlier failed attempt: no reason to refuse.
    if into.exists() and (not into.is_dir() or any(p.name != "logs" for p in into.iterdir())):
        raise ValidationError(f"{into} is not an empty folder; the demo needs an empty one.")
    write_demo_profile(into).close()
    print(f"Demo profile written to {into}")
    return 0
