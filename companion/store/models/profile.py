from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from companion.store.models.base import Base, UtcDateTime, utcnow


class Profile(Base):
    """The one row about the patient: who they are and whom to call."""

    __tablename__ = "profile"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    name: Mapped[str] = mapped_column(String(200), default="")
    care_team_phone: Mapped[str] = mapped_column(String(60), default="")
    emergency_number: Mapped[str] = mapped_column(String(20), default="")
    temperature_unit: Mapped[str] = mapped_column(String(1), default="C")  # "C" or "F"
    welcome_done: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class PinnedSymptom(Base):
    """A symptom the patient always wants in the daily check-in."""

    __tablename__ = "pinned_symptom"

    symptom_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    pinned_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
