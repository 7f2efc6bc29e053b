"""The app side of the AT-SPI test (runs in the project's Python, under Xvfb).

Builds the demo window, then goes through STEPS one at a time: after each it prints one JSON
line (the step's name and what the reader must find) and waits for "next" on stdin, while
the event loop keeps serving the reader's AT-SPI requests.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QStyle

from companion.app import build_main_window, ensure_application
from companion.demo import write_demo_profile
from companion.ui.main_window import MainWindow
from companion.ui.welcome import WelcomeDialog


def close_dialogs() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()


def steps(window: MainWindow) -> list[tuple[str, Callable[[], dict[str, object]]]]:
    def page(page_id: str) -> Callable[[], dict[str, object]]:
        def show() -> dict[str, object]:
            close_dialogs()
            window.show_page(page_id)
            return {}

        return show

    def red_flag() -> dict[str, object]:
        window.show_page("today")
        form = window.page("today").checkin
        row = form.rows[("fever", "presence")]
        row.setFocus()
        row.choose(1)
        return {"alert": True}

    def status_line() -> dict[str, object]:
        window.show_page("today")
        form = window.page("today").checkin
        form.temperature_edit.setText("80")
        form.temperature_edit.editingFinished.emit()
        form.same_button.click()
        return {"labels": [form.status.text(), form.temperature_error.text()]}

    def new_visit() -> dict[str, object]:
        window.show_page("visits")
        window.page("visits").open_editor(None)
        return {"dialog": True}

    def new_line() -> dict[str, object]:
        close_dialogs()
        page = window.page("treatments")
        window.show_page("treatments")
        page.show_tab("lines")
        page.lines_tab.add_button.click()
        return {"dialog": True}

    def welcome() -> dict[str, object]:
        close_dialogs()
        dialog = WelcomeDialog(window.services.profile)
        dialog.setParent(window, dialog.windowFlags())
        dialog.open()
        return {"dialog": True}

    def symptoms_tab(index: int) -> Callable[[], dict[str, object]]:
        def show() -> dict[str, object]:
            close_dialogs()
            window.show_page("symptoms")
            window.page("symptoms").tabs.setCurrentIndex(index)
            return {}

        return show

    def self_check() -> dict[str, object]:
        """A control with no name at all: the reader must catch it (proves it can fail)."""
        close_dialogs()
        window.show_page("settings")
        page = window.page("settings")
        unnamed = QPushButton(page)
        unnamed.setIcon(page.style().standardIcon(QStyle.StandardPixmap.SP_DialogYesButton))
        unnamed.move(4, 4)
        unnamed.show()
        return {"self_check": True}

    pages = [(f"page {p.page_id}", page(p.page_id)) for p in window.pages]
    return [
        *pages,
        ("red flag", red_flag),
        ("status line", status_line),
        ("symptoms trends", symptoms_tab(1)),
        ("new visit dialog", new_visit),
        ("new line dialog", new_line),
        ("welcome dialog", welcome),
        ("self-check", self_check),
    ]


def main() -> int:
    folder = Path(sys.argv[1])
    app = ensure_application()
    write_demo_profile(folder).close()
    window = build_main_window(folder)
    window.resize(1280, 720)
    window.show()
    todo = steps(window)
    position = {"index": 0}

    def run_next() -> None:
        if position["index"] >= len(todo):
            print(json.dumps({"done": True}), flush=True)
            app.quit()
            return
        name, action = todo[position["index"]]
        position["index"] += 1
        expected = action()
        # Let Qt send the accessibility updates before the reader looks.
        QTimer.singleShot(300, lambda: print(json.dumps({"step": name, **expected}), flush=True))

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)

    def command() -> None:
        line = sys.stdin.readline()
        if not line:
            app.quit()
        elif line.strip() == "next":
            run_next()

    notifier.activated.connect(command)
    QTimer.singleShot(500, run_next)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
