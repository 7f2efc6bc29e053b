"""`companion import symptoms FILE.csv`: all of the file or nothing."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(kinds: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = kinds.add_parser(
        "symptoms",
        help="symptom entries from a CSV file (as written by 'export symptoms')",
        description="Check the whole CSV file, then add all of it to the symptom log, or "
        "nothing if any line has a problem.",
    )
    parser.add_argument("file", type=Path, metavar="FILE.csv")
    parser.set_defaults(handler=cmd_import_symptoms)


def cmd_import_symptoms(args: argparse.Namespace) -> int:
    from companion.cli import data_dir_of
    from companion.reports.symptom_csv import import_csv
    from companion.services import Services

    services = Services.open(data_dir_of(args))
    try:
        summary = import_csv(services.symptoms, args.file)
    finally:
        services.close()
    print(
        f"Imported {summary.rows} rows for {summary.days} days "
        f"({summary.added} new entries; the rest were already in the log)."
    )
    return 0
