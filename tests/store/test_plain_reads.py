"""Store.read(): plain sqlite3 reads, one snapshot each, on kept connections that a swap of
the file (close()) drops."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from companion.profile.service import ProfileService
from companion.store import Store


def test_a_read_reuses_an_idle_connection_and_sees_every_commit(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "profile")
    profile = ProfileService(store)
    try:
        with store.read() as first:
            pass
        profile.update(name="Maria")  # written through an ORM session
        with store.read() as again:
            assert again is first
            assert again.execute("SELECT name FROM profile").fetchone() == ("Maria",)
        assert profile.get().name == "Maria"
    finally:
        store.close()


def test_close_drops_the_kept_connections(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "profile")
    try:
        with store.read() as before:
            pass
        store.close()  # as around a restore or a new password: the file may be another
        with store.read() as after:
            assert after is not before
        with pytest.raises(sqlite3.ProgrammingError):
            before.execute("SELECT 1")  # closed
    finally:
        store.close()


def test_a_read_that_fails_does_not_keep_its_connection(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "profile")
    try:
        with pytest.raises(sqlite3.OperationalError), store.read() as broken:
            broken.execute("SELECT no_such_column FROM profile")
        with store.read() as next_one:
            assert next_one is not broken
            assert next_one.execute("SELECT count(*) FROM profile").fetchone() == (1,)
    finally:
        store.close()
