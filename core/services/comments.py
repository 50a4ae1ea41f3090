"""Recording what a comment fetch found: each comment once, edits with their history, deletions marked.

The collector (``scheduler.comments``) fetches a published variant's comments and hands the
batch here; this module only writes, in one transaction per batch:

- a comment is stored once per (variant, platform id); seeing it again updates its like and
  reply counts, author name and ``last_seen_at`` in place;
- a changed text is an edit: the earlier text is kept in ``comment_revisions`` (number 1 is the
  text first collected, added at the first edit), the new one appended, ``edited_at`` set, and
  the detected language cleared so that detection runs again (a language a person set stays);
- a known comment missing from a *complete* fetch is marked ``deleted_at``, never erased; an
  incremental or cut-short fetch, or a failed one, deletes nothing; a deleted comment seen again
  is shown again;
- the variant's ``comment_polls`` row says when it was read, where the next incremental read
  starts, when to read next, and clears the last failure (:func:`record_failure` writes one).

Nothing here is ever sent to a platform.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select

from core.comments import CommentBatch, FetchedComment
from core.domain import LanguageSource
from core.errors import NotFoundError
from core.store import Store
from core.store.tables import comment_activity, comment_polls, comment_revisions, comments, variants

log = logging.getLogger(__name__)

#: Column widths of ``comments`` (longer values are cut, ids refused).
ID_CHARS, AUTHOR_CHARS, LANGUAGE_CHARS = 100, 200, 8
#: The columns a re-poll refreshes when the platform shows them changed.
_KEPT = ("like_count", "reply_count", "parent_remote_id", "author_name", "platform_language")
#: Ids per ``IN (...)`` (far below SQLite's and PostgreSQL's parameter limits).
_CHUNK = 500


@dataclass(frozen=True)
class Recorded:
    """What one batch changed (comment row ids)."""

    new: list[int] = field(default_factory=list)
    edited: list[int] = field(default_factory=list)
    deleted: list[int] = field(default_factory=list)
    restored: list[int] = field(default_factory=list)  # shown again after being marked deleted
    seen: int = 0  # comments in the batch that were recorded

    @property
    def to_detect(self) -> list[int]:
        """The comments whose language is to be (re)detected: the new and the edited ones."""
        return sorted({*self.new, *self.edited})


def _clean(text: str | None, limit: int | None = None) -> str:
    # NUL is refused by PostgreSQL text columns; a platform has no business sending one.
    value = (text or "").replace("\x00", "")
    return value[:limit] if limit is not None else value


def _usable(comment: FetchedComment) -> bool:
    if not comment.remote_id or len(comment.remote_id) > ID_CHARS:
        log.warning("A comment with an unusable id (%d characters) is skipped.", len(comment.remote_id))
        return False
    return True


def record_comments(
    store: Store,
    variant_id: int,
    fetched: CommentBatch,
    *,
    now: datetime,
    next_poll_at: datetime | None = None,
) -> Recorded:
    """Record one fetch of ``variant_id``'s comments at ``now``; ``next_poll_at``: when to read again."""
    batch: dict[str, FetchedComment] = {}
    for comment in fetched.comments:
        if _usable(comment):
            batch[comment.remote_id] = comment  # the last of duplicates within one answer wins
    new: list[int] = []
    edited: list[int] = []
    deleted: list[int] = []
    restored: list[int] = []
    with store.write() as conn:
        account_id = conn.execute(select(variants.c.account_id).where(variants.c.id == variant_id)).scalar()
        if account_id is None:
            raise NotFoundError(f"No variant with id {variant_id}.")
        known = {
            row.remote_id: row
            for row in conn.execute(
                select(
                    comments.c.id,
                    comments.c.remote_id,
                    comments.c.text,
                    comments.c.deleted_at,
                    comments.c.first_seen_at,
                    comments.c.language_source,
                    *(comments.c[name] for name in _KEPT),
                ).where(comments.c.variant_id == variant_id)
            )
        }
        fresh = [c for key, c in batch.items() if key not in known]
        if fresh:
            conn.execute(insert(comments), [_new_row(variant_id, int(account_id), c, now) for c in fresh])
            ids = conn.execute(
                select(comments.c.id).where(
                    comments.c.variant_id == variant_id, comments.c.remote_id.in_([c.remote_id for c in fresh])
                )
            ).scalars()
            new.extend(int(i) for i in ids)
        seen_again = [int(known[key].id) for key in batch if key in known]
        for start in range(0, len(seen_again), _CHUNK):
            chunk = seen_again[start : start + _CHUNK]
            conn.execute(comments.update().where(comments.c.id.in_(chunk)).values(last_seen_at=now))
        for key, comment in batch.items():
            row = known.get(key)
            if row is None:
                continue
            values: dict[str, Any] = {
                "like_count": comment.like_count,
                "reply_count": comment.reply_count,
                "parent_remote_id": _clean(comment.parent_remote_id, ID_CHARS) or None,
            }
            if comment.author_name:
                values["author_name"] = _clean(comment.author_name, AUTHOR_CHARS)
            if comment.platform_language:
                values["platform_language"] = _clean(comment.platform_language, LANGUAGE_CHARS)
            # Most comments are unchanged from one poll to the next: write only what changed.
            values = {name: value for name, value in values.items() if getattr(row, name) != value}
            if row.deleted_at is not None:
                values["deleted_at"] = None
                restored.append(int(row.id))
            text = _clean(comment.text)
            if text != row.text:
                _revise(conn, int(row.id), row.text, row.first_seen_at, text, now)
                values.update(text=text, edited_at=now)
                if row.language_source != LanguageSource.PERSON.value:
                    values.update(language=None, language_confidence=None, language_source=None)
                edited.append(int(row.id))
            if values:
                conn.execute(comments.update().where(comments.c.id == row.id).values(**values))
        if fetched.complete:
            gone = [int(row.id) for key, row in known.items() if key not in batch and row.deleted_at is None]
            if gone:
                conn.execute(comments.update().where(comments.c.id.in_(gone)).values(deleted_at=now))
                deleted.extend(gone)
        recovered = _poll_outcome(
            conn,
            variant_id,
            error_class=None,
            error=None,
            last_polled_at=now,
            next_poll_at=next_poll_at,
            newest_remote_id=fetched.newest_id,
        )
        if new or edited or deleted or restored or recovered:
            note_activity(conn)
    return Recorded(new=new, edited=edited, deleted=deleted, restored=restored, seen=len(batch))


