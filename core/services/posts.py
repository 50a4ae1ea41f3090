"""Posts and their variants: draft, edit, target, schedule, cancel (reads: :mod:`core.queries.posts`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, select

from core import languages, publishable, queries, timeutil
from core.domain import OPEN_STATUSES, Account, AuditAction, Post, TextOrigin, Variant, VariantStatus
from core.errors import ConflictError, EditConflictError, UserError
from core.services import account_options, approval, audit, media, scheduling
from core.services.permissions import Permission, require
from core.store import Store
from core.store.tables import posts, variants
from core.words import Msg


def _require_all(changed: int, expected: int, what: Msg) -> None:
    """Refuse (and so roll back) a write that another process overtook between our read and our update.

    Every update of an open variant is conditional on its status or version: on PostgreSQL's
    READ COMMITTED a publisher may claim the row after we read it, and our write must then not
    hide its live post behind ``cancelled``.
    """
    if changed != expected:
        raise ConflictError(Msg("{what}; look at it again and retry.", what=what))


def _resolve_accounts(conn: Connection, names: Iterable[str]) -> list[Account]:
    resolved: list[Account] = []
    seen: set[str] = set()
    for name in names:
        account = queries.fetch_account(conn, name)
        if account.name in seen:
            raise UserError(Msg("The account {account!r} is named twice.", account=account.name))
        seen.add(account.name)
        resolved.append(account)
    return resolved


def _insert_targets(
    conn: Connection,
    post_id: int,
    targets: Sequence[Account],
    text: str,
    at: datetime | None,
    fold: timeutil.FoldChoice | None,
    now: datetime,
    files: Sequence[publishable.MediaShape] = (),
) -> None:
    """One variant per account: drafts, or scheduled at ``at`` on each account's own wall clock.

    Every instant is checked (past, too far, DST gap, ambiguous) before the first row is written,
    and so is whether each platform can take the post at all (``files``: the media, as the files
    the person chose).
    """
    schedules = {a.id: (scheduling.future_instant(a, at, fold, now), a.timezone) for a in targets} if at else {}
    if at is not None:
        for account in targets:
            sent, dropped = account_options.sent_without_links(conn, account.id, text)
            publishable.ensure_publishable(account, sent, files, links_dropped=dropped)
    for account in targets:
        scheduling.insert_variant(
            conn,
            post_id=post_id,
            account_id=account.id,
            language=account.language,
            text=text,
            now=now,
            schedule=schedules.get(account.id),
        )


def _shape(item: media.CheckedMedia) -> publishable.MediaShape:
    """A checked file as a platform check reads it: under the person's own file name."""
    return publishable.MediaShape(str(item.source), item.mime_type, item.size_bytes, item.alt_text)


def _stored_shapes(post: Post) -> list[publishable.MediaShape]:
    return [publishable.MediaShape(m.path, m.mime_type, m.size_bytes, m.alt_text) for m in post.media]


def _may_write(conn: Connection, targets: Sequence[Account], *, scheduled: bool, actor: str | None) -> str:
    """The login writing posts to ``targets`` (and scheduling them when ``scheduled``), if allowed."""
    ids = [a.id for a in targets]
    user = require(conn, Permission.SCHEDULE if scheduled else Permission.DRAFT, ids, actor=actor)
    return user.login


