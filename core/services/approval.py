"""Approval: an officer submits variants, an approver approves or rejects them with a comment.

Each variant carries its own ``approval_state`` (:class:`core.domain.ReviewState`): ``draft``,
``in_review`` (submitted), ``approved`` or ``rejected`` (with the approver's comment, kept until
it is approved). Approving a draft variant also moves its status to ``approved``. An account
that requires approval takes nothing scheduled before its variant is approved
(:func:`refuse_unapproved`, called where every variant becomes scheduled), and an edit of an
approved variant sends it back to review (:func:`after_edit`, called by every edit path).
Every action is audited, one event per variant.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from core import plaintext, queries, timeutil
from core.domain import AuditAction, ReviewState, Variant, VariantStatus
from core.errors import ConflictError, UserError
from core.services import audit
from core.services.permissions import Permission, require
from core.store import Store
from core.store.tables import accounts, variants
from core.words import Msg

#: The longest rejection comment kept.
MAX_COMMENT = 2000


def refuse_unapproved(conn: Connection, variant_id: int) -> None:
    """Refuse (one sentence) to schedule ``variant_id`` when its account requires approval it lacks."""
    row = conn.execute(
        select(variants.c.approval_state, accounts.c.requires_approval, accounts.c.name)
        .join(accounts, accounts.c.id == variants.c.account_id)
        .where(variants.c.id == variant_id)
    ).first()
    if row is not None and row.requires_approval and row.approval_state != ReviewState.APPROVED.value:
        raise ConflictError(
            Msg(
                "Variant {variant_id} to {account!r} needs an approver's approval before it can be scheduled; "
                "submit it for approval first.",
                variant_id=variant_id,
                account=row.name,
            )
        )


def refuse_new_unapproved(conn: Connection, account_id: int, approval_state: object) -> None:
    """The same rule for a variant about to be inserted already scheduled."""
    row = conn.execute(select(accounts.c.requires_approval, accounts.c.name).where(accounts.c.id == account_id)).first()
    if row is not None and row.requires_approval and approval_state != ReviewState.APPROVED.value:
        raise ConflictError(
            Msg(
                "The account {account!r} requires approval: create the post as a draft, submit it, and schedule "
                "it once it is approved.",
                account=row.name,
            )
        )


def requires_approval(conn: Connection, account_id: int) -> bool:
    """Whether the account takes only approved variants."""
    return bool(conn.execute(select(accounts.c.requires_approval).where(accounts.c.id == account_id)).scalar())


def after_edit(variant: Variant, required: bool) -> dict[str, Any]:
    """The columns that change when ``variant``'s text changes: an approved variant goes back to review.

    It loses its approval; an ``approved`` status becomes ``draft``, and so does a ``scheduled``
    one on an account that requires approval (its time is kept for rescheduling once approved).
    """
    if variant.approval_state is not ReviewState.APPROVED:
        return {}
    changes: dict[str, Any] = {
        "approval_state": ReviewState.IN_REVIEW.value,
        "approved_by": None,
        "approved_at": None,
    }
    if variant.status is VariantStatus.APPROVED or (variant.status is VariantStatus.SCHEDULED and required):
        changes["status"] = VariantStatus.DRAFT.value
    return changes


def _chosen(conn: Connection, post_id: int | None, variant_ids: Sequence[int]) -> list[Variant]:
    if post_id is not None:
        found = [v for v in queries.fetch_post(conn, post_id).variants if v.is_open]
        if variant_ids:
            found = [v for v in found if v.id in set(variant_ids)]
        if not found:
            raise ConflictError(
                Msg("Post {post_id} has no variant that can still go through approval.", post_id=post_id)
            )
        return found
    if not variant_ids:
        raise UserError(Msg("Name at least one variant (or a post)."))
    return [queries.fetch_variant(conn, i) for i in dict.fromkeys(variant_ids)]


def _write(conn: Connection, variant: Variant, values: dict[str, Any], now: datetime) -> None:
    changed = conn.execute(
        variants.update()
        .where(variants.c.id == variant.id, variants.c.version == variant.version)
        .values(**values, updated_at=now, version=variants.c.version + 1)
    )
    if changed.rowcount != 1:
        raise ConflictError(
            Msg("Variant {variant_id} changed meanwhile; look at it again and retry.", variant_id=variant.id)
        )


def _open(variant: Variant, doing: Msg) -> None:
    if variant.status is VariantStatus.PUBLISHING or not variant.is_open:
        raise ConflictError(
            Msg(
                "Variant {variant_id} ({account_name}) is {status}; {doing}.",
                variant_id=variant.id,
                account_name=variant.account_name,
                status=variant.status,
                doing=doing,
            )
        )


def submit(
    store: Store, *, post_id: int | None = None, variant_ids: Sequence[int] = (), actor: str | None = None
) -> list[Variant]:
    """Send variants (those of ``post_id`` not yet submitted or approved, or ``variant_ids``) for approval."""
    now = timeutil.now_utc()
    with store.write() as conn:
        chosen = _chosen(conn, post_id, variant_ids)
        if post_id is not None and not variant_ids:
            chosen = [v for v in chosen if v.approval_state in (ReviewState.DRAFT, ReviewState.REJECTED)]
            if not chosen:
                raise ConflictError(
                    Msg("Post {post_id} has nothing left to submit: it is in review or approved.", post_id=post_id)
                )
        user = require(conn, Permission.SUBMIT, {v.account_id for v in chosen}, actor=actor)
        for variant in chosen:
            _open(variant, Msg("it can no longer be submitted"))
            if variant.approval_state in (ReviewState.IN_REVIEW, ReviewState.APPROVED):
                state = Msg("in review") if variant.approval_state is ReviewState.IN_REVIEW else Msg("approved")
                raise ConflictError(Msg("Variant {variant_id} is already {state}.", variant_id=variant.id, state=state))
            _write(conn, variant, {"approval_state": ReviewState.IN_REVIEW.value}, now)
            _audit(conn, user.login, AuditAction.SUBMIT, variant, {}, now)
        return [queries.fetch_variant(conn, v.id) for v in chosen]


def approve(store: Store, variant_ids: Sequence[int], *, actor: str | None = None) -> list[Variant]:
    """Approve variants (submitted, or drafts an approver approves at once); a draft's status becomes approved."""
    now = timeutil.now_utc()
    with store.write() as conn:
        chosen = _chosen(conn, None, variant_ids)
        user = require(conn, Permission.APPROVE, {v.account_id for v in chosen}, actor=actor)
        for variant in chosen:
            _open(variant, Msg("there is nothing to approve"))
            if variant.approval_state is ReviewState.APPROVED:
                raise ConflictError(Msg("Variant {variant_id} is already approved.", variant_id=variant.id))
            values: dict[str, Any] = {
                "approval_state": ReviewState.APPROVED.value,
                "approval_comment": None,
                "approved_by": user.login,
                "approved_at": now,
            }
            if variant.status is VariantStatus.DRAFT:
                values["status"] = VariantStatus.APPROVED.value
            _write(conn, variant, values, now)
            _audit(conn, user.login, AuditAction.APPROVE, variant, {}, now)
        return [queries.fetch_variant(conn, v.id) for v in chosen]


