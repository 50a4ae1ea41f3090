"""The one way a variant becomes ``scheduled``, and the one way a post and its variants are written.

Every path that schedules (a person's time, "publish now", the next free slot, a recurring
occurrence) and every path that creates a post (the composer, the CLI, a recurrence) goes
through here, so the rules live in one place: the instant is stored in UTC with the account's
zone and its wall-clock time, the retry budget starts afresh, and an update only lands on the
version that was read, while the variant is still open.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection

from core import plaintext, timeutil
from core.domain import OPEN_STATUSES, Account, ReviewState, TextOrigin, VariantStatus
from core.errors import UserError
from core.services import approval
from core.store.engine import new_id
from core.store.tables import posts, variants
from core.words import Msg

#: Far above every platform's limit (Facebook: 63,206); guards the store against pasted files.
MAX_TEXT = 100_000


def clean_text(text: str | None) -> str:
    """The text stripped of surrounding blanks, line ends as ``\n``; a :class:`UserError` when it is empty
    or shows nothing (only zero-width or bidi controls), holds a control character, or is absurdly long."""
    cleaned = plaintext.normalize_line_ends(text or "").strip()
    if not cleaned:
        raise UserError(Msg("The post text is empty; write something to publish."))
    if len(cleaned) > MAX_TEXT:
        raise UserError(
            Msg(
                "The post text is {length:,} characters; the most Communiqué keeps is {max_text:,}.",
                length=len(cleaned),
                max_text=MAX_TEXT,
            )
        )
    plaintext.refuse_controls(cleaned)
    if not plaintext.has_visible(cleaned):
        raise UserError(
            Msg(
                "The post text shows nothing: it holds only invisible characters (spaces, zero-width or "
                "direction marks); write something to publish.",
            )
        )
    return cleaned


def schedule_values(instant: datetime, zone_name: str) -> dict[str, object]:
    """The columns of a variant scheduled at ``instant`` (UTC) on the wall clock of ``zone_name``."""
    local = timeutil.utc_to_local(instant, zone_name).replace(tzinfo=None)
    return {
        "status": VariantStatus.SCHEDULED.value,
        "scheduled_at": instant,
        "schedule_zone": zone_name,
        "schedule_local": local.isoformat(timespec="minutes"),
        "attempt_count": 0,
        "next_attempt_at": None,
    }


def future_instant(account: Account, local: datetime, fold: timeutil.FoldChoice | None, now: datetime) -> datetime:
    """``local`` on ``account``'s wall clock as a UTC instant; refused when it is past, too far ahead
    (:data:`core.timeutil.HORIZON`), in a gap or ambiguous."""
    timeutil.within_horizon(local, now)
    if local < now.astimezone(UTC).replace(tzinfo=None) - timedelta(days=2):  # past in every zone; year 1 too
        raise UserError(
            Msg(
                "{local} in {timezone} (account {account!r}) is already past; pick a later time.",
                local=timeutil.show(local),
                timezone=account.timezone,
                account=account.name,
            )
        )
    instant = timeutil.local_to_utc(local, account.timezone, fold)
    try:
        timeutil.ensure_future(instant, now)
    except UserError:
        raise UserError(
            Msg(
                "{local} in {timezone} (account {account!r}) is already past; pick a later time.",
                local=timeutil.show(local),
                timezone=account.timezone,
                account=account.name,
            )
        ) from None
    return instant


def set_scheduled(
    conn: Connection, variant_id: int, *, version: int, instant: datetime, zone_name: str, now: datetime
) -> bool:
    """Schedule an existing variant at ``instant`` if it is still open and at ``version``.

    Returns whether the row changed; ``False`` means someone else (a publisher's claim, an edit)
    got there first, and the caller refuses with a message of its own. A variant to an account
    that requires approval is refused (:class:`ConflictError`) until it is approved.
    """
    approval.refuse_unapproved(conn, variant_id)
    changed = conn.execute(
        variants.update()
        .where(
            variants.c.id == variant_id,
            variants.c.version == version,
            variants.c.status.in_([s.value for s in OPEN_STATUSES]),
        )
        .values(**schedule_values(instant, zone_name), updated_at=now, version=variants.c.version + 1)
    )
    return changed.rowcount == 1


def insert_post(conn: Connection, *, author: str, source_language: str, text: str, now: datetime) -> int:
    """Write a post row (the text already passed :func:`clean_text`); returns its id."""
    return new_id(
        conn.execute(
            posts.insert().values(
                author=author,
                source_language=source_language,
                text=text,
                review_state=ReviewState.DRAFT.value,
                created_at=now,
                updated_at=now,
            )
        )
    )


def insert_variant(
    conn: Connection,
    *,
    post_id: int,
    account_id: int,
    language: str,
    text: str,
    now: datetime,
    schedule: tuple[datetime, str] | None = None,
    origin: TextOrigin = TextOrigin.SOURCE,
    **extra: object,
) -> int:
    """Write one variant: a draft, or scheduled at ``schedule`` = ``(instant, zone)``; returns its id.

    ``extra`` carries the columns only some paths set (``reviewed``, ``as_thread``, ``recurrence_id``,
    ``approval_state``). One scheduled at once to an account that requires approval must be approved.
    """
    if schedule:
        approval.refuse_new_unapproved(conn, account_id, extra.get("approval_state"))
    state = schedule_values(*schedule) if schedule else {"status": VariantStatus.DRAFT.value}
    return new_id(
        conn.execute(
            variants.insert().values(
                post_id=post_id,
                account_id=account_id,
                language=language,
                text=text,
                text_origin=origin.value,
                created_at=now,
                updated_at=now,
                **state,
                **extra,
            )
        )
    )
