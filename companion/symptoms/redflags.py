"""Red-flag rules checked against what the patient reported (pure logic, no database).

A rule (resources/library/FORMAT.md) matches when its symptom condition holds and, where
drugs or drug classes are given, the patient takes one of those drugs or any drug of those
classes now, and, where sites are given, the patient has one of those sites of spread.
When several rules match the same symptom, only the most urgent (then the most specific)
is raised: one calm message per problem, not a pile of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from companion.library.model import RedFlagRule
from companion.symptoms.model import AnswerKey
from companion.symptoms.wording import URGENCY_ORDER

MEASUREMENTS = ("temperature", "weight")  # stored in °C and kg


@dataclass(frozen=True)
class Situation:
    """What the patient takes now and where the cancer has spread, on one day."""

    drug_ids: frozenset[str] = frozenset()
    drug_classes: frozenset[str] = frozenset()
    site_ids: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Observations:
    """One day's answers (symptom, attribute) → 0–4 and measurements (°C, kg)."""

    answers: Mapping[AnswerKey, int]
    measurements: Mapping[str, float]


class RedFlagEvaluator:
    def __init__(
        self, rules: Iterable[RedFlagRule], symptom_attributes: Mapping[str, tuple[str, ...]]
    ) -> None:
        self._attributes = symptom_attributes
        # Keep only rules the log can observe: a known symptom or a measurement.
        self.rules = [
            r for r in rules if r.symptom in MEASUREMENTS or r.symptom in symptom_attributes
        ]
        self._by_id = {r.id: r for r in self.rules}

    def rule(self, rule_id: str) -> RedFlagRule | None:
        return self._by_id.get(rule_id)

    def attribute_of(self, rule: RedFlagRule) -> str | None:
        """The attribute a rule reads: its own, or the symptom's first (None: measurement)."""
        if rule.symptom in MEASUREMENTS:
            return None
        if rule.attribute:
            return rule.attribute
        attributes = self._attributes.get(rule.symptom, ())
        return attributes[0] if attributes else None

    def observed(self, rule: RedFlagRule, observations: Observations) -> float | None:
        """The value the rule looks at, or None when the patient did not report it."""
        if rule.symptom in MEASUREMENTS:
            return observations.measurements.get(rule.symptom)
        attribute = self.attribute_of(rule)
        value = observations.answers.get((rule.symptom, attribute or ""))
        return None if value is None else float(value)

    @staticmethod
    def threshold(rule: RedFlagRule) -> float:
        if rule.min_value is not None:
            return float(rule.min_value)
        if rule.min_answer is not None:
            return float(rule.min_answer)
        return 1.0

    def condition_holds(self, rule: RedFlagRule, value: float | None) -> bool:
        return value is not None and value >= self.threshold(rule)

    @staticmethod
    def applies_to(rule: RedFlagRule, situation: Situation) -> bool:
        if (rule.drugs or rule.drug_classes) and not (
            situation.drug_ids.intersection(rule.drugs)
            or situation.drug_classes.intersection(rule.drug_classes)
        ):
            return False
        return not rule.sites or bool(situation.site_ids.intersection(rule.sites))

    def matches(self, observations: Observations, situation: Situation) -> list[RedFlagRule]:
        """Matching rules, at most one per symptom, most urgent first."""
        best: dict[str, tuple[tuple[int, int, int], RedFlagRule]] = {}
        for position, rule in enumerate(self.rules):
            if not self.condition_holds(rule, self.observed(rule, observations)):
                continue
            if not self.applies_to(rule, situation):
                continue
            specific = 0 if (rule.drugs or rule.drug_classes or rule.sites) else 1
            rank = (URGENCY_ORDER.get(rule.urgency, len(URGENCY_ORDER)), specific, position)
            if rule.symptom not in best or rank < best[rule.symptom][0]:
                best[rule.symptom] = (rank, rule)
        return [rule for _, rule in sorted(best.values(), key=lambda pair: pair[0])]
