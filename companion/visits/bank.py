"""The question bank from the library, grouped by topic in a fixed, calm order.

The bank's source file may be missing, partial or (while it is being edited) unreadable:
then the bank is simply smaller or empty, and the rest of the app works on.
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Callable
from dataclasses import dataclass

from companion.library.model import BankQuestion
from companion.translations import Visits

log = logging.getLogger(__name__)

TOPICS = (
    "diagnosis",
    "treatment",
    "side_effects",
    "daily_life",
    "work_money",
    "trials",
    "supportive",
    "prognosis",
    "feelings",
)


def topic_label(topic: str) -> str:
    labels = {
        "diagnosis": Visits.tr("Diagnosis and tests"),
        "treatment": Visits.tr("Treatment options"),
        "side_effects": Visits.tr("Side effects"),
        "daily_life": Visits.tr("Daily life"),
        "work_money": Visits.tr("Work and money"),
        "trials": Visits.tr("Clinical trials"),
        "supportive": Visits.tr("Palliative and supportive care"),
        "prognosis": Visits.tr("What to expect"),
        "feelings": Visits.tr("Feelings"),
        "own": Visits.tr("My own questions"),
        "suggested": Visits.tr("Since my last visit"),
    }
    return labels.get(topic, topic.replace("_", " ").capitalize())


@dataclass(frozen=True)
class TopicGroup:
    topic: str
    label: str
    questions: tuple[BankQuestion, ...]


def load_bank(load: Callable[[], list[BankQuestion]]) -> list[BankQuestion]:
    """The bank's questions, without duplicates; [] if the source cannot be read now."""
    try:
        questions = load()
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        log.warning("question bank unreadable: %s", exc)
        return []
    seen: set[str] = set()
    unique = []
    for question in questions:
        if question.id in seen or not question.text.strip():
            continue
        seen.add(question.id)
        unique.append(question)
    return unique


def group_by_topic(questions: list[BankQuestion]) -> list[TopicGroup]:
    """Known topics in TOPICS order, then any other topic alphabetically; empty ones left out."""
    groups: dict[str, list[BankQuestion]] = {}
    for question in questions:
        groups.setdefault(question.topic, []).append(question)
    order = [t for t in TOPICS if t in groups] + sorted(t for t in groups if t not in TOPICS)
    return [TopicGroup(t, topic_label(t), tuple(groups[t])) for t in order]


class QuestionBank:
    """The bank as pages see it: questions by topic, tolerant of a partial source."""

    def __init__(self, load: Callable[[], list[BankQuestion]]) -> None:
        self._load = load

    def questions(self) -> list[BankQuestion]:
        return load_bank(self._load)

    def groups(self) -> list[TopicGroup]:
        return group_by_topic(self.questions())

    def question(self, bank_id: str) -> BankQuestion | None:
        return next((q for q in self.questions() if q.id == bank_id), None)
