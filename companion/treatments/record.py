"""The treatment history services of one profile, as one object for pages and reports."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from companion.errors import CompanionError
from companion.library.model import Entry, SymptomTerm
from companion.library.service import LibraryService
from companion.medicines.service import ScheduleService
from companion.store import Store
from companion.treatments.current import CurrentTreatments
from companion.treatments.drug_match import DrugMatcher
from companion.treatments.lines import LineService

if TYPE_CHECKING:
    from companion.treatments.administrations import AdministrationService
    from companion.treatments.biopsies import BiopsyService
    from companion.treatments.medicines import MedicineService
    from companion.treatments.procedures import ProcedureService
    from companion.treatments.recap import TreatmentRecap
    from companion.treatments.scans import ScanService
    from companion.treatments.sites import SiteService
    from companion.treatments.timeline import SymptomWeeks, TimelineService, VisitDates

log = logging.getLogger(__name__)
T = TypeVar("T")


class LibraryLookups:
    """The library lookups treatments need, opened on first use. If the library cannot be
    read (not built yet, a source half-written), drugs stay as typed and symptoms keep their
    ids: the treatment history works on without it."""

    def __init__(self, open_library: Callable[[], LibraryService]) -> None:
        self._open = open_library
        self._library: LibraryService | None = None
        self._failed = False

    def _call(self, fallback: T, use: Callable[[LibraryService], T]) -> T:
        if self._failed:
            return fallback
        try:
            if self._library is None:
                self._library = self._open()
            return use(self._library)
        except (CompanionError, OSError, ValueError, KeyError) as exc:
            log.warning("library unavailable for treatments: %s", exc)
            self._failed = True
            return fallback

    def close(self) -> None:
        close = getattr(self._library, "close", None)
        if close is not None:
            close()
        self._library = None

    def drugs(self) -> list[Entry]:
        return self._call([], lambda library: library.drugs())

    def symptom(self, symptom_id: str) -> SymptomTerm | None:
        return self._call(None, lambda library: library.symptom(symptom_id))

    def entry(self, entry_id: str) -> Entry | None:
        return self._call(None, lambda library: library.entry(entry_id))


class TreatmentRecord:
    def __init__(
        self,
        store: Store,
        open_library: Callable[[], LibraryService],
        *,
        visits: VisitDates,
        symptoms: SymptomWeeks,
    ) -> None:
        """visits, symptoms: the other features' services the timeline shows."""
        self.store = store
        self.clock = store.clock
        self.library = library = LibraryLookups(open_library)
        self.lines = LineService(store, self.matcher)
        self.current = CurrentTreatments(store)
        self.schedules = ScheduleService(store, library.entry)
        self._visits = visits
        self._symptoms = symptoms

    # The other parts are made (and their modules imported) when first used: Today needs
    # only the lines, what is taken now and the medicine schedules.
    @cached_property
    def administrations(self) -> AdministrationService:
        from companion.treatments.administrations import AdministrationService

        return AdministrationService(self.store)

    @cached_property
    def medicines(self) -> MedicineService:
        from companion.treatments.medicines import MedicineService

        return MedicineService(self.store, self.matcher, self.lines)

    @cached_property
    def procedures(self) -> ProcedureService:
        from companion.treatments.procedures import ProcedureService

        return ProcedureService(self.store)

    @cached_property
    def scans(self) -> ScanService:
        from companion.treatments.scans import ScanService

        return ScanService(self.store)

    @cached_property
    def biopsies(self) -> BiopsyService:
        from companion.treatments.biopsies import BiopsyService

        return BiopsyService(self.store)

    @cached_property
    def sites(self) -> SiteService:
        from companion.treatments.sites import SiteService

        return SiteService(self.store)

    @cached_property
    def recap(self) -> TreatmentRecap:
        from companion.treatments.recap import TreatmentRecap

        return TreatmentRecap(self.store)

    @cached_property
    def timeline(self) -> TimelineService:
        from companion.treatments.timeline import TimelineService

        return TimelineService(
            self.store,
            self.library,
            self.lines,
            self.procedures,
            self.scans,
            self.biopsies,
            self.sites,
            self._visits,
            self._symptoms,
        )

    @cached_property
    def _matcher(self) -> DrugMatcher:
        return DrugMatcher(self.library.drugs())

    def matcher(self) -> DrugMatcher:
        """The drug matcher over the library's drugs (built on first use)."""
        return self._matcher

    def close(self) -> None:
        self.library.close()
