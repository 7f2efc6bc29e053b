"""What changed: each week's PRO-CTCAE answers against the patient's own baseline and the
week before.

The baseline is the first weekly check-in of the current line of treatment (a new line
starts a new baseline: its side effects are its own). An answer is marked worse when it is
at least one step higher than the reference, or newly at 3–4 (severe / frequently / quite a
bit or more) when the reference had no answer for it. Questions left out by PRO-CTCAE's
branching count as their lowest answer. Pure logic: no database, no Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from companion.symptoms.model import AnswerKey
from companion.symptoms.weekly import implied_values

SEVERE = 3  # answers 3–4: Severe / Very severe, Frequently / Almost constantly, …
BASELINE = "baseline"
PREVIOUS = "previous"


@dataclass(frozen=True)
class WeeklyAnswers:
    day: date  # the day of the weekly check-in (its answers cover the 7 days before)
    values: Mapping[AnswerKey, int]


@dataclass(frozen=True)
class Worsening:
    symptom_id: str
    attribute: str
    before: int | None  # None: not asked in the reference week
    after: int
    compared_with: str  # PREVIOUS or BASELINE
    reference_day: date
    day: date

    @property
    def newly_severe(self) -> bool:
        return self.after >= SEVERE and (self.before is None or self.before < SEVERE)


def _filled(
    values: Mapping[AnswerKey, int], attributes: Callable[[str], Sequence[str]]
) -> dict[AnswerKey, int]:
    by_symptom: dict[str, dict[str, int]] = {}
    for (symptom_id, attribute), value in values.items():
        by_symptom.setdefault(symptom_id, {})[attribute] = value
    filled: dict[AnswerKey, int] = {}
    for symptom_id, answers in by_symptom.items():
        for attribute, value in implied_values(attributes(symptom_id), answers).items():
            filled[(symptom_id, attribute)] = value
    return filled


def _worse(before: int | None, after: int) -> bool:
    if before is None:
        return after >= SEVERE
    return after - before >= 1


def compare_week(
    week: WeeklyAnswers,
    previous: WeeklyAnswers | None,
    baseline: WeeklyAnswers | None,
    attributes: Callable[[str], Sequence[str]],
) -> list[Worsening]:
    """What got worse in one week: against the week before where it did, otherwise against
    the baseline. One entry per question, in the order of the week's answers."""
    now = _filled(week.values, attributes)
    references = [
        (PREVIOUS, previous),
        (BASELINE, baseline if baseline is not None and baseline is not previous else None),
    ]
    found = []
    for key, after in now.items():
        for kind, reference in references:
            if reference is None or reference.day >= week.day:
                continue
            before = _filled(reference.values, attributes).get(key)
            if _worse(before, after):
                found.append(
                    Worsening(key[0], key[1], before, after, kind, reference.day, week.day)
                )
                break
    return found


def what_changed(
    weeks: Sequence[WeeklyAnswers],
    line_start: date | None,
    attributes: Callable[[str], Sequence[str]],
) -> dict[date, list[Worsening]]:
    """For every weekly check-in of the current line (from line_start; all of them when
    there is no line), what got worse. The first week of the line is its baseline."""
    on_line = sorted(
        (w for w in weeks if line_start is None or w.day >= line_start), key=lambda w: w.day
    )
    if not on_line:
        return {}
    baseline = on_line[0]
    result: dict[date, list[Worsening]] = {baseline.day: []}
    for previous, week in pairwise(on_line):
        result[week.day] = compare_week(week, previous, baseline, attributes)
    return result


def worse_since(
    weeks: Sequence[WeeklyAnswers],
    line_start: date | None,
    attributes: Callable[[str], Sequence[str]],
    since: date,
) -> list[Worsening]:
    """Everything marked worse in weeks after `since` (e.g. the last visit): the latest
    mark of each question, worst first."""
    latest: dict[AnswerKey, Worsening] = {}
    for day, marks in sorted(what_changed(weeks, line_start, attributes).items()):
        if day <= since:
            continue
        for mark in marks:
            latest[(mark.symptom_id, mark.attribute)] = mark
    return sorted(latest.values(), key=lambda m: (-m.after, m.symptom_id, m.attribute))
