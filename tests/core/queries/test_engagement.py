"""Engagement reads: a variant's series, and the latest figures of every published variant."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core import queries
from core.queries import engagement
from core.services import accounts, posts
from core.store import Store
from core.store.tables import engagement_snapshots, variants

NOW = datetime(2027, 1, 15, 12, 0, tzinfo=UTC)


def _published(store: Store, account: str, text: str, at: datetime) -> int:
    variant_id = posts.create_post(store, text=text, accounts=[account], now=NOW).variants[0].id
    with store.write() as conn:
        conn.execute(
            variants.update()
            .where(variants.c.id == variant_id)
            .values(
                status="published", published_at=at, remote_id=str(variant_id), remote_url=f"https://x/{variant_id}"
            )
        )
    return variant_id


def _snapshot(store: Store, variant_id: int, at: datetime, **figures: int | None) -> None:
    with store.write() as conn:
        conn.execute(engagement_snapshots.insert().values(variant_id=variant_id, captured_at=at, metrics={}, **figures))


def test_series_and_latest_figures(store: Store) -> None:
    accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    accounts.add_account(store, name="Kyiv", platform="x", language="uk", timezone="Europe/Kyiv")
    tokyo = _published(store, "Tokyo", "会議", NOW)
    kyiv = _published(store, "Kyiv", "Зустріч", NOW + timedelta(hours=1))
    draft = posts.create_post(store, text="草稿", accounts=["Tokyo"], now=NOW).variants[0].id
    _snapshot(store, tokyo, NOW + timedelta(hours=2), reactions=5, impressions=100)
    _snapshot(store, tokyo, NOW + timedelta(hours=1), reactions=2, impressions=None)  # stored later, taken earlier
    _snapshot(store, tokyo, NOW + timedelta(hours=3), reactions=9, impressions=180, shares=1)

    series = engagement.series(store, tokyo)
    assert [(s.reactions, s.impressions) for s in series] == [(2, None), (5, 100), (9, 180)]

    rows = engagement.published(store)
    assert [r.variant_id for r in rows] == [kyiv, tokyo]  # newest first; the draft is not there
    assert draft not in {r.variant_id for r in rows}
    by_id = {r.variant_id: r for r in rows}
    assert by_id[kyiv].latest is None  # not polled yet: no figures, not zeros
    latest = by_id[tokyo].latest
    assert latest is not None and (latest.reactions, latest.shares, latest.impressions) == (9, 1, 180)
    assert (by_id[tokyo].account_name, by_id[tokyo].language) == ("Tokyo", "ja")

    tokyo_id = queries.get_account(store, "Tokyo").id
    assert [r.variant_id for r in engagement.published(store, account_ids=[tokyo_id])] == [tokyo]
    assert [r.variant_id for r in engagement.published(store, languages=["uk"])] == [kyiv]
    assert [r.variant_id for r in engagement.published(store, since=NOW + timedelta(minutes=30))] == [kyiv]
    assert [r.variant_id for r in engagement.published(store, until=NOW + timedelta(minutes=30))] == [tokyo]
