"""Team mode: users, groups, accounts that require approval, each variant's approval; on
PostgreSQL, row-level security so that a login sees and changes only its groups' posts.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

#: Everyone reads these; only an admin (or, while there are no users, anyone) changes them.
ADMIN_WRITES = ("accounts", "users", "groups", "group_accounts", "group_members", "posting_slots")

#: Who may see and change a row of each table (``current_user``: the login the server authenticated).
#: Subqueries on ``posts`` and ``variants`` are themselves filtered by those tables' policies.
ROW_RULES = {
    "variants": "account_id IN (SELECT communique_visible_accounts(current_user::text))",
    "engagement_hourly": "account_id IN (SELECT communique_visible_accounts(current_user::text))",
    "posts": "author = current_user::text OR communique_is_admin(current_user::text) "
    "OR EXISTS (SELECT 1 FROM variants v WHERE v.post_id = posts.id)",
    "media": "EXISTS (SELECT 1 FROM posts p WHERE p.id = media.post_id)",
    "publish_attempts": "EXISTS (SELECT 1 FROM variants v WHERE v.id = publish_attempts.variant_id)",
    "engagement_snapshots": "EXISTS (SELECT 1 FROM variants v WHERE v.id = engagement_snapshots.variant_id)",
    "engagement_latest": "EXISTS (SELECT 1 FROM variants v WHERE v.id = engagement_latest.variant_id)",
    "recurrences": "EXISTS (SELECT 1 FROM variants v WHERE v.id = recurrences.template_variant_id)",
    "drafts": "author = current_user::text OR communique_is_admin(current_user::text)",
}

# SECURITY DEFINER: they read the users and groups as the tables' owner, so that a policy on
# ``users`` can ask "is this login an admin" without recursing into its own policy. The login
# is an argument because inside such a function ``current_user`` is the owner.
_FUNCTIONS = """
CREATE FUNCTION communique_is_admin(who text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, {schema} AS $$
    SELECT NOT EXISTS (SELECT 1 FROM users)
        OR EXISTS (SELECT 1 FROM users WHERE login = who AND active AND role = 'admin')
$$;
CREATE FUNCTION communique_visible_accounts(who text) RETURNS SETOF integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, {schema} AS $$
    SELECT id FROM accounts WHERE communique_is_admin(who)
    UNION
    SELECT ga.account_id FROM group_accounts ga
    JOIN group_members gm ON gm.group_id = ga.group_id
    JOIN users u ON u.id = gm.user_id
    WHERE u.login = who AND u.active
$$;
"""


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=100), nullable=False),
        sa.Column("display_name", sa.String(length=200), server_default="", nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("login", name=op.f("uq_users_login")),
    )
    op.create_table(
        "groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_groups")),
        sa.UniqueConstraint("name", name=op.f("uq_groups_name")),
    )
    op.create_table(
        "group_accounts",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_group_accounts_account_id_accounts"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["group_id"], ["groups.id"], name=op.f("fk_group_accounts_group_id_groups"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("group_id", "account_id", name=op.f("pk_group_accounts")),
    )
    op.create_index(op.f("ix_group_accounts_account_id"), "group_accounts", ["account_id"], unique=False)
    op.create_table(
        "group_members",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"], ["groups.id"], name=op.f("fk_group_members_group_id_groups"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_group_members_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("group_id", "user_id", name=op.f("pk_group_members")),
    )
    op.create_index(op.f("ix_group_members_user_id"), "group_members", ["user_id"], unique=False)
    # New columns with constant defaults: SQLite adds them in place, existing rows read the default.
    op.add_column("accounts", sa.Column("requires_approval", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column("variants", sa.Column("approval_state", sa.String(length=20), server_default="draft", nullable=False))
    op.add_column("variants", sa.Column("approval_comment", sa.Text(), nullable=True))
    op.add_column("variants", sa.Column("approved_by", sa.String(length=100), nullable=True))
    op.add_column("variants", sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        _secure()


def _secure() -> None:
    """Row-level security and the logins' privileges (PostgreSQL only).

    Not FORCEd: the tables' owner (who runs the migrations) and a BYPASSRLS login (the worker)
    see every row. Every other login may connect only if the server lets it (``pg_hba.conf``,
    CONNECT), then gets the table privileges through PUBLIC and the rows through the policies.
    """
    bind = op.get_bind()
    schema = bind.exec_driver_sql("SELECT quote_ident(current_schema())").scalar_one()
    bind.exec_driver_sql(_FUNCTIONS.format(schema=schema))
    for table in ADMIN_WRITES:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {table}_read ON {table} FOR SELECT USING (true)")
        op.execute(
            f"CREATE POLICY {table}_admin ON {table} FOR ALL "
            "USING (communique_is_admin(current_user::text)) WITH CHECK (communique_is_admin(current_user::text))"
        )
    for table, rule in ROW_RULES.items():
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {table}_groups ON {table} FOR ALL USING ({rule}) WITH CHECK ({rule})")
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO PUBLIC")
    op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO PUBLIC")
    op.execute("REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM PUBLIC")  # only the owner migrates
    op.execute("REVOKE INSERT, UPDATE, DELETE ON worker_leases FROM PUBLIC")  # only the worker's login publishes
    op.execute("REVOKE UPDATE, DELETE ON audit_events FROM PUBLIC")  # the trail is appended to, never rewritten
    op.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO PUBLIC")
    op.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE, SELECT ON SEQUENCES TO PUBLIC")


def _unsecure() -> None:
    bind = op.get_bind()
    schema = bind.exec_driver_sql("SELECT quote_ident(current_schema())").scalar_one()
    op.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} REVOKE ALL ON TABLES FROM PUBLIC")
    op.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} REVOKE ALL ON SEQUENCES FROM PUBLIC")
    op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM PUBLIC")
    op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM PUBLIC")
    for table in ROW_RULES:
        op.execute(f"DROP POLICY {table}_groups ON {table}")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    for table in ADMIN_WRITES:
        op.execute(f"DROP POLICY {table}_admin ON {table}")
        op.execute(f"DROP POLICY {table}_read ON {table}")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    op.execute("DROP FUNCTION communique_visible_accounts(text)")
    op.execute("DROP FUNCTION communique_is_admin(text)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _unsecure()
    # In place (SQLite 3.35+ too): rebuilding ``accounts`` or ``variants`` would trip the keys to them.
    for table, column in (
        ("variants", "approved_at"),
        ("variants", "approved_by"),
        ("variants", "approval_comment"),
        ("variants", "approval_state"),
        ("accounts", "requires_approval"),
    ):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    op.drop_index(op.f("ix_group_members_user_id"), table_name="group_members")
    op.drop_table("group_members")
    op.drop_index(op.f("ix_group_accounts_account_id"), table_name="group_accounts")
    op.drop_table("group_accounts")
    op.drop_table("groups")
    op.drop_table("users")
