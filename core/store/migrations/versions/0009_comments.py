"""Audience feedback: comments and replies on published variants, their edits and translations,
and one counter of the changes a reader would see (``comment_activity``).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

#: Who may see a row in a team database: a comment as its account, the rest as their comment.
ROW_RULES = {
    "comments": "account_id IN (SELECT communique_visible_accounts(current_user::text))",
    "comment_revisions": "EXISTS (SELECT 1 FROM comments c WHERE c.id = comment_revisions.comment_id)",
    "comment_translations": "EXISTS (SELECT 1 FROM comments c WHERE c.id = comment_translations.comment_id)",
    "comment_polls": "EXISTS (SELECT 1 FROM variants v WHERE v.id = comment_polls.variant_id)",
}


def upgrade() -> None:
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("variant_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("remote_id", sa.String(length=100), nullable=False),
        sa.Column("parent_remote_id", sa.String(length=100), nullable=True),
        sa.Column("author_name", sa.String(length=200), server_default="", nullable=False),
        sa.Column("author_id", sa.String(length=100), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("language_confidence", sa.Float(), nullable=True),
        sa.Column("language_source", sa.String(length=20), nullable=True),
        sa.Column("platform_language", sa.String(length=8), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("edited_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("like_count", sa.BigInteger(), nullable=True),
        sa.Column("reply_count", sa.BigInteger(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("read_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_comments_account_id_accounts"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["variant_id"], ["variants.id"], name=op.f("fk_comments_variant_id_variants"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comments")),
        sa.UniqueConstraint("variant_id", "remote_id", name=op.f("uq_comments_variant_id_remote_id")),
    )
    op.create_index("ix_comments_account_id_created_at", "comments", ["account_id", "created_at"], unique=False)
    op.create_index("ix_comments_created_at_id", "comments", ["created_at", "id"], unique=False)
    op.create_table(
        "comment_revisions",
        sa.Column("comment_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["comment_id"], ["comments.id"], name=op.f("fk_comment_revisions_comment_id_comments"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("comment_id", "number", name=op.f("pk_comment_revisions")),
    )
    op.create_table(
        "comment_translations",
        sa.Column("comment_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("source_language", sa.String(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("translation_path", sa.String(length=80), nullable=True),
        sa.Column("source_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["comment_id"],
            ["comments.id"],
            name=op.f("fk_comment_translations_comment_id_comments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("comment_id", "language", name=op.f("pk_comment_translations")),
    )
    op.create_table(
        "comment_polls",
        sa.Column("variant_id", sa.Integer(), nullable=False),
        sa.Column("next_poll_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_polled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("newest_remote_id", sa.String(length=100), nullable=True),
        sa.Column("error_class", sa.String(length=40), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["variant_id"], ["variants.id"], name=op.f("fk_comment_polls_variant_id_variants"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("variant_id", name=op.f("pk_comment_polls")),
    )
    op.create_index(op.f("ix_comment_polls_next_poll_at"), "comment_polls", ["next_poll_at"], unique=False)
    activity = op.create_table(
        "comment_activity",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("serial", sa.BigInteger(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comment_activity")),
    )
    op.bulk_insert(activity, [{"id": 1, "serial": 0}])
    bind = op.get_bind()
    if bind.dialect.name == "postgresql" and _secured(bind):
        for table, rule in ROW_RULES.items():
            op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
            op.execute(f"CREATE POLICY {table}_groups ON {table} FOR ALL USING ({rule}) WITH CHECK ({rule})")


def _secured(bind: sa.Connection) -> bool:
    """Whether migration 0007 installed the team's row-level security here (its functions exist)."""
    found = bind.exec_driver_sql("SELECT to_regproc('communique_visible_accounts') IS NOT NULL").scalar_one()
    return bool(found)


def downgrade() -> None:
    op.drop_table("comment_activity")
    op.drop_index(op.f("ix_comment_polls_next_poll_at"), table_name="comment_polls")
    op.drop_table("comment_polls")
    op.drop_table("comment_translations")
    op.drop_table("comment_revisions")
    op.drop_index("ix_comments_created_at_id", table_name="comments")
    op.drop_index("ix_comments_account_id_created_at", table_name="comments")
    op.drop_table("comments")
