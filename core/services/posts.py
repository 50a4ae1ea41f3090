"""Posts and their variants: draft, target, schedule, cancel, list, show."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import Connection, Row, select

from core import languages, timeutil
from core.domain import OPEN_STATUSES, Account, Post, ReviewState, TextOrigin, Variant, VariantStatus
from core.errors import ConflictError, NotFoundError, UserError
from core.services import audit, media
from core.services.accounts import fetch_account
from core.store import Store
from core.store.engine import new_id
from core.store.tables import accounts, posts, variants

#: Far above every platform's limit (Facebook: 63,206); guards the store against pasted files.
MAX_TEXT = 100_000


def _clean_text(text: str | None) -> str:
    cleaned = (text or "").strip()
    if not cleaned:
        raise UserError("The post text is empty; write something to publish.")
    if len(cleaned) > MAX_TEXT:
        raise UserError(f"The post text is {len(cleaned):,} characters; the most Communiqué keeps is {MAX_TEXT:,}.")
    return cleaned


def _variant_query() -> object:
    return select(
        variants,
        accounts.c.name.label("account_name"),
        accounts.c.platform.label("platform"),
    ).join(accounts, accounts.c.id == variants.c.account_id)


def _to_variant(row: Row[tuple[object, ...]]) -> Variant:
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
    )


def _load_posts(conn: Connection, post_ids: Sequence[int]) -> list[Post]:
    if not post_ids:
        return []
    post_rows = conn.execute(select(posts).where(posts.c.id.in_(post_ids)).order_by(posts.c.id)).all()
    variant_rows = conn.execute(
        _variant_query().where(variants.c.post_id.in_(post_ids)).order_by(variants.c.id)  # type: ignore[attr-defined]
    ).all()
    by_post: dict[int, list[Variant]] = {}
    for row in variant_rows:
        variant = _to_variant(row)
        by_post.setdefault(variant.post_id, []).append(variant)
    media_by_post = media.fetch_media(conn, post_ids)
    return [
        Post(
            id=row.id,
            author=row.author,
            source_language=row.source_language,
            text=row.text,
            review_state=ReviewState(row.review_state),
            created_at=row.created_at,
            updated_at=row.updated_at,
            variants=tuple(by_post.get(row.id, [])),
            media=tuple(media_by_post.get(row.id, [])),
        )
        for row in post_rows
    ]


def _fetch_post(conn: Connection, post_id: int) -> Post:
    found = _load_posts(conn, [post_id])
    if not found:
        raise NotFoundError(f"No post with id {post_id}.")
    return found[0]


def _require_all(changed: int, expected: int, what: str) -> None:
    """Refuse (and so roll back) a write that another process overtook between our read and our update.

    Every update of an open variant is conditional on its status or version: on PostgreSQL's
    READ COMMITTED a publisher may claim the row after we read it, and our write must then not
    hide its live post behind ``cancelled``.
    """
    if changed != expected:
        raise ConflictError(f"{what}; look at it again and retry.")


def _schedule_values(
    account: Account, local: datetime, fold: timeutil.FoldChoice | None, now: datetime
) -> dict[str, object]:
    instant = timeutil.local_to_utc(local, account.timezone, fold)
    try:
        timeutil.ensure_future(instant, now)
    except UserError:
        raise UserError(
            f"{local:%Y-%m-%d %H:%M} in {account.timezone} (account {account.name!r}) is already past; "
            "pick a later time."
        ) from None
    return {
        "scheduled_at": instant,
        "schedule_zone": account.timezone,
        "schedule_local": local.isoformat(timespec="minutes"),
        "status": VariantStatus.SCHEDULED.value,
    }


def _resolve_accounts(conn: Connection, names: Iterable[str]) -> list[Account]:
    resolved: list[Account] = []
    seen: set[str] = set()
    for name in names:
        account = fetch_account(conn, name)
        if account.name in seen:
            raise UserError(f"The account {account.name!r} is named twice.")
        seen.add(account.name)
        resolved.append(account)
    return resolved


def create_post(
    store: Store,
    *,
    text: str,
    accounts: Sequence[str],
    source_language: str | None = None,
    at: datetime | None = None,
    fold: timeutil.FoldChoice | None = None,
    media_files: Sequence[tuple[str, str]] = (),
    actor: str | None = None,
    now: datetime | None = None,
) -> Post:
    """Create a post with one variant per account.

    ``at`` is a naive wall-clock time read in *each* account's own zone: "09:00" is 09:00 in
    Tokyo for the Tokyo account and 09:00 in Berlin for the Berlin one. Without ``at`` the
    variants stay drafts. ``media_files`` are ``(path, alt_text)`` pairs, copied into the app.
    """
    body = _clean_text(text)
    if not accounts:
        raise UserError("Choose at least one account to post to.")
    current = now or timeutil.now_utc()
    who = actor or audit.default_actor()
    prepared_media = media.prepare_files(media_files)
    with store.write() as conn:
        targets = _resolve_accounts(conn, accounts)
        language = languages.normalize(source_language) if source_language else targets[0].language
        schedules = {a.id: _schedule_values(a, at, fold, current) for a in targets} if at else {}
        post_id = new_id(
            conn.execute(
                posts.insert().values(
                    author=who,
                    source_language=language,
                    text=body,
                    review_state=ReviewState.DRAFT.value,
                    created_at=current,
                    updated_at=current,
                )
            )
        )
        for account in targets:
            conn.execute(
                variants.insert().values(
                    post_id=post_id,
                    account_id=account.id,
                    language=account.language,
                    text=body,
                    text_origin=TextOrigin.SOURCE.value,
                    created_at=current,
                    updated_at=current,
                    **schedules.get(account.id, {"status": VariantStatus.DRAFT.value}),
                )
            )
        media.insert_media(conn, post_id, prepared_media, current)
        audit.record(
            conn,
            actor=who,
            action="create",
            entity="post",
            entity_id=post_id,
            details={"accounts": [a.name for a in targets], "scheduled": at is not None},
            at=current,
        )
        return _fetch_post(conn, post_id)


def edit_draft(
    store: Store,
    post_id: int,
    *,
    text: str | None = None,
    source_language: str | None = None,
    actor: str | None = None,
) -> Post:
    """Change a post's text or source language.

    No variant may go out with a translation of the old text: variants that carry the source
    text follow the change; machine translations are dropped back to the new source text (to be
    translated again); a person's translation is kept for them to revise. Every variant that now
    needs translating or reviewing loses its review mark and, if it was scheduled, goes back to
    draft (its time is kept for rescheduling). The audit event lists those variants.
    """
    new_text = _clean_text(text) if text is not None else None
    new_language = languages.normalize(source_language) if source_language else None
    now = timeutil.now_utc()
    with store.write() as conn:
        post = _fetch_post(conn, post_id)
        frozen = [v for v in post.variants if not v.is_open]
        if frozen and new_text is not None and any(v.status is not VariantStatus.CANCELLED for v in frozen):
            raise ConflictError(
                f"Post {post_id} is already being published or published to "
                f"{', '.join(v.account_name for v in frozen)}; create a new post instead."
            )
        values: dict[str, object] = {"updated_at": now}
        if new_text is not None:
            values["text"] = new_text
        if new_language is not None:
            values["source_language"] = new_language
        conn.execute(posts.update().where(posts.c.id == post_id).values(**values))
        withdrawn: list[int] = []
        if new_text is not None:
            for variant in (v for v in post.variants if v.is_open):
                changes = _follow_new_source(variant, new_text, new_language or post.source_language)
                if changes.get("status") == VariantStatus.DRAFT.value and variant.status is not VariantStatus.DRAFT:
                    withdrawn.append(variant.id)
                changed = conn.execute(
                    variants.update()
                    .where(variants.c.id == variant.id, variants.c.version == variant.version)
                    .values(**changes, updated_at=now, version=variants.c.version + 1)
                )
                _require_all(changed.rowcount, 1, f"Post {post_id} changed while it was being edited")
        details: dict[str, object] = {"text": new_text is not None}
        if new_language:
            details["language"] = new_language
        if withdrawn:
            details["back_to_draft"] = withdrawn
        audit.record(
            conn,
            actor=actor or audit.default_actor(),
            action="edit",
            entity="post",
            entity_id=post_id,
            details=details,
            at=now,
        )
        return _fetch_post(conn, post_id)


def _follow_new_source(variant: Variant, new_text: str, source_language: str) -> dict[str, object]:
    """How one open variant changes when its post's text changes."""
    if variant.text_origin is TextOrigin.SOURCE:
        return {"text": new_text}
    changes: dict[str, object] = {"reviewed": False, "reviewed_by": None, "reviewed_at": None}
    if variant.text_origin is TextOrigin.MACHINE:
        # A machine translation of the old text is worthless; translating again is cheap.
        changes.update(text=new_text, text_origin=TextOrigin.SOURCE.value, translation_path=None)
        if variant.language == source_language:
            return changes
    if variant.status in (VariantStatus.SCHEDULED, VariantStatus.APPROVED):
        changes["status"] = VariantStatus.DRAFT.value
    return changes


