"""`companion export schedule --format ics -o FILE` and
`companion export doses --format csv [--from DATE] [--to DATE] -o FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path

from companion.cli.symptom_export import iso_day
from companion.errors import ValidationError

DOSES_HELP = (
    "CSV columns: date, time, medicine, status (taken|late|skipped|missed), reason, taken_at, "
    "amount, unit, note; one row per planned or logged dose. See "
    "companion/reports/dose_csv.py for the details."
)


def register(kinds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    schedule = kinds.add_parser(
        "schedule",
        help="medicine schedules as a calendar file (ICS) with alarms",
        description="Write every current medicine schedule as recurring events with an alarm. "
        "Cycle days follow the treatment line's treatment days; export again after a "
        "cycle moves.",
    )
    schedule.add_argument("--format", choices=("ics",), default="ics", help="default: ics")
    schedule.add_argument("-o", "--output", type=Path, metavar="FILE", required=True)
    schedule.set_defaults(handler=cmd_export_schedule)

    doses = kinds.add_parser(
        "doses",
        help="the dose log (taken, skipped, missed) as CSV",
        description="Write the dose log as CSV.",
        epilog=DOSES_HELP,
    )
    doses.add_argument("--format", choices=("csv",), default="csv", help="default: csv")
    doses.add_argument("--from", dest="start", type=iso_day, metavar="DATE", help="first day")
    doses.add_argument("--to", dest="end", type=iso_day, metavar="DATE", help="last day")
    doses.add_argument("-o", "--output", type=Path, metavar="FILE", required=True)
    doses.set_defaults(handler=cmd_export_doses)


def cmd_export_schedule(args: argparse.Namespace) -> int:
    from companion.cli.profiles import reading_services
    from companion.reports.schedule_ics import write_schedule_ics

    with reading_services(args) as services:
        count = write_schedule_ics(services, args.output, services.clock.wall_now())
    print(f"Wrote {count} event(s) to {args.output}")
    return 0


def cmd_export_doses(args: argparse.Namespace) -> int:
    from companion.cli.profiles import reading_services
    from companion.reports.dose_csv import write_dose_csv

    if args.start and args.end and args.start > args.end:
        raise ValidationError("--from must not be after --to.")
    with reading_services(args) as services:
        rows = write_dose_csv(
            services.treatments.schedules,
            args.output,
            services.clock.wall_now(),
            args.start,
            args.end,
        )
    print(f"Wrote {rows} rows to {args.output}")
    return 0
