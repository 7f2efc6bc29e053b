from __future__ import annotations

from datetime import timedelta
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
        assert max(days) == TODAY
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
