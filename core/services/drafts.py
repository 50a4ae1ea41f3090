"""Composer drafts: what a press officer is writing, saved as they type, and the post made from it.

A draft keeps the composer's state (text, source language, chosen accounts, media with their alt
text) even while it is not yet a valid post (no text, no account), so that autosave can store
every pause in typing and the composer reopens where it was left after a crash or a closed window.
"Translate" turns a draft into a post (:func:`post_for_draft`); from then on every save keeps that
post in step: the text through :func:`core.services.posts.edit_draft` (which sends reviewed
variants back to review), accounts added or removed, media replaced. Once every variant is
scheduled, published or repeating, the draft is sent (:func:`settle_draft`) and no longer reopens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, func, select

from core import languages, plaintext, queries, timeutil
from core.domain import AuditAction, Post, Variant, VariantStatus
from core.errors import ConflictError, NotFoundError, UserError
from core.services import approval, audit, media, media_store, posts, scheduling
from core.services.permissions import Permission, current_user, require
from core.store import Store
from core.store.engine import new_id
from core.store.tables import accounts, drafts, publish_attempts, recurrences, variants
from core.store.tables import media as media_table
from core.words import Msg

#: Statuses of a variant that still waits for a person to schedule it.
_WAITING = (VariantStatus.DRAFT, VariantStatus.APPROVED, VariantStatus.FAILED, VariantStatus.MISSED)
#: Statuses of a variant that can be taken off a post by unticking its account (nothing was sent).
_REMOVABLE = (VariantStatus.DRAFT.value, VariantStatus.APPROVED.value, VariantStatus.SCHEDULED.value)


@dataclass(frozen=True)
class DraftMedia:
    """One attached file (already copied into the media folder) and its alt text."""

    path: str
    alt_text: str = ""


@dataclass(frozen=True)
class DraftContent:
    """What the composer shows: any of it may still be empty."""

    text: str = ""
    #: ``None``: the language of the first chosen account.
    source_language: str | None = None
    account_ids: tuple[int, ...] = ()
    media: tuple[DraftMedia, ...] = ()


@dataclass(frozen=True)
class Draft:
    """A saved draft."""

    id: int
    author: str
    content: DraftContent
    post_id: int | None
    sent_at: datetime | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class Saved:
    """The outcome of a save: the draft, its post (if any) as it is now, and what that cost."""

    draft: Draft
    post: Post | None = None
    #: Accounts whose variant lost its review mark because the source changed.
    requeued: tuple[str, ...] = ()
    #: Why the post could not follow the draft (e.g. already published), as a sentence.
    note: str | None = None


def _checked(content: DraftContent) -> DraftContent:
    if len(content.text) > scheduling.MAX_TEXT:
        raise UserError(
            Msg(
                "The post text is {length:,} characters; the most Communiqué keeps is {max_text:,}.",
                length=len(content.text),
                max_text=scheduling.MAX_TEXT,
            )
        )
    text = plaintext.normalize_line_ends(content.text)
    plaintext.refuse_controls(text, Msg("The draft text"))  # a NUL would not even reach PostgreSQL
    if len(content.media) > media.MAX_FILES:
        raise UserError(Msg("A post can carry at most {max_files} media files.", max_files=media.MAX_FILES))
    for item in content.media:
        if len(item.alt_text) > media.MAX_ALT_TEXT:
            raise UserError(
                Msg("An alt text is longer than {max_alt_text} characters.", max_alt_text=media.MAX_ALT_TEXT)
            )
    language = languages.normalize(content.source_language) if content.source_language else None
    ids = tuple(dict.fromkeys(int(i) for i in content.account_ids))
    return DraftContent(text, language, ids, tuple(content.media))


def _to_draft(row: Row[Any]) -> Draft:
    m = row._mapping
    items = tuple(DraftMedia(str(i["path"]), str(i.get("alt", ""))) for i in m["media"] or [])
    content = DraftContent(m["text"], m["source_language"], tuple(int(i) for i in m["account_ids"] or []), items)
    return Draft(m["id"], m["author"], content, m["post_id"], m["sent_at"], m["created_at"], m["updated_at"])


def _fetch(conn: Connection, draft_id: int) -> Draft:
    row = conn.execute(select(drafts).where(drafts.c.id == draft_id)).first()
    if row is None:
        raise NotFoundError(Msg("No draft with id {draft_id}.", draft_id=draft_id))
    return _to_draft(row)


def get_draft(store: Store, draft_id: int) -> Draft:
    """One draft."""
    with store.read() as conn:
        return _fetch(conn, draft_id)


def list_drafts(store: Store, *, actor: str | None = None, limit: int = 50) -> list[Draft]:
    """The person's drafts not sent yet, the most recently edited first."""
    with store.read() as conn:
        who = current_user(conn, actor).login
        query = (
            select(drafts)
            .where(drafts.c.author == who, drafts.c.sent_at.is_(None))
            .order_by(drafts.c.updated_at.desc(), drafts.c.id.desc())
            .limit(limit)
        )
        return [_to_draft(row) for row in conn.execute(query)]


