"""Snapshots of saved rows, so every change can be undone: an edit or a delete keeps the
row as it was (with its drugs and cycles), and restoring puts it back with the same id."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from companion.clock import Clock
from companion.errors import ValidationError
from companion.store import Store
from companion.translations import Treatments

if TYPE_CHECKING:
    from sqlalchemy import FromClause
    from sqlalchemy.orm import Session

    from companion.store.models import Base


@dataclass(frozen=True)
class Snapshot:
    table: str
    values: tuple[tuple[str, Any], ...]
    children: tuple[Snapshot, ...] = ()

    @property
    def row_id(self) -> int:
        return int(dict(self.values)["id"])


def take(row: Base) -> Snapshot:
    from sqlalchemy import inspect

    mapper = inspect(row).mapper
    values = tuple((attr.key, getattr(row, attr.key)) for attr in mapper.column_attrs)
    children = tuple(
        take(child)
        for rel in mapper.relationships
        if rel.cascade.delete_orphan
        for child in getattr(row, rel.key)
    )
    return Snapshot(_table_name(mapper.local_table), values, children)


def _table_name(table: FromClause) -> str:
    from sqlalchemy import Table

    assert isinstance(table, Table)  # every model maps one plain table
    return table.name


def _model(table: str) -> type[Base]:
    from companion.store.models import Base

    for mapper in Base.registry.mappers:
        if _table_name(mapper.local_table) == table:
            return mapper.class_
    raise KeyError(table)


def put(session: Session, snapshot: Snapshot) -> None:
    session.add(_model(snapshot.table)(**dict(snapshot.values)))
    session.flush()
    for child in snapshot.children:
        put(session, child)


class RowService:
    """Base of the treatment services: snapshot, delete and restore one kind of row."""

    table: str  # the table of its rows; the ORM class is looked up when first needed

    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def model(self) -> type[Base]:
        return _model(self.table)

    @property
    def clock(self) -> Clock:
        return self._store.clock

    def _get(self, session: Session, row_id: int) -> Any:
        row = session.get(self.model, row_id)
        if row is None:
            raise ValidationError(
                Treatments.tr("This entry no longer exists. It may have been deleted.")
            )
        return row

    def snapshot(self, row_id: int) -> Snapshot:
        with self._store.session() as session:
            return take(self._get(session, row_id))

    def delete(self, row_id: int) -> Snapshot:
        """Delete the row (and its children); returns what it was, for undo."""
        with self._store.session() as session:
            row = self._get(session, row_id)
            snapshot = take(row)
            session.delete(row)
        return snapshot

    def restore(self, snapshot: Snapshot) -> None:
        """Put the row back exactly as it was in the snapshot (replacing any newer version)."""
        with self._store.session() as session:
            current = session.get(self.model, snapshot.row_id)
            if current is not None:
                session.delete(current)
                session.flush()
            put(session, snapshot)
