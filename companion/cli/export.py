"""`companion export KIND …` and `companion import KIND …`: one sub-command per kind.

Each feature adds a module to EXPORT_MODULES / IMPORT_MODULES with a function
register(kinds) that adds its kind parser and sets `handler`.
"""

from __future__ import annotations

import argparse
import importlib

EXPORT_MODULES: tuple[str, ...] = (
    "companion.cli.symptom_export",
    "companion.cli.visit_export",
    "companion.cli.record_export",
    "companion.cli.medicine_export",
    "companion.cli.archive_verbs:register_export",
)
IMPORT_MODULES: tuple[str, ...] = (
    "companion.cli.symptom_import",
    "companion.cli.archive_verbs:register_import",
)


def register(verbs: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    for verb, modules, text in (
        ("export", EXPORT_MODULES, "write part of the profile to a file (CSV, PDF, FHIR, ICS)"),
        ("import", IMPORT_MODULES, "read entries from a file into the profile"),
    ):
        parser = verbs.add_parser(verb, help=text, description=text.capitalize() + ".")
        kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
        for name in modules:
            module, _, function = name.partition(":")
            getattr(importlib.import_module(module), function or "register")(kinds)