def latest_draft(store: Store, *, actor: str | None = None) -> Draft | None:
    """The draft the composer reopens: the person's last one not sent yet."""
    found = list_drafts(store, actor=actor, limit=1)
    return found[0] if found else None


def save_draft(
    store: Store, draft_id: int | None, content: DraftContent, *, actor: str | None = None, now: datetime | None = None
) -> Saved:
    """Store the composer's state (a new draft when ``draft_id`` is ``None``), and bring its post in step."""
    clean = _checked(content)
    current = now or timeutil.now_utc()
    values: dict[str, object] = {
        "text": clean.text,
        "source_language": clean.source_language,
        "account_ids": list(clean.account_ids),
        "media": [{"path": item.path, "alt": item.alt_text} for item in clean.media],
        "sent_at": None,  # editing a sent draft opens it again
        "updated_at": current,
    }
    with store.write() as conn:
        who = require(conn, Permission.DRAFT, clean.account_ids, actor=actor).login
        if draft_id is None:
            draft_id = new_id(conn.execute(drafts.insert().values(author=who, created_at=current, **values)))
        elif conn.execute(drafts.update().where(drafts.c.id == draft_id).values(**values)).rowcount != 1:
            raise NotFoundError(Msg("No draft with id {draft_id}.", draft_id=draft_id))
        # The attachments' content goes with the draft, so that it opens (and sends) on another machine.
        media_store.put_paths(conn, [item.path for item in clean.media], current)
        draft = _fetch(conn, draft_id)
    return _follow(store, draft, actor) if draft.post_id is not None else Saved(draft)


def post_for_draft(store: Store, draft_id: int, *, actor: str | None = None) -> Saved:
    """The draft's post: created now from the draft (text and one account needed), else brought in step."""
    draft = get_draft(store, draft_id)
    if draft.post_id is not None:
        return _follow(store, draft, actor)
    post = posts.create_post(
        store,
        text=draft.content.text,
        accounts=_account_names(store, draft.content.account_ids),
        source_language=draft.content.source_language,
        media_files=[(item.path, item.alt_text) for item in draft.content.media],
        actor=actor,
    )
    with store.write() as conn:
        linked = conn.execute(
            drafts.update()
            .where(drafts.c.id == draft_id, drafts.c.post_id.is_(None))
            .values(post_id=post.id, updated_at=timeutil.now_utc())
        ).rowcount
    if linked != 1:  # another window translated the same draft meanwhile: keep its post, drop ours
        posts.cancel_post(store, post.id, actor=actor)
        return _follow(store, get_draft(store, draft_id), actor)
    return Saved(get_draft(store, draft_id), post)


def settle_draft(store: Store, draft_id: int) -> bool:
    """Mark the draft sent once no variant of its post waits to be scheduled; returns whether it is sent."""
    draft = get_draft(store, draft_id)
    if draft.post_id is None:
        return False
    post = queries.get_post(store, draft.post_id)
    with store.write() as conn:
        templates = set(
            conn.execute(
                select(recurrences.c.template_variant_id).where(
                    recurrences.c.template_variant_id.in_([v.id for v in post.variants]), recurrences.c.active.is_(True)
                )
            ).scalars()
        )
        if any(v.status in _WAITING and v.id not in templates for v in post.variants):
            return False
        conn.execute(drafts.update().where(drafts.c.id == draft_id).values(sent_at=timeutil.now_utc()))
    return True


def discard_draft(store: Store, draft_id: int, *, actor: str | None = None) -> None:
    """Delete a draft; its post is cancelled too while nothing of it was scheduled or sent."""
    draft = get_draft(store, draft_id)
    if draft.post_id is not None:
        post = queries.get_post(store, draft.post_id)
        live = [v for v in post.variants if v.status is not VariantStatus.CANCELLED]
        if live and all(v.status in (VariantStatus.DRAFT, VariantStatus.APPROVED) for v in live):
            posts.cancel_post(store, post.id, actor=actor)
    with store.write() as conn:
        conn.execute(drafts.delete().where(drafts.c.id == draft_id))


# --- keeping the post in step -------------------------------------------------------------------


def _targets(store: Store, account_ids: Sequence[int]) -> list[tuple[str, str]]:
    """``(name, language)`` of the active accounts among ``account_ids``, in that order (removed ones are skipped)."""
    if not account_ids:
        return []
    with store.read() as conn:
        rows = conn.execute(
            select(accounts.c.id, accounts.c.name, accounts.c.language).where(
                accounts.c.id.in_(account_ids), accounts.c.active.is_(True)
            )
        ).all()
    found = {row.id: (row.name, row.language) for row in rows}
    return [found[i] for i in account_ids if i in found]


def _account_names(store: Store, account_ids: Sequence[int]) -> list[str]:
    return [name for name, _language in _targets(store, account_ids)]


def _follow(store: Store, draft: Draft, actor: str | None) -> Saved:
    assert draft.post_id is not None
    try:
        post, requeued, note = _sync(store, draft, draft.post_id, actor)
    except UserError as error:  # e.g. already published: the draft is saved, the post stays as it was
        return Saved(draft, queries.get_post(store, draft.post_id), note=str(error))
    return Saved(draft, post, requeued, note)


