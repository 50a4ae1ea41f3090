"""The engagement rollup: kept by every new snapshot, equal to a recomputation from the raw
snapshots (readings out of order, partial, falling), and backfilled by migration 0006."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from core.services import engagement
from core.store import Store, open_store
from core.store.engine import new_id
from core.store.migrate import head_revision, upgrade
from core.store.tables import accounts, engagement_hourly, engagement_latest, engagement_snapshots
from tests.support.engagement_history import (
    ACCOUNTS,
    ENGAGING,
    METRICS,
    START,
    add_accounts,
    generate,
    naive_day_score,
    publish,
    read,
    value_at,
)


def _rollup(store: Store) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    with store.read() as conn:
        latest = conn.execute(select(engagement_latest).order_by(engagement_latest.c.variant_id)).all()
        hourly = conn.execute(
            select(engagement_hourly).order_by(
                engagement_hourly.c.published_day,
                engagement_hourly.c.account_id,
                engagement_hourly.c.language,
                engagement_hourly.c.hour,
            )
        ).all()
    return [tuple(r) for r in latest], [tuple(r) for r in hourly]


def test_the_rollup_equals_a_recomputation_after_readings_arrive_out_of_order(any_store: Store) -> None:
    history = generate(any_store, seed=11, posts_count=20)
    kept = _rollup(any_store)
    assert kept[0] and kept[1]
    # New readings of read variants, each older than the newest one already there.
    rng = random.Random(3)
    for variant in rng.sample([v for v in history.variants if len(v.readings) >= 2], k=6):
        newest = max(r.captured_at for r in variant.readings)
        older = newest - timedelta(minutes=rng.randrange(1, 600))
        read(
            any_store,
            variant,
            older,
            reactions=rng.randint(0, 99),
            shares=None,
            replies=3,
            impressions=rng.randint(0, 900),
            clicks=1,
        )
    after = _rollup(any_store)
    assert after != kept
    report = engagement.rebuild_rollup(any_store)
    assert _rollup(any_store) == after
    assert report.snapshots == sum(len(v.readings) for v in history.variants)

    # And the rows say what the naive definitions say.
    with any_store.read() as conn:
        latest = {r.variant_id: r for r in conn.execute(select(engagement_latest))}
    for variant in history.variants:
        if not variant.readings:
            assert variant.variant_id not in latest
            continue
        row = latest[variant.variant_id]
        assert tuple(row._mapping[m] for m in METRICS) == tuple(value_at(variant, m, None) for m in METRICS)
        assert row.readings == len(variant.readings)
        assert row.day_engagements == naive_day_score(variant)


def test_hourly_gains_add_up_to_each_variants_latest_figures(any_store: Store) -> None:
    history = generate(any_store, seed=5, posts_count=12)
    with any_store.read() as conn:
        sums = conn.execute(select(*(engagement_hourly.c[m] for m in METRICS))).all()
    for index, metric in enumerate(METRICS):
        expected = sum(value_at(v, metric, None) or 0 for v in history.variants)
        assert sum(row[index] for row in sums) == expected, metric


def test_a_partial_reading_keeps_earlier_figures_and_a_late_old_one_changes_only_its_hour(any_store: Store) -> None:
    ids = add_accounts(any_store)
    published = datetime(2027, 5, 3, 8, 0, tzinfo=UTC)
    variant_id, _post = publish(any_store, ids["Tokyo"], "ja", published, "会議")
    with any_store.write() as conn:
        engagement.record_snapshot(conn, variant_id, published + timedelta(hours=1), reactions=10, impressions=100)
        engagement.record_snapshot(conn, variant_id, published + timedelta(hours=3), reactions=None, impressions=300)
    with any_store.read() as conn:
        row = conn.execute(select(engagement_latest)).one()
        hours = {r.hour: (r.reactions, r.impressions) for r in conn.execute(select(engagement_hourly))}
    assert (row.reactions, row.impressions, row.partial, row.readings) == (10, 300, False, 2)
    assert hours == {published + timedelta(hours=1): (10, 100), published + timedelta(hours=3): (0, 200)}
    # A reading taken at 02:00 arrives last: hour 2 gains, hour 3 gains less, the total is the same.
    with any_store.write() as conn:
        engagement.record_snapshot(conn, variant_id, published + timedelta(hours=2), reactions=12, impressions=250)
    with any_store.read() as conn:
        hours = {r.hour: (r.reactions, r.impressions) for r in conn.execute(select(engagement_hourly))}
        row = conn.execute(select(engagement_latest)).one()
    assert hours == {
        published + timedelta(hours=1): (10, 100),
        published + timedelta(hours=2): (2, 150),
        published + timedelta(hours=3): (0, 50),
    }
    assert (row.reactions, row.impressions, row.readings) == (12, 300, 3)


def test_snapshots_written_around_the_service_are_picked_up_by_a_rebuild(any_store: Store) -> None:
    ids = add_accounts(any_store)
    variant_id, _post = publish(any_store, ids["Berlin"], "de", START, "Hallo")
    with any_store.write() as conn:
        for hour, reactions in ((5, 7), (2, 3)):
            conn.execute(
                engagement_snapshots.insert().values(
                    variant_id=variant_id, captured_at=START + timedelta(hours=hour), reactions=reactions, metrics={}
                )
            )
    assert _rollup(any_store) == ([], [])
    report = engagement.rebuild_rollup(any_store)
    assert (report.snapshots, report.variants, report.hours) == (2, 1, 2)
    latest, hourly = _rollup(any_store)
    assert latest[0][4] == 7 and [row[4] for row in hourly] == [3, 4]


def test_a_reading_of_an_unknown_variant_is_refused(any_store: Store) -> None:
    from core.errors import NotFoundError

    with pytest.raises(NotFoundError), any_store.write() as conn:
        engagement.record_snapshot(conn, 999, START, reactions=1)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def bare_store(request: pytest.FixtureRequest, isolated_home: object) -> Store:
    url = request.getfixturevalue("postgres_url") if request.param == "postgresql" else None
    store = open_store(url, migrate=False)
    request.addfinalizer(store.dispose)
    return store


def _accounts_as_of_0005(store: Store) -> dict[str, int]:
    """The accounts of :data:`ACCOUNTS`, written with the columns revision 0005 has (the services
    read the newest schema)."""
    with store.write() as conn:
        return {
            name: new_id(
                conn.execute(
                    accounts.insert().values(
                        name=name,
                        platform=platform,
                        language=language,
                        timezone=zone,
                        created_at=START,
                        updated_at=START,
                    )
                )
            )
            for name, platform, language, zone in ACCOUNTS
        }


def test_the_migration_backfills_the_rollup_from_existing_snapshots(bare_store: Store) -> None:
    upgrade(bare_store, "0005")
    ids = _accounts_as_of_0005(bare_store)
    published = datetime(2027, 2, 1, 9, 0, tzinfo=UTC)
    variant_id, _post = publish(bare_store, ids["Tokyo"], "ja", published, "速報")
    readings = [(3, 40, 4000, None), (1, 10, 1000, 2), (2, None, 2500, 5)]  # hours after publishing, out of order
    with bare_store.write() as conn:
        for hour, reactions, impressions, clicks in readings:
            conn.execute(
                engagement_snapshots.insert().values(
                    variant_id=variant_id,
                    captured_at=published + timedelta(hours=hour),
                    reactions=reactions,
                    impressions=impressions,
                    clicks=clicks,
                    metrics={},
                )
            )
    upgrade(bare_store)
    from core.store.migrate import current_revision

    assert current_revision(bare_store) == head_revision()
    with bare_store.read() as conn:
        row = conn.execute(select(engagement_latest)).one()
        hours = conn.execute(select(engagement_hourly).order_by(engagement_hourly.c.hour)).all()
    assert (row.variant_id, row.reactions, row.impressions, row.clicks, row.readings) == (variant_id, 40, 4000, 5, 3)
    assert row.day_engagements == 45
    assert [(h.reactions, h.impressions, h.clicks, h.rated_engagements) for h in hours] == [
        (10, 1000, 2, 12),
        (0, 1500, 3, 3),
        (30, 1500, 0, 30),
    ]
    assert sum(sum(h._mapping[m] for m in ENGAGING) for h in hours) == 45
