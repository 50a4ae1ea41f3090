"""Engagement polling: due published variants, batched per account, one snapshot row per poll."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from connectors.base import ConnectorError, Metrics
from core.domain import VariantStatus
from core.secrets import redact
from core.store import Store
from core.store.tables import engagement_snapshots, variants
from scheduler.cadence import PollingPolicy
from scheduler.clock import Clock
from scheduler.connections import AccountLimiter, ConnectorPool
from scheduler.events import Event, EventBus, EventKind

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PollReport:
    """How one polling round went."""

    polled: int  # snapshots written
    calls: int  # fetch_metrics calls made
    failed: int  # variants whose batch failed (retried later)


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
                select(variants.c.id, variants.c.account_id, variants.c.remote_id, variants.c.published_at)
                .where(
                    variants.c.status == VariantStatus.PUBLISHED.value,
                    variants.c.next_poll_at <= now,
                    variants.c.remote_id.is_not(None),
                )
                .order_by(variants.c.next_poll_at)
                .limit(limit)
            ).all()
        by_account: dict[int, list[tuple[int, str, datetime]]] = defaultdict(list)
        for row in rows:
            by_account[row.account_id].append((row.id, row.remote_id, row.published_at or now))
        polled = calls = failed = 0
        for account_id, items in by_account.items():
            if self.limiter.blocked_until(account_id, now) is not None:
                continue
            size = max(1, self.policy.batch_size)
            for start in range(0, len(items), size):
                batch = items[start : start + size]
                calls += 1
                try:
                    connector = self.pool.get(account_id)
                    try:
                        metrics = connector.fetch_metrics([remote for _, remote, _ in batch])
                    finally:
                        self.limiter.observe(account_id, connector, self.clock())
                except Exception as error:
                    # Whatever broke (the platform, a plugin not installed here, a malformed answer),
                    # only this batch waits: the others, and the rest of the sweep, go on.
                    reason = error.kind if isinstance(error, ConnectorError) else type(error).__name__
                    log.warning(
                        "metrics for account %s failed (%s: %s); retrying later",
                        account_id,
                        reason,
                        redact(str(error)),
                    )
                    self._postpone(batch, now)
                    failed += len(batch)
                    continue
                polled += self._store_batch(batch, metrics, now)
        return PollReport(polled=polled, calls=calls, failed=failed)

    def _postpone(self, batch: list[tuple[int, str, datetime]], now: datetime) -> None:
        with self.store.write() as conn:
            conn.execute(
                variants.update()
                .where(variants.c.id.in_([vid for vid, _, _ in batch]))
                .values(next_poll_at=now + self.policy.retry_after_error)
            )

    def _store_batch(self, batch: list[tuple[int, str, datetime]], metrics: list[Metrics], now: datetime) -> int:
        by_remote = {m.remote_id: m for m in metrics}
        written: list[tuple[int, bool]] = []
        with self.store.write() as conn:
            for variant_id, remote_id, published_at in batch:
                found = by_remote.get(remote_id)
                if found is not None:
                    partial = bool(found.missing)
                    conn.execute(
                        engagement_snapshots.insert().values(
                            variant_id=variant_id,
                            captured_at=now,
                            reactions=found.reactions,
                            shares=found.shares,
                            replies=found.replies,
                            impressions=found.impressions,
                            clicks=found.clicks,
                            metrics={**dict(found.raw), "missing": list(found.missing)},
                            partial=partial,
                        )
                    )
                    written.append((variant_id, partial))
                    upcoming = self.policy.next_poll(published_at, now)
                else:
                    # The platform said nothing about this post (deleted, hidden): try again later.
                    upcoming = now + self.policy.retry_after_error
                    if self.policy.next_poll(published_at, now) is None:
                        upcoming = None
                conn.execute(variants.update().where(variants.c.id == variant_id).values(next_poll_at=upcoming))
        for variant_id, partial in written:
            self.bus.emit(Event(EventKind.METRICS_UPDATED, variant_id, {"partial": partial}))
        return len(written)
