"""Best time to post: engagement at 24 hours by weekday and hour in the account's own zone,
against a naive computation; advice withheld on thin history; DST moves the hour."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from core.queries.best_time import MIN_POSTS, best_time
from core.store import Store
from tests.support.engagement_history import (
    START,
    GeneratedVariant,
    add_accounts,
    generate,
    naive_day_score,
    publish,
    read,
)


def _post(store: Store, account_id: int, account: str, zone: str, at: datetime, reactions: int) -> GeneratedVariant:
    variant = GeneratedVariant(0, 0, account_id, account, "x", "de", zone, at, f"at {at:%Y-%m-%d %H:%M}")
    variant.variant_id, variant.post_id = publish(store, account_id, "de", at, variant.text)
    read(store, variant, at + timedelta(hours=2), reactions=reactions // 2)
    read(store, variant, at + timedelta(hours=23), reactions=reactions)
    read(store, variant, at + timedelta(hours=40), reactions=reactions * 10)  # past 24 h: not scored
    return variant


def test_cells_match_a_naive_computation_for_every_account(any_store: Store) -> None:
    history = generate(any_store, seed=21, posts_count=40)
    now = datetime(2027, 4, 5, tzinfo=UTC)
    for name, account_id in history.account_ids.items():
        found = best_time(any_store, account_id, now=now)
        mine = [
            v for v in history.variants if v.account_id == account_id and v.published_at <= now - timedelta(hours=24)
        ]
        cells: dict[tuple[int, int], list[int]] = defaultdict(list)
        for variant in mine:
            score = naive_day_score(variant)
            if score is not None:
                local = variant.published_at.astimezone(ZoneInfo(variant.zone))
                cells[(local.weekday(), local.hour)].append(score)
        assert found.zone == mine[0].zone, name
        assert found.posts == sum(len(s) for s in cells.values())
        assert len(found.cells) == 7 * 24
        for cell in found.cells:
            expected = cells.get((cell.weekday, cell.hour), [])
            assert cell.posts == len(expected)
            assert cell.score == (sum(expected) / len(expected) if expected else None)
        assert found.advice == (found.posts >= MIN_POSTS)
        assert found.basis


def test_advice_is_withheld_on_thin_history_and_young_posts_do_not_count(any_store: Store) -> None:
    ids = add_accounts(any_store)
    monday = datetime(2027, 5, 3, 7, 0, tzinfo=UTC)  # 09:00 in Berlin (CEST)
    for week in range(3):
        _post(any_store, ids["Berlin"], "Berlin", "Europe/Berlin", monday + timedelta(weeks=week), 10 + week)
    now = monday + timedelta(weeks=2, hours=30)
    thin = best_time(any_store, ids["Berlin"], now=now)
    assert (thin.posts, thin.advice, thin.best) == (3, False, ())
    assert thin.reason == f"Only 3 posts of history at least a day old: advice needs {MIN_POSTS}."
    cell = next(c for c in thin.cells if (c.weekday, c.hour) == (0, 9))
    assert (cell.posts, cell.score) == (3, 11.0)  # the readings at 23 h: 10, 11, 12
    assert (
        best_time(any_store, ids["Berlin"], now=monday + timedelta(weeks=2, hours=20)).posts == 2
    )  # the third is too young
    assert (
        best_time(any_store, ids["Tokyo"], now=now).reason
        == f"Only 0 posts of history at least a day old: advice needs {MIN_POSTS}."
    )

    for day in range(MIN_POSTS):  # enough history: Tuesdays at 18:00 do best
        at = datetime(2027, 3, 1, 8, 0, tzinfo=UTC) + timedelta(days=day)
        _post(any_store, ids["Berlin"], "Berlin", "Europe/Berlin", at, 50 if at.weekday() == 1 else 5)
    _post(any_store, ids["Berlin"], "Berlin", "Europe/Berlin", datetime(2027, 3, 2, 17, 0, tzinfo=UTC), 80)
    rich = best_time(any_store, ids["Berlin"], now=now)
    assert rich.advice and rich.reason is None and rich.posts == 3 + MIN_POSTS + 1
    assert [(c.weekday, c.hour, c.score) for c in rich.best[:2]] == [(1, 18, 80.0), (1, 9, 50.0)]
    assert len(rich.best) == 5


def test_a_dst_change_moves_the_hour_in_berlin(any_store: Store) -> None:
    ids = add_accounts(any_store)
    # 08:00 UTC: 09:00 CET on the Monday before the change, 10:00 CEST on the Monday after.
    _post(any_store, ids["Berlin"], "Berlin", "Europe/Berlin", datetime(2027, 3, 22, 8, 0, tzinfo=UTC), 4)
    _post(any_store, ids["Berlin"], "Berlin", "Europe/Berlin", datetime(2027, 3, 29, 8, 0, tzinfo=UTC), 6)
    found = best_time(any_store, ids["Berlin"], now=START + timedelta(days=60))
    used = {(c.weekday, c.hour): c.score for c in found.cells if c.posts}
    assert used == {(0, 9): 4.0, (0, 10): 6.0}
