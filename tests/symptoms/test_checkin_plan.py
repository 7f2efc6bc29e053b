"""The check-in plan read from the log: the daily list for today's medicines, the weekly
items, the week's day and when it is due, what got worse since the line's first week."""

from __future__ import annotations

from datetime import date, timedelta

from conftest import start_line
from fixed_time import TODAY

from companion.store import Store
from companion.store.models import Administration, TherapyLine
from companion.symptoms.model import RECALL_WEEKLY
from companion.symptoms.plan import CheckInPlan
from companion.symptoms.service import SymptomService


def plan_of(log: SymptomService, store: Store) -> CheckInPlan:
    return CheckInPlan(store, log)


def test_the_daily_asks_the_warning_signs_of_t_dxd(log: SymptomService, store: Store) -> None:
    plan = plan_of(log, store)
    assert plan.daily_questions(TODAY) == [("fever", "presence")]  # no treatment yet
    start_line(store, TODAY - timedelta(days=30), "trastuzumab-deruxtecan")
    log.set_pinned("numbness_tingling", True)
    assert plan.daily_questions(TODAY) == [
        ("numbness_tingling", "severity"),  # pinned first
        ("fever", "presence"),  # then the signs of T-DXd, most urgent first
        ("cough", "severity"),
    ]


def test_weekly_items_are_the_treatments_pro_ctcae_items(log: SymptomService, store: Store) -> None:
    plan = plan_of(log, store)
    start_line(store, TODAY - timedelta(days=30), "trastuzumab-deruxtecan")
    assert plan.weekly_items(TODAY) == ["nausea", "fatigue", "cough", "hair_loss"]
    assert plan.weekly_items(TODAY, added=["diarrhea"]) == [
        "nausea",
        "diarrhea",
        "fatigue",
        "cough",
        "hair_loss",
    ]


def test_the_weekly_day_follows_the_treatment_day_and_stays_due_until_done(
    log: SymptomService, store: Store
) -> None:
    plan = plan_of(log, store)
    assert plan.default_weekday(TODAY) == 0
    start = TODAY - timedelta(days=40)
    start_line(store, start, "trastuzumab-deruxtecan")
    assert plan.default_weekday(TODAY) == start.weekday()
    infusion = TODAY - timedelta(days=9)
    with store.session() as session:
        line_id = session.query(TherapyLine.id).scalar()
        session.add(Administration(line_id=line_id, day=infusion, cycle=2))
    weekday = plan.default_weekday(TODAY)
    assert weekday == infusion.weekday()
    assert plan.weekly_due(TODAY, TODAY.weekday())
    log.set_answer(TODAY - timedelta(days=1), "nausea", "frequency", 0, RECALL_WEEKLY)
    assert plan.weekly_due(TODAY, TODAY.weekday())  # done before this week's day
    assert not plan.weekly_due(TODAY, (TODAY - timedelta(days=1)).weekday())
    log.set_answer(TODAY, "nausea", "frequency", 1, RECALL_WEEKLY)
    assert not plan.weekly_due(TODAY, TODAY.weekday())


def test_worse_this_week_against_the_lines_first_week(log: SymptomService, store: Store) -> None:
    plan = plan_of(log, store)
    first = TODAY - timedelta(days=21)
    start_line(store, first - timedelta(days=2), "trastuzumab-deruxtecan")
    for offset, value in ((21, 1), (14, 1), (7, 1), (0, 3)):
        log.set_answer(
            TODAY - timedelta(days=offset), "diarrhea", "frequency", value, RECALL_WEEKLY
        )
    marks = plan.worse_this_week(TODAY)
    assert plan.worse_line(marks) == "Worse this week: diarrhea (frequency 1 → 3)"
    assert plan.worse_this_week(TODAY - timedelta(days=1)) == []  # last week: no change
    assert plan.worse_this_week(TODAY + timedelta(days=8)) == []  # a week with no check-in
    since = plan.worse_since(TODAY - timedelta(days=10), TODAY)
    assert [plan.describe(m) for m in since] == ["diarrhea (frequency 1 → 3)"]
    assert plan.worse_since(TODAY, TODAY) == []
    assert plan.line_start(TODAY) == first - timedelta(days=2)
    assert plan.line_start(date(2000, 1, 1)) is None
