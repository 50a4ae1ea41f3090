"""The scheduler benchmark still runs end to end and produces every figure (``--quick``; no timing asserted)."""

from __future__ import annotations

from pathlib import Path

from bench.scheduler import QUICK
from tests.support.bench import assert_quick_is_never_written, run_quick

#: The start of each row of the results table, in order.
ROWS = [
    f"start-up: engine built and started until its first sweep is done, {QUICK.pending:,} variants",
    f"start-up with {QUICK.overdue:,} variants that fell due while stopped",
    f"{QUICK.burst} variants due at one instant",
    "publish lateness after the due instant, p50 / p99",
    f"HTTP calls for one engagement poll of {QUICK.polled:,} published posts",
]


def test_the_quick_benchmark_produces_every_row(tmp_path: Path) -> None:
    run_quick("scheduler.py", ROWS, tmp_path=tmp_path)


def test_quick_figures_are_never_written_to_the_benchmarks_page(tmp_path: Path) -> None:
    assert_quick_is_never_written("scheduler.py", tmp_path)
