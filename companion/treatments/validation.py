"""Checks shared by the treatment services. Each raises ValidationError with a plain
message before anything is written, so refused input changes nothing."""

from __future__ import annotations

from datetime import date, timedelta

from companion.errors import ValidationError
from companion.translations import Treatments
from companion.treatments.labels import day_text

EARLIEST = date(1950, 1, 1)
PLANNED_AHEAD = timedelta(days=366)  # a planned start may be up to a year ahead, no more
SHORT_TEXT = 200
LONG_TEXT = 4000


def check_past(day: date | None, what: str, *, today: date) -> None:
    """A day that has happened: not in the future and not before 1950."""
    if day is None:
        return
    if day > today:
        raise ValidationError(
            Treatments.tr(
                "The {what} date ({day}) is in the future. Record it once it has happened."
            ).format(what=what, day=day_text(day))
        )
    check_not_ancient(day, what)


def check_planned(day: date, what: str, *, today: date) -> None:
    """A start that may be planned: at most a year ahead."""
    if day > today + PLANNED_AHEAD:
        raise ValidationError(
            Treatments.tr(
                "The {what} date ({day}) is more than a year away. Please check the year."
            ).format(what=what, day=day_text(day))
        )
    check_not_ancient(day, what)


def check_not_ancient(day: date, what: str) -> None:
    if day < EARLIEST:
        raise ValidationError(
            Treatments.tr("The {what} date ({day}) is too long ago. Please check the year.").format(
                what=what, day=day_text(day)
            )
        )


def check_order(start: date | None, end: date | None, what: str) -> None:
    if start is not None and end is not None and end < start:
        raise ValidationError(
            Treatments.tr("The end of {what} ({end}) is before its start ({start}).").format(
                what=what, end=day_text(end), start=day_text(start)
            )
        )


def clean_text(value: str, what: str, *, limit: int = SHORT_TEXT, required: bool = False) -> str:
    text = " ".join(value.split()) if limit <= SHORT_TEXT else value.strip()
    if required and not text:
        raise ValidationError(Treatments.tr("Please fill in the {what}.").format(what=what))
    if len(text) > limit:
        raise ValidationError(
            Treatments.tr("The {what} is too long ({limit} characters at most).").format(
                what=what, limit=limit
            )
        )
    return text


def check_choice(value: str | None, allowed: tuple[str, ...], what: str) -> None:
    if value not in allowed:
        raise ValidationError(Treatments.tr("Please choose the {what}.").format(what=what))
