"""Backup and checking close every file they open (Windows cannot replace an open file)."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from companion.store.backup import backup_database, integrity_problems

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")


def open_files() -> set[Path]:
    found = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            found.add(Path(os.readlink(f"/proc/self/fd/{fd}")))
        except OSError:
            continue
    return found


def test_backup_and_checks_leave_no_file_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "profile.sqlite"
    with closing(sqlite3.connect(source)) as db, db:
        db.execute("CREATE TABLE profile (id INTEGER PRIMARY KEY)")
        db.execute("CREATE TABLE alembic_version (version_num TEXT)")
    target = tmp_path / "backups" / "copy.sqlite"
    open_at_replace: list[set[Path]] = []
    real_replace = os.replace

    def replace_and_look(src: Path, dst: Path) -> None:
        open_at_replace.append({p for p in open_files() if p.parent == target.parent})
        real_replace(src, dst)

    monkeypatch.setattr("companion.atomic_file.os.replace", replace_and_look)
    backup_database(source, target)
    assert integrity_problems(target) == []

    assert open_at_replace == [set()]  # nothing open while the finished copy is renamed
    assert {p for p in open_files() if p.parent in (tmp_path, target.parent)} == set()
