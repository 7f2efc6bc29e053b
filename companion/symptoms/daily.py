"""What the short daily check-in asks: the patient's pinned symptoms and the warning signs of
the medicines they take now, one question each, at most about eight.

The warning signs come from the library's red-flag rules: a rule tied to a drug, a drug class
or a site of spread that applies to the patient today names a symptom worth one question a
day (cough and breathlessness on T-DXd, stool count on neratinib or tucatinib, fever on
chemotherapy or an ADC …). Measurements (temperature, weight) have their own fields.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from companion.library.model import RedFlagRule
from companion.symptoms.model import AnswerKey
from companion.symptoms.redflags import MEASUREMENTS, RedFlagEvaluator, Situation
from companion.symptoms.wording import URGENCY_ORDER

MAX_DAILY_QUESTIONS = 8
ALWAYS_ASKED = ("fever",)  # the warning sign that matters on any cancer treatment
# The one "how bad" question of a symptom with no rule to say which attribute matters.
PREFERRED_ATTRIBUTES = ("severity", "frequency", "presence", "amount", "interference")


def one_question(attributes: Sequence[str]) -> str | None:
    """The attribute the daily check-in asks about a symptom (severity where it has one)."""
    return next((a for a in PREFERRED_ATTRIBUTES if a in attributes), None)


def warning_signs(
    rules: Iterable[RedFlagRule], evaluator: RedFlagEvaluator, situation: Situation
) -> list[AnswerKey]:
    """(symptom, attribute) the rules for this patient's medicines and sites look at, most
    urgent first; general rules (that apply to anyone) are left to ALWAYS_ASKED."""
    found: list[tuple[tuple[int, int], AnswerKey]] = []
    for position, rule in enumerate(rules):
        if rule.symptom in MEASUREMENTS:
            continue
        if not (rule.drugs or rule.drug_classes or rule.sites):
            continue
        if not evaluator.applies_to(rule, situation):
            continue
        attribute = evaluator.attribute_of(rule)
        if attribute is None:
            continue
        found.append(((URGENCY_ORDER.get(rule.urgency, 9), position), (rule.symptom, attribute)))
    found.sort(key=lambda pair: pair[0])
    seen: dict[str, AnswerKey] = {}
    for _rank, key in found:
        seen.setdefault(key[0], key)  # one question per symptom: the most urgent rule's
    return list(seen.values())


def daily_questions(
    *,
    pinned: Sequence[str],
    signs: Sequence[AnswerKey],
    attributes: Mapping[str, Sequence[str]],
    answered: Iterable[AnswerKey] = (),
    limit: int = MAX_DAILY_QUESTIONS,
) -> list[AnswerKey]:
    """The day's questions in order: pinned symptoms, warning signs, fever; then any other
    symptom already answered that day (never hidden, even past the limit)."""
    questions: dict[str, AnswerKey] = {}
    sign_of = dict(signs)

    def add(symptom_id: str, attribute: str | None) -> None:
        if symptom_id in questions or attribute is None:
            return
        if attribute in attributes.get(symptom_id, ()):
            questions[symptom_id] = (symptom_id, attribute)

    for symptom_id in pinned:
        add(symptom_id, sign_of.get(symptom_id) or one_question(attributes.get(symptom_id, ())))
    for symptom_id, attribute in signs:
        if len(questions) >= limit - len(ALWAYS_ASKED):
            break
        add(symptom_id, attribute)
    for symptom_id in ALWAYS_ASKED:
        add(symptom_id, sign_of.get(symptom_id) or one_question(attributes.get(symptom_id, ())))
    given: dict[str, list[str]] = {}
    for symptom_id, attribute in answered:
        if attribute in attributes.get(symptom_id, ()):
            given.setdefault(symptom_id, []).append(attribute)
    for symptom_id, answered_attributes in given.items():
        add(symptom_id, one_question(answered_attributes))
    return list(questions.values())
