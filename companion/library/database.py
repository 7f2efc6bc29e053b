"""The compiled library database: its schema, its content hash and read-only opening.

One SQLite file holds every entry, fact, side effect, symptom term, red-flag rule, question
and source, plus an FTS5 index for search. Lists are stored as JSON arrays. The content
hash covers every row in a fixed order, so two builds of the same sources hash the same
whatever SQLite version wrote the file.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from urllib.parse import quote

from companion.errors import CompanionError

SCHEMA_VERSION = 2
APPLICATION_ID = 0x48325243  # "H2RC"

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE source (
    tag TEXT PRIMARY KEY, url TEXT NOT NULL, title TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE entry (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    reviewed TEXT NOT NULL,
    research INTEGER NOT NULL,
    drug_class TEXT,
    category TEXT,
    generic TEXT,
    route TEXT,
    brands TEXT NOT NULL,
    abbreviations TEXT NOT NULL,
    aliases TEXT NOT NULL,
    related TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE fact (
    id INTEGER PRIMARY KEY,
    entry_id TEXT NOT NULL REFERENCES entry (id),
    section INTEGER NOT NULL,
    section_key TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    reviewed TEXT NOT NULL,
    unverified INTEGER NOT NULL,
    sources TEXT NOT NULL
);
CREATE TABLE label_plan (
    entry_id TEXT PRIMARY KEY REFERENCES entry (id),
    food TEXT NOT NULL,
    times_per_day INTEGER,
    days_on INTEGER,
    cycle_days INTEGER,
    sources TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE side_effect (
    id INTEGER PRIMARY KEY,
    entry_id TEXT NOT NULL REFERENCES entry (id),
    position INTEGER NOT NULL,
    symptom TEXT NOT NULL,
    text TEXT NOT NULL,
    serious INTEGER NOT NULL,
    sources TEXT NOT NULL
);
CREATE TABLE symptom (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    term TEXT NOT NULL,
    attributes TEXT NOT NULL,
    category TEXT NOT NULL,
    pro_ctcae INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE red_flag_rule (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    symptom TEXT NOT NULL,
    attribute TEXT,
    min_answer INTEGER,
    min_value REAL,
    drugs TEXT NOT NULL,
    drug_classes TEXT NOT NULL,
    sites TEXT NOT NULL,
    urgency TEXT NOT NULL,
    message TEXT NOT NULL,
    sources TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE question (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    topic TEXT NOT NULL,
    text TEXT NOT NULL,
    sources TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX fact_entry ON fact (entry_id, section, position);
CREATE INDEX side_effect_entry ON side_effect (entry_id, position);
CREATE INDEX side_effect_symptom ON side_effect (symptom);
CREATE VIRTUAL TABLE search USING fts5 (
    kind UNINDEXED, ref UNINDEXED, title, names, aliases, body,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE VIRTUAL TABLE search_vocab USING fts5vocab (search, row);
"""

# Every table the content hash covers, with the order its rows are read in.
HASHED_TABLES: tuple[tuple[str, str], ...] = (
    ("source", "tag"),
    ("entry", "position"),
    ("fact", "id"),
    ("side_effect", "id"),
    ("label_plan", "entry_id"),
    ("symptom", "position"),
    ("red_flag_rule", "position"),
    ("question", "position"),
    ("search", "rowid"),
)


class LibraryError(CompanionError):
    """The bundled library database is missing, damaged or from another version."""


def content_hash(connection: sqlite3.Connection) -> str:
    """SHA-256 over the schema version and every row of every content table."""
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}\n".encode())
    for table, order in HASHED_TABLES:
        columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
        digest.update(f"table {table} {','.join(columns)}\n".encode())
        for row in connection.execute(f"SELECT * FROM {table} ORDER BY {order}"):
            digest.update(json.dumps(list(row), ensure_ascii=False).encode() + b"\n")
    return digest.hexdigest()


def meta(connection: sqlite3.Connection) -> dict[str, str]:
    return dict(connection.execute("SELECT key, value FROM meta").fetchall())


def open_read_only(path: Path) -> sqlite3.Connection:
    """Open the library so that nothing can write to it (immutable: no locks, no journal)."""
    path = Path(path)
    if not path.is_file():
        raise LibraryError(
            f"The library database {path} is missing. "
            "Build it with: python -m companion.library.build"
        )
    uri = f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"
    connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
    try:
        connection.execute("PRAGMA query_only = ON")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        application = connection.execute("PRAGMA application_id").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        connection.close()
        raise LibraryError(f"The library database {path} is damaged ({exc}).") from exc
    if application != APPLICATION_ID or version != SCHEMA_VERSION:
        connection.close()
        raise LibraryError(
            f"The library database {path} was built for another version of the app "
            f"(schema {version}, expected {SCHEMA_VERSION}). Rebuild it."
        )
    return connection
