"""The engagement benchmark still runs end to end and prints every figure (``--quick``; no timing asserted)."""

from __future__ import annotations

from pathlib import Path

from bench.engagement import query_labels
from tests.support.bench import assert_quick_is_never_written, run_quick, table_cells

#: The start of each row of the results table, in order.
ROWS = [
    "full-table scan of engagement_snapshots",
    *query_labels(),
    "PDF report for the quarter",
    "one new reading through record_snapshot",
    "rebuild the rollup from",
]


def test_the_quick_benchmark_produces_every_row(tmp_path: Path) -> None:
    result = run_quick("engagement.py", ROWS, tmp_path=tmp_path, timeout=240)
    assert all(len(row) == 3 for row in table_cells(result.stdout))  # SQLite and PostgreSQL columns


def test_quick_figures_are_never_written_to_the_benchmarks_page(tmp_path: Path) -> None:
    assert_quick_is_never_written("engagement.py", tmp_path)
