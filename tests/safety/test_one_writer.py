"""Finding 1: one writer per profile (restore while the app was open lost every later save)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.safety.conftest import folder_digest
from tests.safety.faults import lock_held_by_another_process


@pytest.fixture
def backup_file(demo_dir: Path, tmp_path: Path, cli) -> Path:  # type: ignore[no-untyped-def]
    target = tmp_path / "good-backup.sqlite"
    assert cli("--data-dir", str(demo_dir), "backup", "-o", str(target))[0] == 0
    return target


def test_restore_refuses_while_the_app_holds_the_profile(
    demo_dir: Path, backup_file: Path, cli
) -> None:
    before = folder_digest(demo_dir)
    with lock_held_by_another_process(demo_dir):
        status, _, err = cli("--data-dir", str(demo_dir), "restore", str(backup_file))
    assert status == 1
    assert "open in another window" in err and "Nothing was changed" in err
    assert folder_digest(demo_dir) == before


def test_restore_refuses_while_a_window_is_open(window, backup_file: Path, cli) -> None:
    root = window.services.store.paths.root
    window.services.symptoms.set_note(window.page("today").checkin.day(), "after the backup")
    status, _, err = cli("--data-dir", str(root), "restore", str(backup_file))
    assert status == 1 and "open in another window" in err
    day = window.page("today").checkin.day()
    assert window.services.symptoms.day_state(day).note == "after the backup"


def test_import_refuses_while_a_window_is_open(window, tmp_path: Path, cli) -> None:
    csv = tmp_path / "in.csv"
    csv.write_text("date,kind,item,attribute,value\n2026-01-02,note,,,\n", encoding="utf-8")
    root = window.services.store.paths.root
    status, _, err = cli("--data-dir", str(root), "import", "symptoms", str(csv))
    assert status == 1 and "open in another window" in err


def test_a_second_window_on_the_same_profile_is_refused(window) -> None:
    from companion.app import build_main_window
    from companion.errors import ProfileInUseError

    with pytest.raises(ProfileInUseError):
        build_main_window(window.services.store.paths.root)


def test_the_lock_of_a_killed_process_is_taken_over(demo_dir: Path, backup_file: Path, cli) -> None:
    with lock_held_by_another_process(demo_dir) as holder:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
        assert (demo_dir / "profile.lock").exists()  # left behind by the killed holder
        status, out, err = cli("--data-dir", str(demo_dir), "restore", str(backup_file))
    assert status == 0, err
    assert "restored" in out


def test_the_lock_is_released_when_the_holder_finishes(tmp_path: Path) -> None:
    from companion.errors import ProfileInUseError
    from companion.profile_lock import ProfileLock

    with ProfileLock(tmp_path), pytest.raises(ProfileInUseError):
        ProfileLock(tmp_path).acquire()
    with ProfileLock(tmp_path):
        pass


def test_a_second_start_brings_the_open_window_forward(window, qtbot) -> None:
    from companion.ui.single_window import WindowBeacon

    root = window.services.store.paths.root
    beacon = WindowBeacon(root, window)
    assert beacon.listening()
    code = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "from companion.ui.single_window import bring_forward\n"
        "print(bring_forward(sys.argv[1]))\n"
    )
    second = subprocess.Popen(
        [sys.executable, "-c", code, str(root)], stdout=subprocess.PIPE, text=True
    )
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=20000)
    assert second.stdout is not None
    with second.stdout:
        assert second.stdout.read().strip() == "True"
