"""SQLite file names as percent-encoded file: URIs, and the plain SQLite file header."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

SQLITE_MAGIC = b"SQLite format 3\x00"


def file_uri(path: Path, **parameters: str) -> str:
    """Any characters in the path ("q?x=1#a", "Maria%20data") stay part of the file name."""
    query = "&".join(f"{key}={value}" for key, value in parameters.items())
    return f"file:{quote(str(Path(path).absolute()))}" + (f"?{query}" if query else "")
