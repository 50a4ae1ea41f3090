"""A drop-down list whose items are ticked on and off: a compact multi-select for filters.

Nothing ticked means "all" (the caption says so); the caption otherwise names the one item
ticked or counts them. Refilling the list keeps what was ticked when it is still offered.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from app.qt import (
    QComboBox,
    QEvent,
    QModelIndex,
    QObject,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QtWidgets,
    QWidget,
    Signal,
)

_DATA = Qt.ItemDataRole.UserRole + 1


class CheckCombo(QComboBox):
    """A combo box of checkable items; :meth:`checked` gives the data of the ticked ones."""

    #: The ticked items changed (by the person or by :meth:`set_checked`).
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items = QStandardItemModel(self)
        self.setModel(self._items)
        self._all_text = ""
        self._count_text = "{0}"
        self.view().viewport().installEventFilter(self)
        self.view().installEventFilter(self)
        self._items.itemChanged.connect(self._on_item_changed)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)

    def set_captions(self, all_text: str, count_text: str) -> None:
        """The caption when nothing is ticked, and the one for several (``{0}``: how many)."""
        self._all_text, self._count_text = all_text, count_text
        self.update()

    def set_items(self, items: Sequence[tuple[str, Hashable]]) -> None:
        """Offer ``(text, data)`` items; the ticks of those still offered stay."""
        kept = set(self.checked())
        self._items.blockSignals(True)
        self._items.clear()
        for text, data in items:
            item = QStandardItem(text)
            item.setData(data, _DATA)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if data in kept else Qt.CheckState.Unchecked)
            self._items.appendRow(item)
        self._items.blockSignals(False)
        self.setCurrentIndex(-1)
        self.update()

    def items(self) -> list[tuple[str, Hashable]]:
        """The ``(text, data)`` items offered."""
        return [(self._items.item(r).text(), self._items.item(r).data(_DATA)) for r in range(self._items.rowCount())]

    def checked(self) -> list[Hashable]:
        """The data of the ticked items, in the list's order."""
        found = []
        for row in range(self._items.rowCount()):
            item = self._items.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(item.data(_DATA))
        return found

    def set_checked(self, data: Sequence[Hashable]) -> None:
        """Tick exactly the items whose data is in ``data``."""
        wanted = set(data)
        self._items.blockSignals(True)
        for row in range(self._items.rowCount()):
            item = self._items.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(_DATA) in wanted else Qt.CheckState.Unchecked)
        self._items.blockSignals(False)
        self.update()
        self.selection_changed.emit()

    def caption(self) -> str:
        """What the closed box shows."""
        ticked = [self._items.item(r) for r in range(self._items.rowCount())]
        names = [item.text() for item in ticked if item.checkState() == Qt.CheckState.Checked]
        if not names:
            return self._all_text
        return names[0] if len(names) == 1 else self._count_text.format(len(names))

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        """Draw the caption instead of a current item."""
        painter = QtWidgets.QStylePainter(self)
        option = QtWidgets.QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = self.caption()
        painter.drawComplexControl(QtWidgets.QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QtWidgets.QStyle.ControlElement.CE_ComboBoxLabel, option)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """A click on an item (or Space on the current one) ticks it and leaves the list open."""
        if watched is self.view().viewport() and event.type() == QEvent.Type.MouseButtonRelease:
            self._toggle(self.view().indexAt(event.position().toPoint()))  # type: ignore[attr-defined]
            return True
        if (
            watched is self.view() and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Space  # type: ignore[attr-defined]
        ):
            self._toggle(self.view().currentIndex())
            return True
        return super().eventFilter(watched, event)

    def _toggle(self, index: QModelIndex) -> None:
        item = self._items.itemFromIndex(index)
        if item is not None:
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _on_item_changed(self, _item: QStandardItem) -> None:
        self.update()
        self.selection_changed.emit()
