"""Events: the in-process bus the GUI bridges to signals, and the store-backed feed another process follows."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from connectors.base import OutgoingPost
from connectors.sandbox import Sandbox
from core import queries, timeutil
from core.domain import AuditAction, VariantStatus
from core.errors import UserError
from core.services import audit, posts
from core.store import Store
from core.store.tables import audit_events, variants
from scheduler.connections import default_factory
from scheduler.events import Event, EventBus, EventFeed, EventKind, FeedCursor, follow
from tests.support.fake_clock import FakeClock
from tests.support.scheduling import EngineMaker, add_account, local_in, schedule
from tests.support.workers import CREDENTIALS, prepare, start_worker, stop_worker, wait_ready


def test_subscribers_get_their_kinds_and_a_broken_one_does_not_stop_the_others() -> None:
    bus = EventBus()
    everything: list[Event] = []
    published: list[Event] = []

    def broken(_event: Event) -> None:
        raise RuntimeError("a view crashed")

    bus.subscribe(broken)
    bus.subscribe(everything.append)
    unsubscribe = bus.subscribe(published.append, EventKind.PUBLISHED)
    bus.emit(Event(EventKind.PUBLISHED, 1))
    bus.emit(Event(EventKind.MISSED, 2))
    unsubscribe()
    bus.emit(Event(EventKind.PUBLISHED, 3))
    assert [e.variant_id for e in everything] == [1, 2, 3]
    assert [e.variant_id for e in published] == [1]


def _collect(feed: EventFeed, got: list[Event], done: Callable[[], bool], timeout: float = 90) -> bool:
    """Poll ``feed`` into ``got`` until ``done()`` (as a GUI timer would), or give up after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got.extend(item.event for item in feed.poll())
        if done():
            return True
        time.sleep(0.1)
    return False


def _of(got: list[Event], kind: EventKind) -> dict[int, Event]:
    return {e.variant_id: e for e in got if e.kind is kind}


