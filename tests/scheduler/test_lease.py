"""One publisher per database: a lease row on SQLite, an advisory lock on PostgreSQL."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import create_engine, select, text

from connectors.sandbox import Sandbox
from core import queries, timeutil
from core.domain import VariantStatus
from core.services import posts
from core.store import Store, open_store
from core.store.tables import publish_attempts
from scheduler.engine import Engine, EngineSettings
from scheduler.lease import AdvisoryLease, Lease, current_holder
from tests.support.fake_clock import FakeClock
from tests.support.polling import wait_until
from tests.support.scheduling import EngineMaker, add_account, local_in, texts
from tests.support.workers import CREDENTIALS, prepare, published_count


def test_on_sqlite_only_one_holder_until_release_or_expiry(store: Store, clock: FakeClock) -> None:
    ttl = timedelta(seconds=30)
    any_store = store  # every process sharing the file runs on one machine: one clock judges expiry
    first = Lease(any_store, "worker:a:1:x", clock=clock, ttl=ttl)
    second = Lease(any_store, "worker:b:2:y", clock=clock, ttl=ttl)
    assert first.acquire() and not second.acquire()
    clock.advance(seconds=20)
    assert first.acquire()  # the heartbeat renews
    clock.advance(seconds=20)
    assert not second.acquire()  # renewed 20 s ago: still held
    first.release()
    assert second.acquire() and not first.acquire()
    assert current_holder(any_store) == ("worker:b:2:y", clock.now + ttl)
    clock.advance(seconds=31)  # the second holder stops beating
    assert not second.valid()
    assert first.acquire()
    assert first.token == 3  # every change of holder moves the fencing token


def test_two_engines_on_one_database_publish_each_post_once(
    any_store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(any_store, sandbox)
    ids = [
        posts.create_post(
            any_store,
            text=f"post {i}",
            accounts=["tokyo"],
            at=local_in("Asia/Tokyo", clock.now + timedelta(minutes=1 + i)),
            now=clock.now,
        )
        .variants[0]
        .id
        for i in range(5)
    ]
    first, second = make_engine(store=any_store), make_engine(store=any_store)
    clock.advance(minutes=10)
    reports = [first.sweep(), second.sweep(), first.sweep(), second.sweep()]
    assert [r.leader for r in reports] == [True, False, True, False]
    assert sum(len(r.outcomes) for r in reports) == 5
    assert all(queries.get_variant(any_store, i).status is VariantStatus.PUBLISHED for i in ids)
    assert sorted(texts(sandbox)) == [f"post {i}" for i in range(5)]
    first.stop()  # a clean stop hands over at once
    assert second.sweep().leader


def _terminate(url: str, backend_pid: int) -> None:
    """End one server session from outside, as a lost network or an operator would."""
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            assert conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend_pid}).scalar_one()
    finally:
        admin.dispose()


@pytest.mark.postgres
def test_on_postgresql_the_lock_decides_not_the_clocks(postgres_url: str, clock: FakeClock) -> None:
    shared = open_store(postgres_url)
    first = AdvisoryLease(shared, "worker:a:1:x:1", clock=clock, ttl=timedelta(seconds=30))
    second = AdvisoryLease(shared, "worker:b:2:y:2", clock=clock, ttl=timedelta(seconds=30))
    try:
        assert first.acquire() and not second.acquire()
        clock.advance(hours=5)  # however far the clocks drift, a live session keeps the lock
        assert not second.acquire()
        assert first.acquire() and first.valid()
        assert current_holder(shared) == ("worker:a:1:x:1", None)
        pid = first.backend_pid
        assert pid is not None
        _terminate(postgres_url, pid)
        assert first.valid()  # until its next heartbeat checks the session...
        assert not first.acquire() and not first.valid() and not first.held  # ...which finds it gone
        assert second.acquire() and second.since == clock.now  # and the other takes over at once
        assert current_holder(shared) == ("worker:b:2:y:2", None)
        second.release()
        assert current_holder(shared) is None
        assert not first.acquire()  # the one whose session failed waits a lease length first
        clock.advance(seconds=31)
        assert first.acquire()
    finally:
        first.release()
        second.release()
        shared.dispose()


@pytest.mark.postgres
def test_killing_the_leaders_connection_hands_publishing_to_the_other_worker(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    shared = open_store(postgres_url)
    settings = EngineSettings(lease_ttl=timedelta(seconds=3), sweep_every=timedelta(seconds=0.5))
    with Sandbox(seed=5) as sandbox:
        first_batch = prepare(shared, sandbox, 3, prefix="Before")
        leader, other = Engine(shared, settings=settings), Engine(shared, settings=settings)
        leader.start()
        try:
            assert wait_until(lambda: published_count(shared) == 3, 60)
            other.start()
            pid = leader.lease.backend_pid  # type: ignore[attr-defined]
            assert pid is not None and not other.lease.held
            started = time.monotonic()
            _terminate(postgres_url, pid)
            assert wait_until(lambda: other.lease.held and not leader.lease.held, 30)
            handover = time.monotonic() - started
            due = timeutil.now_utc() - timedelta(minutes=1)
            local = due.astimezone(timeutil.zone("Asia/Tokyo")).replace(tzinfo=None)
            later = [
                posts.create_post(shared, text=f"After {i}", accounts=["tokyo"], at=local, now=due - timedelta(hours=1))
                .variants[0]
                .id
                for i in range(3)
            ]
            assert wait_until(lambda: published_count(shared) == 6, 60)
        finally:
            other.stop()
            leader.stop()
        on_platform = sorted(p["text"] for p in sandbox.posts("x"))
    with shared.read() as conn:
        by = dict(conn.execute(select(publish_attempts.c.variant_id, publish_attempts.c.worker)).all())
    shared.dispose()
    print(f"handover after the leader's session was killed: {handover:.2f} s")
    assert handover < settings.lease_ttl.total_seconds() * 3, handover  # within a few heartbeats
    assert {by[v] for v in first_batch} == {leader.holder}
    assert {by[v] for v in later} == {other.holder}  # only the new leader publishes
    assert on_platform == sorted([f"Before {i:03d}" for i in range(3)] + [f"After {i}" for i in range(3)])


@pytest.mark.postgres
def test_the_lock_session_asks_the_server_for_keepalives_and_bounds_its_queries(
    postgres_url: str, clock: FakeClock
) -> None:
    shared = open_store(postgres_url)
    lease = AdvisoryLease(shared, "worker:a:1:x:1", clock=clock)
    try:
        assert lease.acquire()
        # Seen from the lock's own session: the server drops it (and frees the lock) ~25 s after
        # the network goes silent, not after its default two hours.
        settings = {
            name: lease.session_setting(name)
            for name in (
                "tcp_keepalives_idle",
                "tcp_keepalives_interval",
                "tcp_keepalives_count",
                "statement_timeout",
                "lock_timeout",
            )
        }
        assert settings == {
            "tcp_keepalives_idle": "10",
            "tcp_keepalives_interval": "5",
            "tcp_keepalives_count": "3",
            "statement_timeout": "5s",
            "lock_timeout": "5s",
        }
        # The store's own sessions keep the server's defaults: only the lock's session is tuned.
        with shared.read() as conn:
            assert conn.execute(text("SHOW statement_timeout")).scalar_one() == "0"
    finally:
        lease.release()
        shared.dispose()


@pytest.mark.postgres
def test_a_lock_check_that_blocks_on_the_server_ends_at_its_timeout_not_never(
    postgres_url: str, clock: FakeClock
) -> None:
    shared = open_store(postgres_url)
    timeout = timedelta(seconds=1)
    lease = AdvisoryLease(shared, "worker:a:1:x:1", clock=clock, statement_timeout=timeout)
    other = AdvisoryLease(shared, "worker:b:2:y:2", clock=clock)
    blocker = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    try:
        assert lease.acquire()
        with blocker.connect() as conn:
            # The heartbeat's check reads pg_locks: an exclusive lock on that view makes it wait.
            conn.exec_driver_sql("BEGIN")
            conn.exec_driver_sql("LOCK TABLE pg_catalog.pg_locks IN ACCESS EXCLUSIVE MODE")
            result: list[bool] = []
            check = threading.Thread(target=lambda: result.append(lease.acquire()), daemon=True)
            started = time.monotonic()
            check.start()
            check.join(timeout=30)  # generous: the timeout is 1 s; without one it would wait forever
            waited = time.monotonic() - started
            hung = check.is_alive()
            conn.exec_driver_sql("ROLLBACK")
        check.join(timeout=30)
        assert not hung, f"the lock check still waited after {waited:.0f} s"
        # A check that could not answer counts as a lost session: it stops claiming, and its
        # session is closed, so the server frees the lock for another worker at once.
        assert result == [False] and not lease.held and not lease.valid()
        assert other.acquire()
    finally:
        lease.release()
        other.release()
        blocker.dispose()
        shared.dispose()
