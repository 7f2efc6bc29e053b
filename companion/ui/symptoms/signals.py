"""A Qt signal for every change to the symptom log, so any page can follow undo and redo.

Qt disconnects a destroyed widget by itself, which a plain callback list cannot do.
"""

from __future__ import annotations

import weakref
from datetime import date

from PySide6.QtCore import QObject, Signal

from companion.symptoms.service import SymptomService


class LogSignals(QObject):
    changed = Signal(object)  # frozenset[date] of the days that changed

    def __init__(self, service: SymptomService) -> None:
        super().__init__()
        service.add_listener(self._emit)

    def _emit(self, days: frozenset[date]) -> None:
        self.changed.emit(days)


_bridges: weakref.WeakKeyDictionary[SymptomService, LogSignals] = weakref.WeakKeyDictionary()


def log_signals(service: SymptomService) -> LogSignals:
    """The one LogSignals of this service (made on first use)."""
    bridge = _bridges.get(service)
    if bridge is None:
        bridge = _bridges[service] = LogSignals(service)
    return bridge
