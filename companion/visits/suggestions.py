"""Questions the app proposes from what happened since the last visit.

Each suggestion has a stable key; once the patient accepts or dismisses it, the key is kept
(DismissedSuggestion) and the suggestion is not offered again. The texts are questions for
the care team: they never recommend a treatment.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from companion.library.model import SymptomTerm
from companion.store import Store
from companion.symptoms.recap import SEVERE, SymptomRecap
from companion.translations import Visits
from companion.treatments.recap import TreatmentRecap, test_label
from companion.visits.library_access import LibraryLike
from companion.visits.model import Suggestion, VisitQuestionInfo, count_text, format_day
from companion.visits.service import VisitService

if TYPE_CHECKING:
    pass


def _lower_first(term: str) -> str:
    return term if term[:2].isupper() else term[:1].lower() + term[1:]


def _status_word(receptor: str, status: str) -> str:
    words = {
        "positive": Visits.tr("positive"),
        "negative": Visits.tr("negative"),
        "low": Visits.tr("HER2-low"),
        "zero": Visits.tr("HER2-zero"),
    }
    return words.get(status, status)


class SuggestionService:
    def __init__(
        self,
        store: Store,
        visits: VisitService,
        library: LibraryLike,
        symptoms: SymptomRecap,
        treatments: TreatmentRecap,
    ) -> None:
        """symptoms, treatments: what those features say about a period (their tables)."""
        self._store = store
        self._visits = visits
        self._library = library
        self._symptoms = symptoms
        self._treatments = treatments

    def symptom_terms(self) -> dict[str, SymptomTerm]:
        """The library's symptom names by id ({} if the library cannot be read)."""
        return self._terms()

    def _terms(self) -> dict[str, SymptomTerm]:
        try:
            return {t.id: t for t in self._library.symptoms()}
        except (OSError, KeyError, ValueError):
            return {}

    def _rule_symptoms(self) -> dict[str, str]:
        try:
            return {r.id: r.symptom for r in self._library.red_flag_rules()}
        except (OSError, KeyError, ValueError):
            return {}

    def handled_keys(self) -> set[str]:
        from sqlalchemy import select

        from companion.store.models import DismissedSuggestion

        with self._store.session() as session:
            return set(session.scalars(select(DismissedSuggestion.key)))

    def suggestions(self, visit_id: int, now: datetime | None = None) -> list[Suggestion]:
        """What to propose for this visit, from the period since the last visit."""
        start, end = self._visits.period_before(visit_id, now)
        found = self.all_for_period(start, end)
        handled = self.handled_keys()
        return [s for s in found if s.key not in handled]

    def all_for_period(self, start: date, end: date) -> list[Suggestion]:
        terms = self._terms()
        since = format_day(start)
        found: list[Suggestion] = []
        rule_symptoms = self._rule_symptoms()
        seen_rules: set[str] = set()
        for flag in self._symptoms.red_flags(start, end):
            if flag.rule_id in seen_rules:
                continue
            seen_rules.add(flag.rule_id)
            symptom = terms.get(rule_symptoms.get(flag.rule_id, ""))
            what = _lower_first(symptom.term) if symptom else flag.rule_id.replace("-", " ")
            found.append(
                Suggestion(
                    key=f"red-flag:{flag.rule_id}:{start.isoformat()}",
                    kind="red_flag",
                    text=Visits.tr(
                        "On {day} the app showed a warning sign ({what}). What should I do "
                        "if this happens again, and whom should I call?"
                    ).format(day=format_day(flag.day), what=what),
                    reason=Visits.tr("Warning sign on {day}: {message}").format(
                        day=format_day(flag.day), message=flag.message
                    ),
                    topic="side_effects",
                )
            )
        for summary in self._symptoms.summaries(start, end, terms):
            if summary.worst < SEVERE:
                continue
            found.append(
                Suggestion(
                    key=f"severe:{summary.symptom_id}:{start.isoformat()}",
                    kind="severe_symptom",
                    text=Visits.tr(
                        "My {symptom} was bad on some days since my last visit (at worst: "
                        "{worst}). What can help, and when should I call you about it?"
                    ).format(symptom=_lower_first(summary.term), worst=summary.worst_word),
                    reason=Visits.tr(
                        "{symptom}: {worst} at worst, on {days} since {since}."
                    ).format(
                        symptom=summary.term,
                        worst=summary.worst_word,
                        days=count_text(summary.severe_days, "{n} day", "{n} days"),
                        since=since,
                    ),
                    topic="side_effects",
                )
            )
        for change in self._treatments.receptor_changes(start, end):
            found.append(
                Suggestion(
                    key=f"receptor:{change.biopsy_id}:{change.receptor}",
                    kind="receptor_change",
                    text=Visits.tr(
                        "My {receptor} status changed from {before} to {after} between my "
                        "biopsies of {first} and {second}. What does this mean for me and "
                        "my treatment?"
                    ).format(
                        receptor=change.receptor,
                        before=_status_word(change.receptor, change.before),
                        after=_status_word(change.receptor, change.after),
                        first=format_day(change.earlier_day),
                        second=format_day(change.later_day),
                    ),
                    reason=Visits.tr("Biopsy on {day}: {receptor} {before} → {after}.").format(
                        day=format_day(change.later_day),
                        receptor=change.receptor,
                        before=_status_word(change.receptor, change.before),
                        after=_status_word(change.receptor, change.after),
                    ),
                    topic="diagnosis",
                )
            )
        for scan in self._treatments.scans(start, end):
            label = test_label(scan.kind)
            found.append(
                Suggestion(
                    key=f"scan:{scan.id}",
                    kind="scan",
                    text=Visits.tr(
                        "What did my {scan} on {day} show, and what does it mean for me?"
                    ).format(scan=label, day=format_day(scan.day)),
                    reason=Visits.tr("{scan} done on {day}.").format(
                        scan=label[:1].upper() + label[1:], day=format_day(scan.day)
                    ),
                    topic="diagnosis",
                )
            )
        for event in self._treatments.line_events(start, end):
            if event.started:
                text = Visits.tr(
                    "I started {regimen} on {day}. Which side effects should I watch for, "
                    "and how will we know if it is working?"
                )
                reason = Visits.tr("Treatment line {number} started on {day}.")
                key = f"line-start:{event.line_id}"
            else:
                text = Visits.tr(
                    "{regimen} stopped on {day}. What happens next, and what are the "
                    "possible options now?"
                )
                reason = Visits.tr("Treatment line {number} ended on {day}.")
                key = f"line-end:{event.line_id}"
            found.append(
                Suggestion(
                    key=key,
                    kind="line_started" if event.started else "line_ended",
                    text=text.format(regimen=event.regimen, day=format_day(event.day)),
                    reason=reason.format(number=event.number, day=format_day(event.day)),
                    topic="treatment",
                )
            )
        return found

    def accept(self, visit_id: int, suggestion: Suggestion) -> VisitQuestionInfo | None:
        """Add the proposed question to the visit and do not propose it again."""
        existing = {q.text.casefold() for q in self._visits.questions(visit_id)}
        added = None
        if suggestion.text.casefold() not in existing:
            added = self._visits.add_question(visit_id, suggestion.text, suggestion.topic)
        self._remember(suggestion.key)
        return added

    def dismiss(self, suggestion: Suggestion) -> None:
        self._remember(suggestion.key)

    def restore(self, suggestion: Suggestion) -> None:
        """Offer a dismissed suggestion again (undo of dismiss)."""
        from companion.store.models import DismissedSuggestion

        with self._store.session() as session:
            row = session.get(DismissedSuggestion, suggestion.key)
            if row is not None:
                session.delete(row)

    def _remember(self, key: str) -> None:
        from companion.store.models import DismissedSuggestion

        with self._store.session() as session:
            if session.get(DismissedSuggestion, key) is None:
                session.add(DismissedSuggestion(key=key))
