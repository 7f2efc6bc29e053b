"""The label plans the schedules show: from the library sources, each one cited."""

from __future__ import annotations

from pathlib import Path

from companion.library.service import LibraryService
from companion.library.sources import load_entries
from companion.library.validate import validate
from companion.medicines.label import food_instruction


def test_the_shipped_library_carries_the_label_plans() -> None:
    library = LibraryService()
    try:
        plans = {e.id: e.label_plan for e in library.drugs() if e.label_plan is not None}
        sources = library.sources()
    finally:
        library.close()
    assert {"capecitabine", "tucatinib", "neratinib", "lapatinib"} <= set(plans)
    cape = plans["capecitabine"]
    assert (cape.food, cape.times_per_day, cape.days_on, cape.cycle_days) == (
        "after_meal",
        2,
        14,
        21,
    )
    assert plans["lapatinib"].food == "empty_stomach"  # type: ignore[union-attr]
    for plan in plans.values():
        assert plan is not None and food_instruction(plan.food)
        assert all(sources[tag].url.startswith("https://api.fda.gov/") for tag in plan.sources)


def test_a_label_plan_outside_the_vocabulary_is_refused(tmp_path: Path) -> None:
    import shutil

    from companion.library.sources import source_root

    root = tmp_path / "library"
    shutil.copytree(str(source_root()), root)
    drug = root / "drugs" / "tucatinib.toml"
    drug.write_text(
        drug.read_text(encoding="utf-8").replace('food = "with_or_without"', 'food = "at night"'),
        encoding="utf-8",
    )
    problems = validate(root)
    assert any("unknown food rule 'at night'" in p for p in problems), problems
    assert load_entries(root)  # the rest still loads
