"""The reader side of the AT-SPI test: run with Debian's /usr/bin/python3 (python3-pyatspi)
inside a private `dbus-run-session`.

Starts Xvfb and the app driver (driver.py, in the project's Python, with
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1), then at each step walks the app's accessibility tree
from this other process, as a screen reader would, and reports problems as one JSON line:
an unnamed control, a red-flag step without an alert, a status text no label is named by.

usage: session.py APP_PYTHON DRIVER PROFILE_DIR
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pyatspi

CONTROLS = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_PAGE_TAB,
    pyatspi.ROLE_PAGE_TAB_LIST,
    pyatspi.ROLE_LIST,
    pyatspi.ROLE_TABLE,
    pyatspi.ROLE_TREE_TABLE,
    pyatspi.ROLE_TREE,
    pyatspi.ROLE_TEXT,
    pyatspi.ROLE_DATE_EDITOR,
    pyatspi.ROLE_CHART,
    pyatspi.ROLE_IMAGE,
    pyatspi.ROLE_ALERT,
    pyatspi.ROLE_GROUPING,
}
# Their children are items, cells or a popup: long, and not controls of their own.
LEAVES = {
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_LIST,
    pyatspi.ROLE_TABLE,
    pyatspi.ROLE_TREE_TABLE,
    pyatspi.ROLE_TREE,
    pyatspi.ROLE_MENU_BAR,
    pyatspi.ROLE_SCROLL_BAR,
}


SCREEN = ("-screen", "0", "1366x768x24", "-nolisten", "tcp")


def showing(node: pyatspi.Accessible) -> bool:
    states = node.getState()
    return states.contains(pyatspi.STATE_SHOWING) and states.contains(pyatspi.STATE_VISIBLE)


def walk(node: pyatspi.Accessible, path: str, found: list[tuple[str, int, str]]) -> None:
    try:
        role = node.getRole()
        name = node.name or ""
        count = node.childCount
    except Exception:  # an object that went away while we looked
        return
    if not showing(node):
        return
    found.append((path, role, name))
    if role in LEAVES:
        return
    for index in range(count):
        try:
            child = node.getChildAtIndex(index)
        except Exception:
            continue
        if child is not None:
            walk(child, f"{path}/{child.getRoleName()}[{index}]", found)


def find_app(pid: int, deadline: float) -> pyatspi.Accessible:
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:
                continue
        time.sleep(0.2)
    raise SystemExit("the app never appeared on the accessibility bus")


def check(app: pyatspi.Accessible, step: dict[str, object]) -> list[str]:
    found: list[tuple[str, int, str]] = []
    for index in range(app.childCount):
        window = app.getChildAtIndex(index)
        if window is not None:
            walk(window, f"{window.getRoleName()}[{index}]", found)
    problems = [
        f"unnamed {role_name(role)}: {path}"
        for path, role, name in found
        if role in CONTROLS and not name.strip()
    ]
    if step.get("alert") and not any(
        role == pyatspi.ROLE_ALERT and name for _p, role, name in found
    ):
        problems.append("a red flag is shown but no object has the alert role")
    names = {name for _p, _r, name in found}
    for text in step.get("labels", []):  # type: ignore[union-attr]
        if text and text not in names:
            problems.append(f"no label is named by its text {text!r}")
    if step.get("dialog") and not any(r == pyatspi.ROLE_DIALOG for _p, r, _n in found):
        problems.append("the dialog is not on the accessibility bus")
    if sum(1 for _p, role, _n in found if role in CONTROLS) < 5:
        problems.append(f"only {len(found)} objects showing: the tree was not read")
    if os.environ.get("ATSPI_DUMP"):
        for path, role, name in found:
            print(f"{step['step']}: {role_name(role)} {name!r} {path}", file=sys.stderr)
    return problems


def role_name(role: int) -> str:
    return str(pyatspi.Role(role)).replace("ROLE_", "").lower()


def main() -> int:
    app_python, driver, profile = sys.argv[1:4]
    display_read, display_write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(display_write), *SCREEN],
        pass_fds=(display_write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(display_write)
    display = os.read(display_read, 16).decode().strip()
    env = dict(
        os.environ,
        DISPLAY=f":{display}",
        QT_QPA_PLATFORM="xcb",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        QT_ACCESSIBILITY="1",
    )
    os.environ["DISPLAY"] = env["DISPLAY"]
    app_process = subprocess.Popen(
        [app_python, driver, profile],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    report: dict[str, list[str]] = {}
    try:
        assert app_process.stdout is not None and app_process.stdin is not None
        app = None
        for line in app_process.stdout:
            step = json.loads(line)
            if step.get("done"):
                break
            if app is None:
                app = find_app(app_process.pid, time.time() + 30)
            report[str(step["step"])] = check(app, step)
            app_process.stdin.write("next\n")
            app_process.stdin.flush()
    finally:
        app_process.terminate()
        try:
            app_process.wait(10)
        except subprocess.TimeoutExpired:
            app_process.kill()
        xvfb.terminate()
        xvfb.wait(10)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
