"""The patient's own database: engine, sessions, models, migrations, backups, checks."""

from companion.store.database import Store

__all__ = ["Store"]
