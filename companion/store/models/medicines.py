"""Medicines taken at home: a schedule per medicine, its dose history and the dose log.

Times are local wall-clock times, as the patient reads them on the clock at home (a dose at
08:00 stays at 08:00 when the clocks change).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from companion.store.models.base import Base


class MedicineSchedule(Base):
    """How one medicine is taken: the pattern, times of day and (in doses) the amounts."""

    __tablename__ = "medicine_schedule"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    library_id: Mapped[str | None] = mapped_column(String(80))
    # Cycle day 1 comes from this line's treatment days (a delayed cycle moves the pills).
    line_id: Mapped[int | None] = mapped_column(
        ForeignKey("therapy_line.id", ondelete="SET NULL"), index=True
    )
    pattern: Mapped[str] = mapped_column(String(20), default="daily")  # see PATTERNS
    times: Mapped[str] = mapped_column(String(120), default="")  # "08:00 20:00"
    cycle_length: Mapped[int | None]
    first_day: Mapped[int | None]
    last_day: Mapped[int | None]
    every_weeks: Mapped[int | None]
    min_interval_hours: Mapped[float | None]
    daily_max: Mapped[float | None]  # in the dose's unit, for as-needed medicines
    start_date: Mapped[date]
    end_date: Mapped[date | None]
    # Doses before this day were never logged in the app: they are not counted as missed.
    logged_from: Mapped[date]
    note: Mapped[str] = mapped_column(Text, default="")

    doses: Mapped[list[MedicineDose]] = relationship(
        back_populates="schedule",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="MedicineDose.start_date",
    )
    log: Mapped[list[DoseLogEntry]] = relationship(
        back_populates="schedule", cascade="all, delete-orphan", passive_deletes=True
    )


class MedicineDose(Base):
    """The dose from a day on, as prescribed: a change adds a row, the old one stays."""

    __tablename__ = "medicine_dose"

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(
        ForeignKey("medicine_schedule.id", ondelete="CASCADE"), index=True
    )
    start_date: Mapped[date]
    amount: Mapped[float]
    unit: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")

    schedule: Mapped[MedicineSchedule] = relationship(back_populates="doses")


class DoseLogEntry(Base):
    """A dose taken, taken late or skipped (with why). slot is the planned time ("08:00"),
    empty for an as-needed dose."""

    __tablename__ = "dose_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(
        ForeignKey("medicine_schedule.id", ondelete="CASCADE"), index=True
    )
    day: Mapped[date] = mapped_column(index=True)
    slot: Mapped[str] = mapped_column(String(5), default="")
    status: Mapped[str] = mapped_column(String(12))  # taken | late | skipped
    reason: Mapped[str | None] = mapped_column(String(20))  # forgot | side_effects | told_to_stop
    taken_at: Mapped[datetime | None]  # local wall-clock time
    amount: Mapped[float | None]
    unit: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    schedule: Mapped[MedicineSchedule] = relationship(back_populates="log")
