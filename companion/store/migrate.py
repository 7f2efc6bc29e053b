"""Alembic migrations, applied at start after a backup; newer profiles are refused."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from companion.errors import SchemaTooNewError


def alembic_config(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("companion.store") / "migrations")
    )
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def known_revisions() -> set[str]:
    return {
        script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    }


def refuse_unknown(revision: str) -> None:
    """A revision this version does not know comes from a newer version of the app."""
    if revision not in known_revisions():
        raise SchemaTooNewError(
            "This profile was saved by a newer version of HER2 Companion. "
            "Please install the newer version to open it; nothing was changed."
        )


def needs_upgrade(engine: Engine) -> bool:
    current = current_revision(engine)
    if current is not None:
        refuse_unknown(current)
    return current != head_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to revision (the newest by default), in one transaction."""
    command.upgrade(alembic_config(engine), revision)
