"""The window's start runs SQLite's integrity check on a worker thread while the window is
set up; a damaged profile is still refused before anything is read, written or shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.errors import DamagedProfileError
from companion.paths import ProfilePaths
from companion.profile_lock import ProfileLock
from companion.store import Store


def damage(profile: Path) -> bytes:
    database = ProfilePaths(profile).database
    for side in ("-wal", "-shm"):
        Path(str(database) + side).unlink(missing_ok=True)
    data = bytearray(database.read_bytes())
    data[4096 * 3 : 4096 * 3 + 300] = b"\xa5" * 300  # a page of answers, not the schema
    database.write_bytes(bytes(data))
    return bytes(data)


def test_a_damaged_profile_is_refused_by_the_window_as_by_the_store(demo_dir: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from companion.app import build_main_window

    damaged = damage(demo_dir)
    with pytest.raises(DamagedProfileError) as by_store:
        Store.open(demo_dir)
    with pytest.raises(DamagedProfileError) as by_window:
        build_main_window(demo_dir)
    assert str(by_window.value) == str(by_store.value)
    assert ProfilePaths(demo_dir).database.read_bytes() == damaged  # not a byte changed
    with ProfileLock(demo_dir):  # the refused start let go of the profile
        pass


def test_reads_and_sessions_wait_for_the_background_check(demo_dir: Path) -> None:
    damage(demo_dir)
    store = Store.open(demo_dir, check_in_background=True)  # only the revision read so far
    try:
        with pytest.raises(DamagedProfileError), store.read():
            pass
        with pytest.raises(DamagedProfileError), store.session():
            pass
    finally:
        store.close()


def test_a_sound_profile_opens_as_before(demo_dir: Path) -> None:
    store = Store.open(demo_dir, check_in_background=True)
    try:
        with store.read() as db:
            assert db.execute("SELECT count(*) FROM profile").fetchone() == (1,)
    finally:
        store.close()


def test_the_command_lines_early_check_is_used_once_by_the_next_open(demo_dir: Path) -> None:
    from companion.store import database

    damage(demo_dir)
    database.check_early(demo_dir)  # as `companion` does before importing the window
    store = Store.open(demo_dir, check_in_background=True)
    try:
        assert not database._early  # taken by this open: a later open checks afresh
        with pytest.raises(DamagedProfileError), store.read():
            pass
    finally:
        store.close()
    with pytest.raises(DamagedProfileError):
        Store.open(demo_dir)  # checked again, still refused
