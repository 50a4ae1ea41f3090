"""Scheduler use cases shared by the CLI, the GUI and the worker."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from core import timeutil
from core.domain import VariantStatus
from core.errors import ConflictError, NotFoundError
from core.services import audit
from core.store import Store
from core.store.tables import accounts, variants

#: Statuses from which "publish now" may start.
_STARTABLE = (
    VariantStatus.DRAFT.value,
    VariantStatus.APPROVED.value,
    VariantStatus.SCHEDULED.value,
    VariantStatus.FAILED.value,
    VariantStatus.MISSED.value,
)


def make_due_now(store: Store, variant_id: int, *, now: datetime, actor: str) -> int:
    """Schedule ``variant_id`` at ``now`` with a fresh attempt budget; returns its new version."""
    with store.write() as conn:
        row = conn.execute(
            select(variants.c.status, variants.c.version, accounts.c.timezone)
            .join(accounts, accounts.c.id == variants.c.account_id)
            .where(variants.c.id == variant_id)
        ).first()
        if row is None:
            raise NotFoundError(f"No variant with id {variant_id}.")
        if row.status == VariantStatus.PUBLISHING.value:
            raise ConflictError(f"Variant {variant_id} is being published right now; wait for the result.")
        if row.status not in _STARTABLE:
            raise ConflictError(f"Variant {variant_id} is {row.status}; it cannot be published again.")
        local = now.astimezone(timeutil.zone(row.timezone)).replace(tzinfo=None)
        changed = conn.execute(
            variants.update()
            .where(variants.c.id == variant_id, variants.c.version == row.version)
            .values(
                status=VariantStatus.SCHEDULED.value,
                scheduled_at=now,
                schedule_zone=row.timezone,
                schedule_local=local.isoformat(timespec="minutes"),
                attempt_count=0,
                next_attempt_at=None,
                updated_at=now,
                version=variants.c.version + 1,
            )
        )
        if changed.rowcount != 1:
            raise ConflictError(f"Variant {variant_id} changed meanwhile; try again.")
        audit.record(
            conn, actor=actor, action="publish_now", entity="variant", entity_id=variant_id, details={}, at=now
        )
        return int(row.version) + 1
