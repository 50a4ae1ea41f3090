"""Alembic migrations, applied automatically when a store opens.

The Alembic environment lives in ``core/store/migrations``; there is no ``alembic.ini``: the
configuration is built here so that the migrations ship inside the package and run from any
working directory.

Alembic itself (with its template engine) takes a good part of a start to import, and almost
every start finds the database at head already: :func:`is_at_head` tells that from the version
table and the migration files alone, and Alembic is imported only to migrate (or to answer
:func:`head_revision` and :func:`current_revision`).
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from core.store.engine import Store

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
#: The names a migration file declares itself by.
_HEADER = {"revision", "down_revision", "branch_labels", "depends_on"}
#: Alembic's table of the revision a database is at (its default name; env.py keeps it).
VERSION_TABLE = "alembic_version"


def alembic_config(store: Store) -> Config:
    """An Alembic :class:`Config` bound to ``store``'s engine."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = store.engine
    return config


def head_revision() -> str:
    """The newest revision shipped with this version of the code."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    head = script.get_current_head()
    assert head is not None
    return head


@cache
def shipped_head() -> str | None:
    """:func:`head_revision` read from the migration files without Alembic; ``None`` when not sure.

    Each file's ``revision`` and ``down_revision`` are read as literals; the head is the one
    revision no other revises. Anything else (a file whose revision is not a plain literal,
    branch labels, dependencies, several heads) gives ``None``, and Alembic decides.
    """
    revisions: set[str] = set()
    revised: set[str] = set()
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        except (OSError, SyntaxError, ValueError):
            return None
        values: dict[str, object] = {}
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                target, value = node.target, node.value
            else:
                continue
            if isinstance(target, ast.Name) and target.id in _HEADER:
                try:
                    values[target.id] = ast.literal_eval(value)
                except ValueError:
                    return None
        if values.get("branch_labels") or values.get("depends_on"):
            return None
        revision, down = values.get("revision"), values.get("down_revision", ())
        if not isinstance(revision, str):
            return None
        revisions.add(revision)
        if isinstance(down, str):
            revised.add(down)
        elif isinstance(down, tuple | list) and all(isinstance(each, str) for each in down):
            revised.update(down)
        elif down is not None:
            return None
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 else None


def is_at_head(store: Store) -> bool:
    """Whether ``store`` is at :func:`shipped_head` (read with plain SQL); ``False`` when not sure."""
    head = shipped_head()
    if head is None:
        return False
    with store.engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return False
        stamped = [row[0] for row in conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))]
    return stamped == [head]


def current_revision(store: Store) -> str | None:
    """The revision the database is at (``None`` for an empty database)."""
    from alembic.runtime.migration import MigrationContext

    with store.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(store: Store, revision: str = "head") -> None:
    """Migrate ``store`` up to ``revision``; a no-op when already there."""
    if revision == "head" and is_at_head(store):
        return
    from alembic import command

    command.upgrade(alembic_config(store), revision)


def downgrade(store: Store, revision: str) -> None:
    """Migrate ``store`` down to ``revision`` (``base`` empties it)."""
    from alembic import command

    command.downgrade(alembic_config(store), revision)
