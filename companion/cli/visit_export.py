"""`companion export visits --format ics -o FILE`,
`companion export questions --visit next|ID -o FILE.pdf` and
`companion export brief --visit next|ID -o FILE.pdf`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from companion.errors import ValidationError

if TYPE_CHECKING:
    from companion.services import Services  # only for types: the CLI imports it late


def visit_choice(text: str) -> str | int:
    if text == "next":
        return text
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not 'next' or a visit number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("a visit number is 1 or more")
    return number


def register(kinds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    visits = kinds.add_parser(
        "visits",
        help="upcoming visits as a calendar file (ICS)",
        description="Write every upcoming visit as an event of an RFC 5545 calendar file. "
        "Events keep the same UID in every export, so re-importing updates them.",
    )
    visits.add_argument("--format", choices=("ics",), default="ics", help="default: ics")
    visits.add_argument("-o", "--output", type=Path, metavar="FILE", required=True)
    visits.set_defaults(handler=cmd_export_visits)

    for kind, text in (
        ("questions", "the question sheet of a visit (PDF)"),
        ("brief", "the one-page visit brief for the doctor (PDF)"),
    ):
        parser = kinds.add_parser(kind, help=text, description=f"Write {text}.")
        parser.add_argument(
            "--visit",
            type=visit_choice,
            default="next",
            metavar="next|ID",
            help="'next' (the default) or a visit number, as listed by 'export visits'",
        )
        parser.add_argument("-o", "--output", type=Path, metavar="FILE.pdf", required=True)
        parser.set_defaults(
            handler=cmd_export_questions if kind == "questions" else cmd_export_brief
        )


def _with_services(args: argparse.Namespace, work: Callable[..., int]) -> int:
    from companion.cli.profiles import reading_services

    with reading_services(args) as services:
        return work(services)


def _visit_id(services: Services, choice: str | int) -> int:
    if choice == "next":
        visit = services.visits.next_visit()
        if visit is None:
            raise ValidationError("There is no upcoming visit. Give one with --visit ID.")
        return int(visit.id)
    ids = sorted(v.id for v in services.visits.all())
    if choice not in ids:
        known = ", ".join(str(i) for i in ids) or "none yet"
        raise ValidationError(f"There is no visit number {choice} (visit numbers: {known}).")
    return int(choice)


def cmd_export_visits(args: argparse.Namespace) -> int:
    from companion.reports.visits_ics import write_visits_ics
    from companion.visits.model import format_visit_time

    def work(services: Services) -> int:
        count = write_visits_ics(services, args.output)
        print(f"Wrote {count} upcoming visit(s) to {args.output}")
        for visit in services.visits.upcoming():
            print(f"  {visit.id:>4}  {format_visit_time(visit.starts_at)}  {visit.who()}")
        return 0

    return _with_services(args, work)


def cmd_export_questions(args: argparse.Namespace) -> int:
    from companion.reports.qt_context import ensure_gui_application
    from companion.reports.question_sheet import question_sheet

    def work(services: Services) -> int:
        ensure_gui_application()
        visit_id = _visit_id(services, args.visit)
        sheet = question_sheet(services.visits, visit_id, services.profile.get().name)
        pages = sheet.write_pdf(args.output)
        print(f"Wrote the question sheet ({pages} page(s)) to {args.output}")
        return 0

    return _with_services(args, work)


def cmd_export_brief(args: argparse.Namespace) -> int:
    from companion.reports.pdf import write_pdf
    from companion.reports.qt_context import ensure_gui_application
    from companion.reports.visit_brief import visit_brief_for

    def work(services: Services) -> int:
        ensure_gui_application()
        report = visit_brief_for(services, _visit_id(services, args.visit))
        write_pdf(report, args.output)
        print(f"Wrote the visit brief to {args.output}")
        return 0

    return _with_services(args, work)