def reject(store: Store, variant_ids: Sequence[int], comment: str, *, actor: str | None = None) -> list[Variant]:
    """Send variants back to their authors with ``comment`` (kept and shown until they are approved).

    A rejected variant is a draft again: an approved or scheduled one is taken off the schedule.
    """
    reason = plaintext.normalize_line_ends(comment or "").strip()
    if not reason:
        raise UserError(Msg("Say why it is rejected: the comment is what its author will read."))
    if len(reason) > MAX_COMMENT:
        raise UserError(
            Msg(
                "The comment is {length:,} characters; keep it under {max_comment:,}.",
                length=len(reason),
                max_comment=MAX_COMMENT,
            )
        )
    plaintext.refuse_controls(reason)
    now = timeutil.now_utc()
    with store.write() as conn:
        chosen = _chosen(conn, None, variant_ids)
        user = require(conn, Permission.APPROVE, {v.account_id for v in chosen}, actor=actor)
        for variant in chosen:
            _open(variant, Msg("it can no longer be rejected"))
            if variant.approval_state not in (ReviewState.IN_REVIEW, ReviewState.APPROVED):
                raise ConflictError(
                    Msg(
                        "Variant {variant_id} is not waiting for approval; there is nothing to reject.",
                        variant_id=variant.id,
                    )
                )
            values: dict[str, Any] = {
                "approval_state": ReviewState.REJECTED.value,
                "approval_comment": reason,
                "approved_by": None,
                "approved_at": None,
            }
            if variant.status is not VariantStatus.DRAFT:
                values.update(status=VariantStatus.DRAFT.value, next_attempt_at=None)
            _write(conn, variant, values, now)
            _audit(conn, user.login, AuditAction.REJECT, variant, {"comment": reason}, now)
        return [queries.fetch_variant(conn, v.id) for v in chosen]


def set_requires_approval(store: Store, account: str, required: bool, *, actor: str | None = None) -> None:
    """Make ``account`` take only approved variants (or not); an admin's decision."""
    now = timeutil.now_utc()
    with store.write() as conn:
        found = queries.fetch_account(conn, account)
        user = require(conn, Permission.ADMIN, actor=actor)
        conn.execute(
            accounts.update().where(accounts.c.id == found.id).values(requires_approval=required, updated_at=now)
        )
        audit.record(
            conn,
            actor=user.login,
            action=AuditAction.REQUIRE_APPROVAL,
            entity="account",
            entity_id=found.id,
            details={"required": required},
            at=now,
        )


def _audit(
    conn: Connection, who: str, action: AuditAction, variant: Variant, extra: dict[str, Any], now: datetime
) -> None:
    details = {"post": variant.post_id, "account": variant.account_name, **extra}
    audit.record(conn, actor=who, action=action, entity="variant", entity_id=variant.id, details=details, at=now)
