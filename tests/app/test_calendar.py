"""The Calendar screen: variants in the right cells of a week and a month, and rescheduled by dragging.

The officer's clock is London's; the accounts are Tokyo's and Berlin's, so a variant's day on
screen is not always its day on the account's clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.models import when
from app.qt import QLocale, Qt
from app.views.calendar import CalendarPage
from app.widgets.calendar_grid import account_colour
from core import queries, timeutil
from core.domain import VariantStatus
from core.queries.queue import QueueRow
from core.services import accounts, posts
from core.store import Store
from core.store.tables import variants

LONDON = ZoneInfo("Europe/London")
WEEK = when.Span.WEEK
MONTH = when.Span.MONTH


@pytest.fixture
def english() -> Iterator[None]:
    """Month and day names in British English, whatever the machine's locale."""
    before = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, english: None) -> CalendarPage:
    shown = CalendarPage(ctx, zone=LONDON)
    qtbot.addWidget(shown)
    shown.resize(1200, 820)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def newsroom(store: Store) -> dict[str, int]:
    """Three variants in the week of Monday 14 January 2030 (winter: London is UTC)."""
    accounts.add_account(store, name="tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    accounts.add_account(store, name="berlin", platform="x", language="de", timezone="Europe/Berlin")

    def one(account: str, local: datetime) -> int:
        return posts.create_post(store, text=f"To {account}", accounts=[account], at=local).variants[0].id

    return {
        "tokyo_morning": one("tokyo", datetime(2030, 1, 15, 9, 0)),  # 00:00 in London, the same day
        "tokyo_early": one("tokyo", datetime(2030, 1, 15, 8, 0)),  # 23:00 in London, the day before
        "berlin": one("berlin", datetime(2030, 1, 17, 14, 30)),  # 13:30 in London
    }


def _show(qtbot: QtBot, page: CalendarPage, day: date, span: when.Span) -> None:
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.show_day(day, span)


def _drop(qtbot: QtBot, page: CalendarPage, variant_id: int, day: date, hour: int | None = None) -> None:
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        assert page.grid.drop(variant_id, day, hour)


def test_the_week_shows_each_variant_at_its_day_and_hour_on_the_officers_clock(
    qtbot: QtBot, page: CalendarPage, newsroom: dict[str, int]
) -> None:
    _show(qtbot, page, date(2030, 1, 16), WEEK)

    assert page.grid.first_day == date(2030, 1, 14) and page.period_label.text() == "14 Jan to 20 Jan 2030"
    assert page.grid.cell_of(newsroom["tokyo_morning"]) == (date(2030, 1, 15), 0)
    assert page.grid.cell_of(newsroom["tokyo_early"]) == (date(2030, 1, 14), 23)
    assert page.grid.cell_of(newsroom["berlin"]) == (date(2030, 1, 17), 13)
    assert page.zone_label.text() == "Times are shown on your clock (Europe/London)."
    assert "tokyo" in page.legend.text() and "berlin" in page.legend.text()
    row = next(r for r in page.grid.rows if r.variant_id == newsroom["berlin"])
    assert page.grid.tooltip(row).splitlines()[:3] == [
        "berlin (x), de: Scheduled",
        "Your time: 2030-01-17 13:30 GMT",
        "Account's time: 2030-01-17 14:30 CET",
    ]

    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.next_button.click()
    assert page.grid.first_day == date(2030, 1, 21) and page.grid.cell_of(newsroom["berlin"]) is None
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.today_button.click()
    assert page.grid.first_day == when.week_start(page.today())


def test_the_month_shows_each_variant_in_its_day_cell(
    qtbot: QtBot, page: CalendarPage, newsroom: dict[str, int]
) -> None:
    _show(qtbot, page, date(2030, 1, 16), MONTH)

    assert page.grid.first_day == date(2029, 12, 31) and page.period_label.text() == "January 2030"
    assert page.month_button.isChecked()
    assert page.grid.cell_of(newsroom["tokyo_morning"]) == (date(2030, 1, 15), None)
    assert page.grid.cell_of(newsroom["tokyo_early"]) == (date(2030, 1, 14), None)
    assert page.grid.cell_of(newsroom["berlin"]) == (date(2030, 1, 17), None)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.previous_button.click()
    assert page.period_label.text() == "December 2029"
    assert page.grid.cell_of(newsroom["tokyo_early"]) is None  # 14 January is past the December grid


def test_dropping_on_another_day_of_the_month_keeps_the_accounts_wall_clock_time(
    qtbot: QtBot, page: CalendarPage, store: Store, newsroom: dict[str, int]
) -> None:
    _show(qtbot, page, date(2030, 1, 16), MONTH)

    _drop(qtbot, page, newsroom["berlin"], date(2030, 1, 22))
    _drop(qtbot, page, newsroom["tokyo_early"], date(2030, 1, 16))  # shown on the 14th: two days later

    berlin = queries.get_variant(store, newsroom["berlin"])
    assert (berlin.schedule_local, berlin.status) == ("2030-01-22T14:30", VariantStatus.SCHEDULED)
    assert queries.get_variant(store, newsroom["tokyo_early"]).schedule_local == "2030-01-17T08:00"
    assert page.grid.cell_of(newsroom["berlin"]) == (date(2030, 1, 22), None)
    assert queries.get_variant(store, newsroom["tokyo_morning"]).schedule_local == "2030-01-15T09:00"


def test_dropping_on_an_hour_of_the_week_moves_it_there_on_the_officers_clock(
    qtbot: QtBot, page: CalendarPage, store: Store, newsroom: dict[str, int]
) -> None:
    _show(qtbot, page, date(2030, 1, 16), WEEK)

    _drop(qtbot, page, newsroom["berlin"], date(2030, 1, 18), 9)  # 09:30 in London is 10:30 in Berlin

    assert queries.get_variant(store, newsroom["berlin"]).schedule_local == "2030-01-18T10:30"
    assert page.grid.cell_of(newsroom["berlin"]) == (date(2030, 1, 18), 9)
    assert not page.grid.drop(newsroom["berlin"], date(2030, 1, 18), 9)  # already there: nothing to do
    assert not page.grid.drop(newsroom["berlin"], date(2030, 1, 18))  # a week needs an hour


def test_a_real_mouse_drag_reschedules(
    qtbot: QtBot, page: CalendarPage, store: Store, newsroom: dict[str, int]
) -> None:
    _show(qtbot, page, date(2030, 1, 16), WEEK)
    grid = page.grid
    chip = grid.chip_rect(newsroom["tokyo_morning"])
    assert chip is not None
    target = grid.cell_rect((date(2030, 1, 19) - grid.first_day).days, 6).center()

    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=chip.center())
    qtbot.mouseMove(grid, pos=chip.center() + (target - chip.center()) / 2)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        qtbot.mouseMove(grid, pos=target)
        qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=target)

    assert queries.get_variant(store, newsroom["tokyo_morning"]).schedule_local == "2030-01-19T15:00"
    assert grid.cell_of(newsroom["tokyo_morning"]) == (date(2030, 1, 19), 6)


