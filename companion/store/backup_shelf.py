"""The profile's backups folder: what is in it, what to keep, when the next one is due.

Names say what each backup is: "<kind>-<UTC stamp>.sqlite". Automatic backups ("daily") are
kept 14 days (the newest of each day) plus 8 weeks (the newest of each week); the copies made
before an update, a restore or an import are kept 10 of each kind; backups made by hand are
never removed. A leftover of an interrupted run is never listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from companion.paths import ProfilePaths
from companion.store.backup import backup_database, timestamp

DAILY = "daily"
BY_HAND = "backup"
BEFORE_UPGRADE = "before-upgrade"
BEFORE_IMPORT = "before-import"
REPLACED = "replaced"  # the profile as it was before a restore
BEFORE_PROTECTION = "before-protection"  # before a password was set, changed or removed
KEPT_PER_EVENT_KIND = 10
DAILY_KEPT = 14
WEEKLY_KEPT = 8

_NAME = re.compile(
    r"^(?P<kind>daily|backup|before-upgrade(?:-[\w]+)?|before-import|before-protection|replaced)-"
    r"(?P<stamp>\d{8}T\d{12}Z)(?P<unreadable>\.unreadable)?\.sqlite$"
)


@dataclass(frozen=True)
class BackupEntry:
    path: Path
    kind: str  # daily, backup, before-upgrade, before-import, replaced
    made_at: datetime  # aware, UTC
    size: int
    readable: bool  # False: a damaged profile kept byte for byte (not offered to restore)


def list_backups(paths: ProfilePaths) -> list[BackupEntry]:
    """Every backup in the folder, newest first."""
    if not paths.backups.is_dir():
        return []
    found = []
    for path in paths.backups.iterdir():
        match = _NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        kind = match["kind"]
        if kind.startswith(BEFORE_UPGRADE):
            kind = BEFORE_UPGRADE
        made_at = datetime.strptime(match["stamp"], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
        found.append(BackupEntry(path, kind, made_at, path.stat().st_size, not match["unreadable"]))
    return sorted(found, key=lambda e: e.made_at, reverse=True)


def make_backup(paths: ProfilePaths, kind: str, now: datetime) -> Path:
    """A verified backup of the profile, named for its kind and moment."""
    target = paths.backups / f"{kind}-{timestamp(now)}.sqlite"
    return backup_database(paths.database, target, paths.key)


def daily_backup_if_due(
    paths: ProfilePaths, now: datetime, daily: int = DAILY_KEPT, weekly: int = WEEKLY_KEPT
) -> Path | None:
    """The day's automatic backup, unless one was made today (local day); then tidy up."""
    today = now.date()
    local = now.tzinfo
    made_today = any(
        e.kind == DAILY and e.made_at.astimezone(local).date() == today for e in list_backups(paths)
    )
    made = None if made_today else make_backup(paths, DAILY, now)
    prune(paths, now, daily, weekly)
    return made


def to_remove(
    entries: list[BackupEntry], now: datetime, daily: int = DAILY_KEPT, weekly: int = WEEKLY_KEPT
) -> list[BackupEntry]:
    """The backups the keeping rules no longer need (entries newest first)."""
    local = now.tzinfo
    keep: set[Path] = set()
    days: list[object] = []
    weeks: list[object] = []
    for entry in entries:
        if entry.kind != DAILY:
            continue
        day = entry.made_at.astimezone(local).date()
        week = day.isocalendar()[:2]
        if day not in days and len(days) < daily:
            days.append(day)
            keep.add(entry.path)
        if week not in weeks and len(weeks) < weekly:
            weeks.append(week)
            keep.add(entry.path)
    per_kind: dict[str, int] = {}
    removable = []
    for entry in entries:
        if entry.kind == BY_HAND:
            continue
        if entry.kind == DAILY:
            if entry.path not in keep:
                removable.append(entry)
            continue
        per_kind[entry.kind] = per_kind.get(entry.kind, 0) + 1
        if per_kind[entry.kind] > KEPT_PER_EVENT_KIND:
            removable.append(entry)
    return removable


def prune(
    paths: ProfilePaths, now: datetime, daily: int = DAILY_KEPT, weekly: int = WEEKLY_KEPT
) -> list[Path]:
    removed = []
    for entry in to_remove(list_backups(paths), now, daily, weekly):
        entry.path.unlink(missing_ok=True)
        removed.append(entry.path)
    return removed


def newest_good(paths: ProfilePaths) -> BackupEntry | None:
    """The newest backup that passes SQLite's integrity check (checked, not assumed)."""
    from companion.errors import WrongPasswordError
    from companion.store.backup import integrity_problems
    from companion.store.cipher import looks_encrypted

    for entry in list_backups(paths):
        key = paths.key if looks_encrypted(entry.path) else None
        try:
            if entry.readable and not integrity_problems(entry.path, key=key):
                return entry
        except WrongPasswordError:
            continue  # made under another password: not one this start can bring back
    return None
