"""The report through the real analytics queries, over a generated history, checked against a naive reading."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest

from core.errors import UserError
from core.queries import analytics
from core.reports.report import build_report, report_tables, scope_for_days, write_report
from core.store import Store
from tests.support import engagement_history as history
from tests.support.feedback import Written, add_comment

ZONE = "Europe/Berlin"


@pytest.fixture
def generated(store: Store) -> history.History:
    return history.generate(store, posts_count=24, days=40)


def test_the_report_agrees_with_a_naive_reading(store: Store, generated: history.History) -> None:
    scope = scope_for_days(date(2027, 3, 1), date(2027, 3, 31), ZONE)
    report = build_report(store, scope, zone=ZONE)
    chosen = history.in_scope(generated, scope)

    assert history.figures_tuple(report.summary) == history.figures_tuple(history.naive_figures(chosen, scope.until))
    previous = scope.previous()
    assert history.figures_tuple(report.previous) == history.figures_tuple(
        history.naive_figures(history.in_scope(generated, previous), previous.until)
    )
    assert (report.first_day, report.last_day) == (date(2027, 3, 1), date(2027, 3, 31))
    # 31 days, with the DST change of 28 March in the middle: each day once, none missing.
    assert [row.key for row in report.daily] == [date(2027, 3, d).isoformat() for d in range(1, 32)]
    assert {v.variant_id for v in report.variants} == {v.variant_id for v in chosen}
    assert report.best[0].figures.engagements == max(v.figures.engagements for v in report.variants if v.figures.read)
    assert report.worst[0].figures.engagements <= report.best[-1].figures.engagements
    assert {b.account_name for b in report.best_times} == {v.account for v in chosen}
    assert all(len(b.best_time.cells) == 7 * 24 for b in report.best_times)


def test_csv_and_xlsx_exports_carry_the_queries_figures(
    store: Store, generated: history.History, tmp_path: Path
) -> None:
    scope = scope_for_days(date(2027, 3, 1), date(2027, 4, 9), ZONE, account_ids=[generated.account_ids["Tokyo"]])
    expected = {v.variant_id: v for v in analytics.variants(store, scope)}
    assert expected and {v.account_name for v in expected.values()} == {"Tokyo"}

    written = write_report(store, scope, tmp_path / "posts.csv", "csv", zone=ZONE)
    with written.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {int(row["Variant"]) for row in rows} == set(expected)
    for row in rows:
        variant = expected[int(row["Variant"])]
        assert int(row["Engagements"]) == variant.figures.engagements
        assert row["Reactions"] == ("" if variant.figures.reactions is None else str(variant.figures.reactions))
        local = variant.published_at.astimezone(history.ZoneInfo(ZONE))
        assert row[f"Published ({ZONE})"] == f"{local:%Y-%m-%d %H:%M}"

    book = openpyxl.load_workbook(write_report(store, scope, tmp_path / "report.xlsx", "xlsx", zone=ZONE))
    assert book.sheetnames == [t.title for t in report_tables(build_report(store, scope, zone=ZONE))]
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["Engagements"] == analytics.summary(store, scope).engagements
    assert book["Posts"].max_row == len(expected) + 1


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_a_period_with_nothing_published_is_refused(store: Store, tmp_path: Path, fmt: str) -> None:
    tokyo = history.add_accounts(store)["Tokyo"]
    history.publish(store, tokyo, "ja", history.START, "会議")  # published, but not in the period
    scope = scope_for_days(date(2026, 1, 1), date(2026, 3, 31), ZONE)
    with pytest.raises(UserError, match=r"^Nothing was published from 2026-01-01 to 2026-03-31 \(Europe/Berlin\)"):
        write_report(store, scope, tmp_path / f"empty.{fmt}", fmt, zone=ZONE)  # type: ignore[arg-type]
    assert not (tmp_path / f"empty.{fmt}").exists()


def test_until_before_since_is_refused() -> None:
    with pytest.raises(UserError, match=r"ends .* before it starts"):
        scope_for_days(date(2027, 3, 2), date(2027, 3, 1), ZONE)


def test_the_report_counts_the_comments_of_the_period_per_language_and_post(
    store: Store, generated: history.History
) -> None:
    scope = scope_for_days(date(2027, 3, 1), date(2027, 3, 31), ZONE)
    chosen = history.in_scope(generated, scope)
    first = chosen[0]
    second = next(v for v in chosen if v.post_id != first.post_id)
    during, after = datetime(2027, 3, 15, 12, tzinfo=UTC), datetime(2027, 4, 20, 12, tzinfo=UTC)
    for text, language, variant in (
        ("Cảm ơn", "vi", first),
        ("Merci", "fr", first),
        ("Danke", "de", first),
        ("Xin chào", "vi", second),
        ("!!!", None, second),
    ):
        add_comment(store, variant.variant_id, Written(text, language=language), now=during)
    add_comment(store, first.variant_id, Written("Too late for March", language="en"), now=after)

    comments = build_report(store, scope, zone=ZONE).comments
    assert (comments.total, comments.unread) == (5, 5)
    assert {row.language: row.total for row in comments.by_language} == {"vi": 2, "fr": 1, "de": 1, "und": 1}
    assert [(post.post_id, post.total) for post in comments.by_post] == [(first.post_id, 3), (second.post_id, 2)]
    other = next(account_id for name, account_id in generated.account_ids.items() if name != first.account)
    narrowed = scope_for_days(date(2027, 3, 1), date(2027, 3, 31), ZONE, account_ids=[other])
    if history.in_scope(generated, narrowed):  # the other account published in March: only its comments count
        expected = 2 if second.account_id == other else 0
        assert build_report(store, narrowed, zone=ZONE).comments.total == expected
