"""Render every page of the demo profile to PNG, for the README and for reviewing the look.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--text-size large]

Runs without a screen (offscreen platform) unless DISPLAY is set and --real-window is given.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--text-size", choices=["normal", "large", "largest"], default="normal")
    parser.add_argument("--real-window", action="store_true")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=820)
    args = parser.parse_args()
    if not args.real_window:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from companion.app import build_main_window, ensure_application
    from companion.demo import write_demo_profile
    from companion.paths import ProfilePaths

    app = ensure_application()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        profile = Path(folder) / "demo"
        write_demo_profile(profile).close()
        settings = QSettings(str(ProfilePaths(profile).settings), QSettings.Format.IniFormat)
        settings.setValue("appearance/text_size", args.text_size)
        settings.sync()
        window = build_main_window(profile)
        window.resize(args.width, args.height)
        window.show()
        suffix = "" if args.text_size == "normal" else f"-{args.text_size}"
        for page in window.pages:
            window.show_page(page.page_id)
            for _ in range(5):
                app.processEvents()
            target = args.out / f"{page.page_id}{suffix}.png"
            window.grab().save(str(target))
            print(target)
        window.close()
        QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
