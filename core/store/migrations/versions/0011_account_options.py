"""X account options as columns: links on X, and the access level X last showed.

They were kept as the accounts' ``edit`` audit events (the newest naming an option was its
value); the latest values are copied over, and the events stay in the trail as what they are.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # New columns with constant defaults: SQLite adds them in place, existing rows read the default.
    op.add_column("accounts", sa.Column("links_on_x", sa.Boolean(), server_default=sa.true(), nullable=False))
    op.add_column("accounts", sa.Column("x_access", sa.String(length=60), nullable=True))
    op.add_column("accounts", sa.Column("x_access_seen_at", sa.DateTime(timezone=True), nullable=True))
    _copy_from_the_trail(op.get_bind())


def _copy_from_the_trail(bind: sa.Connection) -> None:
    events = sa.table(
        "audit_events",
        sa.column("id", sa.Integer()),
        sa.column("at", sa.DateTime(timezone=True)),
        sa.column("action", sa.String()),
        sa.column("entity", sa.String()),
        sa.column("entity_id", sa.Integer()),
        sa.column("details", sa.JSON()),
    )
    accounts = sa.table(
        "accounts",
        sa.column("id", sa.Integer()),
        sa.column("links_on_x", sa.Boolean()),
        sa.column("x_access", sa.String()),
        sa.column("x_access_seen_at", sa.DateTime(timezone=True)),
    )
    rows = bind.execute(
        sa.select(events.c.entity_id, events.c.details, events.c.at)
        .where(events.c.entity == "account", events.c.action == "edit")
        .order_by(events.c.id.desc())
    )
    latest: dict[int, dict[str, object]] = {}
    for account_id, details, at in rows:
        if isinstance(details, str):  # a driver that hands JSON back as text
            details = json.loads(details)
        if not isinstance(details, dict) or account_id is None:
            continue
        known = latest.setdefault(account_id, {})
        for key in ("links_on_x", "x_access"):
            change = details.get(key)
            if key not in known and isinstance(change, dict) and "to" in change:  # newest first
                known[key] = change["to"]
                if key == "x_access":
                    known["x_access_seen_at"] = at
    for account_id, values in latest.items():
        update: dict[str, object] = {}
        if "links_on_x" in values:
            update["links_on_x"] = values["links_on_x"] is not False
        if values.get("x_access"):
            update["x_access"] = str(values["x_access"])[:60]
            update["x_access_seen_at"] = values["x_access_seen_at"]
        if update:
            bind.execute(accounts.update().where(accounts.c.id == account_id).values(**update))


def downgrade() -> None:
    # In place (SQLite 3.35+ too): rebuilding ``accounts`` would trip the keys to it.
    for column in ("x_access_seen_at", "x_access", "links_on_x"):
        op.execute(f"ALTER TABLE accounts DROP COLUMN {column}")
