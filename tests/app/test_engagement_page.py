"""The Engagement screen: published variants with their latest figures, blank until polled, filtered."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from app.changes import Changes
from app.context import AppContext
from app.models import engagement_model
from app.qt import QLocale, Qt, QUrl
from app.views.engagement import EngagementPage
from connectors.sandbox import Sandbox
from core import queries
from core.queries import engagement
from core.store import Store
from scheduler.backoff import RetryPolicy
from scheduler.engine import Engine, EngineSettings
from tests.support.fake_clock import FakeClock
from tests.support.scheduling import add_account, local_in, schedule

FIGURES = range(engagement_model.FIRST_FIGURE, engagement_model.CAPTURED)


@pytest.fixture
def engine(store: Store, clock: FakeClock) -> Iterator[Engine]:
    made = Engine(store, clock=clock, settings=EngineSettings(retry=RetryPolicy(max_attempts=3)), rng=random.Random(7))
    yield made
    made.stop()


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> EngagementPage:
    shown = EngagementPage(ctx, zone=ZoneInfo("Europe/London"))
    qtbot.addWidget(shown)
    shown.resize(1200, 600)
    shown.show()
    return shown


def _publish(store: Store, engine: Engine, clock: FakeClock, account: str, zone: str, text: str) -> int:
    due = clock.now + timedelta(minutes=1)
    variant_id = schedule(store, account, local_in(zone, due), clock.now, text=text)
    clock.set(due)
    engine.sweep()
    return variant_id


def _cells(page: EngagementPage, variant_id: int) -> list[str]:
    row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).variant_id == variant_id)
    return [page.model.index(row, column).data() for column in FIGURES]


def test_published_variants_show_their_latest_figures_and_blanks_until_polled(
    qtbot: QtBot,
    page: EngagementPage,
    ctx: AppContext,
    store: Store,
    sandbox: Sandbox,
    engine: Engine,
    clock: FakeClock,
) -> None:
    add_account(store, sandbox, "tokyo", "Asia/Tokyo")
    add_account(store, sandbox, "berlin", "Europe/Berlin")
    polled = _publish(store, engine, clock, "tokyo", "Asia/Tokyo", "Summit opens")
    clock.advance(minutes=10)
    engine.sweep()  # the first poll of the Tokyo post
    fresh = _publish(store, engine, clock, "berlin", "Europe/Berlin", "Gipfel beginnt")
    schedule(store, "berlin", local_in("Europe/Berlin", clock.now + timedelta(days=1)), clock.now)  # not published

    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.refresh()

    assert page.model.rowCount() == 2 and page.count_label.text() == "2 published"
    latest = {r.variant_id: r.latest for r in engagement.published(store)}
    snapshot = latest[polled]
    assert snapshot is not None
    expected = [getattr(snapshot, name) for name in engagement.METRICS]
    assert _cells(page, polled) == ["" if value is None else QLocale().toString(value) for value in expected]
    assert any(value is not None for value in expected)
    assert _cells(page, fresh) == [""] * 5  # not polled yet: blank, not zero
    row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).variant_id == fresh)
    assert "Not polled yet" in page.model.index(row, FIGURES[0]).data(Qt.ItemDataRole.ToolTipRole)

    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.account.setCurrentIndex(page.account.findText("berlin (x)"))
    assert [page.model.row_at(r).variant_id for r in range(page.model.rowCount())] == [fresh]
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.account.setCurrentIndex(0)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.language.setCurrentIndex(page.language.findText("ja"))
    assert [page.model.row_at(r).variant_id for r in range(page.model.rowCount())] == [polled]
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.language.setCurrentIndex(0)

    clock.advance(minutes=10)
    engine.sweep()  # now the Berlin post is polled too
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        ctx.hub.changed.emit(Changes(engagement=True), None)  # what the feed watcher says after a poll
    assert _cells(page, fresh) != [""] * 5


def test_the_table_sorts_by_a_figure_and_opens_the_post(
    qtbot: QtBot, page: EngagementPage, store: Store, sandbox: Sandbox, engine: Engine, clock: FakeClock
) -> None:
    add_account(store, sandbox, "tokyo", "Asia/Tokyo")
    first = _publish(store, engine, clock, "tokyo", "Asia/Tokyo", "Summit opens")
    clock.advance(minutes=10)
    engine.sweep()
    second = _publish(store, engine, clock, "tokyo", "Asia/Tokyo", "Summit closes")
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.refresh()

    impressions = engagement_model.FIRST_FIGURE + engagement.METRICS.index("impressions")
    page.table.sortByColumn(impressions, Qt.SortOrder.AscendingOrder)
    assert page.model.row_at(page.proxy.mapToSource(page.proxy.index(0, 0)).row()).variant_id == second  # blank first
    page.table.sortByColumn(impressions, Qt.SortOrder.DescendingOrder)
    assert page.model.row_at(page.proxy.mapToSource(page.proxy.index(0, 0)).row()).variant_id == first

    assert not page.open_button.isEnabled()
    assert page.select(first) and page.open_button.isEnabled()
    opened: list[QUrl] = []
    page.open_url = opened.append
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert [url.toString() for url in opened] == [queries.get_variant(store, first).remote_url]
