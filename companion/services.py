"""All services of one open profile, handed to the UI as one object.

What Today's first paint reads (the profile, the check-in, visits, treatments now taken) is
made at once; the other services, and the modules they import, are made when first asked
for, so the window shows before SQLAlchemy has loaded (the reads Today needs are plain SQL;
every write loads the ORM when it runs).
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from companion.clock import Clock
from companion.library.service import LibraryService
from companion.paths import ProfilePaths
from companion.profile.service import ProfileService
from companion.store import Store
from companion.symptoms.recap import SymptomRecap
from companion.symptoms.service import SymptomService
from companion.treatments.record import TreatmentRecord
from companion.visits.library_access import LibraryAccess
from companion.visits.service import VisitService

if TYPE_CHECKING:
    from companion.profile.backups import BackupService
    from companion.profile.protection import ProtectionService
    from companion.visits.bank import QuestionBank
    from companion.visits.suggestions import SuggestionService


class Services:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.clock: Clock = store.clock
        # One read-only library for every feature: its cached entries and rules are loaded once.
        self.library = LibraryService()
        self._visit_library = LibraryAccess(self._shared_library)
        self.profile = ProfileService(store)
        self.visits = VisitService(store)
        self.treatments = TreatmentRecord(
            store, self._shared_library, visits=self.visits, symptoms=SymptomRecap(store)
        )
        self.symptoms = SymptomService(store, self.library, self.treatments.current)

    @classmethod
    def open(
        cls,
        data_dir: Path | ProfilePaths,
        clock: Clock | None = None,
        *,
        check_in_background: bool = False,
    ) -> Services:
        """clock: the time every service uses (default_clock() if None);
        check_in_background: see Store.open."""
        return cls(Store.open(data_dir, clock, check_in_background=check_in_background))

    def _shared_library(self) -> LibraryService:
        return self.library

    @cached_property
    def visit_suggestions(self) -> SuggestionService:
        from companion.visits.suggestions import SuggestionService

        return SuggestionService(
            self.store,
            self.visits,
            self._visit_library,
            self.symptoms.recap,
            self.treatments.recap,
        )

    @cached_property
    def question_bank(self) -> QuestionBank:
        from companion.visits.bank import QuestionBank

        return QuestionBank(self._visit_library.questions)

    @cached_property
    def backups(self) -> BackupService:
        from companion.profile.backups import BackupService

        return BackupService(self.store)

    @cached_property
    def protection(self) -> ProtectionService:
        from companion.profile.protection import ProtectionService

        return ProtectionService(self.store)

    def close(self) -> None:
        self.symptoms.close()
        self.treatments.close()
        self.library.close()
        self.store.close()
