"""Someone changed a variant while the person edited it: both texts, their merge, and a choice."""

from __future__ import annotations

from app.i18n import Retranslatable
from app.qt import (
    QColor,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QTextCharFormat,
    QTextCursor,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from app.viewmodels.review import Conflict
from core.merge import Merged

#: The background of a place both people changed differently (the person's words are kept there).
CLASH_COLOUR = QColor("#ffe08a")


class ConflictDialog(Retranslatable, QDialog):
    """Save the merge (edited if need be), keep my text, or take theirs; never a silent overwrite.

    The merged text holds both edits where they touch different words; where both changed the
    same words differently, the person's words are kept and highlighted, with the other version
    in the list below, to be decided before saving.
    """

    MINE = "mine"
    THEIRS = "theirs"
    MERGED = "merged"

    def __init__(self, conflict: Conflict, account: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.account = account
        self.merge: Merged = conflict.merged()
        self.choice: str | None = None
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        columns = QHBoxLayout()
        self.mine_label, self.mine = self._column(columns, conflict.mine)
        self.theirs_label, self.theirs = self._column(columns, conflict.theirs)
        layout.addLayout(columns, 1)
        self.merged_label = QLabel(self)
        layout.addWidget(self.merged_label)
        self.merged = QPlainTextEdit(self.merge.text, self)
        self.merged.setObjectName("mergedText")
        layout.addWidget(self.merged, 1)
        self.clash_list = QLabel(self)
        self.clash_list.setWordWrap(True)
        self.clash_list.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.clash_list)
        buttons = QDialogButtonBox(self)
        self.merge_button = QPushButton(self)
        self.keep_button = QPushButton(self)
        self.take_button = QPushButton(self)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.merge_button.clicked.connect(lambda: self._choose(self.MERGED))
        self.keep_button.clicked.connect(lambda: self._choose(self.MINE))
        self.take_button.clicked.connect(lambda: self._choose(self.THEIRS))
        self.merge_button.setDefault(True)
        layout.addWidget(buttons)
        self._highlight()
        self.resize(820, 520)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language)."""
        self.setWindowTitle(self.tr("{0} was changed meanwhile").format(self.account))
        if self.merge.clean:
            intro = self.tr(
                "Someone changed the text for {0} after you opened it. Both changes are in the merged text below:"
                " check it and save it, or keep yours, or take theirs."
            )
        else:
            intro = self.tr(
                "Someone changed the text for {0} after you opened it, partly in the same words. The merged text"
                " keeps your words there, highlighted: decide each place, then save it, or keep yours, or take theirs."
            )
        self.intro.setText(intro.format(self.account))
        self.mine_label.setText(self.tr("Your text"))
        self.theirs_label.setText(self.tr("The text there now"))
        self.merged_label.setText(self.tr("Merged"))
        lines = [self.tr("Yours: “{0}” · theirs: “{1}”").format(c.mine, c.theirs) for c in self.merge.clashes]
        self.clash_list.setText("\n".join(lines))
        self.clash_list.setVisible(bool(lines))
        self.merge_button.setText(self.tr("Save merged"))
        self.keep_button.setText(self.tr("Keep mine"))
        self.take_button.setText(self.tr("Take theirs"))

    def merged_text(self) -> str:
        """The merged text as the person left it."""
        return self.merged.toPlainText()

    def _highlight(self) -> None:
        """Colour the places both people changed differently, in the merged text as first shown."""
        marked = QTextCharFormat()
        marked.setBackground(CLASH_COLOUR)
        selections = []
        for clash in self.merge.clashes:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.merged.document())
            cursor.setPosition(_utf16(self.merge.text, clash.start))
            cursor.setPosition(_utf16(self.merge.text, clash.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = marked
            selections.append(selection)
        self.merged.setExtraSelections(selections)

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
        if choice == self.THEIRS:
            self.reject()
        else:
            self.accept()


def _utf16(text: str, index: int) -> int:
    """Qt counts positions in UTF-16 units: a character outside the BMP (an emoji) is two."""
    return len(text[:index].encode("utf-16-le")) // 2