def edit_variant(
    store: Store,
    variant_id: int,
    *,
    text: str,
    origin: TextOrigin = TextOrigin.HUMAN,
    translation_path: str | None = None,
    reviewed: bool = False,
    actor: str | None = None,
) -> Variant:
    """Replace one variant's text (a translation or a person's edit)."""
    body = _clean_text(text)
    now = timeutil.now_utc()
    who = actor or audit.default_actor()
    with store.write() as conn:
        variant = _fetch_variant(conn, variant_id)
        if not variant.is_open:
            raise ConflictError(f"Variant {variant_id} is {variant.status.value}; it can no longer be edited.")
        changed = conn.execute(
            variants.update()
            .where(variants.c.id == variant_id, variants.c.version == variant.version)
            .values(
                text=body,
                text_origin=origin.value,
                translation_path=translation_path,
                reviewed=reviewed,
                reviewed_by=who if reviewed else None,
                reviewed_at=now if reviewed else None,
                updated_at=now,
                version=variants.c.version + 1,
            )
        )
        _require_all(changed.rowcount, 1, f"Variant {variant_id} changed while it was being edited")
        audit.record(
            conn,
            actor=who,
            action="edit",
            entity="variant",
            entity_id=variant_id,
            details={"origin": origin.value, "reviewed": reviewed},
            at=now,
        )
        return _fetch_variant(conn, variant_id)


