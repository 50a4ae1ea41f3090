"""One audience comment in full: the post it answers, the original beside the translation, its history.

The Feedback screen's detail pane. It only shows what it is given and asks for acts through its
signals (mark read or unread, set the language, open the post); the page runs them.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.i18n import Retranslatable
from app.models import when
from app.qt import QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget, Signal
from app.viewmodels import feedback as vm
from core import languages
from core.queries.feedback import Comment, Revision

#: The shortcut that marks the selected comment read, or unread again (the page owns it).
MARK_SHORTCUT = "Ctrl+M"

_NOTE = "color: #6b7280;"


class CommentPane(Retranslatable, QWidget):
    """One comment in full: the post it answers, the original beside the translation, its history, its actions."""

    #: The reader asks to mark the comment shown read (True) or unread (False).
    mark_requested = Signal(int, bool)
    #: The reader says the comment is in this language: ``(comment id, code)``.
    language_requested = Signal(int, str)
    #: Open the post on its platform.
    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, zone: when.Zone = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.comment: Comment | None = None
        self.zone_name: str | None = None  # the comment's account's zone
        self.reader = "en"
        self.revisions: tuple[Revision, ...] = ()  # the comment's texts over time, oldest first
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        post_row = QHBoxLayout()
        self.post_label = QLabel(self)
        self.post_label.setWordWrap(True)
        self.post_label.setStyleSheet("font-weight: 600;")
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self._open)
        post_row.addWidget(self.post_label, 1)
        post_row.addWidget(self.open_button)
        layout.addLayout(post_row)
        self.meta_label = QLabel(self)
        self.meta_label.setWordWrap(True)
        self.meta_label.setStyleSheet(_NOTE)
        layout.addWidget(self.meta_label)
        self.state_label = QLabel(self)
        self.state_label.setWordWrap(True)
        self.state_label.setStyleSheet("color: #b91c1c; font-weight: 600;")
        layout.addWidget(self.state_label)
        sides = QHBoxLayout()  # the original, its translation, and (when edited) its earlier texts
        self.original_title, self.original = self._side(sides)
        self.translation_title, self.translation = self._side(sides)
        self.history_title, self.history = self._side(sides)
        layout.addLayout(sides, 1)
        self.translation_note = QLabel(self)
        self.translation_note.setWordWrap(True)
        self.translation_note.setStyleSheet(_NOTE)
        layout.addWidget(self.translation_note)
        actions = QHBoxLayout()
        self.mark_button = QPushButton(self)
        self.mark_button.clicked.connect(self._mark)
        self.language_box = QComboBox(self)
        for code in sorted(languages.LANGUAGES):
            self.language_box.addItem(f"{code}: {languages.name(code)}", code)
        self.language_button = QPushButton(self)
        self.language_button.clicked.connect(self._set_language)
        actions.addWidget(self.mark_button)
        actions.addStretch(1)
        actions.addWidget(self.language_box)
        actions.addWidget(self.language_button)
        layout.addLayout(actions)
        self.retranslate()
        self.show_comment(None)

    def _side(self, row: QHBoxLayout) -> tuple[QLabel, QPlainTextEdit]:
        column = QVBoxLayout()
        title = QLabel(self)
        title.setStyleSheet("font-weight: 600;")
        text = QPlainTextEdit(self)
        text.setReadOnly(True)
        column.addWidget(title)
        column.addWidget(text, 1)
        row.addLayout(column, 1)
        return title, text

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language)."""
        self.open_button.setText(self.tr("Open on the platform"))
        self.open_button.setToolTip(self.tr("Show the post this comment answers on its platform"))
        self.history_title.setText(self.tr("Edit history"))
        self.language_button.setText(self.tr("Set language"))
        self.language_button.setToolTip(self.tr("Say which language the comment is in; it is translated again"))
        self.mark_button.setToolTip(self.tr("Mark the comment read or unread ({0})").format(MARK_SHORTCUT))
        self.show_comment(self.comment, self.zone_name, self.revisions)

    def show_comment(
        self, comment: Comment | None, zone_name: str | None = None, revisions: Sequence[Revision] = ()
    ) -> None:
        """Show ``comment`` (``None``: nothing selected), timed on ``zone_name``, with its texts over time."""
        self.comment, self.zone_name, self.revisions = comment, zone_name, tuple(revisions)
        for widget in (self.mark_button, self.language_box, self.language_button):
            widget.setEnabled(comment is not None)
        if comment is None:
            self.post_label.setText(self.tr("Select a comment to read it in full."))
            self.open_button.setEnabled(False)
            for label in (self.meta_label, self.state_label, self.translation_note):
                label.clear()
            self.original_title.setText(self.tr("Original"))
            self.translation_title.setText(self.tr("Translation"))
            self.original.clear()
            self.translation.clear()
            self.mark_button.setText(self.tr("Mark read"))
            self._show_history()
            return
        self.post_label.setText(self.tr("In reply to: {0}").format(comment.post_label))
        self.open_button.setEnabled(bool(comment.post_url))
        meta = [comment.author_name, when.stamp(comment.created_at, zone_name), comment.account_name]
        if comment.like_count:
            meta.append(self.tr("{0} likes").format(comment.like_count))
        if not comment.unread and comment.read_by:
            meta.append(self.tr("read by {0}").format(comment.read_by))
        self.meta_label.setText(" · ".join(part for part in meta if part))
        states = []
        if comment.deleted:
            states.append(self.tr("Deleted on the platform ({0})").format(when.stamp(comment.deleted_at, zone_name)))
        if comment.edited:
            states.append(self.tr("Edited on the platform ({0})").format(when.stamp(comment.edited_at, zone_name)))
        self.state_label.setText("\n".join(states))
        self.state_label.setVisible(bool(states))
        language = comment.language or self.tr("not detected")
        if vm.uncertain(comment):
            language = self.tr("{0}, uncertain").format(language)
        self.original_title.setText(self.tr("Original ({0})").format(language))
        self.original.setPlainText(comment.text)
        self.translation_title.setText(self.tr("Translation ({0})").format(self.reader))
        self._show_translation(comment)
        self.mark_button.setText(self.tr("Mark read") if comment.unread else self.tr("Mark unread"))
        index = self.language_box.findData(comment.language or "")
        if index >= 0:
            self.language_box.setCurrentIndex(index)
        self._show_history()

    def _show_translation(self, comment: Comment) -> None:
        if comment.language == self.reader:
            self.translation.setPlainText(comment.text)
            self.translation_note.setText(self.tr("Written in your language: nothing to translate."))
            return
        translation = comment.translation
        if translation is None or translation.language != self.reader:  # none yet into this reader's language
            self.translation.clear()
            self.translation_note.setText(self.tr("Not translated yet."))
        else:
            self.translation.setPlainText(translation.text)
            notes = []
            if translation.path:
                notes.append(self.tr("Translated offline ({0})").format(translation.path))
            if translation.stale:
                notes.append(self.tr("The comment changed after it was translated; a new translation is on its way."))
            self.translation_note.setText(" ".join(notes))

    def _show_history(self) -> None:
        shown = len(self.revisions) > 1
        self.history_title.setVisible(shown)
        self.history.setVisible(shown)
        lines = [
            self.tr("{0}. {1}: {2}").format(item.number, when.stamp(item.seen_at, self.zone_name), item.text)
            for item in self.revisions
        ]
        self.history.setPlainText("\n\n".join(lines))

    def _open(self) -> None:
        if self.comment is not None and self.comment.post_url:
            self.open_requested.emit(self.comment.post_url)

    def _mark(self) -> None:
        if self.comment is not None:
            self.mark_requested.emit(self.comment.id, self.comment.unread)

    def _set_language(self) -> None:
        code = self.language_box.currentData()
        if self.comment is not None and code:
            self.language_requested.emit(self.comment.id, str(code))
