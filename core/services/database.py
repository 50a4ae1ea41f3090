"""Choosing the database: test a URL before it is saved, so that the next start does not fail on it.

A URL is checked first as the settings would store it (a password in it is refused with the
settings' own sentence, before any connection is tried), then opened and read once, then
closed. Nothing is created or migrated by the test: a team database is upgraded by the first
app or worker that opens it for real, not by a person trying an address.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from core import settings
from core.errors import ConfigurationError
from core.settings import Settings
from core.store import open_store
from core.words import Msg


def check_url(url: str) -> str:
    """``url`` as the settings file would hold it; the settings' :class:`UserError` when refused."""
    checked = settings.check("database_url", url)
    assert isinstance(checked, str)
    return checked


def try_database(url: str) -> str:
    """Open ``url``, read once and close it; returns the URL as it will be saved.

    A :class:`UserError` for a URL the settings refuse, a :class:`ConfigurationError` (one
    sentence) when the database cannot be reached or read.
    """
    clean = check_url(url)
    store = open_store(clean, migrate=False)
    try:
        with store.read() as conn:
            conn.execute(text("SELECT 1")).scalar_one()
    except SQLAlchemyError as exc:
        origin = getattr(exc, "orig", None)
        lines = str(origin if origin is not None else exc).strip().splitlines()
        reason = lines[0] if lines else type(exc).__name__
        raise ConfigurationError(
            Msg("Cannot open the database {url}: {reason}.", url=store.url, reason=reason)
        ) from None
    finally:
        store.dispose()
    return clean


def choose_database(url: str | None) -> Settings:
    """Save ``url`` as the database after :func:`try_database`; ``None`` or "" goes back to the local file.

    Applies at the next start: the open store stays as it is until then.
    """
    if not url or not url.strip():
        return settings.update(database_url=None)
    return settings.update(database_url=try_database(url))
