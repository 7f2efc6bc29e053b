"""Undo and redo for the symptom log: every change is "day(s) before" → "day(s) after".

The change itself is made (and validated) before the command is pushed, so a refused
change never reaches the undo stack; the first redo() that QUndoStack.push() calls does
nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TypeVar

from PySide6.QtGui import QUndoCommand, QUndoStack

from companion.symptoms.model import Change, DayState
from companion.symptoms.service import SymptomService

T = TypeVar("T")


class DayChangeCommand(QUndoCommand):
    def __init__(
        self, service: SymptomService, text: str, before: list[DayState], after: list[DayState]
    ) -> None:
        super().__init__(text)
        self._service = service
        self._before = before
        self._after = after
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._service.restore_days(self._after)

    def undo(self) -> None:
        self._service.restore_days(self._before)


def undoable(
    service: SymptomService,
    stack: QUndoStack | None,
    text: str,
    days: Iterable[date],
    change: Callable[[], T],
) -> T:
    """Run change(); if it changed any of the days, push one undo step for it.

    Exceptions from change() (e.g. ValidationError) propagate and nothing is pushed.
    """
    result, before, after = record_change(service, days, change)
    push_change(service, stack, text, before, after)
    return result


def record_change(
    service: SymptomService, days: Iterable[date], change: Callable[[], T]
) -> tuple[T, list[DayState], list[DayState]]:
    """Run change() between two readings of the days (safe on a worker thread: it touches
    no widget); push_change() then makes the undo step on the GUI thread."""
    days = sorted(set(days))
    before = service.states_of(days)
    result = change()
    return result, before, service.states_of(days)


def push_change(
    service: SymptomService,
    stack: QUndoStack | None,
    text: str,
    before: list[DayState],
    after: list[DayState],
) -> None:
    if stack is not None and before != after:
        stack.push(DayChangeCommand(service, text, before, after))


def undoable_change(
    service: SymptomService, stack: QUndoStack | None, text: str, change: Callable[[], Change]
) -> Change:
    """Run a change of one day; if it changed the day, push one undo step for it. The
    change brings the day before and after, so nothing is read again."""
    result = change()
    if stack is not None and result.before != result.after:
        stack.push(DayChangeCommand(service, text, [result.before], [result.after]))
    return result
