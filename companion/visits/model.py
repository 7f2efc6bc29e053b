"""Plain data the visit services hand to pages and reports (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

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
        "oncologist": QCoreApplication.translate("Visits", "Oncologist"),
        "nurse": QCoreApplication.translate("Visits", "Nurse"),
        "radiology": QCoreApplication.translate("Visits", "Radiology (scan)"),
        "cardiology": QCoreApplication.translate("Visits", "Heart clinic"),
        "radiation_oncologist": QCoreApplication.translate("Visits", "Radiation oncologist"),
        "surgeon": QCoreApplication.translate("Visits", "Surgeon"),
        "palliative_care": QCoreApplication.translate("Visits", "Supportive (palliative) care"),
        "family_doctor": QCoreApplication.translate("Visits", "Family doctor"),
        "other": QCoreApplication.translate("Visits", "Other"),
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
    return QCoreApplication.translate(context, text).format(n=count)


def format_day(day: date) -> str:
    """'12 May 2026' in the patient's language: no day/month order to misread."""
    from PySide6.QtCore import QDate, QLocale

    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def format_visit_time(when: datetime) -> str:
    """'Tue 12 May 2026, 09:00' in the patient's language."""
    from PySide6.QtCore import QDate, QLocale, QTime

    locale = QLocale()
    day = locale.toString(QDate(when.year, when.month, when.day), "ddd d MMM yyyy")
    time = locale.toString(QTime(when.hour, when.minute), QLocale.FormatType.ShortFormat)
    return f"{day}, {time}"
