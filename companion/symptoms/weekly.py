"""The weekly PRO-CTCAE check-in: NCI's items, asked about the last 7 days, with NCI's
branching.

Each PRO-CTCAE item (NCI PRO-CTCAE Item Library v1.0) asks about one symptom through one to
three attributes in a fixed order (frequency, severity, interference; or presence; or
amount). NCI's conditional branching: when the first question of an item is answered with
its lowest answer ("Never", "None", "No", "Not at all"), the item's other questions are not
asked; the same holds for severity "None" before interference. Answer words are NCI's
(companion.library.model.ANSWER_SCALES).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from companion.library.model import SymptomTerm
from companion.symptoms.model import AnswerKey
from companion.translations import Symptoms

GATING = ("frequency", "severity", "presence", "amount")  # a 0 here ends the item


def question(attribute: str, term: str) -> str:
    """The weekly question, in PRO-CTCAE's form and with its 7-day recall."""
    subject = term[:1].lower() + term[1:] if not term[:2].isupper() else term
    return {
        "frequency": Symptoms.tr("In the last 7 days, how often did you have {term}?"),
        "severity": Symptoms.tr(
            "In the last 7 days, what was the severity of your {term} at its worst?"
        ),
        "interference": Symptoms.tr(
            "In the last 7 days, how much did {term} interfere with your usual or daily activities?"
        ),
        "presence": Symptoms.tr("In the last 7 days, did you have any {term}?"),
        "amount": Symptoms.tr("In the last 7 days, how much {term} did you have?"),
    }.get(attribute, Symptoms.tr("In the last 7 days, how was your {term}?")).format(term=subject)


def attribute_noun(attribute: str) -> str:
    """NCI's name of an attribute, as in "frequency 1 → 3"."""
    return {
        "frequency": Symptoms.tr("frequency"),
        "severity": Symptoms.tr("severity"),
        "interference": Symptoms.tr("interference"),
        "presence": Symptoms.tr("presence"),
        "amount": Symptoms.tr("amount"),
    }.get(attribute, attribute)


def skipped(attributes: Sequence[str], values: Mapping[str, int]) -> set[str]:
    """The attributes NCI's branching leaves out, given the answers so far."""
    for index, attribute in enumerate(attributes):
        if attribute in GATING and values.get(attribute) == 0:
            return set(attributes[index + 1 :])
    return set()


def implied_values(attributes: Sequence[str], values: Mapping[str, int]) -> dict[str, int]:
    """The answers with the skipped questions filled in as their lowest answer (a symptom
    the patient never had was also not severe and got in the way not at all)."""
    filled = {a: v for a, v in values.items() if a in attributes}
    for attribute in skipped(attributes, values):
        filled[attribute] = 0
    return filled


def item_numbers(terms: Iterable[SymptomTerm]) -> dict[str, int]:
    """NCI's item number of each PRO-CTCAE term: the library lists them in NCI's order
    (1–80), so the number is the position among the PRO-CTCAE terms."""
    return {t.id: n for n, t in enumerate((t for t in terms if t.pro_ctcae), start=1)}


def item_code(number: int, attributes: Sequence[str], attribute: str) -> str:
    """NCI's code of one question of an item: the item number and a letter for the
    attribute in the item's order, e.g. nausea severity is "9B"."""
    return f"{number}{chr(ord('A') + list(attributes).index(attribute))}"


def weekly_items(
    *,
    side_effects: Sequence[str],
    pinned: Sequence[str],
    added: Sequence[str],
    answered: Iterable[AnswerKey],
    terms: Mapping[str, SymptomTerm],
) -> list[str]:
    """The PRO-CTCAE items of the week, in NCI's item order: the side effects of the current
    treatment, the pinned symptoms, what the patient added and what was already answered."""
    numbers = item_numbers(terms.values())
    wanted = dict.fromkeys([*side_effects, *pinned, *added, *(k[0] for k in answered)])
    return sorted((s for s in wanted if s in numbers), key=numbers.__getitem__)
