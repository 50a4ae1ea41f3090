"""After a crash or a pause: interrupted publishes and posts that fell due while nothing ran."""

from __future__ import annotations

import logging
from collections.abc import Collection
from datetime import datetime, timedelta

from sqlalchemy import and_, select

from core.domain import VariantStatus
from core.services import audit
from core.store import Store
from core.store.tables import accounts, publish_attempts, variants
from scheduler.events import Event, EventBus, EventKind
from scheduler.lease import holder_is_dead

log = logging.getLogger(__name__)


def reset_interrupted(
    store: Store, *, now: datetime, me: str, in_flight: Collection[int], orphan_after: timedelta
) -> list[int]:
    """Put variants left in ``publishing`` by a dead process back to ``scheduled``.

    Their pending attempt becomes ``interrupted``, so the next claim looks the post up on the
    platform before sending it again. A variant counts as left behind when its claimer's
    process is gone (same host) or its claim is older than ``orphan_after``.
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
        stale = row.started_at is None or row.started_at <= now - orphan_after
        if worker == me or not (stale or holder_is_dead(worker)):
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


def mark_missed(store: Store, bus: EventBus, *, now: datetime, actor: str) -> list[int]:
    """Mark ``missed`` the variants due (or due for a retry) longer ago than their account's grace window.

    Those inside the window are left ``scheduled`` and get published by the caller; nothing is
    dropped: a missed variant stays visible and can be rescheduled.
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
    late = [r for r in rows if (r.next_attempt_at or r.scheduled_at) + timedelta(minutes=r.grace_minutes) < now]
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
