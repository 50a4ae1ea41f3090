"""Engagement readings and their rollup: the one place a snapshot is written.

A snapshot is a cumulative reading (what a post had reached when it was read), never
overwritten. Two derived tables make the dashboard's reads cheap (see ``core/store/tables.py``):

- ``engagement_latest``: per variant, each figure's newest value, and the engagements it had
  24 hours after publishing (the best-time score).
- ``engagement_hourly``: per account, language and UTC publishing day, what those variants
  *gained* in each UTC hour: differences of consecutive readings of each variant, summed.

Both are functions of a variant's readings alone, and readings may arrive out of order (an older
``captured_at`` after a newer one). So each new snapshot recomputes its variant's part from all
of that variant's readings (a few dozen rows): ``engagement_latest`` is replaced, and
``engagement_hourly`` gets the difference between the variant's gains with and without the new
reading. The rollup therefore always equals :func:`rebuild_rollup`'s recomputation.

Conventions of every figure here: a figure a reading did not give (``None``) is skipped, so a
partial reading never makes a count drop to zero; a variant's growth starts from zero at
publishing; a variant "reports impressions" when any of its readings gave them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import Connection, Insert, and_, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from core.errors import NotFoundError
from core.store import Store
from core.store.engine import new_id
from core.store.tables import engagement_hourly, engagement_latest, engagement_snapshots, variants
from core.words import Msg

#: The figures a snapshot holds, in the order of :class:`Reading` and of the rollup's columns.
METRICS = ("reactions", "shares", "replies", "impressions", "clicks")
#: The figures that count as engagements (impressions are reach, not engagement).
ENGAGEMENT_METRICS = ("reactions", "shares", "replies", "clicks")
#: The age at which a post's engagements are compared across posts (best time to post).
SCORE_AGE = timedelta(hours=24)
#: Index of each metric in a gains tuple; the last slot is ``rated_engagements``.
_ENGAGING = tuple(METRICS.index(m) for m in ENGAGEMENT_METRICS)
_RATED = len(METRICS)
_GAIN_COLUMNS = (*METRICS, "rated_engagements")
_BATCH = 5_000

Gains = tuple[int, int, int, int, int, int]


class Reading(NamedTuple):
    """One snapshot's figures (``None``: not given that time)."""

    id: int
    captured_at: datetime
    reactions: int | None
    shares: int | None
    replies: int | None
    impressions: int | None
    clicks: int | None
    partial: bool = False

    def figures(self) -> tuple[int | None, ...]:
        """The five figures, in :data:`METRICS` order."""
        return (self.reactions, self.shares, self.replies, self.impressions, self.clicks)


@dataclass(frozen=True)
class Latest:
    """A variant's readings summed up: a row of ``engagement_latest``."""

    snapshot_id: int
    captured_at: datetime
    readings: int
    figures: tuple[int | None, ...]  # each metric's newest given value, METRICS order
    partial: bool
    day_engagements: int | None


def reading_of(row: Any) -> Reading:
    """A :class:`Reading` from a row with the snapshot's columns (``id``, ``captured_at``, figures, ``partial``)."""
    return Reading(
        row.id, row.captured_at, row.reactions, row.shares, row.replies, row.impressions, row.clicks, bool(row.partial)
    )


def ordered(readings: Iterable[Reading]) -> list[Reading]:
    """Readings in time order (ties by id: the later written is the later reading)."""
    return sorted(readings, key=lambda r: (r.captured_at, r.id))


def engagements(figures: Sequence[int | None]) -> int:
    """Reactions + shares + replies + clicks, the known ones (figures in :data:`METRICS` order)."""
    return sum(figures[i] or 0 for i in _ENGAGING)


def as_of(readings: Iterable[Reading], until: datetime | None = None) -> tuple[tuple[int | None, ...], int]:
    """Each figure's newest given value among readings taken before ``until``, and how many there were."""
    values: list[int | None] = [None] * len(METRICS)
    count = 0
    for reading in ordered(readings):
        if until is not None and reading.captured_at >= until:
            break
        count += 1
        for index, value in enumerate(reading.figures()):
            if value is not None:
                values[index] = value
    return tuple(values), count


def reports_impressions(readings: Iterable[Reading]) -> bool:
    """Whether any reading gave impressions (the variant then counts toward engagement rates)."""
    return any(r.impressions is not None for r in readings)


def summarize(readings: Sequence[Reading], published_at: datetime | None) -> Latest | None:
    """The ``engagement_latest`` row of a variant with these readings (``None`` without any)."""
    if not readings:
        return None
    in_order = ordered(readings)
    newest = in_order[-1]
    figures, count = as_of(in_order)
    day: int | None = None
    if published_at is not None:
        by_then, taken = as_of(in_order, published_at + SCORE_AGE + timedelta(microseconds=1))
        day = engagements(by_then) if taken else None
    return Latest(newest.id, newest.captured_at, count, figures, newest.partial, day)


def hour_of(instant: datetime) -> datetime:
    """The start of the UTC hour holding ``instant``."""
    return instant.replace(minute=0, second=0, microsecond=0)


def deltas(readings: Iterable[Reading], rated: bool | None = None) -> list[tuple[datetime, Gains]]:
    """What each reading added: each given figure minus the previous given one, in time order.

    The first given value of a figure is all growth (a post starts from zero). ``rated``
    (default: whether any reading gave impressions) adds the engagements gained to the last slot.
    Readings that changed nothing are left out.
    """
    in_order = ordered(readings)
    if rated is None:
        rated = reports_impressions(in_order)
    previous = [0] * len(METRICS)
    found: list[tuple[datetime, Gains]] = []
    for reading in in_order:
        added = [0] * (len(METRICS) + 1)
        for index, value in enumerate(reading.figures()):
            if value is None:
                continue
            added[index] = value - previous[index]
            previous[index] = value
            if rated and index in _ENGAGING:
                added[_RATED] += added[index]
        if any(added):
            found.append((reading.captured_at, _gains(added)))
    return found


def gains(readings: Iterable[Reading], rated: bool | None = None) -> dict[datetime, Gains]:
    """:func:`deltas` summed by UTC hour (hours where nothing changed are left out)."""
    found: dict[datetime, list[int]] = {}
    for instant, added in deltas(readings, rated):
        slot = found.setdefault(hour_of(instant), [0] * (len(METRICS) + 1))
        for index, value in enumerate(added):
            slot[index] += value
    return {hour: _gains(values) for hour, values in found.items() if any(values)}


def _gains(values: Sequence[int]) -> Gains:
    return (values[0], values[1], values[2], values[3], values[4], values[5])


# --- writing ----------------------------------------------------------------------------------


def record_snapshot(
    conn: Connection,
    variant_id: int,
    captured_at: datetime,
    *,
    reactions: int | None = None,
    shares: int | None = None,
    replies: int | None = None,
    impressions: int | None = None,
    clicks: int | None = None,
    metrics: Mapping[str, Any] | None = None,
    partial: bool = False,
) -> int:
    """Append one reading of ``variant_id`` (in the caller's write transaction) and update the rollup.

    ``metrics`` is everything the platform gave, by its own names. Returns the snapshot's id.
    """
    # FOR UPDATE (PostgreSQL; SQLite has one writer anyway): two workers recording readings of
    # the same variant would otherwise both diff against the readings before either.
    variant = conn.execute(
        select(variants.c.account_id, variants.c.language, variants.c.published_at)
        .where(variants.c.id == variant_id)
        .with_for_update()
    ).first()
    if variant is None:
        raise NotFoundError(Msg("No variant with id {variant_id}.", variant_id=variant_id))
    before = _readings(conn, variant_id)
    snapshot_id = new_id(
        conn.execute(
            engagement_snapshots.insert().values(
                variant_id=variant_id,
                captured_at=captured_at,
                reactions=reactions,
                shares=shares,
                replies=replies,
                impressions=impressions,
                clicks=clicks,
                metrics=dict(metrics or {}),
                partial=partial,
            )
        )
    )
    after = [*before, Reading(snapshot_id, captured_at, reactions, shares, replies, impressions, clicks, partial)]
    _store_latest(conn, variant_id, summarize(after, variant.published_at))
    if variant.published_at is not None:
        old, new = gains(before), gains(after)
        change = {
            hour: _gains([n - o for n, o in zip(new.get(hour, (0,) * 6), old.get(hour, (0,) * 6), strict=True)])
            for hour in old.keys() | new.keys()
        }
        key = (variant.published_at.date(), variant.account_id, variant.language)
        _add_hourly(conn, {(*key, hour): values for hour, values in change.items() if any(values)})
    return snapshot_id


def _readings(conn: Connection, variant_id: int) -> list[Reading]:
    columns = [engagement_snapshots.c[name] for name in ("id", "captured_at", *METRICS, "partial")]
    rows = conn.execute(select(*columns).where(engagement_snapshots.c.variant_id == variant_id))
    return [reading_of(row) for row in rows]


def _upsert(conn: Connection) -> Any:
    """The dialect's ``INSERT`` with ``ON CONFLICT`` (both SQLite and PostgreSQL have it)."""
    return postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert


def _latest_values(variant_id: int, latest: Latest) -> dict[str, Any]:
    return {
        "variant_id": variant_id,
        "snapshot_id": latest.snapshot_id,
        "captured_at": latest.captured_at,
        "readings": latest.readings,
        **dict(zip(METRICS, latest.figures, strict=True)),
        "partial": latest.partial,
        "day_engagements": latest.day_engagements,
    }


def _store_latest(conn: Connection, variant_id: int, latest: Latest | None) -> None:
    if latest is None:
        conn.execute(delete(engagement_latest).where(engagement_latest.c.variant_id == variant_id))
        return
    statement = _upsert(conn)(engagement_latest).values(**_latest_values(variant_id, latest))
    replaced = {name: statement.excluded[name] for name in _latest_values(variant_id, latest) if name != "variant_id"}
    conn.execute(statement.on_conflict_do_update(index_elements=["variant_id"], set_=replaced))


HourlyKey = tuple[date, int, str, datetime]  # published_day, account_id, language, hour


def _add_hourly(conn: Connection, change: Mapping[HourlyKey, Gains]) -> None:
    """Add ``change`` to ``engagement_hourly`` (creating rows), then drop rows that fell to zero."""
    if not change:
        return
    rows = [_hourly_values(key, values) for key, values in change.items()]
    statement: Insert = _upsert(conn)(engagement_hourly)
    added = {name: engagement_hourly.c[name] + statement.excluded[name] for name in _GAIN_COLUMNS}  # type: ignore[attr-defined]
    conn.execute(
        statement.on_conflict_do_update(  # type: ignore[attr-defined]
            index_elements=["hour", "published_day", "account_id", "language"], set_=added
        ),
        rows,
    )
    (day, account_id, language, _hour) = next(iter(change))
    conn.execute(
        delete(engagement_hourly).where(
            engagement_hourly.c.published_day == day,
            engagement_hourly.c.account_id == account_id,
            engagement_hourly.c.language == language,
            engagement_hourly.c.hour.in_([key[3] for key in change]),
            and_(*(engagement_hourly.c[name] == 0 for name in _GAIN_COLUMNS)),
        )
    )


def _hourly_values(key: HourlyKey, values: Gains) -> dict[str, Any]:
    day, account_id, language, hour = key
    return {
        "published_day": day,
        "account_id": account_id,
        "language": language,
        "hour": hour,
        **dict(zip(_GAIN_COLUMNS, values, strict=True)),
    }


# --- recomputing ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RebuildReport:
    """What :func:`rebuild_rollup` wrote."""

    snapshots: int
    variants: int
    hours: int


def rebuild_rollup(store: Store) -> RebuildReport:
    """Recompute the whole rollup from the snapshots (after a bulk import, or to repair it)."""
    with store.write() as conn:
        return rebuild_on(conn)


def rebuild_on(conn: Connection) -> RebuildReport:
    """:func:`rebuild_rollup` in the caller's transaction (migration 0006 backfills with it)."""
    conn.execute(delete(engagement_hourly))
    conn.execute(delete(engagement_latest))
    columns = [engagement_snapshots.c[name] for name in ("variant_id", "id", "captured_at", *METRICS, "partial")]
    query = (
        select(*columns, variants.c.account_id, variants.c.language, variants.c.published_at)
        .join(variants, variants.c.id == engagement_snapshots.c.variant_id)
        .order_by(engagement_snapshots.c.variant_id)
    )
    hourly: dict[HourlyKey, list[int]] = {}
    latest_rows: list[dict[str, Any]] = []
    snapshots = 0
    # Streamed (per statement: options set on the connection would stay for the migration's next ones).
    result = conn.execute(query.execution_options(yield_per=20_000))
    for variant_id, group in itertools.groupby(result, key=lambda row: row[0]):
        rows = list(group)
        snapshots += len(rows)
        first = rows[0]
        readings = [reading_of(row) for row in rows]
        latest = summarize(readings, first.published_at)
        assert latest is not None
        latest_rows.append(_latest_values(variant_id, latest))
        if first.published_at is not None:
            day = first.published_at.date()
            for hour, values in gains(readings).items():
                slot = hourly.setdefault((day, first.account_id, first.language, hour), [0] * 6)
                for index, value in enumerate(values):
                    slot[index] += value
    for start in range(0, len(latest_rows), _BATCH):
        conn.execute(engagement_latest.insert(), latest_rows[start : start + _BATCH])
    hour_rows = [_hourly_values(key, _gains(values)) for key, values in hourly.items() if any(values)]
    for start in range(0, len(hour_rows), _BATCH):
        conn.execute(engagement_hourly.insert(), hour_rows[start : start + _BATCH])
    return RebuildReport(snapshots=snapshots, variants=len(latest_rows), hours=len(hour_rows))
