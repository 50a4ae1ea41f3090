"""Running a benchmark script of bench/ in a subprocess, and reading its Markdown table."""

from __future__ import annotations

import itertools
import os
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
