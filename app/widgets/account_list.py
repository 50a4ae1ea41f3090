"""The accounts a post goes to: a checkable list, each with its platform, language and time zone."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from app.i18n import Retranslatable
from app.qt import QSize, QStandardItem, QStandardItemModel, Qt, QtWidgets, QWidget, Signal
from app.viewmodels.composer import AccountOption

#: Where an item keeps its account's id.
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class AccountChecklist(Retranslatable, QtWidgets.QListView):
    """Tick the target accounts; :meth:`checked` keeps the order they were ticked in (the first sets the language)."""

    #: Emitted when the person ticks or unticks an account (not when the list is filled).
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self._order: list[int] = []
        self._filling = False
        self.options: dict[int, AccountOption] = {}
        self.model_.itemChanged.connect(self._on_item)

    def set_accounts(self, options: Sequence[AccountOption], checked: Iterable[int]) -> None:
        """Show ``options``, with the accounts ``checked`` ticked (in that order)."""
        self._filling = True
        try:
            self.model_.clear()
            self.options = {o.id: o for o in options}
            self._order = [i for i in checked if i in self.options]
            for option in options:
                item = QStandardItem()
                item.setData(option.id, ID_ROLE)
                item.setCheckable(True)
                item.setCheckState(Qt.CheckState.Checked if option.id in self._order else Qt.CheckState.Unchecked)
                self._word(item, option)
                self.model_.appendRow(item)
        finally:
            self._filling = False

    def retranslate(self) -> None:
        """Word every account again (after a switch of language); the ticks stay."""
        self._filling = True  # not the person ticking
        try:
            for row in range(self.model_.rowCount()):
                item = self.model_.item(row)
                self._word(item, self.options[int(item.data(ID_ROLE))])
        finally:
            self._filling = False

    def _word(self, item: QStandardItem, option: AccountOption) -> None:
        # Two lines, with room for the taller fallback fonts of Japanese and Devanagari names.
        item.setSizeHint(QSize(-1, int(self.fontMetrics().height() * 3)))
        item.setText(
            self.tr("{0}\n{1} · {2} · {3}").format(option.name, option.platform, option.language, option.timezone)
        )
        item.setToolTip(
            self.tr("Posts to {0} on {1}, in {2}, at times in {3}").format(
                option.name, option.platform, option.language, option.timezone
            )
        )

    def checked(self) -> tuple[int, ...]:
        """The ticked accounts' ids, in the order they were ticked."""
        return tuple(self._order)

    def chosen(self) -> list[AccountOption]:
        """The ticked accounts, in the order they were ticked."""
        return [self.options[i] for i in self._order if i in self.options]

    def set_checked(self, account_id: int, checked: bool) -> None:
        """Tick or untick one account as the person would."""
        for row in range(self.model_.rowCount()):
            item = self.model_.item(row)
            if item.data(ID_ROLE) == account_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _on_item(self, item: QStandardItem) -> None:
        if self._filling:
            return
        account_id = int(item.data(ID_ROLE))
        ticked = item.checkState() == Qt.CheckState.Checked
        if ticked and account_id not in self._order:
            self._order.append(account_id)
        elif not ticked and account_id in self._order:
            self._order.remove(account_id)
        else:
            return
        self.changed.emit()