def _fetch_variant(conn: Connection, variant_id: int) -> Variant:
    row = conn.execute(_variant_query().where(variants.c.id == variant_id)).first()  # type: ignore[attr-defined]
    if row is None:
        raise NotFoundError(f"No variant with id {variant_id}.")
    return _to_variant(row)


def get_variant(store: Store, variant_id: int) -> Variant:
    """One variant with its account's name and platform."""
    with store.read() as conn:
        return _fetch_variant(conn, variant_id)


def add_targets(
    store: Store,
    post_id: int,
    accounts: Sequence[str],
    *,
    at: datetime | None = None,
    fold: timeutil.FoldChoice | None = None,
    actor: str | None = None,
    now: datetime | None = None,
) -> Post:
    """Add accounts to a post, one new variant each (drafts, or scheduled at ``at`` local)."""
    if not accounts:
        raise UserError("Choose at least one account to add.")
    current = now or timeutil.now_utc()
    with store.write() as conn:
        post = _fetch_post(conn, post_id)
        targets = _resolve_accounts(conn, accounts)
        already = {v.account_name for v in post.variants}
        for account in targets:
            if account.name in already:
                raise ConflictError(f"Post {post_id} already goes to {account.name!r}.")
        for account in targets:
            schedule = _schedule_values(account, at, fold, current) if at else {"status": VariantStatus.DRAFT.value}
            conn.execute(
                variants.insert().values(
                    post_id=post_id,
                    account_id=account.id,
                    language=account.language,
                    text=post.text,
                    text_origin=TextOrigin.SOURCE.value,
                    created_at=current,
                    updated_at=current,
                    **schedule,
                )
            )
        audit.record(
            conn,
            actor=actor or audit.default_actor(),
            action="add_targets",
            entity="post",
            entity_id=post_id,
            details={"accounts": [a.name for a in targets]},
            at=current,
        )
        return _fetch_post(conn, post_id)


