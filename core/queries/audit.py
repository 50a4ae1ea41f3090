"""Reading the audit trail: who did what, when."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from core.domain import AuditAction, AuditEvent
from core.store import Store
from core.store.tables import audit_events


def list_events(
    store: Store, *, entity: str | None = None, entity_id: int | None = None, limit: int = 500
) -> list[AuditEvent]:
    """Events, newest first, optionally for one entity."""
    query = select(audit_events).order_by(audit_events.c.id.desc()).limit(limit)
    if entity is not None:
        query = query.where(audit_events.c.entity == entity)
    if entity_id is not None:
        query = query.where(audit_events.c.entity_id == entity_id)
    with store.read() as conn:
        return [_event(row._mapping) for row in conn.execute(query)]


def _event(row: Any) -> AuditEvent:
    action = row["action"]
    # Actions of a newer version or of a plugin stay readable as their plain string.
    known = action in AuditAction._value2member_map_
    return AuditEvent(**{**row, "action": AuditAction(action) if known else action})
