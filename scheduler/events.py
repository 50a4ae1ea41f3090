"""Events of the publishing engine: an in-process bus, and a feed any process can follow.

:class:`EventBus` is a small, Qt-free bus: the GUI bridges it to Qt signals, the worker logs
it. Events are announced after the transaction that caused them has committed, so a subscriber
that reads the store sees the new state. A failing subscriber is logged and never breaks the
publisher.

In team mode the worker (``communique worker``) publishes in another process, often on another
machine, so its bus reaches nobody in the GUI. :class:`EventFeed` gives the same events from
the rows the worker writes anyway: the audit trail's ``publish``, ``fail`` and ``miss`` events
and the engagement snapshots, each read once, in order, from a cursor (the last ids seen).
:func:`follow` polls it and hands each event on (to a bus, to a Qt signal); :func:`stream`
yields them (``communique events --follow``). A failed or missed event carries its message as
it was recorded, not the variant's current one, which changes when the post is edited or sent again.
A retry is audited (``retry_scheduled``) like a failure, with the time it is due again.
"""

from __future__ import annotations

import enum
import heapq
import logging
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from core.domain import AuditAction
from core.errors import UserError
from core.store import Store
from core.store.tables import audit_events, engagement_snapshots, variants

log = logging.getLogger(__name__)


class EventKind(enum.StrEnum):
    """What happened to a variant."""

    PUBLISHED = "published"
    FAILED = "failed"
    RETRY_SCHEDULED = "retry_scheduled"
    MISSED = "missed"
    METRICS_UPDATED = "metrics_updated"


@dataclass(frozen=True)
class Event:
    """One announcement: the kind, the variant concerned, and details for display."""

    kind: EventKind
    variant_id: int
    details: dict[str, Any] = field(default_factory=dict)


Subscriber = Callable[[Event], None]


class EventBus:
    """Subscribers per event kind (or to every kind); thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: list[tuple[EventKind | None, Subscriber]] = []

    def subscribe(self, callback: Subscriber, kind: EventKind | None = None) -> Callable[[], None]:
        """Call ``callback`` for events of ``kind`` (all when ``None``); returns an unsubscribe function."""
        entry = (kind, callback)
        with self._lock:
            self._subscribers.append(entry)

        def unsubscribe() -> None:
            with self._lock:
                if entry in self._subscribers:
                    self._subscribers.remove(entry)

        return unsubscribe

    def emit(self, event: Event) -> None:
        """Deliver ``event`` to its subscribers, in subscription order, on the caller's thread."""
        with self._lock:
            targets = [cb for kind, cb in self._subscribers if kind is None or kind is event.kind]
        for callback in targets:
            try:
                callback(event)
            except Exception:  # a broken view must not stop publishing
                log.exception("event subscriber failed on %s", event.kind.value)


# --- the store-backed feed ------------------------------------------------------------------------

#: The audit actions on a variant that are events, as the publisher and recovery record them.
_AUDITED = {
    AuditAction.PUBLISH.value: EventKind.PUBLISHED,
    AuditAction.FAIL.value: EventKind.FAILED,
    AuditAction.RETRY_SCHEDULED.value: EventKind.RETRY_SCHEDULED,
    AuditAction.MISS.value: EventKind.MISSED,
}
#: How far behind its cursor the feed looks again: on PostgreSQL an id taken earlier can commit
#: later (eight publishers write results at once), so the newest ids seen are not the end.
LOOKBACK = 200


_CURSOR_TEXT = re.compile(r"^(\d{1,18}):(\d{1,18})$")


@dataclass(frozen=True)
class FeedCursor:
    """Where a follower of the feed is: the last audit event and engagement snapshot it has read.

    Its text form (``str(cursor)``, read back by :meth:`parse`) is ``AUDIT:SNAPSHOT``, e.g. ``120:45``.
    """

    audit_id: int = 0
    snapshot_id: int = 0

    def __str__(self) -> str:
        return f"{self.audit_id}:{self.snapshot_id}"

    @classmethod
    def parse(cls, text: str) -> FeedCursor:
        """The cursor written as ``text``; a :class:`UserError` when it is not one."""
        found = _CURSOR_TEXT.match(text.strip())
        if found is None:
            raise UserError(
                f"{text!r} is not an event cursor: give one printed by 'communique events --json', such as 120:45."
            )
        return cls(int(found.group(1)), int(found.group(2)))


