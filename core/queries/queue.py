"""The queue and the calendar: variants across posts, filtered, one row each.

Both read the same row shape (:class:`QueueRow`), so the queue's list and the calendar's week
and month grids show one truth. Rows come straight from one SELECT with the filters in SQL and
an index-friendly order, so a screen opens quickly over tens of thousands of variants.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select

from core.domain import ReviewState, VariantStatus
from core.errors import UserError
from core.store import Store
from core.store.tables import accounts, variants
from core.words import Msg

#: Characters of a variant's text a row carries (a list shows a line, the full text is a click away).
SUMMARY_LENGTH = 160


@dataclass(frozen=True)
class QueueFilter:
    """What the queue shows. Empty collections and ``None`` mean "any"; times are UTC.

    ``start``/``end`` select by the variant's time: when it was published, else when it is
    (or was) scheduled; a variant without either (a draft with no time) is only shown when no
    period is given.
    """

    statuses: Collection[VariantStatus] = ()
    account_ids: Collection[int] = ()
    languages: Collection[str] = ()
    start: datetime | None = None
    end: datetime | None = None
    #: Only these variants (``None``: any; empty: none), e.g. those waiting for the person.
    variant_ids: Collection[int] | None = None


@dataclass(frozen=True)
class QueueRow:
    """One variant as a list or a calendar shows it."""

    variant_id: int
    post_id: int
    account_id: int
    account_name: str
    platform: str
    language: str
    status: VariantStatus
    summary: str  # the start of the variant's text
    at: datetime | None  # published_at when published, else scheduled_at
    schedule_zone: str | None
    schedule_local: str | None
    remote_url: str | None
    last_error_class: str | None
    last_error: str | None
    version: int
    approval_state: ReviewState = ReviewState.DRAFT
    approval_comment: str | None = None  # the reviewer's reason, while rejected


def _when() -> Any:
    return func.coalesce(variants.c.published_at, variants.c.scheduled_at)


def _select(flt: QueueFilter) -> Select[Any]:
    if flt.start is not None and flt.end is not None and flt.end <= flt.start:
        raise UserError(Msg("The period ends before it starts; pick an end after the start."))
    when = _when()
    query = select(
        variants.c.id,
        variants.c.post_id,
        variants.c.account_id,
        accounts.c.name,
        accounts.c.platform,
        variants.c.language,
        variants.c.status,
        func.substr(variants.c.text, 1, SUMMARY_LENGTH).label("summary"),
        when.label("at"),
        variants.c.schedule_zone,
        variants.c.schedule_local,
        variants.c.remote_url,
        variants.c.last_error_class,
        variants.c.last_error,
        variants.c.version,
        variants.c.approval_state,
        variants.c.approval_comment,
    ).join(accounts, accounts.c.id == variants.c.account_id)
    conditions: list[ColumnElement[bool]] = []
    if flt.statuses:
        conditions.append(variants.c.status.in_([VariantStatus(s).value for s in flt.statuses]))
    if flt.account_ids:
        conditions.append(variants.c.account_id.in_(list(flt.account_ids)))
    if flt.variant_ids is not None:
        conditions.append(variants.c.id.in_(list(flt.variant_ids)))
    if flt.languages:
        conditions.append(variants.c.language.in_(list(flt.languages)))
    if flt.start is not None:
        conditions.append(
            or_(
                variants.c.published_at >= flt.start,
                and_(variants.c.published_at.is_(None), variants.c.scheduled_at >= flt.start),
            )
        )
    if flt.end is not None:
        conditions.append(
            or_(
                variants.c.published_at < flt.end,
                and_(variants.c.published_at.is_(None), variants.c.scheduled_at < flt.end),
            )
        )
    return query.where(*conditions)


def _row(row: Any) -> QueueRow:
    return QueueRow(
        variant_id=row.id,
        post_id=row.post_id,
        account_id=row.account_id,
        account_name=row.name,
        platform=row.platform,
        language=row.language,
        status=VariantStatus(row.status),
        summary=row.summary,
        at=row.at,
        schedule_zone=row.schedule_zone,
        schedule_local=row.schedule_local,
        remote_url=row.remote_url,
        last_error_class=row.last_error_class,
        last_error=row.last_error,
        version=row.version,
        approval_state=ReviewState(row.approval_state),
        approval_comment=row.approval_comment,
    )


def queue(store: Store, flt: QueueFilter | None = None, *, limit: int = 1000, offset: int = 0) -> list[QueueRow]:
    """Variants matching ``flt``: the soonest first, those without a time last, then by id."""
    when = _when()
    query = _select(flt or QueueFilter()).order_by(when.is_(None), when, variants.c.id).limit(limit).offset(offset)
    with store.read() as conn:
        return [_row(row) for row in conn.execute(query)]


def count(store: Store, flt: QueueFilter | None = None) -> int:
    """How many variants match ``flt`` (for "showing 1,000 of 12,345")."""
    inner = _select(flt or QueueFilter()).subquery()
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(inner)).scalar_one())


def calendar(
    store: Store, start: datetime, end: datetime, *, account_ids: Collection[int] = (), limit: int = 20_000
) -> list[QueueRow]:
    """Every variant with a time in ``[start, end)`` (UTC), cancelled ones left out, in time order."""
    shown = [s for s in VariantStatus if s is not VariantStatus.CANCELLED]
    return queue(store, QueueFilter(statuses=shown, account_ids=account_ids, start=start, end=end), limit=limit)
