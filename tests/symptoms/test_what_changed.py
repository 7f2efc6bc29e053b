"""The what-changed engine over hand-built weeks: worse by a step against the week before or
the line's first week (the baseline), newly at 3–4, branching zeros, a new line's baseline."""

from __future__ import annotations

from datetime import date, timedelta

from companion.symptoms.changes import (
    BASELINE,
    PREVIOUS,
    WeeklyAnswers,
    compare_week,
    what_changed,
    worse_since,
)

ATTRIBUTES = {
    "diarrhea": ("frequency",),
    "nausea": ("frequency", "severity"),
    "general_pain": ("frequency", "severity", "interference"),
    "cough": ("severity", "interference"),
}
START = date(2026, 6, 1)  # a Monday: the current line starts


def attributes(symptom_id: str) -> tuple[str, ...]:
    return ATTRIBUTES[symptom_id]


def week(n: int, **values: int) -> WeeklyAnswers:
    """Week n of the line; keyword names are symptom__attribute."""
    answers = {tuple(k.split("__")): v for k, v in values.items()}
    return WeeklyAnswers(START + timedelta(days=7 * n), answers)  # type: ignore[arg-type]


def marks(result: list) -> list[tuple[str, str, int | None, int, str]]:
    return [(m.symptom_id, m.attribute, m.before, m.after, m.compared_with) for m in result]


def test_the_first_week_of_the_line_is_the_baseline_with_nothing_worse() -> None:
    weeks = [week(0, diarrhea__frequency=3)]
    assert what_changed(weeks, START, attributes) == {START: []}


def test_one_step_worse_than_the_week_before() -> None:
    weeks = [
        week(0, diarrhea__frequency=1),
        week(1, diarrhea__frequency=1),
        week(2, diarrhea__frequency=3),
    ]
    result = what_changed(weeks, START, attributes)
    assert marks(result[weeks[1].day]) == []
    assert marks(result[weeks[2].day]) == [("diarrhea", "frequency", 1, 3, PREVIOUS)]
    assert result[weeks[2].day][0].newly_severe


def test_same_as_last_week_but_worse_than_the_baseline() -> None:
    weeks = [
        week(0, nausea__frequency=0),
        week(1, nausea__frequency=2, nausea__severity=1),
        week(2, nausea__frequency=2, nausea__severity=1),
    ]
    result = what_changed(weeks, START, attributes)
    assert marks(result[weeks[1].day]) == [
        ("nausea", "frequency", 0, 2, PREVIOUS),
        ("nausea", "severity", 0, 1, PREVIOUS),  # "Never" implied severity "None"
    ]
    assert marks(result[weeks[2].day]) == [
        ("nausea", "frequency", 0, 2, BASELINE),
        ("nausea", "severity", 0, 1, BASELINE),
    ]


def test_better_or_unchanged_is_not_marked() -> None:
    weeks = [
        week(0, general_pain__frequency=3, general_pain__severity=3, general_pain__interference=2),
        week(1, general_pain__frequency=2, general_pain__severity=3, general_pain__interference=0),
    ]
    assert what_changed(weeks, START, attributes)[weeks[1].day] == []


def test_a_question_new_this_week_is_marked_only_at_3_or_4() -> None:
    weeks = [
        week(0, diarrhea__frequency=0),
        week(1, diarrhea__frequency=0, cough__severity=2, cough__interference=1),
        week(
            2,
            diarrhea__frequency=0,
            cough__severity=2,
            cough__interference=1,
            general_pain__frequency=3,
            general_pain__severity=1,
            general_pain__interference=0,
        ),
    ]
    result = what_changed(weeks, START, attributes)
    assert marks(result[weeks[1].day]) == []  # cough was not asked before: 2 is no news
    assert marks(result[weeks[2].day]) == [("general_pain", "frequency", None, 3, PREVIOUS)]


def test_a_new_line_resets_the_baseline() -> None:
    old_line = [week(-3, diarrhea__frequency=0), week(-2, diarrhea__frequency=4)]
    new_line = [
        week(0, diarrhea__frequency=2),
        week(1, diarrhea__frequency=2),
        week(2, diarrhea__frequency=3),
    ]
    weeks = old_line + new_line
    result = what_changed(weeks, START, attributes)
    assert set(result) == {w.day for w in new_line}  # the old line's weeks are not compared
    assert result[START] == []  # first week of the new line: its baseline, even at 2
    assert marks(result[new_line[2].day]) == [("diarrhea", "frequency", 2, 3, PREVIOUS)]
    # Without the new line, the same weeks compare with the old line's baseline of 0.
    everything = what_changed(weeks, None, attributes)
    assert marks(everything[START]) == [("diarrhea", "frequency", 0, 2, BASELINE)]
    assert marks(everything[new_line[1].day]) == [("diarrhea", "frequency", 0, 2, BASELINE)]


def test_worse_since_the_last_visit_keeps_the_latest_mark_worst_first() -> None:
    weeks = [
        week(0, diarrhea__frequency=1, nausea__frequency=0),
        week(1, diarrhea__frequency=2, nausea__frequency=0),
        week(2, diarrhea__frequency=3, nausea__frequency=1, nausea__severity=1),
    ]
    since_visit = worse_since(weeks, START, attributes, since=weeks[0].day)
    assert marks(since_visit) == [
        ("diarrhea", "frequency", 2, 3, PREVIOUS),
        ("nausea", "frequency", 0, 1, PREVIOUS),
        ("nausea", "severity", 0, 1, PREVIOUS),
    ]
    assert worse_since(weeks, START, attributes, since=weeks[2].day) == []


def test_compare_week_ignores_a_reference_that_is_not_earlier() -> None:
    now = week(1, diarrhea__frequency=3)
    assert compare_week(now, now, None, attributes) == []
