"""Finding 3: a start killed while creating the profile left one that never opened."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from companion.errors import ProfileError
from companion.paths import ProfilePaths
from companion.store import Store
from companion.store.backup import integrity_problems
from tests.safety.kill_harness import (
    count_syscalls,
    dump,
    kill_at_syscall,
    python_command,
    rounds,
    spread,
)

CREATE = "import sys\nfrom companion.store import Store\nStore.open(sys.argv[1]).close()\n"


@pytest.mark.parametrize("syscall", ["pwrite64", "fsync", "rename"])
def test_a_start_killed_while_creating_leaves_nothing_that_stops_the_next(
    tmp_path: Path, syscall: str
) -> None:
    from companion.store.creation import leftovers, tidy_leftovers

    total = count_syscalls(python_command(CREATE, str(tmp_path / "count")), syscall)
    assert total > 0
    outcomes = {"nothing": 0, "complete": 0}
    for index, nth in enumerate(spread(min(rounds(3), total), 1, total)):
        folder = tmp_path / f"k{index}"
        assert kill_at_syscall(python_command(CREATE, str(folder)), syscall, nth) == -9
        outcomes["complete" if (folder / "profile.sqlite").exists() else "nothing"] += 1
        store = Store.open(folder)  # the next start: never "table ... already exists"
        store.close()
        paths = ProfilePaths(folder)
        assert integrity_problems(paths.database) == [], dump(folder)
        tidy_leftovers(paths)
        assert leftovers(paths) == [], dump(folder)
        shutil.rmtree(folder)
    assert sum(outcomes.values()) == min(rounds(3), total)


def test_leftovers_of_a_killed_start_are_removed_not_reported(qtbot, data_dir: Path) -> None:
    from companion.app import build_main_window
    from companion.store.creation import leftovers

    Store.open(data_dir).close()
    names = (
        ".profile.sqlite.abc123.creating",
        ".profile.sqlite.abc123.creating-wal",
        "profile.sqlite.restoring",
        ".export.csv.x1.partial",
    )
    for name in names:
        (data_dir / name).write_bytes(b"half")
    (data_dir / "backups" / ".backup-1.sqlite.q.partial").write_bytes(b"half")
    assert len(leftovers(ProfilePaths(data_dir))) == 5
    window = build_main_window(data_dir)
    qtbot.addWidget(window)
    assert leftovers(ProfilePaths(data_dir)) == []


def test_a_damaged_first_profile_does_not_send_a_new_user_to_a_backup(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "profile.sqlite").write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    with pytest.raises(ProfileError) as error:
        Store.open(folder)
    assert "backup" not in str(error.value) and "restore" not in str(error.value)
