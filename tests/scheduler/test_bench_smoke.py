"""The scheduler benchmark still runs end to end and produces every figure (``--quick``; no timing asserted)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from bench.scheduler import QUICK

ROOT = Path(__file__).resolve().parents[2]
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
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMMUNIQUE_")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "scheduler.py"), "--quick"],
        cwd=ROOT,
        env={**env, "TMPDIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,  # a hang fails here; the run itself takes seconds
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    table = [line for line in result.stdout.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert [next((r for r in ROWS if line.startswith(f"| {r}")), line) for line in table] == ROWS
    for line in table:
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert _NUMBER.search(cells[1]), line  # every row has its figure


def test_quick_figures_are_never_written_to_the_benchmarks_page(tmp_path: Path) -> None:
    page = tmp_path / "benchmarks.md"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "scheduler.py"), "--quick", "--write", str(page)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2 and "not written to a file" in result.stderr
    assert not page.exists()
