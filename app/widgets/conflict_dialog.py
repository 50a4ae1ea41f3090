"""Someone changed a variant while the person edited it: both texts side by side, and a choice."""

from __future__ import annotations

from app.i18n import Retranslatable
from app.qt import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget
from app.viewmodels.review import Conflict


class ConflictDialog(Retranslatable, QDialog):
    """Keep my text (saved over theirs) or take theirs (mine is dropped); never a silent overwrite."""

    MINE = "mine"
    THEIRS = "theirs"

    def __init__(self, conflict: Conflict, account: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.account = account
        self.choice: str | None = None
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        columns = QHBoxLayout()
        self.mine_label, self.mine = self._column(columns, conflict.mine)
        self.theirs_label, self.theirs = self._column(columns, conflict.theirs)
        layout.addLayout(columns, 1)
        buttons = QDialogButtonBox(self)
        self.keep_button = QPushButton(self)
        self.take_button = QPushButton(self)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_button.clicked.connect(lambda: self._choose(self.MINE))
        self.take_button.clicked.connect(lambda: self._choose(self.THEIRS))
        layout.addWidget(buttons)
        self.resize(760, 360)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language)."""
        self.setWindowTitle(self.tr("{0} was changed meanwhile").format(self.account))
        self.intro.setText(
            self.tr("Someone changed the text for {0} after you opened it. Keep yours, or take theirs.").format(
                self.account
            )
        )
        self.mine_label.setText(self.tr("Your text"))
        self.theirs_label.setText(self.tr("The text there now"))
        self.keep_button.setText(self.tr("Keep mine"))
        self.take_button.setText(self.tr("Take theirs"))

    def _column(self, row: QHBoxLayout, text: str) -> tuple[QLabel, QPlainTextEdit]:
        box = QVBoxLayout()
        title = QLabel(self)
        box.addWidget(title)
        view = QPlainTextEdit(text, self)
        view.setReadOnly(True)
        box.addWidget(view, 1)
        row.addLayout(box, 1)
        return title, view

    def _choose(self, choice: str) -> None:
        self.choice = choice
        if choice == self.MINE:
            self.accept()
        else:
            self.reject()
