"""Nothing leaves the machine: no network socket for the window or any command.

An audit hook (sys.addaudithook) records every socket the Python side creates or connects
while each verb runs and the window shows every page; strace watches a real app process
for sockets made by Qt's own C++ code. Local sockets (AF_UNIX: the window's single-instance
beacon, D-Bus) are allowed; internet sockets (AF_INET, AF_INET6) are not.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from companion.cli import main

NETWORK_FAMILIES = {socket.AF_INET, socket.AF_INET6}
_recording: list[list[tuple[str, object]]] = []


def _hook(event: str, args: tuple[object, ...]) -> None:
    if not _recording or not event.startswith("socket."):
        return
    if event == "socket.__new__":
        family = args[1] if len(args) > 1 else None
        if family in NETWORK_FAMILIES or family == -1:  # -1: the default, AF_INET
            _recording[-1].append((event, family))
    elif event == "socket.getaddrinfo":  # a name lookup is already a network request
        _recording[-1].append((event, args[0]))
    elif event in ("socket.connect", "socket.bind", "socket.sendto"):
        address = args[1] if len(args) > 1 else None
        if not isinstance(address, str | bytes):  # a local socket's address is a path
            _recording[-1].append((event, address))


sys.addaudithook(_hook)


class Recording:
    def __enter__(self) -> list[tuple[str, object]]:
        _recording.append([])
        return _recording[-1]

    def __exit__(self, *_exc: object) -> None:
        _recording.pop()


def test_the_hook_sees_a_socket() -> None:
    """The test can fail: a real internet socket is recorded."""
    with Recording() as seen:
        probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        probe.close()
    assert seen


VERBS = [
    ["check"],
    ["backup"],
    ["backup", "--list"],
    ["export", "symptoms", "-o", "{tmp}/s.csv"],
    ["export", "symptoms", "--format", "pdf", "-o", "{tmp}/s.pdf"],
    ["export", "record", "-o", "{tmp}/r.json"],
    ["export", "record", "--format", "pdf", "-o", "{tmp}/r.pdf"],
    ["export", "visits", "-o", "{tmp}/v.ics"],
    ["export", "questions", "--visit", "next", "-o", "{tmp}/q.pdf"],
    ["export", "brief", "--visit", "next", "-o", "{tmp}/b.pdf"],
    ["import", "symptoms", "{tmp}/s.csv"],
    ["restore", "{backup}"],
    ["library", "search", "trastuzumab"],
    ["library", "info"],
    ["demo", "--into", "{tmp}/fresh"],
]


def test_no_verb_opens_a_network_socket(demo_dir: Path, tmp_path: Path, capsys, qapp) -> None:
    backup = tmp_path / "b.sqlite"
    assert main(["--data-dir", str(demo_dir), "backup", "-o", str(backup)]) == 0
    for verb in VERBS:
        argv = [a.format(tmp=tmp_path, backup=backup) for a in verb]
        with Recording() as seen:
            try:
                status = main(["--data-dir", str(demo_dir), *argv])
            except SystemExit as exc:
                status = int(exc.code or 0)
        assert seen == [], argv
        assert status == 0, (argv, capsys.readouterr().err)


def test_the_window_opens_no_network_socket(demo_window, qtbot) -> None:
    with Recording() as seen:
        for page in demo_window.pages:
            demo_window.show_page(page.page_id)
            qtbot.wait(10)
    assert seen == []


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
def test_the_running_app_makes_no_internet_socket(demo_dir: Path, tmp_path: Path) -> None:
    """Qt's C++ side included: every socket() call of a real app process is traced."""
    trace = tmp_path / "trace.txt"
    code = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from companion.app import build_main_window, keep_daily_backups\n"
        "from companion.ui.single_window import WindowBeacon\n"
        "window = build_main_window(sys.argv[1])\n"
        "window.show()\n"
        "WindowBeacon(window.services.store.paths.root, window)\n"
        "keep_daily_backups(window)\n"
        "for i, page in enumerate(window.pages):\n"
        "    QTimer.singleShot(200 * i, lambda p=page: window.show_page(p.page_id))\n"
        "QTimer.singleShot(200 * len(window.pages) + 4000, window.close)\n"
        "from PySide6.QtWidgets import QApplication\n"
        "QApplication.instance().exec()\n"
    )
    subprocess.run(
        [
            "strace",
            "-f",
            "-qq",
            "-e",
            "trace=socket,connect",
            "-o",
            str(trace),
            sys.executable,
            "-c",
            code,
            str(demo_dir),
        ],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=180,
        check=True,
        capture_output=True,
    )
    calls = trace.read_text()
    assert "socket(" in calls  # the trace works: the local beacon made one
    internet = [line for line in calls.splitlines() if re.search(r"AF_INET6?\b", line)]
    assert internet == []
    assert list((demo_dir / "backups").glob("daily-*.sqlite"))  # the run really went on
