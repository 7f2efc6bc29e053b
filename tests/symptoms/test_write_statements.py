"""One saved answer costs one transaction and a few statements, and brings the day before
and after with it, so neither the undo step nor the form reads the day again."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from conftest import start_line
from fixed_time import TODAY
from PySide6.QtGui import QUndoStack
from sqlalchemy import event

from companion.store import Store
from companion.symptoms.service import SymptomService
from companion.ui.symptoms.undo import undoable_change

# The treatment situation (drugs in open lines, other medicines, sites of spread), the day
# with its answers, ESAS-r and flags, and the one UPDATE.
MAX_STATEMENTS = 8


class Counter:
    def __init__(self) -> None:
        self.statements: list[str] = []
        self.transactions = 0


@contextmanager
def counting(store: Store) -> Iterator[Counter]:
    counter = Counter()

    def on_statement(*args: object) -> None:
        counter.statements.append(str(args[2]).split("\n")[0])

    def on_begin(*_: object) -> None:
        counter.transactions += 1

    event.listen(store.engine, "before_cursor_execute", on_statement)
    event.listen(store.engine, "begin", on_begin)
    try:
        yield counter
    finally:
        event.remove(store.engine, "before_cursor_execute", on_statement)
        event.remove(store.engine, "begin", on_begin)


def test_a_saved_answer_is_one_transaction_of_a_few_statements(
    store: Store, log: SymptomService
) -> None:
    start_line(store, TODAY - timedelta(days=20), "trastuzumab", "pertuzumab")
    log.set_answer(TODAY, "nausea", "severity", 1)
    stack = QUndoStack()

    with counting(store) as counter:
        change = undoable_change(
            log, stack, "Nausea", lambda: log.set_answer(TODAY, "nausea", "severity", 2)
        )

    assert counter.transactions == 1
    assert len(counter.statements) <= MAX_STATEMENTS, counter.statements
    assert sum(s.startswith(("UPDATE", "INSERT", "DELETE")) for s in counter.statements) == 1
    assert change.before.values() == {("nausea", "severity"): 1}
    assert change.after.values() == {("nausea", "severity"): 2}
    assert change.after == log.day_state(TODAY)  # what the form shows is what was stored
    stack.undo()
    assert log.day_state(TODAY) == change.before


def test_the_first_answer_of_a_day_is_one_transaction_too(
    store: Store, log: SymptomService
) -> None:
    with counting(store) as counter:
        change = log.set_answer(TODAY, "fatigue", "severity", 3)

    assert counter.transactions == 1
    assert len(counter.statements) <= MAX_STATEMENTS, counter.statements
    assert change.before.is_empty
    assert change.after == log.day_state(TODAY)