def test_another_process_follows_what_a_separate_worker_publishes_fails_and_misses(
    store: Store,
    tmp_path: Path,
    make_engine: EngineMaker,
    clock: FakeClock,
    events: list[Event],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in CREDENTIALS.items():  # the worker's credentials, for the poll made in this process
        monkeypatch.setenv(name, value)
    with Sandbox(seed=5) as sandbox:
        feed = EventFeed(store)  # this process is the "GUI": it runs no engine, only reads the store
        published = prepare(store, sandbox, 3, prefix="Feed")
        log = tmp_path / "worker.log"
        worker = start_worker(log)  # ``communique worker`` in its own process
        got: list[Event] = []
        try:
            assert wait_ready(log), log.read_text()
            assert _collect(feed, got, lambda: set(_of(got, EventKind.PUBLISHED)) >= set(published)), log.read_text()
            now = timeutil.now_utc()
            # X refuses the same text twice: a failure. Due three hours ago, beyond the 60-minute grace: missed.
            duplicate = posts.create_post(
                store,
                text="Feed 000",
                accounts=["tokyo"],
                at=local_in("Asia/Tokyo", now),
                now=now - timedelta(minutes=1),
            ).variants[0]
            late = posts.create_post(
                store,
                text="Feed late",
                accounts=["tokyo"],
                at=local_in("Asia/Tokyo", now - timedelta(hours=3)),
                now=now - timedelta(hours=4),
            ).variants[0]
            assert _collect(
                feed, got, lambda: duplicate.id in _of(got, EventKind.FAILED) and late.id in _of(got, EventKind.MISSED)
            ), log.read_text()
        finally:
            assert stop_worker(worker) == 0
        on_platform = {p["text"]: p["id"] for p in sandbox.posts("x")}

        # Ten minutes on, engagement is polled (here by an engine in this process, on a moved clock).
        clock.set(timeutil.now_utc() + timedelta(minutes=11))
        assert make_engine().sweep().polled == 3
        assert _collect(feed, got, lambda: set(_of(got, EventKind.METRICS_UPDATED)) >= set(published), 10)

    assert Counter((e.kind, e.variant_id) for e in got) == Counter(
        [(EventKind.PUBLISHED, i) for i in published]
        + [(EventKind.FAILED, duplicate.id), (EventKind.MISSED, late.id)]
        + [(EventKind.METRICS_UPDATED, i) for i in published]
    )  # each event once, nothing else
    for number, variant_id in enumerate(published):
        event = _of(got, EventKind.PUBLISHED)[variant_id]
        assert event.details["remote_id"] == on_platform[f"Feed {number:03d}"] and event.details["url"]
    failed = _of(got, EventKind.FAILED)[duplicate.id].details
    assert failed["error_class"] == "duplicate" and failed["error"]
    assert "grace window" in _of(got, EventKind.MISSED)[late.id].details["error"]
    # The feed gives what the in-process bus gave the engine's own subscribers.
    bus_metrics = [(e.variant_id, e.details) for e in events if e.kind is EventKind.METRICS_UPDATED]
    feed_metrics = [(e.variant_id, e.details) for e in got if e.kind is EventKind.METRICS_UPDATED]
    assert sorted(feed_metrics, key=str) == sorted(bus_metrics, key=str)


def _audit_row(store: Store, row_id: int, action: str, variant_id: int, **details: object) -> None:
    with store.write() as conn:
        conn.execute(
            audit_events.insert().values(
                id=row_id,
                at=timeutil.now_utc(),
                actor="worker",
                action=action,
                entity="variant",
                entity_id=variant_id,
                details=details,
            )
        )


def test_the_feed_reads_a_late_commit_once_skips_other_rows_and_resumes_from_a_cursor(store: Store) -> None:
    feed = EventFeed(store)
    _audit_row(store, 20, "publish", 7, remote_id="r7")
    assert [(i.event.kind, i.event.variant_id) for i in feed.poll()] == [(EventKind.PUBLISHED, 7)]
    # Id 19 was taken before 20 but committed after it was read (PostgreSQL, two publishers).
    _audit_row(store, 19, "fail", 8, error_class="duplicate")
    bus, relayed = EventBus(), []
    bus.subscribe(relayed.append)
    assert feed.pump(bus) == 1 and [(e.kind, e.variant_id) for e in relayed] == [(EventKind.FAILED, 8)]
    assert feed.poll() == []
    for row_id in range(21, 26):  # audit rows that are not events move the cursor, yield nothing
        _audit_row(store, row_id, "edit", 9)
    assert feed.poll() == [] and feed.cursor == FeedCursor(audit_id=25, snapshot_id=0)
    replay = EventFeed(store, FeedCursor()).poll()  # a saved cursor (here: the beginning) resumes
    # In id order (19 committed last), so that each event's cursor covers exactly the events before it.
    assert [(i.event.kind, i.event.variant_id, str(i.cursor)) for i in replay] == [
        (EventKind.FAILED, 8, "19:0"),
        (EventKind.PUBLISHED, 7, "20:0"),
    ]


def test_follow_hands_each_new_event_on_until_stopped(store: Store) -> None:
    got: list[Event] = []
    stop = threading.Event()
    start = EventFeed.end(store)
    thread = threading.Thread(target=lambda: follow(store, got.append, stop, every=0.05, cursor=start))
    thread.start()
    try:
        with store.write() as conn:
            audit.record(
                conn, actor="worker", action=AuditAction.MISS, entity="variant", entity_id=3, details={"due": "x"}
            )
        deadline = time.monotonic() + 10
        while not got and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()
    assert [(e.kind, e.variant_id, e.details["due"]) for e in got] == [(EventKind.MISSED, 3, "x")]


def test_a_failed_or_missed_event_keeps_its_message_after_the_post_is_edited_and_sent_again(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    account = add_account(store, sandbox)
    default_factory(account).publish(OutgoingPost(variant_id=0, text="Summit"))  # X then refuses it as a duplicate
    due = clock.now + timedelta(minutes=1)
    failing = schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now, text="Summit")
    late = schedule(
        store, "tokyo", local_in("Asia/Tokyo", clock.now - timedelta(hours=3)), clock.now - timedelta(days=1)
    )
    engine = make_engine()
    clock.set(due)
    engine.sweep()
    duplicate = queries.get_variant(store, failing).last_error
    missed = queries.get_variant(store, late).last_error
    assert duplicate and missed and "grace window" in missed

    # Edited and rescheduled: one is refused again for another reason, the other goes out.
    posts.edit_variant(store, failing, text="Summit, revised", expected_version=None)
    sandbox.set_faults("policy:1", times=1, path="/2/tweets", method="POST")
    again = clock.now + timedelta(minutes=1)
    for variant_id, minutes in ((failing, 1), (late, 2)):
        post_id = queries.get_variant(store, variant_id).post_id
        posts.schedule_post(store, post_id, local_in("Asia/Tokyo", again + timedelta(minutes=minutes)), now=clock.now)
        clock.set(again + timedelta(minutes=minutes))
        engine.sweep()
    refused = queries.get_variant(store, failing)
    assert refused.status is VariantStatus.FAILED and refused.last_error_class == "policy"
    assert refused.last_error and refused.last_error != duplicate
    assert queries.get_variant(store, late).status is VariantStatus.PUBLISHED  # its last_error is gone

    replay = [item.event for item in EventFeed(store, FeedCursor()).poll()]
    assert [(e.details["error_class"], e.details["error"]) for e in replay if e.kind is EventKind.FAILED] == [
        ("duplicate", duplicate),
        ("policy", refused.last_error),
    ]
    assert [e.details["error"] for e in replay if e.kind is EventKind.MISSED] == [missed]
    # An event written before messages were kept in it shows the variant's message instead.
    _audit_row(store, 1000, "fail", failing, error_class="policy")
    (old,) = EventFeed(store, FeedCursor(audit_id=999)).poll()
    assert old.event.details["error"] == refused.last_error


def test_a_feed_gives_nothing_from_before_its_start_and_each_event_carries_the_cursor_to_resume_after_it(
    store: Store,
) -> None:
    for row_id, action in ((1, "publish"), (2, "fail"), (3, "edit"), (4, "miss")):
        _audit_row(store, row_id, action, row_id)
    assert EventFeed(store).poll() == []  # opened on a store with history: only what comes after
    history = EventFeed(store, FeedCursor()).poll()
    assert [(i.event.variant_id, str(i.cursor)) for i in history] == [(1, "1:0"), (2, "2:0"), (4, "4:0")]
    resumed = EventFeed(store, FeedCursor.parse(str(history[0].cursor)))
    assert [i.event.variant_id for i in resumed.poll()] == [2, 4]
    _audit_row(store, 5, "publish", 5)
    assert [i.event.variant_id for i in resumed.poll()] == [5] and resumed.poll() == []
    for text in ("", "12", "1:2:3", "-1:0", "a:b"):
        with pytest.raises(UserError, match="is not an event cursor"):
            FeedCursor.parse(text)


def test_a_retry_is_in_the_feed_with_its_reason_and_the_time_it_is_due_again(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox)
    due = clock.now + timedelta(minutes=1)
    variant_id = schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now, text="Summit opens")
    sandbox.set_faults("500:1", times=1, path="/2/tweets", method="POST")
    engine = make_engine()
    feed = EventFeed(store)  # another process's view: it runs no engine and sees no bus
    clock.set(due)
    engine.sweep()

    (retry,) = [item.event for item in feed.poll()]
    variant = queries.get_variant(store, variant_id)
    assert (retry.kind, retry.variant_id) == (EventKind.RETRY_SCHEDULED, variant_id)
    assert variant.status is VariantStatus.SCHEDULED and variant.last_error_class == "retryable"
    assert retry.details["error_class"] == "retryable" and retry.details["error"] == variant.last_error
    with store.read() as conn:
        next_at = conn.execute(select(variants.c.next_attempt_at).where(variants.c.id == variant_id)).scalar_one()
    assert retry.details["at"] == next_at.isoformat()
