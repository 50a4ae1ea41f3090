"""Media content in the database, and the team database's last open doors.

``media_blobs`` keeps every attached file once per SHA-256, its bytes in numbered pieces of at
most 4 MiB in ``media_blob_chunks``, so that a worker on another machine than the officer's laptop
can publish an image or video post; existing media are filled in from the files this machine can
read, a piece at a time (a missing or changed file is skipped with a log line).

On a PostgreSQL database secured by migration 0007 (its functions exist), also:

- ``media_blobs``: a login sees a blob when it sees a media row (or one of its own drafts) naming it,
  and ``media_blob_chunks`` the pieces of the blobs it sees;
- ``audit_events``: an admin reads the whole trail, anyone else the events they made and those on
  the accounts, posts, variants and recurrences they can see; each login appends in its own name;
- ``variants``: a trigger refuses an approval (``approval_state`` becoming ``approved``, or
  ``approved_by``/``approved_at`` set) by a login that is not an approver of the account's group
  or an admin, and a move to ``scheduled`` of an unapproved variant on an account that requires
  approval. The tables' owner, superusers and ``BYPASSRLS`` logins (the worker) are exempt.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)

#: A blob is visible through a visible media row (0007's rule on ``media``) or a visible draft
#: (its author's, or an admin's) whose JSON list of files names it: the file names are the hashes.
BLOB_RULE = (
    "EXISTS (SELECT 1 FROM media m WHERE m.sha256 = media_blobs.sha256) "
    "OR EXISTS (SELECT 1 FROM drafts d WHERE strpos(d.media::text, media_blobs.sha256) > 0)"
)
#: A piece is visible with its blob (the subquery reads ``media_blobs`` under that table's policy).
CHUNK_RULE = "EXISTS (SELECT 1 FROM media_blobs b WHERE b.sha256 = media_blob_chunks.sha256)"
#: The most bytes of one piece (``core.services.media_store.CHUNK_BYTES`` when this was written).
CHUNK_BYTES = 4 << 20

#: Who reads an audit event: the same functions and visible tables as 0007's ROW_RULES.
AUDIT_READ = (
    "communique_is_admin(current_user::text) OR actor = current_user::text "
    "OR (entity = 'account' AND entity_id IN (SELECT communique_visible_accounts(current_user::text))) "
    "OR (entity = 'post' AND EXISTS (SELECT 1 FROM posts p WHERE p.id = audit_events.entity_id)) "
    "OR (entity = 'variant' AND EXISTS (SELECT 1 FROM variants v WHERE v.id = audit_events.entity_id)) "
    "OR (entity = 'recurrence' AND EXISTS (SELECT 1 FROM recurrences r WHERE r.id = audit_events.entity_id))"
)

#: Who appends: in one's own name, or anyone while the team has no users yet (the bootstrap
#: admin acts under the name the computer gives). Not "any admin": the trail holds admins to
#: account too. The worker's BYPASSRLS login (and the owner) append as their process id.
AUDIT_APPEND = "actor = current_user::text OR NOT EXISTS (SELECT 1 FROM users)"

# SECURITY DEFINER like 0007's: they read users, groups and the catalog as the tables' owner.
# The trigger function itself is SECURITY INVOKER, so that ``current_user`` in it is the login.
# ``%%``: the driver reads ``%`` as a placeholder even without parameters.
_FUNCTIONS = """
CREATE FUNCTION communique_is_privileged(who text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, {schema} AS $$
    SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who AND (rolsuper OR rolbypassrls))
        OR pg_has_role(who, (SELECT relowner FROM pg_class WHERE oid = 'variants'::regclass), 'MEMBER')
