"""Engagement analytics benchmark: the dashboard's queries over 1,000,000 snapshots.

10,000 published variants (5,000 posts to two accounts each, 8 accounts in 8 zones, over a
quarter), each read 100 times (every 10 minutes for 2 hours, then hourly), bulk-loaded with the
driver's executemany (SQLite) or COPY (PostgreSQL), then the rollup rebuilt from them
(``core.services.engagement.rebuild_rollup``, timed). Then, on SQLite and on PostgreSQL (a
throwaway server from ``tests/support/postgres.py``; skipped, with the reason, when its
binaries are absent):

- each query of the dashboard (``core.queries.analytics`` and ``best_time``) over the quarter,
  median of repeated runs, beside a full-table scan of ``engagement_snapshots`` in the same run
  (goal: each query under 300 ms);
- the PDF report for the quarter (``core.reports.report.write_report``; goal: under 5 s);
- one new reading through ``record_snapshot`` (snapshot and rollup, one transaction) against a
  bare INSERT of the same row.

``--quick`` runs everything with small counts in seconds (a smoke test of the benchmark itself:
its figures mean nothing and are never written to a file).
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    NoPostgres,
    bench_arguments,
    machine,
    median_seconds,
    report,
    temporary_home,
    throwaway_postgres,
    today,
)

#: name, platform, language, zone
ACCOUNTS = (
    ("Tokyo", "x", "ja", "Asia/Tokyo"),
    ("Berlin", "facebook", "de", "Europe/Berlin"),
    ("Kyiv", "facebook", "uk", "Europe/Kyiv"),
    ("Washington", "x", "en", "America/New_York"),
    ("Hanoi", "facebook", "vi", "Asia/Ho_Chi_Minh"),
    ("Delhi", "x", "hi", "Asia/Kolkata"),
    ("Paris", "x", "fr", "Europe/Paris"),
    ("Nairobi", "facebook", "sw", "Africa/Nairobi"),
)
QUARTER = (datetime(2027, 1, 1, tzinfo=UTC), datetime(2027, 4, 1, tzinfo=UTC))
ZONE = "Europe/Berlin"
GOAL_MS = 300.0
GOAL_PDF_S = 5.0


@dataclass(frozen=True)
class Sizes:
    """How much each measurement does."""

    variants: int = 10_000
    readings: int = 100
    repeats: int = 7
    pdf_repeats: int = 3


FULL = Sizes()
QUICK = Sizes(variants=200, readings=20, repeats=2, pdf_repeats=1)


@dataclass
class Backend:
    """One database's figures: seconds by measurement name."""

    name: str
    figures: dict[str, float]
    note: str = ""


# --- data -------------------------------------------------------------------------------------


def _offsets(readings: int) -> list[timedelta]:
    """When a post is read: every 10 minutes for 2 hours, then hourly (the poller's cadence, longer)."""
    early = [timedelta(minutes=10 * (i + 1)) for i in range(min(12, readings))]
    late = [timedelta(hours=2 + i) for i in range(1, readings - len(early) + 1)]
    return early + late


def _load(store: Any, sizes: Sizes) -> dict[str, Any]:
    """Accounts, posts, variants (bulk) and ``sizes.variants * sizes.readings`` snapshots (driver-level bulk)."""
    from core.services import accounts
    from core.store.tables import posts, variants

    rng = random.Random(42)
    ids = [
        accounts.add_account(
            store,
            name=name,
            platform=platform,
            language=language,
            timezone=zone,
            external_id=f"{1000 + n}" if platform == "facebook" else None,
        ).id
        for n, (name, platform, language, zone) in enumerate(ACCOUNTS)
    ]
    now = QUARTER[0]
    span = int((QUARTER[1] - QUARTER[0]).total_seconds())
    post_count = sizes.variants // 2
    with store.write() as conn:
        conn.execute(
            posts.insert(),
            [
                {"author": "bench", "source_language": "en", "text": f"Post {i}", "created_at": now, "updated_at": now}
                for i in range(post_count)
            ],
        )
        post_ids = [row[0] for row in conn.execute(posts.select().with_only_columns(posts.c.id).order_by(posts.c.id))]
        rows = []
        for post_id in post_ids:
            published = QUARTER[0] + timedelta(seconds=rng.randrange(span))
            for index in rng.sample(range(len(ACCOUNTS)), k=2):
                rows.append(
                    {
                        "post_id": post_id,
                        "account_id": ids[index],
                        "language": ACCOUNTS[index][2],
                        "text": f"Post {post_id} ({ACCOUNTS[index][2]})",
                        "status": "published",
                        "published_at": published + timedelta(minutes=rng.randrange(60)),
                        "remote_id": f"{post_id}-{index}",
                        "created_at": now,
                        "updated_at": now,
                    }
                )
        conn.execute(variants.insert(), rows)
        published_rows = conn.execute(
            variants.select().with_only_columns(variants.c.id, variants.c.published_at, variants.c.account_id)
        ).all()
    platform_of = {ids[i]: ACCOUNTS[i][1] for i in range(len(ACCOUNTS))}
    offsets = _offsets(sizes.readings)
    started = time.perf_counter()
    batch: list[tuple[Any, ...]] = []
    for variant_id, published_at, account_id in published_rows:
        totals = [0, 0, 0, 0, 0]
        weight = rng.uniform(0.2, 3.0)
        gives_impressions = platform_of[account_id] == "x" or variant_id % 3 == 0
        for offset in offsets:
            for m, top in enumerate((8, 3, 2, 120, 4)):
                totals[m] += int(rng.random() * top * weight)
            batch.append(
                (
                    variant_id,
                    published_at + offset,
                    totals[0],
                    totals[1],
                    totals[2],
                    totals[3] if gives_impressions else None,
                    totals[4],
                )
            )
        if len(batch) >= 100_000:
            _insert_snapshots(store, batch)
            batch = []
    if batch:
        _insert_snapshots(store, batch)
    loaded = time.perf_counter() - started
    from core.services.engagement import rebuild_rollup

    started = time.perf_counter()
    rebuilt = rebuild_rollup(store)
    rebuild = time.perf_counter() - started
    if not store.is_sqlite:
        with store.write() as conn:
            conn.exec_driver_sql("ANALYZE")  # what autovacuum does on a live server
    return {"load": loaded, "rebuild": rebuild, "report": rebuilt, "accounts": ids}


