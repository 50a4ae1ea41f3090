"""Accounts whose engagement figures cannot be read: one line each for the screens.

The poller marks a published variant whose metrics poll fails with ``last_error_class``
``"metrics"`` and a "Metrics failing: ..." message, and clears both on the next good poll.
Grouped by account, because the cause is nearly always the account's (a withdrawn token, a
plugin missing here), not the post's.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import func, select

from core.domain import VariantStatus
from core.store import Store
from core.store.tables import accounts, variants

#: The poller's mark (``scheduler.poller.METRICS_ERROR``; core cannot import the scheduler).
METRICS_ERROR = "metrics"


@dataclass(frozen=True)
class FailingMetrics:
    """One account with published variants whose figures cannot be read."""

    account_id: int
    account_name: str
    platform: str
    variants: int  # how many of its published variants are affected
    last_error: str | None  # the message of the newest of them


def failing_metrics(store: Store, *, account_ids: Collection[int] = ()) -> list[FailingMetrics]:
    """Accounts whose metrics polling is failing, by name."""
    marked = [variants.c.status == VariantStatus.PUBLISHED.value, variants.c.last_error_class == METRICS_ERROR]
    if account_ids:
        marked.append(variants.c.account_id.in_(list(account_ids)))
    grouped = (
        select(
            variants.c.account_id,
            func.count().label("affected"),
            func.max(variants.c.id).label("newest"),
        )
        .where(*marked)
        .group_by(variants.c.account_id)
        .subquery()
    )
    query = (
        select(accounts.c.id, accounts.c.name, accounts.c.platform, grouped.c.affected, variants.c.last_error)
        .join(grouped, grouped.c.account_id == accounts.c.id)
        .join(variants, variants.c.id == grouped.c.newest)
        .order_by(accounts.c.name)
    )
    with store.read() as conn:
        return [
            FailingMetrics(
                account_id=row.id,
                account_name=row.name,
                platform=row.platform,
                variants=int(row.affected),
                last_error=row.last_error,
            )
            for row in conn.execute(query)
        ]
