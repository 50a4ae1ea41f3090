"""The publish state machine: scheduled -> publishing -> published / failed (or back to scheduled).

Each step is a committed transaction: the claim (status ``publishing`` and a pending attempt row)
before the network call, the result after. A claim is a conditional UPDATE on status *and*
version, so two processes can never both take a variant. A variant whose previous attempt may
have reached the platform (a timeout, a dropped connection, a crash) is looked up with
``find_published`` before it is sent again, unless a person confirmed that it is not there
(:func:`scheduler.history.confirm_absent`).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import Connection, func, select, text

from connectors.base import (
    AuthenticationError,
    BillingError,
    Connector,
    ConnectorError,
    DuplicateContentError,
    MediaItem,
    NeedsConfirmationError,
    OutgoingPost,
    PermanentError,
    Published,
    RateLimitedError,
    RetryableError,
)
from core.domain import AttemptOutcome, AuditAction, VariantStatus
from core.errors import CommuniqueError
from core.secrets import redact
from core.services import account_options, audit, media_store
from core.store import Store
from core.store.engine import new_id
from core.store.tables import media, publish_attempts, variants
from scheduler.backoff import RetryPolicy
from scheduler.cadence import PollingPolicy
from scheduler.clock import Clock
from scheduler.connections import AccountLimiter, ConnectorPool
from scheduler.events import Event, EventBus, EventKind
from scheduler.history import lookup_since, rate_limit_streak
from scheduler.inflight import IN_FLIGHT, ClaimBeats, store_now
from scheduler.recovery import defer_account_posts

log = logging.getLogger(__name__)

#: How long an account whose platform wants its developer account paid for (X's 402) is left alone before
#: one post checks again, unless someone says credits were added (:func:`core.services.account_options.credits_added`).
BILLING_HOLD = timedelta(hours=6)

#: Kept on an attempt withdrawn before its call: nothing was sent, and it did not count.
WITHDRAWN = "Withdrawn before sending: this worker lost its publishing lease or was stopping."


@dataclass(frozen=True)
class Claim:
    """A variant this process has taken: the attempt row is committed, the network call not yet made."""

    variant_id: int
    account_id: int
    attempt_id: int
    attempt_number: int
    attempt_count: int
    version: int
    post: OutgoingPost
    lookup_since: datetime | None  # set when a previous attempt may already have published
    due_at: datetime | None = None  # when the post fell due (rate-limit waits are bounded from it)
    resume_at: datetime | None = None  # its retry time before the claim, restored if it is withdrawn
    rate_limited_before: int = 0  # the 429s in a row just before this claim (each lengthens the next wait)
    media_sha256: tuple[str, ...] = ()  # the content hash of each of ``post.media``, in order


@dataclass(frozen=True)
class Outcome:
    """What one run of the state machine ended in."""

    variant_id: int
    status: VariantStatus
    remote_id: str | None = None
    error_class: str | None = None
    error: str | None = None
    reconciled: bool = False


class Publisher:
    """Claims, publishes and records variants; shared by the worker and ``communique publish``."""

    def __init__(
        self,
        store: Store,
        pool: ConnectorPool,
        *,
        clock: Clock,
        bus: EventBus,
        worker: str,
        retry: RetryPolicy | None = None,
        polling: PollingPolicy | None = None,
        limiter: AccountLimiter | None = None,
        rng: random.Random | None = None,
        may_send: Callable[[], bool] = lambda: True,
        beat_every: timedelta = timedelta(seconds=30),
    ) -> None:
        self.store = store
        self.pool = pool
        self.clock = clock
        self.bus = bus
        self.worker = worker
        self.retry = retry or RetryPolicy()
        self.polling = polling or PollingPolicy()
        self.limiter = limiter or AccountLimiter()
        self.rng = rng or random.Random()
        # The lease (and stop) check, made again right before the look-up and right before the send.
        self.may_send = may_send
        self.beats = ClaimBeats(store, clock, beat_every)
        self._rls_login: str | None = None  # see _audit_actor; "" where the trail takes the worker's id

    # --- step 1: the claim ----------------------------------------------------------------------

    def claim(self, variant_id: int, version: int) -> Claim | None:
        """Take ``variant_id`` if it is still ``scheduled`` at ``version``; ``None`` when someone else did."""
        now = self.clock()
        with self.store.write() as conn:
            resume_at = conn.execute(
                select(variants.c.next_attempt_at).where(variants.c.id == variant_id, variants.c.version == version)
            ).scalar()
            taken = conn.execute(
                variants.update()
                .where(
                    variants.c.id == variant_id,
                    variants.c.status == VariantStatus.SCHEDULED.value,
                    variants.c.version == version,
                )
                .values(
                    status=VariantStatus.PUBLISHING.value,
                    attempt_count=variants.c.attempt_count + 1,
                    next_attempt_at=None,
                    updated_at=now,
                    version=variants.c.version + 1,
                )
            )
            if taken.rowcount != 1:
                return None
            row = conn.execute(select(variants).where(variants.c.id == variant_id)).one()
            since = lookup_since(conn, variant_id)
            streak = rate_limit_streak(conn, variant_id)
            number = (
                conn.execute(
                    select(func.max(publish_attempts.c.number)).where(publish_attempts.c.variant_id == variant_id)
                ).scalar()
                or 0
            ) + 1
            attempt_id = new_id(
                conn.execute(
                    publish_attempts.insert().values(
                        variant_id=variant_id,
                        number=number,
                        started_at=now,
                        heartbeat_at=store_now(self.store, now),
                        outcome=AttemptOutcome.PENDING.value,
                        worker=self.worker,
                    )
                )
            )
            items, hashes = _media_of(conn, row.post_id)
            post = OutgoingPost(
                variant_id=variant_id,
                text=account_options.text_as_sent(conn, row.account_id, row.text),
                media=items,
                as_thread=bool(row.as_thread),
            )
        return Claim(
            variant_id=variant_id,
            account_id=row.account_id,
            attempt_id=attempt_id,
            attempt_number=number,
            attempt_count=row.attempt_count,
            version=row.version,
            post=post,
            lookup_since=since,
            due_at=row.scheduled_at,
            resume_at=resume_at,
            rate_limited_before=streak,
            media_sha256=hashes,
        )

    def _audit_actor(self, conn: Connection) -> str:
        """Whom the audit trail names for this process's records: the worker's id, or the login where
        row-level security applies to it (a person's "publish now" on a team database), the one
        name the trail accepts from such a login (migration 0010). Attempts keep the worker's id."""
        if self._rls_login is None:
            self._rls_login = _rls_login(conn)
        return self._rls_login or self.worker

    def _audit_variant(
        self, conn: Connection, claim: Claim, action: AuditAction, details: dict[str, object], now: datetime
    ) -> None:
        """Append ``action`` on the claimed variant to the audit trail, at ``now``, in the caller's transaction."""
        audit.record(
            conn,
            actor=self._audit_actor(conn),
            action=action,
            entity="variant",
            entity_id=claim.variant_id,
            details=details,
            at=now,
        )

    # --- step 2: the network call ---------------------------------------------------------------

    def publish(self, variant_id: int, version: int) -> Outcome | None:
        """Claim and run in one go; ``None`` when the variant was taken or changed meanwhile, or withdrawn."""
        with IN_FLIGHT.hold(variant_id):  # see scheduler.inflight: listed before the claim commits
            claim = self.claim(variant_id, version)
            return None if claim is None else self.run(claim)

    def run(self, claim: Claim) -> Outcome | None:
        """Look up (when needed), publish, and record the result of ``claim``.

        ``None`` when the claim was withdrawn before anything was sent (this worker lost its
        lease or is stopping, as ``may_send`` says right before the look-up and again right
        before the send): the variant is due again at once, and no attempt is used up.
        """
        with self.beats.live(claim.attempt_id):
            try:
                sent = self._send(claim)
            except ConnectorError as error:
                return self._record_failure(claim, error)
            except CommuniqueError as error:  # no connector for the platform, a broken plugin: not worth retrying
                return self._record_failure(claim, PermanentError(str(error)))
            except Exception as error:  # a bug or an unwrapped transport error: maybe sent, so look up next time
                log.exception("unexpected error publishing variant %s", claim.variant_id)
                return self._record_failure(claim, RetryableError(f"Unexpected error: {type(error).__name__}."))
            if sent is None:
                self._withdraw(claim)
                return None
            published, reconciled = sent
            return self._record_success(claim, published, reconciled=reconciled)

    def _send(self, claim: Claim) -> tuple[Published, bool] | None:
        """The post as published and whether the look-up found it; ``None`` when nothing may be sent."""
        connector = self.pool.get(claim.account_id)
        try:
            if claim.lookup_since is not None:
                if not self.may_send():
                    return None
                found = _look_up(connector, claim, claim.lookup_since)
                if found is not None:
                    return found, True
            # The media's bytes from the store where this machine lacks the files (a worker on a team
            # database): before the lease check, as reading a large file back takes a while.
            post = _with_local_media(self.store, claim)
            if not self.may_send():  # the look-up may have taken long: the lease is checked again
                return None
            try:
                return connector.publish(post), False
            except DuplicateContentError:
                # After an ambiguous attempt, "duplicate" most likely means our own earlier post,
                # which the look-up missed (timelines can lag): look once more before failing.
                if claim.lookup_since is None:
                    raise
                found = _look_up(connector, claim, claim.lookup_since)
                if found is None:
                    raise
                return found, True
        finally:
            self.limiter.observe(claim.account_id, connector, self.clock())

    def _withdraw(self, claim: Claim) -> None:
        """Undo a claim that sent nothing: back to ``scheduled`` as it was, the attempt ``withdrawn``."""
        now = self.clock()
        with self.store.write() as conn:
            _update_claimed(
                conn,
                claim,
                now,
                status=VariantStatus.SCHEDULED.value,
                attempt_count=variants.c.attempt_count - 1,
                next_attempt_at=claim.resume_at,
            )
            conn.execute(
                publish_attempts.update()
                .where(publish_attempts.c.id == claim.attempt_id)
                .values(finished_at=now, outcome=AttemptOutcome.WITHDRAWN.value, error_message=WITHDRAWN)
            )
        log.info("variant %s: claim withdrawn before sending (lease lost or stopping)", claim.variant_id)

    # --- step 3: the result ---------------------------------------------------------------------

    def _record_success(self, claim: Claim, published: Published, *, reconciled: bool) -> Outcome:
        now = self.clock()
        with self.store.write() as conn:
            values = {
                "status": VariantStatus.PUBLISHED.value,
                "remote_id": published.remote_id,
                "remote_url": published.url,
                "published_at": now,
                "next_poll_at": self.polling.next_poll(now, now),
                "last_error_class": None,
                "last_error": None,
                "updated_at": now,
                "version": variants.c.version + 1,
            }
            done = conn.execute(
                variants.update()
                .where(variants.c.id == claim.variant_id, variants.c.version == claim.version)
                .values(**values)
            )
            overridden = None if done.rowcount == 1 else self._record_changed(conn, claim, published, values, now)
            lift_billing_hold(conn, claim.account_id, now, actor=self._audit_actor(conn))
            self._finish_attempt(
                conn,
                claim,
                AttemptOutcome.RECONCILED if reconciled else AttemptOutcome.PUBLISHED,
                now,
                None,
                published.remote_id,
            )
            self._audit_variant(
                conn,
                claim,
                AuditAction.PUBLISH,
                {"remote_id": published.remote_id, "attempt": claim.attempt_number, "reconciled": reconciled},
                now,
            )
        details = {"remote_id": published.remote_id, "url": published.url}
        if overridden is not None:
            details["overrode"] = overridden
        self.bus.emit(Event(EventKind.PUBLISHED, claim.variant_id, details))
        return Outcome(claim.variant_id, VariantStatus.PUBLISHED, remote_id=published.remote_id, reconciled=reconciled)

    def _record_changed(
        self, conn: Connection, claim: Claim, published: Published, values: dict[str, object], now: datetime
    ) -> str | None:
        """Record a post the platform accepted on a row changed meanwhile; returns the status it overrode.

        A cancel (or an edit, a reset) that raced the claim (READ COMMITTED on PostgreSQL lets it
        through) must not hide a live post: the post exists, so the row says ``published`` with its
        remote id, and the audit trail says which status that overrode. A row already
        ``published`` is left as it is.
        """
        current = conn.execute(select(variants.c.status).where(variants.c.id == claim.variant_id)).scalar()
        if current is None or current == VariantStatus.PUBLISHED.value:
            log.warning(
                "variant %s was already %s; post %s recorded on the attempt only",
                claim.variant_id,
                current or "deleted",
                published.remote_id,
            )
            return None
        log.warning(
            "variant %s became %s while publishing; the platform accepted it, so it is recorded published",
            claim.variant_id,
            current,
        )
        conn.execute(
            variants.update().where(variants.c.id == claim.variant_id, variants.c.status == current).values(**values)
        )
        if current in (VariantStatus.PUBLISHING.value, VariantStatus.SCHEDULED.value):
            return None  # a reset by recovery: nothing the user asked for was overridden
        self._audit_variant(
            conn,
            claim,
            AuditAction.PUBLISH_OVERRIDE,
            {
                "overrode": current,
                "remote_id": published.remote_id,
                "reason": "the platform accepted the post before the change; a live post is shown live",
            },
            now,
        )
        return str(current)

    def _record_failure(self, claim: Claim, error: ConnectorError) -> Outcome:
        if isinstance(error, BillingError):
            return self._record_billing_hold(claim, error)
        now = self.clock()
        message = redact(error.message)
        # A rate limit is the platform's pace, not a fault of the post: it uses up no attempt.
        rate_limited = isinstance(error, RateLimitedError)
        counted = claim.attempt_count - 1 if rate_limited else claim.attempt_count
        streak = claim.rate_limited_before + 1
        when = self.retry.next_attempt(error, counted, now, self.rng, due_at=claim.due_at, streak=streak)
        if isinstance(error, AuthenticationError):
            self.pool.forget(claim.account_id)  # the user may reconnect the account while we run
        if isinstance(error, RateLimitedError):
            # The whole account waits (its window is spent), and never "until a time already past".
            hold = when if when is not None else self.retry.rate_limit_until(error, streak, now, self.rng)
            self.limiter.block(claim.account_id, hold)
        if when is None and rate_limited:
            message = (
                f"Gave up: the platform's rate limit still held it back {_span(self.retry.rate_limit_patience)} "
                f"after it fell due; reschedule it to publish. {message}"
            )
        elif when is None and error.retryable:
            message = f"Gave up after {counted} attempts: {message}"
        status = VariantStatus.SCHEDULED if when is not None else VariantStatus.FAILED
        with self.store.write() as conn:
            _update_claimed(
                conn,
                claim,
                now,
                status=status.value,
                attempt_count=counted,
                next_attempt_at=when,
                last_error_class=str(error.kind),
                last_error=message,
            )
            self._finish_attempt(
                conn, claim, AttemptOutcome.RETRY if when else AttemptOutcome.FAILED, now, error, None, message
            )
            # The message as it was: the row's last_error changes when the post is edited or retried.
            # A retry is recorded too, so that a follower in another process (the event feed) sees it.
            details_then: dict[str, object] = {
                "error_class": str(error.kind),
                "error": message,
                "attempt": claim.attempt_number,
            }
            if when is not None:
                details_then["at"] = when.isoformat()
            self._audit_variant(
                conn, claim, AuditAction.FAIL if when is None else AuditAction.RETRY_SCHEDULED, details_then, now
            )
        details = {"error_class": error.kind, "error": message}
        if when is not None:
            log.info("variant %s: %s; retry at %s", claim.variant_id, error.kind, when.isoformat())
            self.bus.emit(Event(EventKind.RETRY_SCHEDULED, claim.variant_id, {**details, "at": when.isoformat()}))
        else:
            log.warning("variant %s failed: %s: %s", claim.variant_id, error.kind, message)
            self.bus.emit(Event(EventKind.FAILED, claim.variant_id, details))
        return Outcome(claim.variant_id, status, error_class=error.kind, error=message)

    def _record_billing_hold(self, claim: Claim, error: BillingError) -> Outcome:
        """The platform refuses every request until the developer account is paid for: the post waits.

        Not a failure of the post (it uses up no attempt and is not failed for good), and the whole
        account is held: its scheduled posts wait until :data:`BILLING_HOLD` has passed, when one
        of them checks again, or until someone says credits were added. Held in the rows, so that
        a person in another process can end the hold, and a restart keeps it.
        """
        now = self.clock()
        until = now + BILLING_HOLD
        message = billing_message(error, until)
        with self.store.write() as conn:
            _update_claimed(
                conn,
                claim,
                now,
                status=VariantStatus.SCHEDULED.value,
                attempt_count=claim.attempt_count - 1,
                next_attempt_at=until,
                last_error_class=account_options.BILLING,
                last_error=message,
            )
            self._finish_attempt(conn, claim, AttemptOutcome.RETRY, now, error, None, message)
            who = self._audit_actor(conn)
            hold_for_billing(conn, claim.account_id, until, message, now, error=error, actor=who)
            self._audit_variant(
                conn,
                claim,
                AuditAction.RETRY_SCHEDULED,
                {
                    "error_class": account_options.BILLING,
                    "error": message,
                    "attempt": claim.attempt_number,
                    "at": until.isoformat(),
                },
                now,
            )
        log.warning("variant %s: the account's platform wants paying for; held until %s", claim.variant_id, until)
        details = {"error_class": account_options.BILLING, "error": message, "at": until.isoformat()}
        self.bus.emit(Event(EventKind.RETRY_SCHEDULED, claim.variant_id, details))
        return Outcome(claim.variant_id, VariantStatus.SCHEDULED, error_class=account_options.BILLING, error=message)

    @staticmethod
    def _finish_attempt(
        conn: Connection,
        claim: Claim,
        outcome: AttemptOutcome,
        now: datetime,
        error: ConnectorError | None,
        remote_id: str | None,
        message: str | None = None,
    ) -> None:
        conn.execute(
            publish_attempts.update()
            .where(publish_attempts.c.id == claim.attempt_id)
            .values(
                finished_at=now,
                outcome=outcome.value,
                error_class=str(error.kind) if error else None,
                error_message=message,
                remote_id=remote_id,
            )
        )


def billing_message(error: ConnectorError, until: datetime) -> str:
    """The platform's sentence (what to do), and how long the account waits."""
    return (
        f"{redact(error.message)} The account's posts wait until {until:%Y-%m-%d %H:%M} UTC, or until "
        "someone says credits were added ('communique account credits-added')."
    )


def _update_claimed(conn: Connection, claim: Claim, now: datetime, **values: object) -> None:
    """Write ``values`` on the claimed variant, only while it is still the version claimed (an edit
    made meanwhile wins), as a new version changed at ``now``."""
    conn.execute(
        variants.update()
        .where(variants.c.id == claim.variant_id, variants.c.version == claim.version)
        .values(**values, updated_at=now, version=variants.c.version + 1)
    )


def hold_for_billing(
    conn: Connection,
    account_id: int,
    until: datetime,
    message: str,
    now: datetime,
    *,
    error: ConnectorError,
    actor: str,
) -> int:
    """Hold every scheduled post of the account due before ``until`` (they would all be refused), and keep
    the access level the error shows; returns how many posts it moved."""
    access = getattr(error, "access_level", None)
    if isinstance(access, str):
        account_options.note_access(conn, account_id, access, actor=actor, at=now)
    return defer_account_posts(conn, account_id, until, error_class=account_options.BILLING, message=message, now=now)


def billing_hold_known(conn: Connection, account_id: int) -> bool:
    """Whether the account has posts held for want of credits, or is known to have none left (a read only)."""
    held = conn.execute(
        select(variants.c.id)
        .where(
            variants.c.account_id == account_id,
            variants.c.status == VariantStatus.SCHEDULED.value,
            variants.c.last_error_class == account_options.BILLING,
        )
        .limit(1)
    ).first()
    no_credits = (
        account_options.read_options(conn, [account_id])[account_id].x_access == account_options.ACCESS_NO_CREDITS
    )
    return held is not None or no_credits


def lift_billing_hold(conn: Connection, account_id: int, now: datetime, *, actor: str) -> int:
    """The platform answered the account again: its posts held for want of credits are due now; returns how many."""
    if account_options.read_options(conn, [account_id])[account_id].x_access == account_options.ACCESS_NO_CREDITS:
        account_options.note_access(conn, account_id, account_options.ACCESS_PAY_PER_USE, actor=actor, at=now)
    lifted = conn.execute(
        variants.update()
        .where(
            variants.c.account_id == account_id,
            variants.c.status == VariantStatus.SCHEDULED.value,
            variants.c.last_error_class == account_options.BILLING,
        )
        .values(next_attempt_at=now, updated_at=now, version=variants.c.version + 1)
    )
    return int(lifted.rowcount)


def _look_up(connector: Connector, claim: Claim, since: datetime) -> Published | None:
    """``find_published``; a post without text that it refuses to decide on waits for a person.

    Such a post cannot be told apart from other posts without text on the account, so the
    connector leaves it to a person: the failure's class is ``needs_confirmation``, and once they
    have checked the account, a confirmed "publish now" sends it without the look-up (see
    :func:`scheduler.history.confirm_absent`). How to confirm is the screen's to say.
    """
    try:
        return connector.find_published(claim.post, since)
    except NeedsConfirmationError:
        raise
    except PermanentError as error:
        if claim.post.text.strip() or claim.post.link:
            raise
        raise NeedsConfirmationError(error.message, status=error.status, code=error.code) from None


def _media_of(conn: Connection, post_id: int) -> tuple[tuple[MediaItem, ...], tuple[str, ...]]:
    """The post's media as recorded, and their contents' hashes (read in one statement)."""
    rows = conn.execute(select(media).where(media.c.post_id == post_id).order_by(media.c.position)).all()
    return tuple(MediaItem(r.path, r.mime_type, r.size_bytes, r.alt_text) for r in rows), tuple(r.sha256 for r in rows)


def _with_local_media(store: Store, claim: Claim) -> OutgoingPost:
    """``claim.post`` with each media file on this machine: its recorded path when that holds the
    content, else a verified copy read from the store (:func:`core.services.media_store.localize`).

    A file in neither place raises :class:`~core.services.media_store.MediaMissingError`, which
    :meth:`Publisher.run` records as a permanent failure with its sentence.
    """
    if not claim.post.media or len(claim.media_sha256) != len(claim.post.media):
        return claim.post
    return replace(claim.post, media=media_store.localize(store, claim.post.media, claim.media_sha256))


def _rls_login(conn: Connection) -> str:
    """The login when row-level security applies to it on ``audit_events``, else ``""``."""
    if conn.dialect.name != "postgresql":
        return ""
    row = conn.execute(text("SELECT current_user, row_security_active('audit_events')")).one()
    return str(row[0]) if row[1] else ""


def _span(length: timedelta) -> str:
    """``length`` in whole hours or minutes, for messages."""
    minutes = round(length.total_seconds() / 60)
    if minutes >= 60 and minutes % 60 == 0:
        return f"{minutes // 60} hour{'s' if minutes != 60 else ''}"
    return f"{minutes} minute{'s' if minutes != 1 else ''}"
