"""Reading posts and their variants: one post, lists, and the rows the GUI and CLI show.

Writes live in :mod:`core.services.posts`; these functions only read, each in one transaction
(or inside the caller's, for the ``fetch_*`` ones).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, Select, select

from core.domain import Post, ReviewState, TextOrigin, Variant, VariantStatus, overall_review
from core.errors import NotFoundError, UserError
from core.services import media
from core.store import Store
from core.store.tables import accounts, posts, variants
from core.words import Msg


def variant_query() -> Select[Any]:
    """Variants joined with their account's name and platform."""
    return select(
        variants,
        accounts.c.name.label("account_name"),
        accounts.c.platform.label("platform"),
    ).join(accounts, accounts.c.id == variants.c.account_id)


def to_variant(row: Row[Any]) -> Variant:
    """A :class:`Variant` from a row of :func:`variant_query`."""
    m = row._mapping
    return Variant(
        id=m["id"],
        post_id=m["post_id"],
        account_id=m["account_id"],
        account_name=m["account_name"],
        platform=m["platform"],
        language=m["language"],
        text=m["text"],
        text_origin=TextOrigin(m["text_origin"]),
        translation_path=m["translation_path"],
        reviewed=bool(m["reviewed"]),
        status=VariantStatus(m["status"]),
        scheduled_at=m["scheduled_at"],
        schedule_zone=m["schedule_zone"],
        schedule_local=m["schedule_local"],
        remote_id=m["remote_id"],
        remote_url=m["remote_url"],
        published_at=m["published_at"],
        attempt_count=m["attempt_count"],
        last_error_class=m["last_error_class"],
        last_error=m["last_error"],
        version=m["version"],
        approval_state=ReviewState(m["approval_state"]),
        approval_comment=m["approval_comment"],
    )


def load_posts(conn: Connection, post_ids: Sequence[int]) -> list[Post]:
    """The posts with these ids (with their variants and media), by id; missing ids are skipped."""
    if not post_ids:
        return []
    post_rows = conn.execute(select(posts).where(posts.c.id.in_(post_ids)).order_by(posts.c.id)).all()
    variant_rows = conn.execute(variant_query().where(variants.c.post_id.in_(post_ids)).order_by(variants.c.id)).all()
    by_post: dict[int, list[Variant]] = {}
    for row in variant_rows:
        variant = to_variant(row)
        by_post.setdefault(variant.post_id, []).append(variant)
    media_by_post = media.fetch_media(conn, post_ids)
    return [
        Post(
            id=row.id,
            author=row.author,
            source_language=row.source_language,
            text=row.text,
            review_state=overall_review(v.approval_state for v in by_post.get(row.id, [])),
            created_at=row.created_at,
            updated_at=row.updated_at,
            variants=tuple(by_post.get(row.id, [])),
            media=tuple(media_by_post.get(row.id, [])),
        )
        for row in post_rows
    ]


def fetch_post(conn: Connection, post_id: int) -> Post:
    """One post inside the caller's transaction; :class:`NotFoundError` when there is none."""
    found = load_posts(conn, [post_id])
    if not found:
        raise NotFoundError(Msg("No post with id {post_id}.", post_id=post_id))
    return found[0]


def fetch_variant(conn: Connection, variant_id: int) -> Variant:
    """One variant inside the caller's transaction; :class:`NotFoundError` when there is none."""
    row = conn.execute(variant_query().where(variants.c.id == variant_id)).first()
    if row is None:
        raise NotFoundError(Msg("No variant with id {variant_id}.", variant_id=variant_id))
    return to_variant(row)


def get_variant(store: Store, variant_id: int) -> Variant:
    """One variant with its account's name and platform."""
    with store.read() as conn:
        return fetch_variant(conn, variant_id)


def list_posts(store: Store, *, status: str | None = None, limit: int = 1000) -> list[Post]:
    """Posts, newest first; with ``status``, only posts having a variant in that status."""
    query = select(posts.c.id).order_by(posts.c.id.desc()).limit(limit)
    if status is not None:
        try:
            wanted = VariantStatus(status.strip().lower())
        except ValueError:
            raise UserError(
                Msg(
                    "Unknown status {status!r}: choose one of {names}.",
                    status=status,
                    names=", ".join(s.value for s in VariantStatus),
                )
            ) from None
        query = query.where(posts.c.id.in_(select(variants.c.post_id).where(variants.c.status == wanted.value)))
    with store.read() as conn:
        ids = list(conn.execute(query).scalars())
        loaded = {p.id: p for p in load_posts(conn, ids)}
    return [loaded[i] for i in ids]


def get_post(store: Store, post_id: int) -> Post:
    """One post with its variants and media."""
    with store.read() as conn:
        return fetch_post(conn, post_id)
