"""After a crash or a pause: interrupted publishes and posts that fell due while nothing ran."""

from __future__ import annotations

import logging
from collections.abc import Collection, Container, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, and_, bindparam, func, select, tuple_

from connectors.base import RateLimitedError
from core.domain import AttemptOutcome, AuditAction, ErrorClass, VariantStatus
from core.secrets import redact
from core.store import Store
from core.store.tables import accounts, audit_events, publish_attempts, variants
from scheduler.events import Event, EventBus, EventKind
from scheduler.inflight import store_now
from scheduler.lease import HolderState, holder_state

log = logging.getLogger(__name__)


def left_behind(worker: str, heartbeat: datetime | None, *, db_now: datetime, orphan_after: timedelta) -> bool:
    """Whether a claim by ``worker`` (not in flight in this process) is no longer being worked on.

    This process: its publish ended without recording a result (the database refused the write),
    so it is reset at once. A process gone from this machine (no such pid, or the pid now belongs
    to a process that started at another time): at once. Another live process of this machine:
    never, however long its call takes (a post with four images and a thread can outlast any
    fixed limit, and a reset would send it twice). Any other claimant (another host, or one that
    cannot be verified): once its heartbeat is older than ``orphan_after``. ``heartbeat`` and
    ``db_now`` come from one clock (see :func:`scheduler.inflight.store_now`), never from two
    hosts' clocks, so a slow publish or a clock running behind elsewhere is not mistaken for a
    dead one.
    """
    state = holder_state(worker)
    if state is HolderState.THIS_PROCESS or state is HolderState.DEAD_HERE:
        return True
    if state is HolderState.ALIVE_HERE:
        return False
    return heartbeat is None or heartbeat <= db_now - orphan_after


def by_heartbeat(worker: str) -> bool:
    """Whether :func:`left_behind` judges a claim by ``worker`` by its heartbeat (not by its process)."""
    return holder_state(worker) is HolderState.ELSEWHERE


def still_stale(store: Store, variant_id: int, *, now: datetime, orphan_after: timedelta) -> ColumnElement[bool]:
    """True (in SQL) while the variant's pending attempt has not beaten for ``orphan_after``.

    By the same single clock as the read (:func:`scheduler.inflight.store_now`); a variant
    without a pending attempt has nothing that could still beat.
    """
    fresh = select(publish_attempts.c.id).where(
        publish_attempts.c.variant_id == variant_id,
        publish_attempts.c.outcome == AttemptOutcome.PENDING.value,
        func.coalesce(publish_attempts.c.heartbeat_at, publish_attempts.c.started_at)
        > store_now(store, now, minus=orphan_after),
    )
    return ~fresh.exists()


def reset_interrupted(store: Store, *, now: datetime, in_flight: Container[int], orphan_after: timedelta) -> list[int]:
    """Put variants left in ``publishing`` back to ``scheduled`` (see :func:`left_behind`).

    Their pending attempt becomes ``interrupted``, so the next claim looks the post up on the
    platform before sending it again. ``in_flight`` lists the variants this process is publishing
    right now; those are never touched.
    """
    with store.read() as conn:
        rows = conn.execute(
            select(
                variants.c.id,
                variants.c.version,
                publish_attempts.c.id.label("attempt_id"),
                publish_attempts.c.worker,
                # Rows written before heartbeats existed have only their start time.
                func.coalesce(publish_attempts.c.heartbeat_at, publish_attempts.c.started_at).label("heartbeat"),
                store_now(store, now).label("db_now"),
            )
            .outerjoin(
                publish_attempts,
                and_(publish_attempts.c.variant_id == variants.c.id, publish_attempts.c.outcome == "pending"),
            )
            .where(variants.c.status == VariantStatus.PUBLISHING.value)
        ).all()
    reset: list[int] = []
    for row in rows:
        if row.id in in_flight:
            continue
        worker = row.worker or ""
        if not left_behind(worker, row.heartbeat, db_now=row.db_now, orphan_after=orphan_after):
            continue
        conditions = [
            variants.c.id == row.id,
            variants.c.status == VariantStatus.PUBLISHING.value,
            variants.c.version == row.version,
        ]
        if by_heartbeat(worker):
            # A beat does not change the variant's version: one that landed since the read must
            # still keep the claim, so the staleness is judged again in the reset itself.
            conditions.append(still_stale(store, row.id, now=now, orphan_after=orphan_after))
        with store.write() as conn:
            changed = conn.execute(
                variants.update()
                .where(*conditions)
                .values(
                    status=VariantStatus.SCHEDULED.value,
                    next_attempt_at=now,
                    last_error_class=ErrorClass.INTERRUPTED.value,
                    last_error="The publisher stopped during the attempt; the platform is checked before retrying.",
                    updated_at=now,
                    version=variants.c.version + 1,
                )
            )
            if changed.rowcount != 1:
                continue
            conn.execute(
                publish_attempts.update()
                .where(publish_attempts.c.variant_id == row.id, publish_attempts.c.outcome == "pending")
                .values(
                    outcome=AttemptOutcome.INTERRUPTED.value, finished_at=now, error_class=ErrorClass.INTERRUPTED.value
                )
            )
        log.warning("variant %s was left publishing by %s; it will be looked up before any retry", row.id, worker)
        reset.append(row.id)
    return reset


