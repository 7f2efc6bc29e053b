"""What the patient takes now and where the cancer has spread: feeds the check-in,
the red-flag rules and the library's 'you take this' marks."""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select

from companion.store import Store
from companion.store.models import LineDrug, MetastasisSite, OtherMedicine, TherapyLine


def current_drug_ids(store: Store, on: date | None = None) -> list[str]:
    """Library ids of drugs in an open line (or open other medicines) on the given day."""
    day = on or store.clock.today()
    with store.session() as session:
        line_drugs = session.scalars(
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
        others = session.scalars(
            select(OtherMedicine.library_id).where(
                OtherMedicine.library_id.is_not(None),
                or_(OtherMedicine.start_date.is_(None), OtherMedicine.start_date <= day),
                or_(OtherMedicine.end_date.is_(None), OtherMedicine.end_date >= day),
            )
        ).all()
    return list(dict.fromkeys([*line_drugs, *others]))  # type: ignore[list-item]


def current_site_ids(store: Store, on: date | None = None) -> list[str]:
    day = on or store.clock.today()
    with store.session() as session:
        rows = session.scalars(
            select(MetastasisSite.site_id).where(MetastasisSite.found_date <= day)
        ).all()
    return list(dict.fromkeys(rows))
