"""Plain data the visit services hand to pages and reports (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from companion.translations import Visits, locale_date, locale_time, translate

# Who the visit is with: stored key → words shown. Unknown keys are shown as typed.
WITH_WHOM_KEYS = (
    "oncologist",
    "nurse",
    "radiology",
    "cardiology",
    "radiation_oncologist",
    "surgeon",
    "palliative_care",
    "family_doctor",
    "other",
)


def with_whom_label(key: str) -> str:
    labels = {
        "oncologist": Visits.tr("Oncologist"),
        "nurse": Visits.tr("Nurse"),
        "radiology": Visits.tr("Radiology (scan)"),
        "cardiology": Visits.tr("Heart clinic"),
        "radiation_oncologist": Visits.tr("Radiation oncologist"),
        "surgeon": Visits.tr("Surgeon"),
        "palliative_care": Visits.tr("Supportive (palliative) care"),
        "family_doctor": Visits.tr("Family doctor"),
        "other": Visits.tr("Other"),
    }
    return labels.get(key, key)


@dataclass(frozen=True)
class VisitInfo:
    id: int
    starts_at: datetime  # local wall-clock time, naive
    with_whom: str
    clinician: str
    place: str
    purpose: str
    question_count: int = 0
    open_count: int = 0  # questions not yet asked

    @property
    def day(self) -> date:
        return self.starts_at.date()

    def who(self) -> str:
        """'Oncologist (Dr. Okafor)' or just 'Oncologist'."""
        label = with_whom_label(self.with_whom)
        return f"{label} ({self.clinician})" if self.clinician else label


@dataclass(frozen=True)
class VisitQuestionInfo:
    id: int  # the visit_question row
    visit_id: int
    question_id: int
    text: str
    topic: str
    bank_id: str | None
    position: int
    asked: bool
    answer: str

    @property
    def unanswered(self) -> bool:
        return not self.asked and not self.answer.strip()


@dataclass(frozen=True)
class CarryOverOffer:
    """Unanswered questions of a visit that has happened, and the visit they could move to."""

    from_visit: VisitInfo
    to_visit: VisitInfo
    questions: tuple[VisitQuestionInfo, ...]


@dataclass(frozen=True)
class Suggestion:
    key: str  # stable: remembered in DismissedSuggestion when accepted or dismissed
    kind: str  # severe_symptom | red_flag | line_started | line_ended | scan | receptor_change
    text: str  # the proposed question
    reason: str  # why it is proposed, in plain words
    topic: str


def count_text(count: int, one: str, many: str, context: str = "Visits") -> str:
    """'1 question' / '3 questions': both forms are translated strings with {n}."""
    text = one if count == 1 else many
    return translate(context, text).format(n=count)


def format_day(day: date) -> str:
    """'12 May 2026' in the patient's language: no day/month order to misread."""
    return locale_date(day)


def format_visit_time(when: datetime) -> str:
    """'Tue 12 May 2026, 09:00' in the patient's language."""
    return f"{locale_date(when.date(), 'ddd d MMM yyyy')}, {locale_time(when.replace(second=0))}"
