"""The audit trail: who did what, when. Never updated, never deleted."""

from __future__ import annotations

import getpass
import os
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from core import timeutil
from core.domain import AuditEvent
from core.store import Store
from core.store.tables import audit_events

ACTOR_ENV = "COMMUNIQUE_USER"


def default_actor() -> str:
    """The person acting: ``COMMUNIQUE_USER``, else the operating-system login."""
    configured = os.environ.get(ACTOR_ENV)
    if configured:
        return configured
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, e.g. in a container
        return "unknown"


def record(
    conn: Connection,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    details: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> None:
    """Append one event inside the caller's transaction."""
    conn.execute(
        audit_events.insert().values(
            at=at or timeutil.now_utc(),
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            details=details or {},
        )
    )


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
        return [AuditEvent(**row._mapping) for row in conn.execute(query)]
