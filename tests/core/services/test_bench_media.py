"""The media benchmark still runs end to end and prints every figure (``--quick``; no timing asserted)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.bench import assert_quick_is_never_written, run_quick

#: The start of each row of the results table, in order (one file in a quick run).
ROWS = [
    "8 MB video: storing it",
    "its memory growth",
    "8 MB video: reading it back elsewhere",
    "its memory growth",
    "8 MB video: a plain file copy (baseline)",
    "memory growth holding it whole",
]


def test_the_quick_benchmark_produces_every_row(tmp_path: Path) -> None:
    result = run_quick("media.py", ROWS, tmp_path=tmp_path, timeout=120)
    assert re.search(r"storing it, `put_file` \| [\d.]+ s \([\d.]+x the copy\)", result.stdout)
    assert re.search(r"holding it whole[^|]*\| [\d.]+ MB \([\d.]+ of the file\)", result.stdout)


def test_quick_figures_are_never_written(tmp_path: Path) -> None:
    assert_quick_is_never_written("media.py", tmp_path)
