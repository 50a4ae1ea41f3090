"""The poller writes each reading through the engagement service: the rollup follows the polls."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from connectors.sandbox import Sandbox
from core.services import engagement
from core.store import Store
from core.store.tables import engagement_hourly, engagement_latest, engagement_snapshots
from tests.support.fake_clock import FakeClock
from tests.support.scheduling import EngineMaker, add_account, local_in, schedule


def test_polled_readings_reach_the_rollup(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox)
    due = clock.now + timedelta(minutes=1)
    variant_id = schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now)
    engine = make_engine()
    clock.set(due)
    engine.sweep()
    for minutes in (10, 20, 90):
        sandbox.advance(600)
        clock.set(due + timedelta(minutes=minutes))
        engine.sweep()
    with store.read() as conn:
        snapshots = conn.execute(select(engagement_snapshots).order_by(engagement_snapshots.c.captured_at.desc())).all()
        latest = conn.execute(select(engagement_latest)).one()
        hourly = conn.execute(select(engagement_hourly)).all()
    assert len(snapshots) == 3
    assert (latest.variant_id, latest.snapshot_id, latest.readings) == (variant_id, snapshots[0].id, 3)
    assert (latest.impressions, latest.reactions) == (snapshots[0].impressions, snapshots[0].reactions)
    assert sum(row.impressions for row in hourly) == snapshots[0].impressions > 0
    kept = ([tuple(latest)], sorted(tuple(r) for r in hourly))
    engagement.rebuild_rollup(store)
    with store.read() as conn:
        rebuilt = (
            [tuple(r) for r in conn.execute(select(engagement_latest))],
            sorted(tuple(r) for r in conn.execute(select(engagement_hourly))),
        )
    assert rebuilt == kept
