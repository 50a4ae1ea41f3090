"""Posts due while nothing ran, and publishes interrupted by a crash (over HTTP)."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import timedelta

from sqlalchemy import select

from connectors.base import OutgoingPost
from connectors.sandbox import Sandbox
from core.domain import VariantStatus
from core.services import audit, posts
from core.store import Store
from core.store.tables import publish_attempts, worker_leases
from scheduler.connections import default_factory
from scheduler.events import Event, EventKind
from scheduler.lease import new_holder_id
from tests.scheduler.conftest import EngineMaker, Spy, add_account, local_in, schedule, texts
from tests.scheduler.fakes import FakeClock


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
    assert posts.get_variant(store, berlin).status is VariantStatus.PUBLISHED
    missed = posts.get_variant(store, tokyo)
    assert missed.status is VariantStatus.MISSED and missed.last_error_class == "missed"
    assert missed.last_error is not None and "30-minute grace window" in missed.last_error
    assert texts(sandbox) == ["Berlin"]
    assert {(e.kind, e.variant_id) for e in events} == {(EventKind.MISSED, tokyo), (EventKind.PUBLISHED, berlin)}
    assert [e.action for e in audit.list_events(store, entity="variant", entity_id=tokyo)] == ["miss"]
    # Missed is never dropped: it stays listed, and publishing it on request works.
    assert [p.id for p in posts.list_posts(store, status="missed")] == [missed.post_id]
    outcome = make_engine().publish_now(tokyo)
    assert outcome is not None and outcome.status is VariantStatus.PUBLISHED
    assert sorted(texts(sandbox)) == ["Berlin", "Tokyo"]


def _crash_mid_publish(make_engine: EngineMaker, store: Store, variant_id: int, *, sent: bool) -> None:
    """Claim as a worker would, let the platform create the post or not, then "die" recording nothing."""
    crashed = make_engine(holder=new_holder_id())
    assert crashed.lease.acquire()
    claim = crashed.publisher.claim(variant_id, posts.get_variant(store, variant_id).version)
    assert claim is not None
    if sent:
        crashed.pool.get(claim.account_id).publish(claim.post)
    crashed.lease._set(None, None)  # it is gone: no result, no release


def _outcomes(store: Store, variant_id: int) -> list[str]:
    with store.read() as conn:
        return list(
            conn.execute(
                select(publish_attempts.c.outcome)
                .where(publish_attempts.c.variant_id == variant_id)
                .order_by(publish_attempts.c.id)
            ).scalars()
        )


def test_a_post_sent_before_the_crash_is_found_on_the_platform_not_sent_again(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox)
    variant_id = schedule(store, "tokyo", local_in("Asia/Tokyo", clock.now + timedelta(minutes=1)), clock.now)
    clock.advance(minutes=1)
    _crash_mid_publish(make_engine, store, variant_id, sent=True)
    assert posts.get_variant(store, variant_id).status is VariantStatus.PUBLISHING

    successor = make_engine()
    clock.advance(seconds=20)
    report = successor.sweep()
    assert not report.leader  # the crashed worker's lease has not expired yet
    clock.advance(minutes=3)  # past its lease and past orphan_after
    report = successor.sweep()

    assert report.reset == [variant_id]
    variant = posts.get_variant(store, variant_id)
    assert variant.status is VariantStatus.PUBLISHED
    assert texts(sandbox) == ["Hello"] and variant.remote_id == sandbox.posts("x")[0]["id"]
    assert _outcomes(store, variant_id) == ["interrupted", "reconciled"]


def test_a_post_not_sent_before_the_crash_is_published_after_the_look_up(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox)
    variant_id = schedule(store, "tokyo", local_in("Asia/Tokyo", clock.now + timedelta(minutes=1)), clock.now)
    clock.advance(minutes=1)
    _crash_mid_publish(make_engine, store, variant_id, sent=False)
    clock.advance(minutes=3)
    make_engine().sweep()
    assert posts.get_variant(store, variant_id).status is VariantStatus.PUBLISHED
    assert texts(sandbox) == ["Hello"]
    assert _outcomes(store, variant_id) == ["interrupted", "published"]
    calls = sandbox.calls()
    timeline = next(i for i, (m, path) in enumerate(calls) if m == "GET" and re.fullmatch(r"/2/users/\d+/tweets", path))
    assert timeline < calls.index(("POST", "/2/tweets"))  # the look-up came before the send


def test_a_dead_process_on_this_host_is_taken_over_at_once(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox)
    variant_id = schedule(store, "tokyo", local_in("Asia/Tokyo", clock.now + timedelta(minutes=1)), clock.now)
    clock.advance(minutes=1)
    _crash_mid_publish(make_engine, store, variant_id, sent=True)
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    host = new_holder_id().split(":")[1]
    dead = f"worker:{host}:{finished.stdout.strip()}:dead00"
    with store.write() as conn:  # the claim and the lease now belong to a process that has exited
        conn.execute(publish_attempts.update().values(worker=dead))
        conn.execute(worker_leases.update().values(holder=dead, expires_at=clock.now + timedelta(hours=1)))

    report = make_engine().sweep()  # no waiting for the lease to expire nor for orphan_after
    assert report.leader and report.reset == [variant_id]
    assert posts.get_variant(store, variant_id).status is VariantStatus.PUBLISHED
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
    assert posts.get_variant(store, variant_id).status is VariantStatus.SCHEDULED  # a retry is pending
    clock.advance(hours=2)  # the worker was down meanwhile
    report = make_engine().sweep()
    assert report.missed == [variant_id] and texts(sandbox) == []
    assert posts.get_variant(store, variant_id).status is VariantStatus.MISSED


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
    assert posts.get_variant(store, variant_id).status is VariantStatus.PUBLISHING
    assert texts(sandbox) == ["Hello"]

    _refuse_results(store, False)
    report = engine.sweep()  # the same process, at once: no waiting for orphan_after nor a restart

    assert report.reset == [variant_id]
    variant = posts.get_variant(store, variant_id)
    assert variant.status is VariantStatus.PUBLISHED and variant.remote_id == sandbox.posts("x")[0]["id"]
    assert texts(sandbox) == ["Hello"]
    assert _outcomes(store, variant_id) == ["interrupted", "reconciled"]


def test_a_sweep_never_resets_a_publish_now_of_its_own_process_however_long_the_call(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox)
    draft = posts.create_post(store, text="Long call", accounts=["tokyo"]).variants[0].id
    resets: list[list[int]] = []

    def sweep_meanwhile(_post: OutgoingPost) -> None:
        clock.advance(minutes=10)  # far past orphan_after, while the call is still out
        resets.append(engine.sweep().reset)

    engine = make_engine(factory=lambda account: Spy(default_factory(account), sweep_meanwhile))
    outcome = engine.publish_now(draft)

    assert resets == [[]]
    assert outcome is not None and outcome.status is VariantStatus.PUBLISHED
    assert _outcomes(store, draft) == ["published"] and texts(sandbox) == ["Long call"]


def test_a_live_process_on_this_host_keeps_its_claim_however_long_its_call_takes(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    sandbox.set_refuse_duplicates(False)
    add_account(store, sandbox)
    variant_id = schedule(store, "tokyo", local_in("Asia/Tokyo", clock.now + timedelta(minutes=1)), clock.now)
    clock.advance(minutes=1)
    _crash_mid_publish(make_engine, store, variant_id, sent=True)
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        host = new_holder_id().split(":")[1]
        with store.write() as conn:  # the claim belongs to a process of this host that still runs
            conn.execute(publish_attempts.update().values(worker=f"worker:{host}:{live.pid}:live00"))
        successor = make_engine()
        clock.advance(minutes=30)  # past the claimer's lease and far past orphan_after
        report = successor.sweep()
        assert report.leader and report.reset == []
        assert posts.get_variant(store, variant_id).status is VariantStatus.PUBLISHING
    finally:
        live.kill()
        live.wait(timeout=60)
    report = successor.sweep()  # once it is gone: taken over at once, and looked up
    assert report.reset == [variant_id]
    assert posts.get_variant(store, variant_id).status is VariantStatus.PUBLISHED
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
    assert report.missed == [] and posts.get_variant(store, on_time).status is VariantStatus.PUBLISHED
    # A post that fell due while nothing ran is still missed at once.
    later = clock.now.replace(microsecond=0) + timedelta(minutes=1)
    late = schedule(store, "tokyo", local_in("Asia/Tokyo", later), clock.now, text="Late")
    clock.set(later + timedelta(minutes=10))
    assert engine.sweep().missed == [late]
    assert texts(sandbox) == ["On time"]
