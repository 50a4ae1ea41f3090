"""One publisher per database, and who a claim or a lease belongs to.

SQLite: a lease row with heartbeats and expiry. Every process sharing a SQLite file runs on one
machine, so the expiry is judged by that one machine's clock; a holder that died on this host
(its process is gone, see :func:`holder_state`) is replaced at once, others when the lease expires.

PostgreSQL: a session-level advisory lock (``pg_try_advisory_lock``) held on a dedicated
connection for as long as the process leads. No clocks are compared: the server releases the
lock when the holder's session ends: at once after a crash, a kill or ``pg_terminate_backend``,
and within about 25 s after a silent network loss, because the session asks the server for TCP
keepalives of its own (idle 10 s, then 3 probes 5 s apart; the operating system's default would
keep a dead session, and the lock, for about two hours). The holder re-checks its session at
every heartbeat (each lock query bounded by a statement timeout, and the socket by
``tcp_user_timeout``, so a hung query cannot stall a sweep or a stop), and stops claiming as
soon as a check fails. Until that check, its :meth:`AdvisoryLease.valid` may stay true for up
to one ``ttl`` after its session died, while another worker may already hold the lock: two
leaders for a moment. That overlap is harmless, because leadership only decides who *tries*:
every claim is a compare-and-set on the variant's status and version, so no variant is taken
by two processes, and a claim already taken is reset only once its heartbeat is stale. The
connection must reach PostgreSQL directly or through a session-mode pooler that passes the
startup ``options`` on: a transaction-mode pooler cannot keep a session lock.

Holder ids name a process so that a later reader can tell whether it still runs, even after the
operating system gave its pid to another process (a reboot, a container restart):
``kind:host:pid:machine.start:nonce``, where ``machine`` digests the host name, the boot id and
the pid namespace, and ``start`` is the process's start time in clock ticks since boot (both
from ``/proc`` on Linux, see :mod:`core.process`). Where ``/proc`` is missing (macOS, Windows)
the identity part is ``-``: a pid that is gone still means a dead process (Windows cannot tell),
but a pid that exists proves nothing, and the claim's heartbeat decides instead.
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
import logging
import os
import secrets
import socket
import threading
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import Connection, create_engine, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.pool import NullPool

from core.process import machine_tag, pid_alive, start_time
from core.store import Store
from core.store.tables import worker_leases
from scheduler.clock import Clock

log = logging.getLogger(__name__)

PUBLISHER = "publisher"
#: The advisory lock of the publisher role on PostgreSQL ("ComP"; migrations use "Comm").
PUBLISHER_LOCK_KEY = 0x436F6D50
#: The longest a lock query may run on the server (the heartbeat and the stop wait on it).
LOCK_STATEMENT_TIMEOUT = timedelta(seconds=5)
#: How long the lock's connection may take to open.
LOCK_CONNECT_TIMEOUT = timedelta(seconds=10)
#: How long data sent on the lock's socket may stay unacknowledged before the connection is dropped.
LOCK_TCP_USER_TIMEOUT = timedelta(seconds=30)
#: Marks a holder id whose process identity could not be read on its machine.
UNKNOWN_IDENTITY = "-"
_MAX_KIND = 20
_MAX_HOST = 32


# --- process identity -----------------------------------------------------------------------------


def _host() -> str:
    # Long names are shortened with a digest, keeping ids within the 100-character columns.
    name = socket.gethostname().replace(":", "-") or "unknown"
    if len(name) <= _MAX_HOST:
        return name
    return f"{name[: _MAX_HOST - 9]}~{hashlib.sha256(name.encode()).hexdigest()[:8]}"


def _identity(pid: int) -> str:
    machine, start = machine_tag(), start_time(pid)
    return UNKNOWN_IDENTITY if machine is None or start is None else f"{machine}.{start}"


def new_holder_id(kind: str = "worker", *, pid: int | None = None) -> str:
    """``kind:host:pid:machine.start:nonce`` for this process (or another process ``pid`` of this machine)."""
    who = os.getpid() if pid is None else pid
    label = kind.replace(":", "-")[:_MAX_KIND] or "worker"
    return f"{label}:{_host()}:{who}:{_identity(who)}:{secrets.token_hex(3)}"


class HolderState(enum.Enum):
    """Where the process named by a holder id runs, as far as this process can tell."""

    THIS_PROCESS = "this process"
    ALIVE_HERE = "alive on this machine"
    DEAD_HERE = "gone from this machine"
    ELSEWHERE = "another machine, or not verifiable"


def holder_state(holder: str) -> HolderState:
    """Classify ``holder``; only processes of this machine (and pid namespace) can be checked.

    A pid that runs but started at another time than the one recorded is a different process
    that inherited the number: the holder is dead. Ids in an older format, or from a machine
    without ``/proc`` that still has the pid, are not verifiable (``ELSEWHERE``): their
    heartbeat decides.
    """
    parts = holder.split(":")
    if len(parts) != 5 or parts[1] != _host():
        return HolderState.ELSEWHERE
    try:
        pid = int(parts[2])
    except ValueError:
        return HolderState.ELSEWHERE
    recorded = parts[3]
    if recorded == UNKNOWN_IDENTITY:
        if machine_tag() is not None:
            return HolderState.ELSEWHERE  # made on a machine that could not read /proc: not this one
        if pid == os.getpid():
            return HolderState.THIS_PROCESS
        return _unverified(pid)
    machine, _, start = recorded.partition(".")
    if machine != machine_tag():
        return HolderState.ELSEWHERE
    if pid == os.getpid():
        return HolderState.THIS_PROCESS if start == start_time(pid) else HolderState.DEAD_HERE
    current = start_time(pid)
    if current is None:
        # No /proc entry: gone, unless /proc hides other users' processes (hidepid).
        return HolderState.ELSEWHERE if pid_alive(pid) else HolderState.DEAD_HERE
    return HolderState.ALIVE_HERE if current == start else HolderState.DEAD_HERE


def _unverified(pid: int) -> HolderState:
    """Without /proc: a missing pid is a dead holder; a present one may be anyone's."""
    return HolderState.ELSEWHERE if pid_alive(pid) else HolderState.DEAD_HERE


