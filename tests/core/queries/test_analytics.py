"""Engagement analytics over a generated history, each aggregate against a naive computation on
the same readings: totals, groups, growth per period in several zones, rankings, comparisons."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

from core.queries import analytics
from core.queries.analytics import Scope
from core.store import Store
from tests.support.engagement_history import (
    ACCOUNTS,
    METRICS,
    START,
    GeneratedVariant,
    History,
    add_accounts,
    figures_tuple,
    generate,
    in_scope,
    local_midnight,
    naive_figures,
    naive_growth,
    publish,
    read,
)

PLATFORM = {name: platform for name, platform, _language, _zone in ACCOUNTS}


def _scopes(history: History) -> list[Scope]:
    ids = history.account_ids
    return [
        Scope(START - timedelta(days=1), START + timedelta(days=60)),  # everything, all read
        # Ends mid-history at an odd minute: some variants were read again after it.
        Scope(
            START + timedelta(days=3, hours=5),
            START + timedelta(days=21, minutes=17),
            account_ids=(ids["Tokyo"], ids["Kyiv"]),
        ),
        Scope(START, START + timedelta(days=30), languages=("de", "en")),
        Scope(START, START + timedelta(days=30, hours=12), platforms=("facebook",)),
    ]


def _naive_groups(chosen: list[GeneratedVariant], by: str) -> dict[object, list[GeneratedVariant]]:
    key = {
        "variant": lambda v: v.variant_id,
        "post": lambda v: v.post_id,
        "account": lambda v: v.account_id,
        "language": lambda v: v.language,
        "platform": lambda v: PLATFORM[v.account],
    }[by]
    groups: dict[object, list[GeneratedVariant]] = defaultdict(list)
    for variant in chosen:
        groups[key(variant)].append(variant)
    return groups


def test_totals_and_groups_match_a_naive_computation(any_store: Store) -> None:
    history = generate(any_store, seed=7, posts_count=30)
    for scope in _scopes(history):
        chosen = in_scope(history, scope)
        assert chosen, scope
        expected = naive_figures(chosen, scope.until)
        assert figures_tuple(analytics.summary(any_store, scope)) == figures_tuple(expected)
        for by in ("variant", "post", "account", "language", "platform"):
            rows = analytics.breakdown(any_store, scope, by)  # type: ignore[arg-type]
            naive = {key: naive_figures(group, scope.until) for key, group in _naive_groups(chosen, by).items()}
            assert {row.key: figures_tuple(row.figures) for row in rows} == {
                k: figures_tuple(f) for k, f in naive.items()
            }
            engaged = [row.figures.engagements for row in rows]
            assert engaged == sorted(engaged, reverse=True)
    by_account = analytics.breakdown(any_store, _scopes(history)[0], "account")
    names = {account_id: name for name, account_id in history.account_ids.items()}
    assert {row.label for row in by_account} == {names[int(row.key)] for row in by_account}
    assert {row.label for row in analytics.breakdown(any_store, _scopes(history)[0], "platform")} == {"x", "facebook"}


def test_growth_per_period_matches_a_naive_computation(any_store: Store) -> None:
    history = generate(any_store, seed=7, posts_count=30)
    # Kolkata's midnight is not on a UTC hour: its periods are computed from the raw readings.
    for zone in ("UTC", "Asia/Tokyo", "Europe/Berlin", "Asia/Kolkata"):
        _check_growth(any_store, history, zone)


def _check_growth(store: Store, history: History, zone: str) -> None:
    scopes = [
        # Local midnights, up to an instant in the middle of an hour; over the spring DST change.
        Scope(local_midnight(date(2027, 3, 2), zone), START + timedelta(days=27, hours=3, minutes=41)),
        Scope(local_midnight(date(2027, 3, 9), zone), local_midnight(date(2027, 3, 30), zone), languages=("ja", "uk")),
        Scope(START + timedelta(hours=7), START + timedelta(days=45)),  # not on a local midnight at all
    ]
    for scope in scopes:
        summary = analytics.summary(store, scope)
        for by in ("day", "week", "month"):
            rows = analytics.breakdown(store, scope, by, zone=zone)  # type: ignore[arg-type]
            naive = naive_growth(history, scope, by, zone)
            assert [row.key for row in rows] == [n[0] for n in naive]
            assert [row.label for row in rows] == [n[0] for n in naive]
            for row, (_day, gained, engaged, posted, was_read) in zip(rows, naive, strict=True):
                got = {m: getattr(row.figures, m) for m in METRICS}
                assert got == {m: None if getattr(summary, m) is None else gained[m] for m in METRICS}, row.key
                assert (row.figures.engagements, row.figures.posts, row.figures.read) == (engaged, posted, was_read)
            # Every reading of the scope's variants falls in some period: the periods add up to the totals.
            if scope.since <= min(v.published_at for v in in_scope(history, scope)):
                assert sum(row.figures.engagements for row in rows) == summary.engagements
                assert sum(row.figures.posts for row in rows) == summary.posts


def test_a_post_at_2330_utc_counts_on_the_next_day_in_tokyo(any_store: Store) -> None:
    ids = add_accounts(any_store)
    late = GeneratedVariant(
        0, 0, ids["Tokyo"], "Tokyo", "x", "ja", "Asia/Tokyo", datetime(2027, 3, 10, 23, 30, tzinfo=UTC), "夜"
    )
    late.variant_id, late.post_id = publish(any_store, late.account_id, "ja", late.published_at, late.text)
    read(any_store, late, datetime(2027, 3, 10, 23, 45, tzinfo=UTC), reactions=5, impressions=50)
    read(any_store, late, datetime(2027, 3, 11, 2, 0, tzinfo=UTC), reactions=8, impressions=90)
    scope = Scope(datetime(2027, 3, 9, tzinfo=UTC), datetime(2027, 3, 13, tzinfo=UTC))

    def days(zone: str) -> dict[object, tuple[int | None, int]]:
        rows = analytics.breakdown(any_store, scope, "day", zone=zone)
        return {
            row.key: (row.figures.reactions, row.figures.posts)
            for row in rows
            if row.figures.reactions or row.figures.posts
        }

    assert days("UTC") == {"2027-03-10": (5, 1), "2027-03-11": (3, 0)}
    assert days("Asia/Tokyo") == {"2027-03-11": (8, 1)}  # 08:30 and 08:45, 11:00 on the 11th in Tokyo


def test_the_spring_dst_change_moves_the_day_boundary_in_berlin(any_store: Store) -> None:
    ids = add_accounts(any_store)
    variant = GeneratedVariant(
        0,
        0,
        ids["Berlin"],
        "Berlin",
        "facebook",
        "de",
        "Europe/Berlin",
        datetime(2027, 3, 27, 12, 0, tzinfo=UTC),
        "Hallo",
    )
    variant.variant_id, variant.post_id = publish(
        any_store, variant.account_id, "de", variant.published_at, variant.text
    )
    read(any_store, variant, datetime(2027, 3, 27, 22, 30, tzinfo=UTC), reactions=1)  # 23:30 CET, the 27th
    read(any_store, variant, datetime(2027, 3, 27, 23, 30, tzinfo=UTC), reactions=3)  # 00:30 CET, the 28th
    read(any_store, variant, datetime(2027, 3, 28, 22, 30, tzinfo=UTC), reactions=7)  # 00:30 CEST, the 29th
    scope = Scope(datetime(2027, 3, 26, tzinfo=UTC), datetime(2027, 3, 31, tzinfo=UTC))
    rows = analytics.breakdown(any_store, scope, "day", zone="Europe/Berlin")
    gained = {row.key: row.figures.reactions for row in rows}
    # The scope's end (midnight UTC) is 02:00 on the 31st in Berlin: that day is there too.
    assert gained == {
        "2027-03-26": 0,
        "2027-03-27": 1,
        "2027-03-28": 2,
        "2027-03-29": 4,
        "2027-03-30": 0,
        "2027-03-31": 0,
    }
    # In UTC the last reading falls on the 28th.
    assert {r.key: r.figures.reactions for r in analytics.breakdown(any_store, scope, "day")}["2027-03-28"] == 4


def test_a_figure_never_reported_stays_none_and_the_rate_needs_impressions(any_store: Store) -> None:
    ids = add_accounts(any_store)
    kyiv = GeneratedVariant(
        0, 0, ids["Kyiv"], "Kyiv", "facebook", "uk", "Europe/Kyiv", START + timedelta(hours=1), "Привіт"
    )
    kyiv.variant_id, kyiv.post_id = publish(any_store, kyiv.account_id, "uk", kyiv.published_at, kyiv.text)
    unread_id, _post = publish(any_store, ids["Kyiv"], "uk", START + timedelta(hours=2), "Ще")
    read(any_store, kyiv, START + timedelta(hours=3), reactions=4, shares=1)
    scope = Scope(START, START + timedelta(days=2))
    summary = analytics.summary(any_store, scope)
    assert (summary.posts, summary.read, summary.reactions, summary.shares) == (2, 1, 4, 1)
    assert (summary.replies, summary.impressions, summary.clicks, summary.rate, summary.engagements) == (
        None,
        None,
        None,
        None,
        5,
    )
    for row in analytics.breakdown(any_store, scope, "day"):
        assert (row.figures.clicks, row.figures.impressions, row.figures.rate) == (None, None, None)
    assert [v.variant_id for v in analytics.ranked(any_store, scope)] == [kyiv.variant_id]  # the unread one is left out
    assert analytics.ranked(any_store, scope, by="rate") == []
    assert [v.variant_id for v in analytics.variants(any_store, scope)] == [unread_id, kyiv.variant_id]


def test_rankings_match_a_naive_ordering(any_store: Store) -> None:
    history = generate(any_store, seed=9, posts_count=24)
    scope = Scope(START, START + timedelta(days=25, minutes=5))
    chosen = [v for v in in_scope(history, scope) if any(r.captured_at < scope.until for r in v.readings)]
    for by in ("engagements", "reactions", "impressions", "clicks", "rate"):
        values: list[tuple[float, int]] = []
        for variant in chosen:
            figures = naive_figures([variant], scope.until)
            value = getattr(figures, by)
            if value is not None:
                values.append((value, variant.variant_id))
        top = sorted(values, key=lambda pair: (-pair[0], pair[1]))[:5]
        bottom = sorted(values, key=lambda pair: (pair[0], pair[1]))[:5]
        assert [v.variant_id for v in analytics.ranked(any_store, scope, by=by, limit=5)] == [p[1] for p in top], by  # type: ignore[arg-type]
        worst = analytics.ranked(any_store, scope, by=by, limit=5, worst=True)  # type: ignore[arg-type]
        assert [v.variant_id for v in worst] == [p[1] for p in bottom], by


def test_a_post_compared_across_its_accounts_and_the_dashboard_table(any_store: Store) -> None:
    history = generate(any_store, seed=7, posts_count=20)
    by_post: dict[int, list[GeneratedVariant]] = defaultdict(list)
    for variant in history.variants:
        by_post[variant.post_id].append(variant)
    post_id, group = max(by_post.items(), key=lambda item: len(item[1]))
    assert len(group) > 1
    compared = analytics.compare_post(any_store, post_id)
    assert {v.variant_id for v in compared} == {v.variant_id for v in group}
    assert [v.figures.engagements for v in compared] == sorted((v.figures.engagements for v in compared), reverse=True)
    for found in compared:
        original = next(v for v in group if v.variant_id == found.variant_id)
        assert figures_tuple(found.figures) == figures_tuple(naive_figures([original], None))
        assert (found.account_name, found.language, found.platform) == (
            original.account,
            original.language,
            original.platform,
        )

    scope = Scope(START, START + timedelta(days=20))
    table = analytics.variants(any_store, scope)
    chosen = sorted(in_scope(history, scope), key=lambda v: (v.published_at, v.variant_id), reverse=True)
    assert [v.variant_id for v in table] == [v.variant_id for v in chosen]
    assert all(v.figures.posts == 1 for v in table)
    assert [figures_tuple(v.figures) for v in table] == [figures_tuple(naive_figures([v], scope.until)) for v in chosen]
