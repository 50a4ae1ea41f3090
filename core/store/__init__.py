"""The store: SQLAlchemy Core tables, Alembic migrations and the connection policy.

The store is the single source of truth: a post's schedule and status are rows, and every
process (GUI, CLI, worker) reads and writes them through :class:`core.store.engine.Store`.
"""

from core.store.engine import Store
from core.store.opening import open_store

__all__ = ["Store", "open_store"]
