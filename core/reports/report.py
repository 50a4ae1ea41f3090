"""The managers' report: what a period's posts reached, against the period before, and when to post.

:func:`build_report` gathers the figures through the analytics queries (one read each);
:func:`write_report` writes them as CSV (the posts), XLSX (summary, posts and breakdowns) or
the PDF report. A period in which nothing was published is refused: there is nothing to report.
The report also counts the audience's comments of the period (:mod:`core.reports.comments`): per
language and the most commented posts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Literal

from core import timeutil
from core.errors import UserError
from core.queries import analytics
from core.queries.analytics import Figures, Row, Scope, VariantFigures
from core.queries.best_time import BestTime, best_time
from core.reports import tables
from core.reports.comments import CommentCounts, comment_counts
from core.reports.output import check_writable
from core.store import Store
from core.words import Msg

Format = Literal["csv", "xlsx", "pdf"]
FORMATS: tuple[Format, ...] = ("csv", "xlsx", "pdf")
#: How many posts the report lists as the best and as the weakest.
RANKED = 5
#: Heatmaps drawn at most (the accounts with the most engagements first), to keep the report short.
BEST_TIME_ACCOUNTS = 8
#: The figures whose growth the report states.
GROWTH_FIGURES: tuple[str, ...] = ("posts", "engagements", "impressions", "reactions", "shares", "replies", "clicks")


@dataclass(frozen=True)
class AccountBestTime:
    """One account's best-time grid, with the account's name to title it."""

    account_name: str
    best_time: BestTime


@dataclass(frozen=True)
class Report:
    """The data of a manager's report for one scope, with calendar days read in ``zone``."""

    scope: Scope
    zone: str
    generated_at: datetime
    summary: Figures
    previous: Figures
    by_account: tuple[Row, ...]
    by_language: tuple[Row, ...]
    by_platform: tuple[Row, ...]
    daily: tuple[Row, ...]
    best: tuple[VariantFigures, ...]
    worst: tuple[VariantFigures, ...]
    best_times: tuple[AccountBestTime, ...]
    variants: tuple[VariantFigures, ...] = field(default=())
    comments: CommentCounts = field(default_factory=CommentCounts)

    @property
    def first_day(self) -> date:
        """The period's first calendar day in :attr:`zone`."""
        return days_of(self.scope, self.zone)[0]

    @property
    def last_day(self) -> date:
        """The period's last calendar day in :attr:`zone` (the scope's end is exclusive)."""
        return days_of(self.scope, self.zone)[1]

    @property
    def growth(self) -> dict[str, float | None]:
        """Relative change of each of :data:`GROWTH_FIGURES` against the previous period (0.1 = +10 %)."""
        return {
            name: tables.growth(getattr(self.summary, name), getattr(self.previous, name)) for name in GROWTH_FIGURES
        }

    @property
    def account_names(self) -> tuple[str, ...]:
        """The accounts that published in the period, by name."""
        return tuple(sorted(row.label for row in self.by_account))


def days_of(scope: Scope, zone: str) -> tuple[date, date]:
    """The first and last calendar days of ``scope`` in ``zone`` (its end is exclusive)."""
    tz = timeutil.zone(zone)
    return scope.since.astimezone(tz).date(), (scope.until - timedelta(microseconds=1)).astimezone(tz).date()


def scope_for_days(
    since: date,
    until: date,
    zone: str,
    *,
    account_ids: Sequence[int] = (),
    languages: Sequence[str] = (),
    platforms: Sequence[str] = (),
) -> Scope:
    """The scope of the calendar days ``since`` to ``until`` (both included) in ``zone``."""
    if until < since:
        raise UserError(
            Msg(
                "The period ends ({until}) before it starts ({since}); give --until on or after --since.",
                until=until,
                since=since,
            )
        )
    tz = timeutil.zone(zone)
    start = datetime.combine(since, time(0), tzinfo=tz).astimezone(UTC)
    end = datetime.combine(until + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)
    return Scope(start, end, tuple(account_ids), tuple(languages), tuple(platforms))


def build_report(store: Store, scope: Scope, *, zone: str, now: datetime | None = None) -> Report:
    """Read everything the report shows for ``scope``; a :class:`UserError` if nothing was published in it."""
    timeutil.zone(zone)  # an unknown zone is refused before any read
    summary = analytics.summary(store, scope)
    if summary.posts == 0:
        raise UserError(_nothing_published(scope, zone))
    by_account = tuple(analytics.breakdown(store, scope, "account", zone=zone))
    moment = now or timeutil.now_utc()
    return Report(
        scope=scope,
        zone=zone,
        generated_at=moment,
        summary=summary,
        previous=analytics.summary(store, scope.previous()),
        by_account=by_account,
        by_language=tuple(analytics.breakdown(store, scope, "language", zone=zone)),
        by_platform=tuple(analytics.breakdown(store, scope, "platform", zone=zone)),
        daily=tuple(analytics.breakdown(store, scope, "day", zone=zone)),
        best=tuple(analytics.ranked(store, scope, limit=RANKED)),
        worst=tuple(analytics.ranked(store, scope, limit=RANKED, worst=True)),
        best_times=tuple(
            AccountBestTime(row.label, best_time(store, int(row.key), now=moment))
            for row in by_account[:BEST_TIME_ACCOUNTS]
        ),
        variants=tuple(analytics.variants(store, scope)),
        comments=comment_counts(store, scope),
    )


def report_tables(report: Report) -> list[tables.Table]:
    """The report's sheets: summary, posts, then the breakdowns by account, language, platform and day."""
    return [
        tables.summary_table(report.summary, report.previous),
        tables.variants_table(report.variants, zone=report.zone),
        tables.breakdown_table(report.by_account, "account"),
        tables.breakdown_table(report.by_language, "language"),
        tables.breakdown_table(report.by_platform, "platform"),
        tables.breakdown_table(report.daily, "day"),
    ]


def write_report(
    store: Store,
    scope: Scope,
    path: str | Path,
    fmt: Format,
    *,
    zone: str = "UTC",
    now: datetime | None = None,
) -> Path:
    """Write the report of ``scope`` to ``path`` as ``fmt``; the path written.

    ``csv``: the posts with their figures; ``xlsx``: summary, posts and breakdown sheets;
    ``pdf``: the report with its charts. Nothing is left at ``path`` when it fails.
    """
    if fmt not in FORMATS:
        raise UserError(Msg("Unknown report format {fmt!r}: choose csv, xlsx or pdf.", fmt=fmt))
    target = check_writable(path)  # refused before the reads, not after them
    if fmt == "csv":
        timeutil.zone(zone)
        rows = analytics.variants(store, scope)
        if not rows:
            raise UserError(_nothing_published(scope, zone))
        return tables.write_csv(tables.variants_table(rows, zone=zone), target)
    if fmt == "pdf":
        from core.reports import pdf  # fpdf2 and matplotlib load only for the PDF

        fonts = pdf.check_fonts()  # before any read: a machine without fonts is told at once
        return pdf.write_pdf(build_report(store, scope, zone=zone, now=now), target, fonts=fonts)
    return tables.write_xlsx(report_tables(build_report(store, scope, zone=zone, now=now)), target)


def _nothing_published(scope: Scope, zone: str) -> Msg:
    first, last = days_of(scope, zone)
    filtered = Msg(" with these filters") if scope.account_ids or scope.languages or scope.platforms else ""
    return Msg(
        "Nothing was published from {first} to {last} ({zone}){filtered}, so there is nothing to report.",
        first=first,
        last=last,
        zone=zone,
        filtered=filtered,
    )
