"""Charts come out as PNG images with every script's glyphs, from any thread, without pyplot."""

from __future__ import annotations

import io
import subprocess
import sys
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from core.queries.analytics import Figures, Row
from core.reports import charts
from core.reports.report import Report

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ROOT = Path(__file__).resolve().parents[3]
MakeFigures = Callable[..., Figures]


def _pixels(png: bytes) -> np.ndarray:
    assert png.startswith(PNG_SIGNATURE)
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def _drawn(png: bytes) -> float:
    """The share of pixels that are not white."""
    pixels = _pixels(png)
    return float((pixels < 250).any(axis=2).mean())


def _missing_glyphs(draw: object) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert callable(draw)
        draw()
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def test_every_chart_is_a_drawn_png(report: Report) -> None:
    gained = charts.gained_chart(report.daily)
    bars = charts.breakdown_chart(report.by_account, title="By account")
    heatmap = charts.heatmap_chart(report.best_times[0].best_time, title="東京 (X)")
    for png in (gained, bars, heatmap):
        height, width, _ = _pixels(png).shape
        assert width > 800 and height > 200
        assert 0.02 < _drawn(png) < 0.9
    empty = charts.breakdown_chart([], title="Nothing")
    assert _drawn(empty) < _drawn(bars)


def test_labels_in_four_scripts_find_their_glyphs(script_labels: list[str], make_figures: MakeFigures) -> None:
    rows = [Row(i, label, make_figures(50 - i)) for i, label in enumerate(script_labels)]
    assert {"Noto Sans Devanagari", "Noto Sans CJK JP"} <= set(charts.installed_families())

    assert _missing_glyphs(lambda: charts.breakdown_chart(rows, title="Посольства · 大使館 · दूतावास")) == []


def test_without_the_fallback_fonts_the_glyphs_would_be_missing(
    monkeypatch: pytest.MonkeyPatch, script_labels: list[str], make_figures: MakeFigures
) -> None:
    # The check above can fail: with matplotlib's own font alone, kanji and Devanagari are missing.
    monkeypatch.setattr(charts, "installed_families", lambda: ("DejaVu Sans",))
    rows = [Row(i, label, make_figures(50 - i)) for i, label in enumerate(script_labels)]
    assert _missing_glyphs(lambda: charts.breakdown_chart(rows, title="By account")) != []


def test_charts_drawn_from_several_threads_at_once(report: Report, make_figures: MakeFigures) -> None:
    def draw(n: int) -> bytes:
        days = [
            Row((date(2027, 1, 1) + timedelta(days=d)).isoformat(), "", make_figures(d * n % 13)) for d in range(30)
        ]
        return charts.gained_chart(days) if n % 2 else charts.breakdown_chart(report.by_account, title=str(n))

    with ThreadPoolExecutor(max_workers=4) as pool:
        images = list(pool.map(draw, range(8)))
    assert all(_drawn(png) > 0.02 for png in images)
    assert images[1] != images[3]  # each thread drew its own data


def test_drawing_never_loads_pyplot() -> None:
    code = (
        "import sys; from core.reports import charts; from core.queries.analytics import Row, Figures;"
        "charts.breakdown_chart([Row(1, 'a', Figures(1, 1, 1, 1, 1, 1, 1, 4, 4.0))], title='t');"
        "print('matplotlib.pyplot' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60, cwd=ROOT
    )
    assert done.stdout.strip() == "False"
