"""The "Edit account" form: an account's language, time zone, handle, grace window, and whether it
requires approval (an admin's choice: the box is enabled for an admin only, and the service checks).
An X account also has "Post links on X" (:func:`core.services.account_options.set_links_on_x`): X
charges several times more for a post with a link, so an account may send its posts without them.

The name, platform and platform id stay as they are (they are what the account *is*); the
core checks every field (:func:`core.services.accounts.edit_account`) and its refusal is shown
under the form, which stays open with what was typed. A new zone never moves a scheduled post:
the form says so before saving, and the page says how many posts now read differently.
"""

from __future__ import annotations

from dataclasses import replace

from app.changes import ACCOUNTS
from app.context import AppContext
from app.i18n import Retranslatable
from app.ops import Progress
from app.qt import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from app.viewmodels import approval
from app.views.account_form import code_of, form_footer, language_box, zone_box
from core.domain import Account
from core.services import account_options, users
from core.services.accounts import MAX_GRACE_MINUTES, AccountEdit
from core.services.permissions import CurrentUser, Permission


class AccountEditForm(Retranslatable, QDialog):
    """Edit one account; ``saved`` holds the core's answer once it accepted the change."""

    def __init__(self, ctx: AppContext, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.account = account
        self.saved: AccountEdit | None = None
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        form = QFormLayout()
        layout.addLayout(form)
        self.language_label, self.zone_label = QLabel(self), QLabel(self)
        self.handle_label, self.grace_label = QLabel(self), QLabel(self)
        self.language_box = language_box(self, account.language)
        form.addRow(self.language_label, self.language_box)
        self.zone_box = zone_box(self, account.timezone)
        form.addRow(self.zone_label, self.zone_box)
        self.handle_edit = QLineEdit(account.handle or "", self)
        form.addRow(self.handle_label, self.handle_edit)
        self.grace_box = QSpinBox(self)
        self.grace_box.setRange(0, MAX_GRACE_MINUTES)
        self.grace_box.setValue(account.grace_minutes)
        form.addRow(self.grace_label, self.grace_box)
        self.approval_box = QCheckBox(self)
        self.approval_box.setChecked(account.requires_approval)
        self.approval_box.setEnabled(False)  # until the person is known to be an admin
        form.addRow(self.approval_box)
        self.links_box = QCheckBox(self)  # X only: a post with a link costs X several times more
        self.links_box.setChecked(True)
        self.links_box.setVisible(account.platform == "x")
        self.links_box.setEnabled(False)  # until the account's choice is read, and the person known to be an admin
        form.addRow(self.links_box)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.error, self.save_button = form_footer(self, layout, self.submit)
        self.retranslate()
        self._load_user()

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language); what was typed stays."""
        self.setWindowTitle(self.tr("Edit account"))
        self.heading.setText(self.tr("{0} on {1}").format(self.account.name, self.account.platform))
        self.language_label.setText(self.tr("Language"))
        self.zone_label.setText(self.tr("Time zone"))
        self.handle_label.setText(self.tr("Handle"))
        self.grace_label.setText(self.tr("Grace window (minutes)"))
        self.grace_box.setToolTip(
            self.tr("How late a post may still go out after its time, if the app was closed or offline.")
        )
        self.note.setText(
            self.tr(
                "A new time zone does not move posts already scheduled: they go out at the same moment, "
                "and their times read in the new zone. A new language applies to posts created from now."
            )
        )
        self.save_button.setText(self.tr("Save"))
        self.approval_box.setText(self.tr("Requires approval"))
        self.approval_box.setToolTip(
            self.tr("Nothing is scheduled to this account before an approver approves it (an admin's choice).")
        )
        self.links_box.setText(self.tr("Post links on X"))
        self.links_box.setToolTip(
            self.tr(
                "X charges several times more for a post with a link. Unticked, each link is taken out of "
                "the text this account sends to X."
            )
        )

    def _load_user(self) -> None:
        store = self.ctx.store
        name = self.account.name
        self.ctx.op(lambda _progress: (users.me(store), account_options.options_of(store, name))).success(
            self._know_user
        ).failure(lambda _sentence: None).run()

    def _know_user(self, known: tuple[CurrentUser, account_options.AccountOptions]) -> None:
        user, options = known
        self.approval_box.setEnabled(user.can(Permission.ADMIN))
        self.links_box.setChecked(options.links_on_x)
        self.links_box.setEnabled(user.can(Permission.ADMIN))

    def submit(self) -> None:
        """Ask the core to save the change (in the background); close when it accepts."""
        name = self.account.name
        language = code_of(self.language_box)
        zone = self.zone_box.currentText().strip()
        handle = self.handle_edit.text()
        grace = self.grace_box.value()
        requires = self.approval_box.isChecked()
        # None: left as it is (not an X account, or its choice not read yet).
        links = self.links_box.isChecked() if self.links_box.isEnabled() and self.account.platform == "x" else None
        self.error.clear()
        self.save_button.setEnabled(False)

        def work(_progress: Progress) -> AccountEdit:
            edit = approval.save_account(
                self.ctx.store, name, requires, language=language, timezone=zone, handle=handle, grace_minutes=grace
            )
            if links is not None and account_options.set_links_on_x(self.ctx.store, name, links):
                edit = replace(edit, changed=(*edit.changed, account_options.LINKS_ON_X))
                if not links:
                    emptied = account_options.emptied_without_links(self.ctx.store, name)
                    edit = replace(edit, emptied=tuple(emptied))
            return edit

        self.ctx.op(work, changes=ACCOUNTS, initiator=self.parent()).success(self._saved).failure(self._refused).run()

    def _saved(self, edit: AccountEdit) -> None:
        self.saved = edit
        self.save_button.setEnabled(True)
        self.accept()

    def _refused(self, sentence: str) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(sentence)