def cancel_permission(chosen: Iterable[Variant]) -> Permission:
    """Cancelling drafts is editing them; cancelling what is on its way is an approver's decision."""
    drafts = (VariantStatus.DRAFT, VariantStatus.APPROVED)
    return Permission.DRAFT if all(v.status in drafts for v in chosen) else Permission.SCHEDULE


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
    body = scheduling.clean_text(text)
    if not accounts:
        raise UserError(Msg("Choose at least one account to post to."))
    current = now or timeutil.now_utc()
    checked_media = media.check_files(media_files)
    created: list[Path] = []
    try:
        with store.write() as conn:
            targets = _resolve_accounts(conn, accounts)
            who = _may_write(conn, targets, scheduled=at is not None, actor=actor)
            language = languages.normalize(source_language) if source_language is not None else targets[0].language
            post_id = scheduling.insert_post(conn, author=who, source_language=language, text=body, now=current)
            _insert_targets(conn, post_id, targets, body, at, fold, current, [_shape(m) for m in checked_media])
            # Copied last, inside the transaction: a post refused for any reason leaves no file behind.
            prepared_media, created = media.copy_in(checked_media)
            media.insert_media(conn, post_id, prepared_media, current)
            audit.record(
                conn,
                actor=who,
                action=AuditAction.CREATE,
                entity="post",
                entity_id=post_id,
                details={"accounts": [a.name for a in targets], "scheduled": at is not None},
                at=current,
            )
            return queries.fetch_post(conn, post_id)
    except BaseException:
        media.discard(created)
        raise


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
    new_text = scheduling.clean_text(text) if text is not None else None
    new_language = languages.normalize(source_language) if source_language else None
    now = timeutil.now_utc()
    with store.write() as conn:
        post = queries.fetch_post(conn, post_id)
        who = require(conn, Permission.DRAFT, {v.account_id for v in post.variants}, actor=actor).login
        frozen = [v for v in post.variants if not v.is_open]
        if frozen and new_text is not None and any(v.status is not VariantStatus.CANCELLED for v in frozen):
            raise ConflictError(
                Msg(
                    "Post {post_id} is already being published or published to {names}; create a new post instead.",
                    post_id=post_id,
                    names=", ".join(v.account_name for v in frozen),
                )
            )
        values: dict[str, object] = {"updated_at": now}
        if new_text is not None:
            values["text"] = new_text
        if new_language is not None:
            values["source_language"] = new_language
        conn.execute(posts.update().where(posts.c.id == post_id).values(**values))
        withdrawn: list[int] = []
        to_review: list[int] = []
        if new_text is not None:
            for variant in (v for v in post.variants if v.is_open):
                changes = _follow_new_source(variant, new_text, new_language or post.source_language)
                # The post's meaning changed: an approved variant goes back to review.
                back = approval.after_edit(variant, approval.requires_approval(conn, variant.account_id))
                if back:
                    to_review.append(variant.id)
                changes.update(back)
                if changes.get("status") == VariantStatus.DRAFT.value and variant.status is not VariantStatus.DRAFT:
                    withdrawn.append(variant.id)
                changed = conn.execute(
                    variants.update()
                    .where(variants.c.id == variant.id, variants.c.version == variant.version)
                    .values(**changes, updated_at=now, version=variants.c.version + 1)
                )
                _require_all(
                    changed.rowcount, 1, Msg("Post {post_id} changed while it was being edited", post_id=post_id)
                )
        details: dict[str, object] = {"text": new_text is not None}
        if new_language:
            details["language"] = new_language
        if withdrawn:
            details["back_to_draft"] = withdrawn
        if to_review:
            details["back_to_review"] = to_review
        audit.record(
            conn,
            actor=who,
            action=AuditAction.EDIT,
            entity="post",
            entity_id=post_id,
            details=details,
            at=now,
        )
        return queries.fetch_post(conn, post_id)


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
    expected_version: int | None,
    origin: TextOrigin = TextOrigin.HUMAN,
    translation_path: str | None = None,
    reviewed: bool = False,
    actor: str | None = None,
) -> Variant:
    """Replace one variant's text (a translation or a person's edit), if it is still at ``expected_version``.

    ``expected_version`` is the version the caller read before composing its text (a screen: the
    version it shows; a translation: the version it translated). When the variant has changed
    since, nothing is written and :class:`EditConflictError` carries the text there now and the text
    refused, so no one's edit is silently overwritten. ``None`` means "whatever is there now":
    only for a person's explicit one-off command, never for work that took time.
    """
    body = scheduling.clean_text(text)
    now = timeutil.now_utc()
    with store.write() as conn:
        variant = queries.fetch_variant(conn, variant_id)
        who = require(conn, Permission.DRAFT, [variant.account_id], actor=actor).login
        if not variant.is_open:
            raise ConflictError(
                Msg(
                    "Variant {variant_id} is {status}; it can no longer be edited.",
                    variant_id=variant_id,
                    status=variant.status,
                )
            )
        if expected_version is not None and variant.version != expected_version:
            raise EditConflictError(
                Msg(
                    "Variant {variant_id} ({account_name}) was changed by someone else meanwhile; compare the "
                    "two texts and save again.",
                    variant_id=variant_id,
                    account_name=variant.account_name,
                ),
                variant_id=variant_id,
                current_text=variant.text,
                attempted_text=body,
                current_version=variant.version,
            )
        # A changed text is not what was approved: it goes back to review.
        back = approval.after_edit(variant, approval.requires_approval(conn, variant.account_id))
        back = back if body != variant.text else {}
        changed = conn.execute(
            variants.update()
            .where(variants.c.id == variant_id, variants.c.version == variant.version)
            .values(
                **back,
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
        _require_all(
            changed.rowcount, 1, Msg("Variant {variant_id} changed while it was being edited", variant_id=variant_id)
        )
        audit.record(
            conn,
            actor=who,
            action=AuditAction.EDIT,
            entity="variant",
            entity_id=variant_id,
            details={"origin": origin.value, "reviewed": reviewed} | ({"back_to_review": True} if back else {}),
            at=now,
        )
        return queries.fetch_variant(conn, variant_id)


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
        raise UserError(Msg("Choose at least one account to add."))
    current = now or timeutil.now_utc()
    with store.write() as conn:
        post = queries.fetch_post(conn, post_id)
        targets = _resolve_accounts(conn, accounts)
        who = _may_write(conn, targets, scheduled=at is not None, actor=actor)
        already = {v.account_name for v in post.variants}
        for account in targets:
            if account.name in already:
                raise ConflictError(
                    Msg("Post {post_id} already goes to {account!r}.", post_id=post_id, account=account.name)
                )
        _insert_targets(conn, post_id, targets, post.text, at, fold, current, _stored_shapes(post))
        audit.record(
            conn,
            actor=who,
            action=AuditAction.ADD_TARGETS,
            entity="post",
            entity_id=post_id,
            details={"accounts": [a.name for a in targets]},
            at=current,
        )
        return queries.fetch_post(conn, post_id)


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
        post = queries.fetch_post(conn, post_id)
        chosen = [v for v in post.variants if v.is_open and (accounts is None or v.account_name in set(accounts))]
        if not chosen:
            raise ConflictError(Msg("Post {post_id} has no variant that can still be scheduled.", post_id=post_id))
        who = require(conn, Permission.SCHEDULE, {v.account_id for v in chosen}, actor=actor).login
        for variant in chosen:
            account = queries.fetch_account(conn, variant.account_name)
            instant = scheduling.future_instant(account, at, fold, current)
            _ensure_publishable(conn, account, variant, post)
            changed = scheduling.set_scheduled(
                conn, variant.id, version=variant.version, instant=instant, zone_name=account.timezone, now=current
            )
            _require_all(int(changed), 1, Msg("Post {post_id} changed while it was being scheduled", post_id=post_id))
        audit.record(
            conn,
            actor=who,
            action=AuditAction.SCHEDULE,
            entity="post",
            entity_id=post_id,
            details={"local": at.isoformat(timespec="minutes"), "variants": [v.id for v in chosen]},
            at=current,
        )
        return queries.fetch_post(conn, post_id)


def ensure_variant_publishable(conn: Connection, variant_id: int) -> None:
    """A :class:`UserError` with the platform's own reasons when ``variant_id`` is sure to fail there.

    For every path that schedules an existing variant (a time, the next free slot, a recurrence):
    a post refused at publishing is refused when it is scheduled, with the same message.
    """
    variant = queries.fetch_variant(conn, variant_id)
    post = queries.fetch_post(conn, variant.post_id)
    _ensure_publishable(conn, queries.fetch_account(conn, variant.account_name), variant, post)


def _ensure_publishable(conn: Connection, account: Account, variant: Variant, post: Post) -> None:
    """The platform check of one variant as it is stored and sent: its text as its account sends it
    (links left out where the account posts without them), its post's media, its threading."""
    sent, dropped = account_options.sent_without_links(conn, account.id, variant.text)
    publishable.ensure_publishable(
        account, sent, _stored_shapes(post), as_thread=_as_thread(conn, variant.id), links_dropped=dropped
    )


def _as_thread(conn: Connection, variant_id: int) -> bool:
    return bool(conn.execute(select(variants.c.as_thread).where(variants.c.id == variant_id)).scalar())


def cancel_post(store: Store, post_id: int, *, actor: str | None = None) -> Post:
    """Cancel every variant not yet published. Published variants stay as they are."""
    now = timeutil.now_utc()
    with store.write() as conn:
        post = queries.fetch_post(conn, post_id)
        publishing = [v for v in post.variants if v.status is VariantStatus.PUBLISHING]
        if publishing:
            raise ConflictError(
                Msg(
                    "Post {post_id} is being published to {names} right now; wait for the result, then delete "
                    "it there if needed.",
                    post_id=post_id,
                    names=", ".join(v.account_name for v in publishing),
                )
            )
        open_ids = [v.id for v in post.variants if v.is_open]
        if not open_ids:
            raise ConflictError(Msg("Post {post_id} has nothing left to cancel.", post_id=post_id))
        live = [v for v in post.variants if v.is_open]
        who = require(conn, cancel_permission(live), {v.account_id for v in live}, actor=actor).login
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
        _require_all(
            changed.rowcount,
            len(open_ids),
            Msg("Post {post_id} started publishing while it was being cancelled", post_id=post_id),
        )
        audit.record(
            conn,
            actor=who,
            action=AuditAction.CANCEL,
            entity="post",
            entity_id=post_id,
            details={"variants": open_ids},
            at=now,
        )
        return queries.fetch_post(conn, post_id)
