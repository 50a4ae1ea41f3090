"""A flat table model over a list of rows read from a query: the part every list screen shares."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar, cast

from app.qt import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
)

R = TypeVar("R")
#: Qt hands models either kind of index.
AnyIndex = QModelIndex | QPersistentModelIndex


class CellsTableModel(QAbstractTableModel):
    """A table model that answers all the roles a view asks of one cell in one Python call.

    Qt's item delegates ask each painted cell for seven roles. Asked one by one (``data``), each
    answer is a call from C++ into Python that must take the GIL back from the publisher's and
    the operations' busy threads: a table's repaint then took 35-90 ms while posts were
    published (bench/gui.py). Through Qt's ``multiData`` the GIL is taken once per cell, and the
    roles are read from the model's own ``data`` without leaving Python.
    """

    def multiData(  # noqa: N802 - Qt's name
        self,
        index: AnyIndex,
        roleDataSpan: QModelRoleDataSpan | QModelRoleData,  # noqa: N803 - Qt's name (mypy checks it)
        /,
    ) -> None:
        """Fill every role of the span for ``index`` from :meth:`data`."""
        slots = cast(Iterable[QModelRoleData], roleDataSpan)  # the binding iterates a span; stubs miss it
        for slot in slots:
            value = self.data(index, slot.role())
            if value is None:
                slot.clearData()
            else:
                slot.setData(value)


class RowsModel(CellsTableModel, Generic[R]):
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
