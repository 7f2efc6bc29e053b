"""Small fixtures for visit tests: a fake library and a few rows of history."""

from __future__ import annotations

from datetime import date

import pytest

from companion.library.model import BankQuestion, RedFlagRule, SymptomTerm
from companion.store.models import (
    Biopsy,
    CheckIn,
    RedFlagEvent,
    SymptomAnswer,
    TestResult,
    TherapyLine,
)

TERMS = [
    SymptomTerm("nausea", "Nausea", ("frequency", "severity"), "gi", True),
    SymptomTerm("diarrhea", "Diarrhea", ("frequency",), "gi", True),
    SymptomTerm("fatigue", "Fatigue", ("severity", "interference"), "general", True),
    SymptomTerm("fever", "Fever", ("presence",), "signs", False),
]
RULES = [RedFlagRule(id="fever-now", symptom="fever", urgency="now", message="Call now.")]
BANK = [
    BankQuestion("diag-one", "diagnosis", "What does my HER2 result mean?", ("S05",)),
    BankQuestion("diag-two", "diagnosis", "Which tests do I need?", ("S05",)),
    BankQuestion("feel-one", "feelings", "Who can I talk to about worry?", ("NCI-Q",)),
    BankQuestion("trial-one", "trials", "Is there a clinical trial for me?", ("NCI-Q",)),
    BankQuestion("diag-one", "diagnosis", "Duplicate id is ignored", ("S05",)),
]


class FakeLibrary:
    def symptoms(self) -> list[SymptomTerm]:
        return TERMS

    def red_flag_rules(self) -> list[RedFlagRule]:
        return RULES

    def questions(self) -> list[BankQuestion]:
        return BANK


def checkin(session, day: date, answers: dict[tuple[str, str], int], **kw) -> CheckIn:
    row = CheckIn(day=day, **kw)
    row.answers = [
        SymptomAnswer(symptom_id=s, attribute=a, value=v) for (s, a), v in answers.items()
    ]
    session.add(row)
    return row


def add_history(store, start: date) -> None:
    """Severe nausea, a fever flag, a scan, a new line and an ER change after start."""
    from datetime import timedelta

    def d(n: int) -> date:
        return start + timedelta(days=n)

    with store.session() as session:
        checkin(session, d(1), {("nausea", "severity"): 1, ("fatigue", "severity"): 2})
        checkin(
            session,
            d(2),
            {("nausea", "severity"): 4, ("nausea", "frequency"): 3, ("diarrhea", "frequency"): 3},
            temperature_c=38.4,
            weight_kg=63.0,
        ).red_flags = [RedFlagEvent(rule_id="fever-now", urgency="now", message="Call now.")]
        checkin(session, d(3), {("nausea", "severity"): 2, ("fever", "presence"): 1}, weight_kg=62)
        session.add(TestResult(kind="ct", day=d(4), summary="Smaller."))
        session.add(TestResult(kind="blood_test", day=d(4), summary="Fine."))
        session.add(TherapyLine(number=2, regimen="T-DXd", start_date=d(1)))
        session.add(TherapyLine(number=1, regimen="THP", start_date=d(-400), end_date=d(0)))
        session.add(Biopsy(day=d(-300), er="positive", pr="negative", her2_ihc="3+"))
        session.add(
            Biopsy(day=d(5), er="negative", pr="negative", her2_ihc="2+", her2_fish="positive")
        )


@pytest.fixture
def fake_library() -> FakeLibrary:
    return FakeLibrary()


@pytest.fixture
def bank_questions() -> list[BankQuestion]:
    return list(BANK)


@pytest.fixture
def history():  # type: ignore[no-untyped-def]
    """add_history(store, start): severe nausea, a fever flag, scan, new line, ER change."""
    return add_history


@pytest.fixture(autouse=True)
def _one_qapplication(qapp):  # type: ignore[no-untyped-def]
    """Reports need a Qt application; make it the widgets one the UI tests share."""
    return qapp
