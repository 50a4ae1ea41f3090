"""SQLAlchemy Core tables: the single source of truth.

The migrations in ``core/store/migrations`` create exactly these tables; a test compares the two.
All times are :class:`UTCDateTime` (aware UTC). Nothing here stores a secret: accounts keep
only a keyring reference.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    true,
)

from core.store.types import UTCDateTime

# Stable constraint names so that migrations (and SQLite batch mode) can refer to them.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

accounts = Table(
    "accounts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("platform", String(40), nullable=False),
    Column("language", String(8), nullable=False),
    Column("timezone", String(64), nullable=False),
    Column("handle", String(100)),
    Column("api_base", String(300)),
    Column("external_id", String(100)),  # Facebook Page id, X user id
    Column("credential_ref", String(200)),  # keyring reference, never the secret itself
    Column("grace_minutes", Integer, nullable=False, server_default="60"),
    Column("active", Boolean, nullable=False, server_default=true()),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

posts = Table(
    "posts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("author", String(100), nullable=False),
    Column("source_language", String(8), nullable=False),
    Column("text", Text, nullable=False),
    Column("review_state", String(20), nullable=False, server_default="draft"),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

media = Table(
    "media",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("post_id", Integer, ForeignKey("posts.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("path", Text, nullable=False),
    Column("mime_type", String(100), nullable=False),
    Column("size_bytes", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("alt_text", Text, nullable=False, server_default=""),
    Column("created_at", UTCDateTime, nullable=False),
)

variants = Table(
    "variants",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("post_id", Integer, ForeignKey("posts.id", ondelete="CASCADE"), nullable=False),
    Column("account_id", Integer, ForeignKey("accounts.id", ondelete="RESTRICT"), nullable=False, index=True),
    Column("language", String(8), nullable=False),
    Column("text", Text, nullable=False),
    Column("text_origin", String(20), nullable=False, server_default="source"),
    Column("translation_path", String(80)),
    Column("reviewed", Boolean, nullable=False, server_default=false()),
    Column("reviewed_by", String(100)),
    Column("reviewed_at", UTCDateTime),
    Column("status", String(20), nullable=False, server_default="draft"),
    Column("scheduled_at", UTCDateTime),
    Column("schedule_zone", String(64)),
    Column("schedule_local", String(32)),  # the wall-clock time the user chose, for display
    Column("as_thread", Boolean, nullable=False, server_default=false()),
    Column("remote_id", String(100)),
    Column("remote_url", Text),
    Column("published_at", UTCDateTime),
    Column("attempt_count", Integer, nullable=False, server_default="0"),
    Column("next_attempt_at", UTCDateTime),
    Column("last_error_class", String(40)),
    Column("last_error", Text),
    Column("version", Integer, nullable=False, server_default="1"),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    UniqueConstraint("post_id", "account_id"),
    Index("ix_variants_status_scheduled_at", "status", "scheduled_at"),
)

publish_attempts = Table(
    "publish_attempts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("variant_id", Integer, ForeignKey("variants.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("number", Integer, nullable=False),
    Column("started_at", UTCDateTime, nullable=False),
    Column("finished_at", UTCDateTime),
    Column("outcome", String(20), nullable=False, server_default="pending"),
    Column("error_class", String(40)),
    Column("error_message", Text),
    Column("remote_id", String(100)),
    Column("worker", String(100)),
)

engagement_snapshots = Table(
    "engagement_snapshots",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("variant_id", Integer, ForeignKey("variants.id", ondelete="CASCADE"), nullable=False),
    Column("captured_at", UTCDateTime, nullable=False),
    Column("reactions", BigInteger),
    Column("shares", BigInteger),
    Column("replies", BigInteger),
    Column("impressions", BigInteger),
    Column("clicks", BigInteger),
    Column("metrics", JSON, nullable=False),  # every metric the platform gave, by its name
    Column("partial", Boolean, nullable=False, server_default=false()),
    Index("ix_engagement_snapshots_variant_id_captured_at", "variant_id", "captured_at"),
)

audit_events = Table(
    "audit_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UTCDateTime, nullable=False),
    Column("actor", String(100), nullable=False),
    Column("action", String(40), nullable=False),
    Column("entity", String(40), nullable=False),
    Column("entity_id", Integer),
    Column("details", JSON, nullable=False),
    Index("ix_audit_events_entity_entity_id", "entity", "entity_id"),
    # The Audit screen (migration 0008): newest first over a period, and by person or action.
    Index("ix_audit_events_at_id", "at", "id"),
    Index("ix_audit_events_actor_at", "actor", "at"),
    Index("ix_audit_events_action_at", "action", "at"),
)

# --- translation (migration 0002) -------------------------------------------------------------

glossary_terms = Table(
    "glossary_terms",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_language", String(8), nullable=False),
    # "*" means every target language (a do-not-translate term usually applies to all).
    Column("target_language", String(8), nullable=False, server_default="*"),
    Column("term", Text, nullable=False),
    # NULL keeps the term as written (do not translate); otherwise the forced translation.
    Column("translation", Text),
    Column("case_sensitive", Boolean, nullable=False, server_default=true()),
    Column("note", Text, nullable=False, server_default=""),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    UniqueConstraint("source_language", "target_language", "term"),
)

translation_memory = Table(
    "translation_memory",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("engine", String(40), nullable=False),
    Column("model_version", String(40), nullable=False),
    Column("source_language", String(8), nullable=False),
    Column("target_language", String(8), nullable=False),
    Column("source_hash", String(64), nullable=False),
    Column("source_text", Text, nullable=False),
    Column("target_text", Text, nullable=False),
    Column("origin", String(10), nullable=False),  # "machine" or "human"
    Column("hits", Integer, nullable=False, server_default="0"),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    UniqueConstraint(
        "engine",
        "model_version",
        "source_language",
        "target_language",
        "source_hash",
        "origin",
        name="uq_translation_memory_entry",
    ),
    Index("ix_translation_memory_lookup", "source_language", "target_language", "source_hash"),
)

# --- scheduler (migration 0003) ---------------------------------------------------------------

#: One row per exclusive role (``publisher``): the process holding it publishes, others wait.
worker_leases = Table(
    "worker_leases",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("holder", String(200), nullable=False),  # host:pid:random, for people and same-host takeover
    Column("token", Integer, nullable=False),  # fencing token: +1 at every change of holder
    Column("acquired_at", UTCDateTime, nullable=False),
    Column("heartbeat_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
)

#: Regular posting times of an account ("to the next free slot"), in the account's own zone.
posting_slots = Table(
    "posting_slots",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("account_id", Integer, ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
    Column("weekday", Integer),  # 0 = Monday ... 6 = Sunday; NULL = every day
    Column("local_time", String(5), nullable=False),  # HH:MM wall clock
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("account_id", "weekday", "local_time"),
)

#: A recurring post: a template variant repeated by an RFC 5545 rule in the account's zone.
recurrences = Table(
    "recurrences",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("template_variant_id", Integer, ForeignKey("variants.id", ondelete="CASCADE"), nullable=False),
    Column("rule", Text, nullable=False),  # e.g. FREQ=WEEKLY;BYDAY=MO
    Column("dtstart_local", String(32), nullable=False),  # naive wall clock, ISO
    Column("zone", String(64), nullable=False),
    Column("last_occurrence_at", UTCDateTime),  # the newest occurrence already turned into a variant
    Column("active", Boolean, nullable=False, server_default=true()),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

# Plain columns (no foreign key) so that SQLite adds them without rebuilding ``variants``.
variants.append_column(Column("next_poll_at", UTCDateTime))
variants.append_column(Column("recurrence_id", Integer))
Index("ix_variants_next_poll_at", variants.c.next_poll_at)

# --- claim heartbeats (migration 0004) --------------------------------------------------------

# Refreshed while the attempt's call is out, by the database's clock on PostgreSQL: a claim
# from another host is reset only once this is stale, never by comparing two hosts' clocks.
publish_attempts.append_column(Column("heartbeat_at", UTCDateTime))

# --- composer drafts (migration 0005) ---------------------------------------------------------

#: What a press officer is composing, saved as they type so that a closed window loses nothing.
#: A draft may have no text and no account yet (a post needs both); once translated it is linked
#: to the post made from it, and ``sent_at`` is set when every variant of that post is on its way.
drafts = Table(
    "drafts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("author", String(100), nullable=False),
    Column("text", Text, nullable=False, server_default=""),
    Column("source_language", String(8)),  # NULL: the first chosen account's language
    Column("account_ids", JSON, nullable=False),  # chosen accounts, in the order they were ticked
    Column("media", JSON, nullable=False),  # [{"path": ..., "alt": ...}], files already in the media folder
    Column("post_id", Integer, ForeignKey("posts.id", ondelete="SET NULL")),
    Column("sent_at", UTCDateTime),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Index("ix_drafts_author_sent_at", "author", "sent_at"),
)

# --- engagement rollup (migration 0006) -------------------------------------------------------

#: Per published variant, what its snapshots add up to: the newest reading (each figure the
#: newest one any reading gave, so a partial reading never hides an earlier figure) and the
#: engagements it had 24 hours after publishing. Derived from ``engagement_snapshots`` by
#: ``core.services.engagement`` at every new snapshot; ``rebuild_rollup`` recomputes it.
engagement_latest = Table(
    "engagement_latest",
    metadata,
    Column("variant_id", Integer, ForeignKey("variants.id", ondelete="CASCADE"), primary_key=True),
    Column("snapshot_id", Integer, nullable=False),  # the newest reading (by captured_at, then id)
    Column("captured_at", UTCDateTime, nullable=False),
    Column("readings", Integer, nullable=False),
    Column("reactions", BigInteger),
    Column("shares", BigInteger),
    Column("replies", BigInteger),
    Column("impressions", BigInteger),
    Column("clicks", BigInteger),
    Column("partial", Boolean, nullable=False, server_default=false()),
    Column("day_engagements", BigInteger),  # engagements at 24 h (last reading by then); NULL: none
)

#: What the published variants of one account, language and UTC publishing day gained in each
#: UTC hour: the differences of consecutive readings of each variant, summed over the variants
#: (never a sum of readings). ``rated_engagements`` counts only variants that report impressions.
#: Growth per day, week or month in any zone whose midnight is on a UTC hour is a sum of rows.
#: The key starts with the hour and SQLite stores rows in key order (no rowid): growth per period
#: reads a range of hours, in order, without a sort.
engagement_hourly = Table(
    "engagement_hourly",
    metadata,
    Column("hour", UTCDateTime, primary_key=True),
    Column("published_day", Date, primary_key=True),
    Column("account_id", Integer, ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
    Column("language", String(8), primary_key=True),
    Column("reactions", BigInteger, nullable=False, server_default="0"),
    Column("shares", BigInteger, nullable=False, server_default="0"),
    Column("replies", BigInteger, nullable=False, server_default="0"),
    Column("impressions", BigInteger, nullable=False, server_default="0"),
    Column("clicks", BigInteger, nullable=False, server_default="0"),
    Column("rated_engagements", BigInteger, nullable=False, server_default="0"),
    sqlite_with_rowid=False,
)

# --- team: users, groups, approval (migration 0007) -------------------------------------------

#: A team member: a PostgreSQL login (what the server authenticated) and its Communiqué role.
#: The embedded store has no rows here: its one user is an implicit admin.
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("login", String(100), nullable=False, unique=True),  # the PostgreSQL role name
    Column("display_name", String(200), nullable=False, server_default=""),
    Column("role", String(20), nullable=False),  # core.domain.Role
    Column("active", Boolean, nullable=False, server_default=true()),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

#: A mission or a desk: the accounts it posts to and the users who work on them.
groups = Table(
    "groups",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("created_at", UTCDateTime, nullable=False),
)

group_accounts = Table(
    "group_accounts",
    metadata,
    Column("group_id", Integer, ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True),
    Column("account_id", Integer, ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True, index=True),
)

group_members = Table(
    "group_members",
    metadata,
    Column("group_id", Integer, ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True),
)

# Plain columns, so that SQLite adds them without rebuilding the tables.
accounts.append_column(Column("requires_approval", Boolean, nullable=False, server_default=false()))
variants.append_column(Column("approval_state", String(20), nullable=False, server_default="draft"))
variants.append_column(Column("approval_comment", Text))  # the last rejection's reason
variants.append_column(Column("approved_by", String(100)))
variants.append_column(Column("approved_at", UTCDateTime))

# --- audience feedback (migration 0009) -------------------------------------------------------

#: A comment or reply on a published variant, as the platform last showed it. Stored once per
#: (variant, platform id): a re-poll updates it in place. An edit keeps the earlier text in
#: ``comment_revisions``; a deletion only sets ``deleted_at``, the text stays for the record.
#: Nothing here is ever sent back to the platform.
comments = Table(
    "comments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("variant_id", Integer, ForeignKey("variants.id", ondelete="CASCADE"), nullable=False),
    Column("account_id", Integer, ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
    Column("remote_id", String(100), nullable=False),
    Column("parent_remote_id", String(100)),  # the comment this one answers; NULL: it answers the post
    Column("author_name", String(200), nullable=False, server_default=""),
    Column("author_id", String(100)),
    Column("text", Text, nullable=False),
    Column("language", String(8)),  # detected offline, or set by a person; NULL: not known yet
    Column("language_confidence", Float),  # the detector's confidence in ``language``, 0..1
    Column("language_source", String(20)),  # core.domain.LanguageSource: detected, platform, person
    Column("platform_language", String(8)),  # the platform's own guess (X's ``lang``), a hint
    Column("created_at", UTCDateTime, nullable=False),  # when it was written, by the platform
    Column("edited_at", UTCDateTime),  # when its text was last seen changing
    Column("like_count", BigInteger),
    Column("reply_count", BigInteger),
    Column("deleted_at", UTCDateTime),  # when it was first seen gone; the row stays
    Column("first_seen_at", UTCDateTime, nullable=False),
    Column("last_seen_at", UTCDateTime, nullable=False),
    Column("read_at", UTCDateTime),  # shared by the team: someone has read it
    Column("read_by", String(100)),
    UniqueConstraint("variant_id", "remote_id"),
    Index("ix_comments_account_id_created_at", "account_id", "created_at"),
    Index("ix_comments_created_at_id", "created_at", "id"),
)

#: Every text a comment has had, oldest first: number 1 is the text first collected.
comment_revisions = Table(
    "comment_revisions",
    metadata,
    Column("comment_id", Integer, ForeignKey("comments.id", ondelete="CASCADE"), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("seen_at", UTCDateTime, nullable=False),  # when this text was first collected
)

#: A comment translated offline into a reader's language. ``source_sha256`` is the hash of the
#: text that was translated: after an edit it no longer matches and the translation is redone.
comment_translations = Table(
    "comment_translations",
    metadata,
    Column("comment_id", Integer, ForeignKey("comments.id", ondelete="CASCADE"), primary_key=True),
    Column("language", String(8), primary_key=True),
    Column("source_language", String(8), nullable=False),
    Column("text", Text, nullable=False),
    Column("translation_path", String(80)),  # e.g. "vi->en->de" when pivoting
    Column("source_sha256", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

#: Comment collection per published variant: when to look again, where the last look stopped,
#: and why the last one failed (``error_class`` "access_level": the X plan has no search).
comment_polls = Table(
    "comment_polls",
    metadata,
    Column("variant_id", Integer, ForeignKey("variants.id", ondelete="CASCADE"), primary_key=True),
    Column("next_poll_at", UTCDateTime, index=True),
    Column("last_polled_at", UTCDateTime),
    Column("newest_remote_id", String(100)),  # X: the since_id of the next search
    Column("error_class", String(40)),
    Column("error", Text),
)

#: One row (``id`` 1) whose ``serial`` every change a reader would see in the comments adds one
#: to: collected, edited, deleted, a language found or set, read or unread, a collection failing
#: or recovering. The app's feed compares it instead of scanning the comments every few seconds.
comment_activity = Table(
    "comment_activity",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("serial", BigInteger, nullable=False, server_default="0"),
)

# --- media content in the database (migration 0010) -----------------------------------------

#: Every attached image or video, once per content (its SHA-256), so that a worker on another
#: machine than the officer's laptop can publish them. ``media.path`` stays the copy in the
#: attaching machine's media folder; a machine without it reads the bytes from here
#: (``core.services.media_store``). No foreign key from ``media``: a row from before this table
#: whose file was gone has no blob, and one blob serves every post that attaches it.
media_blobs = Table(
    "media_blobs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size_bytes", BigInteger, nullable=False),
    Column("mime_type", String(100), nullable=False),
    # When a post or draft last attached it: an unnamed content goes a week after (housekeeping).
    Column("named_at", UTCDateTime, nullable=False),
)

#: A blob's bytes in pieces of at most ``core.services.media_store.CHUNK_BYTES``, numbered from 0:
#: a 512 MB video is written and read a piece at a time, never whole in memory (nor as one
#: PostgreSQL value, which may not pass 1 GB).
media_blob_chunks = Table(
    "media_blob_chunks",
    metadata,
    Column("sha256", String(64), ForeignKey("media_blobs.sha256", ondelete="CASCADE"), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("content", LargeBinary, nullable=False),
)

# Row-level security on PostgreSQL shows a blob to the logins that see a media row naming it.
Index("ix_media_sha256", media.c.sha256)

# --- X account options (migration 0011) -------------------------------------------------------

# Plain columns, so that SQLite adds them without rebuilding ``accounts``.
#: Whether the account's posts carry their links to X (X charges several times more for a URL).
accounts.append_column(Column("links_on_x", Boolean, nullable=False, server_default=true()))
#: The access level X last showed for the account ("pay-per-use, no credits left" from a 402), and when.
accounts.append_column(Column("x_access", String(60)))
accounts.append_column(Column("x_access_seen_at", UTCDateTime))
