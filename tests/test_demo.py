from __future__ import annotations

from datetime import timedelta
from itertools import pairwise
from pathlib import Path

from fixed_time import TODAY
from sqlalchemy import func, select

from companion.store import Store
from companion.store.models import Biopsy, CheckIn, TestResult, TherapyLine, Visit


def test_demo_profile_is_a_realistic_six_months(demo_dir: Path) -> None:
    store = Store.open(demo_dir)
    with store.session() as s:
        days = s.scalars(select(CheckIn.day)).all()
        assert len(days) > 150
        assert max(days) == TODAY - timedelta(days=1)  # today is left for the patient to do
        assert min(days) <= TODAY - timedelta(days=170)
        lines = s.scalars(select(TherapyLine).where(TherapyLine.setting == "metastatic")).all()
        assert len(lines) == 3
        assert any(line.end_date is None for line in lines)
        assert (
            s.scalar(
                select(func.count())
                .select_from(TestResult)
                .where(TestResult.lvef_percent.is_not(None))
            )
            >= 4
        )
        ers = [b.er for b in s.scalars(select(Biopsy).order_by(Biopsy.day))]
        assert ers[0] != ers[-1]  # receptor status changed on re-biopsy
        starts = s.scalars(select(Visit.starts_at)).all()
        assert any(d.date() < TODAY for d in starts)
        assert any(d.date() > TODAY for d in starts)
    store.close()


def test_demo_flag_never_touches_the_real_profile(monkeypatch, tmp_path: Path) -> None:
    import companion.app
    from companion.cli import main

    real = tmp_path / "real"
    monkeypatch.setenv("COMPANION_DATA_DIR", str(real))
    opened: list[Path] = []
    monkeypatch.setattr(companion.app, "run_gui", lambda d, **_options: opened.append(d) or 0)
    assert main(["--demo"]) == 0
    assert len(opened) == 1
    assert real not in opened[0].parents and not real.exists()
    assert not opened[0].exists()  # the throwaway folder is gone afterwards


def test_demo_has_short_dailies_weekly_pro_ctcae_and_a_worse_week(demo_dir: Path) -> None:
    from companion.services import Services

    services = Services.open(demo_dir)
    try:
        plan = services.symptoms.plan
        states = services.symptoms.history.day_states()
        finished = [s for s in states if s.daily_done]
        assert len(finished) > 150
        assert {s.compared_with_yesterday for s in finished} == {"better", "same", "worse"}
        weeks = plan.weeks(TODAY)
        assert len(weeks) >= 18
        assert all((b.day - a.day).days == 7 for a, b in pairwise(weeks))
        assert plan.line_start(TODAY) in {w.day for w in weeks}  # the line's first week
        assert plan.worse_line(plan.worse_this_week(TODAY)) == (
            "Worse this week: diarrhea (frequency 1 → 3)"
        )
        assert plan.weekly_due(TODAY, plan.default_weekday(TODAY))
        assert not services.symptoms.day_state(TODAY).daily_done
    finally:
        services.close()
