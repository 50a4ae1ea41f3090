"""The desktop app benchmark still runs end to end and prints every figure (``--quick``; no timing asserted)."""

from __future__ import annotations

from pathlib import Path

from tests.support.bench import assert_quick_is_never_written, assert_rows, run_bench

#: The start of each row of the results table, in order.
ROWS = [
    "start-up: process start to the first paint of the main window",
    "start-up, Vietnamese interface",
    "longest GUI-thread stall while the app warms translation up after start-up",
    "longest GUI-thread stall while 2 posts translate into 5 languages",
    "longest GUI-thread stall while the engine publishes 10 variants",
    "Queue opening over 500 variants",
    "Queue drawn",
    "Calendar opening, this month",
    "Calendar drawn",
]


def test_the_quick_benchmark_prints_every_row(tmp_path: Path) -> None:
    result = run_bench("gui.py", "--quick", tmp_path=tmp_path, timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    assert_rows(result.stdout, ROWS)


def test_quick_figures_are_never_written_to_the_benchmarks_page(tmp_path: Path) -> None:
    assert_quick_is_never_written("gui.py", tmp_path)
