"""The feed watcher: what the publisher did reaches the screens as notices and one ``changed``.

The engine publishes here as the worker would (in this process or another): the watcher sees
it only through the store's event feed, as the app does in team mode.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from app.changes import Changes
from app.context import AppContext
from app.feed import FeedWatcher
from app.views.queue import QueuePage
from connectors.sandbox import Sandbox
from core import queries, timeutil
from core.comments import CommentBatch, FetchedComment
from core.domain import Account
from core.services import comments as recording
from core.services import feedback
from core.store import Store
from scheduler.backoff import RetryPolicy
from scheduler.engine import Engine, EngineSettings
from tests.support.fake_clock import FakeClock
from tests.support.feedback import published
from tests.support.scheduling import add_account, local_in, schedule


@pytest.fixture
def engine(store: Store, clock: FakeClock) -> Iterator[Engine]:
    made = Engine(store, clock=clock, settings=EngineSettings(retry=RetryPolicy(max_attempts=3)), rng=random.Random(7))
    yield made
    made.stop()


@pytest.fixture
def notices(ctx: AppContext) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    ctx.hub.notice.connect(lambda kind, text: found.append((kind, text)))
    return found


def _due(store: Store, clock: FakeClock, text: str) -> int:
    due = clock.now + timedelta(minutes=1)
    variant_id = schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now, text=text)
    clock.set(due)
    return variant_id


def _poll(qtbot: QtBot, watcher: FeedWatcher) -> tuple[Changes, object]:
    with qtbot.waitSignal(watcher.ctx.hub.changed, timeout=10_000) as blocker:
        watcher.poll()
    changes, initiator = blocker.args
    return changes, initiator


def test_a_sweep_that_publishes_gives_a_published_notice_and_a_posts_change(
    qtbot: QtBot,
    ctx: AppContext,
    store: Store,
    sandbox: Sandbox,
    engine: Engine,
    clock: FakeClock,
    notices: list[tuple[str, str]],
) -> None:
    add_account(store, sandbox)
    watcher = FeedWatcher(ctx)  # opened before: it reports what happens from now on
    variant_id = _due(store, clock, "Summit opens")
    engine.sweep()

    changes, initiator = _poll(qtbot, watcher)

    assert changes == Changes(posts=True) and initiator is watcher
    url = queries.get_variant(store, variant_id).remote_url
    assert url and [kind for kind, _text in notices] == ["published"]
    assert f"variant {variant_id}" in notices[0][1] and url in notices[0][1]

    with qtbot.waitSignal(ctx.hub.op_finished, timeout=10_000):
        watcher.poll()  # nothing new: no second notice, no change
    assert len(notices) == 1


def test_a_failure_a_retry_and_new_figures_each_reach_the_screens(
    qtbot: QtBot,
    ctx: AppContext,
    store: Store,
    sandbox: Sandbox,
    engine: Engine,
    clock: FakeClock,
    notices: list[tuple[str, str]],
) -> None:
    add_account(store, sandbox)
    watcher = FeedWatcher(ctx)
    sandbox.set_faults("policy:1", times=1, path="/2/tweets", method="POST")
    refused = _due(store, clock, "Summit opens")
    engine.sweep()
    assert _poll(qtbot, watcher)[0] == Changes(posts=True)
    assert notices[-1][0] == "failed" and f"variant {refused}" in notices[-1][1] and "policy" in notices[-1][1]

    sandbox.set_faults("500:1", times=1, path="/2/tweets", method="POST")
    _due(store, clock, "Summit closes")
    engine.sweep()
    assert _poll(qtbot, watcher)[0] == Changes(posts=True)
    assert notices[-1][0] == "retry"

    clock.advance(minutes=1)
    engine.sweep()  # the retry goes out
    clock.advance(minutes=10)
    engine.sweep()  # and its first figures are read
    changes, _ = _poll(qtbot, watcher)
    assert changes == Changes(posts=True, engagement=True)
    assert [kind for kind, _text in notices] == ["failed", "retry", "published"]  # figures bring no notice


def test_a_visible_queue_refreshes_itself_from_the_feed(
    qtbot: QtBot, ctx: AppContext, store: Store, sandbox: Sandbox, engine: Engine, clock: FakeClock
) -> None:
    add_account(store, sandbox)
    page = QueuePage(ctx, zone=ZoneInfo("Europe/London"))
    qtbot.addWidget(page)
    page.show()
    variant_id = _due(store, clock, "Summit opens")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.refresh()
    assert page.model.row_at(0).status.value == "scheduled"
    watcher = FeedWatcher(ctx)
    engine.sweep()

    with qtbot.waitSignal(page.loaded, timeout=10_000):
        watcher.poll()

    assert (page.model.row_at(0).variant_id, page.model.row_at(0).status.value) == (variant_id, "published")


def test_comments_collected_or_read_elsewhere_reach_the_screens_as_a_comments_change(
    qtbot: QtBot, ctx: AppContext, store: Store, press_accounts: dict[str, Account]
) -> None:
    variant = published(store, "東京での首脳会談", "Tokyo (X)")
    changed: list[Changes] = []
    ctx.hub.changed.connect(lambda changes, _initiator: changed.append(changes))
    watcher = FeedWatcher(ctx)

    def poll_quietly() -> None:
        watcher.poll()
        qtbot.waitUntil(lambda: not watcher._polling, timeout=10_000)

    poll_quietly()  # the first reading is where the window starts from: it already shows it
    now = timeutil.now_utc()
    batch = CommentBatch("p", (FetchedComment("c1", "すごい", now, author_name="Reader"),), complete=True)
    [comment] = recording.record_comments(store, variant, batch, now=now).new
    assert _poll(qtbot, watcher)[0] == Changes(comments=True)  # the collector wrote one
    feedback.mark_read(store, [comment], read=True)
    assert _poll(qtbot, watcher)[0] == Changes(comments=True)  # a colleague read it
    poll_quietly()
    assert changed == [Changes(comments=True)] * 2  # nothing new: no change
