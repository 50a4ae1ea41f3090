"""The scheduler benchmark still runs end to end and produces every figure (``--quick``; no timing asserted)."""

from __future__ import annotations

import re
from pathlib import Path

from bench.scheduler import QUICK
from tests.support.bench import run_bench, table_cells

#: The start of each row of the results table, in order.
ROWS = [
    f"start-up: engine built and started until its first sweep is done, {QUICK.pending:,} variants",
    f"start-up with {QUICK.overdue:,} variants that fell due while stopped",
    f"{QUICK.burst} variants due at one instant",
    "publish lateness after the due instant, p50 / p99",
    f"HTTP calls for one engagement poll of {QUICK.polled:,} published posts",
]
_NUMBER = re.compile(r"\d")


def test_the_quick_benchmark_produces_every_row(tmp_path: Path) -> None:
    result = run_bench("scheduler.py", "--quick", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    table = table_cells(result.stdout)
    assert [next((r for r in ROWS if row[0].startswith(r)), row[0]) for row in table] == ROWS
    for row in table:
        assert _NUMBER.search(row[1]), row  # every row has its figure


def test_quick_figures_are_never_written_to_the_benchmarks_page(tmp_path: Path) -> None:
    page = tmp_path / "benchmarks.md"
    result = run_bench("scheduler.py", "--quick", "--write", str(page), tmp_path=tmp_path, timeout=60)
    assert result.returncode == 2 and "not written to a file" in result.stderr
    assert not page.exists()
