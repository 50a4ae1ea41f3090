"""Posts due while nothing ran, and publishes interrupted by a crash (over HTTP)."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from connectors.base import OutgoingPost
from connectors.sandbox import Sandbox
from core import queries, timeutil
from core.domain import VariantStatus
from core.process import machine_tag
from core.services import accounts, posts
from core.store import Store
from core.store.tables import publish_attempts, worker_leases
from scheduler import recovery
from scheduler.backoff import RetryPolicy
from scheduler.connections import default_factory
from scheduler.engine import Engine, EngineSettings, SweepReport
from scheduler.events import Event, EventBus, EventFeed, EventKind
from scheduler.lease import new_holder_id
from scheduler.publisher import Claim
from tests.support.fake_clock import FakeClock
from tests.support.scheduling import EngineMaker, Spy, add_account, local_in, schedule, texts


def test_posts_due_while_stopped_publish_inside_the_grace_window_and_are_missed_outside(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock, events: list[Event]
) -> None:
    add_account(store, sandbox, "tokyo", "Asia/Tokyo", grace=30)
    add_account(store, sandbox, "berlin", "Europe/Berlin", grace=120)
    due = clock.now + timedelta(minutes=5)
    tokyo = schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now, text="Tokyo")
    berlin = schedule(store, "berlin", local_in("Europe/Berlin", due), clock.now, text="Berlin")
    clock.set(due + timedelta(hours=1))  # nothing ran for an hour after they fell due

    report = make_engine().sweep()

    assert report.missed == [tokyo]
    assert queries.get_variant(store, berlin).status is VariantStatus.PUBLISHED
    missed = queries.get_variant(store, tokyo)
    assert missed.status is VariantStatus.MISSED and missed.last_error_class == "missed"
    assert missed.last_error is not None and "30-minute grace window" in missed.last_error
    assert texts(sandbox) == ["Berlin"]
    assert {(e.kind, e.variant_id) for e in events} == {(EventKind.MISSED, tokyo), (EventKind.PUBLISHED, berlin)}
    assert [e.action for e in queries.list_events(store, entity="variant", entity_id=tokyo)] == ["miss"]
    # Missed is never dropped: it stays listed, and publishing it on request works.
    assert [p.id for p in queries.list_posts(store, status="missed")] == [missed.post_id]
    outcome = make_engine().publish_now(tokyo)
    assert outcome is not None and outcome.status is VariantStatus.PUBLISHED
    assert sorted(texts(sandbox)) == ["Berlin", "Tokyo"]


def _crash_mid_publish(
    make_engine: EngineMaker, store: Store, sandbox: Sandbox, clock: FakeClock, *, sent: bool
) -> int:
    """A post due now, claimed as a worker would; the platform creates it or not; then the worker
    "dies", recording nothing."""
    add_account(store, sandbox)
    variant_id = schedule(store, "tokyo", local_in("Asia/Tokyo", clock.now + timedelta(minutes=1)), clock.now)
    clock.advance(minutes=1)
    crashed = make_engine(holder=new_holder_id())
    assert crashed.lease.acquire()
    claim = crashed.publisher.claim(variant_id, queries.get_variant(store, variant_id).version)
    assert claim is not None
    if sent:
        crashed.pool.get(claim.account_id).publish(claim.post)
    crashed.lease._set(None, None, crashed.clock())  # type: ignore[attr-defined]  # gone: no result, no release
    return variant_id


def _outcomes(store: Store, variant_id: int) -> list[str]:
    with store.read() as conn:
        return list(
            conn.execute(
                select(publish_attempts.c.outcome)
                .where(publish_attempts.c.variant_id == variant_id)
                .order_by(publish_attempts.c.id)
            ).scalars()
        )


def _assert_found_not_resent(store: Store, sandbox: Sandbox, report: SweepReport, variant_id: int) -> None:
    """The sweep reset the claim left behind, and the look-up found the post the claimant had sent."""
    assert report.leader and report.reset == [variant_id]
    variant = queries.get_variant(store, variant_id)
    assert variant.status is VariantStatus.PUBLISHED and variant.remote_id == sandbox.posts("x")[0]["id"]
    assert texts(sandbox) == ["Hello"]
    assert _outcomes(store, variant_id) == ["interrupted", "reconciled"]


def test_a_post_sent_before_the_crash_is_found_on_the_platform_not_sent_again(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    variant_id = _crash_mid_publish(make_engine, store, sandbox, clock, sent=True)
    assert queries.get_variant(store, variant_id).status is VariantStatus.PUBLISHING

    successor = make_engine()
    clock.advance(seconds=20)
    report = successor.sweep()
    assert not report.leader  # the crashed worker's lease has not expired yet
    clock.advance(minutes=3)  # past its lease and past orphan_after
    report = successor.sweep()

    _assert_found_not_resent(store, sandbox, report, variant_id)


def test_a_post_not_sent_before_the_crash_is_published_after_the_look_up(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    variant_id = _crash_mid_publish(make_engine, store, sandbox, clock, sent=False)
    clock.advance(minutes=3)
    make_engine().sweep()
    assert queries.get_variant(store, variant_id).status is VariantStatus.PUBLISHED
    assert texts(sandbox) == ["Hello"]
    assert _outcomes(store, variant_id) == ["interrupted", "published"]
    calls = sandbox.calls()
    timeline = next(i for i, (m, path) in enumerate(calls) if m == "GET" and re.fullmatch(r"/2/users/\d+/tweets", path))
    assert timeline < calls.index(("POST", "/2/tweets"))  # the look-up came before the send


def test_a_dead_process_on_this_host_is_taken_over_at_once(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    variant_id = _crash_mid_publish(make_engine, store, sandbox, clock, sent=True)
    finished = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    dead = new_holder_id(pid=finished.pid)  # its identity, read while it runs
    finished.communicate(b"", timeout=60)  # and now it has exited
    with store.write() as conn:  # the claim and the lease now belong to a process that has exited
        conn.execute(publish_attempts.update().values(worker=dead))
        conn.execute(worker_leases.update().values(holder=dead, expires_at=clock.now + timedelta(hours=1)))

    report = make_engine().sweep()  # no waiting for the lease to expire nor for orphan_after
    assert report.leader and report.reset == [variant_id]
    assert queries.get_variant(store, variant_id).status is VariantStatus.PUBLISHED
    assert texts(sandbox) == ["Hello"]


def test_a_retry_left_waiting_while_nothing_ran_is_missed_past_the_grace_window(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox, "tokyo", "Asia/Tokyo", grace=30)
    due = clock.now + timedelta(minutes=1)
    variant_id = schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now)
    sandbox.set_faults("503:1", times=1, path="/2/tweets", method="POST")
    clock.set(due)
    make_engine().sweep()
    assert queries.get_variant(store, variant_id).status is VariantStatus.SCHEDULED  # a retry is pending
    clock.advance(hours=2)  # the worker was down meanwhile
    report = make_engine().sweep()
    assert report.missed == [variant_id] and texts(sandbox) == []
    assert queries.get_variant(store, variant_id).status is VariantStatus.MISSED


def _refuse_results(store: Store, refuse: bool) -> None:
    """Make the database refuse to record any publish result (as a locked or full database would)."""
    with store.write() as conn:
        if refuse:
            conn.exec_driver_sql(
                "CREATE TRIGGER refuse_results BEFORE UPDATE OF outcome ON publish_attempts "
                "WHEN NEW.outcome <> 'interrupted' BEGIN SELECT RAISE(ABORT, 'database is locked'); END"
            )
        else:
            conn.exec_driver_sql("DROP TRIGGER refuse_results")


def test_a_result_the_database_refused_is_looked_up_by_the_same_process_not_left_publishing(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    sandbox.set_refuse_duplicates(False)  # a second send would show as a second post
    add_account(store, sandbox)
    variant_id = schedule(store, "tokyo", local_in("Asia/Tokyo", clock.now + timedelta(minutes=1)), clock.now)
    clock.advance(minutes=1)
    engine = make_engine()
    _refuse_results(store, True)
    report = engine.sweep()  # sent, but the result could not be written: the sweep goes on
    assert report.leader and report.outcomes == [] and report.failed == ["publishing"]
    assert report.next_wake is not None and report.next_wake <= clock.now + timedelta(seconds=30)
    assert queries.get_variant(store, variant_id).status is VariantStatus.PUBLISHING
    assert texts(sandbox) == ["Hello"]

    _refuse_results(store, False)
    report = engine.sweep()  # the same process, at once: no waiting for orphan_after nor a restart

    _assert_found_not_resent(store, sandbox, report, variant_id)


def test_a_long_publish_now_is_reset_neither_by_a_sweep_of_its_process_nor_by_another_host(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox)
    draft = posts.create_post(store, text="Long call", accounts=["tokyo"]).variants[0].id
    resets: list[list[int]] = []

    def meanwhile(_post: OutgoingPost) -> None:
        clock.advance(minutes=10)  # far past orphan_after, while the call is still out
        resets.append(engine.sweep().reset)  # this process knows the call is live
        deadline = time.monotonic() + 30
        while _heartbeat(store, draft) < clock.now and time.monotonic() < deadline:
            time.sleep(0.02)  # the claimant's heartbeat thread writes the new time
        # Another host sees only the row: its heartbeat is fresh, however old the claim.
        resets.append(recovery.reset_interrupted(store, now=clock.now, in_flight=(), orphan_after=timedelta(minutes=2)))

    settings = EngineSettings(retry=RetryPolicy(max_attempts=3), orphan_after=timedelta(seconds=0.2))
    engine = make_engine(
        holder=ELSEWHERE, settings=settings, factory=lambda account: Spy(default_factory(account), meanwhile)
    )
    outcome = engine.publish_now(draft)

    assert resets == [[], []]
    assert outcome is not None and outcome.status is VariantStatus.PUBLISHED
    assert _outcomes(store, draft) == ["published"] and texts(sandbox) == ["Long call"]


def test_a_live_process_on_this_host_keeps_its_claim_however_long_its_call_takes(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    sandbox.set_refuse_duplicates(False)
    variant_id = _crash_mid_publish(make_engine, store, sandbox, clock, sent=True)
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        with store.write() as conn:  # the claim belongs to a process of this host that still runs
            conn.execute(publish_attempts.update().values(worker=new_holder_id(pid=live.pid)))
        successor = make_engine()
        clock.advance(minutes=30)  # past the claimer's lease and far past orphan_after
        report = successor.sweep()
        assert report.leader and report.reset == []
        assert queries.get_variant(store, variant_id).status is VariantStatus.PUBLISHING
    finally:
        live.kill()
        live.wait(timeout=60)
    report = successor.sweep()  # once it is gone: taken over at once, and looked up
    assert report.reset == [variant_id]
    assert queries.get_variant(store, variant_id).status is VariantStatus.PUBLISHED
    assert texts(sandbox) == ["Hello"]


def test_a_zero_minute_grace_window_still_publishes_a_post_swept_just_after_it_fell_due(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox, "tokyo", "Asia/Tokyo", grace=0)
    due = clock.now + timedelta(minutes=1)
    on_time = schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now, text="On time")
    engine = make_engine()
    clock.set(due + timedelta(milliseconds=200))  # a sweep always runs a moment after the due time
    report = engine.sweep()
    assert report.missed == [] and queries.get_variant(store, on_time).status is VariantStatus.PUBLISHED
    # A post that fell due while nothing ran is still missed at once.
    later = clock.now.replace(microsecond=0) + timedelta(minutes=1)
    late = schedule(store, "tokyo", local_in("Asia/Tokyo", later), clock.now, text="Late")
    clock.set(later + timedelta(minutes=10))
    assert engine.sweep().missed == [late]
    assert texts(sandbox) == ["On time"]


def test_a_post_held_back_by_the_rate_limit_while_running_is_not_missed(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    account = add_account(store, sandbox, "tokyo", "Asia/Tokyo", grace=30)
    sandbox.set_rate_limit("x", "create", 1, window=3600)  # one post an hour
    due = clock.now + timedelta(minutes=1)
    schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now, text="First")
    second = schedule(store, "tokyo", local_in("Asia/Tokyo", due + timedelta(minutes=1)), clock.now, text="Second")
    engine = make_engine()
    clock.set(due)
    engine.sweep()  # "First" spends the window: the account is held for about an hour
    lifts = engine.limiter.blocked_until(account.id, clock.now)
    assert lifts is not None and lifts > clock.now + timedelta(minutes=50)
    held = queries.get_variant(store, second)
    assert held.last_error is not None and "rate limit" in held.last_error  # people see why it waits

    clock.set(due + timedelta(minutes=45))  # far past the 30-minute grace, while the worker runs
    report = engine.sweep()
    assert report.missed == [] and queries.get_variant(store, second).status is VariantStatus.SCHEDULED
    # The next sweep comes only after the hold ended: the grace window counts from there.
    clock.set(lifts + timedelta(minutes=5))
    sandbox.advance(3600)
    report = engine.sweep()
    assert report.missed == []
    assert queries.get_variant(store, second).status is VariantStatus.PUBLISHED
    assert texts(sandbox) == ["First", "Second"]


def test_missed_messages_say_what_happened(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    account = add_account(store, sandbox, "tokyo", "Asia/Tokyo", grace=30)
    sandbox.set_rate_limit("x", "create", 1, window=3600)
    due = clock.now + timedelta(minutes=1)
    schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now, text="First")
    held = schedule(store, "tokyo", local_in("Asia/Tokyo", due + timedelta(minutes=1)), clock.now, text="Held")
    engine = make_engine()
    clock.set(due)
    engine.sweep()
    lifts = engine.limiter.blocked_until(account.id, clock.now)
    assert lifts is not None
    engine.stop()
    clock.set(lifts + timedelta(hours=2))  # the worker stopped during the hold and came back much later
    # The one that comes back sends one post per sweep (and its sweeps will be far apart).
    busy = make_engine(settings=EngineSettings(retry=RetryPolicy(max_attempts=3), batch=1))
    assert busy.sweep().missed == [held]
    message = queries.get_variant(store, held).last_error or ""
    assert "its wait for the platform's rate limit ended 120 minutes ago, while Communiqué was not running" in message

    # Now it runs all along, but falls behind.
    add_account(store, sandbox, "berlin", "Europe/Berlin", grace=30)
    start = clock.now + timedelta(minutes=1)
    sent, behind = (
        schedule(store, "berlin", local_in("Europe/Berlin", start), clock.now, text=text) for text in ("On", "Behind")
    )
    clock.set(start)
    busy.sweep()
    clock.advance(hours=1)
    assert busy.sweep().missed == [behind]
    message = queries.get_variant(store, behind).last_error or ""
    assert "although the publisher was running" in message and "not running" not in message
    assert queries.get_variant(store, sent).status is VariantStatus.PUBLISHED


@pytest.mark.skipif(machine_tag() is None, reason="process start times need /proc")
def test_a_pid_given_to_another_process_does_not_keep_a_dead_claimants_claim(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    sandbox.set_refuse_duplicates(False)  # a second send would show as a second post
    variant_id = _crash_mid_publish(make_engine, store, sandbox, clock, sent=True)
    # After a restart the claimant's pid belongs to an unrelated live process that started later.
    unrelated = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        kind, host, pid, identity, nonce = new_holder_id(pid=unrelated.pid).split(":")
        machine, started = identity.split(".")
        claimant = ":".join([kind, host, pid, f"{machine}.{int(started) - 1}", nonce])
        with store.write() as conn:  # its heartbeat is even fresh: the identity alone settles it
            conn.execute(publish_attempts.update().values(worker=claimant, heartbeat_at=clock.now))
            conn.execute(worker_leases.update().values(holder=claimant, expires_at=clock.now + timedelta(hours=1)))
        report = make_engine().sweep()  # neither its lease nor its claim waits for anything
    finally:
        unrelated.kill()
        unrelated.wait(timeout=60)
    _assert_found_not_resent(store, sandbox, report, variant_id)


#: A claimant on another machine: nothing about it can be checked from here but its heartbeat.
ELSEWHERE = "worker:laptop-7:4242:0badc0de.123456:abc123"


def _db_now(store: Store, clock: FakeClock) -> datetime:
    """The clock heartbeats are judged by: PostgreSQL's own, or this machine's (the fake) on SQLite."""
    if store.is_sqlite:
        return clock.now
    with store.read() as conn:
        found: datetime = conn.execute(select(func.clock_timestamp())).scalar_one()
    return found


def _claimed_elsewhere(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> tuple[int, Engine, Claim]:
    """A post due now, claimed by a worker on another machine; returns the variant, that worker and its claim."""
    add_account(store, sandbox)
    variant_id = schedule(store, "tokyo", local_in("Asia/Tokyo", clock.now + timedelta(minutes=1)), clock.now)
    clock.advance(minutes=1)
    claimant = make_engine(store=store, holder=ELSEWHERE)
    claim = claimant.publisher.claim(variant_id, queries.get_variant(store, variant_id).version)
    assert claim is not None
    return variant_id, claimant, claim


def test_a_claim_from_another_host_is_reset_only_once_its_heartbeat_is_stale(
    any_store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    sandbox.set_refuse_duplicates(False)
    variant_id, claimant, claim = _claimed_elsewhere(any_store, sandbox, make_engine, clock)
    claimant.pool.get(claim.account_id).publish(claim.post)  # its call reached the platform; no result yet
    now = _db_now(any_store, clock)
    with any_store.write() as conn:
        # A slow publish (a long thread with media), or a claimant whose clock runs hours behind.
        conn.execute(publish_attempts.update().values(started_at=now - timedelta(hours=3), heartbeat_at=now))
    successor = make_engine(store=any_store)
    report = successor.sweep()
    assert report.leader and report.reset == []
    assert queries.get_variant(any_store, variant_id).status is VariantStatus.PUBLISHING

    with any_store.write() as conn:  # it stopped beating more than orphan_after (2 minutes) ago
        conn.execute(publish_attempts.update().values(heartbeat_at=_db_now(any_store, clock) - timedelta(minutes=3)))
    _assert_found_not_resent(any_store, sandbox, successor.sweep(), variant_id)


def _heartbeat(store: Store, variant_id: int) -> datetime:
    with store.read() as conn:
        found: datetime = conn.execute(
            select(publish_attempts.c.heartbeat_at).where(publish_attempts.c.variant_id == variant_id)
        ).scalar_one()
    return found


def test_posts_missed_at_start_are_marked_in_chunks_and_a_change_made_meanwhile_is_kept(
    any_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = any_store
    monkeypatch.setattr(recovery, "MISSED_CHUNK", 3)
    accounts.add_account(store, name="tokyo", platform="x", language="ja", timezone="Asia/Tokyo", grace_minutes=30)
    now = timeutil.now_utc().replace(second=0, microsecond=0)
    # Eight posts that fell due 9 down to 2 hours ago (each with its own message), in three chunks.
    ids = [
        schedule(store, "tokyo", local_in("Asia/Tokyo", now - timedelta(hours=9 - i)), now - timedelta(days=1))
        for i in range(8)
    ]
    cancelled, edited = ids[4], ids[7]  # in the second and the third chunk
    bus, announced = EventBus(), []

    def meanwhile(event: Event) -> None:  # the first chunk has committed: a person acts on two later posts
        announced.append(event)
        if len(announced) == 1:
            posts.cancel_post(store, queries.get_variant(store, cancelled).post_id)
            posts.edit_variant(store, edited, text="Revised", expected_version=None)

    bus.subscribe(meanwhile)
    feed = EventFeed(store)

    marked = recovery.mark_missed(store, bus, now=now, actor="worker")

    expected = [i for i in ids if i not in (cancelled, edited)]
    assert marked == expected and [e.variant_id for e in announced] == expected
    assert queries.get_variant(store, cancelled).status is VariantStatus.CANCELLED  # not overwritten
    still = queries.get_variant(store, edited)
    assert still.status is VariantStatus.SCHEDULED and still.text == "Revised"
    fed = {item.event.variant_id: item.event for item in feed.poll()}
    assert sorted(fed) == sorted(expected)
    for number, variant_id in enumerate(ids):
        if variant_id not in expected:
            continue
        variant = queries.get_variant(store, variant_id)
        assert variant.status is VariantStatus.MISSED and variant.last_error is not None
        assert f"fell due {(9 - number) * 60} minutes ago" in variant.last_error  # its own message
        (miss,) = queries.list_events(store, entity="variant", entity_id=variant_id)
        assert miss.action == "miss" and miss.details["error"] == variant.last_error
        assert fed[variant_id].kind is EventKind.MISSED and fed[variant_id].details["error"] == variant.last_error
    # The edited post is looked at afresh by the next sweep.
    assert recovery.mark_missed(store, bus, now=now, actor="worker") == [edited]


class _BeatOnCheck:
    """The reset's "is it ours?" check, made between its read and its write: the claimant's
    heartbeat (its real :class:`~scheduler.inflight.ClaimBeats`) lands right then."""

    def __init__(self, beat: Callable[[], int]) -> None:
        self.beat = beat
        self.beats = 0

    def __contains__(self, _variant_id: object) -> bool:
        self.beats += self.beat()
        return False  # not a publish of this process


def test_a_heartbeat_that_lands_between_the_read_and_the_reset_keeps_the_claim(
    any_store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    variant_id, claimant, claim = _claimed_elsewhere(any_store, sandbox, make_engine, clock)
    orphan_after = timedelta(minutes=2)

    def go_stale() -> None:  # its heartbeat was late (a stalled host, a busy database)...
        with any_store.write() as conn:
            conn.execute(
                publish_attempts.update().values(heartbeat_at=_db_now(any_store, clock) - timedelta(minutes=3))
            )

    go_stale()
    with claimant.publisher.beats.live(claim.attempt_id):  # ...but its call is still out, and it beats again
        check = _BeatOnCheck(claimant.publisher.beats.beat)
        reset = recovery.reset_interrupted(any_store, now=clock.now, in_flight=check, orphan_after=orphan_after)
    assert check.beats == 1  # the read saw a stale heartbeat; the beat came before the reset
    assert reset == []
    assert queries.get_variant(any_store, variant_id).status is VariantStatus.PUBLISHING
    assert _outcomes(any_store, variant_id) == ["pending"]

    go_stale()  # it really stopped beating: the same reset now takes the claim back
    reset = recovery.reset_interrupted(any_store, now=clock.now, in_flight=(), orphan_after=orphan_after)
    assert reset == [variant_id]
    assert _outcomes(any_store, variant_id) == ["interrupted"]
