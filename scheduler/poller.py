"""Engagement polling: due published variants, batched per account, one snapshot row per poll.

Batches are per *account*, not per platform: each account has its own credentials, and the
metrics worth having are visible only to the account that posted. X's ``GET /2/tweets?ids=``
takes 100 ids a call, but the non-public and organic counts (impressions, link clicks) come
only with that account's user-context token; Facebook's ``GET /?ids=`` takes 50 posts a call
with the token of the Page that owns them. A call cannot mix two accounts' posts, so one call
per account and 100 (or 50) posts is the fewest calls the platforms allow.

A poll that fails (the platform, a revoked token, a plugin missing here) or that finds the post
gone is retried with a growing wait and stops at the policy's ``max_age`` like any other poll,
so a broken account is not polled forever. Meanwhile the variant carries the reason
(``last_error_class`` ``"metrics"``, ``last_error`` "Metrics failing: ..."), for the GUI and
``communique post show``; the next successful poll clears it.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Connection, func, select

from connectors.base import MISSING_POST, AuthenticationError, BillingError, ConnectorError, Metrics
from core.domain import VariantStatus
from core.secrets import redact
from core.services import account_options, engagement
from core.store import Store
from core.store.tables import engagement_snapshots, variants
from scheduler.cadence import PollingPolicy
from scheduler.clock import Clock
from scheduler.connections import AccountLimiter, ConnectorPool
from scheduler.events import Event, EventBus, EventKind
from scheduler.publisher import (
    BILLING_HOLD,
    billing_hold_known,
    billing_message,
    hold_for_billing,
    lift_billing_hold,
)

log = logging.getLogger(__name__)

#: ``variants.last_error_class`` of a published variant whose engagement cannot be read.
METRICS_ERROR = account_options.METRICS
#: Who the audit trail names for what a poll learnt about an account (its access level, a hold ended).
ACTOR = "engagement poller"
#: Why a post the platform no longer shows has no new snapshot.
_GONE = "the platform shows nothing for this post (deleted, hidden or not visible to this account)."


@dataclass(frozen=True)
class PollReport:
    """How one polling round went."""

    polled: int  # snapshots written
    calls: int  # fetch_metrics calls made
    failed: int  # variants whose batch failed (retried later)


class _Due(NamedTuple):
    variant_id: int
    remote_id: str
    published_at: datetime
    failing: bool  # carries a "Metrics failing" reason to clear once a poll succeeds


class Poller:
    """Fetches metrics for the published variants whose ``next_poll_at`` has come."""

    def __init__(
        self,
        store: Store,
        pool: ConnectorPool,
        *,
        clock: Clock,
        bus: EventBus,
        policy: PollingPolicy | None = None,
        limiter: AccountLimiter | None = None,
    ) -> None:
        self.store = store
        self.pool = pool
        self.clock = clock
        self.bus = bus
        self.policy = policy or PollingPolicy()
        self.limiter = limiter or AccountLimiter()

    def poll_due(self, limit: int = 10_000) -> PollReport:
        """One round: every due variant, in batches of ``policy.batch_size`` per account."""
        now = self.clock()
        with self.store.read() as conn:
            rows = conn.execute(
                select(
                    variants.c.id,
                    variants.c.account_id,
                    variants.c.remote_id,
                    variants.c.published_at,
                    variants.c.last_error_class,
                )
                .where(
                    variants.c.status == VariantStatus.PUBLISHED.value,
                    variants.c.next_poll_at <= now,
                    variants.c.remote_id.is_not(None),
                )
                .order_by(variants.c.next_poll_at)
                .limit(limit)
            ).all()
        by_account: dict[int, list[_Due]] = defaultdict(list)
        for row in rows:
            failing = row.last_error_class == METRICS_ERROR
            by_account[row.account_id].append(_Due(row.id, row.remote_id, row.published_at or now, failing))
        polled = calls = failed = 0
        for account_id, items in by_account.items():
            if self.limiter.blocked_until(account_id, now) is not None:
                continue
            size = max(1, self.policy.batch_size)
            unpaid: str | None = None
            for start in range(0, len(items), size):
                batch = items[start : start + size]
                if unpaid is not None:  # an earlier batch of this sweep found the account unpaid
                    with self.store.write() as conn:
                        for item in batch:
                            self._postpone(conn, item, now, unpaid, until=now + BILLING_HOLD)
                    failed += len(batch)
                    continue
                calls += 1
                try:
                    connector = self.pool.get(account_id)
                    try:
                        metrics = connector.fetch_metrics([item.remote_id for item in batch])
                    finally:
                        self.limiter.observe(account_id, connector, self.clock())
                except Exception as error:
                    # Whatever broke (the platform, a plugin not installed here, a malformed answer),
                    # only this batch waits: the others, and the rest of the sweep, go on.
                    reason = _reason(error)
                    log.warning("metrics for account %s failed (%s); retrying later", account_id, reason)
                    if isinstance(error, AuthenticationError):
                        self.pool.forget(account_id)  # the user may reconnect the account meanwhile
                    until = None
                    if isinstance(error, BillingError):
                        # Every request of the account is refused until credits are added: stop asking.
                        # Held in the rows (its posts to publish too), so that a person saying credits
                        # were added ends the hold from any process (account_options.credits_added).
                        until = now + BILLING_HOLD
                        unpaid = reason
                    with self.store.write() as conn:
                        for item in batch:
                            self._postpone(conn, item, now, reason, until=until)
                        if isinstance(error, BillingError) and until is not None:
                            message = billing_message(error, until)
                            hold_for_billing(conn, account_id, until, message, now, error=error, actor=ACTOR)
                    failed += len(batch)
                    continue
                polled += self._store_batch(batch, metrics, now)
                if start == 0:
                    self._lift_billing_hold(account_id, now)
        return PollReport(polled=polled, calls=calls, failed=failed)

    def _lift_billing_hold(self, account_id: int, now: datetime) -> None:
        """The platform answered the account: a hold for want of credits is over (a write only when there is one)."""
        with self.store.read() as conn:
            known = billing_hold_known(conn, account_id)
        if known:
            with self.store.write() as conn:
                lift_billing_hold(conn, account_id, now, actor=ACTOR)

    def _postpone(
        self, conn: Connection, item: _Due, now: datetime, reason: str, *, until: datetime | None = None
    ) -> None:
        """Try ``item`` again after a growing wait (or at ``until``; never past ``max_age``), and say why."""
        last_read = conn.execute(
            select(func.max(engagement_snapshots.c.captured_at)).where(
                engagement_snapshots.c.variant_id == item.variant_id
            )
        ).scalar()
        upcoming = self.policy.next_retry(item.published_at, last_read or item.published_at, now)
        if until is not None and upcoming is not None:
            upcoming = max(upcoming, until)
            if upcoming - item.published_at > self.policy.max_age:
                upcoming = None
        if upcoming is None:
            days = self.policy.max_age.total_seconds() / 86400
            tail = f" Polling stopped: the post is older than {days:g} days."
        else:
            tail = f" Next try {upcoming:%Y-%m-%d %H:%M} UTC."
        conn.execute(
            variants.update()
            .where(variants.c.id == item.variant_id)
            .values(
                next_poll_at=upcoming, last_error_class=METRICS_ERROR, last_error=f"Metrics failing: {reason}{tail}"
            )
        )

    def _store_batch(self, batch: list[_Due], metrics: list[Metrics], now: datetime) -> int:
        by_remote = {m.remote_id: m for m in metrics}
        written: list[tuple[int, bool]] = []
        with self.store.write() as conn:
            for item in batch:
                found = by_remote.get(item.remote_id)
                if found is None or MISSING_POST in found.missing:
                    # The platform has nothing for this post (deleted, hidden): no snapshot of
                    # empty counts, and retried like a failure (a hidden post may come back).
                    self._postpone(conn, item, now, _GONE)
                    continue
                partial = bool(found.missing)
                # Through the service: the snapshot and the dashboard's rollup in one transaction.
                engagement.record_snapshot(
                    conn,
                    item.variant_id,
                    now,
                    reactions=found.reactions,
                    shares=found.shares,
                    replies=found.replies,
                    impressions=found.impressions,
                    clicks=found.clicks,
                    metrics={**dict(found.raw), "missing": list(found.missing), **_notes(found)},
                    partial=partial,
                )
                written.append((item.variant_id, partial))
                values: dict[str, object] = {"next_poll_at": self.policy.next_poll(item.published_at, now)}
                if item.failing:
                    values.update(last_error_class=None, last_error=None)
                conn.execute(variants.update().where(variants.c.id == item.variant_id).values(**values))
        for variant_id, partial in written:
            self.bus.emit(Event(EventKind.METRICS_UPDATED, variant_id, {"partial": partial}))
        return len(written)


def _notes(found: Metrics) -> dict[str, list[str]]:
    """The connector's sentences on why metrics are missing (what to grant, what to fix), kept with the snapshot."""
    return {"notes": list(found.notes)} if found.notes else {}


def _reason(error: Exception) -> str:
    """One sentence for the user, without any secret: the connector's own message, or the error's name."""
    if isinstance(error, ConnectorError):
        return f"{error.kind}: {redact(error.message)}"
    text = redact(str(error)).strip()
    return f"{type(error).__name__}: {text}" if text else f"{type(error).__name__}."
