"""Engagement reads: a published variant's metrics over time, and the latest figures of many.

The poller appends snapshots and never overwrites one; these queries read them. A figure the
platform did not give is ``None`` (not zero): a chart leaves a gap rather than a false dip.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from core.domain import VariantStatus
from core.store import Store
from core.store.tables import accounts, engagement_snapshots, variants

#: The figures every connector may give, in the order screens and exports show them.
METRICS = ("reactions", "shares", "replies", "impressions", "clicks")


@dataclass(frozen=True)
class Snapshot:
    """One variant's figures at one moment."""

    captured_at: datetime
    reactions: int | None
    shares: int | None
    replies: int | None
    impressions: int | None
    clicks: int | None
    partial: bool  # some figures were refused by the platform that time


@dataclass(frozen=True)
class PublishedEngagement:
    """A published variant with its latest figures (``latest`` is ``None`` before the first poll)."""

    variant_id: int
    post_id: int
    account_id: int
    account_name: str
    platform: str
    language: str
    published_at: datetime | None
    remote_url: str | None
    latest: Snapshot | None


def _snapshot(row: Any) -> Snapshot:
    return Snapshot(
        captured_at=row.captured_at,
        reactions=row.reactions,
        shares=row.shares,
        replies=row.replies,
        impressions=row.impressions,
        clicks=row.clicks,
        partial=bool(row.partial),
    )


def series(store: Store, variant_id: int) -> list[Snapshot]:
    """Every snapshot of ``variant_id``, oldest first."""
    query = (
        select(engagement_snapshots)
        .where(engagement_snapshots.c.variant_id == variant_id)
        .order_by(engagement_snapshots.c.captured_at, engagement_snapshots.c.id)
    )
    with store.read() as conn:
        return [_snapshot(row) for row in conn.execute(query)]


def published(
    store: Store,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    account_ids: Collection[int] = (),
    languages: Collection[str] = (),
) -> list[PublishedEngagement]:
    """Published variants (``published_at`` in ``[since, until)``) with their latest figures, newest first."""
    newest = (
        select(
            engagement_snapshots.c.variant_id,
            func.max(engagement_snapshots.c.id).label("snapshot_id"),
        )
        .group_by(engagement_snapshots.c.variant_id)
        .subquery()
    )
    latest = engagement_snapshots.alias("latest")
    query = (
        select(
            variants.c.id.label("variant_id"),
            variants.c.post_id,
            variants.c.account_id,
            accounts.c.name.label("account_name"),
            accounts.c.platform,
            variants.c.language,
            variants.c.published_at,
            variants.c.remote_url,
            latest.c.captured_at,
            latest.c.reactions,
            latest.c.shares,
            latest.c.replies,
            latest.c.impressions,
            latest.c.clicks,
            latest.c.partial,
        )
        .join(accounts, accounts.c.id == variants.c.account_id)
        .outerjoin(newest, newest.c.variant_id == variants.c.id)
        .outerjoin(latest, latest.c.id == newest.c.snapshot_id)
        .where(variants.c.status == VariantStatus.PUBLISHED.value)
        .order_by(variants.c.published_at.desc(), variants.c.id.desc())
    )
    if since is not None:
        query = query.where(variants.c.published_at >= since)
    if until is not None:
        query = query.where(variants.c.published_at < until)
    if account_ids:
        query = query.where(variants.c.account_id.in_(list(account_ids)))
    if languages:
        query = query.where(variants.c.language.in_(list(languages)))
    with store.read() as conn:
        return [
            PublishedEngagement(
                variant_id=row.variant_id,
                post_id=row.post_id,
                account_id=row.account_id,
                account_name=row.account_name,
                platform=row.platform,
                language=row.language,
                published_at=row.published_at,
                remote_url=row.remote_url,
                latest=None if row.captured_at is None else _snapshot(row),
            )
            for row in conn.execute(query)
        ]
