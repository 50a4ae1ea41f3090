"""Comment collection: the comments on published variants, read on the engagement cadence.

Each published variant has a ``comment_polls`` row saying when to read its comments next; a
variant published within the policy's ``max_age`` and never read yet is due at once. Reads
follow the same cadence as engagement (:class:`scheduler.cadence.PollingPolicy`: every ten
minutes at first, then hourly, then daily, none after a week), one ``fetch_comments`` call per
variant, accounts one after another:

- while a post is young (``early_age``), X is asked only for replies newer than the last one
  seen (``since_id``); later reads take the whole conversation, which is what tells a deleted
  reply (Facebook always reads every comment: Graph has no "newer than" for comments);
- within each platform's rate limits: after each call the answer's headers are read, and an
  account with less than :data:`RESERVE_SHARE` of its window left is left alone until the window
  resets (publishing and engagement keep the rest); a 429 holds it until the reset the platform
  gave; an account held for publishing is not read either;
- an access level without replies (X's 403 ``client-not-enrolled``) is recorded in
  ``comment_polls.error_class`` = :data:`ACCESS_LEVEL` with the connector's sentence, for every
  due variant of the account at once, and asked again once a day (:data:`ACCESS_LEVEL_RETRY`),
  not every sweep; an account out of credits is left alone for :data:`BILLING_RETRY`;
- any other failure is recorded with its sentence and retried after a growing wait.

Accounts whose connector cannot read comments (a plugin without ``fetch_comments``) are passed
over. After recording, the new and edited comments' languages are detected offline
(``translation.comments.detect_languages``). Nothing is ever sent to a platform.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import and_, func, or_, select

from connectors.base import (
    AccessLevelError,
    AuthenticationError,
    BillingError,
    CommentBatch,
    ConnectorError,
    RateLimitedError,
    reads_comments,
)
from core.domain import VariantStatus
from core.secrets import redact
from core.services import comments as recording
from core.store import Store
from core.store.tables import comment_polls, variants
from scheduler.cadence import PollingPolicy
from scheduler.clock import Clock
from scheduler.connections import AccountLimiter, ConnectorPool
from scheduler.events import EventBus

log = logging.getLogger(__name__)

#: ``comment_polls.error_class`` of an account whose access level does not include reading comments.
ACCESS_LEVEL = "access_level"
#: ``comment_polls.error_class`` of an account whose developer account has no credits left.
BILLING = "billing"
#: How long an access-level refusal stands before one variant of the account asks again.
ACCESS_LEVEL_RETRY = timedelta(days=1)
#: How long an account out of credits is left alone (as the engagement poller does).
BILLING_RETRY = timedelta(hours=6)
#: Share of a rate-limit window left for publishing and engagement: collection stops below it.
RESERVE_SHARE = 0.2
#: Variants read per sweep at most (the rest are read at the next sweeps).
ROUND_LIMIT = 500

#: Detects the languages of the given comments (``translation.comments.detect_languages``).
Detector = Callable[[Store, Sequence[int]], int]


def detect_languages(store: Store, comment_ids: Sequence[int]) -> int:
    """The offline detector of :mod:`translation.comments` on these comments; how many got a language."""
    # Imported on first use: a worker that never sees a comment never loads the detector.
    from translation.comments import detect_languages as detect

    return detect(store, list(comment_ids))


@dataclass(frozen=True)
class CollectReport:
    """How one collection round went."""

    read: int = 0  # variants whose comments were recorded
    calls: int = 0  # fetch_comments calls made
    new: int = 0
    edited: int = 0
    deleted: int = 0
    failed: int = 0  # variants whose read failed (recorded, retried later)
    detected: int = 0  # comments whose language the detector set


class _Due(NamedTuple):
    variant_id: int
    account_id: int
    remote_id: str
    published_at: datetime
    newest_id: str | None
    last_polled_at: datetime | None
    error_class: str | None


class _Tally:
    """Counts of one round."""

    def __init__(self) -> None:
        self.read = self.calls = self.new = self.edited = self.deleted = self.failed = 0
        self.to_detect: list[int] = []


class CommentCollector:
    """Reads the comments of the published variants whose ``comment_polls.next_poll_at`` has come."""

    def __init__(
        self,
        store: Store,
        pool: ConnectorPool,
        *,
        clock: Clock,
        bus: EventBus | None = None,
        policy: PollingPolicy | None = None,
        limiter: AccountLimiter | None = None,
        detect: Detector = detect_languages,
    ) -> None:
        """``limiter``: the engine's holds (an account held for publishing is not read); the
        collector keeps its own for the comment endpoints' rate limits."""
        self.store = store
        self.pool = pool
        self.clock = clock
        self.bus = bus or EventBus()
        self.policy = policy or PollingPolicy()
        self.limiter = limiter or AccountLimiter()
        self.holds = AccountLimiter()
        self.detect = detect

    def due(self, now: datetime, limit: int = ROUND_LIMIT) -> list[_Due]:
        """The variants to read now: never read and young enough, or whose next read has come."""
        query = (
            select(
                variants.c.id,
                variants.c.account_id,
                variants.c.remote_id,
                variants.c.published_at,
                comment_polls.c.newest_remote_id,
                comment_polls.c.last_polled_at,
                comment_polls.c.error_class,
            )
            .select_from(variants.outerjoin(comment_polls, comment_polls.c.variant_id == variants.c.id))
            .where(
                variants.c.status == VariantStatus.PUBLISHED.value,
                variants.c.remote_id.is_not(None),
                variants.c.published_at.is_not(None),
                or_(
                    and_(
                        comment_polls.c.variant_id.is_(None),
                        variants.c.published_at >= now - self.policy.max_age,
                    ),
                    comment_polls.c.next_poll_at <= now,
                ),
            )
            .order_by(func.coalesce(comment_polls.c.next_poll_at, variants.c.published_at), variants.c.id)
            .limit(limit)
        )
        with self.store.read() as conn:
            return [_Due(*row) for row in conn.execute(query)]

    def next_due(self) -> datetime | None:
        """When the earliest planned read can happen (``None``: none is planned), for the engine's wake-up.

        Held accounts count from the end of their hold, not from their overdue rows, so that a wake-up
        is never asked for in the past (the engine would spin).
        """
        now = self.clock()
        held = sorted(set(self.holds.blocked_accounts(now)) | set(self.limiter.blocked_accounts(now)))
        query = (
            select(func.min(comment_polls.c.next_poll_at))
            .join(variants, variants.c.id == comment_polls.c.variant_id)
            .where(
                variants.c.status == VariantStatus.PUBLISHED.value,
                variants.c.remote_id.is_not(None),
                variants.c.account_id.not_in(held),
            )
        )
        with self.store.read() as conn:
            found: datetime | None = conn.execute(query).scalar()
        release = self.holds.next_release(now)
        return min((t for t in (found, release) if t is not None), default=None)

    def collect_due(self, limit: int = ROUND_LIMIT) -> CollectReport:
        """One round: every due variant, account by account, within each account's rate limits."""
        now = self.clock()
        by_account: dict[int, list[_Due]] = defaultdict(list)
        for item in self.due(now, limit):
            by_account[item.account_id].append(item)
        tally = _Tally()
        for account_id, items in by_account.items():
            if self.limiter.blocked_until(account_id, now) is not None:
                continue  # held for publishing (a spent window, no credits): nothing is sent for it
            if self.holds.blocked_until(account_id, now) is not None:
                continue
            self._collect_account(account_id, items, now, tally)
        detected = 0
        if tally.to_detect:
            try:
                detected = self.detect(self.store, tally.to_detect)
            except Exception:  # detection is a nicety: the comments are recorded whatever happens to it
                log.exception("language detection of %d comments failed; they stay undetected", len(tally.to_detect))
        return CollectReport(
            read=tally.read,
            calls=tally.calls,
            new=tally.new,
            edited=tally.edited,
            deleted=tally.deleted,
            failed=tally.failed,
            detected=detected,
        )

    def _collect_account(self, account_id: int, items: list[_Due], now: datetime, tally: _Tally) -> None:
        refused = self._access_refused(account_id, now)
        if refused is not None:
            # Known for this account already: the new posts get the same sentence without a call.
            self._refuse(items, now, refused[0], ACCESS_LEVEL, refused[1] + ACCESS_LEVEL_RETRY, tally)
            return
        try:
            connector = self.pool.get(account_id)
        except Exception as error:  # a plugin not installed here, credentials missing
            self._fail_all(items, now, error, tally)
            return
        if not reads_comments(connector):
            self._skip(items, now)
            return
        for index, item in enumerate(items):
            since = item.newest_id if now - item.published_at < self.policy.early_age else None
            tally.calls += 1
            try:
                batch: CommentBatch = connector.fetch_comments(item.remote_id, since_id=since)  # type: ignore[attr-defined]
            except RateLimitedError as error:
                until = error.reset_at if error.reset_at is not None and error.reset_at > now else None
                if until is None:
                    wait = max(self.policy.retry_after_error.total_seconds(), error.retry_after or 0.0)
                    until = now + timedelta(seconds=wait)
                log.info("comments of account %s: rate limit reached, held until %s", account_id, until)
                self.holds.block(account_id, until)
                recording.postpone(self.store, [i.variant_id for i in items[index:]], until)
                return
            except AccessLevelError as error:
                log.info("comments of account %s: not available on its access level", account_id)
                self._refuse(items[index:], now, _sentence(error), ACCESS_LEVEL, now + ACCESS_LEVEL_RETRY, tally)
                return
            except BillingError as error:
                self.holds.block(account_id, now + BILLING_RETRY)
                self._refuse(items[index:], now, _sentence(error), BILLING, now + BILLING_RETRY, tally)
                return
            except AuthenticationError as error:
                self.pool.forget(account_id)  # the user may reconnect the account meanwhile
                self._fail_all(items[index:], now, error, tally)
                return
            except Exception as error:  # the platform, a malformed answer: this variant waits, the rest go on
                self._fail(item, now, error, tally)
                continue
            recorded = recording.record_comments(
                self.store, item.variant_id, batch, now=now, next_poll_at=self.policy.next_poll(item.published_at, now)
            )
            tally.read += 1
            tally.new += len(recorded.new)
            tally.edited += len(recorded.edited)
            tally.deleted += len(recorded.deleted)
            tally.to_detect.extend(recorded.to_detect)
            if self._short_of_calls(account_id, connector, now):
                return  # the rest stay due: read once the window has room again

    def _short_of_calls(self, account_id: int, connector: Any, now: datetime) -> bool:
        """Whether the account's window is down to its reserve (then held until it resets)."""
        state = connector.rate_limit()
        if state is None or state.remaining is None or not state.limit:
            return False
        if state.remaining > max(1, int(state.limit * RESERVE_SHARE)):
            return False
        until = state.resets_at if state.resets_at is not None and state.resets_at > now else None
        self.holds.block(account_id, until or now + self.policy.retry_after_error)
        log.info("comments of account %s: %s calls left of %s, the rest wait", account_id, state.remaining, state.limit)
        return True

    def _access_refused(self, account_id: int, now: datetime) -> tuple[str, datetime] | None:
        """The account's last access-level refusal and when it came, while it still stands."""
        query = (
            select(comment_polls.c.error, comment_polls.c.last_polled_at)
            .join(variants, variants.c.id == comment_polls.c.variant_id)
            .where(
                variants.c.account_id == account_id,
                comment_polls.c.error_class == ACCESS_LEVEL,
                comment_polls.c.last_polled_at > now - ACCESS_LEVEL_RETRY,
            )
            .order_by(comment_polls.c.last_polled_at.desc())
            .limit(1)
        )
        with self.store.read() as conn:
            row = conn.execute(query).first()
        return (str(row.error or ""), row.last_polled_at) if row is not None else None

    def _within_age(self, item: _Due, when: datetime) -> datetime | None:
        return when if when - item.published_at <= self.policy.max_age else None

    def _refuse(
        self, items: Sequence[_Due], now: datetime, sentence: str, kind: str, until: datetime, tally: _Tally
    ) -> None:
        for item in items:
            recording.record_failure(
                self.store,
                item.variant_id,
                now=now,
                error_class=kind,
                error=sentence,
                next_poll_at=self._within_age(item, max(until, now + self.policy.retry_after_error)),
            )
            tally.failed += 1

    def _fail_all(self, items: Sequence[_Due], now: datetime, error: Exception, tally: _Tally) -> None:
        for item in items:
            self._fail(item, now, error, tally)

    def _fail(self, item: _Due, now: datetime, error: Exception, tally: _Tally) -> None:
        """Record why ``item`` could not be read; try again after a wait that doubles while it keeps failing."""
        kind = str(error.kind) if isinstance(error, ConnectorError) else "error"
        log.warning("comments of variant %s failed (%s); retried later", item.variant_id, _sentence(error))
        wait = self.policy.retry_after_error
        if item.error_class is not None and item.last_polled_at is not None:
            wait = max(wait, (now - item.last_polled_at) * 2)
        wait = min(wait, self.policy.late_every)
        recording.record_failure(
            self.store,
            item.variant_id,
            now=now,
            error_class=kind,
            error=_sentence(error),
            next_poll_at=self._within_age(item, now + wait),
        )
        tally.failed += 1

    def _skip(self, items: Sequence[_Due], now: datetime) -> None:
        """A connector without comments: look again on the cadence (a newer plugin may read them), no error."""
        for item in items:
            recording.postpone(self.store, [item.variant_id], self.policy.next_poll(item.published_at, now))


def _sentence(error: Exception) -> str:
    """One sentence for the user, without any secret."""
    if isinstance(error, ConnectorError):
        return redact(error.message)
    text = redact(str(error)).strip()
    return f"{type(error).__name__}: {text}" if text else f"{type(error).__name__}."
