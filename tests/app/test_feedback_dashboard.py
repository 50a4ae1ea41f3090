"""The engagement dashboard's comments tile: the period's comments per language and per post, under its filters."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.views.engagement import EngagementPage
from app.views.feedback import FeedbackPage
from core import timeutil
from core.domain import Account
from core.queries import feedback
from core.store import Store
from tests.support.feedback import sample_inbox

WAIT = 20_000
WEEK = timedelta(days=7)


def _page(qtbot: QtBot, ctx: AppContext) -> EngagementPage:
    page = EngagementPage(ctx, zone=ZoneInfo("Europe/London"))
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    # The dashboard's load offers the accounts to filter by; the tile's load counts the comments.
    with qtbot.waitSignals([page.loaded, page.comments_loaded], timeout=WAIT):
        page.activate()
    return page


def test_the_tile_counts_the_periods_comments_per_language_and_post(
    qtbot: QtBot, ctx: AppContext, store: Store, press_accounts: dict[str, Account]
) -> None:
    sample_inbox(store)  # six comments; the oldest, 40 days ago, is outside the last 30 days
    page = _page(qtbot, ctx)
    tile = page.comments
    assert tile.title.text() == "Comments"
    assert tile.total.text() == "5 comments, 4 unread"
    assert tile.by_language.text() == "ja: 2  ·  vi: 2  ·  en: 1"
    assert tile.by_language.toolTip().split("\n") == ["Japanese (ja): 2", "Vietnamese (vi): 2", "English (en): 1"]
    assert tile.by_post.text().split("\n") == [
        "Hội nghị thượng đỉnh ASEAN tại Hà Nội (2)",
        "東京での首脳会談 (2)",
        "The summit opens in Hanoi (1)",
    ]

    with qtbot.waitSignal(page.comments_loaded, timeout=WAIT):
        page.filters.accounts.set_checked([press_accounts["Tokyo (X)"].id])
    assert tile.total.text() == "2 comments, 2 unread"
    assert tile.by_language.text() == "ja: 2"
    assert tile.by_post.text() == "東京での首脳会談 (2)"
    with qtbot.waitSignal(page.comments_loaded, timeout=WAIT):
        page.filters.accounts.set_checked([])
    with qtbot.waitSignal(page.comments_loaded, timeout=WAIT):
        page.filters.platforms.set_checked(["facebook"])  # London's page only
    assert tile.total.text() == "1 comments, 1 unread"
    assert tile.by_language.text() == "en: 1"


def test_the_tile_says_when_there_are_no_comments(qtbot: QtBot, ctx: AppContext) -> None:
    tile = _page(qtbot, ctx).comments
    assert tile.total.text() == "No comments in this period."
    assert tile.by_language.text() == "" and not tile.by_post.isVisibleTo(tile)


def test_the_tile_follows_comments_read_in_feedback_without_reloading_the_charts(
    qtbot: QtBot, ctx: AppContext, store: Store, press_accounts: dict[str, Account]
) -> None:
    sample_inbox(store)
    page = _page(qtbot, ctx)
    assert page.comments.total.text() == "5 comments, 4 unread"
    reloads: list[object] = []
    page.loaded.connect(lambda *args: reloads.append(args))
    reader = FeedbackPage(ctx, zone=ZoneInfo("Europe/London"))
    qtbot.addWidget(reader)
    unread = next(c for c in feedback.list_comments(store) if c.unread and c.created_at > timeutil.now_utc() - WEEK)

    with qtbot.waitSignal(page.comments_loaded, timeout=WAIT):
        reader.mark([unread.id], read=True)  # Ctrl+M in the Feedback screen

    assert page.comments.total.text() == "5 comments, 3 unread"
    ctx.tasks.wait()  # any other load started by the change has finished...
    qtbot.wait(100)  # ...and delivered its result
    assert reloads == []  # the charts and the table were not loaded again for a comment read
