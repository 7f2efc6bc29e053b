"""`companion export record --format fhir|pdf -o FILE`: the whole record as a FHIR R4 Bundle,
or the printed treatment summary as PDF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from companion.services import Services  # only for types: the CLI imports it late


def register(kinds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = kinds.add_parser(
        "record",
        help="the whole record as a FHIR R4 Bundle (JSON) or a treatment summary (PDF)",
        description="Write the whole record (cancer and sites of spread, treatment lines and "
        "medicines, procedures, scans, receptor results and symptom answers) as a FHIR R4 "
        "Bundle of type 'collection', aligned with mCODE profiles where they fit; or, with "
        "--format pdf, the treatment summary as printed from the Treatments page.",
    )
    parser.add_argument("--format", choices=("fhir", "pdf"), default="fhir", help="default: fhir")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", required=True)
    parser.set_defaults(handler=cmd_export_record)


def cmd_export_record(args: argparse.Namespace) -> int:
    from companion.cli.profiles import reading_services
    from companion.reports.fhir_record import (
        build_record_bundle,
        describe,
        resource_counts,
        write_bundle,
    )

    with reading_services(args) as services:
        if args.format == "pdf":
            return _write_summary(services, args.output)
        bundle = build_record_bundle(services)
    write_bundle(bundle, args.output)
    counts = resource_counts(bundle)
    print(f"Wrote {sum(counts.values())} FHIR resources to {args.output}")
    print(describe(sorted(counts.items())))
    return 0


def _write_summary(services: Services, output: Path) -> int:
    from companion.reports.pdf import write_pdf
    from companion.reports.treatment_summary import build_treatment_summary

    pages = write_pdf(build_treatment_summary(services), output)
    print(f"Wrote the treatment summary ({pages} page(s)) to {output}")
    return 0
