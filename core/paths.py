"""Where Communiqué keeps its state.

``COMMUNIQUE_HOME`` moves everything (database, language packs, logs) to one folder; without
it the platform's user data directory is used. ``COMMUNIQUE_DB`` (or ``--db``, or
``database_url`` in the settings file) overrides the database with any SQLAlchemy URL, e.g. a
shared PostgreSQL server. Practice mode (:mod:`core.practice`) always uses a practice SQLite
file of its own.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from core import practice
from core.errors import UserError
from core.words import Msg

APP_NAME = "Communique"
HOME_ENV = "COMMUNIQUE_HOME"
DB_ENV = "COMMUNIQUE_DB"


def home() -> Path:
    """The folder holding all local state; created on first use."""
    configured = os.environ.get(HOME_ENV)
    base = Path(configured).expanduser() if configured else Path(platformdirs.user_data_dir(APP_NAME))
    base.mkdir(parents=True, exist_ok=True)
    return base


def subdir(name: str) -> Path:
    """A named folder under :func:`home` (``packs``, ``logs``, ``media``...), created on demand."""
    path = home() / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    """The embedded SQLite database file."""
    return home() / "communique.sqlite3"


def practice_db_path() -> Path:
    """The practice mode's own SQLite database file."""
    return home() / "practice.sqlite3"


def database_url(explicit: str | None = None) -> str:
    """The database URL: ``explicit`` (``--db``), then ``COMMUNIQUE_DB``, then the settings
    file's ``database_url`` (:mod:`core.settings`), then the SQLite file.

    In practice mode it is always the practice file: practice must never publish (even to the
    emulator) the posts of a real store, nor mark them published there.
    """
    if practice.enabled():
        if explicit:
            raise UserError(Msg("Practice mode keeps its own database: leave out --db (or leave practice mode)."))
        return f"sqlite:///{practice_db_path()}"
    if explicit:
        return explicit
    from core import settings  # settings live in home(): they import this module

    configured = settings.load().database_url  # COMMUNIQUE_DB, else the settings file
    if configured:
        return configured
    return f"sqlite:///{default_db_path()}"
