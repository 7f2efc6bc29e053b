"""When to remind: at each dose time, again every few minutes until the dose is answered
or snoozed, never in quiet hours (a reminder held back by quiet hours comes when they end,
if the dose is still open). Pure logic over "now"; the window's timer and the tray call it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from companion.medicines.model import DueItem

Key = tuple[int, object, str]


@dataclass(frozen=True)
class ReminderSettings:
    enabled: bool = True
    repeat: timedelta = timedelta(minutes=10)
    quiet_start: time | None = None  # e.g. 22:00
    quiet_end: time | None = None  # e.g. 07:00 (may wrap past midnight)

    def is_quiet(self, at: datetime) -> bool:
        if self.quiet_start is None or self.quiet_end is None or self.quiet_start == self.quiet_end:
            return False
        now = at.time()
        if self.quiet_start < self.quiet_end:
            return self.quiet_start <= now < self.quiet_end
        return now >= self.quiet_start or now < self.quiet_end


@dataclass
class ReminderState:
    """What was shown and snoozed in this session (answers live in the dose log)."""

    last_shown: dict[Key, datetime] = field(default_factory=dict)
    snoozed_until: dict[Key, datetime] = field(default_factory=dict)

    def shown(self, items: Iterable[DueItem], at: datetime) -> None:
        for item in items:
            self.last_shown[item.key] = at

    def snooze(self, items: Iterable[DueItem], until: datetime) -> None:
        for item in items:
            self.snoozed_until[item.key] = until


def reminders_due(
    items: Iterable[DueItem], now: datetime, settings: ReminderSettings, state: ReminderState
) -> list[DueItem]:
    """The doses to remind about now."""
    if not settings.enabled or settings.is_quiet(now):
        return []
    due = []
    for item in items:
        if item.answered or item.dose.at > now or item.dose.day != now.date():
            continue
        snoozed = state.snoozed_until.get(item.key)
        if snoozed is not None and now < snoozed:
            continue
        shown = state.last_shown.get(item.key)
        if (
            shown is not None
            and now - shown < settings.repeat
            and (snoozed is None or shown >= snoozed)
        ):
            continue
        due.append(item)
    return due
