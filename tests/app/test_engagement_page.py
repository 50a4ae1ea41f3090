"""The Engagement screen: filters, the summary against the previous period, charts, the heatmap, history, exports.

The history is written through the real tables (posts through the posting service, then the
publisher's columns and the poller's snapshots), over the real analytics queries; figures the
screen shows are checked against sums of what was written.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from app import i18n
from app.changes import Changes
from app.context import AppContext
from app.models import engagement_model
from app.qt import QApplication, QLocale, Qt, QUrl
from app.viewmodels.engagement import ExportKind
from app.views.engagement import EngagementPage
from core import queries, timeutil
from core.domain import Account
from core.queries import best_time
from core.services import engagement, posts
from core.store import Store
from core.store.tables import variants

LONDON = ZoneInfo("Europe/London")
WAIT = 20_000


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> EngagementPage:
    shown = EngagementPage(ctx, zone=LONDON)
    qtbot.addWidget(shown)
    shown.resize(1400, 900)
    shown.show()
    return shown


@dataclass
class History:
    """What the test wrote: the period's days, and each variant's figures."""

    first: date
    last: date
    current: dict[int, dict[str, int]]  # variant id -> its latest figures, published in the period
    previous: dict[int, dict[str, int]]  # the same, published in the previous period
    shared: list[int]  # the variants of a post published to every account
    local_hours: dict[int, tuple[int, int]]  # Tokyo's variant id -> (weekday, hour) on Tokyo's clock


def _publish(store: Store, names: list[str], text: str, at: datetime) -> list[int]:
    post = posts.create_post(store, text=text, accounts=names, now=at - timedelta(hours=1))
    with store.write() as conn:
        for variant in post.variants:
            conn.execute(
                variants.update()
                .where(variants.c.id == variant.id)
                .values(
                    status="published",
                    published_at=at,
                    remote_id=f"r{variant.id}",
                    remote_url=f"https://example.test/{variant.id}",
                )
            )
    return [variant.id for variant in post.variants]


def _read(store: Store, variant_id: int, at: datetime, figures: dict[str, int]) -> None:
    with store.write() as conn:
        engagement.record_snapshot(conn, variant_id, at, **figures)


def _figures(seed: int) -> dict[str, int]:
    return {  # the figures a poll reads (the poller's own columns)
        "reactions": 10 + seed,
        "shares": 2 + seed % 3,
        "replies": 1 + seed % 2,
        "impressions": 400 + 10 * seed,
        "clicks": 3 + seed % 4,
    }


@pytest.fixture
def history(store: Store, press_accounts: dict[str, Account]) -> History:
    """Three weeks ago to a week ago (London days): 5 posts; the two weeks before: 2 posts."""
    today = timeutil.now_utc().astimezone(LONDON).date()
    first, last = today - timedelta(days=20), today - timedelta(days=7)
    current: dict[int, dict[str, int]] = {}
    previous: dict[int, dict[str, int]] = {}
    local_hours: dict[int, tuple[int, int]] = {}
    tokyo = ZoneInfo("Asia/Tokyo")

    def at(day: date, hour: int) -> datetime:
        return datetime.combine(day, time(hour), LONDON).astimezone(UTC)

    seed = 0
    plans = [
        (["Hanoi (X)", "London (FB)", "Tokyo (X)"], first + timedelta(days=1), 9),
        (["Tokyo (X)"], first + timedelta(days=3), 2),
        (["Hanoi (X)"], first + timedelta(days=6), 14),
    ]
    shared: list[int] = []
    for names, day, hour in plans:
        published = at(day, hour)
        made = _publish(store, names, f"Statement {day}", published)
        shared = shared or made
        for variant_id in made:
            seed += 1
            early = {name: value // 2 for name, value in _figures(seed).items()}
            _read(store, variant_id, published + timedelta(hours=2), early)
            _read(store, variant_id, published + timedelta(days=1), _figures(seed))
            current[variant_id] = _figures(seed)
            if queries.get_variant(store, variant_id).account_id == press_accounts["Tokyo (X)"].id:
                local = published.astimezone(tokyo)
                local_hours[variant_id] = (local.weekday(), local.hour)
    for names, day in ((["London (FB)"], first - timedelta(days=5)), (["Tokyo (X)"], first - timedelta(days=3))):
        published = at(day, 11)
        for variant_id in _publish(store, names, f"Earlier {day}", published):
            seed += 1
            _read(store, variant_id, published + timedelta(days=1), _figures(seed))
            previous[variant_id] = _figures(seed)
    return History(first, last, current, previous, shared, local_hours)


def _shown_ids(page: EngagementPage) -> set[int]:
    return {page.model.row_at(row).variant_id for row in range(page.model.rowCount())}


def _tile(page: EngagementPage, key: str) -> tuple[str, str]:
    tile = page.summary.tiles[key]
    return tile.value.text(), tile.growth.text()


def _choose(page: EngagementPage, history: History, qtbot: QtBot) -> None:
    with qtbot.waitSignal(page.heat_loaded, timeout=WAIT):
        page.filters.set_dates(history.first, history.last)
    qtbot.waitUntil(lambda: page.dashboard is not None, timeout=WAIT)


def _tick(qtbot: QtBot, page: EngagementPage, box: object, data: list[object]) -> None:
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        box.set_checked(data)  # type: ignore[attr-defined]


def test_filters_change_the_table_and_the_summary_against_the_previous_period(
    qtbot: QtBot, page: EngagementPage, history: History, press_accounts: dict[str, Account]
) -> None:
    _choose(page, history, qtbot)

    assert _shown_ids(page) == set(history.current)
    assert page.count_label.text() == "5 published"
    reactions = sum(f["reactions"] for f in history.current.values())
    assert _tile(page, "posts") == ("5", "▲ +150.0% vs previous")  # 5 posts against 2
    assert _tile(page, "reactions")[0] == f"{reactions:,}"
    assert _tile(page, "impressions")[0] == f"{sum(f['impressions'] for f in history.current.values()):,}"
    engagements = sum(f["reactions"] + f["shares"] + f["replies"] + f["clicks"] for f in history.current.values())
    assert sum(value for _day, value in page.daily.points) == engagements  # all gained inside the period
    assert {label for label, _value in page.bars.points} == {"Hanoi (X)", "London (FB)", "Tokyo (X)"}
    page.group_by.setCurrentIndex(page.group_by.findData("language"))
    assert {label for label, _value in page.bars.points} >= {"vi", "ja"}

    tokyo = press_accounts["Tokyo (X)"]
    _tick(qtbot, page, page.filters.accounts, [tokyo.id])
    assert _shown_ids(page) == set(history.local_hours)
    assert _tile(page, "posts") == ("2", "▲ +100.0% vs previous")  # 2 Tokyo posts against 1
    assert page.filters.accounts.caption() == "Tokyo (X) (x)"
    _tick(qtbot, page, page.filters.accounts, [])
    _tick(qtbot, page, page.filters.platforms, ["facebook"])
    assert {page.model.row_at(r).platform for r in range(page.model.rowCount())} == {"facebook"}
    assert _tile(page, "posts") == ("1", "= +0.0% vs previous")
    _tick(qtbot, page, page.filters.platforms, [])
    _tick(qtbot, page, page.filters.languages, ["vi"])
    assert {page.model.row_at(r).language for r in range(page.model.rowCount())} == {"vi"}
    assert _tile(page, "posts") == ("2", "new this period")  # nothing in Vietnamese before


def test_the_heatmap_shows_the_accounts_cells_and_why_advice_is_withheld(
    qtbot: QtBot, page: EngagementPage, history: History, store: Store, press_accounts: dict[str, Account]
) -> None:
    _choose(page, history, qtbot)
    tokyo = press_accounts["Tokyo (X)"]
    index = page.heat_account.findData(tokyo.id)
    with qtbot.waitSignal(page.heat_loaded, timeout=WAIT):
        if page.heat_account.currentIndex() == index:
            page.refresh_heat()
        else:
            page.heat_account.setCurrentIndex(index)

    heat = page.heatmap.heat
    assert heat is not None
    for weekday, hour in history.local_hours.values():
        assert heat.posts[(weekday, hour)] >= 1 and heat.levels[(weekday, hour)] is not None
    assert sum(heat.posts.values()) == best_time.best_time(store, tokyo.id).posts
    expected = best_time.best_time(store, tokyo.id)
    assert not expected.advice and expected.reason  # three posts of history: no advice
    assert page.advice.text() == expected.reason and page.basis.text() == expected.basis
    assert heat.best == ()
    assert "Tokyo" in page.heat_account.currentText()


def test_opening_a_post_shows_its_history_and_its_other_languages(
    qtbot: QtBot, page: EngagementPage, history: History
) -> None:
    _choose(page, history, qtbot)
    page.table.sortByColumn(engagement_model.ENGAGEMENTS, Qt.SortOrder.DescendingOrder)
    top = page.model.row_at(page.proxy.mapToSource(page.proxy.index(0, 0)).row())
    figures = [f["reactions"] + f["shares"] + f["replies"] + f["clicks"] for f in history.current.values()]
    assert top.figures.engagements == max(figures)
    cell = page.proxy.index(0, engagement_model.ENGAGEMENTS).data()
    assert cell == QLocale().toString(max(figures))

    shared = history.shared[0]
    assert page.select(shared)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.history
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.history is not None, timeout=WAIT)
    assert dict(dialog.chart.points)["Reactions"] == 2  # two readings
    siblings = {dialog.siblings.row_at(r).account_name for r in range(dialog.siblings.rowCount())}
    assert siblings == {"Hanoi (X)", "London (FB)", "Tokyo (X)"}

    opened: list[QUrl] = []
    page.open_url = opened.append
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert [url.toString() for url in opened] == [f"https://example.test/{shared}"]


def _export(qtbot: QtBot, page: EngagementPage, kind: ExportKind, path: Path) -> str:
    page.ask_path = lambda _kind, _suggested: str(path)
    with qtbot.waitSignal(page.exported, timeout=60_000) as done:
        {ExportKind.CSV: page.csv_button, ExportKind.XLSX: page.xlsx_button, ExportKind.PDF: page.pdf_button}[
            kind
        ].click()
    written: str = done.args[0]
    return written


def test_exports_write_files_that_open(qtbot: QtBot, page: EngagementPage, history: History, tmp_path: Path) -> None:
    _choose(page, history, qtbot)

    written = _export(qtbot, page, ExportKind.CSV, tmp_path / "table")
    assert written == str(tmp_path / "table.csv") and page.message.text() == f"Saved {written}"
    with Path(written).open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(history.current)
    assert sorted(int(r["Reactions"]) for r in rows) == sorted(f["reactions"] for f in history.current.values())

    openpyxl = pytest.importorskip("openpyxl")
    written = _export(qtbot, page, ExportKind.XLSX, tmp_path / "table.xlsx")
    book = openpyxl.load_workbook(written)
    sheet = book["Posts"]
    assert sheet.max_row == len(history.current) + 1

    written = _export(qtbot, page, ExportKind.PDF, tmp_path / "report.pdf")
    assert Path(written).read_bytes()[:5] == b"%PDF-" and Path(written).stat().st_size > 5000


def test_an_export_that_cannot_be_written_says_why(
    qtbot: QtBot, page: EngagementPage, history: History, tmp_path: Path
) -> None:
    _choose(page, history, qtbot)
    assert _export(qtbot, page, ExportKind.CSV, tmp_path / "missing" / "table.csv") == ""
    assert page.message.text().startswith("Export failed: ") and len(page.message.text()) > len("Export failed: ")
    assert not (tmp_path / "missing" / "table.csv").exists()

    page.filters.set_dates(history.last, history.first)  # backwards: refused before any load
    assert page.message.text() == "The period ends before it begins: choose a later end date."


def test_only_the_newest_load_is_shown_and_new_figures_reload(
    qtbot: QtBot,
    page: EngagementPage,
    history: History,
    ctx: AppContext,
    store: Store,
    press_accounts: dict[str, Account],
) -> None:
    _choose(page, history, qtbot)
    shown: list[int] = []
    page.loaded.connect(lambda: shown.append(page.model.rowCount()))
    page.filters.accounts.set_checked([press_accounts["London (FB)"].id])  # a load...
    page.filters.accounts.set_checked([])  # ...overtaken by another before it is shown
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT)
    assert ctx.tasks.wait()
    qtbot.wait(50)
    assert shown == [5]  # the first load's rows never reached the table

    variant_id = next(iter(history.current))
    _read(store, variant_id, datetime.combine(history.last, time(12), LONDON), {"reactions": 10_000})
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        ctx.hub.changed.emit(Changes(engagement=True), None)  # what the feed watcher says after a poll
    row = next(
        page.model.row_at(r) for r in range(page.model.rowCount()) if page.model.row_at(r).variant_id == variant_id
    )
    assert row.figures.reactions == 10_000


def test_the_table_leaves_unread_figures_blank(
    qtbot: QtBot, page: EngagementPage, store: Store, press_accounts: dict[str, Account]
) -> None:
    today = timeutil.now_utc().astimezone(LONDON).date()
    (fresh,) = _publish(store, ["Tokyo (X)"], "Just out", datetime.now(UTC) - timedelta(minutes=5))
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.filters.set_dates(today - timedelta(days=1), today)
    assert _shown_ids(page) == {fresh}
    cells = [page.model.index(0, c).data() for c in range(engagement_model.FIRST_FIGURE, engagement_model.POST)]
    assert cells == [""] * len(cells)  # not polled yet: blank, not zero
    tip = page.model.index(0, engagement_model.FIRST_FIGURE).data(Qt.ItemDataRole.ToolTipRole)
    assert "Not polled yet" in tip


def test_the_dashboard_follows_a_switch_to_vietnamese(
    qtbot: QtBot, page: EngagementPage, history: History, qapp: QApplication
) -> None:
    _choose(page, history, qtbot)
    try:
        assert i18n.switch_language(qapp, "vi")
        assert page.summary.tiles["rate"].title.text() == "Tỷ lệ tương tác"
        assert page.filters.period.currentText() == "Chọn ngày"  # the custom period stays chosen
        assert page.summary.tiles["posts"].growth.text() == "▲ +150.0% so với kỳ trước"
        assert page.heatmap.day_name(6) == "CN"
    finally:
        i18n.switch_language(qapp, "en")
    assert page.summary.tiles["rate"].title.text() == "Engagement rate"
