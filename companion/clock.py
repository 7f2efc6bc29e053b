"""The one source of "now": every date and time the app uses comes from a Clock.

How the code stores time decides the shape: record stamps (created, recorded, raised) are
aware UTC (`utc_now`); calendar days are local (`today`); appointments are local wall times
without a zone (`wall_now`), as the patient typed them. Services and pages receive the clock
they use; only the composition roots (Services.open, the CLI, the demo writer) fall back to
`default_clock()`. Tests install a FixedClock there (tests/conftest.py), so no test depends on
the real date and none breaks when the suite runs across midnight.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import UTC, date, datetime, time, timedelta


class Clock(ABC):
    @abstractmethod
    def now(self) -> datetime:
        """The current moment, aware, in the local time zone."""

    def today(self) -> date:
        """The local calendar day."""
        return self.now().date()

    def utc_now(self) -> datetime:
        """The current moment in UTC, as record stamps are stored."""
        return self.now().astimezone(UTC)

    def wall_now(self) -> datetime:
        """The local wall time without a zone, as appointment times are stored."""
        return self.now().replace(tzinfo=None)


class SystemClock(Clock):
    def now(self) -> datetime:
        return datetime.now().astimezone()


class FixedClock(Clock):
    """A clock that stands still until it is set or advanced (tests, tools, the demo)."""

    def __init__(self, moment: datetime | date) -> None:
        self._moment = _aware(moment)

    def now(self) -> datetime:
        return self._moment

    def set(self, moment: datetime | date) -> None:
        self._moment = _aware(moment)

    def advance(self, delta: timedelta) -> None:
        self._moment += delta


def _aware(moment: datetime | date) -> datetime:
    """A date means noon that day (far from any midnight); a naive time is local."""
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time(12, 0))
    return moment if moment.tzinfo is not None else moment.astimezone()


_default: Clock = SystemClock()


def default_clock() -> Clock:
    """The clock composition roots hand down when the caller gives none."""
    return _default


def set_default_clock(clock: Clock) -> Clock:
    """Install clock as the default; returns the one it replaces (tests restore it)."""
    global _default
    previous, _default = _default, clock
    return previous
