"""The words the check-in and reports use for questions, answers and urgency.

Answer words are PRO-CTCAE's own (companion.library.model.ANSWER_SCALES); they are the
patient's report, never a clinical grade.
"""

from __future__ import annotations

from companion.library.model import ANSWER_SCALES
from companion.translations import Symptoms


def scale(attribute: str) -> tuple[str, ...]:
    """Translated answer words for an attribute, index = stored value."""
    return tuple(
        Symptoms.tr(word) for word in ANSWER_SCALES.get(attribute, ANSWER_SCALES["severity"])
    )


def max_value(attribute: str) -> int:
    return len(ANSWER_SCALES.get(attribute, ANSWER_SCALES["severity"])) - 1


def answer_word(attribute: str, value: int) -> str:
    words = ANSWER_SCALES.get(attribute, ANSWER_SCALES["severity"])
    return Symptoms.tr(words[value]) if 0 <= value < len(words) else str(value)


def question(attribute: str) -> str:
    """The daily question for an attribute (recall: today)."""
    return {
        "severity": Symptoms.tr("How bad was it at its worst today?"),
        "frequency": Symptoms.tr("How often did you have it today?"),
        "interference": Symptoms.tr(
            "How much did it get in the way of your usual activities today?"
        ),
        "amount": Symptoms.tr("How much did you have it today?"),
        "presence": Symptoms.tr("Did you have it today?"),
    }.get(attribute, Symptoms.tr("How was it today?"))


def attribute_name(attribute: str) -> str:
    return {
        "severity": Symptoms.tr("How bad"),
        "frequency": Symptoms.tr("How often"),
        "interference": Symptoms.tr("Got in the way"),
        "amount": Symptoms.tr("How much"),
        "presence": Symptoms.tr("Had it"),
    }.get(attribute, attribute)


def urgency_text(urgency: str) -> str:
    return {
        "today": Symptoms.tr("Call your care team today."),
        "now": Symptoms.tr("Call your care team now, day or night."),
        "emergency": Symptoms.tr("Call the emergency number now."),
    }.get(urgency, Symptoms.tr("Call your care team."))


def urgency_name(urgency: str) -> str:
    return {
        "today": Symptoms.tr("Today"),
        "now": Symptoms.tr("Now"),
        "emergency": Symptoms.tr("Emergency"),
    }.get(urgency, urgency)


URGENCY_ORDER = {"emergency": 0, "now": 1, "today": 2}


def celsius_to_fahrenheit(celsius: float) -> float:
    return celsius * 9 / 5 + 32


def fahrenheit_to_celsius(fahrenheit: float) -> float:
    return (fahrenheit - 32) * 5 / 9


KG_PER_POUND = 0.45359237
