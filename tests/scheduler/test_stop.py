"""A real worker stopped by SIGTERM or SIGINT in the middle of a big batch."""

from __future__ import annotations

import signal
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from connectors.sandbox import Sandbox
from core import paths, timeutil
from core.store import Store
from core.store.tables import publish_attempts, variants, worker_leases
from tests.support.polling import wait_until
from tests.support.workers import open_count, prepare, published_count, start_worker, stop_worker, wait_ready

COUNT = 40
PUBLISHERS = 4


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stop_mid_batch_claims_nothing_more_and_records_every_call_in_flight(
    store: Store, tmp_path: Path, how: signal.Signals
) -> None:
    # Every request takes 0.4 s: the batch of 40 would take seconds more after the signal.
    with Sandbox(seed=4, faults="latency:1:0.4") as sandbox:
        ids = prepare(store, sandbox, COUNT)
        log = tmp_path / "worker.log"
        worker = start_worker(log, None, "--publishers", str(PUBLISHERS))
        try:
            assert wait_ready(log)
            assert wait_until(lambda: published_count(store) >= PUBLISHERS, 60)
        finally:
            worker.send_signal(how)
        signalled = time.monotonic()
        # Read once the worker has taken the signal in: at most this many were done by then.
        worker_log = paths.subdir("logs") / "worker.log"
        assert wait_until(lambda: "claiming nothing more" in worker_log.read_text(encoding="utf-8"), 30)
        at_signal = published_count(store)
        code = worker.wait(timeout=60)
        stopped_after = time.monotonic() - signalled
        published = published_count(store)
        with store.read() as conn:
            attempts = conn.execute(
                select(publish_attempts.c.variant_id, publish_attempts.c.outcome, publish_attempts.c.error_message)
            ).all()
            rows = conn.execute(select(variants.c.id, variants.c.status, variants.c.attempt_count)).all()
            lease = conn.execute(select(worker_leases.c.expires_at)).scalar_one()

        assert code == 0, log.read_text()[-2000:]
        assert stopped_after < 30  # the calls in flight finish; nothing new starts
        # Only the calls already out when the signal came were finished: one per publisher at most.
        assert published <= at_signal + PUBLISHERS, (at_signal, published)
        assert published < COUNT
        outcomes = Counter(a.outcome for a in attempts)
        assert set(outcomes) <= {"published", "withdrawn"}, outcomes  # no "lost lease" failures
        assert outcomes["published"] == published and "pending" not in outcomes
        statuses = Counter(r.status for r in rows)
        assert statuses == {"published": published, "scheduled": COUNT - published}
        assert all(r.attempt_count == 0 for r in rows if r.status == "scheduled")  # no attempt used up
        assert lease <= timeutil.now_utc()  # released: the next worker starts at once

        # Nothing was lost: the next worker publishes the rest, each exactly once.
        sandbox.clear_faults()
        again = start_worker(tmp_path / "again.log")
        try:
            assert wait_until(lambda: not open_count(store), 60)
        finally:
            assert stop_worker(again) == 0
        on_platform = Counter(p["text"] for p in sandbox.posts("x"))
    assert len(on_platform) == len(ids) and set(on_platform.values()) == {1}
