"""All services of one open profile, handed to the UI as one object."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from companion.clock import Clock
from companion.library.service import LibraryService
from companion.paths import ProfilePaths
from companion.profile.backups import BackupService
from companion.profile.protection import ProtectionService
from companion.profile.service import ProfileService
from companion.store import Store
from companion.symptoms.recap import SymptomRecap
from companion.symptoms.service import SymptomService
from companion.treatments.record import TreatmentRecord
from companion.visits.bank import QuestionBank
from companion.visits.library_access import LibraryAccess
from companion.visits.service import VisitService
from companion.visits.suggestions import SuggestionService


@dataclass
class Services:
    store: Store
    clock: Clock
    profile: ProfileService
    treatments: TreatmentRecord
    visits: VisitService
    visit_suggestions: SuggestionService
    question_bank: QuestionBank
    symptoms: SymptomService
    library: LibraryService
    backups: BackupService
    protection: ProtectionService

    @classmethod
    def open(cls, data_dir: Path | ProfilePaths, clock: Clock | None = None) -> Services:
        """clock: the time every service uses (default_clock() if None)."""
        store = Store.open(data_dir, clock)
        # One read-only library for every feature: its cached entries and rules are loaded once.
        library = LibraryService()

        def shared_library() -> LibraryService:
            return library

        visit_library = LibraryAccess(shared_library)
        visits = VisitService(store)
        treatments = TreatmentRecord(
            store, shared_library, visits=visits, symptoms=SymptomRecap(store)
        )
        symptoms = SymptomService(store, library, treatments.current)
        return cls(
            store=store,
            clock=store.clock,
            profile=ProfileService(store),
            treatments=treatments,
            visits=visits,
            visit_suggestions=SuggestionService(
                store, visits, visit_library, symptoms.recap, treatments.recap
            ),
            question_bank=QuestionBank(visit_library.questions),
            symptoms=symptoms,
            library=library,
            backups=BackupService(store),
            protection=ProtectionService(store),
        )

    def close(self) -> None:
        self.symptoms.close()
        self.treatments.close()
        self.library.close()
        self.store.close()
