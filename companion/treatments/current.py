"""What the patient takes now and where the cancer has spread: feeds the check-in,
the red-flag rules and the library's 'you take this' marks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from companion.store import Store
from companion.store.models import (
    Administration,
    LineDrug,
    MetastasisSite,
    OtherMedicine,
    TherapyLine,
)


@contextmanager
def _reading(store: Store, session: Session | None) -> Iterator[Session]:
    """The caller's transaction if it gives one (a check-in write reads the treatments it
    needs in its own single transaction), else a short one of our own."""
    if session is not None:
        yield session
    else:
        with store.session() as own:
            yield own


def current_drug_ids(
    store: Store, on: date | None = None, session: Session | None = None
) -> list[str]:
    """Library ids of drugs in an open line (or open other medicines) on the given day."""
    day = on or store.clock.today()
    with _reading(store, session) as reader:
        line_drugs = reader.scalars(
            select(LineDrug.library_id)
            .join(TherapyLine)
            .where(
                LineDrug.library_id.is_not(None),
                TherapyLine.start_date <= day,
                or_(TherapyLine.end_date.is_(None), TherapyLine.end_date >= day),
                or_(LineDrug.start_date.is_(None), LineDrug.start_date <= day),
                or_(LineDrug.end_date.is_(None), LineDrug.end_date >= day),
            )
        ).all()
        others = reader.scalars(
            select(OtherMedicine.library_id).where(
                OtherMedicine.library_id.is_not(None),
                or_(OtherMedicine.start_date.is_(None), OtherMedicine.start_date <= day),
                or_(OtherMedicine.end_date.is_(None), OtherMedicine.end_date >= day),
            )
        ).all()
    return list(dict.fromkeys([*line_drugs, *others]))  # type: ignore[list-item]  # both lists hold drug ids (str); the ORM types them loosely


def current_site_ids(
    store: Store, on: date | None = None, session: Session | None = None
) -> list[str]:
    day = on or store.clock.today()
    with _reading(store, session) as reader:
        rows = reader.scalars(
            select(MetastasisSite.site_id).where(MetastasisSite.found_date <= day)
        ).all()
    return list(dict.fromkeys(rows))


@dataclass(frozen=True)
class LineSpan:
    """A therapy line as other features see it: a labelled stretch of time."""

    id: int
    number: int
    setting: str
    regimen: str
    start_date: date
    end_date: date | None


class CurrentTreatments:
    """What the treatment history tells the other features (the symptom log asks this; it
    does not read the treatment tables)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def drug_ids(self, on: date | None = None, session: Session | None = None) -> list[str]:
        return current_drug_ids(self._store, on, session)

    def site_ids(self, on: date | None = None, session: Session | None = None) -> list[str]:
        return current_site_ids(self._store, on, session)

    def line_spans(self) -> list[LineSpan]:
        """Every line, earliest start first."""
        with self._store.session() as session:
            rows = session.execute(
                select(
                    TherapyLine.id,
                    TherapyLine.number,
                    TherapyLine.setting,
                    TherapyLine.regimen,
                    TherapyLine.start_date,
                    TherapyLine.end_date,
                ).order_by(TherapyLine.start_date)
            ).all()
        return [LineSpan(*row) for row in rows]

    def line_start(self, day: date) -> date | None:
        """The start of the line of treatment open on that day (the latest if several)."""
        with self._store.session() as session:
            return session.scalar(
                select(TherapyLine.start_date)
                .where(TherapyLine.start_date <= day)
                .where((TherapyLine.end_date.is_(None)) | (TherapyLine.end_date >= day))
                .order_by(TherapyLine.start_date.desc())
                .limit(1)
            )

    def last_given(self, day: date) -> date | None:
        """The latest infusion or cycle day of an open line, on or before day."""
        with self._store.session() as session:
            return session.scalar(
                select(Administration.day)
                .join(TherapyLine, Administration.line_id == TherapyLine.id)
                .where(Administration.day <= day, Administration.kind == "given")
                .where((TherapyLine.end_date.is_(None)) | (TherapyLine.end_date >= day))
                .order_by(Administration.day.desc())
                .limit(1)
            )
