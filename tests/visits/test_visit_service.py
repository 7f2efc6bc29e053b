from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from companion.errors import ValidationError
from companion.store.models import Question, Visit
from companion.visits.service import MAX_QUESTION

NOW = datetime(2026, 5, 10, 12, 0)


def _visit(services, days: int, hour: int = 9, **kw):
    return services.visits.add(
        NOW.replace(hour=hour) + timedelta(days=days), kw.pop("with_whom", "oncologist"), **kw
    )


def test_add_edit_delete_visit(services) -> None:
    visit = _visit(services, 3, clinician=" Dr. Okafor ", place="Clinic B", purpose="Results")
    assert visit.clinician == "Dr. Okafor"
    assert visit.who() == "Oncologist (Dr. Okafor)"
    changed = services.visits.update(
        visit.id, visit.starts_at + timedelta(hours=2), "nurse", place="Infusion suite"
    )
    assert (changed.with_whom, changed.place, changed.starts_at.hour) == (
        "nurse",
        "Infusion suite",
        11,
    )
    services.visits.delete(visit.id)
    assert services.visits.all() == []
    with pytest.raises(ValidationError):
        services.visits.get(visit.id)


@pytest.mark.parametrize(
    ("when", "whom", "extra"),
    [
        (datetime(1800, 1, 1, 9), "oncologist", {}),
        (NOW, "  ", {}),
        (NOW, "x" * 41, {}),
        (NOW, "nurse", {"place": "p" * 201}),
        (NOW, "nurse", {"purpose": "p" * 2001}),
        ("tomorrow", "nurse", {}),
    ],
)
def test_bad_visit_input_changes_nothing(services, when, whom, extra) -> None:
    kept = _visit(services, 1)
    with pytest.raises(ValidationError):
        services.visits.add(when, whom, **extra)
    with pytest.raises(ValidationError):
        services.visits.update(kept.id, when, whom, **extra)
    assert services.visits.all() == [kept]


def test_upcoming_past_and_next(services) -> None:
    old = _visit(services, -20)
    this_morning = _visit(services, 0, hour=8)
    later = _visit(services, 7)
    assert [v.id for v in services.visits.upcoming(NOW)] == [this_morning.id, later.id]
    assert [v.id for v in services.visits.past(NOW)] == [old.id]
    assert services.visits.next_visit(NOW).id == this_morning.id
    assert services.visits.previous_visit(later.id, NOW).id == this_morning.id
    assert services.visits.period_before(later.id, NOW) == (this_morning.day, NOW.date())
    assert services.visits.period_before(old.id, NOW) == (
        old.day - timedelta(days=28),
        old.day,
    )


def test_questions_add_order_edit_remove_restore(services) -> None:
    visit = _visit(services, 2)
    a = services.visits.add_question(visit.id, "  What did the scan   show? ")
    b = services.visits.add_question(visit.id, "Can I travel?", "daily_life")
    c = services.visits.add_question(visit.id, "Bank one", "diagnosis", bank_id="diag-x")
    assert a.text == "What did the scan show?"
    assert [q.position for q in services.visits.questions(visit.id)] == [0, 1, 2]

    order = services.visits.move_question(c.id, 0)
    assert [q.id for q in order] == [c.id, a.id, b.id]
    services.visits.move_question(b.id, 0)
    order = services.visits.move_question(c.id, 2)
    assert [q.id for q in order] == [b.id, a.id, c.id]
    assert [q.position for q in order] == [0, 1, 2]

    services.visits.edit_question(a.id, "What did the CT show?")
    removed = services.visits.remove_question(a.id)
    assert [q.text for q in services.visits.questions(visit.id)] == ["Can I travel?", "Bank one"]
    services.visits.restore_question(removed)
    texts = [q.text for q in services.visits.questions(visit.id)]
    assert texts == ["Can I travel?", "What did the CT show?", "Bank one"]


def test_question_validation(services) -> None:
    visit = _visit(services, 2)
    services.visits.add_question(visit.id, "Same question?")
    for bad in ("", "   ", "x" * (MAX_QUESTION + 1), "same QUESTION?"):
        with pytest.raises(ValidationError):
            services.visits.add_question(visit.id, bad)
    assert len(services.visits.questions(visit.id)) == 1
    item = services.visits.questions(visit.id)[0]
    with pytest.raises(ValidationError):
        services.visits.edit_question(item.id, " ")
    with pytest.raises(ValidationError):
        services.visits.set_answer(item.id, "a" * 5001)
    assert services.visits.questions(visit.id)[0] == item


