"""The publish state machine over HTTP: claims, results, retries and give-ups per error class."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from connectors.base import OutgoingPost, Published, RateLimitedError
from connectors.sandbox import Sandbox
from core import queries
from core.domain import Account, ErrorClass, VariantStatus
from core.services import posts
from core.store import Store
from core.store.tables import publish_attempts, variants
from scheduler.backoff import RetryPolicy
from scheduler.connections import default_factory
from scheduler.engine import EngineSettings
from scheduler.events import Event, EventKind
from tests.support.fake_clock import FakeClock
from tests.support.scheduling import (
    EngineMaker,
    Spy,
    add_account,
    image_only,
    local_in,
    post_image_only,
    schedule,
    texts,
)


def attempts_of(store: Store, variant_id: int) -> list[tuple[int, str, str | None]]:
    with store.read() as conn:
        rows = conn.execute(
            select(publish_attempts.c.number, publish_attempts.c.outcome, publish_attempts.c.error_class)
            .where(publish_attempts.c.variant_id == variant_id)
            .order_by(publish_attempts.c.id)
        ).all()
    return [(r.number, r.outcome, r.error_class) for r in rows]


def next_attempt_at(store: Store, variant_id: int) -> Any:
    with store.read() as conn:
        return conn.execute(select(variants.c.next_attempt_at).where(variants.c.id == variant_id)).scalar_one()


@pytest.fixture
def due_variant(store: Store, sandbox: Sandbox, clock: FakeClock) -> int:
    """A variant to the Tokyo account, due two minutes from now; the clock is then moved there."""
    add_account(store, sandbox)
    due = clock.now + timedelta(minutes=2)
    variant_id = schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now)
    clock.set(due)
    return variant_id


def test_publishes_once_and_commits_the_intent_before_the_call(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, due_variant: int, events: list[Event]
) -> None:
    seen: list[tuple[VariantStatus, list[tuple[int, str, str | None]]]] = []

    def look(_post: OutgoingPost) -> None:  # read through the store, as another process would
        seen.append((queries.get_variant(store, due_variant).status, attempts_of(store, due_variant)))

    factory = lambda account: Spy(default_factory(account), look)  # noqa: E731
    report = make_engine(factory=factory).sweep()

    assert seen == [(VariantStatus.PUBLISHING, [(1, "pending", None)])]
    variant = queries.get_variant(store, due_variant)
    assert variant.status is VariantStatus.PUBLISHED
    assert [p["id"] for p in sandbox.posts("x")] == [variant.remote_id]
    assert attempts_of(store, due_variant) == [(1, "published", None)]
    assert [o.status for o in report.outcomes] == [VariantStatus.PUBLISHED]
    assert [e.kind for e in events] == [EventKind.PUBLISHED]
    assert [e.action for e in queries.list_events(store, entity="variant", entity_id=due_variant)] == ["publish"]
    make_engine().sweep()  # nothing left to do: published exactly once
    assert texts(sandbox) == ["Hello"]


def test_a_claim_succeeds_once_per_version(store: Store, make_engine: EngineMaker, due_variant: int) -> None:
    first, second = make_engine(), make_engine()
    version = queries.get_variant(store, due_variant).version
    assert first.publisher.claim(due_variant, version) is not None
    assert second.publisher.claim(due_variant, version) is None
    assert second.publisher.claim(due_variant, version + 1) is None  # now publishing, not scheduled
    assert attempts_of(store, due_variant) == [(1, "pending", None)]


def test_server_errors_back_off_with_jitter_then_give_up(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock, due_variant: int
) -> None:
    sandbox.set_faults("503:1", path="/2/tweets", method="POST")
    engine = make_engine()  # three attempts, the first retry 15-30 s later
    engine.sweep()
    variant = queries.get_variant(store, due_variant)
    assert (variant.status, variant.last_error_class) == (VariantStatus.SCHEDULED, "retryable")
    first_retry = next_attempt_at(store, due_variant)
    assert clock.now + timedelta(seconds=15) <= first_retry <= clock.now + timedelta(seconds=30)
    engine.sweep()  # not due yet: nothing sent
    assert len(attempts_of(store, due_variant)) == 1
    clock.set(first_retry)
    engine.sweep()
    second_retry = next_attempt_at(store, due_variant)
    assert clock.now + timedelta(seconds=30) <= second_retry <= clock.now + timedelta(seconds=60)
    clock.set(second_retry)
    engine.sweep()
    variant = queries.get_variant(store, due_variant)
    assert variant.status is VariantStatus.FAILED
    assert variant.last_error is not None and variant.last_error.startswith("Gave up after 3 attempts")
    assert [a[1:] for a in attempts_of(store, due_variant)] == [("retry", "retryable")] * 2 + [("failed", "retryable")]
    assert texts(sandbox) == []


@pytest.mark.parametrize(
    ("kind", "prepare"),
    [
        ("authentication", lambda s: s.set_faults("auth:1", path="/2/tweets", method="POST")),
        ("policy", lambda s: s.set_faults("policy:1", path="/2/tweets", method="POST")),
        ("duplicate", None),
        ("invalid", None),
    ],
)
def test_permanent_errors_stop_at_once_with_the_reason(
    store: Store,
    sandbox: Sandbox,
    make_engine: EngineMaker,
    clock: FakeClock,
    events: list[Event],
    kind: str,
    prepare: Callable[[Sandbox], object] | None,
) -> None:
    account: Account = add_account(store, sandbox)
    text = "Statement on the summit"
    if kind == "duplicate":  # the same text is already on the account
        default_factory(account).publish(OutgoingPost(variant_id=0, text=text))
    if prepare is not None:
        prepare(sandbox)
    due = clock.now + timedelta(minutes=1)
    variant_id = schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now, text=text)
    if kind == "invalid":  # too long for X: refused when scheduled, so made so in the row, as an old store may hold
        with store.write() as conn:
            conn.execute(variants.update().where(variants.c.id == variant_id).values(text="x" * 300))
    engine = make_engine()
    clock.set(due)
    engine.sweep()
    sandbox.clear_faults()
    clock.advance(hours=2)
    engine.sweep()
    variant = queries.get_variant(store, variant_id)
    assert variant.status is VariantStatus.FAILED and variant.last_error_class == kind
    assert variant.last_error and "Gave up" not in variant.last_error
    assert attempts_of(store, variant_id) == [(1, "failed", kind)]
    assert [e.kind for e in events] == [EventKind.FAILED]
    assert events[0].details["error"] == variant.last_error


def test_a_429_waits_until_the_reset_time(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock, due_variant: int
) -> None:
    sandbox.set_faults("429:1", times=1, path="/2/tweets", method="POST")
    sandbox.set_rate_limit("x", "create", 1, window=600)  # the 429 answer carries the window's reset
    engine = make_engine()
    engine.sweep()
    variant = queries.get_variant(store, due_variant)
    assert (variant.status, variant.last_error_class) == (VariantStatus.SCHEDULED, "rate_limited")
    reset = next_attempt_at(store, due_variant)
    assert reset >= clock.now + timedelta(minutes=5)  # the window's reset, not the 15-30 s first step
    clock.set(reset - timedelta(seconds=1))
    engine.sweep()
    assert len(attempts_of(store, due_variant)) == 1
    clock.set(reset)
    sandbox.advance(600)
    engine.sweep()
    assert queries.get_variant(store, due_variant).status is VariantStatus.PUBLISHED
    assert [a[1] for a in attempts_of(store, due_variant)] == ["retry", "published"]


def test_a_dropped_answer_after_the_post_was_created_is_reconciled_not_resent(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock, due_variant: int
) -> None:
    sandbox.set_faults("drop-after:1", times=1, path="/2/tweets", method="POST")
    engine = make_engine()
    engine.sweep()
    assert queries.get_variant(store, due_variant).status is VariantStatus.SCHEDULED
    assert texts(sandbox) == ["Hello"]  # the platform has it; we never heard
    clock.advance(minutes=1)
    engine.sweep()
    variant = queries.get_variant(store, due_variant)
    assert variant.status is VariantStatus.PUBLISHED
    assert variant.remote_id == sandbox.posts("x")[0]["id"]
    assert texts(sandbox) == ["Hello"]
    assert [a[1] for a in attempts_of(store, due_variant)] == ["retry", "reconciled"]


def test_the_rate_limit_headers_hold_the_account_back(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox)
    due = clock.now + timedelta(minutes=1)
    first = schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now, text="one")
    second = schedule(store, "tokyo", local_in("Asia/Tokyo", due + timedelta(minutes=1)), clock.now, text="two")
    sandbox.set_rate_limit("x", "create", 1, window=900)
    engine = make_engine()
    clock.set(due)
    engine.sweep()
    assert queries.get_variant(store, first).status is VariantStatus.PUBLISHED  # remaining is now 0
    clock.advance(minutes=2)
    engine.sweep()
    # Held back by the headers, without a request that would only earn a 429.
    assert queries.get_variant(store, second).status is VariantStatus.SCHEDULED
    assert attempts_of(store, second) == []
    assert engine.limiter.blocked_until(queries.get_variant(store, first).account_id, clock.now) is not None
    clock.advance(minutes=15)
    sandbox.advance(900)
    engine.sweep()
    assert queries.get_variant(store, second).status is VariantStatus.PUBLISHED


def test_the_look_up_stays_required_after_a_429_on_the_look_up_itself(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock, due_variant: int
) -> None:
    sandbox.set_faults("drop-after:1", times=1, path="/2/tweets", method="POST")
    sandbox.set_faults("429:1", times=1, path="/2/users/me")
    sandbox.set_rate_limit("x", "me", 75, window=60)
    engine = make_engine()
    # Four sweeps: this clock runs two minutes ahead of the emulator's, so the look-up's 429 gives
    # a reset time already past by it, and the retry waits out the backoff (and the ~3 minutes the
    # platform asked for) instead of going at once.
    for _ in range(4):
        engine.sweep()
        clock.advance(minutes=2)
        sandbox.advance(120)
    variant = queries.get_variant(store, due_variant)
    assert variant.status is VariantStatus.PUBLISHED
    assert texts(sandbox) == ["Hello"]
    assert [a[1:] for a in attempts_of(store, due_variant)] == [
        ("retry", "retryable"),
        ("retry", "rate_limited"),
        ("reconciled", None),
    ]


def test_a_cancelled_post_is_never_sent_and_missing_credentials_fail_with_the_reason(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock, due_variant: int
) -> None:
    posts.cancel_post(store, queries.get_variant(store, due_variant).post_id)
    engine = make_engine()
    engine.sweep()
    assert queries.get_variant(store, due_variant).status is VariantStatus.CANCELLED
    assert attempts_of(store, due_variant) == []
    # An account whose credentials are gone from the keyring: one attempt, failed, saying what to do.
    from core import secrets

    secrets.forget("x", "tokyo")
    other = posts.create_post(store, text="No keys", accounts=["tokyo"]).variants[0].id
    outcome = engine.publish_now(other)
    assert outcome is not None and outcome.status is VariantStatus.FAILED
    assert outcome.error_class == "authentication" and "set-secret" in (outcome.error or "")
    assert texts(sandbox) == []


def _first(calls: list[tuple[str, str]], method: str, pattern: str) -> int | None:
    """The index of the first call to ``method`` on a path matching ``pattern``."""
    return next((i for i, (m, path) in enumerate(calls) if m == method and re.fullmatch(pattern, path)), None)


def test_a_dropped_answer_on_the_last_attempt_is_looked_up_before_publish_now_sends_again(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock, due_variant: int
) -> None:
    sandbox.set_refuse_duplicates(False)  # a second send would show as a second post
    sandbox.set_faults("drop-after:1", times=1, path="/2/tweets", method="POST")
    engine = make_engine(settings=EngineSettings(retry=RetryPolicy(max_attempts=1)))
    engine.sweep()
    variant = queries.get_variant(store, due_variant)
    assert (variant.status, variant.last_error_class) == (VariantStatus.FAILED, "retryable")
    assert texts(sandbox) == ["Hello"]  # created; the answer was lost on the only attempt allowed
    before = len(sandbox.calls())

    clock.advance(minutes=5)
    outcome = engine.publish_now(due_variant)

    assert outcome is not None and outcome.status is VariantStatus.PUBLISHED and outcome.reconciled
    calls = sandbox.calls()[before:]
    assert _first(calls, "GET", r"/2/users/\d+/tweets") is not None  # looked up on the timeline
    assert _first(calls, "POST", "/2/tweets") is None  # and found: not sent again
    assert texts(sandbox) == ["Hello"]
    assert queries.get_variant(store, due_variant).remote_id == sandbox.posts("x")[0]["id"]
    assert attempts_of(store, due_variant) == [(1, "failed", "retryable"), (2, "reconciled", None)]


def test_a_cancel_that_raced_the_claim_does_not_hide_the_live_post(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, due_variant: int, events: list[Event]
) -> None:
    def cancel_meanwhile(_post: OutgoingPost) -> None:
        # What a cancel that read the row before the claim committed (READ COMMITTED on
        # PostgreSQL) writes while the call is out: cancelled, a new version.
        with store.write() as conn:
            conn.execute(
                variants.update()
                .where(variants.c.id == due_variant)
                .values(status=VariantStatus.CANCELLED.value, version=variants.c.version + 1)
            )

    make_engine(factory=lambda account: Spy(default_factory(account), cancel_meanwhile)).sweep()

    variant = queries.get_variant(store, due_variant)
    assert variant.status is VariantStatus.PUBLISHED  # it is live on the platform: shown live
    assert variant.remote_id == sandbox.posts("x")[0]["id"] and variant.remote_url
    assert attempts_of(store, due_variant) == [(1, "published", None)]
    trail = queries.list_events(store, entity="variant", entity_id=due_variant)
    assert [e.action for e in reversed(trail)] == ["publish_override", "publish"]
    assert trail[1].details["overrode"] == "cancelled" and trail[1].details["remote_id"] == variant.remote_id
    assert [(e.kind, e.details.get("overrode")) for e in events] == [(EventKind.PUBLISHED, "cancelled")]


def test_retries_of_posts_that_failed_together_are_spread_by_jitter(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox)
    due = clock.now + timedelta(minutes=1)
    ids = [schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now, text=f"Outage {i}") for i in range(6)]
    sandbox.set_faults("503:1", path="/2/tweets", method="POST")
    clock.set(due)
    make_engine().sweep()  # all six meet the same outage at the same instant (seeded RNG)
    delays = [(next_attempt_at(store, i) - clock.now).total_seconds() for i in ids]
    assert all(15 <= d <= 30 for d in delays), delays  # half fixed, half random
    assert len({round(d, 3) for d in delays}) == len(ids), delays  # no two retry in step


def test_rate_limits_use_up_no_attempt(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock, due_variant: int
) -> None:
    sandbox.set_faults("429:1", times=5, path="/2/tweets", method="POST")
    sandbox.set_rate_limit("x", "create", 10_000, window=60)  # each 429 says: again within a minute
    engine = make_engine()  # three attempts at most
    for _ in range(5):
        engine.sweep()
        assert queries.get_variant(store, due_variant).status is VariantStatus.SCHEDULED
        clock.set(next_attempt_at(store, due_variant))
        sandbox.advance(60)
    engine.sweep()
    variant = queries.get_variant(store, due_variant)
    assert variant.status is VariantStatus.PUBLISHED and variant.attempt_count == 1
    assert [a[1:] for a in attempts_of(store, due_variant)] == [("retry", "rate_limited")] * 5 + [("published", None)]
    assert texts(sandbox) == ["Hello"]


def test_rate_limit_waits_end_once_the_post_is_too_old_with_a_clear_message(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock, due_variant: int, events: list[Event]
) -> None:
    sandbox.set_faults("429:1", path="/2/tweets", method="POST")  # the limit never lifts
    sandbox.set_rate_limit("x", "create", 10_000, window=120)
    due = clock.now
    retry = RetryPolicy(max_attempts=2, rate_limit_patience=timedelta(minutes=10))
    engine = make_engine(settings=EngineSettings(retry=retry))
    for _ in range(20):
        engine.sweep()
        if queries.get_variant(store, due_variant).status is not VariantStatus.SCHEDULED:
            break
        clock.set(next_attempt_at(store, due_variant))
        sandbox.advance(120)
    variant = queries.get_variant(store, due_variant)
    assert variant.status is VariantStatus.FAILED and variant.last_error_class == "rate_limited"
    assert variant.last_error is not None and variant.last_error.startswith(
        "Gave up: the platform's rate limit still held it back 10 minutes after it fell due; reschedule it"
    )
    tries = attempts_of(store, due_variant)
    assert len(tries) > retry.max_attempts  # the attempts were not what ended it: time was
    assert clock.now - due >= retry.rate_limit_patience
    assert [e.kind for e in events][-1] is EventKind.FAILED and texts(sandbox) == []


def test_a_claim_whose_lease_is_gone_before_the_send_is_withdrawn_without_using_an_attempt(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock, due_variant: int
) -> None:
    engine = make_engine()
    assert engine.lease.acquire()
    claim = engine.publisher.claim(due_variant, queries.get_variant(store, due_variant).version)
    assert claim is not None
    clock.advance(minutes=1)  # the lease lapsed between the claim and the call (a stalled process)
    assert engine.publisher.run(claim) is None
    variant = queries.get_variant(store, due_variant)
    assert (variant.status, variant.attempt_count, variant.last_error) == (VariantStatus.SCHEDULED, 0, None)
    assert attempts_of(store, due_variant) == [(1, "withdrawn", None)]
    assert texts(sandbox) == []
    engine.sweep()  # the next sweep sends it, without a look-up: nothing can have been sent
    assert queries.get_variant(store, due_variant).status is VariantStatus.PUBLISHED
    assert [m for m, _ in sandbox.calls() if m == "POST"] == ["POST"]
    assert texts(sandbox) == ["Hello"]


def test_an_account_held_by_its_rate_limit_does_not_starve_the_others(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox, "tokyo", "Asia/Tokyo")
    add_account(store, sandbox, "berlin", "Europe/Berlin")
    sandbox.set_rate_limit("x", "create", 1, window=900)  # per user: Tokyo's first post spends Tokyo's window
    due = clock.now + timedelta(minutes=1)
    schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now, text="Tokyo 0")
    waiting = [
        schedule(store, "tokyo", local_in("Asia/Tokyo", due + timedelta(minutes=1)), clock.now, text=f"Tokyo {i}")
        for i in range(1, 4)
    ]
    berlin = schedule(store, "berlin", local_in("Europe/Berlin", due + timedelta(minutes=2)), clock.now, text="Berlin")
    engine = make_engine(settings=EngineSettings(retry=RetryPolicy(max_attempts=3), batch=2))
    clock.set(due)
    engine.sweep()
    clock.advance(minutes=3)  # Tokyo's three wait for the reset and come first in due order
    engine.sweep()
    assert queries.get_variant(store, berlin).status is VariantStatus.PUBLISHED
    assert all(queries.get_variant(store, v).status is VariantStatus.SCHEDULED for v in waiting)
    assert all(attempts_of(store, v) == [] for v in waiting)  # held back without a request
    assert sorted(texts(sandbox)) == ["Berlin", "Tokyo 0"]


def _creates(sandbox: Sandbox) -> int:
    """How many create requests (``POST /2/tweets``) reached the emulator."""
    return sandbox.calls().count(("POST", "/2/tweets"))


def test_a_429_whose_reset_time_is_already_past_backs_off_instead_of_sending_again_at_once(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock, due_variant: int, events: list[Event]
) -> None:
    sandbox.advance(-2 * 3600)  # the platform's clock runs two hours behind ours (or its headers are stale)
    sandbox.set_rate_limit("x", "create", 0, window=60)  # every create is refused, "until a minute from now"
    engine = make_engine()
    engine.sweep()
    assert _creates(sandbox) == 1
    first_wait = next_attempt_at(store, due_variant) - clock.now
    # The reset time said nothing usable (past by our clock): the backoff's first step, never "now".
    assert timedelta(seconds=15) <= first_wait <= timedelta(seconds=30)
    first_retry = clock.now + first_wait
    account_id = queries.get_variant(store, due_variant).account_id
    assert engine.limiter.blocked_until(account_id, clock.now) == first_retry  # the account waits too
    for _ in range(10):  # the worker's wake-ups come no sooner than 200 ms apart
        clock.advance(seconds=0.2)
        assert engine.sweep().next_wake == first_retry
    assert _creates(sandbox) == 1  # no request that could only earn another 429

    clock.set(first_retry)
    engine.sweep()
    assert _creates(sandbox) == 2
    second_wait = next_attempt_at(store, due_variant) - clock.now
    assert timedelta(seconds=30) <= second_wait <= timedelta(seconds=60)  # a 429 in a row waits longer
    assert second_wait > first_wait
    assert [a[1:] for a in attempts_of(store, due_variant)] == [("retry", "rate_limited")] * 2
    assert [e.kind for e in events] == [EventKind.RETRY_SCHEDULED] * 2
    assert queries.get_variant(store, due_variant).attempt_count == 0  # rate limits still use up no attempt
    assert texts(sandbox) == []


def test_a_429_without_a_usable_reset_time_waits_at_least_the_floor_and_longer_each_time_in_a_row() -> None:
    now = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)
    rng = random.Random(3)
    policy = RetryPolicy(base_seconds=0.2)  # a worker tuned for quick retries of other errors
    for reset_at in (None, now - timedelta(seconds=30), now):
        error = RateLimitedError("X's rate limit is reached.", reset_at=reset_at, retry_after=0.0)
        waits = [policy.next_attempt(error, 0, now, rng, streak=n) for n in range(1, 12)]
        assert all(w is not None and w - now >= policy.rate_limit_floor for w in waits), waits
        assert waits[-1] is not None and waits[-1] - now > timedelta(minutes=1)  # 0.2 s * 2**10: past the floor
    ahead = RateLimitedError("X's rate limit is reached.", reset_at=now + timedelta(seconds=2))
    assert policy.next_attempt(ahead, 0, now, rng) == now + timedelta(seconds=2)  # a reset still ahead is kept


def test_a_person_s_confirmation_skips_the_look_up_once_only(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock, tmp_path: Path
) -> None:
    account = add_account(store, sandbox)
    variant_id = image_only(store, "tokyo", tmp_path)
    other = post_image_only(account, tmp_path)  # the account already has an image without text
    sandbox.set_faults("drop:1", times=1, path="/2/tweets", method="POST")
    engine = make_engine()
    outcome = engine.publish_now(variant_id)
    assert outcome is not None and outcome.status is VariantStatus.SCHEDULED  # unclear: maybe sent
    clock.advance(minutes=1)
    engine.sweep()
    assert queries.get_variant(store, variant_id).status is VariantStatus.FAILED  # cannot tell: a person decides

    # Confirmed, but this attempt's answer is lost as well: the confirmation does not cover it.
    sandbox.set_faults("drop:1", times=1, path="/2/tweets", method="POST")
    outcome = engine.publish_now(variant_id, confirmed_absent=True, actor="alice")
    assert outcome is not None and outcome.status is VariantStatus.SCHEDULED
    before = len(sandbox.calls())
    clock.advance(minutes=1)
    engine.sweep()
    calls = sandbox.calls()[before:]
    assert _first(calls, "GET", r"/2/users/\d+/tweets") is not None  # looked up again
    assert _first(calls, "POST", "/2/tweets") is None
    variant = queries.get_variant(store, variant_id)
    assert (variant.status, variant.last_error_class) == (VariantStatus.FAILED, ErrorClass.NEEDS_CONFIRMATION)
    assert [p["id"] for p in sandbox.posts("x")] == [other]
    [confirmed] = [
        e for e in queries.list_events(store, entity="variant", entity_id=variant_id) if e.action == "confirm_absent"
    ]
    assert (confirmed.actor, confirmed.at, confirmed.details["after_attempt"]) == (
        "alice",
        clock.now - timedelta(minutes=1),
        2,
    )


def test_the_lease_is_checked_again_between_the_look_up_and_the_send(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock, due_variant: int
) -> None:
    slow = [True]

    class SlowLookUp(Spy):
        """The real connector, whose first look-up outlasts the lease (a long timeline, a slow platform)."""

        def find_published(self, post: OutgoingPost, since: datetime) -> Published | None:
            found: Published | None = self.inner.find_published(post, since)
            if slow.pop() if slow else False:
                clock.advance(minutes=1)
            return found

    sandbox.set_faults("drop:1", times=1, path="/2/tweets", method="POST")
    engine = make_engine(factory=lambda account: SlowLookUp(default_factory(account), lambda _post: None))
    engine.sweep()  # the answer was lost: the next claim looks the post up first
    clock.set(next_attempt_at(store, due_variant))
    report = engine.sweep()
    assert report.leader and report.outcomes == []  # withdrawn after the look-up, not sent
    assert _creates(sandbox) == 1 and texts(sandbox) == []
    variant = queries.get_variant(store, due_variant)
    assert (variant.status, variant.attempt_count) == (VariantStatus.SCHEDULED, 1)
    assert attempts_of(store, due_variant) == [(1, "retry", "retryable"), (2, "withdrawn", None)]
    engine.sweep()  # leading again: looked up and sent
    assert queries.get_variant(store, due_variant).status is VariantStatus.PUBLISHED
    assert _creates(sandbox) == 2 and texts(sandbox) == ["Hello"]
