"""Alembic migrations, applied automatically when a store opens.

The Alembic environment lives in ``core/store/migrations``; there is no ``alembic.ini``: the
configuration is built here so that the migrations ship inside the package and run from any
working directory.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from core.store.engine import Store

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(store: Store) -> Config:
    """An Alembic :class:`Config` bound to ``store``'s engine."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = store.engine
    return config


def head_revision() -> str:
    """The newest revision shipped with this version of the code."""
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(store: Store) -> str | None:
    """The revision the database is at (``None`` for an empty database)."""
    with store.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(store: Store, revision: str = "head") -> None:
    """Migrate ``store`` up to ``revision``; a no-op when already there."""
    if revision == "head" and current_revision(store) == head_revision():
        return
    command.upgrade(alembic_config(store), revision)


def downgrade(store: Store, revision: str) -> None:
    """Migrate ``store`` down to ``revision`` (``base`` empties it)."""
    command.downgrade(alembic_config(store), revision)
