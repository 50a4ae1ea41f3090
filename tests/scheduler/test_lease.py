"""One publisher per database: the lease, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from connectors.sandbox import Sandbox
from core.domain import VariantStatus
from core.services import posts
from core.store import Store
from scheduler.lease import Lease, current_holder
from tests.scheduler.conftest import EngineMaker, add_account, local_in, texts
from tests.scheduler.fakes import FakeClock


def test_only_one_holder_until_release_or_expiry(any_store: Store, clock: FakeClock) -> None:
    ttl = timedelta(seconds=30)
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
    assert all(posts.get_variant(any_store, i).status is VariantStatus.PUBLISHED for i in ids)
    assert sorted(texts(sandbox)) == [f"post {i}" for i in range(5)]
    first.stop()  # a clean stop hands over at once
    assert second.sweep().leader