def record_failure(
    store: Store,
    variant_id: int,
    *,
    now: datetime,
    error_class: str,
    error: str,
    next_poll_at: datetime | None,
) -> None:
    """Say why ``variant_id``'s comments could not be read at ``now`` and when to try again.

    The comments already recorded stay as they are (a failure deletes nothing).
    """
    with store.write() as conn:
        changed = _poll_outcome(
            conn,
            variant_id,
            error_class=error_class[:40],
            error=error,
            last_polled_at=now,
            next_poll_at=next_poll_at,
            newest_remote_id=None,
        )
        if changed:  # the screens' line about this collection changes
            note_activity(conn)


#: Who hears the counter values written in this context, while :func:`serials_written` is on.
_WRITTEN: ContextVar[Callable[[int], None] | None] = ContextVar("comment_activity_written", default=None)


@contextlib.contextmanager
def serials_written(record: Callable[[int], None]) -> Iterator[None]:
    """Call ``record(serial)`` for each ``comment_activity`` value the writes inside the block make.

    A screen wraps its own acts (mark read, a language set, its translation pass) in it: the
    app's feed then knows those changes are its own, which the screen shows already, and does
    not reload the screen for them. ``record`` hears each value before its transaction commits,
    so a feed can never see the change before it knows whose it is.
    """
    token = _WRITTEN.set(record)
    try:
        yield
    finally:
        _WRITTEN.reset(token)


def note_activity(conn: Connection) -> None:
    """Add one to ``comment_activity.serial`` in the caller's transaction: a reader's screen changes.

    Call it last in the transaction: every writer takes this one row's lock, so taking it after
    the comments' own rows keeps two writers from waiting on each other in opposite orders.
    """
    serial = conn.execute(
        comment_activity.update()
        .where(comment_activity.c.id == 1)
        .values(serial=comment_activity.c.serial + 1)
        .returning(comment_activity.c.serial)
    ).scalar()
    if serial is None:  # a store whose row is gone (restored by hand): start it again
        conn.execute(insert(comment_activity).values(id=1, serial=1))
        serial = 1
    record = _WRITTEN.get()
    if record is not None:
        record(int(serial))


def postpone(store: Store, variant_ids: Sequence[int], until: datetime | None) -> None:
    """Read these variants' comments no sooner than ``until`` (``None``: no more), keeping everything else."""
    with store.write() as conn:
        for variant_id in variant_ids:
            _poll_row(conn, variant_id, next_poll_at=until)


def _poll_outcome(
    conn: Connection, variant_id: int, *, error_class: str | None, error: str | None, **values: Any
) -> bool:
    """Write a read's outcome to the variant's ``comment_polls`` row (:func:`_poll_row`); whether its
    failure, the line the screens show about the collection, changed (failing, another reason, recovered)."""
    before = conn.execute(
        select(comment_polls.c.error_class, comment_polls.c.error).where(comment_polls.c.variant_id == variant_id)
    ).first()
    _poll_row(conn, variant_id, error_class=error_class, error=error, **values)
    was = (before.error_class, before.error) if before is not None else (None, None)
    return was != (error_class, error)


def _poll_row(conn: Connection, variant_id: int, **values: Any) -> None:
    """Insert or update the variant's ``comment_polls`` row; ``newest_remote_id=None`` keeps the known one."""
    if values.get("newest_remote_id", "") is None:
        del values["newest_remote_id"]
    updated = conn.execute(
        comment_polls.update().where(comment_polls.c.variant_id == variant_id).values(**values)
    ).rowcount
    if not updated:
        conn.execute(insert(comment_polls).values(variant_id=variant_id, **values))


def _revise(conn: Connection, comment_id: int, old: str, first_seen: datetime, text: str, now: datetime) -> None:
    """Keep the earlier text and add the new one to the comment's revisions."""
    last = conn.execute(
        select(func.max(comment_revisions.c.number)).where(comment_revisions.c.comment_id == comment_id)
    ).scalar()
    rows = []
    if last is None:  # the first edit: the text first collected becomes revision 1
        rows.append({"comment_id": comment_id, "number": 1, "text": old, "seen_at": first_seen})
        last = 1
    rows.append({"comment_id": comment_id, "number": int(last) + 1, "text": text, "seen_at": now})
    conn.execute(insert(comment_revisions), rows)


def _new_row(variant_id: int, account_id: int, comment: FetchedComment, now: datetime) -> dict[str, Any]:
    return {
        "variant_id": variant_id,
        "account_id": account_id,
        "remote_id": comment.remote_id,
        "parent_remote_id": _clean(comment.parent_remote_id, ID_CHARS) or None,
        "author_name": _clean(comment.author_name, AUTHOR_CHARS),
        "author_id": _clean(comment.author_id, ID_CHARS) or None,
        "text": _clean(comment.text),
        "platform_language": _clean(comment.platform_language, LANGUAGE_CHARS) or None,
        "created_at": comment.created_at,
        "like_count": comment.like_count,
        "reply_count": comment.reply_count,
        "first_seen_at": now,
        "last_seen_at": now,
    }
