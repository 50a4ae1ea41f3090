"""Reading the audience's comments: filtered and paged for the Feedback screen, counted for the dashboard.

Comments are written by the collector (:mod:`core.services.comments`) and translated by
:mod:`translation.comments`; this module only reads. A list is read a page at a time, newest
first, by keyset (the last row's time and id), so the hundredth page costs what the first did.
A comment's translation is the one into the reader's language, flagged ``stale`` when the
comment was edited after it was translated (the hashes differ).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, case, func, literal, select, tuple_

from core.errors import UserError
from core.store import Store
from core.store.tables import (
    accounts,
    comment_activity,
    comment_polls,
    comment_revisions,
    comment_translations,
    comments,
    variants,
)

#: Rows per page unless asked otherwise, and the most one read returns.
PAGE_SIZE = 200
MAX_PAGE_SIZE = 5000
#: How a comment whose language is not known yet is filtered and counted.
UNKNOWN_LANGUAGE = "und"
#: Characters of the answered variant's text kept as its label.
LABEL_CHARS = 80


def text_hash(text: str) -> str:
    """The hash a translation keeps of the text it translated (``comment_translations.source_sha256``)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class FeedbackFilter:
    """Which comments to read. Empty tuples and ``None`` mean "any".

    ``since`` is inclusive and ``until`` exclusive, on when the comment was written; a language
    of :data:`UNKNOWN_LANGUAGE` matches comments whose language is not known yet. ``text`` is
    looked for in the comment and its author's name, without case for ASCII letters.
    """

    account_ids: tuple[int, ...] = ()
    languages: tuple[str, ...] = ()
    since: datetime | None = None
    until: datetime | None = None
    unread: bool = False
    post_id: int | None = None
    variant_id: int | None = None
    include_deleted: bool = True
    text: str = ""


@dataclass(frozen=True)
class Translation:
    """A comment in the reader's language; ``stale`` when the comment changed after it was translated."""

    language: str
    text: str
    source_language: str
    path: str | None
    stale: bool


