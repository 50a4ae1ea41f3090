"""The small dialog that asks an approver why a variant is rejected (its author reads the answer)."""

from __future__ import annotations

from app.i18n import Retranslatable
from app.qt import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class RejectDialog(Retranslatable, QDialog):
    """A comment box; "Reject" stays disabled while the comment is empty (the service refuses it too)."""

    def __init__(self, account_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account_name = account_name
        layout = QVBoxLayout(self)
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        layout.addWidget(self.prompt)
        self.comment = QPlainTextEdit(self)
        layout.addWidget(self.comment, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.comment.textChanged.connect(self._update)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language)."""
        self.setWindowTitle(self.tr("Reject"))
        self.prompt.setText(
            self.tr("Why is the post to {0} rejected? Its author reads this to correct it.").format(self.account_name)
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Reject"))

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.text()))

    def text(self) -> str:
        """The comment typed, trimmed."""
        return self.comment.toPlainText().strip()
