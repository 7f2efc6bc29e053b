"""Compile the library sources into the read-only database the app ships.

    python -m companion.library.build            validate, write resources/library/library.sqlite
    python -m companion.library.build --check    exit 1 if the shipped database is out of date
    python -m companion.library.build --source DIR --output FILE

The build is deterministic: rows go in in source order, nothing time-dependent is stored,
and the file is vacuumed, so the same sources give the same content hash (and, with the
same SQLite version, the same bytes).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path

from companion.library import database, sources
from companion.library.model import Entry
from companion.library.searchtext import index_names
from companion.library.validate import validate

DATABASE_NAME = "library.sqlite"


@dataclass(frozen=True)
class BuildResult:
    path: Path
    content_hash: str
    entries: int
    facts: int


class LibrarySourceError(database.LibraryError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"The library sources have {len(problems)} problem(s).")
        self.problems = problems


def default_output() -> Path:
    return Path(str(sources.source_root())) / DATABASE_NAME


def _json(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _entry_body(entry: Entry) -> str:
    parts = [entry.summary]
    if entry.route:
        parts.append(entry.route)
    parts.extend(fact.text for section in entry.sections for fact in section.facts)
    parts.extend(effect.text for effect in entry.side_effects)
    return "\n".join(parts)


def _entry_names(entry: Entry) -> str:
    return index_names([entry.generic or "", *entry.brands, *entry.abbreviations])


def _write(connection: sqlite3.Connection, root: Traversable) -> tuple[int, int]:
    for tag, source in sorted(sources.load_sources(root).items()):
        connection.execute("INSERT INTO source VALUES (?, ?, ?)", (tag, source.url, source.title))

    entries = sources.load_entries(root)
    facts = 0
    for position, e in enumerate(entries):
        connection.execute(
            "INSERT INTO entry VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                e.id,
                position,
                e.kind,
                e.title,
                e.summary,
                e.reviewed,
                int(e.research),
                e.drug_class,
                e.category,
                e.generic,
                e.route,
                _json(e.brands),
                _json(e.abbreviations),
                _json(e.aliases),
                _json(e.related),
            ),
        )
        for s_index, section in enumerate(e.sections):
            for f_index, fact in enumerate(section.facts):
                facts += 1
                connection.execute(
                    "INSERT INTO fact (entry_id, section, section_key, position, text, reviewed,"
                    " unverified, sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        e.id,
                        s_index,
                        section.key,
                        f_index,
                        fact.text,
                        fact.reviewed,
                        int(fact.unverified),
                        _json(fact.sources),
                    ),
                )
        for s_index, effect in enumerate(e.side_effects):
            connection.execute(
                "INSERT INTO side_effect (entry_id, position, symptom, text, serious, sources)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    e.id,
                    s_index,
                    effect.symptom,
                    effect.text,
                    int(effect.serious),
                    _json(effect.sources),
                ),
            )
        if e.label_plan is not None:
            plan = e.label_plan
            connection.execute(
                "INSERT INTO label_plan VALUES (?, ?, ?, ?, ?, ?)",
                (
                    e.id,
                    plan.food,
                    plan.times_per_day,
                    plan.days_on,
                    plan.cycle_days,
                    _json(plan.sources),
                ),
            )
        connection.execute(
            "INSERT INTO search (kind, ref, title, names, aliases, body) VALUES (?, ?, ?, ?, ?, ?)",
            (e.kind, e.id, e.title, _entry_names(e), index_names(e.aliases), _entry_body(e)),
        )

    for position, term in enumerate(sources.load_symptoms(root)):
        connection.execute(
            "INSERT INTO symptom VALUES (?, ?, ?, ?, ?, ?)",
            (
                term.id,
                position,
                term.term,
                _json(term.attributes),
                term.category,
                int(term.pro_ctcae),
            ),
        )
        connection.execute(
            "INSERT INTO search (kind, ref, title, names, aliases, body)"
            " VALUES ('symptom', ?, ?, ?, ?, '')",
            (
                term.id,
                term.term,
                index_names([term.id.replace("_", " ")]),
                index_names(term.aliases),
            ),
        )
    for position, rule in enumerate(sources.load_rules(root)):
        connection.execute(
            "INSERT INTO red_flag_rule VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                rule.id,
                position,
                rule.symptom,
                rule.attribute,
                rule.min_answer,
                rule.min_value,
                _json(rule.drugs),
                _json(rule.drug_classes),
                _json(rule.sites),
                rule.urgency,
                rule.message,
                _json(rule.sources),
            ),
        )
    for position, question in enumerate(sources.load_questions(root)):
        connection.execute(
            "INSERT INTO question VALUES (?, ?, ?, ?, ?)",
            (question.id, position, question.topic, question.text, _json(question.sources)),
        )
        connection.execute(
            "INSERT INTO search (kind, ref, title, names, aliases, body)"
            " VALUES ('question', ?, ?, '', '', '')",
            (question.id, question.text),
        )
    connection.execute("INSERT INTO search (search) VALUES ('optimize')")
    return len(entries), facts


def build(
    root: Traversable | None = None, output: Path | None = None, *, draft: bool = False
) -> BuildResult:
    """Validate the sources and write the database atomically. Raises LibrarySourceError
    unless draft is true (for writers part-way through: problems are then only printed)."""
    root = root or sources.source_root()
    output = Path(output or default_output())
    problems = validate(root)
    if problems and not draft:
        raise LibrarySourceError(problems)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".library-", suffix=".tmp", dir=output.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        temp.unlink()
        connection = sqlite3.connect(temp, isolation_level=None)
        try:
            connection.execute("PRAGMA page_size = 4096")
            connection.execute("PRAGMA journal_mode = DELETE")
            connection.execute(f"PRAGMA user_version = {database.SCHEMA_VERSION}")
            connection.execute(f"PRAGMA application_id = {database.APPLICATION_ID}")
            connection.executescript(database.SCHEMA)
            connection.execute("BEGIN")
            entries, facts = _write(connection, root)
            digest = database.content_hash(connection)
            connection.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [
                    ("schema_version", str(database.SCHEMA_VERSION)),
                    ("content_hash", digest),
                    ("entries", str(entries)),
                    ("facts", str(facts)),
                ],
            )
            connection.execute("COMMIT")
            connection.execute("VACUUM")
        finally:
            connection.close()
        temp.chmod(0o644)
        os.replace(temp, output)
    finally:
        temp.unlink(missing_ok=True)
    return BuildResult(output, digest, entries, facts)


def shipped_hash(path: Path) -> str | None:
    """The content hash recorded in an existing database, or None if it cannot be read."""
    try:
        connection = database.open_read_only(path)
    except database.LibraryError:
        return None
    try:
        return database.meta(connection).get("content_hash")
    finally:
        connection.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m companion.library.build",
        description="Validate the library sources and compile them into library.sqlite.",
    )
    parser.add_argument("--source", type=Path, help="library source folder")
    parser.add_argument(
        "--output", type=Path, help=f"database file (default: {DATABASE_NAME} in the source folder)"
    )
    parser.add_argument(
        "--check", action="store_true", help="only check that the database matches the sources"
    )
    parser.add_argument(
        "--draft", action="store_true", help="write the database even if the sources have problems"
    )
    args = parser.parse_args(argv)
    root: Traversable = args.source or sources.source_root()
    output: Path = args.output or (
        Path(args.source) / DATABASE_NAME if args.source else default_output()
    )
    try:
        if args.check:
            with tempfile.TemporaryDirectory() as folder:
                fresh = build(root, Path(folder) / DATABASE_NAME)
            if shipped_hash(output) != fresh.content_hash:
                print(
                    f"{output} does not match the sources; run python -m companion.library.build",
                    file=sys.stderr,
                )
                return 1
            print(f"{output} matches the sources ({fresh.entries} entries, {fresh.facts} facts).")
            return 0
        result = build(root, output, draft=args.draft)
    except LibrarySourceError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(exc, file=sys.stderr)
        return 1
    print(
        f"Wrote {result.path}: {result.entries} entries, {result.facts} facts, "
        f"content hash {result.content_hash[:12]}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
