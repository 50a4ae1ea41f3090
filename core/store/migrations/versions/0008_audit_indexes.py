"""Indexes for the Audit screen: the trail newest first over a period, by person, by action.

Before this, only (entity, entity_id) was indexed: a period, a person or an action read the whole
trail. (at, id) serves the newest-first keyset pages; (actor, at) and (action, at) the filters
and the lists of names the filters offer.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_INDEXES = {
    "ix_audit_events_at_id": ["at", "id"],
    "ix_audit_events_actor_at": ["actor", "at"],
    "ix_audit_events_action_at": ["action", "at"],
}


def upgrade() -> None:
    for name, columns in _INDEXES.items():
        op.create_index(name, "audit_events", columns, unique=False)


def downgrade() -> None:
    for name in reversed(_INDEXES):
        op.drop_index(name, table_name="audit_events")
