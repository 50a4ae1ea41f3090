"""Engagement polling over HTTP: cadence, batching per account, partial results kept partial,
failures retried ever less often, shown, and stopped at the age limit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise

from sqlalchemy import select

from connectors.sandbox import Sandbox
from connectors.sandbox.state import user_id_for
from core import queries
from core.domain import VariantStatus
from core.store import Store
from core.store.tables import accounts, engagement_snapshots, variants
from scheduler.cadence import PollingPolicy
from scheduler.engine import Engine, EngineSettings
from scheduler.events import Event, EventKind
from scheduler.poller import BILLING_HOLD, METRICS_ERROR
from tests.support.fake_clock import FakeClock
from tests.support.scheduling import EngineMaker, add_account, local_in, schedule

T0 = datetime(2027, 1, 4, 0, 0, tzinfo=UTC)


def test_the_cadence_is_frequent_then_hourly_then_daily_then_stops() -> None:
    policy = PollingPolicy(max_age=timedelta(days=3))
    assert policy.next_poll(T0, T0) == T0 + timedelta(minutes=10)
    assert policy.next_poll(T0, T0 + timedelta(hours=3)) == T0 + timedelta(hours=4)
    assert policy.next_poll(T0, T0 + timedelta(days=1)) == T0 + timedelta(days=2)
    assert policy.next_poll(T0, T0 + timedelta(days=2, hours=1)) is None


def _snapshots(store: Store) -> list[tuple[int, int | None, int | None, bool]]:
    with store.read() as conn:
        rows = conn.execute(
            select(
                engagement_snapshots.c.variant_id,
                engagement_snapshots.c.impressions,
                engagement_snapshots.c.clicks,
                engagement_snapshots.c.partial,
            ).order_by(engagement_snapshots.c.id)
        ).all()
    return [(r.variant_id, r.impressions, r.clicks, r.partial) for r in rows]


def _lookups(sandbox: Sandbox) -> int:
    return sum(1 for call in sandbox.calls() if call == ("GET", "/2/tweets"))


def _one_published(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock, policy: PollingPolicy | None = None
) -> tuple[Engine, int, datetime]:
    """One post to an X account on the emulator, published on time; returns the engine, the variant and its due time."""
    add_account(store, sandbox)
    due = clock.now + timedelta(minutes=1)
    variant_id = schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now)
    engine = make_engine(settings=EngineSettings(polling=policy)) if policy else make_engine()
    clock.set(due)
    engine.sweep()
    return engine, variant_id, due


def _sweep_at_each_wake_up(engine: Engine, clock: FakeClock, most: int = 100) -> list[datetime]:
    """Move the clock to each wake-up the engine asks for and sweep, until it asks for none (or ``most``)."""
    wakes: list[datetime] = []
    while (wake := engine.next_wake()) is not None:
        assert len(wakes) < most, f"still waking up after {most} sweeps"
        clock.set(wake)
        engine.sweep()
        wakes.append(wake)
    return wakes


def test_polls_are_batched_per_account_and_follow_the_cadence(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock, events: list[Event]
) -> None:
    add_account(store, sandbox, "tokyo", "Asia/Tokyo")
    add_account(store, sandbox, "berlin", "Europe/Berlin")
    due = clock.now + timedelta(minutes=1)
    for i in range(25):
        schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now, text=f"t{i}")
    for i in range(5):
        schedule(store, "berlin", local_in("Europe/Berlin", due), clock.now, text=f"b{i}")
    policy = PollingPolicy(batch_size=10, max_age=timedelta(days=2))
    engine = make_engine(settings=EngineSettings(polling=policy))
    clock.set(due)
    engine.sweep()
    assert len(sandbox.posts("x")) == 30 and _lookups(sandbox) == 0

    polls: list[timedelta] = []
    calls_per_poll: set[int] = set()
    while (wake := engine.next_wake()) is not None:
        before = _lookups(sandbox)
        clock.set(wake)
        engine.sweep()
        polls.append(wake - due)
        calls_per_poll.add(_lookups(sandbox) - before)
    # Every 10 minutes for 2 hours, hourly to a day, daily to two days, then never again.
    assert polls[:3] == [timedelta(minutes=10), timedelta(minutes=20), timedelta(minutes=30)]
    assert timedelta(hours=3) in polls and timedelta(hours=3, minutes=10) not in polls
    assert polls[-1] == timedelta(days=2) and len(polls) == 12 + 22 + 1
    assert calls_per_poll == {3 + 1}  # tokyo: 10 + 10 + 5, berlin: 5
    assert len(_snapshots(store)) == 30 * len(polls)
    assert sum(e.kind is EventKind.METRICS_UPDATED for e in events) == 30 * len(polls)


def test_refused_metrics_make_a_partial_snapshot(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    engine, variant_id, due = _one_published(
        store, sandbox, make_engine, clock, PollingPolicy(max_age=timedelta(days=60))
    )
    sandbox.advance(600)
    clock.advance(minutes=10)
    engine.sweep()
    sandbox.advance(31 * 86400)  # X stops showing non-public metrics after 30 days
    clock.set(due + timedelta(days=31))
    before = _lookups(sandbox)
    engine.sweep()
    # X refuses the private fields with no data for the post; the poller's connector asks again
    # with public metrics alone, so the reading is partial, not lost.
    assert _lookups(sandbox) - before == 2
    rows = _snapshots(store)
    assert [(r[0], r[3]) for r in rows] == [(variant_id, False), (variant_id, True)]
    assert rows[0][2] is not None and rows[1][2] is None  # clicks are private: missing, not zero
    assert rows[1][1] is not None and rows[1][1] > rows[0][1]  # public impressions still come
    with store.read() as conn:
        kept = conn.execute(
            select(engagement_snapshots.c.metrics, engagement_snapshots.c.reactions).order_by(
                engagement_snapshots.c.id.desc()
            )
        ).first()
    assert kept is not None and kept.reactions is not None
    assert set(kept.metrics["missing"]) == {"non_public_metrics", "organic_metrics"}
    with store.read() as conn:
        next_poll = conn.execute(select(variants.c.next_poll_at).where(variants.c.id == variant_id)).scalar_one()
    assert next_poll == clock.now + timedelta(days=1)


def test_a_failed_poll_is_retried_later_without_losing_the_schedule(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    engine, variant_id, _due = _one_published(store, sandbox, make_engine, clock)
    sandbox.set_faults("500:1", times=1, path="/2/tweets", method="GET")
    clock.advance(minutes=10)
    engine.sweep()
    assert _snapshots(store) == []
    assert engine.next_wake() == clock.now + timedelta(minutes=15)
    failing = queries.get_variant(store, variant_id)  # what the GUI and "post show" read
    assert failing.status is VariantStatus.PUBLISHED and failing.last_error_class == METRICS_ERROR
    assert failing.last_error is not None and failing.last_error.startswith("Metrics failing: retryable: ")
    clock.advance(minutes=15)
    engine.sweep()
    assert len(_snapshots(store)) == 1
    recovered = queries.get_variant(store, variant_id)
    assert (recovered.last_error_class, recovered.last_error) == (None, None)


def test_an_account_without_x_credits_is_left_alone_until_the_hold_ends(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    engine, variant_id, _due = _one_published(store, sandbox, make_engine, clock)
    sandbox.set_credits(user_id_for("access_token-tokyo-0123456789"))  # X answers 402 on every endpoint
    clock.advance(minutes=10)
    before = _lookups(sandbox)
    engine.sweep()
    assert _lookups(sandbox) - before == 1 and _snapshots(store) == []
    unpaid = queries.get_variant(store, variant_id)
    assert unpaid.status is VariantStatus.PUBLISHED  # a poll is not a post failure
    assert unpaid.last_error is not None and "add credits in the X developer console" in unpaid.last_error
    with store.read() as conn:
        next_poll = conn.execute(select(variants.c.next_poll_at).where(variants.c.id == variant_id)).scalar_one()
    assert next_poll == clock.now + BILLING_HOLD  # not the 15-minute backoff
    clock.advance(minutes=30)
    engine.sweep()
    assert _lookups(sandbox) - before == 1  # nothing asked of X meanwhile
    sandbox.set_credits(user_id_for("access_token-tokyo-0123456789"), depleted=False)
    clock.set(next_poll)
    engine.sweep()
    assert len(_snapshots(store)) == 1
    assert queries.get_variant(store, variant_id).last_error is None


def test_metrics_that_keep_failing_are_retried_ever_less_often_and_stop_at_max_age(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    policy = PollingPolicy(max_age=timedelta(days=7))
    engine, variant_id, due = _one_published(store, sandbox, make_engine, clock, policy)
    clock.advance(minutes=10)
    engine.sweep()
    assert len(_snapshots(store)) == 1
    sandbox.revoke("access_token-tokyo-0123456789")  # the account's token is withdrawn on the platform

    before = _lookups(sandbox)
    tries = _sweep_at_each_wake_up(engine, clock)
    assert _lookups(sandbox) - before == len(tries)  # each wake-up really asked the platform

    assert tries[0] == due + timedelta(minutes=20)  # the normal cadence, then the first failure
    waits = [later - earlier for earlier, later in pairwise(tries)]
    assert waits[0] == policy.retry_after_error and waits[-1] == policy.late_every
    assert waits == sorted(waits) and len(tries) <= 15  # 15 minutes, doubling to a day; not 670 polls
    assert tries[-1] <= due + policy.max_age
    assert _snapshots(store)[1:] == []
    variant = queries.get_variant(store, variant_id)
    assert variant.status is VariantStatus.PUBLISHED and variant.last_error_class == METRICS_ERROR
    assert variant.last_error is not None
    assert variant.last_error.startswith("Metrics failing: authentication: ")
    assert variant.last_error.endswith("Polling stopped: the post is older than 7 days.")
    assert "access_token-tokyo" not in variant.last_error


def test_an_account_whose_plugin_is_not_installed_here_does_not_stop_the_others(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox, "tokyo", "Asia/Tokyo")
    add_account(store, sandbox, "berlin", "Europe/Berlin")
    due = clock.now + timedelta(minutes=1)
    tokyo = schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now, text="t")
    berlin = schedule(store, "berlin", local_in("Europe/Berlin", due), clock.now, text="b")
    clock.set(due)
    make_engine().sweep()
    # The database is shared with a colleague whose machine has a plugin this one lacks.
    with store.write() as conn:
        conn.execute(accounts.update().where(accounts.c.name == "berlin").values(platform="mastodon"))
    engine = make_engine()  # a fresh process: no connector cached for berlin
    clock.advance(minutes=10)
    report = engine.sweep()
    assert report.failed == [] and report.polled == 1
    assert [r[0] for r in _snapshots(store)] == [tokyo]
    with store.read() as conn:
        postponed = conn.execute(select(variants.c.next_poll_at).where(variants.c.id == berlin)).scalar_one()
    assert postponed == clock.now + PollingPolicy().retry_after_error


def test_a_post_deleted_on_the_platform_shows_why_its_metrics_stopped(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    engine, variant_id, _due = _one_published(
        store, sandbox, make_engine, clock, PollingPolicy(max_age=timedelta(days=2))
    )
    remote_id = queries.get_variant(store, variant_id).remote_id
    assert remote_id is not None and sandbox.state.delete(remote_id)  # removed by hand on X
    assert len(_sweep_at_each_wake_up(engine, clock)) <= 10 and _snapshots(store) == []
    last_error = queries.get_variant(store, variant_id).last_error
    assert last_error is not None and last_error.startswith("Metrics failing: the platform shows nothing")
