"""The Engagement screen without Qt: filters, periods, the summary strip, chart points and exports.

Filters become a :class:`core.queries.analytics.Scope` over UTC instants; periods are whole days
on the officer's clock ("the last 7 days" ends at tomorrow's midnight there). The loads
(:func:`load_dashboard`, :func:`load_best_time`, :func:`load_history`, :func:`export`) run in
operations on a pool thread; the rest shapes their results for the widgets. Words a person reads
are chosen by the widgets (they translate them); numbers are formatted here.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path

from core import queries
from core.domain import Account
from core.errors import UserError
from core.queries import analytics
from core.queries.analytics import Figures, Row, Scope, VariantFigures
from core.queries.best_time import BestTime, Cell, best_time
from core.queries.engagement import Snapshot, series
from core.queries.metrics_health import FailingMetrics, failing_metrics
from core.store import Store

#: The officer's zone: a zone, or ``None`` for the computer's own.
Zone = tzinfo | None


class Preset(enum.StrEnum):
    """The period filter's choices."""

    LAST_7_DAYS = "last_7_days"
    LAST_30_DAYS = "last_30_days"
    LAST_90_DAYS = "last_90_days"
    THIS_QUARTER = "this_quarter"
    CUSTOM = "custom"


_DAYS = {Preset.LAST_7_DAYS: 7, Preset.LAST_30_DAYS: 30, Preset.LAST_90_DAYS: 90}


def zone_name(zone: Zone) -> str:
    """The IANA name the queries bucket days in: the zone's key, else ``UTC``."""
    key = getattr(zone, "key", None)
    return key if isinstance(key, str) else "UTC"


def _midnight(day: date, zone: Zone) -> datetime:
    local = datetime.combine(day, time())
    aware = local.astimezone() if zone is None else local.replace(tzinfo=zone)
    return aware.astimezone(UTC)


def day_range(first: date, last: date, zone: Zone) -> tuple[datetime, datetime]:
    """``[first 00:00, last + 1 day 00:00)`` on the officer's clock, as UTC instants."""
    return _midnight(first, zone), _midnight(last + timedelta(days=1), zone)


def quarter_start(day: date) -> date:
    """The first day of ``day``'s calendar quarter."""
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def period_days(preset: Preset, today: date, first: date | None = None, last: date | None = None) -> tuple[date, date]:
    """The first and last day (inclusive, the officer's calendar) of a period.

    "This quarter" runs from the quarter's first day to today, so its previous period of the same
    length is comparable. A custom period needs both dates, the first not after the last.
    """
    if preset in _DAYS:
        return today - timedelta(days=_DAYS[preset] - 1), today
    if preset is Preset.THIS_QUARTER:
        return quarter_start(today), today
    if first is None or last is None:
        raise UserError("Choose both dates of the period.")
    if first > last:
        raise UserError("The period ends before it begins: choose a later end date.")
    return first, last


@dataclass(frozen=True)
class Filters:
    """What the person chose above the dashboard; empty tuples mean "all"."""

    preset: Preset = Preset.LAST_30_DAYS
    first: date | None = None  # custom period only
    last: date | None = None
    account_ids: tuple[int, ...] = ()
    languages: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()

    def scope(self, today: date, zone: Zone) -> Scope:
        """The analytics scope these filters select, its days read on the officer's clock."""
        first, last = period_days(self.preset, today, self.first, self.last)
        since, until = day_range(first, last, zone)
        return Scope(
            since=since,
            until=until,
            account_ids=tuple(sorted(self.account_ids)),
            languages=tuple(sorted(self.languages)),
            platforms=tuple(sorted(self.platforms)),
        )


# --- numbers ---------------------------------------------------------------------------------------


def figure_text(value: int | None) -> str:
    """A count with thousands separators; blank when no reading gave it (never a false zero)."""
    return "" if value is None else f"{value:,}"


def rate_text(rate: float | None) -> str:
    """An engagement rate as a percentage with two decimals; blank when unknown."""
    return "" if rate is None else f"{rate * 100:.2f}%"


def growth(current: float | None, previous: float | None) -> float | None:
    """Relative change from ``previous`` to ``current`` (0.25 = +25 %); ``None`` when not comparable."""
    if current is None or previous is None or previous == 0:
        return None
    return (current - previous) / previous


class Trend(enum.StrEnum):
    """How a figure moved against the previous period."""

    UP = "up"
    DOWN = "down"
    FLAT = "flat"
    NEW = "new"  # nothing before, something now
    UNKNOWN = "unknown"  # a figure missing on either side


def trend(current: float | None, previous: float | None) -> Trend:
    """The direction of a change, for the arrow and the colour."""
    if current is None or previous is None:
        return Trend.UNKNOWN
    if previous == 0:
        return Trend.NEW if current > 0 else Trend.FLAT
    if current > previous:
        return Trend.UP
    return Trend.DOWN if current < previous else Trend.FLAT


def growth_text(current: float | None, previous: float | None) -> str:
    """``+25.0%`` / ``-3.1%``; blank when there is nothing to compare with."""
    change = growth(current, previous)
    return "" if change is None else f"{change * 100:+.1f}%"


#: The summary strip's tiles, in order (``rate`` is the engagement rate).
TILE_KEYS = ("posts", "reactions", "shares", "replies", "impressions", "clicks", "rate")


@dataclass(frozen=True)
class Tile:
    """One figure of the summary strip, against the previous period of the same length."""

    key: str
    value: str
    previous: str
    growth: str
    trend: Trend