#: The shortest grace window applied, whatever the account says: a sweep always runs a little
#: after the due time (and a post written by another process waits for the next periodic
#: sweep), so "0 minutes" must not turn every on-time post into a missed one.
MIN_GRACE = timedelta(minutes=2)
#: Variants marked missed per transaction. One commit per row made a start after a long pause
#: take seconds; one commit for them all would hold the write lock (and every writer) for as long.
MISSED_CHUNK = 500


def defer_held(store: Store, holds: Mapping[int, datetime], *, now: datetime) -> int:
    """Move the due time of posts held back by a rate limit to when the hold ends; returns how many.

    Written in the rows, so that the grace window of a post that waits on the platform's limit
    while we run counts from the end of the wait (even across a restart), and people see why it
    has not gone out yet.
    """
    moved = 0
    for account_id, until in holds.items():
        message = f"Held back by the platform's rate limit until {until:%Y-%m-%d %H:%M} UTC; it is sent then."
        with store.write() as conn:
            moved += defer_account_posts(
                conn, account_id, until, error_class=ErrorClass.RATE_LIMITED.value, message=message, now=now
            )
    return moved


def defer_account_posts(
    conn: Connection, account_id: int, until: datetime, *, error_class: str, message: str, now: datetime
) -> int:
    """Move every scheduled post of the account due before ``until`` to ``until``, saying why
    (``error_class``, ``message``) on each; returns how many moved."""
    moved = conn.execute(
        variants.update()
        .where(
            variants.c.account_id == account_id,
            variants.c.status == VariantStatus.SCHEDULED.value,
            func.coalesce(variants.c.next_attempt_at, variants.c.scheduled_at) < until,
        )
        .values(
            next_attempt_at=until,
            last_error_class=error_class,
            last_error=message,
            updated_at=now,
            version=variants.c.version + 1,
        )
    )
    return int(moved.rowcount)


def mark_missed(
    store: Store,
    bus: EventBus,
    *,
    now: datetime,
    actor: str,
    min_grace: timedelta = MIN_GRACE,
    held: Collection[int] = (),
    leading_since: datetime | None = None,
) -> list[int]:
    """Mark ``missed`` the variants due (or due for a retry) longer ago than their account's grace window.

    Those inside the window are left ``scheduled`` and get published by the caller; nothing is
    dropped: a missed variant stays visible and can be rescheduled. The window is never shorter
    than ``min_grace`` (the engine passes at least its sweep period). Accounts in ``held`` are
    waiting on their platform's rate limit right now: their posts are not missed (see
    :func:`defer_held`). ``leading_since`` (when this publisher's tenure began) makes the
    message say whether the post fell due while no publisher ran or while one did.
    """
    with store.read() as conn:
        rows = conn.execute(
            select(
                variants.c.id,
                variants.c.version,
                variants.c.scheduled_at,
                variants.c.next_attempt_at,
                variants.c.last_error_class,
                accounts.c.grace_minutes,
            )
            .join(accounts, accounts.c.id == variants.c.account_id)
            .where(
                variants.c.status == VariantStatus.SCHEDULED.value,
                variants.c.scheduled_at <= now,
                variants.c.account_id.not_in(list(held)),
            )
            .order_by(variants.c.scheduled_at, variants.c.id)
        ).all()
    # A retry counts from its own time: a post retried after a 429 is not "missed" by the wait.
    late = [
        r
        for r in rows
        if (r.next_attempt_at or r.scheduled_at) + max(timedelta(minutes=r.grace_minutes), min_grace) < now
    ]
    missed: list[int] = []
    for start in range(0, len(late), MISSED_CHUNK):
        missed += _mark_chunk(store, bus, late[start : start + MISSED_CHUNK], now=now, actor=actor, since=leading_since)
    return missed


