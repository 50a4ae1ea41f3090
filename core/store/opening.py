"""Opening the configured store, migrated to the code's schema.

Apart from :mod:`core.store.engine` so that the migrations (which work on a :class:`Store`) and
the connection policy do not import each other.
"""

from __future__ import annotations

from sqlalchemy.exc import DatabaseError, OperationalError

from core import paths
from core.errors import ConfigurationError
from core.store.engine import Store, create_store_engine
from core.store.migrate import is_at_head, upgrade
from core.words import Msg


def open_store(url: str | None = None, *, migrate: bool = True) -> Store:
    """Open the configured database (see :func:`core.paths.database_url`), migrated to head."""
    store = Store(create_store_engine(paths.database_url(url)))
    if migrate:
        try:
            if not is_at_head(store):  # the usual start is at head: no need to load Alembic then
                _upgrade(store)
        except (OperationalError, DatabaseError) as exc:
            store.dispose()
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
            password = store.engine.url.password
            if password:
                reason = reason.replace(str(password), "***")
            raise ConfigurationError(
                Msg("Cannot open the database {url}: {reason}.", url=store.url, reason=reason)
            ) from None
    return store


def _upgrade(store: Store) -> None:
    """Migrate ``store`` to head; a revision this code does not know is a newer version's."""
    from alembic.util.exc import CommandError

    try:
        upgrade(store)
    except CommandError:
        store.dispose()
        raise ConfigurationError(
            Msg(
                "The database {url} was made by a newer version of Communiqué; update Communiqué to open it.",
                url=store.url,
            )
        ) from None