def holder_is_dead(holder: str) -> bool:
    """True when ``holder`` names a process of this machine that no longer runs."""
    return holder_state(holder) is HolderState.DEAD_HERE


# --- leadership -------------------------------------------------------------------------------


class Leadership(Protocol):
    """What the engine needs of a lease, whichever backend holds it."""

    holder: str

    def acquire(self) -> bool:
        """Take or confirm leadership; True while this process leads."""

    def valid(self) -> bool:
        """True while this process may go on claiming (no database round trip)."""

    @property
    def held(self) -> bool:
        """Whether the last acquire succeeded and nothing since showed the role lost."""

    @property
    def since(self) -> datetime | None:
        """When the current tenure began (this process's clock), or ``None``."""

    def release(self) -> None:
        """Give the role up so that another worker can start at once."""


def open_lease(store: Store, holder: str, *, clock: Clock, ttl: timedelta = timedelta(seconds=30)) -> Leadership:
    """The publisher role on ``store``: an advisory lock on PostgreSQL, a lease row elsewhere."""
    if store.engine.dialect.name == "postgresql":
        return AdvisoryLease(store, holder, clock=clock, ttl=ttl)
    return Lease(store, holder, clock=clock, ttl=ttl)


class Lease:
    """A named exclusive role held by one process at a time: a row with heartbeats and expiry."""

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
        self._since: datetime | None = None

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
                    return self._set(1, expires, now)
                mine = row.holder == self.holder
                if not (mine or row.expires_at <= now or holder_is_dead(row.holder)):
                    return self._set(None, None, now)
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
                won = changed.rowcount == 1
                return self._set(token if won else None, expires if won else None, now)
        except IntegrityError:  # another process inserted the row first
            return self._set(None, None, now)

    def _set(self, token: int | None, expires: datetime | None, now: datetime) -> bool:
        with self._lock:
            if token is None or token != self._token:
                self._since = now if token is not None else None
            self._token = token
            self._expires_at = expires
        return token is not None

    def valid(self) -> bool:
        """True while this process believes it holds the lease (without asking the database)."""
        with self._lock:
            return self._expires_at is not None and self.clock() < self._expires_at

    @property
    def held(self) -> bool:
        """Whether this process held the lease at its last renewal."""
        return self.token is not None

    @property
    def since(self) -> datetime | None:
        """When this tenure began."""
        with self._lock:
            return self._since

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
        self._set(None, None, self.clock())


def lock_connect_args(holder: str, statement_timeout: timedelta) -> dict[str, object]:
    """libpq parameters of the lock's connection: both ends notice a dead network within seconds.

    The client-side keepalives and ``tcp_user_timeout`` end a call on a silent network; the
    server-side settings (``options``) let the server end the session, and so free the lock for
    another worker, where it would otherwise wait for its own TCP keepalive (about two hours).
    """
    ms = round(statement_timeout.total_seconds() * 1000)
    return {
        "application_name": holder[:63],
        "connect_timeout": max(1, round(LOCK_CONNECT_TIMEOUT.total_seconds())),
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 5,
        "keepalives_count": 3,
        "tcp_user_timeout": round(LOCK_TCP_USER_TIMEOUT.total_seconds() * 1000),
        "options": (
            "-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3"
            f" -c statement_timeout={ms} -c lock_timeout={ms}"
        ),
    }


