"""Table models answer a painted cell's roles in one call (Qt's multiData), with what ``data`` says."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import Any

from pytestqt.qtbot import QtBot

from app.models.queue_model import STATUS, TEXT, QueueModel
from app.models.rows import AnyIndex
from app.qt import Qt, QTableView, QtWidgets
from core.domain import VariantStatus
from core.queries.queue import QueueRow


def _row(variant_id: int, status: VariantStatus, error: str | None = None) -> QueueRow:
    return QueueRow(
        variant_id=variant_id, post_id=variant_id, account_id=1, account_name="Đại sứ quán Tokyo", platform="x",
        language="ja", status=status, summary="ベトナム外務省の発表", at=datetime(2030, 1, 2, 3, 4, tzinfo=UTC),
        schedule_zone="Asia/Tokyo", schedule_local=None, remote_url=None, last_error_class=None, last_error=error,
        version=1,
    )  # fmt: skip


class WatchedQueueModel(QueueModel):
    """The Queue's model, noting who asked each ``data`` call: Qt itself, or the model's ``multiData``."""

    def __init__(self) -> None:
        super().__init__()
        self.askers: list[str] = []

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called from C++, the frame below is whatever Python code started the paint; called
        # from CellsTableModel.multiData, it is that method.
        self.askers.append(sys._getframe(1).f_code.co_name)
        return super().data(index, role)


def test_a_view_reads_each_cell_in_one_call_with_the_values_data_gives(qtbot: QtBot) -> None:
    model = WatchedQueueModel()
    model.set_rows([_row(1, VariantStatus.FAILED, "Token expired"), _row(2, VariantStatus.SCHEDULED)], {})
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    view.resize(900, 200)
    view.grab()  # paints every visible cell
    assert len(model.askers) >= 2 * 5 * 7  # two rows of five cells, seven roles each
    assert set(model.askers) == {"multiData"}  # never one call from Qt per role
    delegate = view.itemDelegate()
    assert isinstance(delegate, QtWidgets.QStyledItemDelegate)
    failed = model.index(0, STATUS)
    option = QtWidgets.QStyleOptionViewItem()
    delegate.initStyleOption(option, failed)  # what the delegate paints from
    assert option.text == model.data(failed, Qt.ItemDataRole.DisplayRole)
    assert option.palette.text().color() == model.data(failed, Qt.ItemDataRole.ForegroundRole).color()
    text = model.index(1, TEXT)
    delegate.initStyleOption(option, text)
    assert option.text == "ベトナム外務省の発表"
    assert text.data(Qt.ItemDataRole.ToolTipRole) == "ベトナム外務省の発表"
