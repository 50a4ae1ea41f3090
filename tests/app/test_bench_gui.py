"""The desktop app benchmark still runs end to end and prints every figure (``--quick``; no timing asserted)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.bench import run_bench, table_cells

#: The start of each row of the results table, in order.
ROWS = [
    "start-up: process start to the first paint of the main window",
    "start-up, Vietnamese interface",
    "longest GUI-thread stall while 2 posts translate into 5 languages",
    "longest GUI-thread stall while the engine publishes 10 variants",
    "Queue opening over 500 variants",
    "Queue drawn",
    "Calendar opening, this month",
    "Calendar drawn",
]
_NUMBER = re.compile(r"\d")


def test_the_quick_benchmark_prints_every_row(tmp_path: Path) -> None:
    result = run_bench("gui.py", "--quick", tmp_path=tmp_path, timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    table = table_cells(result.stdout)
    assert [next((r for r in ROWS if row[0].startswith(r)), row[0]) for row in table] == ROWS
    for row in table:
        assert _NUMBER.search(row[1]), row  # every row has its figure


def test_quick_figures_are_never_written_to_the_benchmarks_page(tmp_path: Path) -> None:
    page = tmp_path / "benchmarks.md"
    result = run_bench("gui.py", "--quick", "--write", str(page), tmp_path=tmp_path, timeout=60)
    assert result.returncode == 2 and "not written to a file" in result.stderr
    assert not page.exists()
