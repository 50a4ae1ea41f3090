"""Running a benchmark script of bench/ in a subprocess, and reading its Markdown table."""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_bench(script: str, *args: str, tmp_path: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python bench/<script> ARGS`` with no COMMUNIQUE_* settings, temporary files under ``tmp_path``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMMUNIQUE_")}
    return subprocess.run(
        [sys.executable, str(REPO / "bench" / script), *args],
        capture_output=True,
        text=True,
        timeout=timeout,  # a hang fails here; a quick run takes seconds
        cwd=tmp_path,  # each script finds the project by itself
        env={**env, "TMPDIR": str(tmp_path)},
        check=False,
    )


def table_cells(stdout: str) -> list[list[str]]:
    """The cells of each body row of the Markdown tables in ``stdout`` (header and rule left out)."""
    rows = [line.strip() for line in stdout.splitlines() if line.startswith("| ")]
    body = [row for row in rows if not row.startswith("| ---")]
    headers = {row for row, following in itertools.pairwise(rows) if following.startswith("| ---")}
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in body if row not in headers]


def assert_rows(stdout: str, rows: list[str]) -> None:
    """The table in ``stdout`` has exactly ``rows`` (each label starting with one), in order, each with a figure."""
    table = table_cells(stdout)
    assert [next((r for r in rows if row[0].startswith(r)), row[0]) for row in table] == rows
    for row in table:
        assert re.search(r"\d", row[1]), row  # every row has its figure


def run_quick(
    script: str, rows: list[str], *, tmp_path: Path, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``bench/<script> --quick`` run to success, its table holding exactly ``rows``; the run, for more checks."""
    result = run_bench(script, "--quick", tmp_path=tmp_path, timeout=timeout)
    assert result.returncode == 0, result.stderr[-3000:]
    assert_rows(result.stdout, rows)
    return result


def assert_quick_is_never_written(script: str, tmp_path: Path) -> None:
    """``--quick --write`` is refused with status 2 and writes no page: smoke figures never reach the docs."""
    page = tmp_path / "benchmarks.md"
    result = run_bench(script, "--quick", "--write", str(page), tmp_path=tmp_path, timeout=60)
    assert result.returncode == 2 and "not written to a file" in result.stderr
    assert not page.exists()
