"""The schema revision this app writes, checkable without loading Alembic.

Opening a profile that is already at HEAD_REVISION (every start but the first after an
update) needs only one small query; Alembic and its scripts load only when a migration runs.
A test keeps HEAD_REVISION equal to the newest Alembic revision.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

HEAD_REVISION = "0004"


def stored_revision(engine: Engine) -> str | None:
    """The revision recorded in the profile, or None for a new (empty) database."""
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    with engine.connect() as connection:
        try:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        except OperationalError as exc:
            if "no such table" in str(exc.orig):  # a new database: nothing applied yet
                return None
            raise
    return rows[0][0] if len(rows) == 1 else None