@dataclass(frozen=True)
class FeedEvent:
    """An :class:`Event` read from the store, with the time it happened and the cursor just after it."""

    event: Event
    at: datetime
    cursor: FeedCursor = FeedCursor()


class EventFeed:
    """The engine's events as the store records them, for a process that does not run the engine.

    Starts at the end of the store (only what happens from now on) unless given a cursor, and
    delivers nothing at or before where it starts: a new feed cannot know which of the rows just
    below its cursor an earlier follower had read, so a row that commits later with an id below
    the starting cursor (PostgreSQL, several writers, a window of milliseconds) is not re-read
    after a resume; within one feed the look-back catches such rows. Not thread-safe: one
    follower per instance.
    """

    def __init__(self, store: Store, cursor: FeedCursor | None = None, *, lookback: int = LOOKBACK) -> None:
        self.store = store
        self.lookback = lookback
        self._cursor = cursor or self.end(store)
        self._start = self._cursor
        self._seen_audit: set[int] = set()
        self._seen_snapshots: set[int] = set()

    @staticmethod
    def end(store: Store) -> FeedCursor:
        """A cursor after everything the store holds now."""
        with store.read() as conn:
            audit_id = conn.execute(select(func.max(audit_events.c.id))).scalar() or 0
            snapshot_id = conn.execute(select(func.max(engagement_snapshots.c.id))).scalar() or 0
        return FeedCursor(int(audit_id), int(snapshot_id))

    @property
    def cursor(self) -> FeedCursor:
        """Where the feed is; keep it to resume later with ``EventFeed(store, cursor)``."""
        return self._cursor

    def poll(self, limit: int = 500) -> list[FeedEvent]:
        """The events written since the last poll (at most ``limit`` rows of each kind), oldest first."""
        audit_floor = max(self._start.audit_id, self._cursor.audit_id - self.lookback)
        snapshot_floor = max(self._start.snapshot_id, self._cursor.snapshot_id - self.lookback)
        with self.store.read() as conn:
            audited = conn.execute(
                select(
                    audit_events.c.id,
                    audit_events.c.at,
                    audit_events.c.action,
                    audit_events.c.entity_id,
                    audit_events.c.details,
                    variants.c.remote_url,
                    variants.c.last_error,
                )
                .outerjoin(variants, variants.c.id == audit_events.c.entity_id)
                .where(
                    audit_events.c.id > audit_floor,
                    audit_events.c.id.not_in(self._seen_audit),
                    audit_events.c.entity == "variant",
                    audit_events.c.action.in_(list(_AUDITED)),
                )
                .order_by(audit_events.c.id)
                .limit(limit)
            ).all()
            snapshots = conn.execute(
                select(
                    engagement_snapshots.c.id,
                    engagement_snapshots.c.captured_at,
                    engagement_snapshots.c.variant_id,
                    engagement_snapshots.c.partial,
                )
                .where(
                    engagement_snapshots.c.id > snapshot_floor,
                    engagement_snapshots.c.id.not_in(self._seen_snapshots),
                )
                .order_by(engagement_snapshots.c.id)
                .limit(limit)
            ).all()
            # Rows that were not events still move the cursor (and count as seen).
            audit_top = conn.execute(select(func.max(audit_events.c.id))).scalar() or 0
        # Each kind stays in id order (merged by time), so that the cursor after an event covers
        # exactly the events handed out up to it: a script that resumes from it misses none.
        merged = heapq.merge(
            [(row.at, row.id, None, _audited_event(row)) for row in audited],
            [
                (
                    row.captured_at,
                    None,
                    row.id,
                    Event(EventKind.METRICS_UPDATED, row.variant_id, {"partial": bool(row.partial)}),
                )
                for row in snapshots
            ],
            key=lambda item: item[0],
        )
        found: list[FeedEvent] = []
        audit_id, snapshot_id = self._cursor.audit_id, self._cursor.snapshot_id
        for at, audit_row, snapshot_row, event in merged:
            audit_id = max(audit_id, audit_row or 0)
            snapshot_id = max(snapshot_id, snapshot_row or 0)
            found.append(FeedEvent(event, at, FeedCursor(audit_id, snapshot_id)))
        self._advance(
            [row.id for row in audited],
            [row.id for row in snapshots],
            int(audit_top) if len(audited) < limit else None,
        )
        return found

    def _advance(self, audit_ids: list[int], snapshot_ids: list[int], audit_top: int | None) -> None:
        audit_id = max([self._cursor.audit_id, *audit_ids])
        if audit_top is not None:
            audit_id = max(audit_id, audit_top)
        snapshot_id = max([self._cursor.snapshot_id, *snapshot_ids])
        self._cursor = FeedCursor(audit_id, snapshot_id)
        self._seen_audit = {i for i in self._seen_audit | set(audit_ids) if i > audit_id - self.lookback}
        self._seen_snapshots = {i for i in self._seen_snapshots | set(snapshot_ids) if i > snapshot_id - self.lookback}

    def pump(self, bus: EventBus, limit: int = 500) -> int:
        """Emit the new events on ``bus`` (so in-process subscribers need no change); returns how many."""
        found = self.poll(limit)
        for item in found:
            bus.emit(item.event)
        return len(found)


