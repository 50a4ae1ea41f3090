"""What waits for me: the variants in review an approver can decide, or an officer's rejected ones.

On a team database the rows are also limited by row-level security; the filter by the person's
groups here makes the same list on a store where the login sees everything (its owner).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from core.domain import OPEN_STATUSES, ReviewState, VariantStatus
from core.services.permissions import Permission, current_user
from core.store import Store
from core.store.tables import accounts, posts, variants

#: Characters of a variant's text a row carries.
SUMMARY_LENGTH = 160


@dataclass(frozen=True)
class PendingRow:
    """One variant waiting for someone's decision or correction."""

    variant_id: int
    post_id: int
    author: str
    account_name: str
    language: str
    status: VariantStatus
    approval_state: ReviewState
    comment: str | None  # the rejection's reason
    summary: str
    updated_at: datetime
    version: int


def waiting_for_me(store: Store, *, actor: str | None = None, limit: int = 1000) -> list[PendingRow]:
    """For an approver (or admin): variants in review on their groups' accounts, oldest first.
    For an officer: the rejected variants on their groups' accounts, to correct and submit again."""
    with store.read() as conn:
        user = current_user(conn, actor)
        wanted = ReviewState.IN_REVIEW if user.can(Permission.APPROVE) else ReviewState.REJECTED
        query = (
            select(
                variants.c.id,
                variants.c.post_id,
                posts.c.author,
                accounts.c.name,
                variants.c.language,
                variants.c.status,
                variants.c.approval_state,
                variants.c.approval_comment,
                func.substr(variants.c.text, 1, SUMMARY_LENGTH).label("summary"),
                variants.c.updated_at,
                variants.c.version,
            )
            .join(accounts, accounts.c.id == variants.c.account_id)
            .join(posts, posts.c.id == variants.c.post_id)
            .where(
                variants.c.approval_state == wanted.value,
                variants.c.status.in_([s.value for s in OPEN_STATUSES]),
            )
            .order_by(variants.c.updated_at, variants.c.id)
            .limit(limit)
        )
        if user.account_ids is not None:
            query = query.where(variants.c.account_id.in_(sorted(user.account_ids)))
        rows = conn.execute(query).all()
    return [
        PendingRow(
            variant_id=r.id,
            post_id=r.post_id,
            author=r.author,
            account_name=r.name,
            language=r.language,
            status=VariantStatus(r.status),
            approval_state=ReviewState(r.approval_state),
            comment=r.approval_comment,
            summary=r.summary,
            updated_at=r.updated_at,
            version=r.version,
        )
        for r in rows
    ]