def test_a_refused_move_shows_the_cores_sentence_and_a_published_variant_does_not_move(
    qtbot: QtBot, page: CalendarPage, store: Store, newsroom: dict[str, int], errors: list[str]
) -> None:
    _show(qtbot, page, date(2030, 1, 16), MONTH)

    _drop(qtbot, page, newsroom["berlin"], date(2001, 1, 17))

    assert errors == ["2001-01-17 14:30 in Europe/Berlin (account 'berlin') is already past; pick a later time."]
    assert queries.get_variant(store, newsroom["berlin"]).schedule_local == "2030-01-17T14:30"
    assert page.grid.cell_of(newsroom["berlin"]) == (date(2030, 1, 17), None)

    with store.write() as conn:
        conn.execute(variants.update().where(variants.c.id == newsroom["berlin"]).values(status="published"))
    _show(qtbot, page, date(2030, 1, 16), MONTH)
    assert page.grid.cell_of(newsroom["berlin"]) == (date(2030, 1, 17), None)
    assert not page.grid.drop(newsroom["berlin"], date(2030, 1, 20))


def test_double_click_asks_for_an_exact_time(
    qtbot: QtBot, page: CalendarPage, store: Store, newsroom: dict[str, int]
) -> None:
    _show(qtbot, page, date(2030, 1, 16), WEEK)
    asked: list[tuple[int, str]] = []

    def answer(row: QueueRow, zone: str) -> tuple[datetime, timeutil.FoldChoice | None]:
        asked.append((row.variant_id, zone))
        return datetime(2030, 1, 16, 7, 45), None

    page.ask_time = answer
    chip = page.grid.chip_rect(newsroom["berlin"])
    assert chip is not None
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        qtbot.mouseDClick(page.grid, Qt.MouseButton.LeftButton, pos=chip.center())
    assert asked == [(newsroom["berlin"], "Europe/Berlin")]
    assert queries.get_variant(store, newsroom["berlin"]).schedule_local == "2030-01-16T07:45"


def _row(at: datetime, zone: str, local: str) -> QueueRow:
    return QueueRow(1, 1, 1, "berlin", "x", "de", VariantStatus.SCHEDULED, "", at, zone, local, None, None, None, 1)


def test_a_drop_into_a_fold_of_the_accounts_zone_names_which_of_the_two_it_meant() -> None:
    row = _row(datetime(2030, 10, 20, 0, 30, tzinfo=UTC), "Europe/Berlin", "2030-10-20T02:30")
    officer = ZoneInfo("UTC")
    # On 27 October 2030 Berlin's clocks go back at 01:00 UTC: 02:30 happens at 00:30 and at 01:30 UTC.
    assert when.moved_to_slot(row, "Europe/Berlin", date(2030, 10, 27), 0, officer) == (
        datetime(2030, 10, 27, 2, 30),
        timeutil.FoldChoice.EARLIER,
    )
    assert when.moved_to_slot(row, "Europe/Berlin", date(2030, 10, 27), 1, officer) == (
        datetime(2030, 10, 27, 2, 30),
        timeutil.FoldChoice.LATER,
    )
    assert when.moved_to_day(row, "Europe/Berlin", date(2030, 10, 27), officer) == datetime(2030, 10, 27, 2, 30)


def test_periods_and_colours() -> None:
    assert when.span_days(MONTH, date(2030, 9, 17)) == (date(2030, 8, 26), 42)
    assert when.shift(MONTH, date(2030, 1, 31), 1) == date(2030, 2, 28)
    assert when.shift(MONTH, date(2030, 12, 5), 1) == date(2031, 1, 5)
    assert when.shift(WEEK, date(2030, 1, 31), -1) == date(2030, 1, 24)
    assert account_colour(3) == account_colour(3)
    assert len({account_colour(n).name() for n in range(1, 13)}) == 12


def test_the_officers_zone_is_named_when_the_computer_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    zone = when.officer_zone()
    assert zone is not None and when.zone_label(zone) == "Asia/Tokyo"
    assert when.zone_label(ZoneInfo("UTC")) == "UTC"
    assert when.zone_label(None, datetime(2030, 1, 1, tzinfo=UTC)) != ""
