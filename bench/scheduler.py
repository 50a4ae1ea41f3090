"""Scheduler benchmark, in a temporary COMMUNIQUE_HOME with the emulator in-process.

- start-up: an engine's first sweep (lease, crash recovery, recurrences, missed posts, due posts,
  polling, next wake-up) over 10,000 pending variants, against a bare SELECT of those rows.
- lateness: 500 variants due at the same instant, published by a started engine (APScheduler,
  8 parallel publishers) against the emulator with 50 ms latency per request; lateness is the
  time from the due instant to the committed result. Baseline: the same 500 publish calls made
  directly with the connector from 8 threads (no store, no scheduler).
- polling: HTTP calls of one engagement poll of 1,000 published posts, against one call per post.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import machine, median_seconds, replace_section, today

PENDING = 10_000
BURST = 500
POLLED = 1_000
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


def _startup(figures: dict[str, float]) -> None:
    from sqlalchemy import select

    from core.services import accounts
    from core.store import open_store
    from core.store.tables import variants
    from scheduler.engine import Engine

    store = open_store()
    account = accounts.add_account(store, name="startup", platform="x", language="ja", timezone="Asia/Tokyo")
    _bulk_variants(store, account.id, PENDING, "scheduled", datetime.now(UTC) + timedelta(days=1), "pending")

    def engine_start() -> None:
        engine = Engine(store)
        report = engine.sweep()
        assert report.leader and report.next_wake is not None and not report.outcomes
        engine.lease.release()

    def bare() -> None:
        with store.read() as conn:
            rows = conn.execute(select(variants).where(variants.c.status == "scheduled")).all()
        assert len(rows) == PENDING

    figures["startup"] = median_seconds(engine_start, 9)
    figures["startup_bare"] = median_seconds(bare, 9)
    store.dispose()


def _lateness(figures: dict[str, float], sandbox: object) -> None:
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
        list(pool.map(lambda i: connector.publish(OutgoingPost(variant_id=-i, text=f"baseline {i}")), range(BURST)))
    figures["burst_bare"] = time.perf_counter() - start

    due = datetime.now(UTC) + timedelta(seconds=4)
    _bulk_variants(store, account.id, BURST, "scheduled", due, "burst")
    done: list[float] = []
    finished = threading.Event()

    def on_published(_event: Event) -> None:
        done.append(time.time())
        if len(done) == BURST:
            finished.set()

    bus = EventBus()
    bus.subscribe(on_published, EventKind.PUBLISHED)
    engine = Engine(store, bus=bus)
    engine.start()
    try:
        if not finished.wait(timeout=90):
            raise SystemExit(f"only {len(done)} of {BURST} published in time")
    finally:
        engine.stop()
    late = sorted(t - due.timestamp() for t in done)
    figures["late_p50"] = statistics.median(late)
    figures["late_p99"] = late[int(0.99 * (len(late) - 1))]
    figures["burst_engine"] = late[-1]
    from core.services.posts import list_posts

    assert sum(v.status is VariantStatus.PUBLISHED for p in list_posts(store, limit=2000) for v in p.variants) == BURST
    store.dispose()


def _polling(figures: dict[str, float], sandbox: object) -> None:
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
            ids += _bulk_variants(store, account.id, POLLED // shards, "published", datetime.now(UTC), label)
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
        assert report.polled == POLLED, report
        figures[label] = len(sandbox.calls()) - before  # type: ignore[attr-defined]
        with store.write() as conn:  # done with these: out of the next round's way
            conn.execute(variants.update().where(variants.c.id.in_(ids)).values(next_poll_at=None))
    store.dispose()


def run() -> str:
    """Run the benchmark and return its Markdown section."""
    with tempfile.TemporaryDirectory() as home:
        os.environ["COMMUNIQUE_HOME"] = home
        os.environ.pop("COMMUNIQUE_DB", None)
        os.environ.update(CREDENTIALS)
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        from connectors.sandbox import Sandbox

        figures: dict[str, float] = {}
        _startup(figures)
        with Sandbox(faults=f"latency:1:{LATENCY}", seed=1) as sandbox:
            _lateness(figures, sandbox)
        with Sandbox(seed=2) as sandbox:
            _polling(figures, sandbox)
    return _section(figures)


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _section(f: dict[str, float]) -> str:
    rows = [
        _row("what", "scheduler", "baseline", "ratio"),
        _row("---", "---", "---", "---"),
        _row(
            f"start-up: first sweep with {PENDING:,} pending variants (median of 9) vs a bare SELECT of those rows",
            f"{f['startup'] * 1000:.1f} ms",
            f"{f['startup_bare'] * 1000:.1f} ms",
            f"{f['startup'] / f['startup_bare']:.2f}x",
        ),
        _row(
            f"{BURST} variants due at one instant, {LATENCY * 1000:.0f} ms emulator latency, 8 publishers: "
            f"all published (last result committed) vs the same {BURST} publish calls made directly from 8 threads",
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
            f"HTTP calls for one engagement poll of {POLLED:,} published posts, one account / four accounts, "
            "vs one call per post",
            f"{f['poll_calls_1']:.0f} / {f['poll_calls_4']:.0f}",
            f"{POLLED:,}",
            f"{POLLED / f['poll_calls_1']:.0f}x / {POLLED / f['poll_calls_4']:.0f}x fewer",
        ),
    ]
    table = "\n".join(rows)
    return f"""## Scheduler

{today()}, {machine()}. In-process emulator on 127.0.0.1; SQLite store in a temporary folder.

{table}

Start-up reads only what is due and the earliest next time (indexed), so it does not grow with the
number of pending posts the way loading every row would. Lateness is bounded by the publish calls
themselves: the claim and the result are two short transactions around each call. Metrics go 100
posts per call (X's limit), batched per account because each account has its own credentials.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", type=Path, help="Markdown file whose scheduler section is replaced")
    args = parser.parse_args()
    started = time.perf_counter()
    section = run()
    print(section)
    print(f"(ran in {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    if args.write:
        replace_section(args.write, "scheduler", section)


if __name__ == "__main__":
    main()