def _audited_event(row: Any) -> Event:
    kind = _AUDITED[row.action]
    details = dict(row.details or {})
    if kind is EventKind.PUBLISHED:
        found = {"remote_id": details.get("remote_id"), "url": row.remote_url}
        if details.get("reconciled"):
            found["reconciled"] = True
    elif kind is EventKind.FAILED:
        found = {"error_class": details.get("error_class"), "error": _error_of(details, row)}
    elif kind is EventKind.RETRY_SCHEDULED:
        found = {"error_class": details.get("error_class"), "error": details.get("error"), "at": details.get("at")}
    else:
        found = {"due": details.get("due"), "error": _error_of(details, row)}
    return Event(kind, int(row.entity_id), found)


def _error_of(details: dict[str, Any], row: Any) -> str | None:
    """The message the event recorded; events written before messages were kept fall back to the row's."""
    error: str | None = details.get("error", row.last_error)
    return error


def stream(
    feed: EventFeed,
    stop: threading.Event,
    *,
    every: float = 1.0,
    on_error: Callable[[Exception], None] | None = None,
) -> Iterator[FeedEvent]:
    """Yield each event ``feed`` reads, oldest first, polling every ``every`` seconds until ``stop`` is set.

    A database error goes to ``on_error`` (logged by default) and the feed is read again at the
    next tick, so a database briefly away does not end the stream.
    """
    while not stop.is_set():
        try:
            found = feed.poll()
        except Exception as error:  # the database briefly away: try again at the next tick
            if on_error is None:
                log.exception("the event feed could not be read; retrying")
            else:
                on_error(error)
            found = []
        yield from found
        if not found:  # more may be waiting right behind a full page: read on at once
            stop.wait(every)


def follow(
    store: Store,
    on_event: Subscriber,
    stop: threading.Event,
    *,
    every: float = 1.0,
    cursor: FeedCursor | None = None,
) -> FeedCursor:
    """Call ``on_event`` for each event the store records until ``stop`` is set; returns the cursor reached.

    For a GUI thread or ``communique`` subcommand in another process than the worker. A failing
    ``on_event`` is logged, like a bus subscriber; a database error is logged and retried.
    """
    feed = EventFeed(store, cursor)
    for item in stream(feed, stop, every=every):
        try:
            on_event(item.event)
        except Exception:
            log.exception("event follower failed on %s", item.event.kind.value)
    return feed.cursor
