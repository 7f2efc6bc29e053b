"""Random SIGKILLs over every write path: after each kill the profile opens, SQLite's
integrity check passes, every save that was reported is there, and imports, restores,
backups and password changes are all-or-nothing. Each write path runs with and without
password protection. A few rounds per path run in the suite; COMPANION_KILL_ROUNDS=N runs
N per path (N=170: over 1,000 rounds), COMPANION_KILL_REPORT=FILE collects the outcomes."""

from __future__ import annotations

import random
import shutil
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from companion.paths import ProfilePaths
from companion.services import Services
from companion.store import Store
from companion.store.backup import integrity_problems
from companion.store.cipher import ProfileKey, looks_encrypted
from companion.store.sqlite_files import connect_read_only
from tests.safety.kill_harness import (
    cli_worker,
    kill_worker,
    protection_worker,
    record_outcome,
    rounds,
    saves_worker,
)

PASSWORD = "kill harness password"
NEW_PASSWORD = "a second password"
protection = pytest.mark.parametrize("protected", [False, True], ids=["plain", "encrypted"])


def _key(protected: bool) -> ProfileKey | None:
    return ProfileKey(PASSWORD) if protected else None


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> dict[bool, Path]:
    """The demo profile, plain and protected with PASSWORD (both made once)."""
    folder = tmp_path_factory.mktemp("kill-templates")
    plain = folder / "plain"
    shutil.copytree(demo_template, plain)
    protected = folder / "protected"
    shutil.copytree(demo_template, protected)
    services = Services.open(protected)
    services.protection.protect(PASSWORD, PASSWORD)
    services.close()
    return {False: plain, True: protected}


@pytest.fixture(scope="module")
def empty_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Path]:
    """A new profile, plain and protected (built once: each round starts from a copy)."""
    folder = tmp_path_factory.mktemp("kill-empty")
    made = {}
    for protected in (False, True):
        made[protected] = folder / ("protected" if protected else "plain")
        services = Services.open(made[protected])
        if protected:
            services.protection.protect(PASSWORD, PASSWORD)
        services.close()
    return made


