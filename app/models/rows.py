"""A flat table model over a list of rows read from a query: the part every list screen shares."""

from __future__ import annotations

from typing import Generic, TypeVar

from app.qt import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex

R = TypeVar("R")
#: Qt hands models either kind of index.
AnyIndex = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel, Generic[R]):
    """``rows`` shown as a flat table of ``COLUMNS`` columns; subclasses say what each cell shows."""

    COLUMNS = 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[R] = []

    def set_rows(self, rows: list[R]) -> None:
        """Show ``rows`` (a fresh read of the store)."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        """Rows under ``parent`` (a flat table: none under a real index)."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        """The model's columns."""
        return 0 if parent.isValid() else self.COLUMNS
