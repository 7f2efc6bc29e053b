"""The collector pause around bulk work (exports, imports): off while any job runs, back
on when the last one ends, left off if it was off before."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

from companion import collector


def test_overlapping_jobs_turn_the_collector_back_on_only_at_the_end() -> None:
    assert gc.isenabled()
    first_inside, release = threading.Event(), threading.Event()
    seen: list[bool] = []

    def long_job() -> None:
        with collector.paused():
            first_inside.set()
            release.wait(10)
            seen.append(gc.isenabled())

    worker = threading.Thread(target=long_job)
    worker.start()
    assert first_inside.wait(10)
    with collector.paused():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other job still runs
    release.set()
    worker.join(10)
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_export_and_an_import_run_without_the_collector(tmp_path: Path, monkeypatch) -> None:
    from companion.reports import symptom_csv_export, symptom_csv_import
    from companion.services import Services

    seen: dict[str, bool] = {}

    def watch(module: object, name: str) -> None:
        real = getattr(module, name)

        def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
            seen[name] = gc.isenabled()
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, watched)

    watch(symptom_csv_export, "write_rows")  # inside write_csv
    watch(symptom_csv_import, "_decode")  # inside parse_csv
    services = Services.open(tmp_path / "profile")
    try:
        watch(services.symptoms, "merge_days")  # inside import_parsed
        day = services.symptoms.clock.today()
        services.symptoms.set_answer(day, "fatigue", "severity", 2)
        target = tmp_path / "log.csv"
        assert symptom_csv_export.write_csv(services.symptoms, target) == 1
        services.symptoms.delete_day(day)
        assert symptom_csv_import.import_csv(services.symptoms, target).added == 1
    finally:
        services.close()
    assert seen == {"write_rows": False, "_decode": False, "merge_days": False}
    assert gc.isenabled()