@pytest.fixture
def password_args(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "password.txt"
    path.write_text(PASSWORD + "\n", encoding="utf-8")

    def args(protected: bool) -> list[str]:
        return ["--password-file", str(path)] if protected else []

    return args


def _sound(folder: Path, key: ProfileKey | None) -> None:
    Store.open(ProfilePaths(folder, key=key)).close()  # the profile opens (checked)
    assert integrity_problems(ProfilePaths(folder).database, key=key) == []


def _entries(folder: Path, key: ProfileKey | None = None) -> int:
    db = connect_read_only(ProfilePaths(folder).database, key)
    try:
        return int(db.execute("SELECT count(*) FROM symptom_answer").fetchone()[0])
    finally:
        db.close()


def _new_profile(templates: dict[bool, Path], folder: Path, protected: bool) -> None:
    shutil.copytree(templates[protected], folder)


@protection
def test_killed_answer_saves_lose_nothing_that_was_reported(
    empty_templates: dict[bool, Path], tmp_path: Path, protected: bool
) -> None:
    chooser = random.Random()
    key = _key(protected)
    for round_ in range(rounds(2)):
        folder = tmp_path / f"r{round_}"
        _new_profile(empty_templates, folder, protected)
        lines, _ = kill_worker(
            saves_worker,
            (str(folder), PASSWORD if protected else None),
            chooser.uniform(0.2, 1.5),
            tmp_path / "report",
        )
        reported = [int(line.split()[1]) for line in lines if line.startswith("saved")]
        _sound(folder, key)
        services = Services.open(ProfilePaths(folder, key=key))
        try:
            for day_number in sorted({i // 4 for i in reported}):
                day = date(2020, 1, 1) + timedelta(days=day_number)
                # the newest reported value of that day is stored (later saves overwrite)
                last = max(j for j in reported if j // 4 == day_number)
                stored = services.symptoms.day_state(day).values()[("fatigue", "severity")]
                assert stored in (last % 4, (last + 1) % 4)  # (+1: done but not yet printed)
        finally:
            services.close()
        record_outcome(
            f"answer saves ({'encrypted' if protected else 'plain'})",
            f"{len(reported)} reported saves all present",
        )
        shutil.rmtree(folder, ignore_errors=True)  # a long campaign fills no disk


@protection
def test_a_killed_import_is_all_or_nothing(
    demo_template: Path,
    empty_templates: dict[bool, Path],
    tmp_path: Path,
    protected: bool,
    password_args,
) -> None:
    from companion.cli import main

    csv = tmp_path / "all.csv"
    assert main(["--data-dir", str(demo_template), "export", "symptoms", "-o", str(csv)]) == 0
    chooser = random.Random()
    key = _key(protected)
    everything = _entries(demo_template)
    for round_ in range(rounds(2)):
        folder = tmp_path / f"i{round_}"
        _new_profile(empty_templates, folder, protected)
        argv = [
            "--data-dir",
            str(folder),
            *password_args(protected),
            "import",
            "symptoms",
            str(csv),
        ]
        kill_worker(cli_worker, (argv,), chooser.uniform(0.0, 3.0), tmp_path / "report")
        _sound(folder, key)
        count = _entries(folder, key)
        assert count in (0, everything)
        assert looks_encrypted(ProfilePaths(folder).database) == protected
        record_outcome(
            f"CSV import ({'encrypted' if protected else 'plain'})", "all" if count else "nothing"
        )
        shutil.rmtree(folder, ignore_errors=True)  # a long campaign fills no disk


@protection
def test_a_killed_restore_leaves_the_old_or_the_new_profile(
    templates: dict[bool, Path], tmp_path: Path, protected: bool, password_args
) -> None:
    from companion.cli import main

    backup = tmp_path / "b.sqlite"
    template = templates[protected]
    argv = ["--data-dir", str(template), *password_args(protected), "backup", "-o", str(backup)]
    assert main(argv) == 0
    key = _key(protected)
    everything = _entries(template, key)
    chooser = random.Random()
    before = tmp_path / "before"  # the profile each round restores over, made once
    services = Services.open(before)
    services.symptoms.set_note(date(2020, 1, 1), "the profile before the restore")
    if protected:
        services.protection.protect(PASSWORD, PASSWORD)
    services.close()
    for round_ in range(rounds(2)):
        folder = tmp_path / f"s{round_}"
        shutil.copytree(before, folder)
        argv = ["--data-dir", str(folder), *password_args(protected), "restore", str(backup)]
        kill_worker(cli_worker, (argv,), chooser.uniform(0, 3), tmp_path / "report")
        _sound(folder, key)
        services = Services.open(ProfilePaths(folder, key=key))
        try:
            old = services.symptoms.day_state(date(2020, 1, 1)).note != ""
        finally:
            services.close()
        assert old or _entries(folder, key) == everything
        assert looks_encrypted(ProfilePaths(folder).database) == protected
        record_outcome(
            f"restore ({'encrypted' if protected else 'plain'})", "old" if old else "new"
        )
        shutil.rmtree(folder, ignore_errors=True)  # a long campaign fills no disk


@protection
def test_a_killed_backup_is_whole_or_absent(
    templates: dict[bool, Path], tmp_path: Path, protected: bool, password_args
) -> None:
    from companion.store.backup_shelf import list_backups
    from companion.store.creation import leftovers, tidy_leftovers

    chooser = random.Random()
    key = _key(protected)
    for round_ in range(rounds(2)):
        folder = tmp_path / f"b{round_}"
        shutil.copytree(templates[protected], folder)
        before = len(list_backups(ProfilePaths(folder)))
        argv = ["--data-dir", str(folder), *password_args(protected), "backup"]
        kill_worker(cli_worker, (argv,), chooser.uniform(0, 2.5), tmp_path / "report")
        paths = ProfilePaths(folder, key=key)
        listed = list_backups(paths)
        for entry in listed:  # a listed backup is always a whole one, as protected as the profile
            assert (
                integrity_problems(entry.path, key=key if looks_encrypted(entry.path) else None)
                == []
            )
            if protected:
                assert looks_encrypted(entry.path)
        tidy_leftovers(paths)
        assert leftovers(paths) == []
        _sound(folder, key)
        record_outcome(
            f"backup ({'encrypted' if protected else 'plain'})",
            "whole" if len(listed) > before else "absent",
        )
        shutil.rmtree(folder, ignore_errors=True)  # a long campaign fills no disk


@pytest.mark.parametrize(
    ("old", "new"),
    [(None, PASSWORD), (PASSWORD, None), (PASSWORD, NEW_PASSWORD)],
    ids=["protect", "turn-off", "change"],
)
def test_a_killed_password_change_leaves_the_old_or_the_new_protection(
    templates: dict[bool, Path], tmp_path: Path, old: str | None, new: str | None
) -> None:
    """Killed while protecting, changing or removing the password: the profile opens with
    the old or the new password (never neither), whole, and no copy is left behind."""
    from companion.store.creation import leftovers, tidy_leftovers

    template = templates[old is not None]
    old_key, new_key = (ProfileKey(p) if p else None for p in (old, new))
    everything = _entries(template, old_key)
    # One uninterrupted run first: the kills fall anywhere in a run as long as that.
    folder = tmp_path / "timing"
    shutil.copytree(template, folder)
    began = time.monotonic()
    lines, _ = kill_worker(protection_worker, (str(folder), old, new), 600, tmp_path / "report")
    duration = time.monotonic() - began
    assert lines[-1] == "done"
    chooser = random.Random()
    for round_ in range(rounds(2)):
        folder = tmp_path / f"p{round_}"
        shutil.copytree(template, folder)
        lines, _ = kill_worker(
            protection_worker,
            (str(folder), old, new),
            chooser.uniform(0, duration * 1.1),
            tmp_path / "report",
        )
        paths = ProfilePaths(folder)
        tidy_leftovers(paths)  # what the next start does
        assert leftovers(paths) == []
        encrypted = looks_encrypted(paths.database)
        if new_key is None:
            key = old_key if encrypted else None
        elif old_key is None:
            key = new_key if encrypted else None
        else:  # a change: the salt alone does not say which; the old one or the new one
            try:
                connect_read_only(paths.database, new_key).close()
                key = new_key
            except Exception:
                key = old_key
        outcome = "new" if key == new_key else "old"
        if lines and lines[-1] == "done":
            assert outcome == "new"  # reported done: the change is there
        _sound(folder, key)
        assert _entries(folder, key) == everything
        record_outcome(f"password {'change' if old and new else 'on' if new else 'off'}", outcome)
        shutil.rmtree(folder, ignore_errors=True)  # a long campaign fills no disk
