"""The queue as a table: one row per variant, its time on the account's clock.

Each row's time is shown on its account's wall clock (that is the time it was scheduled by);
the tooltip gives the same instant on the officer's own clock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from app.models import when
from app.models.rows import CellsTableModel
from app.qt import (
    QBrush,
    QColor,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from core import queries
from core.domain import Account, ReviewState, VariantStatus
from core.queries import queue
from core.queries.approvals import waiting_for_me
from core.queries.metrics_health import FailingMetrics, failing_metrics
from core.queries.queue import QueueFilter, QueueRow
from core.services.permissions import CurrentUser
from core.services.users import me
from core.store import Store

#: Where the page and the tests find a column.
WHEN, ACCOUNT, LANGUAGE, STATUS, TEXT = range(5)

_STATUS_COLOURS = {
    VariantStatus.FAILED: QColor("#b91c1c"),
    VariantStatus.MISSED: QColor("#b91c1c"),
    VariantStatus.PUBLISHED: QColor("#15803d"),
    VariantStatus.CANCELLED: QColor("#6b7280"),
}

AnyIndex = QModelIndex | QPersistentModelIndex


def status_label(status: VariantStatus) -> str:
    """A status as a person reads it, translated (shared by the queue and the calendar)."""
    translate = QCoreApplication.translate
    labels = {
        VariantStatus.DRAFT: translate("Status", "Draft"),
        VariantStatus.APPROVED: translate("Status", "Approved"),
        VariantStatus.SCHEDULED: translate("Status", "Scheduled"),
        VariantStatus.PUBLISHING: translate("Status", "Publishing"),
        VariantStatus.PUBLISHED: translate("Status", "Published"),
        VariantStatus.FAILED: translate("Status", "Failed"),
        VariantStatus.MISSED: translate("Status", "Missed"),
        VariantStatus.CANCELLED: translate("Status", "Cancelled"),
    }
    return labels[status]


def approval_label(state: ReviewState) -> str:
    """An approval state as a person reads it, translated; empty for a draft never submitted."""
    translate = QCoreApplication.translate
    labels = {
        ReviewState.DRAFT: "",
        ReviewState.IN_REVIEW: translate("Approval", "in review"),
        ReviewState.APPROVED: translate("Approval", "approved"),
        ReviewState.REJECTED: translate("Approval", "rejected"),
    }
    return labels[state]


def status_with_approval(status: VariantStatus, state: ReviewState) -> str:
    """The status column's words: the status, and the approval state when there is one."""
    shown = approval_label(state)
    if not shown:
        return status_label(status)
    return QCoreApplication.translate("Approval", "{0} ({1})").format(status_label(status), shown)


@dataclass(frozen=True)
class QueueSnapshot:
    """One load of the queue screen: its rows, how many match, the accounts, the failing metrics."""

    rows: list[QueueRow]
    total: int
    accounts: list[Account]
    failing: list[FailingMetrics]
    user: CurrentUser | None = None  # the person using the app (what they may do)


def load_queue(store: Store, flt: QueueFilter, limit: int, *, waiting: bool = False) -> QueueSnapshot:
    """Everything the queue screen shows, read in one go (on a pool thread, never the GUI's).

    ``waiting``: only the variants waiting for the person (:func:`core.queries.approvals.waiting_for_me`).
    """
    if waiting:
        flt = replace(flt, variant_ids=[p.variant_id for p in waiting_for_me(store)])
    return QueueSnapshot(
        rows=queue.queue(store, flt, limit=limit),
        total=queue.count(store, flt),
        accounts=queries.list_accounts(store),
        failing=failing_metrics(store),
        user=me(store),
    )


class QueueModel(CellsTableModel):
    """Queue rows as a read-only table (reloaded whole: a page holds at most a thousand)."""

    def __init__(self, parent: QObject | None = None, *, zone: when.Zone = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self._rows: list[QueueRow] = []
        self._zones: dict[int, str] = {}

    def set_rows(self, rows: Sequence[QueueRow], zones: Mapping[int, str]) -> None:
        """Show ``rows``; ``zones`` maps an account id to its time zone."""
        self.beginResetModel()
        self._rows = list(rows)
        self._zones = dict(zones)
        self.endResetModel()

    def row_at(self, row: int) -> QueueRow:
        """The query row shown at ``row``."""
        return self._rows[row]

    def row_of(self, variant_id: int) -> int | None:
        """Where ``variant_id`` is shown, if it is."""
        return next((i for i, r in enumerate(self._rows) if r.variant_id == variant_id), None)

    def zone_of(self, row: QueueRow) -> str:
        """The zone ``row`` is scheduled in (else its account's; UTC if neither is known)."""
        return row.schedule_zone or self._zones.get(row.account_id, "UTC")

    def status_label(self, status: VariantStatus) -> str:
        """A status as a person reads it."""
        return status_label(status)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's signature
        """Rows shown (none under a valid parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's signature
        """The five columns."""
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        """Column titles."""
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("When"), self.tr("Account"), self.tr("Language"), self.tr("Status"), self.tr("Text"))[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """What a cell shows, its tooltip and its colour."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS and row.status in _STATUS_COLOURS:
            return QBrush(_STATUS_COLOURS[row.status])
        if role == Qt.ItemDataRole.UserRole:
            return row.variant_id
        return None

    def _display(self, row: QueueRow, column: int) -> str:
        if column == WHEN:
            return when.stamp(row.at, self.zone_of(row)) or self.tr("not scheduled")
        if column == ACCOUNT:
            return self.tr("{0} ({1})").format(row.account_name, row.platform)
        if column == LANGUAGE:
            return row.language
        if column == STATUS:
            return status_with_approval(row.status, row.approval_state)
        return " ".join(row.summary.split())

    def _tooltip(self, row: QueueRow, column: int) -> str | None:
        if column == WHEN and row.at is not None:
            return self.tr("Your time: {0}").format(when.stamp(row.at, zone=self.zone))
        if column == TEXT:
            return row.summary
        if column == STATUS and row.approval_comment and row.approval_state is ReviewState.REJECTED:
            return self.tr("Rejected: {0}").format(row.approval_comment)
        if column == STATUS and row.last_error:
            return row.last_error
        return None
