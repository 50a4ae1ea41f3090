"""The feedback benchmark still runs end to end and prints every figure (``--quick``; no timing asserted)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.bench import assert_quick_is_never_written, run_quick

#: The start of each row of the results tables, in order.
ROWS = [
    "collect, detect and translate",
    "recording them: `record_comments`",
    "detecting their languages",
    "translating them into Vietnamese",
    "the same translations, one `TranslationService.translate()` per comment",
    "language detector, cold",
    "language detector, memory",
    "language detector, warm",
    "high accuracy (used)",
    "low accuracy",
]


def test_the_quick_benchmark_produces_every_row(tmp_path: Path) -> None:
    result = run_quick("feedback.py", ROWS, tmp_path=tmp_path, timeout=240)
    assert re.search(
        r"vs the engine alone on the same texts \| [\d.]+ m?s \| [\d.]+ m?s \| [\d.]+x[^|]*\|", result.stdout
    )
    assert "nan" not in result.stdout and "inf" not in result.stdout.replace("informative", "")


def test_quick_figures_are_never_written_to_the_benchmarks_page(tmp_path: Path) -> None:
    assert_quick_is_never_written("feedback.py", tmp_path)
