"""The demo's medicines at home: capecitabine and tucatinib with the current line (a cycle
moved a week, a dose lowered, a few doses missed or skipped with why), loperamide as needed,
and the neratinib ramp with its loperamide plan after the early-stage treatment."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from companion.medicines import engine
from companion.store.models import (
    DoseLogEntry,
    MedicineDose,
    MedicineSchedule,
    TherapyLine,
)

# (days before today, time, status, reason) — the exceptions in an otherwise taken log.
CAPECITABINE_EXCEPTIONS = {
    (24, "08:00"): ("skipped", "side_effects"),
    (24, "20:00"): ("skipped", "side_effects"),
    (23, "08:00"): ("skipped", "told_to_stop"),
    (23, "20:00"): ("skipped", "told_to_stop"),
    (22, "08:00"): ("skipped", "told_to_stop"),
    (22, "20:00"): ("skipped", "told_to_stop"),
    (3, "20:00"): ("missed", None),
}
TUCATINIB_EXCEPTIONS = {
    (30, "20:00"): ("skipped", "forgot"),
    (10, "08:00"): ("late", None),
    (3, "20:00"): ("missed", None),
}


def add_demo_medicines(session: Session, today: date, current: TherapyLine) -> None:
    start = current.start_date
    capecitabine = MedicineSchedule(
        name="Capecitabine",
        library_id="capecitabine",
        line_id=current.id,
        pattern="cycle",
        times="08:00 20:00",
        cycle_length=21,
        first_day=1,
        last_day=14,
        start_date=start,
        logged_from=start,
        note="",
    )
    capecitabine.doses = [
        MedicineDose(start_date=start, amount=1500, unit="mg"),
        MedicineDose(
            start_date=today - timedelta(days=7),
            amount=1000,
            unit="mg",
            note="Lowered after hand-foot syndrome.",
        ),
    ]
    tucatinib = MedicineSchedule(
        name="Tucatinib",
        library_id="tucatinib",
        line_id=current.id,
        pattern="daily",
        times="08:00 20:00",
        start_date=start,
        logged_from=start,
        note="",
    )
    tucatinib.doses = [MedicineDose(start_date=start, amount=300, unit="mg")]
    loperamide = MedicineSchedule(
        name="Loperamide",
        pattern="as_needed",
        times="",
        min_interval_hours=2,
        daily_max=16,
        start_date=start,
        logged_from=start,
        note="4 mg at the first loose stool, then 2 mg after each one.",
    )
    loperamide.doses = [MedicineDose(start_date=start, amount=2, unit="mg")]
    session.add_all([capecitabine, tucatinib, loperamide])
    session.flush()

    treatment_days = [a.day for a in current.administrations if a.kind == "given"]
    for schedule, exceptions in (
        (capecitabine, CAPECITABINE_EXCEPTIONS),
        (tucatinib, TUCATINIB_EXCEPTIONS),
    ):
        plan = engine.Plan(
            pattern=schedule.pattern,
            start=start,
            times=engine.parse_times(schedule.times),
            cycle_length=schedule.cycle_length,
            first_day=schedule.first_day,
            last_day=schedule.last_day,
        )
        starts = (
            engine.cycle_starts(treatment_days, start, 21, today)
            if schedule.pattern == "cycle"
            else []
        )
        yesterday = today - timedelta(days=1)
        for day in engine.dose_days(plan, start, yesterday, starts):
            for slot in plan.times:
                text = slot.strftime("%H:%M")
                status, reason = exceptions.get(((today - day).days, text), ("taken", None))
                if status == "missed":
                    continue
                dose = [d for d in schedule.doses if d.start_date <= day][-1]
                late = status == "late"
                taken_at = datetime.combine(day, slot) + timedelta(minutes=150 if late else 10)
                session.add(
                    DoseLogEntry(
                        schedule_id=schedule.id,
                        day=day,
                        slot=text,
                        status=status,
                        reason=reason,
                        taken_at=None if status == "skipped" else taken_at,
                        amount=None if status == "skipped" else dose.amount,
                        unit=dose.unit,
                        note="",
                    )
                )
    for days_ago, hour, amount in ((26, 9, 4), (26, 13, 2), (25, 10, 4), (9, 15, 4)):
        day = today - timedelta(days=days_ago)
        session.add(
            DoseLogEntry(
                schedule_id=loperamide.id,
                day=day,
                slot="",
                status="taken",
                taken_at=datetime.combine(day, time(hour, 0)),
                amount=amount,
                unit="mg",
                note="",
            )
        )
    _early_neratinib(session)


def _early_neratinib(session: Session) -> None:
    """A year of extended adjuvant neratinib after the early-stage trastuzumab, ramped up over
    two weeks, with loperamide on a fixed plan for the first eight weeks (kept as schedules
    from before the app was used: logged_from is after the end, so nothing counts as missed)."""
    start = date(2021, 2, 8)
    end = start + timedelta(days=364)
    neratinib = MedicineSchedule(
        name="Neratinib",
        library_id="neratinib",
        note="Extended treatment after trastuzumab (early stage).",
        pattern="ramp",
        times="09:00",
        start_date=start,
        end_date=end,
        logged_from=end + timedelta(days=1),
    )
    neratinib.doses = [
        MedicineDose(start_date=start + timedelta(weeks=week), amount=amount, unit="mg")
        for week, amount in enumerate((120, 160, 240))
    ]
    plans = (
        ("08:00 14:00 20:00", start, start + timedelta(days=13)),
        ("08:00 20:00", start + timedelta(days=14), start + timedelta(days=55)),
    )
    fixed = []
    for times, begin, finish in plans:
        schedule = MedicineSchedule(
            name="Loperamide",
            pattern="daily",
            times=times,
            start_date=begin,
            end_date=finish,
            logged_from=finish + timedelta(days=1),
            note="Fixed plan with neratinib.",
        )
        schedule.doses = [MedicineDose(start_date=begin, amount=4, unit="mg")]
        fixed.append(schedule)
    session.add_all([neratinib, *fixed])