$$;
CREATE FUNCTION communique_may_approve(who text, account integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, {schema} AS $$
    SELECT communique_is_admin(who) OR communique_is_privileged(who) OR EXISTS (
        SELECT 1 FROM users u
        JOIN group_members gm ON gm.user_id = u.id
        JOIN group_accounts ga ON ga.group_id = gm.group_id
        WHERE u.login = who AND u.active AND u.role = 'approver' AND ga.account_id = account
    )
$$;
CREATE FUNCTION communique_guard_approval() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, {schema} AS $$
DECLARE
    was_state text;
    was_by text;
    was_at timestamptz;
    was_status text;
BEGIN
    IF communique_is_privileged(current_user::text) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        was_state := OLD.approval_state;
        was_by := OLD.approved_by;
        was_at := OLD.approved_at;
        was_status := OLD.status;
    END IF;
    IF (NEW.approval_state = 'approved' AND NEW.approval_state IS DISTINCT FROM was_state)
        OR (NEW.approved_by IS NOT NULL AND NEW.approved_by IS DISTINCT FROM was_by)
        OR (NEW.approved_at IS NOT NULL AND NEW.approved_at IS DISTINCT FROM was_at) THEN
        IF NOT communique_may_approve(current_user::text, NEW.account_id) THEN
            RAISE EXCEPTION 'Only an approver of the account''s group or an admin may approve variant %%.', NEW.id
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    -- A retry or a withdrawn claim goes back from publishing to scheduled: only a new schedule counts.
    IF NEW.status = 'scheduled' AND was_status IS DISTINCT FROM 'scheduled' AND was_status IS DISTINCT FROM 'publishing'
        AND NEW.approval_state IS DISTINCT FROM 'approved'
        AND EXISTS (SELECT 1 FROM accounts a WHERE a.id = NEW.account_id AND a.requires_approval) THEN
        RAISE EXCEPTION 'Variant %% needs an approver''s approval before it can be scheduled.', NEW.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER communique_guard_approval
    BEFORE INSERT OR UPDATE OF approval_state, approved_by, approved_at, status ON variants
    FOR EACH ROW EXECUTE FUNCTION communique_guard_approval();
"""


def upgrade() -> None:
    op.create_table(
        "media_blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("mime_type", sa.String(length=100), nullable=False),
        sa.Column("named_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_media_blobs")),
    )
    op.create_table(
        "media_blob_chunks",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["media_blobs.sha256"],
            name=op.f("fk_media_blob_chunks_sha256_media_blobs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("sha256", "number", name=op.f("pk_media_blob_chunks")),
    )
    op.create_index("ix_media_sha256", "media", ["sha256"], unique=False)
    bind = op.get_bind()
    _backfill(bind)
    if bind.dialect.name == "postgresql" and _secured(bind):
        _secure(bind)


def _secured(bind: sa.Connection) -> bool:
    """Whether migration 0007 installed the team's row-level security here (its functions exist)."""
    found = bind.exec_driver_sql("SELECT to_regproc('communique_visible_accounts') IS NOT NULL").scalar_one()
    return bool(found)


def _store_file(bind: sa.Connection, blobs: sa.TableClause, chunks: sa.TableClause, row: sa.Row[Any]) -> bool:
    """Store one media file's bytes, a piece of :data:`CHUNK_BYTES` at a time; False (logged) when
    the file is not readable here or no longer has the recorded content (nothing is left stored)."""
    path, sha256, mime_type, created = row.path, row.sha256, row.mime_type, row.created
    digest: Any = hashlib.sha256()
    size = 0
    try:
        with Path(path).open("rb") as handle:
            bind.execute(blobs.insert().values(sha256=sha256, size_bytes=0, mime_type=mime_type, named_at=created))
            for number, piece in enumerate(iter(lambda: handle.read(CHUNK_BYTES), b"")):
                digest.update(piece)
                size += len(piece)
                bind.execute(chunks.insert().values(sha256=sha256, number=number, content=piece))
    except OSError as exc:
        log.info("media %s: %s is not readable here (%s); its content stays out of the database", sha256, path, exc)
        digest = None
    if digest is None or digest.hexdigest() != sha256:
        if digest is not None:
            log.warning("media %s: %s has changed since it was attached; its content stays out", sha256, path)
        bind.execute(chunks.delete().where(chunks.c.sha256 == sha256))
        bind.execute(blobs.delete().where(blobs.c.sha256 == sha256))
        return False
    bind.execute(blobs.update().where(blobs.c.sha256 == sha256).values(size_bytes=size))
    return True


def _backfill(bind: sa.Connection) -> None:
    """Store the bytes of each existing media file this machine can read, once per content.

    A piece at a time: a video is never whole in memory. Files on other machines (officers'
    laptops, on a team database) are not here: those come in with
    ``core.services.media_store.upload_missing``.
    """
    media = sa.table("media", sa.column("id"), sa.column("path"), sa.column("sha256"), sa.column("mime_type"))
    blobs = sa.table(
        "media_blobs",
        sa.column("sha256"),
        sa.column("size_bytes"),
        sa.column("mime_type"),
        sa.column("named_at", sa.DateTime(timezone=True)),
    )
    chunks = sa.table(
        "media_blob_chunks", sa.column("sha256"), sa.column("number"), sa.column("content", sa.LargeBinary())
    )
    now = datetime.now(UTC)
    created = now.replace(tzinfo=None) if bind.dialect.name == "sqlite" else now  # as UTCDateTime writes it
    rows = bind.execute(
        sa.select(media.c.path, media.c.sha256, media.c.mime_type, sa.literal(created).label("created")).order_by(
            media.c.id
        )
    ).all()
    stored: set[str] = set()
    for row in rows:
        # Another row may name the same content at a path that is readable: each is tried.
        if row.sha256 not in stored and _store_file(bind, blobs, chunks, row):
            stored.add(row.sha256)
    if rows:
        log.info("media content: %d of %d distinct files stored", len(stored), len({r.sha256 for r in rows}))


def _secure(bind: sa.Connection) -> None:
    schema = bind.exec_driver_sql("SELECT quote_ident(current_schema())").scalar_one()
    bind.exec_driver_sql(_FUNCTIONS.format(schema=schema))
    op.execute("ALTER TABLE media_blobs ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY media_blobs_groups ON media_blobs FOR ALL USING ({BLOB_RULE}) WITH CHECK ({BLOB_RULE})")
    op.execute("ALTER TABLE media_blob_chunks ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY media_blob_chunks_groups ON media_blob_chunks "
        f"FOR ALL USING ({CHUNK_RULE}) WITH CHECK ({CHUNK_RULE})"
    )
    op.execute("ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY audit_events_read ON audit_events FOR SELECT USING ({AUDIT_READ})")
    op.execute(f"CREATE POLICY audit_events_append ON audit_events FOR INSERT WITH CHECK ({AUDIT_APPEND})")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        # IF EXISTS: a database migrated before 0007 secured it has none of these.
        op.execute("DROP TRIGGER IF EXISTS communique_guard_approval ON variants")
        op.execute("DROP FUNCTION IF EXISTS communique_guard_approval()")
        op.execute("DROP FUNCTION IF EXISTS communique_may_approve(text, integer)")
        op.execute("DROP FUNCTION IF EXISTS communique_is_privileged(text)")
        op.execute("DROP POLICY IF EXISTS audit_events_append ON audit_events")
        op.execute("DROP POLICY IF EXISTS audit_events_read ON audit_events")
        op.execute("ALTER TABLE audit_events DISABLE ROW LEVEL SECURITY")
    op.drop_index("ix_media_sha256", table_name="media")
    op.drop_table("media_blob_chunks")
    op.drop_table("media_blobs")
