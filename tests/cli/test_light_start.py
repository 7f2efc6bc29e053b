"""The window's first paint waits for no ORM: Today shows the day's check-in, read with plain
SQL, before SQLAlchemy has loaded; the ORM loads after it. The cyclic garbage collector is
paused for the start and resumed once the window is painted.

The app runs in a fresh interpreter (this test process has loaded everything), started as
`companion` starts it, and reports what it shows at its first paint.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from companion.services import Services

AT_FIRST_PAINT = """
import gc
import sys
from datetime import datetime
from pathlib import Path
from PySide6.QtCore import QEvent
from companion import app
from companion.clock import FixedClock, set_default_clock

set_default_clock(FixedClock(datetime.fromisoformat(sys.argv[2])))  # the test's day

shown = {}
original = app.FirstPaintReporter.eventFilter

def spy(self, watched, event):
    if event.type() == QEvent.Type.Paint and not shown:
        form = watched.checkin
        shown["orm"] = "sqlalchemy" in sys.modules
        shown["collector"] = gc.isenabled()
        shown["answers"] = {key: row.value() for key, row in form.rows.items()}
        print("AT-FIRST-PAINT", shown, flush=True)
    return original(self, watched, event)

app.FirstPaintReporter.eventFilter = spy
from companion.cli import main  # as the `companion` command starts
main(["--data-dir", sys.argv[1]])
print("AFTER", "sqlalchemy" in sys.modules, gc.isenabled(), flush=True)
"""


def first_paint_report(profile: Path, now: datetime) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COMPANION_EXIT_AFTER_FIRST_PAINT="1")
    done = subprocess.run(
        [sys.executable, "-c", AT_FIRST_PAINT, str(profile), now.isoformat()],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return [line for line in done.stdout.splitlines() if line.startswith(("AT-", "AFTER"))]


def test_today_paints_with_the_checkin_before_sqlalchemy_loads(tmp_path: Path) -> None:
    services = Services.open(tmp_path / "profile")
    today = services.clock.today()
    services.symptoms.set_pinned("nausea", True)
    services.symptoms.set_answer(today, "nausea", "severity", 3)
    services.close()

    report = first_paint_report(tmp_path / "profile", services.clock.now())

    assert report[0].startswith("AT-FIRST-PAINT")
    assert "'orm': False" in report[0]  # nothing had imported SQLAlchemy
    assert "'collector': False" in report[0]
    assert "('nausea', 'severity'): 3" in report[0]  # today's answer is on screen
    assert report[-1] == "AFTER True True"  # the ORM loads once the window is up


SAVE_BEFORE_THE_ORM = """
import sys
from datetime import datetime
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from companion.app import build_main_window
from companion.clock import FixedClock, set_default_clock

set_default_clock(FixedClock(datetime.fromisoformat(sys.argv[2])))
window = build_main_window(Path(sys.argv[1]))
window.show()
window.show_page("symptoms")  # the log, its filters and sort read with plain SQL too
print("ORM-BEFORE", "sqlalchemy" in sys.modules, window.page("symptoms").model.rowCount())
window.show_page("today")
form = window.page("today").checkin
QTest.mouseClick(form.rows[("nausea", "severity")].buttons[2], Qt.MouseButton.LeftButton)
state = window.services.symptoms.day_state(window.services.clock.today())
print("SAVED", state.values(), form.status.text())
window.close()
"""


def test_an_answer_given_before_the_orm_has_loaded_is_saved(tmp_path: Path) -> None:
    services = Services.open(tmp_path / "profile")
    services.symptoms.set_pinned("nausea", True)
    now = services.clock.now()
    services.symptoms.set_answer(
        services.clock.today() - timedelta(days=1), "fatigue", "severity", 1
    )
    services.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", SAVE_BEFORE_THE_ORM, str(tmp_path / "profile"), now.isoformat()],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    lines = [x for x in done.stdout.splitlines() if x.startswith(("ORM-", "SAVED"))]
    assert lines[0] == "ORM-BEFORE False 1"  # the log's one answer; the save loads the ORM
    assert "('nausea', 'severity'): 2" in lines[1] and "Saved" in lines[1]
