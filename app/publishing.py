"""The app's own publisher: the scheduler engine in this process, when the settings say so.

On one laptop the app publishes (``publish_in_app``, the default). In a team, one headless
``communique worker`` publishes for everyone and the apps leave it to it; either way the
engine's leadership (a lease row, or PostgreSQL's advisory lock) lets one process publish per
database, so an app left on by mistake beside a worker cannot publish anything twice. What the
engine does reaches the screens through the store's event feed (:mod:`app.feed`), the same path
as a worker's.
"""

from __future__ import annotations

import logging

from core.services.permissions import sees_every_row
from core.settings import Settings
from core.store import Store
from scheduler.engine import Engine

log = logging.getLogger(__name__)


class InAppPublisher:
    """Starts and stops the engine for the app's store."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.engine: Engine | None = None

    @property
    def enabled(self) -> bool:
        """Whether this app publishes (else a ``communique worker`` does)."""
        return self.settings.publish_in_app

    def start(self) -> bool:
        """Start publishing in the background if enabled; returns whether it started.

        On a team database, a login that sees only its groups' posts never publishes: holding the
        lease, it would keep every other group's posts waiting for the worker.
        """
        if not self.enabled or self.engine is not None:
            return False
        with self.store.read() as conn:
            if not sees_every_row(conn):
                log.warning("this login sees only its groups' posts: publishing is left to the team's worker")
                return False
        self.engine = Engine(self.store)
        self.engine.start()
        log.info("this app publishes (publish_in_app); a worker for the same database would wait for the lease")
        return True

    def stop(self) -> None:
        """Stop claiming, let the calls in flight finish and be recorded, release the lease."""
        if self.engine is not None:
            self.engine.stop()
            self.engine = None
