"""The APScheduler wiring: a start-up sweep, a wake-up at the next due time, a clean stop."""

from __future__ import annotations

import threading
from datetime import timedelta

from connectors.sandbox import Sandbox
from core import timeutil
from core.domain import VariantStatus
from core.services import posts
from core.store import Store
from scheduler.engine import Engine, EngineSettings
from scheduler.events import Event, EventBus, EventKind
from scheduler.lease import current_holder
from tests.scheduler.conftest import EngineMaker, add_account, local_in, schedule, texts
from tests.scheduler.fakes import FakeClock


def test_a_started_engine_publishes_late_posts_at_start_and_wakes_for_the_next_one(
    store: Store, sandbox: Sandbox
) -> None:
    add_account(store, sandbox)
    now = timeutil.now_utc()
    # Scheduled a while ago for a minute ago: it fell due while nothing ran (inside the grace window).
    late = schedule(store, "tokyo", local_in("Asia/Tokyo", now - timedelta(minutes=1)), now - timedelta(hours=1))
    upcoming = schedule(store, "tokyo", local_in("Asia/Tokyo", now + timedelta(seconds=3)), now, text="Soon")
    bus = EventBus()
    published: list[int] = []
    both = threading.Event()

    def on_published(event: Event) -> None:
        published.append(event.variant_id)
        if len(published) == 2:
            both.set()

    bus.subscribe(on_published, EventKind.PUBLISHED)
    # The periodic sweep is an hour away: only the wake-up job can publish the second post in time.
    engine = Engine(store, bus=bus, settings=EngineSettings(sweep_every=timedelta(hours=1)))
    engine.start()
    try:
        assert both.wait(timeout=120), f"published so far: {published}"
    finally:
        engine.stop()
    assert published == [late, upcoming]
    assert all(posts.get_variant(store, v).status is VariantStatus.PUBLISHED for v in (late, upcoming))
    assert sorted(texts(sandbox)) == ["Hello", "Soon"]
    holder = current_holder(store)
    assert holder is not None and holder[0] == engine.holder and holder[1] <= timeutil.now_utc()  # released


def test_a_broken_stage_does_not_stop_the_others_nor_the_next_wake_up(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox)
    due = clock.now + timedelta(minutes=1)
    variant_id = schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now)
    with store.write() as conn:  # a damaged database: the recurrence stage cannot read its table
        conn.exec_driver_sql("DROP TABLE recurrences")
    clock.set(due)
    report = make_engine().sweep()
    assert report.failed == ["recurrences"]
    assert posts.get_variant(store, variant_id).status is VariantStatus.PUBLISHED
    assert texts(sandbox) == ["Hello"]
    assert report.next_wake is not None and report.next_wake <= clock.now + timedelta(minutes=1)