def schedule_post(
    store: Store,
    post_id: int,
    at: datetime,
    *,
    fold: timeutil.FoldChoice | None = None,
    accounts: Sequence[str] | None = None,
    actor: str | None = None,
    now: datetime | None = None,
) -> Post:
    """Schedule every open variant (or those of ``accounts``) at ``at`` in its account's zone."""
    current = now or timeutil.now_utc()
    with store.write() as conn:
        post = _fetch_post(conn, post_id)
        chosen = [v for v in post.variants if v.is_open and (accounts is None or v.account_name in set(accounts))]
        if not chosen:
            raise ConflictError(f"Post {post_id} has no variant that can still be scheduled.")
        for variant in chosen:
            account = fetch_account(conn, variant.account_name)
            changed = conn.execute(
                variants.update()
                .where(variants.c.id == variant.id, variants.c.version == variant.version)
                .values(
                    **_schedule_values(account, at, fold, current),
                    attempt_count=0,
                    next_attempt_at=None,
                    updated_at=current,
                    version=variants.c.version + 1,
                )
            )
            _require_all(changed.rowcount, 1, f"Post {post_id} changed while it was being scheduled")
        audit.record(
            conn,
            actor=actor or audit.default_actor(),
            action="schedule",
            entity="post",
            entity_id=post_id,
            details={"local": at.isoformat(timespec="minutes"), "variants": [v.id for v in chosen]},
            at=current,
        )
        return _fetch_post(conn, post_id)


def cancel_post(store: Store, post_id: int, *, actor: str | None = None) -> Post:
    """Cancel every variant not yet published. Published variants stay as they are."""
    now = timeutil.now_utc()
    with store.write() as conn:
        post = _fetch_post(conn, post_id)
        publishing = [v for v in post.variants if v.status is VariantStatus.PUBLISHING]
        if publishing:
            raise ConflictError(
                f"Post {post_id} is being published to {', '.join(v.account_name for v in publishing)} "
                "right now; wait for the result, then delete it there if needed."
            )
        open_ids = [v.id for v in post.variants if v.is_open]
        if not open_ids:
            raise ConflictError(f"Post {post_id} has nothing left to cancel.")
        changed = conn.execute(
            variants.update()
            .where(variants.c.id.in_(open_ids), variants.c.status.in_(OPEN_STATUSES))
            .values(
                status=VariantStatus.CANCELLED.value,
                next_attempt_at=None,
                updated_at=now,
                version=variants.c.version + 1,
            )
        )
        _require_all(changed.rowcount, len(open_ids), f"Post {post_id} started publishing while it was being cancelled")
        audit.record(
            conn,
            actor=actor or audit.default_actor(),
            action="cancel",
            entity="post",
            entity_id=post_id,
            details={"variants": open_ids},
            at=now,
        )
        return _fetch_post(conn, post_id)


def list_posts(store: Store, *, status: str | None = None, limit: int = 1000) -> list[Post]:
    """Posts, newest first; with ``status``, only posts having a variant in that status."""
    query = select(posts.c.id).order_by(posts.c.id.desc()).limit(limit)
    if status is not None:
        try:
            wanted = VariantStatus(status.strip().lower())
        except ValueError:
            raise UserError(
                f"Unknown status {status!r}: choose one of {', '.join(s.value for s in VariantStatus)}."
            ) from None
        query = query.where(posts.c.id.in_(select(variants.c.post_id).where(variants.c.status == wanted.value)))
    with store.read() as conn:
        ids = list(conn.execute(query).scalars())
        loaded = {p.id: p for p in _load_posts(conn, ids)}
    return [loaded[i] for i in ids]


def get_post(store: Store, post_id: int) -> Post:
    """One post with its variants and media."""
    with store.read() as conn:
        return _fetch_post(conn, post_id)
