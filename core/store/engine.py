"""Opening the database and the connection policy.

SQLite (the embedded default) gets WAL, foreign keys and a busy timeout on every connection,
and writes take the lock up front (``BEGIN IMMEDIATE``) so two writers never deadlock half
way through a transaction. Within one process a lock keeps one writer at a time, the way a
single write connection would. PostgreSQL (the team store) is used as it is.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, CursorResult, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from core.errors import ConfigurationError
from core.words import Msg

BUSY_TIMEOUT_MS = 30_000
_WRITE_OPTION = "communique_write"


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy (not the sqlite3 module) decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = "IMMEDIATE" if conn.get_execution_options().get(_WRITE_OPTION) else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")


class Store:
    """A database: read and write connections with the project's policy applied."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._write_engine = engine.execution_options(**{_WRITE_OPTION: True})
        self._write_lock = threading.RLock() if self.is_sqlite else None

    @property
    def is_sqlite(self) -> bool:
        """True for the embedded SQLite store."""
        return self.engine.dialect.name == "sqlite"

    @property
    def url(self) -> str:
        """The database URL with any password hidden (safe for logs and messages)."""
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for reading; a consistent snapshot for the block's duration."""
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A connection in a write transaction, committed when the block ends without error."""
        if self._write_lock is None:
            with self._write_engine.begin() as conn:
                yield conn
            return
        with self._write_lock, self._write_engine.begin() as conn:
            yield conn

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


_CREDENTIALS_IN_URL = re.compile(r"(//[^/@:]*):[^/@]*@")


def mask_url(url: str) -> str:
    """``url`` with any password replaced by ``***``, for messages about a URL we could not parse."""
    return _CREDENTIALS_IN_URL.sub(r"\1:***@", url)


def new_id(result: CursorResult[Any]) -> int:
    """The primary key an ``INSERT`` just created (every table here has one integer key)."""
    key = result.inserted_primary_key
    assert key is not None and key[0] is not None
    return int(key[0])


def create_store_engine(url: str) -> Engine:
    """An :class:`Engine` for ``url`` with the project's connection policy."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise ConfigurationError(Msg("Cannot read the database URL {url!r}.", url=mask_url(url))) from None
    kwargs: dict[str, Any] = {"future": True}
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            from pathlib import Path

            folder = Path(database).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ConfigurationError(
                    Msg(
                        "Cannot create the folder {folder!r} for the database: {reason}.",
                        folder=str(folder),
                        reason=exc.strerror or exc,
                    )
                ) from None
        kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000}
    else:
        kwargs["pool_pre_ping"] = True
    try:
        engine = create_engine(parsed, **kwargs)
    except (NoSuchModuleError, ImportError) as exc:
        raise ConfigurationError(
            Msg(
                "No driver for the database URL {url}: {exc}",
                url=parsed.render_as_string(hide_password=True),
                exc=exc,
            )
        ) from None
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine
