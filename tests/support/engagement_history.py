"""A generated engagement history, and naive computations over it to check the analytics against.

The history is random but seeded: accounts on X and Facebook in Asia/Tokyo, Europe/Berlin,
Europe/Kyiv and America/New_York; posts going to one to three of them; each published variant
read a few times over its first days, with readings written out of order, partial readings
(a figure missing that time) and figures an account never reports (Kyiv never gives clicks,
Facebook accounts never give impressions on some posts). Every reading goes through
``core.services.engagement.record_snapshot``, as the poller's do.

The naive side works from the generated readings alone, in plain Python, the way a person would
read the definitions: a variant's figure at an instant is its newest reading before then that
gave it; growth over a period is the figure at the end minus the figure at the start.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from core.queries.analytics import Figures, Scope
from core.services import accounts
from core.services.engagement import record_snapshot
from core.store import Store
from core.store.engine import new_id
from core.store.tables import posts, variants

METRICS = ("reactions", "shares", "replies", "impressions", "clicks")
ENGAGING = ("reactions", "shares", "replies", "clicks")
#: name, platform, language, zone
ACCOUNTS = (
    ("Tokyo", "x", "ja", "Asia/Tokyo"),
    ("Berlin", "facebook", "de", "Europe/Berlin"),
    ("Kyiv", "facebook", "uk", "Europe/Kyiv"),
    ("Washington", "x", "en", "America/New_York"),
)
START = datetime(2027, 3, 1, tzinfo=UTC)


@dataclass(frozen=True)
class GeneratedReading:
    """One reading as written (``id`` is the snapshot's id)."""

    id: int
    captured_at: datetime
    figures: dict[str, int | None]


@dataclass
class GeneratedVariant:
    """A published variant and its readings, in the order they were written."""

    variant_id: int
    post_id: int
    account_id: int
    account: str
    platform: str
    language: str
    zone: str
    published_at: datetime
    text: str
    readings: list[GeneratedReading] = field(default_factory=list)


@dataclass
class History:
    """What :func:`generate` wrote."""

    account_ids: dict[str, int]
    variants: list[GeneratedVariant]

    def by_id(self) -> dict[int, GeneratedVariant]:
        return {v.variant_id: v for v in self.variants}


def add_accounts(store: Store) -> dict[str, int]:
    """The four accounts of :data:`ACCOUNTS`; their ids by name."""
    return {
        name: accounts.add_account(
            store,
            name=name,
            platform=platform,
            language=language,
            timezone=zone,
            external_id=f"{100 + number}" if platform == "facebook" else None,
        ).id
        for number, (name, platform, language, zone) in enumerate(ACCOUNTS)
    }


def publish(
    store: Store, account_id: int, language: str, published_at: datetime, text: str, post_id: int | None = None
) -> tuple[int, int]:
    """A post (unless ``post_id``) with one published variant on ``account_id``; (variant id, post id)."""
    now = START
    with store.write() as conn:
        if post_id is None:
            post_id = new_id(
                conn.execute(
                    posts.insert().values(
                        author="tester", source_language=language, text=text, created_at=now, updated_at=now
                    )
                )
            )
        variant_id = new_id(
            conn.execute(
                variants.insert().values(
                    post_id=post_id,
                    account_id=account_id,
                    language=language,
                    text=text,
                    status="published",
                    published_at=published_at,
                    remote_id=f"r{post_id}-{account_id}",
                    remote_url=f"https://example.org/{post_id}/{account_id}",
                    created_at=now,
                    updated_at=now,
                )
            )
        )
    return variant_id, post_id


def read(store: Store, variant: GeneratedVariant, captured_at: datetime, **figures: int | None) -> None:
    """Write one reading of ``variant`` through the service and remember it."""
    values = {m: figures.get(m) for m in METRICS}
    with store.write() as conn:
        snapshot_id = record_snapshot(
            conn,
            variant.variant_id,
            captured_at,
            metrics={"source": "generated"},
            partial=None in values.values(),
            **values,
        )
    variant.readings.append(GeneratedReading(snapshot_id, captured_at, values))


def generate(store: Store, *, seed: int = 7, posts_count: int = 30, days: int = 40) -> History:
    """Seeded posts over ``days`` days from :data:`START`, published and read (out of order)."""
    rng = random.Random(seed)
    ids = add_accounts(store)
    made: list[GeneratedVariant] = []
    for number in range(posts_count):
        published = START + timedelta(minutes=rng.randrange(days * 24 * 60))
        chosen = rng.sample(ACCOUNTS, k=rng.randint(1, 3))
        post_id: int | None = None
        for name, platform, language, zone in chosen:
            at = published + timedelta(minutes=rng.randrange(0, 90))
            text = f"Post {number} ({language})"
            variant_id, post_id = publish(store, ids[name], language, at, text, post_id)
            made.append(GeneratedVariant(variant_id, post_id, ids[name], name, platform, language, zone, at, text))
    for variant in made:
        for captured_at, figures in _readings(rng, variant):
            read(store, variant, captured_at, **figures)
    return History(ids, made)


def _readings(rng: random.Random, variant: GeneratedVariant) -> list[tuple[datetime, dict[str, int | None]]]:
    """A variant's readings: cumulative figures over its first days, then shuffled a little."""
    count = rng.choice([0, 1, 2, 4, 6, 8, 10])
    offsets = sorted(rng.sample(range(5, 4 * 24 * 60), k=count))
    gives_impressions = variant.platform == "x" or rng.random() < 0.5
    totals = dict.fromkeys(METRICS, 0)
    found: list[tuple[datetime, dict[str, int | None]]] = []
    for offset in offsets:
        figures: dict[str, int | None] = {}
        for metric in METRICS:
            totals[metric] += rng.randint(0, 40 if metric == "impressions" else 6)
            if rng.random() < 0.05:
                totals[metric] -= 1  # an unlike: cumulative figures may fall
            figures[metric] = totals[metric]
        if not gives_impressions:
            figures["impressions"] = None
        if variant.account == "Kyiv":
            figures["clicks"] = None
        if rng.random() < 0.2:
            figures[rng.choice(METRICS)] = None  # a partial reading
        found.append((variant.published_at + timedelta(minutes=offset), figures))
    # Out of order: some readings are written after a newer one.
    for index in range(len(found) - 1):
        if rng.random() < 0.35:
            found[index], found[index + 1] = found[index + 1], found[index]
    return found


# --- the naive side ---------------------------------------------------------------------------


def value_at(variant: GeneratedVariant, metric: str, instant: datetime | None) -> int | None:
    """``metric`` of ``variant`` from its newest reading before ``instant`` that gave it."""
    best: GeneratedReading | None = None
    for reading in variant.readings:
        if instant is not None and reading.captured_at >= instant:
            continue
        if reading.figures[metric] is None:
            continue
        if best is None or (reading.captured_at, reading.id) > (best.captured_at, best.id):
            best = reading
    return None if best is None else best.figures[metric]


def read_before(variant: GeneratedVariant, instant: datetime | None) -> bool:
    return any(instant is None or r.captured_at < instant for r in variant.readings)


def reports_impressions(variant: GeneratedVariant) -> bool:
    return any(r.figures["impressions"] is not None for r in variant.readings)


def in_scope(history: History, scope: Scope) -> list[GeneratedVariant]:
    platforms = {name: platform for name, platform, _l, _z in ACCOUNTS}
    return [
        v
        for v in history.variants
        if scope.since <= v.published_at < scope.until
        and (not scope.account_ids or v.account_id in scope.account_ids)
        and (not scope.languages or v.language in scope.languages)
        and (not scope.platforms or platforms[v.account] in scope.platforms)
    ]


def naive_figures(chosen: Iterable[GeneratedVariant], until: datetime | None) -> Figures:
    """The figures of ``chosen`` as of ``until``, summed the way :class:`Figures` defines them."""
    chosen = list(chosen)
    totals: dict[str, int | None] = {}
    for metric in METRICS:
        values = [value_at(v, metric, until) for v in chosen]
        given = [x for x in values if x is not None]
        totals[metric] = sum(given) if given else None

    def engaged(v: GeneratedVariant) -> int:
        return sum(value_at(v, m, until) or 0 for m in ENGAGING)

    rated = [v for v in chosen if reports_impressions(v)]
    impressions = sum(value_at(v, "impressions", until) or 0 for v in rated)
    rate = sum(engaged(v) for v in rated) / impressions if rated and impressions > 0 else None
    return Figures(
        posts=len(chosen),
        read=sum(read_before(v, until) for v in chosen),
        reactions=totals["reactions"],
        shares=totals["shares"],
        replies=totals["replies"],
        impressions=totals["impressions"],
        clicks=totals["clicks"],
        engagements=sum(engaged(v) for v in chosen),
        rate=rate,
    )


def period_starts(since: datetime, until: datetime, by: str, zone: str) -> list[date]:
    """The local first days of the day/week/month periods from ``since``'s to ``until``'s, in ``zone``."""
    tz = ZoneInfo(zone)
    day = since.astimezone(tz).date()
    last = (until - timedelta(microseconds=1)).astimezone(tz).date()
    found = []
    while day <= last:
        start = {"day": day, "week": day - timedelta(days=day.weekday()), "month": day.replace(day=1)}[by]
        if not found or found[-1] != start:
            found.append(start)
        day += timedelta(days=1)
    return found


def naive_growth(history: History, scope: Scope, by: str, zone: str) -> list[tuple[str, dict[str, int], int, int, int]]:
    """Per period: (ISO first day, gained figure by metric, gained engagements, posts, read).

    Gained = the figure at the period's end (or ``scope.until``, if earlier) minus the figure at
    its start, of every variant of the scope (a figure not yet given counts as zero).
    """
    tz = ZoneInfo(zone)
    chosen = in_scope(history, scope)
    days = period_starts(scope.since, scope.until, by, zone)
    edges = [datetime.combine(d, time(0), tzinfo=tz).astimezone(UTC) for d in days]
    following = {"day": lambda d: d + timedelta(days=1), "week": lambda d: d + timedelta(days=7)}
    after = following.get(by, lambda d: (d.replace(day=28) + timedelta(days=4)).replace(day=1))
    ends = [datetime.combine(after(d), time(0), tzinfo=tz).astimezone(UTC) for d in days]
    rows = []
    for day, start, end in zip(days, edges, ends, strict=True):
        stop = min(end, scope.until)
        gained = {m: sum((value_at(v, m, stop) or 0) - (value_at(v, m, start) or 0) for v in chosen) for m in METRICS}
        posted = [v for v in chosen if start <= v.published_at < end]
        rows.append(
            (
                day.isoformat(),
                gained,
                sum(gained[m] for m in ENGAGING),
                len(posted),
                sum(read_before(v, scope.until) for v in posted),
            )
        )
    return rows


def naive_day_score(variant: GeneratedVariant) -> int | None:
    """Engagements of ``variant`` 24 hours after publishing (``None``: not read by then)."""
    limit = variant.published_at + timedelta(hours=24, microseconds=1)
    if not read_before(variant, limit):
        return None
    return sum(value_at(variant, m, limit) or 0 for m in ENGAGING)


def local_midnight(day: date, zone: str) -> datetime:
    """The UTC instant of ``day``'s midnight in ``zone``."""
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(zone)).astimezone(UTC)


def figures_tuple(f: Figures) -> Sequence[object]:
    """A :class:`Figures` with the rate rounded (float sums may differ in the last bit)."""
    return (
        f.posts,
        f.read,
        f.reactions,
        f.shares,
        f.replies,
        f.impressions,
        f.clicks,
        f.engagements,
        None if f.rate is None else round(f.rate, 9),
    )
