"""Charts of engagement as PNG images, drawn offscreen (for the PDF report and the app's exports).

Each chart is its own :class:`~matplotlib.figure.Figure` on an Agg canvas; pyplot's global
figure manager is never touched. Matplotlib's font settings and font cache are shared by the
whole process, so drawing is serialised by one lock: a chart takes a few tens of milliseconds.
"""

from __future__ import annotations

import functools
import io
import math
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date

from core.queries.analytics import Row
from core.queries.best_time import BestTime

#: Families tried glyph by glyph, first to last: Latin with Vietnamese and Cyrillic, then
#: Devanagari, then Japanese (and the rest of CJK). DejaVu Sans ships with matplotlib itself.
FONT_FAMILIES: tuple[str, ...] = ("Noto Sans", "DejaVu Sans", "Noto Sans Devanagari", "Noto Sans CJK JP")
WEEKDAYS: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

_LOCK = threading.Lock()
_DPI = 150
_WIDE = (7.5, 3.2)
_ACCENT = "#1f5f99"
_BAR_LIMIT = 15  # longer breakdowns show their largest groups
_LABEL_CHARS = 32


@functools.lru_cache(maxsize=1)
def installed_families() -> tuple[str, ...]:
    """The families of :data:`FONT_FAMILIES` that matplotlib finds on this machine."""
    from matplotlib import font_manager

    found = []
    for family in FONT_FAMILIES:
        try:
            font_manager.fontManager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
        except ValueError:
            continue
        found.append(family)
    return tuple(found) or ("DejaVu Sans",)


@contextmanager
def _figure(
    size: tuple[float, float], *, left: float = 0.65, bottom: float = 0.5, right: float = 0.2, top: float = 0.35
) -> Iterator[tuple[object, io.BytesIO]]:
    """A fresh figure drawn under the lock with the report's fonts; its PNG lands in the buffer.

    Margins are in inches and fixed: an automatic layout measures every label first and takes
    most of a chart's drawing time, which a report of a dozen charts would feel.
    """
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    buffer = io.BytesIO()
    width, height = size
    with _LOCK, matplotlib.rc_context({"font.family": list(installed_families()), "font.size": 9}):
        figure = Figure(figsize=size, dpi=_DPI)
        figure.subplots_adjust(left=left / width, right=1 - right / width, bottom=bottom / height, top=1 - top / height)
        canvas = FigureCanvasAgg(figure)
        yield figure, buffer
        canvas.print_png(buffer)  # type: ignore[no-untyped-call]


def gained_chart(rows: Sequence[Row], *, title: str = "Engagements gained per day") -> bytes:
    """A line of what a period's posts gained in each period of a day/week/month breakdown."""
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    points = [(_period(row), row.figures.engagements) for row in rows]
    dated = [(day, value) for day, value in points if day is not None]
    with _figure(_WIDE) as (figure, buffer):
        assert isinstance(figure, Figure)
        ax = figure.add_subplot()
        ax.set_title(title, loc="left")
        if not dated:
            _empty(ax)
        else:
            days = mdates.date2num([day for day, _ in dated])  # type: ignore[no-untyped-call]
            values = [value for _, value in dated]
            ax.plot(days, values, color=_ACCENT, linewidth=1.6, marker="o" if len(days) <= 31 else None, markersize=3)
            ax.fill_between(days, values, color=_ACCENT, alpha=0.12)
            locator = mdates.AutoDateLocator(maxticks=8)  # type: ignore[no-untyped-call]
            ax.xaxis.set_major_locator(locator)
            ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
            ax.set_ylim(bottom=0)
            ax.set_ylabel("Engagements")
            ax.grid(axis="y", alpha=0.3)
        _clean(ax)
    return buffer.getvalue()


def breakdown_chart(rows: Sequence[Row], *, title: str, metric: str = "engagements") -> bytes:
    """Horizontal bars of one figure (``engagements`` by default) per group, largest on top."""
    from matplotlib.figure import Figure

    shown = list(rows)[:_BAR_LIMIT]
    values = [_number(getattr(row.figures, metric)) for row in shown]
    height = max(1.6, 0.8 + 0.28 * len(shown))
    labels = [_short(row.label) for row in shown]
    left = min(_WIDE[0] * 0.45, 0.25 + max((_label_inches(label) for label in labels), default=0.3))
    with _figure((_WIDE[0], height), left=left, bottom=0.35) as (figure, buffer):
        assert isinstance(figure, Figure)
        ax = figure.add_subplot()
        ax.set_title(title, loc="left")
        if not shown:
            _empty(ax)
        else:
            positions = list(range(len(shown)))
            ax.barh(positions, values, color=_ACCENT)
            ax.set_yticks(positions, labels)
            ax.invert_yaxis()
            for position, value in zip(positions, values, strict=True):
                ax.annotate(f"{value:,.0f}", (value, position), xytext=(3, 0), textcoords="offset points", va="center")
            ax.set_xlim(right=max(values, default=0) * 1.15 or 1)
            ax.grid(axis="x", alpha=0.3)
        _clean(ax)
    return buffer.getvalue()


def heatmap_chart(best: BestTime, *, title: str) -> bytes:
    """The hour-by-weekday grid of an account's mean engagements, its best cells outlined.

    Whether the grid is advice (``best.reason``, ``best.basis``) is for the caller to say beside it.
    """
    import numpy as np
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    grid = np.full((7, 24), np.nan)
    for cell in best.cells:
        if cell.score is not None and 0 <= cell.weekday < 7 and 0 <= cell.hour < 24:
            grid[cell.weekday, cell.hour] = cell.score
    with _figure((_WIDE[0], 2.9), left=0.5, right=0.1) as (figure, buffer):
        assert isinstance(figure, Figure)
        ax = figure.add_subplot()
        ax.set_title(title, loc="left")
        image = ax.imshow(np.ma.masked_invalid(grid), aspect="auto", cmap="Blues", interpolation="nearest")
        ax.set_facecolor("#f2f2f2")  # hours with no post
        ax.set_yticks(range(7), WEEKDAYS)
        ax.set_xticks(range(0, 24, 2), [f"{hour:02d}" for hour in range(0, 24, 2)])
        ax.set_xlabel(f"Hour published ({best.zone})")
        for cell in best.best:
            ax.add_patch(
                Rectangle((cell.hour - 0.5, cell.weekday - 0.5), 1, 1, fill=False, edgecolor="#d9480f", lw=1.5)
            )
        colorbar = figure.colorbar(image, ax=ax, fraction=0.04, pad=0.01)
        colorbar.set_label("Mean engagements")
    return buffer.getvalue()


def _period(row: Row) -> date | None:
    try:
        return date.fromisoformat(str(row.key))
    except ValueError:
        return None


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) and not math.isnan(value) else 0.0


def _label_inches(label: str) -> float:
    """About how wide ``label`` is at 9 points: wide (CJK) characters count twice."""
    return sum(0.13 if unicodedata.east_asian_width(char) in "WF" else 0.07 for char in label)


def _short(label: str) -> str:
    return label if len(label) <= _LABEL_CHARS else label[: _LABEL_CHARS - 1] + "…"


def _empty(ax: object) -> None:
    from matplotlib.axes import Axes

    assert isinstance(ax, Axes)
    ax.text(0.5, 0.5, "No data in this period", ha="center", va="center", transform=ax.transAxes, color="#777777")
    ax.set_xticks([])
    ax.set_yticks([])


def _clean(ax: object) -> None:
    from matplotlib.axes import Axes

    assert isinstance(ax, Axes)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
