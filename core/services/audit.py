"""The audit trail: who did what, when. Never updated, never deleted."""

from __future__ import annotations

import getpass
import os
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from core import timeutil
from core.domain import AuditAction
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
    action: AuditAction,
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
            action=action.value,
            entity=entity,
            entity_id=entity_id,
            details=details or {},
        )
    )


def account_edited(
    conn: Connection, *, actor: str, account_id: int, details: dict[str, Any], at: datetime | None = None
) -> None:
    """Append the edit of account ``account_id`` inside the caller's transaction (``details``: what changed)."""
    record(conn, actor=actor, action=AuditAction.EDIT, entity="account", entity_id=account_id, details=details, at=at)
