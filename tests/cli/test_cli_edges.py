"""The command line as a new user meets it: pipes, failures, signals and help."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from companion.cli import main

ROOT = Path(__file__).resolve().parents[2]


def companion_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        HOME=str(tmp_path / "home"),
        COMPANION_DATA_DIR=str(tmp_path / "default-profile"),
        QT_QPA_PLATFORM="offscreen",
        **extra,
    )
    return env


def test_a_closed_pipe_is_quiet_and_writes_no_crash_log(tmp_path: Path) -> None:
    # `companion library search … | head`: the reader is gone before anything is printed.
    child = subprocess.Popen(
        [sys.executable, "-m", "companion", "library", "search", "pain", "-n", "100"],
        cwd=ROOT,
        env=companion_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()
    errors = child.stderr.read().decode()
    child.stderr.close()
    assert child.wait(timeout=120) == 141
    assert errors == ""
    assert not (tmp_path / "default-profile").exists()


def test_a_failed_demo_keeps_its_crash_log_in_its_own_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COMPANION_DATA_DIR", str(tmp_path / "default-profile"))

    def broken(folder: Path) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("companion.demo.write_demo_profile", broken)
    into = tmp_path / "demo"
    assert main(["demo", "--into", str(into)]) == 1
    assert "unexpected error (RuntimeError)" in capsys.readouterr().err
    assert len(list((into / "logs").glob("crash-*.log"))) == 1
    assert not (tmp_path / "default-profile").exists()
    # The crash log alone does not stop the next attempt.
    monkeypatch.undo()
    assert main(["demo", "--into", str(into)]) == 0
    assert (into / "profile.sqlite").is_file()


def test_a_demo_window_stopped_with_sigterm_removes_its_folder(tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    child = subprocess.Popen(
        [sys.executable, "-m", "companion", "--demo"],
        cwd=ROOT,
        env=companion_env(tmp_path, TMPDIR=str(scratch)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while not list(scratch.glob("her2-companion-demo-*/profile/logs/companion.log")):
        assert child.poll() is None, child.stderr.read() if child.stderr else ""
        assert time.monotonic() < deadline, "the demo did not start"
        time.sleep(0.2)
    time.sleep(1)  # the window is being built or already shown
    child.send_signal(signal.SIGTERM)
    child.wait(timeout=60)
    assert child.stderr is not None
    child.stderr.close()
    assert list(scratch.iterdir()) == []


def test_export_help_explains_the_columns_without_pointing_at_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["export", "symptoms", "--help"])
    assert exit_.value.code == 0
    text = capsys.readouterr().out
    assert ".py" not in text and "companion/" not in text
    assert "acknowledged_at" in text and "recorded_at" in text
