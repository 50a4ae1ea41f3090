"""Which approval actions a screen offers for a variant, for the person using the app (Qt-free).

The rule only decides which buttons are worth showing; the services in
:mod:`core.services.approval` check everything again and their refusal is what the person reads.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace

from core import queries
from core.domain import OPEN_STATUSES, Account, ReviewState, Variant, VariantStatus
from core.services import accounts, approval
from core.services.accounts import AccountEdit
from core.services.permissions import CurrentUser, Permission
from core.store import Store


class ApprovalAction(enum.StrEnum):
    """What a person may do about a variant's approval."""

    SUBMIT = "submit"
    APPROVE = "approve"
    REJECT = "reject"


def approval_actions(
    status: VariantStatus, state: ReviewState, user: CurrentUser | None, account_id: int | None = None
) -> frozenset[ApprovalAction]:
    """The approval actions ``user`` is offered on a variant in ``status`` and ``state``.

    Nothing is offered for a closed variant (published, cancelled...), one being published, or
    while the person is not known yet; an account outside the person's groups offers nothing.
    """
    if user is None or status not in OPEN_STATUSES or status is VariantStatus.PUBLISHING:
        return frozenset()
    if account_id is not None and not user.works_on(account_id):
        return frozenset()
    found: set[ApprovalAction] = set()
    if state in (ReviewState.DRAFT, ReviewState.REJECTED) and user.can(Permission.SUBMIT):
        found.add(ApprovalAction.SUBMIT)
    if state is ReviewState.IN_REVIEW and user.can(Permission.APPROVE):
        found |= {ApprovalAction.APPROVE, ApprovalAction.REJECT}
    return frozenset(found)


def needing_approval(known: Iterable[Account], account_ids: Iterable[int]) -> list[str]:
    """The names of those of ``account_ids`` whose account (among ``known``) requires approval, in order."""
    required = {a.id: a.name for a in known if a.requires_approval}
    return [required[i] for i in dict.fromkeys(account_ids) if i in required]


def submit(store: Store, variant_ids: Iterable[int]) -> int:
    """Submit ``variant_ids`` for approval; how many were submitted."""
    return len(approval.submit(store, variant_ids=list(variant_ids)))


def approve(store: Store, variant_id: int) -> int:
    """Approve one variant; how many were approved."""
    return len(approval.approve(store, [variant_id]))


def reject(store: Store, variant_id: int, comment: str) -> int:
    """Reject one variant with ``comment``; how many were rejected."""
    return len(approval.reject(store, [variant_id], comment))


def save_account(
    store: Store, name: str, requires: bool, *, language: str, timezone: str, handle: str, grace_minutes: int
) -> AccountEdit:
    """Save the "Edit account" form: its fields, then (when it changed) whether the account requires approval.

    The switch is an admin's decision (:func:`core.services.approval.set_requires_approval`
    refuses anyone else); the answer names ``requires_approval`` among the changed fields.
    """
    edit = accounts.edit_account(
        store, name, language=language, timezone=timezone, handle=handle, grace_minutes=grace_minutes
    )
    if edit.account.requires_approval == requires:
        return edit
    approval.set_requires_approval(store, name, requires)
    fresh = queries.get_account(store, name)
    return replace(edit, account=fresh, changed=(*edit.changed, "requires_approval"))


@dataclass(frozen=True)
class ApprovalGate:
    """What approval still stands between a post's variants and "Schedule"."""

    to_submit: tuple[Variant, ...] = ()  # on an account that requires approval, not submitted yet (or rejected)
    waiting: tuple[str, ...] = ()  # account names whose variant waits for an approver

    @property
    def blocked(self) -> bool:
        """True while some variant to schedule lacks its approval."""
        return bool(self.to_submit or self.waiting)


def approval_gate(chosen: Iterable[Variant], required: Collection[int]) -> ApprovalGate:
    """The gate for the variants about to be scheduled, ``required``: the ids of accounts that require approval."""
    needing = [v for v in chosen if v.account_id in required and v.approval_state is not ReviewState.APPROVED]
    return ApprovalGate(
        to_submit=tuple(v for v in needing if v.approval_state in (ReviewState.DRAFT, ReviewState.REJECTED)),
        waiting=tuple(v.account_name for v in needing if v.approval_state is ReviewState.IN_REVIEW),
    )


def requiring_ids(store: Store) -> frozenset[int]:
    """The ids of the accounts that require approval."""
    return frozenset(a.id for a in queries.list_accounts(store) if a.requires_approval)
