"""Published variants and their figures as a table, sortable by any figure.

A figure the platform has not given (not polled yet, or refused) is blank, never zero: a
manager comparing reach must not read "no data" as "nobody saw it".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.models import when
from app.models.rows import CellsTableModel
from app.qt import QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt
from app.viewmodels.engagement import rate_text
from core.queries.analytics import VariantFigures
from core.queries.engagement import METRICS

#: Where the page and the tests find a column.
PUBLISHED, ACCOUNT, LANGUAGE = range(3)
FIRST_FIGURE = 3
ENGAGEMENTS = FIRST_FIGURE + len(METRICS)
RATE = ENGAGEMENTS + 1
POST = RATE + 1

#: The role a sort reads: numbers sort as numbers, blanks last.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


class EngagementModel(CellsTableModel):
    """One row per published variant: when, where, its figures, and the start of its text."""

    def __init__(self, parent: QObject | None = None, *, zone: when.Zone = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self._rows: list[VariantFigures] = []

    def set_rows(self, rows: Sequence[VariantFigures]) -> None:
        """Show ``rows``."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> VariantFigures:
        """The query row shown at ``row`` (of this model, not of a sorting proxy)."""
        return self._rows[row]

    def rows(self) -> list[VariantFigures]:
        """Every row shown, in the model's order."""
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's signature
        """Rows shown."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's signature
        """When, account, language, the five figures, engagements, rate and the post."""
        return 0 if parent.isValid() else POST + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        """Column titles."""
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Published"),
            self.tr("Account"),
            self.tr("Language"),
            self.tr("Reactions"),
            self.tr("Shares"),
            self.tr("Replies"),
            self.tr("Impressions"),
            self.tr("Clicks"),
            self.tr("Engagements"),
            self.tr("Rate"),
            self.tr("Post"),
        )
        return titles[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell's text, its sort key, its alignment and its tooltip."""
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and FIRST_FIGURE <= column <= RATE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == POST:
                return row.text
            if row.figures.read == 0:
                return self.tr("Not polled yet: the first figures come about ten minutes after publishing.")
        return None

    def _figure(self, row: VariantFigures, column: int) -> int | None:
        if row.figures.read == 0:
            return None
        if column == ENGAGEMENTS:
            return row.figures.engagements
        value: int | None = getattr(row.figures, METRICS[column - FIRST_FIGURE])
        return value

    def _display(self, row: VariantFigures, column: int) -> str:
        if column == PUBLISHED:
            return when.stamp(row.published_at, zone=self.zone)
        if column == ACCOUNT:
            return self.tr("{0} ({1})").format(row.account_name, row.platform)
        if column == LANGUAGE:
            return row.language
        if column == POST:
            return " ".join(row.text.split())[:140]
        if column == RATE:
            return rate_text(row.figures.rate)
        figure = self._figure(row, column)
        return "" if figure is None else QLocale().toString(figure)

    def _sort_key(self, row: VariantFigures, column: int) -> Any:
        if column == PUBLISHED:
            return row.published_at.timestamp()
        if column in (ACCOUNT, LANGUAGE, POST):
            return self._display(row, column).casefold()
        if column == RATE:
            return -1.0 if row.figures.rate is None else row.figures.rate
        figure = self._figure(row, column)
        return -1 if figure is None else figure
