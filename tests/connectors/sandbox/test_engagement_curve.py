"""The emulator's engagement: a plausible curve over time, by post, and by the audience's local hour."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from connectors.sandbox.state import SHARED_AUDIENCES, PostRecord, SandboxState
from tests.support.engagement_curve import WEDNESDAY, twin_ids

# WEDNESDAY: 00:00 UTC is 09:00 in Tokyo and 01:00 in Berlin; 18:00 UTC is 03:00 (Thursday) in
# Tokyo and 19:00 in Berlin.
OWNER = "100000000000777"


def reading(published: datetime, age: timedelta, zone: str, post_id: str = "1000000000000001") -> dict[str, int]:
    """The counts of ``post_id``, published at ``published`` for an audience in ``zone``, at ``age``."""
    state = SandboxState()
    state.set_audience_zone(OWNER, zone)
    state.set_time(published.timestamp())
    record = state.add_post(PostRecord("x", post_id, OWNER, "hello", published.timestamp()))
    state.advance(age.total_seconds())
    return state.engagement(record)


def test_counts_are_integers_that_never_decrease_as_the_clock_advances() -> None:
    state = SandboxState()
    state.set_time(WEDNESDAY.timestamp())
    record = state.add_post(PostRecord("x", "1000000000000042", OWNER, "hello", state.now()))
    previous = state.engagement(record)
    assert previous["impressions"] == 0
    for step in [1, 59, 300, 600, 1800, 3600, 7200, 5, 86400, 3 * 86400, 7 * 86400]:
        state.advance(step)
        now = state.engagement(record)
        assert all(isinstance(value, int) for value in now.values())
        assert all(now[name] >= previous[name] for name in now), (step, previous, now)
        previous = now
    assert previous["impressions"] > 1000 and previous["likes"] > 0 and previous["clicks"] > 0


def test_counts_keep_plausible_ratios_to_impressions_and_rates_differ_between_posts() -> None:
    rates = set()
    for number in range(20):
        counts = reading(WEDNESDAY + timedelta(hours=8), timedelta(days=2), "UTC", str(10**15 + number))
        seen = counts["impressions"]
        assert seen > 1000
        assert seen / 25 * 0.5 <= counts["likes"] <= seen / 25 * 1.7  # about one like in 25 views
        assert counts["likes"] > counts["clicks"] > counts["reposts"] > counts["replies"] > 0
        assert 0 < counts["unique_views"] < seen
        rates.add(round(counts["likes"] / seen, 3))
    assert len(rates) > 5  # some posts get more reactions per view than others


def test_growth_is_fast_in_the_first_hours_then_saturates() -> None:
    at = WEDNESDAY + timedelta(hours=8)

    def seen(hours: float) -> int:
        return reading(at, timedelta(hours=hours), "UTC")["impressions"]

    first_two_hours = seen(2) - seen(0)
    a_day_later = seen(26) - seen(24)
    last_four_days = seen(7 * 24) - seen(3 * 24)
    assert first_two_hours > 10 * a_day_later > 0
    assert seen(24) > 0.8 * seen(7 * 24)  # most of the reach comes on the first day
    assert last_four_days < 0.2 * seen(24)


def test_a_post_at_a_local_morning_hour_gets_more_than_the_same_post_at_3_am() -> None:
    morning = datetime(2026, 3, 4, 8, 30, tzinfo=UTC)  # 09:30 in Berlin (winter time)
    night = datetime(2026, 3, 4, 2, 0, tzinfo=UTC)  # 03:00 in Berlin
    for age in (timedelta(hours=1), timedelta(days=2)):
        good = reading(morning, age, "Europe/Berlin")
        bad = reading(night, age, "Europe/Berlin")
        assert good["impressions"] > 3 * bad["impressions"] > 0
        assert good["likes"] > bad["likes"]


def test_the_audience_zone_decides_which_hour_is_good() -> None:
    tokyo_morning = WEDNESDAY  # 09:00 in Tokyo, 01:00 in Berlin
    berlin_evening = WEDNESDAY + timedelta(hours=18)  # 03:00 in Tokyo, 19:00 in Berlin
    age = timedelta(hours=6)

    def seen(at: datetime, zone: str) -> int:
        return reading(at, age, zone)["impressions"]

    assert seen(tokyo_morning, "Asia/Tokyo") > 3 * seen(tokyo_morning, "Europe/Berlin") > 0
    assert seen(berlin_evening, "Europe/Berlin") > 3 * seen(berlin_evening, "Asia/Tokyo") > 0


def test_popularity_is_stable_per_post_and_differs_between_posts() -> None:
    at, age = WEDNESDAY + timedelta(hours=8), timedelta(hours=5)
    assert reading(at, age, "UTC", "1000000000000001") == reading(at, age, "UTC", "1000000000000001")
    values = {reading(at, age, "UTC", str(10**15 + n))["impressions"] for n in range(20)}
    assert len(values) > 5


def test_a_post_keeps_the_zone_its_audience_had_when_it_was_published() -> None:
    first, second = twin_ids()
    state = SandboxState()
    state.set_time(WEDNESDAY.timestamp())  # 09:00 in Tokyo, 01:00 in Berlin
    state.set_audience_zone(OWNER, "Asia/Tokyo")
    in_tokyo = state.add_post(PostRecord("x", first, OWNER, "one", state.now()))
    state.set_audience_zone(OWNER, "Europe/Berlin")
    in_berlin = state.add_post(PostRecord("x", second, OWNER, "two", state.now()))
    state.advance(6 * 3600)
    assert state.engagement(in_tokyo)["impressions"] > 3 * state.engagement(in_berlin)["impressions"]
    assert state.audience_zone(OWNER) == "Europe/Berlin"
    assert state.audience_zone("someone else") == "UTC"


def test_unknown_zones_are_refused_and_a_reset_forgets_the_zones() -> None:
    state = SandboxState()
    with pytest.raises(ValueError, match="Mars/Olympus"):
        state.set_audience_zone(OWNER, "Mars/Olympus")
    state.set_audience_zone(OWNER, "Asia/Tokyo")
    state.reset()
    assert state.audience_zone(OWNER) == "UTC"


def test_zones_shared_by_the_process_serve_every_emulator_not_told_otherwise() -> None:
    try:
        SHARED_AUDIENCES.set(OWNER, "Asia/Tokyo")
        state = SandboxState()
        assert state.audience_zone(OWNER) == "Asia/Tokyo"
        state.set_audience_zone(OWNER, "Europe/Kyiv")
        assert state.audience_zone(OWNER) == "Europe/Kyiv"
    finally:
        SHARED_AUDIENCES.clear()
