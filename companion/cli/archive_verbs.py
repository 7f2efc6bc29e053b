"""`companion export archive -o FILE` and `companion import archive FILE`: moving laptops."""

from __future__ import annotations

import argparse
from pathlib import Path


def register_export(kinds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = kinds.add_parser(
        "archive",
        help="the whole profile in one file, to move it to another computer",
        description="Write the profile (database, settings and a manifest with counts and "
        "a checksum) to one file that 'import archive' reads on the other computer.",
    )
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", required=True)
    parser.set_defaults(handler=cmd_export_archive)


def register_import(kinds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = kinds.add_parser(
        "archive",
        help="a profile archive written by 'export archive' (replaces this profile)",
        description="Check the archive like a backup, keep the current profile aside, then "
        "put the archived profile and its settings in place.",
    )
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.set_defaults(handler=cmd_import_archive)


def cmd_export_archive(args: argparse.Namespace) -> int:
    from companion.cli.profiles import existing_profile
    from companion.clock import default_clock
    from companion.store.archive import export_archive

    summary = export_archive(existing_profile(args), args.output, default_clock().now())
    print(
        f"Wrote the profile to {args.output} ({summary.size} bytes, "
        f"{summary.counts.get('checkin', 0)} check-ins)"
    )
    return 0


def cmd_import_archive(args: argparse.Namespace) -> int:
    from companion.cli.profiles import profile_paths
    from companion.profile_lock import ProfileLock
    from companion.store.archive import import_archive
    from companion.store.creation import tidy_leftovers

    paths = profile_paths(args)
    paths.ensure()
    with ProfileLock(paths.root):
        tidy_leftovers(paths)
        result = import_archive(paths, args.file)
    print(f"Profile imported from {args.file}.")
    if result.kept_aside:
        print(f"The previous profile was kept as {result.kept_aside}")
    return 0