def test_bank_question_is_one_row_across_visits(services) -> None:
    first, second = _visit(services, 2), _visit(services, 9)
    services.visits.add_question(first.id, "Bank text", "diagnosis", bank_id="diag-x")
    services.visits.add_question(second.id, "Bank text", "diagnosis", bank_id="diag-x")
    with pytest.raises(ValidationError):
        services.visits.add_question(second.id, "Bank text", "diagnosis", bank_id="diag-x")
    with services.store.session() as session:
        assert session.scalar(select(func.count()).select_from(Question)) == 1
    services.visits.delete(first.id)
    services.visits.delete(second.id)
    with services.store.session() as session:
        assert session.scalar(select(func.count()).select_from(Question)) == 0
        assert session.scalar(select(func.count()).select_from(Visit)) == 0


def test_asked_and_answer(services) -> None:
    visit = _visit(services, 0)
    item = services.visits.add_question(visit.id, "Is the nausea treatable?")
    services.visits.set_asked(item.id, True)
    services.visits.set_answer(item.id, "Tablet before meals.")
    stored = services.visits.questions(visit.id)[0]
    assert stored.asked and stored.answer == "Tablet before meals."
    assert services.visits.get(visit.id).open_count == 0


def test_carry_over_moves_only_unanswered_and_remembers_not_now(services) -> None:
    past = _visit(services, -3)
    nxt = _visit(services, 4)
    later = _visit(services, 30)
    asked = services.visits.add_question(past.id, "Asked one")
    answered = services.visits.add_question(past.id, "Answered one")
    services.visits.add_question(past.id, "Open one")
    shared = services.visits.add_question(past.id, "Already there", bank_id="b1")
    services.visits.add_question(nxt.id, "Next own")
    services.visits.add_question(nxt.id, "Already there", bank_id="b1")
    services.visits.set_asked(asked.id, True)
    services.visits.set_answer(answered.id, "Yes")

    offer = services.visits.carry_over_offer(NOW)
    assert offer is not None
    assert (offer.from_visit.id, offer.to_visit.id) == (past.id, nxt.id)
    # "Already there" is on the next list already: it is not offered, only tidied away.
    assert [q.text for q in offer.questions] == ["Open one"]

    assert services.visits.carry_over(past.id, nxt.id) == 2
    assert [q.text for q in services.visits.questions(past.id)] == ["Asked one", "Answered one"]
    assert [q.text for q in services.visits.questions(nxt.id)] == [
        "Next own",
        "Already there",
        "Open one",
    ]
    assert services.visits.carry_over_offer(NOW) is None
    assert shared.question_id in {q.question_id for q in services.visits.questions(nxt.id)}

    services.visits.add_question(past.id, "Another open")
    assert services.visits.carry_over_offer(NOW) is not None
    services.visits.decline_carry_over(past.id)
    assert services.visits.carry_over_offer(NOW) is None
    assert later.id not in {q.visit_id for q in services.visits.questions(nxt.id)}


def test_lists_count_questions_as_the_visit_itself_does(services) -> None:
    """The lists count questions in SQL; each count is the one get() makes from the rows."""
    old = _visit(services, -9)
    empty = _visit(services, -2)
    soon = _visit(services, 3)
    for text in ("One", "Two", "Three"):
        services.visits.add_question(old.id, text)
    first = services.visits.add_question(soon.id, "Four")
    services.visits.add_question(soon.id, "Five")
    services.visits.set_asked(first.id, True)
    listed = services.visits.past(NOW) + services.visits.upcoming(NOW)
    assert [v.id for v in listed] == [empty.id, old.id, soon.id]
    assert listed == [services.visits.get(v.id) for v in listed]
    assert [(v.question_count, v.open_count) for v in listed] == [(0, 0), (3, 3), (2, 1)]
    assert services.visits.all() == sorted(listed, key=lambda v: v.starts_at)


def test_carry_over_comes_from_the_last_visit_begun_to_the_next_one(services) -> None:
    earlier = _visit(services, -10)
    last = _visit(services, -1)
    started = _visit(services, 0, hour=11)  # begun an hour ago
    tomorrow = _visit(services, 1)
    services.visits.add_question(earlier.id, "Old question")
    services.visits.add_question(last.id, "Last question")
    assert services.visits.carry_over_offer(NOW) is None  # the latest begun has none
    services.visits.add_question(started.id, "Open question")
    offer = services.visits.carry_over_offer(NOW)
    assert offer is not None
    assert (offer.from_visit.id, offer.to_visit.id) == (started.id, tomorrow.id)
    assert services.visits.previous_visit(tomorrow.id, NOW).id == started.id
    assert services.visits.previous_visit(started.id, NOW).id == last.id
