"""Published variants and their latest figures as a table, sortable by any figure.

A figure the platform has not given (not polled yet, or refused) is blank, never zero: a
manager comparing reach must not read "no data" as "nobody saw it".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.models import when
from app.qt import QAbstractTableModel, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt
from core import queries
from core.domain import Account
from core.queries import engagement
from core.queries.engagement import METRICS, PublishedEngagement
from core.queries.metrics_health import FailingMetrics, failing_metrics
from core.store import Store

#: Where the page and the tests find a column.
PUBLISHED, ACCOUNT, LANGUAGE = range(3)
FIRST_FIGURE = 3
CAPTURED = FIRST_FIGURE + len(METRICS)

#: The role a sort reads: numbers sort as numbers, blanks last.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class EngagementSnapshot:
    """One load of the engagement screen."""

    rows: list[PublishedEngagement]
    accounts: list[Account]
    failing: list[FailingMetrics]


def load_engagement(store: Store, account_ids: Sequence[int], languages: Sequence[str]) -> EngagementSnapshot:
    """Everything the engagement screen shows (on a pool thread)."""
    return EngagementSnapshot(
        rows=engagement.published(store, account_ids=account_ids, languages=languages),
        accounts=queries.list_accounts(store),
        failing=failing_metrics(store, account_ids=account_ids),
    )


class EngagementModel(QAbstractTableModel):
    """One row per published variant: when, where, and its latest figures."""

    def __init__(self, parent: QObject | None = None, *, zone: when.Zone = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self._rows: list[PublishedEngagement] = []

    def set_rows(self, rows: Sequence[PublishedEngagement]) -> None:
        """Show ``rows``."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> PublishedEngagement:
        """The query row shown at ``row`` (of this model, not of a sorting proxy)."""
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's signature
        """Rows shown."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's signature
        """When, account, language, the five figures, and when they were read."""
        return 0 if parent.isValid() else CAPTURED + 1

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
            self.tr("Read at"),
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
        if role == Qt.ItemDataRole.TextAlignmentRole and FIRST_FIGURE <= column < CAPTURED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.latest is None:
                return self.tr("Not polled yet: the first figures come about ten minutes after publishing.")
            if row.latest.partial:
                return self.tr("The platform refused some figures at the last poll; those are blank.")
        return None

    def _figure(self, row: PublishedEngagement, column: int) -> int | None:
        if row.latest is None:
            return None
        value: int | None = getattr(row.latest, METRICS[column - FIRST_FIGURE])
        return value

    def _display(self, row: PublishedEngagement, column: int) -> str:
        if column == PUBLISHED:
            return when.stamp(row.published_at, zone=self.zone)
        if column == ACCOUNT:
            return self.tr("{0} ({1})").format(row.account_name, row.platform)
        if column == LANGUAGE:
            return row.language
        if column == CAPTURED:
            return when.stamp(row.latest.captured_at, zone=self.zone) if row.latest else ""
        figure = self._figure(row, column)
        return "" if figure is None else QLocale().toString(figure)

    def _sort_key(self, row: PublishedEngagement, column: int) -> Any:
        if column == PUBLISHED:
            return row.published_at.timestamp() if row.published_at else 0.0
        if column == CAPTURED:
            return row.latest.captured_at.timestamp() if row.latest else 0.0
        if column in (ACCOUNT, LANGUAGE):
            return self._display(row, column).casefold()
        figure = self._figure(row, column)
        return -1 if figure is None else figure
