"""`companion import symptoms FILE.csv`: all of the file or nothing."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(kinds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = kinds.add_parser(
        "symptoms",
        help="symptom entries from a CSV file (as written by 'export symptoms')",
        description="Check the whole CSV file, then add all of it to the symptom log, or "
        "nothing if any line has a problem.",
    )
    parser.add_argument("file", type=Path, metavar="FILE.csv")
    parser.add_argument(
        "--create",
        action="store_true",
        help="start a new profile in the data folder if there is none yet",
    )
    parser.set_defaults(handler=cmd_import_symptoms)


def cmd_import_symptoms(args: argparse.Namespace) -> int:
    from companion.cli.profiles import profile_paths, writing_services
    from companion.errors import ProfileError
    from companion.reports.symptom_csv_import import import_parsed, parse_csv, read_file

    paths = profile_paths(args)
    if not args.create and not paths.database.is_file():
        raise ProfileError(
            f"No profile found in {paths.root}. Check --data-dir, or add --create to start "
            "a new profile there with these entries."
        )
    with writing_services(args, create=args.create) as services:
        data = read_file(args.file)  # checked before anything is written
        parsed = parse_csv(services.symptoms, data)
        services.backups.before_import()
        summary = import_parsed(services.symptoms, parsed)
    print(
        f"Imported {summary.rows} rows for {summary.days} days "
        f"({summary.added} new entries; the rest were already in the log)."
    )
    return 0
