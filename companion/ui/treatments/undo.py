"""Undo and redo for the treatment history: each change keeps the row before and after.

The change is made (and validated) first, so a refused change never reaches the undo
stack; the first redo() that QUndoStack.push() calls does nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from companion.treatments.rows import RowService, Snapshot


class RowChange(QUndoCommand):
    def __init__(
        self,
        text: str,
        service: RowService,
        before: Snapshot | None,
        after: Snapshot | None,
        refresh: Callable[[], None],
    ) -> None:
        super().__init__(text)
        self._service = service
        self._before = before
        self._after = after
        self._refresh = refresh
        self._pushed = False

    def _show(self, wanted: Snapshot | None, other: Snapshot | None) -> None:
        if wanted is not None:
            self._service.restore(wanted)
        elif other is not None:
            self._service.delete(other.row_id)
        self._refresh()

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._show(self._after, self._before)

    def undo(self) -> None:
        self._show(self._before, self._after)


def undo_stack(widget: QWidget) -> QUndoStack | None:
    return getattr(widget.window(), "undo_stack", None)


def record_change(
    widget: QWidget,
    text: str,
    service: RowService,
    before: Snapshot | None,
    after: Snapshot | None,
    refresh: Callable[[], None],
) -> None:
    """Push one undo step for a change already made (Edit ▸ Undo, Ctrl+Z)."""
    stack = undo_stack(widget)
    if stack is not None and before != after:
        stack.push(RowChange(text, service, before, after, refresh))