def _mark_chunk(
    store: Store,
    bus: EventBus,
    chunk: Sequence[Row[*tuple[Any, ...]]],
    *,
    now: datetime,
    actor: str,
    since: datetime | None,
) -> list[int]:
    """Mark one chunk ``missed`` in one transaction, with one audit event per variant; returns their ids.

    Only rows still ``scheduled`` at the version read are changed (RETURNING says which), so a
    cancel, an edit or a claim that came in meanwhile is never overwritten. A crash halfway loses
    nothing: the chunks committed stay missed, the others are still ``scheduled`` for the next sweep.
    """
    messages = {
        row.id: redact(
            _missed_message(row.scheduled_at, row.next_attempt_at, row.last_error_class, row.grace_minutes, now, since)
        )
        for row in chunk
    }
    with store.write() as conn:
        changed = set(
            conn.execute(
                variants.update()
                .where(
                    tuple_(variants.c.id, variants.c.version).in_([(row.id, row.version) for row in chunk]),
                    variants.c.status == VariantStatus.SCHEDULED.value,
                )
                .values(
                    status=VariantStatus.MISSED.value,
                    last_error_class=ErrorClass.MISSED.value,
                    updated_at=now,
                    version=variants.c.version + 1,
                )
                .returning(variants.c.id)
            ).scalars()
        )
        done = [row for row in chunk if row.id in changed]
        if done:
            # Each its own message, on rows this transaction has just taken (and holds): one
            # compiled statement for all, where a CASE of 500 branches cost more than the writes.
            conn.execute(
                variants.update().where(variants.c.id == bindparam("b_id")).values(last_error=bindparam("b_error")),
                [{"b_id": row.id, "b_error": messages[row.id]} for row in done],
            )
            # The rows audit.record writes, as one executemany: one statement per event cost
            # more than the whole UPDATE.
            conn.execute(
                audit_events.insert(),
                [
                    {
                        "at": now,
                        "actor": actor,
                        "action": AuditAction.MISS.value,
                        "entity": "variant",
                        "entity_id": row.id,
                        "details": {
                            "due": row.scheduled_at.isoformat(),
                            "grace_minutes": row.grace_minutes,
                            "error_class": ErrorClass.MISSED.value,
                            "error": messages[row.id],
                        },
                    }
                    for row in done
                ],
            )
    for row in done:  # announced once the chunk has committed
        bus.emit(Event(EventKind.MISSED, row.id, {"due": row.scheduled_at.isoformat(), "error": messages[row.id]}))
    return [row.id for row in done]


def _missed_message(
    scheduled_at: datetime,
    next_attempt_at: datetime | None,
    last_error_class: str | None,
    grace_minutes: int,
    now: datetime,
    leading_since: datetime | None,
) -> str:
    """Why a post is missed, in a sentence that is true to what happened."""
    since = next_attempt_at or scheduled_at
    minutes = int((now - since).total_seconds() // 60)
    window = f"beyond the account's {grace_minutes}-minute grace window. Reschedule it to publish."
    if leading_since is not None and leading_since <= since:
        return (
            f"Not published: it was still waiting {minutes} minutes after it fell due, although the publisher "
            f"was running (it could not send it in time), {window}"
        )
    if next_attempt_at is None:
        what = "it fell due"
    elif last_error_class == RateLimitedError.kind:
        what = "its wait for the platform's rate limit ended"
    else:
        what = "its retry fell due"
    return f"Not published: {what} {minutes} minutes ago, while Communiqué was not running, {window}"
