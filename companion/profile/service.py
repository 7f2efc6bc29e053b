"""Read and change the profile row. Returns plain data, never live ORM objects."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from companion.errors import ValidationError

if TYPE_CHECKING:
    from companion.store import Store

_PHONE = re.compile(r"^[0-9+()./\- ]{0,40}$")


@dataclass(frozen=True)
class ProfileInfo:
    name: str
    care_team_phone: str
    emergency_number: str
    temperature_unit: str
    welcome_done: bool


class ProfileService:
    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def folder(self) -> Path:
        """The folder that holds this profile."""
        return self._store.paths.root

    def token(self) -> str:
        """A short stable token of this profile, so calendar UIDs of two profiles never
        collide: from when the profile was created (its folder if that is unknown)."""
        from sqlalchemy import select

        from companion.store.models import Profile

        with self._store.session() as session:
            created = session.scalar(select(Profile.created_at).where(Profile.id == 1))
        seed = created.isoformat() if created else str(self._store.paths.root)
        return hashlib.sha256(seed.encode()).hexdigest()[:12]

    def get(self) -> ProfileInfo:
        """The profile row, read with plain SQL (Today reads it before SQLAlchemy loads)."""
        with self._store.read() as db:
            row = db.execute(
                "SELECT name, care_team_phone, emergency_number, temperature_unit, welcome_done"
                " FROM profile WHERE id = 1"
            ).fetchone()
        if row is None:
            raise LookupError("the profile row is missing")
        name, care_team_phone, emergency_number, temperature_unit, welcome_done = row
        return ProfileInfo(
            name=name,
            care_team_phone=care_team_phone,
            emergency_number=emergency_number,
            temperature_unit=temperature_unit,
            welcome_done=bool(welcome_done),
        )

    def update(
        self,
        *,
        name: str | None = None,
        care_team_phone: str | None = None,
        emergency_number: str | None = None,
        temperature_unit: str | None = None,
        welcome_done: bool | None = None,
    ) -> ProfileInfo:
        """Validate everything first, then change it in one transaction."""
        if name is not None and len(name.strip()) > 200:
            raise ValidationError("The name is too long (200 characters at most).")
        for label, phone in (("care team", care_team_phone), ("emergency", emergency_number)):
            if phone is not None and not _PHONE.match(phone.strip()):
                raise ValidationError(
                    f"The {label} number can only have digits, spaces and + ( ) - . /"
                )
        if temperature_unit is not None and temperature_unit not in ("C", "F"):
            raise ValidationError("Temperature unit must be C or F.")
        from companion.store.models import Profile

        with self._store.session() as session:
            row = session.get_one(Profile, 1)
            if name is not None:
                row.name = name.strip()
            if care_team_phone is not None:
                row.care_team_phone = care_team_phone.strip()
            if emergency_number is not None:
                row.emergency_number = emergency_number.strip()
            if temperature_unit is not None:
                row.temperature_unit = temperature_unit
            if welcome_done is not None:
                row.welcome_done = welcome_done
        return self.get()