class AdvisoryLease:
    """The publisher role as a PostgreSQL session-level advisory lock on a dedicated connection."""

    def __init__(
        self,
        store: Store,
        holder: str,
        *,
        clock: Clock,
        ttl: timedelta = timedelta(seconds=30),
        key: int = PUBLISHER_LOCK_KEY,
        statement_timeout: timedelta = LOCK_STATEMENT_TIMEOUT,
    ) -> None:
        self.holder = holder
        self.clock = clock
        self.ttl = ttl
        self.key = key
        # Outside the store's pool: a pooled connection returned with the lock would keep it.
        self._engine = create_engine(
            store.engine.url,
            poolclass=NullPool,
            isolation_level="AUTOCOMMIT",
            connect_args=lock_connect_args(holder, statement_timeout),
        )
        self._session = threading.Lock()  # one user of the connection at a time
        self._state = threading.Lock()  # the flags below, read without waiting on the network
        self._conn: Connection | None = None
        self._held = False
        self._checked_at: datetime | None = None
        self._since: datetime | None = None
        self._lost_at: datetime | None = None

    def acquire(self) -> bool:
        """Take the lock, or confirm that this session still holds it; a dead session loses it.

        After losing it, this process waits one ``ttl`` before contending again, so that the
        lock goes to another worker rather than back to the one whose connection just failed.
        """
        with self._session:
            now = self.clock()
            held, lost_at = self._flags()
            if not held and lost_at is not None and now < lost_at + self.ttl:
                return False  # a process that just lost its session lets a healthier one lead
            try:
                if self._conn is None:
                    self._conn = self._engine.connect()
                if held:
                    ok = bool(self._conn.execute(_HOLDS_LOCK, _key_parts(self.key)).scalar_one())
                else:
                    ok = bool(self._conn.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": self.key}).scalar())
            except DBAPIError:
                if held:
                    log.warning("the connection holding the publishing lock is gone; this worker stops claiming")
                self._lose(lost=held)
                return False
            if held and not ok:
                log.warning("the publishing lock was lost; this worker stops claiming")
                self._lose(lost=True)
                return False
            with self._state:
                if ok:
                    if not self._held:
                        self._held, self._since = True, now
                    self._checked_at = now
            return ok

    def _flags(self) -> tuple[bool, datetime | None]:
        with self._state:
            return self._held, self._lost_at

    def _lose(self, *, lost: bool) -> None:
        """Forget the session (the caller holds ``_session``); ``lost``: not given up but taken away."""
        with self._state:
            if lost:
                self._lost_at = self.clock()
            self._held, self._checked_at, self._since = False, None, None
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(DBAPIError):
                conn.invalidate()  # never reuse a session whose lock state is unknown
                conn.close()

    def valid(self) -> bool:
        """True while the lock was confirmed within the last ``ttl`` (this process's clock only).

        Not a proof that the session still lives: it may have died since the last check, and
        another worker may hold the lock already (harmless: claims are compare-and-set, see the
        module's docstring).
        """
        with self._state:
            return self._held and self._checked_at is not None and self.clock() < self._checked_at + self.ttl

    @property
    def held(self) -> bool:
        """Whether this session held the lock at its last check."""
        with self._state:
            return self._held

    @property
    def since(self) -> datetime | None:
        """When this tenure began."""
        with self._state:
            return self._since

    @property
    def backend_pid(self) -> int | None:
        """The server process of the lock's session (for operators and tests), or ``None``."""
        with self._session:
            if self._conn is None:
                return None
            try:
                return int(self._conn.execute(text("SELECT pg_backend_pid()")).scalar_one())
            except DBAPIError:
                return None

    def session_setting(self, name: str) -> str | None:
        """A setting as the lock's own session sees it (for operators and tests), or ``None``."""
        with self._session:
            if self._conn is None:
                return None
            try:
                return str(self._conn.execute(text("SELECT current_setting(:name)"), {"name": name}).scalar_one())
            except DBAPIError:
                return None

    def release(self) -> None:
        """Unlock and close the session; another worker can lead at once."""
        with self._session:
            held, _ = self._flags()
            if self._conn is not None and held:
                with contextlib.suppress(DBAPIError):  # a dead session has released it already
                    self._conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": self.key})
            self._lose(lost=False)


#: Whether this session holds the advisory lock (a bigint key shows as classid, objid).
_HOLDS_LOCK = text(
    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
    " AND pid = pg_backend_pid() AND classid = :high AND objid = :low AND objsubid = 1"
)


def _key_parts(key: int) -> dict[str, int]:
    return {"high": (key >> 32) & 0xFFFFFFFF, "low": key & 0xFFFFFFFF}


def current_holder(store: Store, name: str = PUBLISHER) -> tuple[str, datetime | None] | None:
    """Who leads and until when (for status displays); ``None`` when nobody does (or ever did).

    On PostgreSQL the answer comes from the lock itself: the holder id is the session's
    ``application_name`` (at most 63 characters), and there is no expiry.
    """
    with store.read() as conn:
        if store.engine.dialect.name == "postgresql":
            found = conn.execute(
                text(
                    "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                    " WHERE l.locktype = 'advisory' AND l.granted AND l.database = ("
                    "SELECT oid FROM pg_database WHERE datname = current_database())"
                    " AND l.classid = :high AND l.objid = :low AND l.objsubid = 1"
                ),
                _key_parts(PUBLISHER_LOCK_KEY),
            ).scalar()
            return None if found is None else (str(found), None)
        row = conn.execute(
            select(worker_leases.c.holder, worker_leases.c.expires_at).where(worker_leases.c.name == name)
        ).first()
    return None if row is None else (row.holder, row.expires_at)
