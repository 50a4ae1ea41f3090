"""Fixtures of the report tests: hand-built figures in the queries' own types, in four scripts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest

from core.queries.analytics import Figures, Row, VariantFigures
from core.queries.best_time import BestTime, Cell
from core.reports.report import AccountBestTime, Report, scope_for_days

#: Post texts in the scripts the report must draw: Vietnamese, Ukrainian, Hindi, Japanese.
TEXTS = {
    "vi": "Đại sứ quán Việt Nam chúc mừng năm mới",
    "uk": "Посольство вітає з Новим роком",
    "hi": "नमस्ते भारत, दूतावास की शुभकामनाएँ",
    "ja": "大使館より新年のご挨拶を申し上げます",
}
ACCOUNTS = {"vi": "Hà Nội (X)", "uk": "Київ (Facebook)", "hi": "नई दिल्ली (X)", "ja": "東京 (X)"}


def figures(engagements: int, *, impressions: int | None = 1000, posts: int = 1) -> Figures:
    """Figures whose engagements split into reactions, shares, replies and clicks."""
    reactions = engagements // 2
    shares = engagements // 4
    replies = engagements // 8
    clicks = engagements - reactions - shares - replies
    rate = engagements / impressions if impressions else None
    return Figures(posts, posts, reactions, shares, replies, impressions, clicks, engagements, rate)


@pytest.fixture
def make_figures() -> Callable[..., Figures]:
    """:func:`figures`, for tests that build their own rows."""
    return figures


@pytest.fixture
def script_labels() -> list[str]:
    """Account names in Vietnamese, Ukrainian, Hindi and Japanese, and a long Vietnamese one."""
    return [*ACCOUNTS.values(), "Đại sứ quán Việt Nam tại Nhật Bản"]


@pytest.fixture
def posts() -> list[VariantFigures]:
    """Four published variants, one per script, the last one with no impressions reported."""
    published = datetime(2027, 1, 10, 23, 30, tzinfo=UTC)
    return [
        VariantFigures(
            variant_id=10 + i,
            post_id=1 + i // 2,
            account_id=1 + i,
            account_name=ACCOUNTS[language],
            platform="facebook" if language == "uk" else "x",
            language=language,
            published_at=published + timedelta(days=i),
            remote_url=f"https://example.org/{10 + i}",
            text=TEXTS[language],
            figures=figures(120 - 30 * i, impressions=None if language == "ja" else 2000 + i),
        )
        for i, language in enumerate(TEXTS)
    ]


@pytest.fixture
def report(posts: list[VariantFigures]) -> Report:
    """A quarter's report built by hand, as :func:`core.reports.report.build_report` would return it."""
    scope = scope_for_days(date(2027, 1, 1), date(2027, 3, 31), "Asia/Tokyo")
    by_account = tuple(Row(p.account_id, p.account_name, p.figures) for p in posts)
    cells = tuple(
        Cell(day, hour, 2, float(day * 3 + hour % 7)) if hour in (9, 12, 18) else Cell(day, hour, 0, None)
        for day in range(7)
        for hour in range(24)
    )
    advice = BestTime(
        1, "Asia/Tokyo", 40, cells, True, cells[9:10], None, "Mean engagements 24 hours after publishing."
    )
    thin = BestTime(2, "Europe/Kyiv", 3, cells, False, (), "Only 3 posts of history: advice needs 12.", "Same basis.")
    return Report(
        scope=scope,
        zone="Asia/Tokyo",
        generated_at=datetime(2027, 4, 2, 8, 0, tzinfo=UTC),
        summary=figures(300, impressions=6000, posts=4),
        previous=figures(200, impressions=5000, posts=3),
        by_account=by_account,
        by_language=tuple(Row(p.language, p.language, p.figures) for p in posts),
        by_platform=(Row("x", "X", figures(210, posts=3)), Row("facebook", "Facebook", figures(90))),
        daily=tuple(Row((date(2027, 1, 1) + timedelta(days=d)).isoformat(), "", figures(d % 9)) for d in range(90)),
        best=tuple(posts),
        worst=tuple(reversed(posts)),
        best_times=(AccountBestTime(ACCOUNTS["ja"], advice), AccountBestTime(ACCOUNTS["uk"], thin)),
        variants=tuple(posts),
    )
