"""A third-party connector, found through the ``communique.connectors`` entry points, goes through the
real scheduler: publish, reconcile after a lost answer, and metrics polling."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from core import queries, secrets
from core.domain import VariantStatus
from core.services import accounts
from core.store import Store
from core.store.tables import engagement_snapshots, publish_attempts
from scheduler.events import Event, EventKind
from tests.support.fake_clock import FakeClock
from tests.support.plugins import plugin_installed
from tests.support.scheduling import EngineMaker, local_in, schedule

plugin = pytest.fixture(plugin_installed, name="plugin")


def _echo(plugin: Path) -> Any:
    import communique_echo  # type: ignore[import-not-found]

    communique_echo.PUBLISHED.clear()
    communique_echo.LOSE_ANSWERS = 0
    return communique_echo


def _echo_variant(store: Store, clock: FakeClock, text: str) -> int:
    """An account of the plugin's platform, with its credential in the keyring, and a post due in a minute."""
    accounts.add_account(
        store, name="Echo desk", platform="echo", language="en", timezone="Europe/Berlin", external_id="echo-1"
    )
    secrets.store_secret("echo", "Echo desk", "token", "echo-token-0123456789")
    return schedule(
        store, "Echo desk", local_in("Europe/Berlin", clock.now + timedelta(minutes=1)), clock.now, text=text
    )


def _snapshots(store: Store) -> list[tuple[int, int | None, bool]]:
    with store.read() as conn:
        rows = conn.execute(
            select(
                engagement_snapshots.c.variant_id, engagement_snapshots.c.reactions, engagement_snapshots.c.partial
            ).order_by(engagement_snapshots.c.id)
        ).all()
    return [(r.variant_id, r.reactions, r.partial) for r in rows]


def _outcomes(store: Store, variant_id: int) -> list[str]:
    with store.read() as conn:
        rows = conn.execute(
            select(publish_attempts.c.outcome)
            .where(publish_attempts.c.variant_id == variant_id)
            .order_by(publish_attempts.c.id)
        ).all()
    return [r.outcome for r in rows]


def test_a_plugin_platform_publishes_and_is_polled_through_the_scheduler(
    plugin: Path, store: Store, make_engine: EngineMaker, clock: FakeClock, events: list[Event]
) -> None:
    echo = _echo(plugin)
    variant_id = _echo_variant(store, clock, "Through the scheduler")
    engine = make_engine()
    clock.advance(minutes=1)
    engine.sweep()

    variant = queries.get_variant(store, variant_id)
    assert variant.status is VariantStatus.PUBLISHED
    assert (variant.remote_id, variant.remote_url) == ("1", "echo://1")
    assert echo.PUBLISHED == [("Echo desk", "Through the scheduler")]
    assert _outcomes(store, variant_id) == ["published"]

    wake = engine.next_wake()
    assert wake is not None and wake <= clock.now + timedelta(minutes=10)
    clock.set(wake)
    engine.sweep()
    assert _snapshots(store) == [(variant_id, len("Through the scheduler"), False)]  # the plugin's own count
    assert [e.kind for e in events] == [EventKind.PUBLISHED, EventKind.METRICS_UPDATED]

    echo.PUBLISHED[0] = ("Echo desk", "")  # deleted on the platform: the plugin reports the post missing
    clock.set(engine.next_wake() or clock.now)
    engine.sweep()
    assert len(_snapshots(store)) == 1  # no snapshot of empty counts
    gone = queries.get_variant(store, variant_id)
    assert gone.status is VariantStatus.PUBLISHED and (gone.last_error or "").startswith("Metrics failing")


def test_a_lost_answer_is_reconciled_through_the_plugins_find_published(
    plugin: Path, store: Store, make_engine: EngineMaker, clock: FakeClock
) -> None:
    echo = _echo(plugin)
    echo.LOSE_ANSWERS = 1  # the post is made, the answer never comes back
    variant_id = _echo_variant(store, clock, "Said once")
    engine = make_engine()
    clock.advance(minutes=1)
    engine.sweep()
    assert queries.get_variant(store, variant_id).status is VariantStatus.SCHEDULED  # a retry is due

    clock.advance(minutes=2)
    engine.sweep()
    variant = queries.get_variant(store, variant_id)
    assert variant.status is VariantStatus.PUBLISHED and variant.remote_id == "1"
    assert echo.PUBLISHED == [("Echo desk", "Said once")]  # looked up, not sent again
    assert _outcomes(store, variant_id) == ["retry", "reconciled"]
