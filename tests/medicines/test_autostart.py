"""Start with the session: the XDG autostart entry is written and removed."""

from __future__ import annotations

from pathlib import Path

from companion.ui.medicines import autostart


def test_autostart_entry_on_and_off(tmp_path: Path) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path)}
    assert not autostart.is_enabled(env)
    path = autostart.set_enabled(True, tmp_path / "profile", env)
    assert path == tmp_path / "config" / "autostart" / "her2-companion.desktop"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("[Desktop Entry]\nType=Application\n")
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert "-m companion --data-dir" in exec_line and str(tmp_path / "profile") in exec_line
    assert autostart.is_enabled(env)
    autostart.set_enabled(False, None, env)
    assert not path.exists() and not autostart.is_enabled(env)
