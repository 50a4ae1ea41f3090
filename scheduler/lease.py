"""One publisher per database: a lease row with heartbeats and expiry, on SQLite and PostgreSQL alike.

Why a row and not a PostgreSQL advisory lock: an advisory lock belongs to one database session,
and a pooled connection that drops (or is recycled by ``pool_pre_ping``) releases it silently
while the process goes on believing it holds it; SQLite has no such lock at all. A row works the
same on both backends, follows the injected clock in tests, and shows people who is publishing
and when it last beat. The cost is that a holder dead on another host is replaced only when its
lease expires; a holder dead on the same host (its pid is gone) is replaced at once.
"""

from __future__ import annotations

import enum
import os
import secrets
import socket
import threading
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from core.store import Store
from core.store.tables import worker_leases
from scheduler.clock import Clock

PUBLISHER = "publisher"


def new_holder_id(kind: str = "worker") -> str:
    """``kind:host:pid:nonce``: unique per process start, readable in the database."""
    return f"{kind}:{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


class HolderState(enum.Enum):
    """Where the process named by a holder id runs, as far as this process can tell."""

    THIS_PROCESS = "this process"
    ALIVE_HERE = "alive on this host"
    DEAD_HERE = "gone from this host"
    ELSEWHERE = "another host (or unreadable)"


def holder_state(holder: str) -> HolderState:
    """Classify ``holder`` (``kind:host:pid:nonce``): only this host's processes can be checked."""
    parts = holder.split(":")
    if len(parts) != 4 or parts[1] != socket.gethostname():
        return HolderState.ELSEWHERE
    try:
        pid = int(parts[2])
    except ValueError:
        return HolderState.ELSEWHERE
    if pid == os.getpid():
        return HolderState.THIS_PROCESS
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return HolderState.DEAD_HERE
    except PermissionError:  # alive, owned by someone else
        return HolderState.ALIVE_HERE
    return HolderState.ALIVE_HERE


def holder_is_dead(holder: str) -> bool:
    """True when ``holder`` names a process on this host that no longer runs."""
    return holder_state(holder) is HolderState.DEAD_HERE


class Lease:
    """A named exclusive role held by one process at a time."""

    def __init__(
        self, store: Store, holder: str, *, clock: Clock, ttl: timedelta = timedelta(seconds=30), name: str = PUBLISHER
    ) -> None:
        self.store = store
        self.holder = holder
        self.clock = clock
        self.ttl = ttl
        self.name = name
        self._lock = threading.Lock()
        self._token: int | None = None
        self._expires_at: datetime | None = None

    def acquire(self) -> bool:
        """Take or renew the lease; True while this process holds it."""
        now = self.clock()
        expires = now + self.ttl
        try:
            with self.store.write() as conn:
                row = conn.execute(select(worker_leases).where(worker_leases.c.name == self.name)).first()
                if row is None:
                    conn.execute(
                        worker_leases.insert().values(
                            name=self.name,
                            holder=self.holder,
                            token=1,
                            acquired_at=now,
                            heartbeat_at=now,
                            expires_at=expires,
                        )
                    )
                    return self._set(1, expires)
                mine = row.holder == self.holder
                if not (mine or row.expires_at <= now or holder_is_dead(row.holder)):
                    return self._set(None, None)
                token = row.token if mine else row.token + 1
                values: dict[str, object] = {"holder": self.holder, "token": token, "heartbeat_at": now}
                values["expires_at"] = expires
                if not mine:
                    values["acquired_at"] = now
                # Compare-and-set on the fencing token: of two contenders only one matches.
                changed = conn.execute(
                    worker_leases.update()
                    .where(worker_leases.c.name == self.name, worker_leases.c.token == row.token)
                    .values(**values)
                )
                return self._set(token if changed.rowcount == 1 else None, expires if changed.rowcount == 1 else None)
        except IntegrityError:  # another process inserted the row first
            return self._set(None, None)

    def _set(self, token: int | None, expires: datetime | None) -> bool:
        with self._lock:
            self._token = token
            self._expires_at = expires
        return token is not None

    def valid(self) -> bool:
        """True while this process believes it holds the lease (without asking the database)."""
        with self._lock:
            return self._expires_at is not None and self.clock() < self._expires_at

    @property
    def token(self) -> int | None:
        """The fencing token of the current tenure, or ``None``."""
        with self._lock:
            return self._token

    def release(self) -> None:
        """Give the lease up so that another worker can start at once."""
        token = self.token
        if token is None:
            return
        with self.store.write() as conn:
            conn.execute(
                worker_leases.update()
                .where(
                    worker_leases.c.name == self.name,
                    worker_leases.c.holder == self.holder,
                    worker_leases.c.token == token,
                )
                .values(expires_at=self.clock())
            )
        self._set(None, None)


def current_holder(store: Store, name: str = PUBLISHER) -> tuple[str, datetime] | None:
    """Who holds ``name`` and until when (for status displays); ``None`` when nobody ever did."""
    with store.read() as conn:
        row = conn.execute(
            select(worker_leases.c.holder, worker_leases.c.expires_at).where(worker_leases.c.name == name)
        ).first()
    return None if row is None else (row.holder, row.expires_at)