def tiles(current: Figures, previous: Figures) -> list[Tile]:
    """The summary strip: each figure now, before, and how it changed."""
    made = []
    for key in TILE_KEYS:
        now, before = getattr(current, key), getattr(previous, key)
        shown = rate_text if key == "rate" else figure_text
        moved = trend(now, before)
        if previous.posts == 0 and now:  # nothing was published before: every figure is new
            moved = Trend.NEW
        made.append(Tile(key, shown(now), shown(before), growth_text(now, before), moved))
    return made


# --- loads (on a pool thread) ----------------------------------------------------------------------


@dataclass(frozen=True)
class Dashboard:
    """One load of the Engagement screen."""

    scope: Scope
    current: Figures
    previous: Figures
    daily: list[Row]
    by_account: list[Row]
    by_language: list[Row]
    variants: list[VariantFigures]
    accounts: list[Account]
    failing: list[FailingMetrics] = field(default_factory=list)


def load_dashboard(store: Store, scope: Scope, zone: str) -> Dashboard:
    """Everything the screen shows for ``scope``, days bucketed in ``zone``."""
    return Dashboard(
        scope=scope,
        current=analytics.summary(store, scope),
        previous=analytics.summary(store, scope.previous()),
        daily=analytics.breakdown(store, scope, "day", zone=zone),
        by_account=analytics.breakdown(store, scope, "account", zone=zone),
        by_language=analytics.breakdown(store, scope, "language", zone=zone),
        variants=analytics.variants(store, scope),
        accounts=queries.list_accounts(store),
        failing=failing_metrics(store, account_ids=list(scope.account_ids)),
    )


def load_best_time(store: Store, account_id: int) -> BestTime:
    """One account's hour-by-weekday history and advice."""
    return best_time(store, account_id)


@dataclass(frozen=True)
class History:
    """A published variant over time, and the same post on its other accounts and languages."""

    variant_id: int
    series: list[Snapshot]
    siblings: list[VariantFigures]


def load_history(store: Store, variant_id: int, post_id: int) -> History:
    """The readings of ``variant_id`` and the comparison of its post."""
    return History(variant_id, series(store, variant_id), analytics.compare_post(store, post_id))


# --- chart points ----------------------------------------------------------------------------------


def bar_points(rows: Sequence[Row], limit: int = 10) -> list[tuple[str, int]]:
    """The largest groups of a breakdown as ``(label, engagements)``, at most ``limit``."""
    return [(row.label, row.figures.engagements) for row in rows[:limit]]


def daily_points(rows: Sequence[Row]) -> list[tuple[date, int]]:
    """A day breakdown as ``(day, engagements gained)``, oldest first."""
    points = []
    for row in rows:
        points.append((date.fromisoformat(str(row.key)[:10]), row.figures.engagements))
    return sorted(points)


def engagements_of(snapshot: Snapshot) -> int | None:
    """Reactions + shares + replies + clicks of one reading (the known ones); ``None`` if none is known."""
    known = [v for v in (snapshot.reactions, snapshot.shares, snapshot.replies, snapshot.clicks) if v is not None]
    return sum(known) if known else None


def history_points(readings: Sequence[Snapshot], metric: str) -> list[tuple[datetime, int]]:
    """``(when read, value)`` of one metric (or ``engagements``) over a variant's readings; gaps skipped."""
    points = []
    for snapshot in readings:
        value = engagements_of(snapshot) if metric == "engagements" else getattr(snapshot, metric)
        if value is not None:
            points.append((snapshot.captured_at, int(value)))
    return points


@dataclass(frozen=True)
class Heat:
    """The heatmap's cells: each one's share of the best score (0..1, ``None`` for no post)."""

    levels: dict[tuple[int, int], float | None]
    posts: dict[tuple[int, int], int]
    best: tuple[tuple[int, int], ...]  # (weekday, hour) of the advised cells, best first


def heat(best: BestTime) -> Heat:
    """Scale ``best``'s cells to the brightest one; the advised cells only when advice is given."""
    scores = [cell.score for cell in best.cells if cell.score is not None]
    top = max(scores, default=0.0)
    levels: dict[tuple[int, int], float | None] = {}
    posts: dict[tuple[int, int], int] = {}
    for cell in best.cells:
        key = (cell.weekday, cell.hour)
        posts[key] = cell.posts
        levels[key] = None if cell.score is None else (cell.score / top if top > 0 else 0.0)
    advised: tuple[Cell, ...] = best.best if best.advice else ()
    return Heat(levels, posts, tuple((cell.weekday, cell.hour) for cell in advised))


# --- exports ---------------------------------------------------------------------------------------


class ExportKind(enum.StrEnum):
    """What the export buttons write."""

    CSV = "csv"
    XLSX = "xlsx"
    PDF = "pdf"


def export_path(path: str | Path, kind: ExportKind) -> Path:
    """``path`` with the kind's extension when the person typed none (or another one)."""
    chosen = Path(path)
    suffix = f".{kind.value}"
    return chosen if chosen.suffix.lower() == suffix else chosen.with_name(chosen.name + suffix)


def export(store: Store, scope: Scope, kind: ExportKind, path: Path, zone: str) -> Path:
    """Write ``scope``'s table of posts (CSV), the posts with the summary and breakdowns (XLSX) or
    the managers' PDF report; the path written. Refusals (an empty period, an unwritable path) are
    :class:`UserError` sentences, and nothing is left at ``path`` then."""
    from core.reports import report  # the report's libraries load only when exporting

    return report.write_report(store, scope, path, kind.value, zone=zone)
