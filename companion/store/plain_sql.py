"""Plain sqlite3 reads beside the ORM: one connection whether or not a write is going on,
and the column formats SQLAlchemy's SQLite types store (dates as ISO text, timestamps as
naive UTC text).

The reads Today needs for its first paint go through here, so the window shows before
SQLAlchemy has loaded; each read has this one implementation, used always.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from companion.store import Store


@contextmanager
def reading(
    store: Store, within: Session | sqlite3.Connection | None = None
) -> Iterator[sqlite3.Connection]:
    """The caller's transaction if it gives one (a check-in write reads what it needs in its
    own single transaction, and must see what it wrote), the caller's plain connection (one
    snapshot for a read of several parts), else a plain read of our own."""
    if within is None:
        with store.read() as db:
            yield db
    elif hasattr(within, "cursor"):  # a DB-API connection: sqlite3's or SQLCipher's
        yield cast(sqlite3.Connection, within)
    else:
        yield store.sqlite_of(within)


def day_between(
    column: str, start: date | None, end: date | None, parameters: dict[str, object]
) -> list[str]:
    """The SQL conditions keeping a Date column between start and end (each optional,
    inclusive); their values go into parameters as :start and :end."""
    conditions = []
    if start is not None:
        conditions.append(f"{column} >= :start")
        parameters["start"] = start.isoformat()
    if end is not None:
        conditions.append(f"{column} <= :end")
        parameters["end"] = end.isoformat()
    return conditions


def as_date(value: str) -> date:
    """A Date column (SQLAlchemy stores "YYYY-MM-DD")."""
    return date.fromisoformat(value)


def as_utc(value: str | None) -> datetime | None:
    """A UtcDateTime column (naive UTC text) as an aware UTC datetime."""
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=UTC)


def as_local(value: str | None) -> datetime | None:
    """A plain DateTime column (local wall-clock time, naive) as stored."""
    return None if value is None else datetime.fromisoformat(value)


def sql_utc(moment: datetime) -> str:
    """An aware time as a UtcDateTime column stores it (naive UTC text): as_utc's inverse."""
    if moment.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def sql_datetime(moment: datetime) -> str:
    """A naive datetime as SQLAlchemy's SQLite DateTime writes it, for comparisons in SQL."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")
