"""A table model that grows a page at a time, with translated column titles: the Audit and Feedback lists."""

from __future__ import annotations

from typing import Any

from app.models.rows import AnyIndex, R, RowsModel
from app.qt import QModelIndex, Qt


class PagedRowsModel(RowsModel[R]):
    """``rows`` read newest first, a page at a time ("Load more").

    Subclasses name the columns (:meth:`titles`) and say what a cell shows (:meth:`display`),
    its tooltip (:meth:`tooltip`) and its look (:meth:`styled`).
    """

    def titles(self) -> tuple[str, ...]:
        """The column titles, translated (in the subclass, so they keep its translation context)."""
        raise NotImplementedError

    def append_rows(self, rows: list[R]) -> None:
        """Add ``rows`` (the next page) below those shown."""
        if not rows:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        """Column titles, translated."""
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = self.titles()
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell's text (:meth:`display`), its tooltip (:meth:`tooltip`), any other role (:meth:`styled`)."""
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        return self.styled(row, column, role)

    def display(self, row: R, column: int) -> str:
        """What cell ``column`` of ``row`` shows."""
        raise NotImplementedError

    def tooltip(self, row: R, column: int) -> str | None:
        """The tooltip of cell ``column`` of ``row``; none unless a subclass says."""
        return None

    def styled(self, row: R, column: int, role: int) -> Any:
        """Cell ``column`` of ``row`` for another role (a font, a colour); nothing unless a subclass says."""
        return None
