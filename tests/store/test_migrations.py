"""Released profiles must open in this version without losing anything.

tests/fixtures/profile-<revision>.sqlite is a profile frozen at a released schema revision
(see tests/fixtures/README.md). Every such file is opened the way the app opens a profile and
checked against itself; a schema change that is not a new Alembic revision fails here.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from companion.services import Services
from companion.store import Store
from companion.store.backup import integrity_problems
from companion.store.engine import make_engine
from companion.store.migrate import alembic_config, current_revision, head_revision, upgrade
from companion.store.models import Base

FIXTURES = Path(__file__).parents[1] / "fixtures"
RELEASED = sorted(FIXTURES.glob("profile-*.sqlite"))


def _read_only(database: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{database}?mode=ro", uri=True)


def _tables(database: Path) -> list[str]:
    with _read_only(database) as db:
        rows = db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        return sorted(name for (name,) in rows)


def _row_counts(database: Path) -> dict[str, int]:
    with _read_only(database) as db:
        return {
            table: db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in _tables(database)
            if table != "alembic_version"
        }


def _revision(database: Path) -> str:
    with _read_only(database) as db:
        return db.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def _copy_to_profile(fixture: Path, folder: Path) -> Path:
    folder.mkdir(mode=0o700)
    shutil.copyfile(fixture, folder / "profile.sqlite")
    return folder


def test_there_is_a_released_profile_to_migrate() -> None:
    assert FIXTURES / "profile-0001.sqlite" in RELEASED


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda path: path.stem)
def test_a_released_profile_migrates_to_head_without_loss(fixture: Path, tmp_path: Path) -> None:
    revision = _revision(fixture)
    assert fixture.stem == f"profile-{revision}", "a fixture is named after its revision"
    before = _row_counts(fixture)
    assert all(before.values()), f"the fixture should have rows in every table: {before}"
    folder = _copy_to_profile(fixture, tmp_path / "profile")

    store = Store.open(folder)
    reached = current_revision(store.engine)
    store.close()

    assert reached == head_revision()
    database = folder / "profile.sqlite"
    after = _row_counts(database)
    assert {table: after.get(table) for table in before} == before
    assert integrity_problems(database) == []

    backups = sorted((folder / "backups").glob("before-upgrade-*.sqlite"))
    if revision == head_revision():
        assert backups == []  # nothing to migrate, so the profile is left as it was
    else:
        assert [b.name.startswith(f"before-upgrade-{revision}-") for b in backups] == [True]
        assert _revision(backups[0]) == revision
        assert _row_counts(backups[0]) == before


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda path: path.stem)
def test_models_match_a_migrated_released_profile(fixture: Path, tmp_path: Path) -> None:
    """Like `alembic check`: migrations only, no ORM query, so the diff itself is reported."""
    database = tmp_path / "profile.sqlite"
    shutil.copyfile(fixture, database)
    engine = make_engine(database)
    try:
        upgrade(engine)
        with engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        engine.dispose()
    # Empty means the models and the migrated database agree: a model change that came
    # without a new revision (a column, table, index, type or nullability) shows up here.
    assert diff == [], f"models differ from the migrated schema; add an Alembic revision: {diff}"


@pytest.fixture
def migrated_0001(tmp_path: Path) -> Iterator[Services]:
    folder = _copy_to_profile(FIXTURES / "profile-0001.sqlite", tmp_path / "profile")
    services = Services.open(folder)
    yield services
    services.close()


def test_the_patients_record_survives_from_0001(migrated_0001: Services) -> None:
    services = migrated_0001
    profile = services.profile.get()
    assert (profile.name, profile.care_team_phone) == ("Maria Example", "+1 555 0100 200")
    lines = services.treatments.lines.lines()
    assert [(line.setting, line.number, line.regimen) for line in lines] == [
        ("early", 1, "TCHP then trastuzumab"),
        ("metastatic", 1, "THP"),
        ("metastatic", 2, "Trastuzumab deruxtecan"),
    ]
    assert lines[-1].end_date is None
    lvef = services.treatments.scans.lvef()
    assert lvef.baseline == (date(2025, 2, 18), 63.0)
    assert lvef.points[-1] == (date(2026, 10, 5), 55.0)
    answers = {
        question.text: question.answer
        for visit in services.visits.all()
        for question in services.visits.questions(visit.id)
    }
    assert (
        answers["Is the nausea after each dose something we can treat better?"]
        == "Try the anti-sickness tablet before meals for 3 days after each dose."
    )
    assert services.visit_suggestions.handled_keys() == {"severe:nausea:2026-11-07"}
    assert services.symptoms.pinned() == ["numbness_tingling"]


def test_every_revision_upgrades_downgrades_and_upgrades_again(tmp_path: Path) -> None:
    """The stairway: each revision's downgrade undoes its upgrade, one step at a time."""
    engine = make_engine(tmp_path / "profile.sqlite")
    config = alembic_config(engine)
    scripts = ScriptDirectory.from_config(config)
    try:
        for script in reversed(list(scripts.walk_revisions("base", "heads"))):
            command.upgrade(config, script.revision)
            command.downgrade(config, "-1")
            assert current_revision(engine) == script.down_revision
            command.upgrade(config, script.revision)
        assert current_revision(engine) == head_revision()
        command.downgrade(config, "base")
        assert current_revision(engine) is None
        engine.dispose()
        assert _tables(tmp_path / "profile.sqlite") == ["alembic_version"]
        command.upgrade(config, "head")
        with engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert diff == []
    finally:
        engine.dispose()


def test_answers_from_0001_migrate_with_their_recall_period(migrated_0001: Services) -> None:
    """Every symptom answer of schema 0001 came from the daily check-in ("today"): recall 1.
    Every ESAS-r answer is ESAS-r's own "now" form: recall 0. Nothing was finished yet."""
    with _read_only(FIXTURES / "profile-0001.sqlite") as db:
        answers_before = db.execute("SELECT count(*) FROM symptom_answer").fetchone()[0]
        esas_before = db.execute("SELECT count(*) FROM esas_answer").fetchone()[0]
    with migrated_0001.store.session() as session:
        recalls = session.execute(
            text("SELECT recall_days, count(*) FROM symptom_answer GROUP BY recall_days")
        ).all()
        esas_recalls = session.execute(
            text("SELECT recall_days, count(*) FROM esas_answer GROUP BY recall_days")
        ).all()
        finished = session.execute(
            text(
                "SELECT count(*) FROM checkin WHERE daily_done_at IS NOT NULL"
                " OR compared_with_yesterday IS NOT NULL"
            )
        ).scalar()
    assert answers_before > 0 and esas_before > 0
    assert recalls == [(1, answers_before)]
    assert esas_recalls == [(0, esas_before)]
    assert finished == 0
    states = migrated_0001.symptoms.history.day_states()
    assert all(a.recall_days == 1 for s in states for a in s.answers)
    assert sum(len(s.values()) for s in states) == answers_before
    assert not any(s.weekly_values() for s in states)
