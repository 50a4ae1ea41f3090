"""The selected variant under the queue: what went wrong in plain words, and the buttons to act.

Which buttons are enabled and what the words say come from :mod:`scheduler.display`
(:func:`~scheduler.display.actions_for`, :func:`~scheduler.display.advise`): the panel holds no
rule of its own about statuses. The approval buttons (submit, approve, reject) come the same way
from :func:`app.viewmodels.approval.approval_actions`, for the person using the app; a rejected
variant shows its reviewer's comment. It only emits what the person asked for; the page acts.
"""

from __future__ import annotations

from app.i18n import Retranslatable
from app.qt import (
    QCoreApplication,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.viewmodels.approval import ApprovalAction, approval_actions
from core.domain import ReviewState
from core.queries.queue import QueueRow
from core.services.permissions import CurrentUser
from scheduler.display import ADVICE, Action, Remedy, actions_for, advise


class VariantPanel(Retranslatable, QFrame):
    """Details and actions for one queue row (or a hint when nothing is selected)."""

    #: Publish now; ``True`` when the person confirmed the post is not on the platform.
    retry_requested = Signal(bool)
    cancel_requested = Signal()
    reschedule_requested = Signal()
    open_requested = Signal()
    accounts_requested = Signal()
    submit_requested = Signal()
    approve_requested = Signal()
    reject_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row: QueueRow | None = None
        self.user: CurrentUser | None = None
        self.status_label = ""
        self._shortcuts: dict[QPushButton, str] = {}
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold;")
        self.reason = QLabel(self)
        self.detail = QLabel(self)
        self.detail.setStyleSheet("color: #6b7280;")
        self.advice = QLabel(self)
        self.advice.setStyleSheet("font-weight: bold;")
        self.comment = QLabel(self)
        self.comment.setStyleSheet("background: #fee2e2; color: #7f1d1d; padding: 4px;")
        for label in (self.heading, self.reason, self.detail, self.advice, self.comment):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        row = QHBoxLayout()
        self.retry_button = self._button("Ctrl+Return")
        self.retry_button.clicked.connect(lambda: self.retry_requested.emit(False))
        self.confirm_button = self._button(None)
        self.confirm_button.clicked.connect(lambda: self.retry_requested.emit(True))
        self.cancel_button = self._button("Delete")
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.reschedule_button = self._button("Ctrl+T")
        self.reschedule_button.clicked.connect(self.reschedule_requested)
        self.open_button = self._button("Ctrl+B")
        self.open_button.clicked.connect(self.open_requested)
        self.accounts_button = self._button(None)
        self.accounts_button.clicked.connect(self.accounts_requested)
        self.submit_button = self._button(None)
        self.submit_button.clicked.connect(self.submit_requested)
        self.approve_button = self._button(None)
        self.approve_button.clicked.connect(self.approve_requested)
        self.reject_button = self._button(None)
        self.reject_button.clicked.connect(self.reject_requested)
        for button in (
            self.retry_button,
            self.confirm_button,
            self.cancel_button,
            self.reschedule_button,
            self.open_button,
            self.accounts_button,
            self.submit_button,
            self.approve_button,
            self.reject_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language)."""
        for button, text, tip in (
            (self.retry_button, self.tr("Retry"), self.tr("Publish it now (Ctrl+Enter)")),
            (
                self.confirm_button,
                self.tr("I checked: it is not there, publish it"),
                self.tr("Only after looking at the account on the platform: the post is sent without a look-up."),
            ),
            (
                self.cancel_button,
                self.tr("Cancel"),
                self.tr("Cancel this account's version only; the post's other accounts keep theirs (Delete)"),
            ),
            (
                self.reschedule_button,
                self.tr("Reschedule..."),
                self.tr("Pick another time on the account's clock (Ctrl+T)"),
            ),
            (
                self.open_button,
                self.tr("Open in browser"),
                self.tr("Show the published post on the platform (Ctrl+B)"),
            ),
            (self.accounts_button, self.tr("Go to Accounts"), self.tr("Reconnect the account there")),
            (
                self.submit_button,
                self.tr("Submit for approval"),
                self.tr("Ask an approver to approve this version before it is scheduled"),
            ),
            (self.approve_button, self.tr("Approve"), self.tr("Approve this version: it can then be scheduled")),
            (
                self.reject_button,
                self.tr("Reject..."),
                self.tr("Send this version back to its author with a comment"),
            ),
        ):
            button.setText(text)  # which resets the button's shortcut to the text's mnemonic: set it again
            button.setToolTip(tip)
            if button in self._shortcuts:
                button.setShortcut(QKeySequence(self._shortcuts[button]))
        self.show_row(self.row, self.status_label, self.user)

    def _button(self, shortcut: str | None) -> QPushButton:
        button = QPushButton(self)
        if shortcut:
            self._shortcuts[button] = shortcut
        return button

    def show_row(self, row: QueueRow | None, status_label: str, user: CurrentUser | None = None) -> None:
        """Show ``row`` (``status_label``: its status as the table words it); ``None``: nothing selected.

        ``user``: the person using the app, for the approval buttons (``None``: not known yet, none shown).
        """
        self.row, self.status_label, self.user = row, status_label, user
        actions = actions_for(row.status, row.last_error_class, row.remote_url) if row else frozenset()
        advice = advise(row.status, row.last_error_class) if row else None
        if row is None:
            self.heading.setText(self.tr("Select a post in the list to see its details and act on it."))
        else:
            self.heading.setText(
                self.tr("{0} ({1}), {2}: {3}").format(row.account_name, row.platform, row.language, status_label)
            )
        # The advice is the scheduler's fixed wording (marked for lupdate there), in the person's language.
        self.reason.setText(QCoreApplication.translate(ADVICE, advice.reason) if advice else "")
        self.detail.setText((row.last_error or "") if advice and row else "")
        self.advice.setText(QCoreApplication.translate(ADVICE, advice.action) if advice else "")
        rejected = row is not None and row.approval_state is ReviewState.REJECTED and bool(row.approval_comment)
        self.comment.setText(
            self.tr("Rejected by the reviewer: {0}").format(row.approval_comment) if row and rejected else ""
        )
        for label in (self.reason, self.detail, self.advice, self.comment):
            label.setVisible(bool(label.text()))
        allowed = approval_actions(row.status, row.approval_state, user, row.account_id) if row else frozenset()
        self.submit_button.setVisible(ApprovalAction.SUBMIT in allowed)
        self.approve_button.setVisible(ApprovalAction.APPROVE in allowed)
        self.reject_button.setVisible(ApprovalAction.REJECT in allowed)
        self.retry_button.setVisible(Action.CONFIRM_AND_PUBLISH not in actions)
        self.retry_button.setEnabled(Action.RETRY in actions)
        self.confirm_button.setVisible(Action.CONFIRM_AND_PUBLISH in actions)
        self.cancel_button.setEnabled(Action.CANCEL in actions)
        self.reschedule_button.setEnabled(Action.RESCHEDULE in actions)
        self.open_button.setEnabled(Action.OPEN in actions)
        self.accounts_button.setVisible(advice is not None and advice.remedy is Remedy.RECONNECT)
