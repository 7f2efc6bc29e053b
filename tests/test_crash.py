from __future__ import annotations

import faulthandler
import sys
from pathlib import Path

from companion import crash


def test_crash_log_has_location_but_no_health_data(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    previous = sys.excepthook
    seen: list[Path] = []
    try:
        crash.install(logs, on_crash=seen.append)
        try:
            raise ValueError("nausea severe, Maria Example")
        except ValueError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
        faulthandler.disable()
    assert len(seen) == 1
    text = seen[0].read_text()
    assert "builtins.ValueError" in text
    assert "test_crash.py" in text
    assert "nausea" not in text and "Maria" not in text
    assert seen[0].stat().st_mode & 0o077 == 0


def test_next_start_offers_unseen_logs_once(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    try:
        raise KeyError("x")
    except KeyError as exc:
        crash.write_crash_log(logs, type(exc), exc.__traceback__)
    assert len(crash.unseen_crash_logs(logs)) == 1
    crash.mark_seen(logs)
    assert crash.unseen_crash_logs(logs) == []


def test_the_next_start_offers_to_show_the_report(window, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from companion.app import offer_crash_logs

    logs = window.services.store.paths.logs
    try:
        raise OSError("x")
    except OSError as exc:
        crash.write_crash_log(logs, type(exc), exc.__traceback__)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    offer_crash_logs(window, logs)
    assert asked and "closed unexpectedly" in asked[0]
    offer_crash_logs(window, logs)
    assert len(asked) == 1  # offered once, not at every start
