"""Today's doses, answered with keys only: T taken, L taken late, S then F/E/C/O skipped with
a reason; a second "taken" asks first; Ctrl+Z takes an answer back. A reminder fires at the
dose time with an injected clock, repeats until answered or snoozed, and keeps quiet hours."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from companion.medicines.model import ScheduleInput
from companion.services import Services
from companion.ui.medicines.dose_card import DosesCard
from companion.ui.medicines.reminders import DoseReminders

TODAY = date(2026, 3, 10)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _schedules(services: Services) -> None:
    schedules = services.treatments.schedules
    schedules.add(
        ScheduleInput(
            "Capecitabine",
            "cycle",
            1500.0,
            "mg",
            "08:00 20:00",
            date(2026, 3, 2),
            library_id="capecitabine",
            cycle_length=21,
            first_day=1,
            last_day=14,
        ),
        TODAY,
    )
    schedules.add(
        ScheduleInput(
            "Tucatinib",
            "daily",
            300.0,
            "mg",
            "08:00 20:00",
            date(2026, 3, 2),
            library_id="tucatinib",
        ),
        TODAY,
    )
    schedules.add(
        ScheduleInput("Loperamide", "as_needed", 4.0, "mg", start_date=TODAY, daily_max=16.0),
        TODAY,
    )


def test_doses_are_marked_with_keys_only(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    _schedules(services)
    clock = Clock(datetime.combine(TODAY, time(8, 40)))
    asked: list[str] = []
    answers = [False, True]

    def confirm(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    undo = QUndoStack()
    card = DosesCard(services.treatments.schedules, clock, undo, confirm)
    qtbot.addWidget(card)
    card.show()
    card.activateWindow()
    qtbot.waitUntil(card.isActiveWindow)
    card.refresh()
    assert card.summary.text() == "Due now: 2 · Later today: 2"
    rows = {(r.item.schedule.name, r.item.dose.slot_text): r for r in card.rows}
    assert rows[("Capecitabine", "08:00")].instruction.text() == (
        "Take within 30 minutes after a meal"
    )
    assert rows[("Capecitabine", "08:00")].title.text() == "08:00 Capecitabine, 1500 mg"

    card.rows[0].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is card.rows[0])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_T)  # Capecitabine 08:00: taken
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # to the next dose
    assert QApplication.focusWidget() is card.rows[1]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L)  # Tucatinib 08:00: taken late
    log = services.treatments.schedules.log()
    assert [(e.slot, e.status) for e in log] == [("08:00", "taken"), ("08:00", "late")]
    assert card.summary.text() == "Due now: 0 · Later today: 2"

    # "Taken" again for the first dose asks; No records nothing, Yes records it.
    card.rows[0].setFocus()
    qtbot.keyClick(card.rows[0], Qt.Key.Key_T)
    assert len(services.treatments.schedules.log()) == 2
    qtbot.keyClick(card.rows[0], Qt.Key.Key_T)
    assert len(asked) == 2 and "already recorded as taken" in asked[0]
    assert len(services.treatments.schedules.log()) == 3
    assert "recorded twice" in card.rows[0].state.text()

    # The evening dose: S, then E for side effects.
    evening = next(r for r in card.rows if r.item.key[2] == "20:00")
    evening.setFocus()
    qtbot.keyClick(evening, Qt.Key.Key_S)
    assert evening.reasons.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E)
    skipped = [e for e in services.treatments.schedules.log() if e.status == "skipped"]
    assert [(e.slot, e.reason) for e in skipped] == [("20:00", "side_effects")]

    # Ctrl+Z (the window's undo) takes the skip back.
    undo.undo()
    assert not [e for e in services.treatments.schedules.log() if e.status == "skipped"]
    undo.redo()
    assert [e.reason for e in services.treatments.schedules.log() if e.status == "skipped"] == [
        "side_effects"
    ]


def test_as_needed_over_the_daily_maximum_warns_plainly(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    _schedules(services)
    clock = Clock(datetime.combine(TODAY, time(6, 0)))
    asked: list[str] = []

    def refuse(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return False

    card = DosesCard(services.treatments.schedules, clock, None, refuse)
    qtbot.addWidget(card)
    card.refresh()
    for hour in (6, 9, 12, 15):
        clock.now = datetime.combine(TODAY, time(hour, 0))
        row = card.as_needed_rows[0]
        row.setFocus()
        qtbot.keyClick(row, Qt.Key.Key_T)
    assert asked == []
    assert card.as_needed_rows[0].limits.text() == "Today: 16 mg, at most 16 mg a day"
    clock.now = datetime.combine(TODAY, time(18, 0))
    qtbot.keyClick(card.as_needed_rows[0], Qt.Key.Key_T)
    assert asked and "would make 20 mg today" in asked[0] and "16 mg a day" in asked[0]
    assert len(services.treatments.schedules.log()) == 4  # refused: nothing recorded


def test_a_reminder_fires_at_the_dose_time_and_repeats_until_answered(
    qtbot,
    services: Services,
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    _schedules(services)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("reminders/repeat_minutes", 10)
    clock = Clock(datetime.combine(TODAY, time(7, 59)))
    reminders = DoseReminders(services.treatments.schedules, clock, settings, use_tray=False)
    host = QWidget()  # the bar sits on Today in the app
    QVBoxLayout(host).addWidget(reminders.bar)
    qtbot.addWidget(host)
    host.show()
    fired: list[str] = []
    reminders.reminded.connect(fired.append)
    assert reminders.check() == []
    clock.now = datetime.combine(TODAY, time(8, 0))
    due = reminders.check()
    assert [(i.schedule.name, i.dose.slot_text) for i in due] == [
        ("Capecitabine", "08:00"),
        ("Tucatinib", "08:00"),
    ]
    assert "08:00: Capecitabine, 1500 mg (Take within 30 minutes after a meal)" in fired[0]
    assert not reminders.bar.isHidden()
    clock.now += timedelta(minutes=5)
    assert reminders.check() == []  # not again so soon
    clock.now += timedelta(minutes=5)
    assert len(reminders.check()) == 2  # repeated after 10 minutes
    reminders.snooze()
    assert reminders.bar.isHidden()
    clock.now += timedelta(minutes=14)
    assert reminders.check() == []  # snoozed for 15 minutes
    services.treatments.schedules.record(due[0].schedule.id, TODAY, "08:00", "taken", clock.now)
    clock.now += timedelta(minutes=2)
    assert [i.schedule.name for i in reminders.check()] == ["Tucatinib"]  # only the open one
    reminders.stop()


def test_quiet_hours_hold_reminders_back(qtbot, services: Services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    schedules = services.treatments.schedules
    schedules.add(ScheduleInput("Letrozole", "daily", 2.5, "mg", "22:30", TODAY), TODAY)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("reminders/quiet", "true")
    settings.setValue("reminders/quiet_start", "22:00")
    settings.setValue("reminders/quiet_end", "07:00")
    clock = Clock(datetime.combine(TODAY, time(22, 30)))
    reminders = DoseReminders(schedules, clock, settings, use_tray=False)
    assert reminders.check() == []
    settings.setValue("reminders/quiet", "false")
    assert [i.schedule.name for i in reminders.check()] == ["Letrozole"]
    reminders.stop()
