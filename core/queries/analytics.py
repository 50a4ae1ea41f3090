"""Engagement analytics: totals, growth, comparisons, rankings (the dashboard's and reports' reads).

A snapshot is a cumulative reading: what a variant had reached when it was read. Totals are
sums over variants of each variant's latest reading at a moment; growth is a difference of two
readings of the same variant, never a sum of readings. A figure no reading gave stays ``None``.

The reads come from the rollup kept by :mod:`core.services.engagement`: ``engagement_latest``
(each variant's newest figures) and ``engagement_hourly`` (what variants gained per UTC hour).
Totals and groups are summed by the database over ``engagement_latest``. Raw snapshots are read
only where the rollup cannot answer exactly: variants read again after ``scope.until`` (their
figures as of ``until``, one indexed look-up per figure), variants published on a UTC day the
scope only partly covers, the last partial hour, and period boundaries that are not on a UTC
hour (zones such as Asia/Kolkata: then every variant's readings are read: slower, but exact).

Conventions: a variant "reports impressions" (and counts toward ``rate``) when any of its
readings gave impressions; each figure of a variant is the newest one its readings gave.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal, NamedTuple

from sqlalchemy import ColumnElement, Connection, Float, Select, case, cast, func, or_, select

from core import timeutil
from core.domain import VariantStatus
from core.services.engagement import METRICS, Reading, deltas, engagements, hour_of
from core.store import Store
from core.store.tables import accounts, engagement_hourly, engagement_latest, engagement_snapshots, posts
from core.store.tables import variants as variants_table

#: How a breakdown groups: by published variant, post, account, language, platform, or by the
#: period (day, ISO week, month) in which each reading's growth happened, in a given time zone.
Dimension = Literal["variant", "post", "account", "language", "platform", "day", "week", "month"]
#: What a ranking orders by.
RankBy = Literal["engagements", "reactions", "shares", "replies", "impressions", "clicks", "rate"]


@dataclass(frozen=True)
class Scope:
    """What a dashboard or report looks at.

    Variants published in ``[since, until)`` (UTC) on these accounts, languages and platforms;
    an empty tuple means all of them.
    """

    since: datetime
    until: datetime
    account_ids: tuple[int, ...] = ()
    languages: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()

    def previous(self) -> Scope:
        """The period of the same length just before this one, with the same filters."""
        length = self.until - self.since
        return replace(self, since=self.since - length, until=self.since)


@dataclass(frozen=True)
class Figures:
    """Summed figures of some variants.

    ``engagements`` is reactions + shares + replies + clicks (the known ones). ``rate`` is
    engagements / impressions over the variants whose platform gives impressions (``None`` when
    none does). ``posts`` counts the published variants in the group, ``read`` those with at least
    one reading. A metric no variant of the group ever reported is ``None``, not zero.
    """

    posts: int
    read: int
    reactions: int | None
    shares: int | None
    replies: int | None
    impressions: int | None
    clicks: int | None
    engagements: int
    rate: float | None


@dataclass(frozen=True)
class Row:
    """One group of a breakdown: its key (account id, language code, platform, variant or post
    id, or the ISO date of the period's first day), a label to show, and its figures."""

    key: str | int
    label: str
    figures: Figures


@dataclass(frozen=True)
class VariantFigures:
    """One published variant with its latest figures (as of the scope's end)."""

    variant_id: int
    post_id: int
    account_id: int
    account_name: str
    platform: str
    language: str
    published_at: datetime
    remote_url: str | None
    text: str
    figures: Figures  # posts == 1


def summary(store: Store, scope: Scope) -> Figures:
    """Totals of the variants published in ``scope``: each variant's latest reading before ``scope.until``."""
    with store.read() as conn:
        return _summary(conn, scope)


def breakdown(store: Store, scope: Scope, by: Dimension, *, zone: str = "UTC") -> list[Row]:
    """Totals of ``summary`` grouped by ``by``, largest engagements first.

    For ``day``/``week``/``month`` the groups are what the scope's variants *gained* in each
    period (reading at the period's end minus reading at its start), periods bucketed in
    ``zone``, oldest first; periods with no growth are present with zeros so a chart has no holes.
    Growth is counted up to ``scope.until`` (the last period may end later). A period's ``posts``
    are the scope's variants published in it, ``read`` those of them read before ``until``.
    """
    if by in ("day", "week", "month"):
        with store.read() as conn:
            return _by_period(conn, scope, by, zone)
    if by not in _GROUPS:
        raise ValueError(f"unknown breakdown {by!r}")
    key, label = _GROUPS[by]
    columns, sql_label = _GROUP_COLUMNS[by]
    groups: dict[str | int, tuple[str, _Totals]] = {}
    with store.read() as conn:
        for row in conn.execute(_aggregate(scope, columns)):
            groups.setdefault(row[0], (sql_label(row), _Totals()))[1].add_row(row[len(columns) :])
        for item in _load(conn, scope, late=True):
            groups.setdefault(key(item), (label(item), _Totals()))[1].add(item)
    rows = [Row(k, text, totals.figures()) for k, (text, totals) in groups.items()]
    return sorted(rows, key=lambda r: (-r.figures.engagements, r.label, str(r.key)))


def ranked(
    store: Store, scope: Scope, *, by: RankBy = "engagements", limit: int = 10, worst: bool = False
) -> list[VariantFigures]:
    """The top (or, with ``worst``, bottom) ``limit`` variants of ``scope`` by ``by``; unread ones are left out.

    A variant without the figure ranked by (never reported, or no rate) is left out too; ties go
    to the older variant id.
    """
    if limit <= 0:
        return []
    value = _rank_expression(by)
    order = value.asc() if worst else value.desc()
    query = (
        _joined(select(variants_table.c.id, value))
        .where(_published(), engagement_latest.c.captured_at < scope.until, value.is_not(None))
        .order_by(order, variants_table.c.id)
        .limit(limit)
    )
    with store.read() as conn:
        candidates = [(float(v), i) for i, v in conn.execute(_scoped(query, scope))]
        for item in _load(conn, scope, late=True):
            late_value = _rank_value(item, by) if item.readings else None
            if late_value is not None:
                candidates.append((float(late_value), item.variant_id))
        sign = 1 if worst else -1
        chosen = [i for _v, i in sorted(candidates, key=lambda pair: (sign * pair[0], pair[1]))[:limit]]
        found = {item.variant_id: item for item in _load(conn, scope, variant_ids=chosen)}
    return [_variant_figures(found[i]) for i in chosen]


def compare_post(store: Store, post_id: int) -> list[VariantFigures]:
    """The same post across its published languages and accounts, by engagements."""
    with store.read() as conn:
        loaded = _load(conn, None, post_id=post_id)
    found = [_variant_figures(item) for item in loaded]
    return sorted(found, key=lambda v: (-v.figures.engagements, v.account_name, v.variant_id))


def variants(store: Store, scope: Scope) -> list[VariantFigures]:
    """Every published variant of ``scope`` with its latest figures, newest first (the dashboard's table)."""
    with store.read() as conn:
        loaded = _load(conn, scope)
    loaded.sort(key=lambda v: (v.published_at, v.variant_id), reverse=True)
    return [_variant_figures(item) for item in loaded]


# --- sums over the rollup -----------------------------------------------------------------------

_latest = engagement_latest.c
_ENGAGEMENTS = (
    func.coalesce(_latest.reactions, 0)
    + func.coalesce(_latest.shares, 0)
    + func.coalesce(_latest.replies, 0)
    + func.coalesce(_latest.clicks, 0)
)
#: What :meth:`_Totals.add_row` reads, in order.
_SUMS = (
    func.count(variants_table.c.id),
    func.count(_latest.variant_id),
    *(func.sum(_latest[m]) for m in METRICS),
    func.sum(_ENGAGEMENTS),
    func.sum(case((_latest.impressions.is_not(None), _ENGAGEMENTS))),
    func.count(_latest.impressions),
)


def _published() -> ColumnElement[bool]:
    return (variants_table.c.status == VariantStatus.PUBLISHED.value) & variants_table.c.published_at.is_not(None)


def _joined(query: Select[Any], *, with_posts: bool = False) -> Select[Any]:
    joined = variants_table.join(accounts, accounts.c.id == variants_table.c.account_id)
    if with_posts:
        joined = joined.join(posts, posts.c.id == variants_table.c.post_id)
    return query.select_from(joined.outerjoin(engagement_latest, _latest.variant_id == variants_table.c.id))


def _scoped(query: Select[Any], scope: Scope) -> Select[Any]:
    query = query.where(variants_table.c.published_at >= scope.since, variants_table.c.published_at < scope.until)
    if scope.account_ids:
        query = query.where(variants_table.c.account_id.in_(scope.account_ids))
    if scope.languages:
        query = query.where(variants_table.c.language.in_(scope.languages))
    if scope.platforms:
        query = query.where(accounts.c.platform.in_(scope.platforms))
    return query


def _aggregate(scope: Scope, columns: Sequence[Any] = ()) -> Select[Any]:
    """:data:`_SUMS` over the scope's variants not read since ``scope.until`` (their newest figures are
    the ones as of ``until``), grouped by ``columns`` (which come first in each row)."""
    with_posts = any(getattr(c, "table", None) is posts for c in columns)
    query = _joined(select(*columns, *_SUMS), with_posts=with_posts).where(
        _published(), or_(_latest.captured_at.is_(None), _latest.captured_at < scope.until)
    )
    query = _scoped(query, scope)
    return query.group_by(*columns) if columns else query


def _summary(conn: Connection, scope: Scope) -> Figures:
    totals = _Totals()
    for row in conn.execute(_aggregate(scope)):
        totals.add_row(row)
    for item in _load(conn, scope, late=True):
        totals.add(item)
    return totals.figures()


_IMPRESSIONS = METRICS.index("impressions")


class _Totals:
    """Figures being summed, from SQL sums and from single variants."""

    def __init__(self) -> None:
        self.posts = self.read = self.engaged = self.rated_engaged = self.rated_impressions = self.rated = 0
        self.totals: list[int | None] = [None] * len(METRICS)

    def _add_figures(self, values: Sequence[Any]) -> None:
        for index, value in enumerate(values):
            if value is not None:
                self.totals[index] = (self.totals[index] or 0) + int(value)

    def add_row(self, row: Sequence[Any]) -> None:
        """One row of :data:`_SUMS`."""
        self.posts += int(row[0])
        self.read += int(row[1])
        self._add_figures(row[2 : 2 + len(METRICS)])
        engaged, rated_engaged, rated = row[2 + len(METRICS) :]
        self.engaged += int(engaged or 0)
        self.rated_engaged += int(rated_engaged or 0)
        self.rated_impressions += int(row[2 + _IMPRESSIONS] or 0)
        self.rated += int(rated)

    def add(self, item: _Variant) -> None:
        """One variant."""
        self.posts += 1
        self.read += item.readings > 0
        self._add_figures(item.figures)
        gained = engagements(item.figures)
        self.engaged += gained
        if item.rated:
            self.rated += 1
            self.rated_engaged += gained
            self.rated_impressions += item.figures[_IMPRESSIONS] or 0

    def figures(self) -> Figures:
        rate = self.rated_engaged / self.rated_impressions if self.rated and self.rated_impressions > 0 else None
        return _make(self.posts, self.read, self.totals, self.engaged, rate)


def _make(posts_count: int, read: int, totals: Sequence[int | None], engaged: int, rate: float | None) -> Figures:
    reactions, shares, replies, impressions, clicks = totals
    return Figures(posts_count, read, reactions, shares, replies, impressions, clicks, engaged, rate)


def _rank_expression(by: RankBy) -> ColumnElement[Any]:
    if by == "engagements":
        return _ENGAGEMENTS
    if by == "rate":
        ratio = cast(_ENGAGEMENTS, Float) / _latest.impressions
        return case((_latest.impressions > 0, ratio), else_=None)
    return _latest[by]


# --- one variant as of the scope's end ------------------------------------------------------


class _Variant(NamedTuple):
    """A published variant with its figures as of the scope's end (a tuple: ten thousand are built at once)."""

    variant_id: int
    post_id: int
    account_id: int
    account_name: str
    platform: str
    language: str
    published_at: datetime
    remote_url: str | None
    text: str
    post_text: str
    rated: bool  # reports impressions
    readings: int  # readings before the scope's end
    figures: tuple[int | None, ...]  # as of the scope's end, METRICS order


_CHUNK = 500


def _as_of_columns(until: datetime) -> list[Any]:
    """Each figure's newest given value before ``until``, and the count of readings: indexed look-ups."""
    s = engagement_snapshots.c
    found: list[Any] = [
        select(func.count())
        .select_from(engagement_snapshots)
        .where(s.variant_id == variants_table.c.id, s.captured_at < until)
        .scalar_subquery()
    ]
    for metric in METRICS:
        found.append(
            select(s[metric])
            .where(s.variant_id == variants_table.c.id, s.captured_at < until, s[metric].is_not(None))
            .order_by(s.captured_at.desc(), s.id.desc())
            .limit(1)
            .scalar_subquery()
        )
    return found


def _load(
    conn: Connection,
    scope: Scope | None,
    *,
    post_id: int | None = None,
    variant_ids: Sequence[int] | None = None,
    late: bool = False,
) -> list[_Variant]:
    """The published variants of ``scope`` (or of ``post_id``, or ``variant_ids``), each with its
    figures as of ``scope.until``; with ``late``, only those read again at or after ``until``."""
    v = variants_table.c
    base = [
        v.id,
        v.post_id,
        v.account_id,
        accounts.c.name,
        accounts.c.platform,
        v.language,
        v.published_at,
        v.remote_url,
        v.text,
        posts.c.text,
        _latest.impressions.is_not(None),
    ]
    newest: list[Any] = [func.coalesce(_latest.readings, 0), *(_latest[m] for m in METRICS)]
    queries = []
    if scope is None:
        queries.append(_joined(select(*base, *newest), with_posts=True).where(_published()))
    else:
        # Read again since the scope's end: figures as of the end, from the snapshots themselves.
        later = _joined(select(*base, *_as_of_columns(scope.until)), with_posts=True)
        queries.append(_scoped(later.where(_published(), _latest.captured_at >= scope.until), scope))
        if not late:
            current = _joined(select(*base, *newest), with_posts=True).where(
                _published(), or_(_latest.captured_at.is_(None), _latest.captured_at < scope.until)
            )
            queries.append(_scoped(current, scope))
    found: list[_Variant] = []
    for query in queries:
        if post_id is not None:
            query = query.where(v.post_id == post_id)
        if variant_ids is not None:
            query = query.where(v.id.in_(variant_ids))
        found.extend(_variant(row) for row in conn.execute(query).all())
    return found


def _variant(row: Sequence[Any]) -> _Variant:
    """A :class:`_Variant` from a row of :func:`_load`'s query (figures are integers on both backends)."""
    return _Variant._make((*row[:10], bool(row[10]), row[11] or 0, tuple(row[12:])))


def _readings(conn: Connection, variant_ids: Sequence[int], until: datetime | None) -> dict[int, list[Reading]]:
    """The raw readings of ``variant_ids`` taken before ``until``, by variant."""
    found: dict[int, list[Reading]] = defaultdict(list)
    s = engagement_snapshots.c
    for start in range(0, len(variant_ids), _CHUNK):
        query = select(s.variant_id, s.id, s.captured_at, *(s[m] for m in METRICS)).where(
            s.variant_id.in_(variant_ids[start : start + _CHUNK])
        )
        if until is not None:
            query = query.where(s.captured_at < until)
        for variant_id, *values in conn.execute(query).all():
            found[variant_id].append(Reading(*values))
    return found


def _figures(items: Iterable[_Variant]) -> Figures:
    """The summed figures of ``items`` (see :class:`Figures`)."""
    totals = _Totals()
    for item in items:
        totals.add(item)
    return totals.figures()


def _single(item: _Variant) -> Figures:
    """One variant's figures (what :func:`_figures` gives for it, without the summing)."""
    reactions, shares, replies, impressions, clicks = item.figures
    gained = (reactions or 0) + (shares or 0) + (replies or 0) + (clicks or 0)
    rate = gained / impressions if item.rated and impressions is not None and impressions > 0 else None
    return Figures(1, int(item.readings > 0), reactions, shares, replies, impressions, clicks, gained, rate)


def _variant_figures(item: _Variant) -> VariantFigures:
    return VariantFigures(
        variant_id=item.variant_id,
        post_id=item.post_id,
        account_id=item.account_id,
        account_name=item.account_name,
        platform=item.platform,
        language=item.language,
        published_at=item.published_at,
        remote_url=item.remote_url,
        text=item.text,
        figures=_single(item),
    )


def _rank_value(item: _Variant, by: RankBy) -> float | None:
    if by == "engagements":
        return engagements(item.figures)
    if by == "rate":
        return _single(item).rate
    return item.figures[METRICS.index(by)]


def _snippet(text: str, width: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def _variant_label(account_name: str, language: str, text: str) -> str:
    return f"{account_name} ({language}): {_snippet(text)}"


_GROUPS: dict[str, tuple[Callable[[_Variant], str | int], Callable[[_Variant], str]]] = {
    "variant": (lambda v: v.variant_id, lambda v: _variant_label(v.account_name, v.language, v.text)),
    "post": (lambda v: v.post_id, lambda v: _snippet(v.post_text)),
    "account": (lambda v: v.account_id, lambda v: v.account_name),
    "language": (lambda v: v.language, lambda v: v.language),
    "platform": (lambda v: v.platform, lambda v: v.platform),
}
#: The same groups in SQL: the key column first, then what the label is made of.
_GROUP_COLUMNS: dict[str, tuple[Sequence[Any], Callable[[Any], str]]] = {
    "variant": (
        (variants_table.c.id, accounts.c.name, variants_table.c.language, variants_table.c.text),
        lambda row: _variant_label(row[1], row[2], row[3]),
    ),
    "post": ((posts.c.id, posts.c.text), lambda row: _snippet(row[1])),
    "account": ((variants_table.c.account_id, accounts.c.name), lambda row: str(row[1])),
    "language": ((variants_table.c.language,), lambda row: str(row[0])),
    "platform": ((accounts.c.platform,), lambda row: str(row[0])),
}


# --- growth per period ------------------------------------------------------------------------


def _period_starts(scope: Scope, by: str, zone: str) -> tuple[list[date], list[datetime]]:
    """The local first days of the periods covering the scope, and each one's start as a UTC instant,
    plus the end of the last one (so ``len(instants) == len(days) + 1``)."""
    tz = timeutil.zone(zone)
    day = scope.since.astimezone(tz).date()
    if by == "week":
        day -= timedelta(days=day.weekday())
    elif by == "month":
        day = day.replace(day=1)
    days: list[date] = []
    instants: list[datetime] = []
    while True:
        instant = datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)
        instants.append(instant)
        if instant >= scope.until:
            break
        days.append(day)
        if by == "day":
            day += timedelta(days=1)
        elif by == "week":
            day += timedelta(days=7)
        else:
            day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return days, instants


def _on_hour(instant: datetime) -> bool:
    return hour_of(instant) == instant


class _Lean(NamedTuple):
    """What growth per period needs of a variant."""

    variant_id: int
    published_at: datetime
    rated: bool
    read: bool  # read before the scope's end (for the late ones: decided by _lean)
    late: bool  # read at or after the scope's end
    last_hour: bool  # read at or after the start of the scope's last hour


def _lean(conn: Connection, scope: Scope) -> list[_Lean]:
    """The scope's variants, with what the database can tell of their readings without reading them."""
    newest = _latest.captured_at
    query = _joined(
        select(
            variants_table.c.id,
            variants_table.c.published_at,
            _latest.impressions.is_not(None),
            newest < scope.until,
            newest >= scope.until,
            newest >= hour_of(scope.until),
        )
    ).where(_published())
    rows = conn.execute(_scoped(query, scope)).all()
    items = [_Lean(r[0], r[1], bool(r[2]), bool(r[3]), bool(r[4]), bool(r[5])) for r in rows]
    late = [i.variant_id for i in items if i.late]
    read: set[int] = set()
    s = engagement_snapshots.c
    for start in range(0, len(late), _CHUNK):
        query = (
            select(s.variant_id)
            .where(s.variant_id.in_(late[start : start + _CHUNK]), s.captured_at < scope.until)
            .group_by(s.variant_id)
        )
        read.update(conn.execute(query).scalars())
    return [i._replace(read=True) if i.variant_id in read else i for i in items]


def _by_period(conn: Connection, scope: Scope, by: str, zone: str) -> list[Row]:
    scope = replace(scope, since=scope.since.astimezone(UTC), until=scope.until.astimezone(UTC))
    days, instants = _period_starts(scope, by, zone)
    known = _summary(conn, scope)
    loaded = _lean(conn, scope)

    def period(instant: datetime) -> int | None:
        index = bisect.bisect_right(instants, instant) - 1
        return index if 0 <= index < len(days) else None

    gained = [[0] * (len(METRICS) + 1) for _ in days]

    def add(instant: datetime, values: Sequence[int]) -> None:
        index = period(instant)
        if index is not None and instant < scope.until:
            for position, value in enumerate(values):
                gained[index][position] += value

    last_hour = hour_of(scope.until)
    if all(_on_hour(i) for i in instants):
        # Whole UTC publishing days inside the scope come from the rollup, up to the last whole
        # hour; the rest (edge days, the last partial hour) from those variants' readings.
        midnight = datetime.combine(scope.since.date(), time(0), UTC)
        first_full = scope.since.date() if scope.since == midnight else scope.since.date() + timedelta(days=1)
        inside = [v for v in loaded if first_full <= v.published_at.date() < scope.until.date()]
        for hour, values in _hourly(conn, scope, first_full, instants[0], last_hour):
            add(hour, values)
        inside_ids = {v.variant_id for v in inside}
        edges = [v for v in loaded if v.variant_id not in inside_ids]
        late = [v for v in inside if v.last_hour and last_hour < scope.until]
        _add_readings(conn, edges, scope.until, add, since=None)
        _add_readings(conn, late, scope.until, add, since=last_hour)
    else:
        _add_readings(conn, loaded, scope.until, add, since=None)

    posted: list[list[int]] = [[0, 0] for _ in days]
    for item in loaded:
        index = period(item.published_at)
        if index is not None:
            posted[index][0] += 1
            posted[index][1] += item.read
    figures = (known.reactions, known.shares, known.replies, known.impressions, known.clicks)
    rows = []
    for index, day in enumerate(days):
        values = gained[index]
        totals = [None if figures[m] is None else values[m] for m in range(len(METRICS))]
        impressions = values[_IMPRESSIONS]
        rate = values[-1] / impressions if known.impressions is not None and impressions > 0 else None
        engaged = engagements(values[: len(METRICS)])
        count, was_read = posted[index]
        rows.append(Row(day.isoformat(), day.isoformat(), _make(count, was_read, totals, engaged, rate)))
    return rows


def _hourly(
    conn: Connection, scope: Scope, first_day: date, since: datetime, until: datetime
) -> list[tuple[datetime, Sequence[int]]]:
    """What variants published on whole UTC days of ``scope`` gained per UTC hour in ``[since, until)``."""
    h = engagement_hourly.c
    query = (
        select(h.hour, *(func.sum(h[m]) for m in (*METRICS, "rated_engagements")))
        .where(h.hour >= since, h.hour < until, h.published_day >= first_day, h.published_day < scope.until.date())
        .group_by(h.hour)
    )
    if scope.account_ids:
        query = query.where(h.account_id.in_(scope.account_ids))
    if scope.languages:
        query = query.where(h.language.in_(scope.languages))
    if scope.platforms:
        query = query.join(accounts, accounts.c.id == h.account_id).where(accounts.c.platform.in_(scope.platforms))
    return [(row[0], [int(v or 0) for v in row[1:]]) for row in conn.execute(query)]


def _add_readings(
    conn: Connection,
    items: Sequence[_Lean],
    until: datetime,
    add: Callable[[datetime, Sequence[int]], None],
    *,
    since: datetime | None,
) -> None:
    """Add what ``items`` gained at each of their readings before ``until`` (from ``since`` on, if given)."""
    history = _readings(conn, [v.variant_id for v in items], until)
    for item in items:
        for instant, values in deltas(history.get(item.variant_id, []), item.rated):
            if since is None or instant >= since:
                add(instant, values)
