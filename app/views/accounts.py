"""The Accounts screen: the destinations, adding one (real or practice), verifying it, removing it.

The list is a table model over :func:`core.queries.list_accounts`, read in the background.
"Verify" asks the platform whose credentials an account holds (:func:`connectors.services.verify_account`,
network: always in an operation) and shows the name and handle there, or the platform's sentence.
Removing is the core's decision: an account with posts still to publish is refused with a
sentence that says what to do, and that sentence is what the screen shows. Under the table, one
line gives the chosen X account's access level as X last showed it (for example "pay-per-use, no
credits left", from its 402), read with the accounts (:mod:`core.services.account_options`).
"""

from __future__ import annotations

from typing import Any

from app.changes import ACCOUNTS
from app.context import AppContext
from app.i18n import Retranslatable, Wording, retranslate_model
from app.models.rows import AnyIndex, RowsModel
from app.ops import Progress
from app.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from app.views.account_edit import AccountEditForm
from app.views.account_form import AccountForm, language_label
from app.views.base import Page
from connectors.services import Verified, verify_account
from core import practice, queries
from core.domain import Account
from core.services import account_options
from core.services import accounts as account_service
from core.services.account_options import AccountOptions
from core.store import Store


class AccountsModel(RowsModel[Account]):
    """Accounts as rows: name, platform, language, time zone, handle, whether it requires approval."""

    COLUMNS = 6

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell's text, and the account's API address as a tooltip."""
        if not index.isValid():
            return None
        account = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return account.name
            if column == 1:
                return account.platform
            if column == 2:
                return language_label(account.language)
            if column == 3:
                return account.timezone
            if column == 5:
                return self.tr("Required") if account.requires_approval else ""
            return f"@{account.handle}" if account.handle else ""
        if role == Qt.ItemDataRole.ToolTipRole and account.api_base:
            return self.tr("Posts go to {0}").format(account.api_base)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        """Column titles, translated."""
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (
            self.tr("Name"),
            self.tr("Platform"),
            self.tr("Language"),
            self.tr("Time zone"),
            self.tr("Handle"),
            self.tr("Approval"),
        )
        return titles[section] if 0 <= section < len(titles) else None


def _accounts_and_options(store: Store) -> tuple[list[Account], dict[int, AccountOptions]]:
    """The accounts, and their options (links on X, X access level), in one read each."""
    rows = queries.list_accounts(store)
    with store.read() as conn:
        return rows, account_options.read_options(conn, [a.id for a in rows])


class AccountsPage(Retranslatable, Page):
    """The Accounts screen."""

    key = "accounts"
    shows = ACCOUNTS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.form: AccountForm | None = None
        self.edit_form: AccountEditForm | None = None
        layout = QVBoxLayout(self)
        self.mode_note = QLabel(self)
        self.mode_note.setWordWrap(True)
        self.mode_note.setVisible(practice.enabled())
        layout.addWidget(self.mode_note)
        row = QHBoxLayout()
        self.add_button = QPushButton(self)
        self.practice_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.verify_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        buttons = (self.add_button, self.practice_button, self.edit_button, self.verify_button, self.remove_button)
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.model = AccountsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)
        self.options: dict[int, AccountOptions] = {}
        self.access_line = QLabel(self)  # the chosen X account's access level, one line
        self.access_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.access_line)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_text = Wording(self.result.setText)
        layout.addWidget(self.result)
        self.add_button.clicked.connect(lambda: self.open_add_form())
        self.practice_button.clicked.connect(lambda: self.open_add_form(practice_account=True))
        self.edit_button.clicked.connect(lambda: self.open_edit_form())
        self.table.doubleClicked.connect(lambda _index: self.open_edit_form())
        self.verify_button.clicked.connect(self.verify_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.retranslate()
        self._selection_changed()

    def title(self) -> str:
        """The sidebar's name for this page."""
        return self.tr("Accounts")

    def retranslate(self) -> None:
        """Set every text in the interface's language."""
        self.add_button.setText(self.tr("Add account…"))
        self.practice_button.setText(self.tr("Add practice account…"))
        self.practice_button.setToolTip(
            self.tr("An account on the built-in platform emulator: practise without publishing anything.")
        )
        self.edit_button.setText(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Change the account's language, time zone, handle or grace window."))
        self.verify_button.setText(self.tr("Verify"))
        self.verify_button.setToolTip(self.tr("Ask the platform whose credentials this account holds."))
        self.remove_button.setText(self.tr("Remove"))
        self.mode_note.setText(
            self.tr("Practice mode: every account here talks to the built-in emulator with practice tokens.")
        )
        self.result_text.reword()
        retranslate_model(self.model)
        self._show_access()

    # --- reading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the accounts (and their options) in the background and show them."""
        store = self.ctx.store
        self.ctx.op(lambda _progress: _accounts_and_options(store)).success(self._show).run()

    def _show(self, found: tuple[list[Account], dict[int, AccountOptions]]) -> None:
        rows, self.options = found
        selected = self.selected()
        self.model.set_rows(rows)
        if selected is not None:
            for number, account in enumerate(rows):
                if account.name == selected.name:
                    self.table.selectRow(number)
        self._selection_changed()

    def selected(self) -> Account | None:
        """The account chosen in the table, if any."""
        chosen = self.table.selectionModel().selectedRows()
        return self.model.rows[chosen[0].row()] if chosen else None

    def select(self, name: str) -> None:
        """Choose the account called ``name`` in the table."""
        for number, account in enumerate(self.model.rows):
            if account.name == name:
                self.table.selectRow(number)

    def _selection_changed(self, *_args: object) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.verify_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self._show_access()

    def _show_access(self) -> None:
        """The chosen X account's access level on one line (empty for another platform)."""
        account = self.selected()
        options = self.options.get(account.id) if account is not None else None
        if account is None or account.platform != "x" or options is None:
            self.access_line.clear()
        elif options.x_access is None:
            self.access_line.setText(self.tr("X access: not known yet (X shows it when it refuses a request)."))
        else:
            seen = f"{options.x_access_seen:%Y-%m-%d %H:%M}" if options.x_access_seen else "?"
            self.access_line.setText(self.tr("X access: {0} (seen {1} UTC).").format(options.x_access, seen))

    # --- adding -----------------------------------------------------------------------------

    def open_add_form(self, *, practice_account: bool = False) -> AccountForm:
        """Open the "Add account" form (filled as a practice account when asked); returns it."""
        # This page reloads itself once the form is accepted (_added), not through the hub.
        form = AccountForm(self.ctx, self, initiator=self)
        if practice_account:
            form.set_platform("x")
            form.fill_practice()
        form.accepted.connect(lambda: self._added(form))
        self.form = form
        form.open()  # window-modal, without a nested event loop
        return form

    def _added(self, form: AccountForm) -> None:
        if form.added is not None:
            name = form.added.name
            self.result_text.show(lambda: self.tr("Added {0}. Verify it to check its credentials.").format(name))
            self.stale = False
            self.refresh()

    # --- editing ----------------------------------------------------------------------------

    def open_edit_form(self) -> AccountEditForm | None:
        """Open the "Edit account" form for the chosen account; returns it (``None``: nothing chosen)."""
        account = self.selected()
        if account is None:
            return None
        form = AccountEditForm(self.ctx, account, self)
        form.accepted.connect(lambda: self._edited(form))
        self.edit_form = form
        form.open()
        return form

    def _edited(self, form: AccountEditForm) -> None:
        edit = form.saved
        if edit is None:
            return
        name, count = edit.account.name, edit.scheduled
        if not edit.changed:
            self.result_text.show(lambda: self.tr("Nothing changed for {0}.").format(name))
        elif edit.emptied:
            emptied = ", ".join(str(variant_id) for variant_id in edit.emptied)
            self.result_text.show(
                lambda: self.tr(
                    "Saved {0}: its posts now go to X without their links. Scheduled post(s) {1} are only a "
                    "link and would go out empty: edit or cancel them in the Queue."
                ).format(name, emptied)
            )
        elif "requires_approval" in edit.changed and edit.account.requires_approval:
            self.result_text.show(
                lambda: self.tr(
                    "Saved {0}: its posts now need an approver's approval before they are scheduled."
                ).format(name)
            )
        elif "timezone" in edit.changed and count:
            zone = edit.account.timezone
            self.result_text.show(
                lambda: self.tr(
                    "Saved {0}. Its {1} scheduled post(s) go out at the same moment as before; "
                    "their times now read in {2}: reschedule them in the Queue if they should move."
                ).format(name, count, zone)
            )
        else:
            self.result_text.show(lambda: self.tr("Saved {0}.").format(name))
        self.stale = False
        self.refresh()

    # --- verifying --------------------------------------------------------------------------

    def verify_selected(self) -> None:
        """Ask the platform whose credentials the chosen account holds (in the background)."""
        account = self.selected()
        if account is None:
            return
        name = account.name
        platform = account.platform
        self.result_text.show(lambda: self.tr("Asking {0} about {1}…").format(platform, name))
        self.verify_button.setEnabled(False)

        def work(_progress: Progress) -> Verified:
            return verify_account(self.ctx.store, name)

        self.ctx.op(work).success(self._verified).failure(self._verify_failed).run()

    def _verified(self, verified: Verified) -> None:
        identity = verified.identity
        handle = f"@{identity.handle}" if identity.handle else identity.remote_id
        self.result_text.show(
            lambda: self.tr("{0} posts as {1} ({2}) on {3}.").format(
                verified.account.name, identity.name, handle, verified.account.platform
            )
        )
        self._selection_changed()

    def _verify_failed(self, sentence: str) -> None:
        self.result_text.show(lambda: self.tr("Not verified: {0}").format(sentence))
        self._selection_changed()
        self.refresh()  # the refusal may have shown the account's access level (X's 402)

    # --- removing ---------------------------------------------------------------------------

    def confirm(self, question: str) -> bool:
        """Ask the person to confirm (a separate method, so that a test can answer it)."""
        answer = QMessageBox.question(self, self.tr("Remove account"), question)
        return answer == QMessageBox.StandardButton.Yes

    def remove_selected(self) -> None:
        """Remove the chosen account, after asking; the core refuses while posts are pending."""
        account = self.selected()
        if account is None:
            return
        name = account.name
        question = self.tr("Remove {0}? Its credentials are deleted from the keyring.").format(name)
        if not self.confirm(question):
            return

        def work(_progress: Progress) -> None:
            account_service.remove_account(self.ctx.store, name)

        self.ctx.op(work, changes=ACCOUNTS, initiator=self).success(lambda _none: self._removed(name)).failure(
            self.result_text.show
        ).run()

    def _removed(self, name: str) -> None:
        self.result_text.show(lambda: self.tr("Removed {0}.").format(name))
        self.refresh()
