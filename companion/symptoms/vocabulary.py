"""The symptoms the log knows (from the library), the answers each takes, and the symptoms
the patient pinned to every check-in."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from companion.errors import CompanionError, ValidationError
from companion.library.model import Entry, RedFlagRule, SymptomTerm
from companion.library.service import LibraryService
from companion.store import Store
from companion.symptoms import wording
from companion.symptoms.redflags import RedFlagEvaluator
from companion.translations import Symptoms

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)


class NoLibrary:
    """Stands in when the library cannot be opened: notes and measurements still work."""

    def symptoms(self) -> list[SymptomTerm]:
        return []

    def red_flag_rules(self) -> list[RedFlagRule]:
        return []

    def entry(self, entry_id: str) -> Entry | None:
        return None

    def drug_side_effect_symptoms(self, drug_ids: list[str]) -> list[str]:
        return []


class SymptomVocabulary:
    def __init__(
        self, store: Store, library: LibraryService | Callable[[], LibraryService]
    ) -> None:
        """library: an open LibraryService, or a callable that opens it on first use."""
        self._store = store
        self._library_source = library

    @cached_property
    def library(self) -> LibraryService | NoLibrary:
        source = self._library_source
        if not isinstance(source, type) and hasattr(source, "symptoms"):
            return source  # type: ignore[return-value]  # an open service (or a fake of one)
        try:
            return source()
        except (CompanionError, OSError, sqlite3.Error) as exc:
            log.warning("library unavailable for the symptom log: %s", exc)
            return NoLibrary()

    def close(self) -> None:
        opened = self.__dict__.get("library")
        if opened is not None and opened is not self._library_source and hasattr(opened, "close"):
            opened.close()

    @cached_property
    def terms(self) -> dict[str, SymptomTerm]:
        return {s.id: s for s in self.library.symptoms()}

    @cached_property
    def evaluator(self) -> RedFlagEvaluator:
        return RedFlagEvaluator(
            self.library.red_flag_rules(), {s.id: s.attributes for s in self.terms.values()}
        )

    def term(self, symptom_id: str) -> str:
        found = self.terms.get(symptom_id)
        return found.term if found else symptom_id

    def known(self, symptom_id: str) -> bool:
        return symptom_id in self.terms

    def attributes(self, symptom_id: str) -> tuple[str, ...]:
        found = self.terms.get(symptom_id)
        return found.attributes if found else ()

    def all(self) -> list[SymptomTerm]:
        return list(self.terms.values())

    def search(self, text: str, limit: int = 30) -> list[SymptomTerm]:
        """Terms containing every word typed, those starting with it first."""
        words = text.casefold().split()
        hits = [
            s
            for s in self.terms.values()
            if all(w in f"{s.term} {s.id.replace('_', ' ')} {s.category}".casefold() for w in words)
        ]
        first = words[0] if words else ""
        hits.sort(key=lambda s: (not s.term.casefold().startswith(first), s.term.casefold()))
        return hits[:limit]

    # -- pinned symptoms ---------------------------------------------------------------
    def pinned(self) -> list[str]:
        with self._store.read() as db:
            rows = db.execute("SELECT symptom_id FROM pinned_symptom ORDER BY pinned_at").fetchall()
        return [r for (r,) in rows if r in self.terms]

    def set_pinned(self, symptom_id: str, pinned: bool) -> None:
        from companion.store.models import PinnedSymptom

        self.require_symptom(symptom_id)
        with self._store.session() as session:
            row = session.get(PinnedSymptom, symptom_id)
            if pinned and row is None:
                session.add(PinnedSymptom(symptom_id=symptom_id))
            elif not pinned and row is not None:
                session.delete(row)

    # -- checks before a write ------------------------------------------------------------
    def require_symptom(self, symptom_id: str) -> None:
        if symptom_id not in self.terms:
            raise ValidationError(Symptoms.tr("Unknown symptom: {id}.").format(id=symptom_id))

    def require_answer(self, symptom_id: str, attribute: str, value: int | None) -> None:
        self.require_symptom(symptom_id)
        if attribute not in self.terms[symptom_id].attributes:
            raise ValidationError(
                Symptoms.tr("{term} is not asked about “{attribute}”.").format(
                    term=self.term(symptom_id), attribute=attribute
                )
            )
        if value is not None and not 0 <= value <= wording.max_value(attribute):
            raise ValidationError(
                Symptoms.tr("Answers about “{attribute}” go from 0 to {top}.").format(
                    attribute=attribute, top=wording.max_value(attribute)
                )
            )
