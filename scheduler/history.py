"""What a variant's earlier attempts say about its next one.

Whether the next claim must look the post up on the platform first (an earlier attempt may have
published it), how many tries in a row the platform's rate limit refused, and a person's word
that an interrupted post is not on the platform (``communique publish ID --confirmed-absent``),
which lets the next claim skip the look-up once.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Connection, and_, func, or_, select

from core.domain import AttemptOutcome, AuditAction, ErrorClass
from core.services import audit
from core.store.tables import audit_events, publish_attempts

#: Attempt outcomes after which the post may exist on the platform although we never saw it
#: (unless the error was a clean 429, which the platform answers before creating anything).
AMBIGUOUS_OUTCOMES = frozenset({AttemptOutcome.RETRY.value, AttemptOutcome.INTERRUPTED.value})
#: Error classes that leave the post's existence unknown whatever the outcome: a timeout or a
#: dropped answer on the last allowed attempt is recorded ``failed``, yet may have published.
AMBIGUOUS_ERRORS = frozenset({ErrorClass.RETRYABLE.value, ErrorClass.INTERRUPTED.value})
#: How far before the first attempt a platform look-up searches (clock skew between us and it).
LOOKUP_SLACK = timedelta(minutes=10)
#: What that audit event says, in words.
ABSENT_STATEMENT = "Checked the account on the platform: the post is not there; publish it without a look-up."


def confirm_absent(conn: Connection, variant_id: int, *, actor: str, at: datetime) -> None:
    """Record, in the caller's transaction, that ``actor`` checked the platform and the post is not there.

    The audit event names the last attempt made so far: those attempts (and only those) no longer
    call for a look-up, so the next claim skips it once, and an attempt made after it that ends
    unclear calls for one again.
    """
    last = conn.execute(
        select(func.max(publish_attempts.c.number)).where(publish_attempts.c.variant_id == variant_id)
    ).scalar()
    audit.record(
        conn,
        actor=actor,
        action=AuditAction.CONFIRM_ABSENT,
        entity="variant",
        entity_id=variant_id,
        details={"after_attempt": int(last or 0), "statement": ABSENT_STATEMENT},
        at=at,
    )


def confirmed_through(conn: Connection, variant_id: int) -> int:
    """The last attempt number a person confirmed did not publish the post (0: none)."""
    details = conn.execute(
        select(audit_events.c.details)
        .where(
            audit_events.c.entity == "variant",
            audit_events.c.entity_id == variant_id,
            audit_events.c.action == AuditAction.CONFIRM_ABSENT.value,
        )
        .order_by(audit_events.c.id.desc())
        .limit(1)
    ).scalar()
    through = details.get("after_attempt") if isinstance(details, dict) else None
    return through if isinstance(through, int) else 0


def lookup_since(conn: Connection, variant_id: int) -> datetime | None:
    """Where a look-up must search from before the next send, or ``None`` when none is needed.

    One unclear attempt is enough, however many clear refusals came after it (a 429 on the
    look-up itself must not make the next attempt skip the look-up), and whatever the variant went
    through since (failed, then "publish now" or a reschedule); only the attempts a person
    confirmed did not publish (:func:`confirm_absent`) are left out.
    """
    after = publish_attempts.c.number > confirmed_through(conn, variant_id)
    ambiguous = conn.execute(
        select(func.count())
        .select_from(publish_attempts)
        .where(
            publish_attempts.c.variant_id == variant_id,
            after,
            or_(
                publish_attempts.c.outcome == AttemptOutcome.INTERRUPTED.value,
                publish_attempts.c.error_class.in_(AMBIGUOUS_ERRORS),
                and_(
                    publish_attempts.c.outcome.in_(AMBIGUOUS_OUTCOMES),
                    or_(
                        publish_attempts.c.error_class.is_(None),
                        publish_attempts.c.error_class != ErrorClass.RATE_LIMITED.value,
                    ),
                ),
            ),
        )
    ).scalar_one()
    if not ambiguous:
        return None
    first: datetime | None = conn.execute(
        select(func.min(publish_attempts.c.started_at)).where(publish_attempts.c.variant_id == variant_id, after)
    ).scalar()
    return None if first is None else first - LOOKUP_SLACK


def rate_limit_streak(conn: Connection, variant_id: int) -> int:
    """How many of the latest attempts in a row the platform's rate limit refused.

    Withdrawn attempts sent nothing and neither break nor lengthen the streak.
    """
    rate_limited = publish_attempts.c.error_class == ErrorClass.RATE_LIMITED.value
    last_other = conn.execute(
        select(func.max(publish_attempts.c.number)).where(
            publish_attempts.c.variant_id == variant_id,
            publish_attempts.c.outcome.not_in((AttemptOutcome.WITHDRAWN.value, AttemptOutcome.PENDING.value)),
            or_(publish_attempts.c.error_class.is_(None), ~rate_limited),
        )
    ).scalar()
    return int(
        conn.execute(
            select(func.count())
            .select_from(publish_attempts)
            .where(
                publish_attempts.c.variant_id == variant_id,
                rate_limited,
                publish_attempts.c.number > (last_other or 0),
            )
        ).scalar_one()
    )
