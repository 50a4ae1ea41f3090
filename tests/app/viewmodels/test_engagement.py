"""The Engagement screen without Qt: periods on the officer's clock, filters to scopes, growth, chart points."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.viewmodels import engagement as vm
from app.viewmodels.engagement import ExportKind, Filters, Preset, Trend
from core.errors import UserError
from core.queries.analytics import Figures, Row
from core.queries.best_time import BestTime, Cell
from core.queries.engagement import Snapshot

TOKYO = ZoneInfo("Asia/Tokyo")
BERLIN = ZoneInfo("Europe/Berlin")


def _figures(
    posts: int = 2, reactions: int | None = 10, impressions: int | None = 400, rate: float | None = 0.05
) -> Figures:
    return Figures(
        posts=posts,
        read=posts,
        reactions=reactions,
        shares=3,
        replies=None,
        impressions=impressions,
        clicks=7,
        engagements=20,
        rate=rate,
    )


def test_the_last_days_end_at_tomorrows_midnight_on_the_officers_clock() -> None:
    scope = Filters(Preset.LAST_7_DAYS).scope(date(2027, 1, 15), TOKYO)
    assert scope.since == datetime(2027, 1, 8, 15, tzinfo=UTC)  # 2027-01-09 00:00 in Tokyo
    assert scope.until == datetime(2027, 1, 15, 15, tzinfo=UTC)  # 2027-01-16 00:00 in Tokyo
    assert scope.previous().since == datetime(2027, 1, 1, 15, tzinfo=UTC)
    thirty = Filters(Preset.LAST_30_DAYS).scope(date(2027, 1, 15), TOKYO)
    ninety = Filters(Preset.LAST_90_DAYS).scope(date(2027, 1, 15), TOKYO)
    assert (thirty.until - thirty.since).days == 30 and (ninety.until - ninety.since).days == 90


def test_a_period_across_a_dst_change_keeps_whole_days() -> None:
    scope = Filters(Preset.CUSTOM, date(2027, 3, 27), date(2027, 3, 28)).scope(date(2027, 4, 1), BERLIN)
    assert scope.since == datetime(2027, 3, 26, 23, tzinfo=UTC)  # CET
    assert scope.until == datetime(2027, 3, 28, 22, tzinfo=UTC)  # CEST: the day of the change has 23 hours


def test_this_quarter_runs_from_its_first_day_to_today() -> None:
    assert vm.period_days(Preset.THIS_QUARTER, date(2027, 5, 20)) == (date(2027, 4, 1), date(2027, 5, 20))
    assert vm.quarter_start(date(2027, 12, 31)) == date(2027, 10, 1)
    assert vm.quarter_start(date(2027, 1, 1)) == date(2027, 1, 1)


def test_custom_dates_need_both_ends_in_order() -> None:
    with pytest.raises(UserError, match="ends before it begins"):
        vm.period_days(Preset.CUSTOM, date(2027, 1, 15), date(2027, 1, 10), date(2027, 1, 9))
    with pytest.raises(UserError, match="both dates"):
        vm.period_days(Preset.CUSTOM, date(2027, 1, 15), None, date(2027, 1, 9))
    assert vm.period_days(Preset.CUSTOM, date(2027, 1, 15), date(2027, 1, 9), date(2027, 1, 9)) == (
        date(2027, 1, 9),
        date(2027, 1, 9),
    )


def test_the_filters_choose_accounts_languages_and_platforms() -> None:
    scope = Filters(Preset.LAST_7_DAYS, account_ids=(3, 1), languages=("vi", "ja"), platforms=("x",)).scope(
        date(2027, 1, 15), TOKYO
    )
    assert (scope.account_ids, scope.languages, scope.platforms) == ((1, 3), ("ja", "vi"), ("x",))
    assert Filters().scope(date(2027, 1, 15), TOKYO).account_ids == ()  # nothing chosen: all


def test_zone_names_for_the_queries() -> None:
    assert vm.zone_name(TOKYO) == "Asia/Tokyo"
    assert vm.zone_name(None) == "UTC"


def test_growth_is_relative_and_missing_figures_are_not_compared() -> None:
    assert vm.growth(150, 100) == pytest.approx(0.5)
    assert vm.growth(None, 100) is None and vm.growth(5, None) is None and vm.growth(5, 0) is None
    assert vm.growth_text(75, 100) == "-25.0%" and vm.growth_text(5, 0) == ""
    assert [vm.trend(*pair) for pair in ((2, 1), (1, 2), (1, 1), (3, 0), (0, 0), (None, 1))] == [
        Trend.UP,
        Trend.DOWN,
        Trend.FLAT,
        Trend.NEW,
        Trend.FLAT,
        Trend.UNKNOWN,
    ]


def test_the_summary_tiles_compare_each_figure_with_the_previous_period() -> None:
    tiles = {t.key: t for t in vm.tiles(_figures(posts=4, reactions=1500, rate=0.05), _figures(posts=2, rate=0.04))}
    assert list(tiles) == list(vm.TILE_KEYS)
    assert (tiles["posts"].value, tiles["posts"].growth, tiles["posts"].trend) == ("4", "+100.0%", Trend.UP)
    assert tiles["reactions"].value == "1,500" and tiles["reactions"].previous == "10"
    assert tiles["replies"].value == "" and tiles["replies"].trend is Trend.UNKNOWN  # never reported: blank
    assert (tiles["rate"].value, tiles["rate"].growth) == ("5.00%", "+25.0%")


def test_figures_and_rates_are_blank_when_unknown() -> None:
    assert vm.figure_text(None) == "" and vm.figure_text(1234567) == "1,234,567"
    assert vm.rate_text(None) == "" and vm.rate_text(0.01234) == "1.23%"


def test_chart_points_from_breakdowns() -> None:
    days = [Row("2027-01-02", "2 Jan", _figures()), Row("2027-01-01", "1 Jan", _figures(posts=1))]
    assert vm.daily_points(days) == [(date(2027, 1, 1), 20), (date(2027, 1, 2), 20)]
    groups = [Row(i, f"account {i}", _figures()) for i in range(15)]
    assert vm.bar_points(groups, limit=3) == [("account 0", 20), ("account 1", 20), ("account 2", 20)]


def test_history_points_skip_gaps_and_sum_engagements() -> None:
    at = datetime(2027, 1, 1, tzinfo=UTC)
    readings = [
        Snapshot(at, None, None, None, None, None, partial=True),
        Snapshot(at.replace(hour=1), 4, 1, None, 90, 2, partial=False),
    ]
    assert vm.history_points(readings, "engagements") == [(at.replace(hour=1), 7)]
    assert vm.history_points(readings, "impressions") == [(at.replace(hour=1), 90)]


def _best(advice: bool) -> BestTime:
    cells = tuple(
        Cell(weekday, hour, 2 if (weekday, hour) in {(0, 9), (4, 18)} else 0, None)
        for weekday in range(7)
        for hour in range(24)
    )
    cells = tuple(
        Cell(c.weekday, c.hour, c.posts, {(0, 9): 10.0, (4, 18): 40.0}.get((c.weekday, c.hour))) for c in cells
    )
    best = tuple(c for c in cells if c.score == 40.0) if advice else ()
    return BestTime(1, "Asia/Tokyo", 4, cells, advice, best, None if advice else "Only 4 posts.", "basis")


def test_the_heat_scales_to_the_best_cell_and_marks_advice_only_when_given() -> None:
    heat = vm.heat(_best(advice=True))
    assert heat.levels[(4, 18)] == 1.0 and heat.levels[(0, 9)] == pytest.approx(0.25)
    assert heat.levels[(3, 3)] is None and heat.posts[(0, 9)] == 2
    assert heat.best == ((4, 18),)
    assert vm.heat(_best(advice=False)).best == ()


def test_export_paths_get_their_extension() -> None:
    assert vm.export_path("/tmp/report", ExportKind.PDF) == Path("/tmp/report.pdf")
    assert vm.export_path("/tmp/table.CSV", ExportKind.CSV) == Path("/tmp/table.CSV")
    assert vm.export_path("/tmp/q1.2027", ExportKind.XLSX) == Path("/tmp/q1.2027.xlsx")


def test_figures_after_an_empty_previous_period_are_new() -> None:
    empty = Figures(0, 0, None, None, None, None, None, 0, None)
    tiles = {t.key: t for t in vm.tiles(_figures(), empty)}
    assert tiles["reactions"].trend is Trend.NEW and tiles["reactions"].growth == ""
    assert tiles["replies"].trend is Trend.UNKNOWN  # still never reported
