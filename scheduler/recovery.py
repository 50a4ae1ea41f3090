"""After a crash or a pause: interrupted publishes and posts that fell due while nothing ran."""

from __future__ import annotations

import logging
from collections.abc import Container
from datetime import datetime, timedelta

from sqlalchemy import and_, select

from core.domain import VariantStatus
from core.services import audit
from core.store import Store
from core.store.tables import accounts, publish_attempts, variants
from scheduler.events import Event, EventBus, EventKind
from scheduler.lease import HolderState, holder_state

log = logging.getLogger(__name__)


def left_behind(worker: str, started_at: datetime | None, *, now: datetime, orphan_after: timedelta) -> bool:
    """Whether a claim by ``worker`` (not in flight in this process) is no longer being worked on.

    This process: its publish ended without recording a result (the database refused the write),
    so it is reset at once. Another live process on this host: never, however long its call takes
    (a post with four images and a thread can outlast any fixed limit, and a reset would send it
    twice). A process gone from this host: at once. Another host, whose process cannot be checked:
    when the claim is older than ``orphan_after``.
    """
    state = holder_state(worker)
    if state is HolderState.THIS_PROCESS or state is HolderState.DEAD_HERE:
        return True
    if state is HolderState.ALIVE_HERE:
        return False
    return started_at is None or started_at <= now - orphan_after


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
                publish_attempts.c.started_at,
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
        if not left_behind(worker, row.started_at, now=now, orphan_after=orphan_after):
            continue
        with store.write() as conn:
            changed = conn.execute(
                variants.update()
                .where(
                    variants.c.id == row.id,
                    variants.c.status == VariantStatus.PUBLISHING.value,
                    variants.c.version == row.version,
                )
                .values(
                    status=VariantStatus.SCHEDULED.value,
                    next_attempt_at=now,
                    last_error_class="interrupted",
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
                .values(outcome="interrupted", finished_at=now, error_class="interrupted")
            )
        log.warning("variant %s was left publishing by %s; it will be looked up before any retry", row.id, worker)
        reset.append(row.id)
    return reset


#: The shortest grace window applied, whatever the account says: a sweep always runs a little
#: after the due time (and a post written by another process waits for the next periodic
#: sweep), so "0 minutes" must not turn every on-time post into a missed one.
MIN_GRACE = timedelta(minutes=2)


def mark_missed(
    store: Store, bus: EventBus, *, now: datetime, actor: str, min_grace: timedelta = MIN_GRACE
) -> list[int]:
    """Mark ``missed`` the variants due (or due for a retry) longer ago than their account's grace window.

    Those inside the window are left ``scheduled`` and get published by the caller; nothing is
    dropped: a missed variant stays visible and can be rescheduled. The window is never shorter
    than ``min_grace`` (the engine passes at least its sweep period).
    """
    with store.read() as conn:
        rows = conn.execute(
            select(
                variants.c.id,
                variants.c.version,
                variants.c.scheduled_at,
                variants.c.next_attempt_at,
                accounts.c.grace_minutes,
            )
            .join(accounts, accounts.c.id == variants.c.account_id)
            .where(variants.c.status == VariantStatus.SCHEDULED.value, variants.c.scheduled_at <= now)
        ).all()
    # A retry counts from its own time: a post retried after a 429 is not "missed" by the wait.
    late = [
        r
        for r in rows
        if (r.next_attempt_at or r.scheduled_at) + max(timedelta(minutes=r.grace_minutes), min_grace) < now
    ]
    missed: list[int] = []
    for row in late:
        minutes = int((now - (row.next_attempt_at or row.scheduled_at)).total_seconds() // 60)
        message = (
            f"Not published: it fell due {minutes} minutes ago, while Communiqué was not running, "
            f"beyond the account's {row.grace_minutes}-minute grace window. Reschedule it to publish."
        )
        with store.write() as conn:
            changed = conn.execute(
                variants.update()
                .where(
                    variants.c.id == row.id,
                    variants.c.status == VariantStatus.SCHEDULED.value,
                    variants.c.version == row.version,
                )
                .values(
                    status=VariantStatus.MISSED.value,
                    last_error_class="missed",
                    last_error=message,
                    updated_at=now,
                    version=variants.c.version + 1,
                )
            )
            if changed.rowcount != 1:
                continue
            audit.record(
                conn,
                actor=actor,
                action="miss",
                entity="variant",
                entity_id=row.id,
                details={"due": row.scheduled_at.isoformat(), "grace_minutes": row.grace_minutes},
                at=now,
            )
        missed.append(row.id)
        bus.emit(Event(EventKind.MISSED, row.id, {"due": row.scheduled_at.isoformat(), "error": message}))
    return missed
