"""Sites of spread (bone, liver, lung, brain, …) and the date each was found."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from companion.errors import ValidationError
from companion.translations import Treatments
from companion.treatments import validation as check
from companion.treatments.labels import SITE_IDS, day_text, site_label
from companion.treatments.rows import RowService

if TYPE_CHECKING:
    pass


@dataclass(frozen=True)
class SiteInfo:
    id: int
    site_id: str
    detail: str
    found_date: date

    @property
    def label(self) -> str:
        return site_label(self.site_id)


@dataclass(frozen=True)
class SiteInput:
    site_id: str
    found_date: date
    detail: str = ""


class SiteService(RowService):
    table = "metastasis_site"

    def sites(self) -> list[SiteInfo]:
        """In the order they were found."""
        from sqlalchemy import select

        from companion.store.models import MetastasisSite

        with self._store.session() as session:
            rows = session.scalars(
                select(MetastasisSite).order_by(MetastasisSite.found_date, MetastasisSite.id)
            ).all()
            return [SiteInfo(r.id, r.site_id, r.detail, r.found_date) for r in rows]

    def add(self, data: SiteInput) -> SiteInfo:
        from companion.store.models import MetastasisSite

        detail = self._validate(data, None)
        with self._store.session() as session:
            row = MetastasisSite(site_id=data.site_id, detail=detail, found_date=data.found_date)
            session.add(row)
            session.flush()
            return SiteInfo(row.id, row.site_id, row.detail, row.found_date)

    def update(self, row_id: int, data: SiteInput) -> SiteInfo:
        detail = self._validate(data, row_id)
        with self._store.session() as session:
            row = self._get(session, row_id)
            row.site_id, row.detail, row.found_date = data.site_id, detail, data.found_date
            return SiteInfo(row.id, row.site_id, row.detail, row.found_date)

    def _validate(self, data: SiteInput, row_id: int | None) -> str:
        check.check_choice(data.site_id, SITE_IDS, Treatments.tr("place"))
        check.check_past(data.found_date, Treatments.tr("found"), today=self._store.clock.today())
        detail = check.clean_text(data.detail, Treatments.tr("detail"))
        if data.site_id != "other-sites":
            for site in self.sites():
                if site.site_id == data.site_id and site.id != row_id:
                    raise ValidationError(
                        Treatments.tr(
                            "{site} is already on the list (found {day}). Change that entry "
                            "instead."
                        ).format(site=site.label, day=day_text(site.found_date))
                    )
        elif not detail:
            raise ValidationError(Treatments.tr("Please say which place, in the detail."))
        return detail
