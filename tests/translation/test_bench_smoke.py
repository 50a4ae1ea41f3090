"""The translation benchmark still runs: ``--quick`` prints every row of its table with numbers.

Only that it runs and reports; speed itself is measured by ``make bench``, never asserted here.
"""

from __future__ import annotations

import collections
import re
from pathlib import Path

from bench import translation as bench
from tests.support.bench import run_bench, table_cells

_NUMBER = re.compile(r"\d+(?:\.\d+)?(?: ms|x)")


def test_quick_bench_prints_every_row_with_numbers(tmp_path: Path) -> None:
    done = run_bench("translation.py", "--quick", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    table = table_cells(done.stdout)
    # The verdict in a label depends on the figures: compare labels without it.
    expected = [label.replace("NOT met", "met") for label, _ in bench.table_rows(collections.defaultdict(lambda: 1.0))]
    assert [label.replace("NOT met", "met") for label, _value in table] == expected
    for label, value in table:
        assert _NUMBER.search(value) and "nan" not in value and "inf" not in value, (label, value)
    assert re.search(r"one-segment prose posts \*\*(met|NOT met)\*\* \([\d.]+x\)", done.stdout)
    assert re.search(r"280-character posts \*\*(met|NOT met)\*\* \([\d.]+x", done.stdout)


def test_quick_figures_are_never_written_to_the_benchmarks_page(tmp_path: Path) -> None:
    page = tmp_path / "benchmarks.md"
    done = run_bench("translation.py", "--quick", "--write", str(page), tmp_path=tmp_path, timeout=60)
    assert done.returncode == 2 and "not written to a file" in done.stderr
    assert not page.exists()
