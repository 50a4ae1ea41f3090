"""The APScheduler wiring: a start-up sweep, a wake-up at the next due time, a clean stop."""

from __future__ import annotations

import signal
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest

from connectors.sandbox import Sandbox
from core import queries, timeutil
from core.domain import VariantStatus
from core.services import accounts
from core.store import Store
from scheduler.engine import Engine, EngineSettings, SweepReport
from scheduler.events import Event, EventBus, EventKind
from scheduler.lease import current_holder
from tests.support.fake_clock import FakeClock
from tests.support.polling import wait_until
from tests.support.scheduling import EngineMaker, add_account, local_in, schedule, texts
from tests.support.workers import start_worker, stop_worker, wait_ready


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
    assert all(queries.get_variant(store, v).status is VariantStatus.PUBLISHED for v in (late, upcoming))
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
    assert queries.get_variant(store, variant_id).status is VariantStatus.PUBLISHED
    assert texts(sandbox) == ["Hello"]
    assert report.next_wake is not None and report.next_wake <= clock.now + timedelta(minutes=1)


def test_a_wake_up_made_late_by_a_suspended_process_still_runs(store: Store, tmp_path: Path) -> None:
    # APScheduler's default misfire grace (1 s) would drop the late wake-up without a trace; the
    # periodic sweep is an hour away, so only that wake-up can publish the post before the deadline.
    with Sandbox(seed=6) as sandbox:
        accounts.add_account(
            store, name="tokyo", platform="x", language="ja", timezone="Asia/Tokyo", api_base=sandbox.base_url
        )
        now = timeutil.now_utc()
        due = now + timedelta(seconds=5)
        variant_id = schedule(store, "tokyo", local_in("Asia/Tokyo", due), now)
        log = tmp_path / "worker.log"
        worker = start_worker(log, None, "--sweep-seconds", "3600")
        try:
            assert wait_ready(log)
            # Suspended (a laptop lid closed, a debugger, a stalled VM) before the post fell due,
            # resumed 2.5 s after: the wake-up (or the start-up sweep, if it had not run yet) is late.
            worker.send_signal(signal.SIGSTOP)
            assert timeutil.now_utc() < due, "the worker took too long to start for this test"
            time.sleep((due - timeutil.now_utc()).total_seconds() + 2.5)
            worker.send_signal(signal.SIGCONT)
            resumed = time.monotonic()
            published = wait_until(lambda: queries.get_variant(store, variant_id).status is VariantStatus.PUBLISHED, 30)
            late = time.monotonic() - resumed
        finally:
            worker.send_signal(signal.SIGCONT)
            assert stop_worker(worker) == 0
        assert published, log.read_text()[-2000:]
        assert late < 10, late  # the wake-up ran on resume, not at the next periodic sweep
        assert texts(sandbox) == ["Hello"]


def test_a_stop_right_after_the_start_up_sweep_ends_apschedulers_thread_quietly(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    crashed: list[str] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: crashed.append(repr(args.exc_value)))

    class FirstSweep(Engine):
        """The real engine, saying when its start-up sweep is done (stopped then, as a quick SIGTERM would)."""

        swept = threading.Event()

        def sweep(self) -> SweepReport:
            report = super().sweep()
            self.swept.set()
            return report

    # The stop races APScheduler's loop retiring the one-off start-up wake: many tries, so a lost race shows.
    for _ in range(25):
        engine = FirstSweep(store)
        FirstSweep.swept.clear()
        engine.start()
        assert FirstSweep.swept.wait(timeout=30)
        assert engine.stop()
    assert wait_until(lambda: not any(t.name == "APScheduler" for t in threading.enumerate()), 10)
    assert crashed == []