@dataclass(frozen=True)
class Comment:
    """One comment as the Feedback screen and ``communique feedback list`` show it."""

    id: int
    variant_id: int
    post_id: int
    account_id: int
    account_name: str
    platform: str
    remote_id: str
    parent_remote_id: str | None
    author_name: str
    text: str
    language: str | None
    language_confidence: float | None
    language_source: str | None
    created_at: datetime
    edited_at: datetime | None
    deleted_at: datetime | None
    like_count: int | None
    reply_count: int | None
    read_at: datetime | None
    read_by: str | None
    post_label: str  # the first words of the variant it answers
    post_url: str | None  # the published variant on the platform
    translation: Translation | None = None

    @property
    def unread(self) -> bool:
        """Nobody has marked it read."""
        return self.read_at is None

    @property
    def edited(self) -> bool:
        """Its text changed after it was first collected."""
        return self.edited_at is not None

    @property
    def deleted(self) -> bool:
        """The platform no longer shows it (its text stays here for the record)."""
        return self.deleted_at is not None


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: just after (older than) this comment."""

    created_at: datetime
    id: int


@dataclass(frozen=True)
class CommentPage:
    """One page of comments, newest first, and where the next one starts (``None``: no more)."""

    rows: list[Comment] = field(default_factory=list)
    next: Cursor | None = None


@dataclass(frozen=True)
class Revision:
    """One text a comment has had; number 1 is the first collected."""

    number: int
    text: str
    seen_at: datetime


@dataclass(frozen=True)
class PostCount:
    """Comments on one post (all its variants), and how many nobody has read."""

    post_id: int
    label: str
    total: int
    unread: int


@dataclass(frozen=True)
class LanguageCount:
    """Comments in one language (:data:`UNKNOWN_LANGUAGE` when not detected yet)."""

    language: str
    total: int
    unread: int


@dataclass(frozen=True)
class CollectionProblem:
    """Why comments are not being collected on an account (one line on the screen)."""

    account_id: int
    account_name: str
    error_class: str
    error: str
    variants: int


def comment_page(
    store: Store,
    flt: FeedbackFilter | None = None,
    *,
    reader_language: str | None = None,
    after: Cursor | None = None,
    limit: int = PAGE_SIZE,
) -> CommentPage:
    """Up to ``limit`` comments matching ``flt``, newest first, older than ``after`` when given.

    With ``reader_language``, each row carries its translation into that language if there is one.
    """
    flt = flt or FeedbackFilter()
    limit = max(1, min(limit, MAX_PAGE_SIZE))
    query = _select(flt)
    if after is not None:
        query = query.where(
            tuple_(comments.c.created_at, comments.c.id) < tuple_(_at(after.created_at), literal(after.id))
        )
    query = query.order_by(comments.c.created_at.desc(), comments.c.id.desc()).limit(limit + 1)
    with store.read() as conn:
        mappings = [row._mapping for row in conn.execute(query)]
        more = len(mappings) > limit
        mappings = mappings[:limit]
        translations = _translations(conn, [m["id"] for m in mappings], reader_language) if reader_language else {}
    rows = [_comment(m, translations.get(m["id"])) for m in mappings]
    last = rows[-1] if more else None
    return CommentPage(rows, Cursor(last.created_at, last.id) if last is not None else None)


def list_comments(
    store: Store, flt: FeedbackFilter | None = None, *, reader_language: str | None = None, limit: int | None = None
) -> list[Comment]:
    """Every comment matching ``flt`` (up to ``limit``), newest first, read page by page."""
    found: list[Comment] = []
    after: Cursor | None = None
    while True:
        want = MAX_PAGE_SIZE if limit is None else min(MAX_PAGE_SIZE, limit - len(found))
        page = comment_page(store, flt, reader_language=reader_language, after=after, limit=want)
        found.extend(page.rows)
        if page.next is None or (limit is not None and len(found) >= limit):
            return found
        after = page.next


def get_comment(store: Store, comment_id: int, *, reader_language: str | None = None) -> Comment:
    """One comment by its number, refused in one sentence when there is none."""
    query = _select(FeedbackFilter()).where(comments.c.id == comment_id)
    with store.read() as conn:
        row = conn.execute(query).first()
        if row is None:
            raise UserError(f"There is no comment {comment_id}.")
        translations = _translations(conn, [comment_id], reader_language) if reader_language else {}
    return _comment(row._mapping, translations.get(comment_id))


def revisions(store: Store, comment_id: int) -> list[Revision]:
    """Every text the comment has had, oldest first."""
    query = (
        select(comment_revisions.c.number, comment_revisions.c.text, comment_revisions.c.seen_at)
        .where(comment_revisions.c.comment_id == comment_id)
        .order_by(comment_revisions.c.number)
    )
    with store.read() as conn:
        return [Revision(int(r.number), r.text, r.seen_at) for r in conn.execute(query)]


def count_comments(store: Store, flt: FeedbackFilter | None = None) -> tuple[int, int]:
    """How many comments match ``flt``, and how many of them nobody has read."""
    query = _select(flt or FeedbackFilter()).with_only_columns(
        func.count(), func.coalesce(func.sum(case((comments.c.read_at.is_(None), 1), else_=0)), 0)
    )
    with store.read() as conn:
        total, unread = conn.execute(query).one()
    return int(total), int(unread)


def counts_by_post(store: Store, flt: FeedbackFilter | None = None) -> list[PostCount]:
    """Comments per post (its variants together), most commented first."""
    unread = func.sum(case((comments.c.read_at.is_(None), 1), else_=0))
    query = (
        _select(flt or FeedbackFilter())
        .with_only_columns(variants.c.post_id, func.min(variants.c.text), func.count(), unread)
        .group_by(variants.c.post_id)
        .order_by(func.count().desc(), variants.c.post_id)
    )
    with store.read() as conn:
        return [
            PostCount(int(post_id), _label(label), int(total), int(unseen or 0))
            for post_id, label, total, unseen in conn.execute(query)
        ]


def counts_by_language(store: Store, flt: FeedbackFilter | None = None) -> list[LanguageCount]:
    """Comments per language, most first; comments not yet detected count as :data:`UNKNOWN_LANGUAGE`."""
    language = func.coalesce(comments.c.language, UNKNOWN_LANGUAGE)
    unread = func.sum(case((comments.c.read_at.is_(None), 1), else_=0))
    query = (
        _select(flt or FeedbackFilter())
        .with_only_columns(language, func.count(), unread)
        .group_by(language)
        .order_by(func.count().desc(), language)
    )
    with store.read() as conn:
        return [LanguageCount(str(code), int(total), int(unseen or 0)) for code, total, unseen in conn.execute(query)]


def languages_seen(store: Store) -> list[str]:
    """Every language a comment has been found in, sorted (for a filter's choices)."""
    query = select(comments.c.language).where(comments.c.language.is_not(None)).distinct()
    with store.read() as conn:
        return sorted(str(code) for (code,) in conn.execute(query))


def collection_problems(store: Store) -> list[CollectionProblem]:
    """Per account, the reason its last comment collection failed, if it did (newest reason)."""
    query = (
        select(
            variants.c.account_id,
            accounts.c.name,
            comment_polls.c.error_class,
            comment_polls.c.error,
            comment_polls.c.last_polled_at,
        )
        .select_from(comment_polls.join(variants, variants.c.id == comment_polls.c.variant_id))
        .join(accounts, accounts.c.id == variants.c.account_id)
        .where(comment_polls.c.error_class.is_not(None))
        .order_by(accounts.c.name, comment_polls.c.last_polled_at.desc())
    )
    found: dict[int, CollectionProblem] = {}
    with store.read() as conn:
        for account_id, name, error_class, error, _polled in conn.execute(query):
            known = found.get(account_id)
            if known is None:
                found[account_id] = CollectionProblem(account_id, name, error_class, error or "", 1)
            else:
                found[account_id] = CollectionProblem(
                    account_id, name, known.error_class, known.error, known.variants + 1
                )
    return list(found.values())


def activity_stamp(store: Store) -> int:
    """A number that changes when the comments a screen shows do: one collected, edited, deleted,
    its language found or set, read or unread, or an account's collection failing or recovering
    (not a routine poll that finds nothing new).

    One row read (``comment_activity``, moved by every such write), cheap enough for the app's
    feed timer on a team database with a million comments: a screen compares it with the last
    one it saw instead of reloading on every tick.
    """
    with store.read() as conn:
        return int(conn.execute(select(comment_activity.c.serial).where(comment_activity.c.id == 1)).scalar() or 0)


def _at(instant: datetime) -> Any:
    if instant.tzinfo is None:
        raise UserError("A time in the feedback filter needs its time zone.")
    return literal(instant, comments.c.created_at.type)


def _select(flt: FeedbackFilter) -> Select[Any]:
    if flt.since is not None and flt.until is not None and flt.until <= flt.since:
        raise UserError("The period ends before it begins: choose a later end date.")
    query = (
        select(
            comments,
            variants.c.post_id,
            variants.c.text.label("variant_text"),
            variants.c.remote_url,
            accounts.c.name.label("account_name"),
            accounts.c.platform,
        )
        .select_from(comments.join(variants, variants.c.id == comments.c.variant_id))
        .join(accounts, accounts.c.id == comments.c.account_id)
    )
    if flt.account_ids:
        query = query.where(comments.c.account_id.in_(sorted(set(flt.account_ids))))
    if flt.languages:
        wanted = sorted(set(flt.languages))
        known = [code for code in wanted if code != UNKNOWN_LANGUAGE]
        clauses = [comments.c.language.in_(known)] if known else []
        if UNKNOWN_LANGUAGE in wanted:
            clauses.append(comments.c.language.is_(None))
        query = query.where(clauses[0] if len(clauses) == 1 else clauses[0] | clauses[1])
    if flt.since is not None:
        query = query.where(comments.c.created_at >= _at(flt.since))
    if flt.until is not None:
        query = query.where(comments.c.created_at < _at(flt.until))
    if flt.unread:
        query = query.where(comments.c.read_at.is_(None))
    if flt.post_id is not None:
        query = query.where(variants.c.post_id == flt.post_id)
    if flt.variant_id is not None:
        query = query.where(comments.c.variant_id == flt.variant_id)
    if not flt.include_deleted:
        query = query.where(comments.c.deleted_at.is_(None))
    needle = flt.text.strip()
    if needle:
        in_text = comments.c.text.icontains(needle, autoescape=True)
        query = query.where(in_text | comments.c.author_name.icontains(needle, autoescape=True))
    return query


def _translations(conn: Any, ids: list[int], language: str | None) -> dict[int, Translation]:
    if not ids or not language:
        return {}
    query = (
        select(comment_translations, comments.c.text.label("current_text"))
        .select_from(comment_translations.join(comments, comments.c.id == comment_translations.c.comment_id))
        .where(and_(comment_translations.c.comment_id.in_(ids), comment_translations.c.language == language))
    )
    found: dict[int, Translation] = {}
    for row in conn.execute(query):
        m = row._mapping
        found[m["comment_id"]] = Translation(
            language=m["language"],
            text=m["text"],
            source_language=m["source_language"],
            path=m["translation_path"],
            stale=m["source_sha256"] != text_hash(m["current_text"]),
        )
    return found


def _label(text: str | None) -> str:
    words = " ".join((text or "").split())
    return words if len(words) <= LABEL_CHARS else words[: LABEL_CHARS - 1] + "…"


def _comment(m: Any, translation: Translation | None) -> Comment:
    return Comment(
        id=m["id"],
        variant_id=m["variant_id"],
        post_id=m["post_id"],
        account_id=m["account_id"],
        account_name=m["account_name"],
        platform=m["platform"],
        remote_id=m["remote_id"],
        parent_remote_id=m["parent_remote_id"],
        author_name=m["author_name"],
        text=m["text"],
        language=m["language"],
        language_confidence=m["language_confidence"],
        language_source=m["language_source"],
        created_at=m["created_at"],
        edited_at=m["edited_at"],
        deleted_at=m["deleted_at"],
        like_count=m["like_count"],
        reply_count=m["reply_count"],
        read_at=m["read_at"],
        read_by=m["read_by"],
        post_label=_label(m["variant_text"]),
        post_url=m["remote_url"],
        translation=translation,
    )
