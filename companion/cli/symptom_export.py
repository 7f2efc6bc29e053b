"""`companion export symptoms --format csv|pdf [--from DATE] [--to DATE] -o FILE`."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from companion.errors import ValidationError

CSV_HELP = """\
CSV: one row per answer, UTF-8, ISO dates; 'companion import symptoms' reads it back.
Columns:
  date             the day of the check-in (YYYY-MM-DD)
  kind             symptom | esas | overall | temperature | weight | note | red_flag
  item             the symptom, ESAS-r item or warning-sign rule it belongs to
  name             that item in words
  attribute        severity | frequency | interference | amount | presence (symptom);
                   today | now | emergency (red_flag)
  value            0-4 (symptom), 0-10 (esas), better | same | worse (overall),
                   degrees C, kg
  answer           the answer in words, or the unit
  text             a note, or the warning that was shown
  recorded_at      when it was recorded (ISO 8601, UTC)
  acknowledged_at  when a warning was acknowledged (ISO 8601, UTC)
  recall_days      the period asked about: 1 daily, 7 weekly, 0 ESAS-r ("now")
Answers are what you reported, not clinical grades."""


def iso_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-31") from None


def register(kinds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = kinds.add_parser(
        "symptoms",
        help="the symptom log as CSV or a PDF report",
        description="Write the symptom log as CSV (one row per answer) or a PDF report.",
        epilog=CSV_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--format", choices=("csv", "pdf"), default="csv", help="default: csv")
    parser.add_argument("--from", dest="start", type=iso_day, metavar="DATE", help="first day")
    parser.add_argument("--to", dest="end", type=iso_day, metavar="DATE", help="last day")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", required=True)
    parser.set_defaults(handler=cmd_export_symptoms)


def cmd_export_symptoms(args: argparse.Namespace) -> int:
    from companion.cli.profiles import reading_services

    if args.start and args.end and args.start > args.end:
        raise ValidationError("--from must not be after --to.")
    with reading_services(args) as services:
        if args.format == "csv":
            from companion.reports.symptom_csv_export import write_csv

            rows = write_csv(services.symptoms, args.output, args.start, args.end)
            print(f"Wrote {rows} rows to {args.output}")
        else:
            from companion.reports.pdf import write_pdf
            from companion.reports.qt_context import ensure_gui_application
            from companion.reports.symptom_report import build_symptom_report

            ensure_gui_application()
            report = build_symptom_report(
                services.symptoms, services.profile.get().name, args.start, args.end
            )
            pages = write_pdf(report, args.output)
            print(f"Wrote {pages} pages to {args.output}")
    return 0
