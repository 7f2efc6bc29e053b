"""The library as services and pages see it. Read-only; loaded once per process."""

from __future__ import annotations

from functools import cached_property

from companion.library import sources
from companion.library.model import BankQuestion, Entry, RedFlagRule, SymptomTerm


class LibraryService:
    """Lookups over the bundled library. Thread-safe after construction (read-only data)."""

    @cached_property
    def _symptoms(self) -> dict[str, SymptomTerm]:
        return {s.id: s for s in sources.load_symptoms()}

    @cached_property
    def _entries(self) -> dict[str, Entry]:
        return {e.id: e for e in sources.load_entries()}

    @cached_property
    def _rules(self) -> list[RedFlagRule]:
        return sources.load_rules()

    def symptoms(self) -> list[SymptomTerm]:
        return list(self._symptoms.values())

    def symptom(self, symptom_id: str) -> SymptomTerm | None:
        return self._symptoms.get(symptom_id)

    def entry(self, entry_id: str) -> Entry | None:
        return self._entries.get(entry_id)

    def entries(self, kind: str | None = None) -> list[Entry]:
        return [e for e in self._entries.values() if kind is None or e.kind == kind]

    def drugs(self) -> list[Entry]:
        return self.entries("drug")

    def drug_side_effect_symptoms(self, drug_ids: list[str]) -> list[str]:
        """Symptom ids of the known side effects of these drugs, common ones first."""
        seen: dict[str, None] = {}
        for serious in (False, True):
            for drug_id in drug_ids:
                entry = self._entries.get(drug_id)
                for effect in entry.side_effects if entry else ():
                    if (
                        effect.symptom
                        and effect.serious == serious
                        and effect.symptom in self._symptoms
                    ):
                        seen.setdefault(effect.symptom)
        return list(seen)

    def red_flag_rules(self) -> list[RedFlagRule]:
        return list(self._rules)

    def questions(self) -> list[BankQuestion]:
        return sources.load_questions()