def _sync(store: Store, draft: Draft, post_id: int, actor: str | None) -> tuple[Post, tuple[str, ...], str | None]:
    post = queries.get_post(store, post_id)
    targets = _targets(store, draft.content.account_ids)
    names = [name for name, _language in targets]
    text = draft.content.text.strip()
    # Unless the person chose one, the source language follows the first account, as when the post was made.
    language = draft.content.source_language or (targets[0][1] if targets else post.source_language)
    requeued: tuple[str, ...] = ()
    note: str | None = None
    if (text and text != post.text) or language != post.source_language:
        reviewed = {v.id for v in post.variants if v.reviewed}
        post = posts.edit_draft(
            store,
            post_id,
            text=text if text and text != post.text else None,
            source_language=language if language != post.source_language else None,
            actor=actor,
        )
        requeued = tuple(v.account_name for v in post.variants if v.id in reviewed and not v.reviewed)
    present = {v.account_name: v for v in post.variants if v.status is not VariantStatus.CANCELLED}
    if not names:
        note = "Keep at least one account ticked: the post still goes to the accounts it had."
    else:
        removed = [v for name, v in present.items() if name not in names]
        added = [name for name in names if name not in present]
        if removed:
            _drop_targets(store, post_id, removed, actor)
        if added:
            posts.add_targets(store, post_id, added, actor=actor)
    wanted = [(item.path, item.alt_text) for item in draft.content.media]
    if wanted != [(item.path, item.alt_text) for item in post.media]:
        _replace_media(store, post_id, wanted, actor)
    return queries.get_post(store, post_id), requeued, note


def _drop_targets(store: Store, post_id: int, dropped: Sequence[Variant], actor: str | None) -> None:
    """Delete the variants of unticked accounts; only those never sent, tried or repeating."""
    with store.write() as conn:
        permission = posts.cancel_permission(dropped)
        who = require(conn, permission, {v.account_id for v in dropped}, actor=actor).login
        for variant in dropped:
            tried = conn.execute(
                select(func.count()).select_from(publish_attempts).where(publish_attempts.c.variant_id == variant.id)
            ).scalar_one()
            repeating = conn.execute(
                select(func.count()).select_from(recurrences).where(recurrences.c.template_variant_id == variant.id)
            ).scalar_one()
            if tried or repeating or variant.status.value not in _REMOVABLE:
                raise ConflictError(
                    Msg(
                        "The post already went, was tried or repeats to {account_name!r}; cancel it in the "
                        "Queue instead of unticking the account.",
                        account_name=variant.account_name,
                    )
                )
            deleted = conn.execute(
                variants.delete().where(
                    variants.c.id == variant.id,
                    variants.c.version == variant.version,
                    variants.c.status.in_(_REMOVABLE),
                )
            ).rowcount
            if deleted != 1:
                raise ConflictError(
                    Msg("Post {post_id} changed while an account was being taken off it; try again.", post_id=post_id)
                )
        audit.record(
            conn,
            actor=who,
            action=AuditAction.DELETE,
            entity="post",
            entity_id=post_id,
            details={"accounts": [v.account_name for v in dropped], "variants": [v.id for v in dropped]},
        )


def _replace_media(store: Store, post_id: int, wanted: Sequence[tuple[str, str]], actor: str | None) -> None:
    prepared = media.prepare_files(wanted)  # files already in the media folder are not copied again
    now = timeutil.now_utc()
    with store.write() as conn:
        post = queries.fetch_post(conn, post_id)
        who = require(conn, Permission.DRAFT, {v.account_id for v in post.variants}, actor=actor).login
        if any(not v.is_open and v.status is not VariantStatus.CANCELLED for v in post.variants):
            raise ConflictError(
                Msg(
                    "Post {post_id} is already being published or published; its media can no longer change.",
                    post_id=post_id,
                )
            )
        conn.execute(media_table.delete().where(media_table.c.post_id == post_id))
        media.insert_media(conn, post_id, prepared, now)
        to_review = _back_to_review(conn, post, now)
        audit.record(
            conn,
            actor=who,
            action=AuditAction.EDIT,
            entity="post",
            entity_id=post_id,
            details={"media": len(prepared)} | ({"back_to_review": to_review} if to_review else {}),
            at=now,
        )


def _back_to_review(conn: Connection, post: Post, now: datetime) -> list[int]:
    """Send the post's approved variants back to review (their media changed); returns their ids."""
    sent: list[int] = []
    for variant in (v for v in post.variants if v.is_open):
        back = approval.after_edit(variant, approval.requires_approval(conn, variant.account_id))
        if not back:
            continue
        changed = conn.execute(
            variants.update()
            .where(variants.c.id == variant.id, variants.c.version == variant.version)
            .values(**back, updated_at=now, version=variants.c.version + 1)
        )
        if changed.rowcount != 1:
            raise ConflictError(
                Msg("Post {post_id} changed while its media were being replaced; try again.", post_id=post.id)
            )
        sent.append(variant.id)
    return sent
