"""The variants this process is publishing right now, and the heartbeats of their claims.

Recovery resets a variant left ``publishing`` by this very process only when it is not listed
here: the claim is registered *before* it is committed, so a sweep can never see a claim of a
live publish of its own process as left behind. A count per variant, because two engines of
one process may both try to claim it (only one succeeds, and the loser's release must not
unlist the winner's). Other processes cannot see this registry: for them each live claim keeps
its ``heartbeat_at`` fresh (:class:`ClaimBeats`).
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Interval, cast, func, literal

from core.domain import AttemptOutcome
from core.store import Store
from core.store.tables import publish_attempts
from core.store.types import UTCDateTime
from scheduler.clock import Clock

log = logging.getLogger(__name__)


class InFlight:
    """A thread-safe multiset of ids (variants here; attempts in :class:`ClaimBeats`)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held: Counter[int] = Counter()

    @contextmanager
    def hold(self, variant_id: int) -> Iterator[None]:
        """List ``variant_id`` for the duration of the block (claim, call, record)."""
        with self._lock:
            self._held[variant_id] += 1
        try:
            yield
        finally:
            with self._lock:
                self._held[variant_id] -= 1
                if self._held[variant_id] <= 0:
                    del self._held[variant_id]

    def __contains__(self, variant_id: object) -> bool:
        with self._lock:
            return variant_id in self._held

    def ids(self) -> list[int]:
        """The ids held right now."""
        with self._lock:
            return list(self._held)


#: The one registry of this process.
IN_FLIGHT = InFlight()


# --- heartbeats of live claims --------------------------------------------------------------------


def store_now(store: Store, local: datetime, *, minus: timedelta = timedelta(0)) -> ColumnElement[datetime]:
    """The one clock that claim heartbeats are written and judged by (``minus`` earlier).

    PostgreSQL: the server's ``clock_timestamp()``, shared by every host of a team store, so no
    two hosts' clocks are ever compared. SQLite: ``local``, this machine's time (every process
    sharing a SQLite file runs on the one machine that holds it).
    """
    if store.engine.dialect.name == "postgresql":
        if not minus:
            return func.clock_timestamp(type_=UTCDateTime())
        return cast(func.clock_timestamp() - literal(minus, Interval()), UTCDateTime())
    return literal(local - minus, UTCDateTime())


class ClaimBeats:
    """Keeps ``heartbeat_at`` of this process's pending attempts fresh while their calls are out.

    A daemon thread beats every ``every`` while at least one attempt is live and ends when none
    is, so a process that dies (or a call that ends) stops beating by itself. A reader on another
    host resets a claim only once its heartbeat is stale, however long ago the claim started.
    """

    def __init__(self, store: Store, clock: Clock, every: timedelta) -> None:
        self._store = store
        self._clock = clock
        self._every = max(every.total_seconds(), 0.05)
        self._lock = threading.Lock()  # guards the thread's start and end
        self._live = InFlight()
        self._thread: threading.Thread | None = None
        self._wake = threading.Event()

    @contextmanager
    def live(self, attempt_id: int) -> Iterator[None]:
        """Beat for ``attempt_id`` for the duration of the block."""
        try:
            with self._live.hold(attempt_id):
                with self._lock:
                    if self._thread is None:
                        self._wake.clear()
                        self._thread = threading.Thread(target=self._run, name="claim-heartbeat", daemon=True)
                        self._thread.start()
                yield
        finally:
            if not self._live.ids():
                self._wake.set()  # let the thread end now rather than after its next wait

    def beat(self) -> int:
        """Refresh the heartbeat of every live attempt now; returns how many rows were touched."""
        ids = self._live.ids()
        if not ids:
            return 0
        with self._store.write() as conn:
            result = conn.execute(
                publish_attempts.update()
                .where(publish_attempts.c.id.in_(ids), publish_attempts.c.outcome == AttemptOutcome.PENDING.value)
                .values(heartbeat_at=store_now(self._store, self._clock()))
            )
        return int(result.rowcount)

    def _run(self) -> None:
        while True:
            self._wake.wait(self._every)
            with self._lock:
                if not self._live.ids():
                    self._thread = None
                    return
                self._wake.clear()
            try:
                self.beat()
            except Exception:  # a locked or briefly absent database: beat again next time
                log.warning("could not refresh the heartbeat of the claims in flight", exc_info=True)
