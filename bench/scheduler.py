"""Scheduler benchmark, in a temporary COMMUNIQUE_HOME with the emulator in-process.

- start-up: an engine built and started (APScheduler, the lease) until its first sweep has
  finished, with 10,000 variants scheduled for later, against a bare SELECT of those rows. The
  sweep reads only what is due and the earliest next time, so this shows that future posts are
  left unread (and what start-up costs), not that a sweep beats SQL.
- missed at start-up: the same start with 10,000 variants that fell due while nothing ran,
  beyond the grace window, until the first sweep has marked every one ``missed`` (500 to a
  transaction, each with its own message, audit event and announcement), against one bare
  UPDATE of those rows.
  Those inside the window are published at start; the publish calls dominate that case and
  the lateness figure below measures them.
- lateness: 500 variants due at the same instant, published by a started engine (APScheduler,
  8 parallel publishers) against the emulator with 50 ms latency per request; lateness is the
  time from the due instant to the committed result. Baseline: the same 500 publish calls made
  directly with the connector from 8 threads (no store, no scheduler).
- polling: HTTP calls of one engagement poll of 1,000 published posts, against one call per post.

``--quick`` runs every measurement with small counts in a few seconds (a smoke test of the
benchmark itself: its figures mean nothing and are never written to a file).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import bench_arguments, machine, median_seconds, report, today


@dataclass(frozen=True)
class Sizes:
    """How much each measurement does."""

    pending: int = 10_000  # future variants at start-up
    overdue: int = 10_000  # variants that fell due beyond the grace window
    burst: int = 500  # variants due at one instant
    polled: int = 1_000  # published posts polled at once
    repeats: int = 9  # runs per start-up figure (median)
    missed_repeats: int = 3  # runs of the missed figure (each marks every row)
    lead: float = 4.0  # seconds from the engine's start to the burst's due instant


FULL = Sizes()
QUICK = Sizes(pending=300, overdue=300, burst=40, polled=200, repeats=3, missed_repeats=1, lead=1.5)
LATENCY = 0.05
CREDENTIALS = {
    "COMMUNIQUE_X_API_KEY": "bench-api-key-0123456789",
    "COMMUNIQUE_X_API_SECRET": "bench-api-secret-0123456789",
    "COMMUNIQUE_X_ACCESS_TOKEN": "bench-access-token-0123456789",
    "COMMUNIQUE_X_ACCESS_SECRET": "bench-access-secret-0123456789",
}


def _bulk_variants(store: object, account_id: int, count: int, status: str, at: datetime, prefix: str) -> list[int]:
    """Bare inserts of ``count`` posts with one variant each (setup only, not measured)."""
    from core.store.tables import posts, variants

    now = datetime.now(UTC)
    with store.write() as conn:  # type: ignore[attr-defined]
        first = conn.execute(
            posts.insert(),
            [
                {
                    "author": "bench",
                    "source_language": "ja",
                    "text": f"{prefix} {i}",
                    "created_at": now,
                    "updated_at": now,
                }
                for i in range(count)
            ],
        )
        del first
        post_ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM posts ORDER BY id DESC LIMIT ?", (count,))]
        post_ids.reverse()
        conn.execute(
            variants.insert(),
            [
                {
                    "post_id": pid,
                    "account_id": account_id,
                    "language": "ja",
                    "text": f"{prefix} {i}",
                    "status": status,
                    "scheduled_at": at + timedelta(seconds=i % 3600) if prefix == "pending" else at,
                    "schedule_zone": "Asia/Tokyo",
                    "created_at": now,
                    "updated_at": now,
                }
                for i, pid in enumerate(post_ids)
            ],
        )
        return [r[0] for r in conn.exec_driver_sql("SELECT id FROM variants ORDER BY id DESC LIMIT ?", (count,))]


def _started(store: Any) -> float:
    """Seconds from building an engine until its first sweep (run by APScheduler) has finished."""
    from scheduler.engine import Engine, SweepReport

    class _Timed(Engine):
        """The real engine, noting when a sweep is done."""

        def __init__(self, store: Any) -> None:
            super().__init__(store)
            self.swept = threading.Event()

        def sweep(self) -> SweepReport:
            report = super().sweep()
            self.swept.set()
            return report

    began = time.perf_counter()
    engine = _Timed(store)
    engine.start()
    if not engine.swept.wait(timeout=600):
        raise SystemExit("the engine's first sweep did not finish")
    elapsed = time.perf_counter() - began
    engine.stop()  # not measured: waits for APScheduler's threads and gives the lease back
    return elapsed


def _startup(figures: dict[str, float], sizes: Sizes, home: str) -> None:
    from sqlalchemy import select

    from core.services import accounts
    from core.store import open_store
    from core.store.tables import variants

    store = open_store(f"sqlite:///{home}/startup.db")
    account = accounts.add_account(store, name="startup", platform="x", language="ja", timezone="Asia/Tokyo")
    _bulk_variants(store, account.id, sizes.pending, "scheduled", datetime.now(UTC) + timedelta(days=1), "pending")

    def bare() -> None:
        with store.read() as conn:
            rows = conn.execute(select(variants).where(variants.c.status == "scheduled")).all()
        assert len(rows) == sizes.pending

    figures["startup"] = statistics.median(_started(store) for _ in range(sizes.repeats))
    figures["startup_bare"] = median_seconds(bare, sizes.repeats)
    with store.read() as conn:  # nothing was touched: they are all still waiting
        left = conn.execute(select(variants.c.id).where(variants.c.status == "scheduled")).all()
    assert len(left) == sizes.pending
    store.dispose()


def _missed(figures: dict[str, float], sizes: Sizes, home: str) -> None:
    from sqlalchemy import func, select

    from core.services import accounts
    from core.store import open_store
    from core.store.tables import variants

    store = open_store(f"sqlite:///{home}/missed.db")
    account = accounts.add_account(
        store, name="missed", platform="x", language="ja", timezone="Asia/Tokyo", grace_minutes=60
    )
    due = datetime.now(UTC) - timedelta(hours=3)
    ids = _bulk_variants(store, account.id, sizes.overdue, "scheduled", due, "overdue")

    def reset() -> None:
        with store.write() as conn:
            conn.execute(
                variants.update()
                .where(variants.c.id.in_(ids))
                .values(status="scheduled", last_error_class=None, last_error=None)
            )

    def count_missed() -> int:
        with store.read() as conn:
            return int(
                conn.execute(
                    select(func.count()).select_from(variants).where(variants.c.status == "missed")
                ).scalar_one()
            )

    runs = []
    for _ in range(sizes.missed_repeats):
        reset()
        runs.append(_started(store))
        assert count_missed() == sizes.overdue, "the first sweep left overdue variants unhandled"
    figures["missed"] = statistics.median(runs)

    def bare() -> None:
        with store.write() as conn:
            changed = conn.execute(
                variants.update()
                .where(variants.c.status == "scheduled", variants.c.scheduled_at <= datetime.now(UTC))
                .values(status="missed")
            )
        assert changed.rowcount == sizes.overdue

    bare_runs = []
    for _ in range(max(3, sizes.missed_repeats)):
        reset()
        bare_runs.append(median_seconds(bare, 1))
    figures["missed_bare"] = statistics.median(bare_runs)
    store.dispose()


def _lateness(figures: dict[str, float], sandbox: object, sizes: Sizes) -> None:
    from connectors.base import OutgoingPost
    from core.domain import VariantStatus
    from core.services import accounts
    from core.store import open_store
    from scheduler.connections import default_factory
    from scheduler.engine import Engine
    from scheduler.events import Event, EventBus, EventKind

    store = open_store()
    account = accounts.add_account(
        store,
        name="burst",
        platform="x",
        language="ja",
        timezone="Asia/Tokyo",
        api_base=sandbox.base_url,  # type: ignore[attr-defined]
    )
    sandbox.set_rate_limit("x", "create", 100_000, window=900)  # type: ignore[attr-defined]
    # Baseline: the same number of publish calls, straight through the connector from 8 threads.
    connector = default_factory(account)
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(
            pool.map(lambda i: connector.publish(OutgoingPost(variant_id=-i, text=f"baseline {i}")), range(sizes.burst))
        )
    figures["burst_bare"] = time.perf_counter() - start

    due = datetime.now(UTC) + timedelta(seconds=sizes.lead)
    _bulk_variants(store, account.id, sizes.burst, "scheduled", due, "burst")
    done: list[float] = []
    finished = threading.Event()

    def on_published(_event: Event) -> None:
        done.append(time.time())
        if len(done) == sizes.burst:
            finished.set()

    bus = EventBus()
    bus.subscribe(on_published, EventKind.PUBLISHED)
    engine = Engine(store, bus=bus)
    engine.start()
    try:
        if not finished.wait(timeout=90):
            raise SystemExit(f"only {len(done)} of {sizes.burst} published in time")
    finally:
        engine.stop()
    late = sorted(t - due.timestamp() for t in done)
    figures["late_p50"] = statistics.median(late)
    figures["late_p99"] = late[int(0.99 * (len(late) - 1))]
    figures["burst_engine"] = late[-1]
    from core.queries import list_posts

    published = sum(v.status is VariantStatus.PUBLISHED for p in list_posts(store, limit=2000) for v in p.variants)
    assert published == sizes.burst
    store.dispose()


def _polling(figures: dict[str, float], sandbox: object, sizes: Sizes) -> None:
    from connectors.sandbox.state import PostRecord
    from core.services import accounts
    from core.store import open_store
    from core.store.tables import variants
    from scheduler.connections import ConnectorPool, default_factory
    from scheduler.events import EventBus
    from scheduler.poller import Poller

    store = open_store()
    state = sandbox.state  # type: ignore[attr-defined]
    for shards, label in ((1, "poll_calls_1"), (4, "poll_calls_4")):
        names = [f"poll-{label}-{i}" for i in range(shards)]
        ids: list[int] = []
        for name in names:
            account = accounts.add_account(
                store,
                name=name,
                platform="x",
                language="ja",
                timezone="Asia/Tokyo",
                api_base=sandbox.base_url,  # type: ignore[attr-defined]
            )
            ids += _bulk_variants(store, account.id, sizes.polled // shards, "published", datetime.now(UTC), label)
        from connectors.sandbox.state import user_id_for

        user = user_id_for(CREDENTIALS["COMMUNIQUE_X_ACCESS_TOKEN"])
        now = datetime.now(UTC)
        with store.write() as conn:
            for variant_id in ids:
                remote = state.new_id()
                state.add_post(PostRecord("x", remote, user, f"{label} {variant_id}", state.now() - 600))
                conn.execute(
                    variants.update()
                    .where(variants.c.id == variant_id)
                    .values(remote_id=remote, published_at=now - timedelta(minutes=10), next_poll_at=now)
                )
        before = len(sandbox.calls())  # type: ignore[attr-defined]
        poller = Poller(store, ConnectorPool(store, default_factory), clock=lambda: datetime.now(UTC), bus=EventBus())
        report = poller.poll_due()
        assert report.polled == sizes.polled, report
        figures[label] = len(sandbox.calls()) - before  # type: ignore[attr-defined]
        with store.write() as conn:  # done with these: out of the next round's way
            conn.execute(variants.update().where(variants.c.id.in_(ids)).values(next_poll_at=None))
    store.dispose()


def run(sizes: Sizes = FULL) -> str:
    """Run the benchmark and return its Markdown section."""
    with tempfile.TemporaryDirectory() as home:
        os.environ["COMMUNIQUE_HOME"] = home
        os.environ.pop("COMMUNIQUE_DB", None)
        os.environ.update(CREDENTIALS)
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        from connectors.sandbox import Sandbox

        figures: dict[str, float] = {}
        _startup(figures, sizes, home)
        _missed(figures, sizes, home)
        with Sandbox(faults=f"latency:1:{LATENCY}", seed=1) as sandbox:
            _lateness(figures, sandbox, sizes)
        with Sandbox(seed=2) as sandbox:
            _polling(figures, sandbox, sizes)
    return _section(figures, sizes)


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _section(f: dict[str, float], sizes: Sizes) -> str:
    rows = [
        _row("what", "scheduler", "baseline", "ratio"),
        _row("---", "---", "---", "---"),
        _row(
            f"start-up: engine built and started until its first sweep is done, {sizes.pending:,} variants "
            f"scheduled for later (median of {sizes.repeats}) vs a bare SELECT of those rows",
            f"{f['startup'] * 1000:.1f} ms",
            f"{f['startup_bare'] * 1000:.1f} ms",
            f"{f['startup'] / f['startup_bare']:.2f}x",
        ),
        _row(
            f"start-up with {sizes.overdue:,} variants that fell due while stopped, beyond the grace window: "
            f"until the first sweep has marked all missed (median of {sizes.missed_repeats}) "
            "vs one bare UPDATE of those rows",
            f"{f['missed']:.2f} s",
            f"{f['missed_bare'] * 1000:.1f} ms",
            f"{f['missed'] / f['missed_bare']:.0f}x",
        ),
        _row(
            f"{sizes.burst} variants due at one instant, {LATENCY * 1000:.0f} ms emulator latency, 8 publishers: "
            f"all published (last result committed) vs the same {sizes.burst} publish calls made directly "
            "from 8 threads",
            f"{f['burst_engine']:.2f} s",
            f"{f['burst_bare']:.2f} s",
            f"{f['burst_engine'] / f['burst_bare']:.2f}x",
        ),
        _row(
            "publish lateness after the due instant, p50 / p99",
            f"{f['late_p50']:.2f} s / {f['late_p99']:.2f} s",
            "",
            "",
        ),
        _row(
            f"HTTP calls for one engagement poll of {sizes.polled:,} published posts, one account / four accounts, "
            "vs one call per post",
            f"{f['poll_calls_1']:.0f} / {f['poll_calls_4']:.0f}",
            f"{sizes.polled:,}",
            f"{sizes.polled / f['poll_calls_1']:.0f}x / {sizes.polled / f['poll_calls_4']:.0f}x fewer",
        ),
    ]
    table = "\n".join(rows)
    return f"""## Scheduler

{today()}, {machine()}. In-process emulator on 127.0.0.1; SQLite store in a temporary folder.

{table}

Start-up reads only what is due and the earliest next time (indexed): posts scheduled for later
are left unread, so start-up does not grow with them, and a ratio below 1 says that, not that a
sweep beats a SELECT. Posts that fell due while nothing ran are marked missed 500 to a
transaction, oldest first, each with its own message, audit event and announcement, so that a
crash halfway loses none and every follower hears of each; that is what the ratio against one
bulk UPDATE costs. Lateness is bounded by the publish calls themselves: the claim and the
result are two short transactions around each call. Metrics go 100 posts per call (X's limit),
batched per account because each account's own credentials are needed to read its posts'
non-public metrics.
"""


def main() -> None:
    parser = bench_arguments(__doc__, "scheduler")
    args = parser.parse_args()
    report(parser, args, "scheduler", lambda: run(QUICK if args.quick else FULL))


if __name__ == "__main__":
    main()
