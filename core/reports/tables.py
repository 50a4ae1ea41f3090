"""Tables for export: what the dashboard shows, as CSV (one table) or XLSX (one sheet per table).

Cells keep their types: numbers stay numbers, times are naive wall-clock datetimes in the zone
the column's title names (spreadsheets have no time zones), a figure no platform gave is
``None`` and is written as an empty cell, never as zero.
"""

from __future__ import annotations

import csv
import importlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from core import timeutil
from core.queries.analytics import Dimension, Figures, Row, VariantFigures
from core.reports.output import write_file

#: Figures columns, in the order every table shows them.
FIGURE_COLUMNS: tuple[str, ...] = (
    "Posts",
    "Read",
    "Reactions",
    "Shares",
    "Replies",
    "Impressions",
    "Clicks",
    "Engagements",
    "Engagement rate",
)
_DIMENSION_TITLES: dict[str, str] = {
    "variant": "Variant",
    "post": "Post",
    "account": "Account",
    "language": "Language",
    "platform": "Platform",
    "day": "Day",
    "week": "Week of",
    "month": "Month",
}
_PERIODS = ("day", "week", "month")
_SHEET_NAME_LIMIT = 31  # Excel's own limit
_PERCENT_FORMAT = "0.00%"
_DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
_DATE_FORMAT = "yyyy-mm-dd"


@dataclass(frozen=True)
class Table:
    """A titled table of typed cells; ``percent`` names the columns holding fractions shown as %."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    percent: tuple[str, ...] = ()


def figure_cells(figures: Figures) -> tuple[object, ...]:
    """The cells of :data:`FIGURE_COLUMNS` for ``figures``."""
    return (
        figures.posts,
        figures.read,
        figures.reactions,
        figures.shares,
        figures.replies,
        figures.impressions,
        figures.clicks,
        figures.engagements,
        figures.rate,
    )


def variants_table(rows: Sequence[VariantFigures], *, zone: str) -> Table:
    """Published variants with their latest figures; publishing times on ``zone``'s wall clock."""
    tz = timeutil.zone(zone)
    columns = (
        f"Published ({zone})",
        "Account",
        "Platform",
        "Language",
        "Post",
        "Variant",
        "Text",
        *FIGURE_COLUMNS[2:],
        "URL",
    )
    body = tuple(
        (
            row.published_at.astimezone(tz).replace(tzinfo=None),
            row.account_name,
            row.platform,
            row.language,
            row.post_id,
            row.variant_id,
            row.text,
            *figure_cells(row.figures)[2:],
            row.remote_url,
        )
        for row in rows
    )
    return Table("Posts", columns, body, percent=("Engagement rate",))


def breakdown_table(rows: Sequence[Row], by: Dimension) -> Table:
    """A breakdown's groups with their figures; a period's group is keyed by its first day (a date)."""
    title = _DIMENSION_TITLES[by]
    body = tuple((_group_cell(row, by), *figure_cells(row.figures)) for row in rows)
    return Table(f"By {title.split()[0].lower()}", (title, *FIGURE_COLUMNS), body, percent=("Engagement rate",))


def summary_table(current: Figures, previous: Figures) -> Table:
    """This period's totals beside the previous period's, with the growth between them."""
    names = FIGURE_COLUMNS
    counts = [
        (name, now, before, growth(now, before))
        for name, now, before in zip(names, figure_cells(current), figure_cells(previous), strict=True)
        if name != "Engagement rate"
    ]
    body = (*counts, ("Engagement rate", current.rate, previous.rate, None))
    return Table("Summary", ("Figure", "This period", "Previous period", "Growth"), body, percent=("Growth",))


def growth(now: object, before: object) -> float | None:
    """The relative change from ``before`` to ``now`` (0.25 = +25 %); ``None`` when it has no meaning."""
    if not isinstance(now, int | float) or not isinstance(before, int | float) or not before:
        return None
    return (now - before) / before


def _group_cell(row: Row, by: Dimension) -> object:
    if by in _PERIODS:
        try:
            return date.fromisoformat(str(row.key))
        except ValueError:
            return row.label
    return row.label


def write_csv(table: Table, path: str | Path) -> Path:
    """Write ``table`` as UTF-8 CSV with a header row (a BOM, so spreadsheets read the accents); the path."""

    def produce(temporary: Path) -> None:
        with temporary.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(table.columns)
            writer.writerows([_csv_cell(cell) for cell in row] for row in table.rows)

    return write_file(path, produce)


def _csv_cell(cell: object) -> object:
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.isoformat(sep=" ", timespec="minutes" if not cell.second else "seconds")
    if isinstance(cell, date):
        return cell.isoformat()
    return cell


def write_xlsx(tables: Sequence[Table], path: str | Path) -> Path:
    """Write ``tables`` as one workbook, one sheet each, with typed cells; the path."""
    openpyxl = _openpyxl()
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    for table in tables:
        sheet = workbook.create_sheet(_sheet_name(table.title, taken))
        sheet.append(list(table.columns))
        for cell in sheet[1]:
            cell.font = openpyxl.styles.Font(bold=True)
        percent = {i for i, name in enumerate(table.columns) if name in table.percent}
        for row in table.rows:
            sheet.append(list(row))
            for i, cell in enumerate(sheet[sheet.max_row]):
                _style(cell, row[i], i in percent)
        sheet.freeze_panes = "A2"
        for i, name in enumerate(table.columns):
            width = max([len(name), *(len(str(row[i])) for row in table.rows[:200] if row[i] is not None)])
            sheet.column_dimensions[_letter(i)].width = min(max(width + 2, 8), 60)
    if not tables:
        workbook.create_sheet("Empty")
    return write_file(path, lambda temporary: workbook.save(temporary))


def _openpyxl() -> Any:
    """openpyxl, loaded on first export (it is slow to import); it ships no type hints, hence ``Any``."""
    module = importlib.import_module("openpyxl")
    importlib.import_module("openpyxl.styles")
    importlib.import_module("openpyxl.utils")
    return module


def _style(cell: Any, value: object, percent: bool) -> None:
    if isinstance(value, str):
        # A post text such as "=HYPERLINK(...)" is text, never a formula the spreadsheet runs.
        cell.data_type = "s"
    elif isinstance(value, datetime):
        cell.number_format = _DATETIME_FORMAT
    elif isinstance(value, date):
        cell.number_format = _DATE_FORMAT
    elif percent and isinstance(value, float):
        cell.number_format = _PERCENT_FORMAT


def _sheet_name(title: str, taken: set[str]) -> str:
    """``title`` as a legal, unique sheet name (31 characters, none of ``[]:*?/\\``)."""
    base = re.sub(r"[\[\]:*?/\\]", "-", title).strip("'") or "Sheet"
    base = base[:_SHEET_NAME_LIMIT]
    name, number = base, 2
    while name.lower() in taken:
        suffix = f" ({number})"
        name, number = base[: _SHEET_NAME_LIMIT - len(suffix)] + suffix, number + 1
    taken.add(name.lower())
    return name


def _letter(index: int) -> str:
    return str(_openpyxl().utils.get_column_letter(index + 1))
