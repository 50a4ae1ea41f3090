"""Engagement rollup: each variant's latest figures and what variants gained per hour, backfilled.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "engagement_latest",
        sa.Column("variant_id", sa.Integer(), nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("captured_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("readings", sa.Integer(), nullable=False),
        sa.Column("reactions", sa.BigInteger(), nullable=True),
        sa.Column("shares", sa.BigInteger(), nullable=True),
        sa.Column("replies", sa.BigInteger(), nullable=True),
        sa.Column("impressions", sa.BigInteger(), nullable=True),
        sa.Column("clicks", sa.BigInteger(), nullable=True),
        sa.Column("partial", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("day_engagements", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["variant_id"], ["variants.id"], name=op.f("fk_engagement_latest_variant_id_variants"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("variant_id", name=op.f("pk_engagement_latest")),
    )
    op.create_table(
        "engagement_hourly",
        sa.Column("hour", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_day", sa.Date(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("reactions", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("shares", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("replies", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("impressions", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("clicks", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("rated_engagements", sa.BigInteger(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_engagement_hourly_account_id_accounts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("hour", "published_day", "account_id", "language", name=op.f("pk_engagement_hourly")),
        sqlite_with_rowid=False,
    )
    # The rollup is derived data: fill it from the snapshots already there, with the same code
    # that maintains it (a later migration changing these tables must bring its own backfill).
    from core.services.engagement import rebuild_on

    rebuild_on(op.get_bind())


def downgrade() -> None:
    op.drop_table("engagement_hourly")
    op.drop_table("engagement_latest")
