"""Start with the session: an XDG autostart entry on Linux. macOS and Windows get a note
(a login item / a Startup shortcut is made by the user; the app does not touch them)."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

ENTRY_NAME = "her2-companion.desktop"


def autostart_file(environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    config = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME", "~")).expanduser() / ".config")
    return Path(config) / "autostart" / ENTRY_NAME


def supported(platform: str = sys.platform) -> bool:
    return platform.startswith("linux") or "bsd" in platform


def command_line(data_dir: Path | None) -> str:
    """How to start this installation: the frozen bundle or this Python with -m companion."""
    parts = (
        [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "companion"]
    )
    if data_dir is not None:
        parts += ["--data-dir", str(data_dir)]
    return shlex.join(parts)


def is_enabled(environ: dict[str, str] | None = None) -> bool:
    return autostart_file(environ).is_file()


def set_enabled(
    enabled: bool, data_dir: Path | None, environ: dict[str, str] | None = None
) -> Path:
    path = autostart_file(environ)
    if not enabled:
        path.unlink(missing_ok=True)
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    text = (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=HER2 Companion\n"
        "Comment=Medicine reminders\n"
        f"Exec={command_line(data_dir)}\n"
        "Icon=her2-companion\n"
        "X-GNOME-Autostart-enabled=true\n"
        "NoDisplay=false\n"
    )
    temp = path.with_suffix(".tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)
    return path