def _insert_snapshots(store: Any, rows: list[tuple[Any, ...]]) -> None:
    """Bare bulk insert: executemany on SQLite, COPY on PostgreSQL (setup, not the service)."""
    columns = "variant_id, captured_at, reactions, shares, replies, impressions, clicks, metrics, partial"
    with store.write() as conn:
        raw = conn.connection.driver_connection
        if store.is_sqlite:
            stamp = "%Y-%m-%d %H:%M:%S.%f"
            raw.executemany(
                f"INSERT INTO engagement_snapshots ({columns}) VALUES (?, ?, ?, ?, ?, ?, ?, '{{}}', 0)",
                [(r[0], r[1].astimezone(UTC).strftime(stamp), *r[2:]) for r in rows],
            )
        else:
            with raw.cursor() as cursor, cursor.copy(f"COPY engagement_snapshots ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row((*row, "{}", False))


# --- measuring --------------------------------------------------------------------------------


def _queries(store: Any, account_id: int, post_id: int) -> list[tuple[str, Callable[[], object]]]:
    from core.queries import analytics
    from core.queries.analytics import Scope
    from core.queries.best_time import best_time

    quarter = Scope(*QUARTER)
    february = Scope(datetime(2027, 2, 1, tzinfo=UTC), datetime(2027, 3, 1, tzinfo=UTC))
    return [
        ("summary of the quarter", lambda: analytics.summary(store, quarter)),
        (
            "summary of February (figures as of its end: later readings left out)",
            lambda: analytics.summary(store, february),
        ),
        ("by account", lambda: analytics.breakdown(store, quarter, "account")),
        ("by language", lambda: analytics.breakdown(store, quarter, "language")),
        ("by platform", lambda: analytics.breakdown(store, quarter, "platform")),
        (f"growth by day, {ZONE}", lambda: analytics.breakdown(store, quarter, "day", zone=ZONE)),
        (f"growth by week, {ZONE}", lambda: analytics.breakdown(store, quarter, "week", zone=ZONE)),
        ("growth by month, Asia/Tokyo", lambda: analytics.breakdown(store, quarter, "month", zone="Asia/Tokyo")),
        ("top 10 posts", lambda: analytics.ranked(store, quarter, limit=10)),
        ("bottom 10 posts by rate", lambda: analytics.ranked(store, quarter, by="rate", limit=10, worst=True)),
        ("the posts table (every variant with its figures)", lambda: analytics.variants(store, quarter)),
        ("one post across its accounts", lambda: analytics.compare_post(store, post_id)),
        ("best time to post, one account (weekday x hour)", lambda: best_time(store, account_id, now=QUARTER[1])),
    ]


def query_labels() -> list[str]:
    """The dashboard queries measured, in the order of the table's rows."""
    return [label for label, _action in _queries(None, 0, 0)]


def _scan(store: Any) -> None:
    from sqlalchemy import func, select

    from core.store.tables import engagement_snapshots as s

    with store.read() as conn:
        conn.execute(
            select(
                func.count(), func.sum(s.c.reactions + s.c.shares + s.c.replies + s.c.clicks), func.max(s.c.captured_at)
            )
        ).one()


def _measure(store: Any, sizes: Sizes, home: Path, name: str) -> Backend:
    from core.queries.analytics import Scope
    from core.reports.report import write_report
    from core.services.engagement import record_snapshot
    from core.store.tables import engagement_snapshots

    data = _load(store, sizes)
    figures: dict[str, float] = {"load": data["load"], "rebuild": data["rebuild"]}
    figures["scan"] = median_seconds(lambda: _scan(store), sizes.repeats)
    for label, action in _queries(store, data["accounts"][0], 1):
        action()  # warm: the first run reads the pages into the cache, as a dashboard's first open does
        figures[label] = median_seconds(action, sizes.repeats)
    out = home / f"report-{name}.pdf"
    figures["pdf"] = median_seconds(
        lambda: write_report(store, Scope(*QUARTER), out, "pdf", zone=ZONE), sizes.pdf_repeats
    )
    assert out.stat().st_size > 0
    # One more reading of a variant that has all of its readings: through the service vs bare.
    stamp = iter(range(1, 10_000))

    def through_service() -> None:
        with store.write() as conn:
            record_snapshot(conn, 2, QUARTER[1] + timedelta(minutes=next(stamp)), reactions=10_000, impressions=90_000)

    def bare() -> None:
        with store.write() as conn:
            conn.execute(
                engagement_snapshots.insert().values(
                    variant_id=3, captured_at=QUARTER[1] + timedelta(minutes=next(stamp)), reactions=1, metrics={}
                )
            )

    figures["record"] = median_seconds(through_service, sizes.repeats)
    figures["record_bare"] = median_seconds(bare, sizes.repeats)
    return Backend({"sqlite": "SQLite", "postgresql": "PostgreSQL"}[name], figures)


def _postgres(sizes: Sizes, home: Path) -> Backend:
    from core.store import open_store

    try:
        with throwaway_postgres() as url:
            store = open_store(url)
            try:
                return _measure(store, sizes, home, "postgresql")
            finally:
                store.dispose()
    except NoPostgres as reason:
        return Backend("PostgreSQL", {}, str(reason))


def run(sizes: Sizes = FULL) -> str:
    """Run the benchmark in a temporary COMMUNIQUE_HOME and return its Markdown section."""
    with temporary_home() as home:
        from core.store import open_store

        store = open_store(f"sqlite:///{home / 'bench.sqlite3'}")
        try:
            sqlite = _measure(store, sizes, home, "sqlite")
        finally:
            store.dispose()
        postgres = _postgres(sizes, home)
    return _section([sqlite, postgres], sizes)


# --- the section ------------------------------------------------------------------------------


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _query_cell(backend: Backend, label: str) -> str:
    if label not in backend.figures:
        return "skipped"
    value, scan = backend.figures[label], backend.figures["scan"]
    mark = "" if value * 1000 < GOAL_MS else " (goal NOT met)"
    return f"{_ms(value)} ({value / scan:.2f}x scan){mark}"


def _section(backends: list[Backend], sizes: Sizes) -> str:
    snapshots = sizes.variants * sizes.readings
    labels = query_labels()
    heads = [b.name for b in backends]
    rows = [_row("what", *heads), _row("---", *(["---"] * len(backends)))]

    def cells(render: Callable[[Backend], str]) -> list[str]:
        return [render(b) if b.figures else "skipped" for b in backends]

    rows.append(
        _row(
            f"full-table scan of engagement_snapshots, {snapshots:,} rows (baseline)",
            *cells(lambda b: _ms(b.figures["scan"])),
        )
    )
    for label in labels:
        rows.append(_row(f"{label} (goal < {GOAL_MS:.0f} ms)", *cells(lambda b, label=label: _query_cell(b, label))))

    def pdf(b: Backend) -> str:
        value = b.figures["pdf"]
        return f"{value:.2f} s" + ("" if value < GOAL_PDF_S else " (goal NOT met)")

    rows.append(_row(f"PDF report for the quarter, {ZONE} (goal < {GOAL_PDF_S:.0f} s)", *cells(pdf)))
    rows.append(
        _row(
            "one new reading through record_snapshot (snapshot and rollup) vs a bare INSERT",
            *cells(lambda b: f"{_ms(b.figures['record'])} vs {_ms(b.figures['record_bare'])}"),
        )
    )
    rows.append(
        _row(
            f"rebuild the rollup from {snapshots:,} snapshots (bulk load before it)",
            *cells(lambda b: f"{b.figures['rebuild']:.1f} s ({b.figures['load']:.1f} s)"),
        )
    )
    notes = [f"{b.name}: {b.note}." for b in backends if b.note]
    return "\n".join(
        [
            "## Engagement analytics",
            "",
            f"{today()}, {machine()}. {sizes.variants:,} published variants (two accounts per post, "
            f"8 accounts, over the first quarter of 2027), {sizes.readings} readings each; "
            f"queries over the quarter, median of {sizes.repeats} warm runs "
            f"(PDF: {sizes.pdf_repeats}); PostgreSQL is a local throwaway server, after ANALYZE.",
            "",
            *rows,
            "",
            *notes,
            "The queries read the rollup (`engagement_latest`, one row per variant; `engagement_hourly`, "
            "what each account, language and UTC publishing day gained per UTC hour), not the snapshots; "
            "raw readings are read only for variants read again after the scope's end (February's summary) "
            "and for variants on the scope's edges. The dearest are growth per period (a sum over the "
            "quarter's hourly rows) and the posts table (every variant, built in Python).",
            "Reproduce with `make bench-engagement` (or `python bench/engagement.py`).",
        ]
    )


def main() -> None:
    parser = bench_arguments(__doc__, "engagement")
    args = parser.parse_args()
    report(parser, args, "engagement", lambda: run(QUICK if args.quick else FULL))


if __name__ == "__main__":
    main()
