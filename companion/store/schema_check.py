"""Is a database exactly what the app's migrations produce? Object by object.

A file that is to become the profile (a restore, an archive) is compared with a reference
built by running the app's own migrations up to the file's revision: the same tables with the
same columns, the same indexes and foreign keys, and no trigger or view the app did not create
(a backup carrying a trigger that deletes check-ins must never become the profile).
"""

from __future__ import annotations

import sqlite3
import tempfile
from functools import cache
from pathlib import Path

Shape = dict[tuple[str, str], object]


def schema_shape(db: sqlite3.Connection) -> Shape:
    """Every schema object with what defines it, comparable between two files."""
    shape: Shape = {}
    objects = db.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master "
        "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
    ).fetchall()
    for kind, name, table, sql in objects:
        if kind == "table":
            quoted = name.replace('"', '""')
            columns = db.execute(f'PRAGMA table_xinfo("{quoted}")').fetchall()
            keys = db.execute(f'PRAGMA foreign_key_list("{quoted}")').fetchall()
            shape[(kind, name)] = (
                tuple((c[1], c[2].upper(), c[3], c[4], c[5], c[6]) for c in columns),
                tuple(sorted((k[2], k[3], k[4], k[5], k[6]) for k in keys)),
            )
        elif kind == "index":
            quoted = name.replace('"', '""')
            columns = db.execute(f'PRAGMA index_xinfo("{quoted}")').fetchall()
            shape[(kind, name)] = (table, tuple((c[1], c[2], c[3]) for c in columns), sql)
        else:  # triggers and views: their whole text matters
            shape[(kind, name)] = (table, " ".join((sql or "").split()))
    return shape


@cache
def reference_shape(revision: str) -> Shape:
    """The shape the app's migrations give at revision (built once per process)."""
    from companion.store import migrate
    from companion.store.engine import make_engine

    with tempfile.TemporaryDirectory(prefix="companion-reference-") as folder:
        database = Path(folder) / "reference.sqlite"
        engine = make_engine(database)
        try:
            migrate.upgrade(engine, revision)
        finally:
            engine.dispose()
        db = sqlite3.connect(str(database))
        try:
            return schema_shape(db)
        finally:
            db.close()


def schema_differences(db: sqlite3.Connection, revision: str) -> list[str]:
    """What differs from the app's own schema at revision, in words (empty when identical)."""
    found = schema_shape(db)
    wanted = reference_shape(revision)
    problems = []
    for kind, name in sorted(found.keys() - wanted.keys()):
        problems.append(f"an unexpected {kind} '{name}'")
    for kind, name in sorted(wanted.keys() - found.keys()):
        problems.append(f"the {kind} '{name}' is missing")
    for key in sorted(found.keys() & wanted.keys()):
        if found[key] != wanted[key]:
            problems.append(f"the {key[0]} '{key[1]}' is not as the app makes it")
    return problems
