"""The symptom log of one profile, as one object for pages, reports and the command line.

It holds the log's parts, each with one job, and keeps the names the pages use:
- vocab (vocabulary.py): the symptoms known, their questions, the pinned symptoms;
- writes (checkin_writes.py): every change of a day, one transaction each, returning the
  day before and after;
- flags (red_flag_engine.py): the red-flag rules, raised once per episode;
- history (history.py): reads of single days and of periods, with the one DayState
  assembler (day_states.py);
- export (log_export.py): a period read for writing out, answers as plain rows;
- recap (recap.py): what a period says, for the visit brief.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING

from companion.library.model import SymptomTerm
from companion.library.service import LibraryService
from companion.store import Store
from companion.symptoms.checkin_writes import (
    EARLIEST_DAY,
    MAX_NOTE_CHARS,
    TEMPERATURE_RANGE_C,
    WEIGHT_RANGE_KG,
    CheckInWriter,
    MergeConflict,
)
from companion.symptoms.history import SymptomHistory
from companion.symptoms.log_export import LogExport
from companion.symptoms.log_window import LogWindow
from companion.symptoms.model import (
    RECALL_DAILY,
    AnswerKey,
    Change,
    DayRows,
    DayState,
    FlagEvent,
)
from companion.symptoms.plan import CheckInPlan
from companion.symptoms.recap import SymptomRecap
from companion.symptoms.red_flag_engine import EPISODE_GAP_DAYS, RedFlagEngine
from companion.symptoms.redflags import Observations, RedFlagEvaluator, Situation
from companion.symptoms.vocabulary import NoLibrary, SymptomVocabulary
from companion.treatments.current import CurrentTreatments

if TYPE_CHECKING:
    from companion.store.models import RedFlagEvent

__all__ = [
    "ALWAYS_ASKED",
    "DEFAULT_SYMPTOMS",
    "EARLIEST_DAY",
    "EPISODE_GAP_DAYS",
    "MAX_NOTE_CHARS",
    "TEMPERATURE_RANGE_C",
    "WEIGHT_RANGE_KG",
    "MergeConflict",
    "SymptomService",
]

# Asked when the treatment history gives no side effects to ask about.
DEFAULT_SYMPTOMS = (
    "fatigue",
    "nausea",
    "general_pain",
    "diarrhea",
    "decreased_appetite",
    "shortness_of_breath",
    "numbness_tingling",
)
ALWAYS_ASKED = ("fever",)  # the warning sign that matters on any cancer treatment

Listener = Callable[[frozenset[date]], None]


class SymptomService:
    def __init__(
        self,
        store: Store,
        library: LibraryService | Callable[[], LibraryService],
        treatments: CurrentTreatments,
    ) -> None:
        """library: an open LibraryService, or a callable that opens it on first use.
        treatments: what the treatment history says is taken now (it owns those tables)."""
        self.clock = store.clock
        self.treatments = treatments
        self._listeners: list[Listener] = []
        self.vocab = SymptomVocabulary(store, library)
        self.flags = RedFlagEngine(store, self.vocab, treatments)
        self.writes = CheckInWriter(store, self.vocab, self.flags, self.notify)
        self.history = SymptomHistory(store, self.vocab, self.flags, treatments)
        self.log_window = LogWindow(store)  # the log table, a screenful at a time
        self.export = LogExport(store, self.flags)  # the log read for writing out
        self.recap = SymptomRecap(store)
        self.plan = CheckInPlan(store, self)  # what the daily and weekly check-ins ask

    @property
    def library(self) -> LibraryService | NoLibrary:
        return self.vocab.library

    @property
    def evaluator(self) -> RedFlagEvaluator:
        return self.vocab.evaluator

    def close(self) -> None:
        self.vocab.close()

    # -- listeners: pages refresh when any change (or undo) touches the log --------------
    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def notify(self, days: Iterable[date]) -> None:
        changed = frozenset(days)
        for listener in list(self._listeners):
            listener(changed)

    # -- vocabulary and pinned symptoms ---------------------------------------------------
    def term(self, symptom_id: str) -> str:
        return self.vocab.term(symptom_id)

    def known(self, symptom_id: str) -> bool:
        return self.vocab.known(symptom_id)

    def attributes(self, symptom_id: str) -> tuple[str, ...]:
        return self.vocab.attributes(symptom_id)

    def vocabulary(self) -> list[SymptomTerm]:
        return self.vocab.all()

    def search(self, text: str, limit: int = 30) -> list[SymptomTerm]:
        return self.vocab.search(text, limit)

    def pinned(self) -> list[str]:
        return self.vocab.pinned()

    def set_pinned(self, symptom_id: str, pinned: bool) -> None:
        self.vocab.set_pinned(symptom_id, pinned)

    # -- what the check-in asks -----------------------------------------------------------
    def checkin_symptoms(self, day: date) -> list[str]:
        """Side effects of the drugs taken on that day (or a default set), pinned symptoms,
        the fever warning sign, and anything already answered that day."""
        drugs = self.treatments.drug_ids(day)
        asked = self.library.drug_side_effect_symptoms(drugs) if drugs else []
        if not asked:
            asked = list(DEFAULT_SYMPTOMS)
        state = self.day_state(day)
        answered = [a.symptom_id for a in state.answers if a.recall_days == RECALL_DAILY]
        ordered = dict.fromkeys([*asked, *self.pinned(), *ALWAYS_ASKED, *answered])
        terms = self.vocab.terms
        return [s for s in ordered if s in terms and terms[s].attributes]

    def situation(self, day: date) -> Situation:
        return self.flags.situation(day)

    # -- reading --------------------------------------------------------------------------
    def day_state(self, day: date) -> DayState:
        return self.history.day_state(day)

    def states_of(self, days: Iterable[date]) -> list[DayState]:
        return self.history.states_of(days)

    def previous_day_state(self, day: date) -> DayState | None:
        return self.history.previous_day_state(day)

    def last_esas_day(self, before: date | None = None) -> date | None:
        return self.history.last_esas_day(before)

    def open_flags(self, day: date) -> tuple[FlagEvent, ...]:
        return self.history.open_flags(day)

    def reason(self, rule_id: str, observations: Observations) -> str:
        return self.flags.reason(rule_id, observations)

    def flag_view(
        self, event: RedFlagEvent, day: date, observations: Observations | None = None
    ) -> FlagEvent:
        return self.flags.flag_view(event, day, observations)

    # -- writing --------------------------------------------------------------------------
    def set_answer(
        self,
        day: date,
        symptom_id: str,
        attribute: str,
        value: int | None,
        recall_days: int = RECALL_DAILY,
    ) -> Change:
        return self.writes.set_answers(day, {(symptom_id, attribute): value}, recall_days)

    def set_answers(
        self,
        day: date,
        values: Mapping[AnswerKey, int | None],
        recall_days: int = RECALL_DAILY,
    ) -> Change:
        return self.writes.set_answers(day, values, recall_days)

    def set_overall(self, day: date, answer: str | None, *, done: bool = False) -> Change:
        return self.writes.set_overall(day, answer, done=done)

    def set_daily_done(self, day: date, done: bool) -> Change:
        return self.writes.set_daily_done(day, done)

    def set_esas(self, day: date, item: str, value: int | None) -> Change:
        return self.writes.set_esas(day, item, value)

    def set_note(self, day: date, text: str) -> Change:
        return self.writes.set_note(day, text)

    def set_temperature(self, day: date, celsius: float | None) -> Change:
        return self.writes.set_temperature(day, celsius)

    def set_weight(self, day: date, kg: float | None) -> Change:
        return self.writes.set_weight(day, kg)

    def delete_answers(self, keys: Iterable[tuple[date, str, str]]) -> list[date]:
        return self.writes.delete_answers(keys)

    def delete_day(self, day: date) -> None:
        self.writes.delete_day(day)

    def restore_days(self, states: Iterable[DayState]) -> None:
        """Make each day exactly as in its state (used by undo and redo)."""
        self.writes.restore_days(states)

    def merge_days(self, days: Iterable[DayRows]) -> int:
        return self.writes.merge_days(days)

    def acknowledge(self, flag_id: int) -> None:
        day = self.flags.acknowledge(flag_id)
        if day is not None:
            self.notify([day])
