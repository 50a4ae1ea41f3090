"""One variant under review: its text with the protected spans marked, its flags, its counter, its time.

The pane edits one variant: "Save" stores the person's text (with the version it showed, so an
edit made meanwhile by someone else is a conflict to resolve, never overwritten), "Reviewed"
marks it, "Retranslate sentence" replaces the sentence under the cursor with a fresh machine
translation of the matching source sentence. The rules live in :mod:`app.viewmodels.review`.
"""

from __future__ import annotations

from collections.abc import Callable

from app.changes import POSTS
from app.context import AppContext
from app.i18n import Wording, error_sentence
from app.ops import Progress
from app.qt import QCheckBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, Qt, QVBoxLayout, QWidget, Signal
from app.viewmodels import review, schedule
from app.viewmodels.composer import count
from app.viewmodels.review import EditOutcome, VariantView
from app.widgets.conflict_dialog import ConflictDialog
from app.widgets.counter import CounterLabel
from app.widgets.gate_text import describe
from app.widgets.schedule_editor import ScheduleEditor
from app.widgets.span_highlighter import SpanHighlighter
from app.widgets.text_units import index_from_utf16
from core import queries
from core.domain import Variant, VariantStatus
from core.errors import UserError
from scheduler.publisher import Outcome
from translation import spans


class VariantPane(QWidget):
    """Edit, review and time one variant."""

    #: The variant changed in the store (saved, reviewed, published, repeating): the panel reloads.
    saved = Signal(object)
    #: The editor's text or the time changed (the panel re-checks its gate).
    edited = Signal()

    def __init__(
        self, ctx: AppContext, view: VariantView, parent: QWidget | None = None, *, initiator: object | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.initiator = initiator if initiator is not None else self  # who the changes are reported as
        self.view = view
        self.shown: Variant = view.variant  # the version the editor's text is based on
        self.source = ("", "")  # the post's text and language
        self.conflict_dialog: ConflictDialog | None = None
        self._filling = False
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold;")
        self.flags = QLabel(self)
        self.flags.setWordWrap(True)
        self.flags.setStyleSheet("color: #92400e;")
        self.editor = QPlainTextEdit(self)
        self.highlighter = SpanHighlighter(self.editor.document())
        self.editor.textChanged.connect(self._on_text)
        self.counter = CounterLabel(self)
        row = QHBoxLayout()
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save)
        self.retranslate_button = QPushButton(self)
        self.retranslate_button.clicked.connect(self.retranslate_sentence)
        self.reviewed = QCheckBox(self)
        self.reviewed.toggled.connect(self._on_reviewed)
        for widget in (self.save_button, self.retranslate_button, self.reviewed):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.counter)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_text = Wording(self.message.setText)
        self.schedule = ScheduleEditor(view.timezone, self)
        self.schedule.set_local(schedule.shown_local(view.variant.schedule_local, view.timezone))
        self.schedule.changed.connect(self.edited)
        self.schedule.next_slot_requested.connect(self.next_slot)
        self.schedule.publish_requested.connect(self.publish)
        self.schedule.repeat_requested.connect(self.repeat)
        layout.addWidget(self.heading)
        layout.addWidget(self.flags)
        layout.addWidget(self.editor, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.schedule)
        self.retranslate()
        self._filling = True
        self.editor.setPlainText(view.variant.text)  # so that the first showing is not taken for an edit
        self._filling = False
        self.show_view(view)

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language)."""
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save your text for this account (remembered for later translations)"))
        self.retranslate_button.setText(self.tr("Retranslate sentence"))
        self.retranslate_button.setToolTip(self.tr("Translate the sentence under the cursor again from the source"))
        self.reviewed.setText(self.tr("Reviewed"))
        self.schedule.retranslate()
        self.message_text.reword()

    # --- showing --------------------------------------------------------------------------------

    def set_source(self, text: str, language: str, terms: tuple[spans.Term, ...]) -> None:
        """The post's text and language (for retranslation) and the glossary terms to mark."""
        self.source = (text, language)
        self.highlighter.set_terms(terms)

    @property
    def dirty(self) -> bool:
        """Whether the editor holds text not saved yet."""
        return self.editor.toPlainText().strip() != self.shown.text

    def show_view(self, view: VariantView) -> None:
        """Show ``view``; an editor with unsaved text keeps it (and the version it was based on)."""
        keep = self.dirty and view.variant.id == self.shown.id
        self.view = view
        self._filling = True
        try:
            if not keep:
                self.shown = view.variant
                self.editor.setPlainText(view.variant.text)
            self.reviewed.setChecked(self.shown.reviewed)
        finally:
            self._filling = False
        v = view.variant
        self.heading.setText(
            self.tr("{0} — {1} · {2} · {3} — {4}").format(
                v.account_name, v.platform, v.language, view.timezone, self._status_word(v.status)
            )
        )
        words = [self._flag_word(f.code) for f in view.flags]
        if view.untranslated:
            words.insert(0, self.tr("Not translated yet: press Translate"))
        if view.repeating:
            words.append(self.tr("Repeats"))
        self.flags.setText(" · ".join(words))
        self.flags.setToolTip("\n".join(f.message for f in view.flags))
        self.flags.setVisible(bool(words))
        editable = v.is_open
        for widget in (self.editor, self.save_button, self.retranslate_button, self.reviewed):
            widget.setEnabled(editable)
        self._on_text()

    def _status_word(self, status: VariantStatus) -> str:
        words = {
            VariantStatus.DRAFT: self.tr("draft"),
            VariantStatus.APPROVED: self.tr("approved"),
            VariantStatus.SCHEDULED: self.tr("scheduled"),
            VariantStatus.PUBLISHING: self.tr("publishing"),
            VariantStatus.PUBLISHED: self.tr("published"),
            VariantStatus.FAILED: self.tr("failed"),
            VariantStatus.MISSED: self.tr("missed"),
            VariantStatus.CANCELLED: self.tr("cancelled"),
        }
        return words.get(status, status.value)

    def _flag_word(self, code: str) -> str:
        """A quality flag in a word or two (the engine's own sentence is the tool tip)."""
        words = {
            "unchanged": self.tr("Not translated"),
            "lost_span": self.tr("Protected text lost"),
            "length_ratio": self.tr("Unusual length"),
            "over_limit": self.tr("Over the limit"),
        }
        return words.get(code, code)

    def _on_text(self) -> None:
        v = self.view.variant
        self.counter.set_count(count(v.account_name, v.platform, self.editor.toPlainText()))
        gate = review.action_gate(self.view, unsaved=self.dirty)
        self.schedule.set_actions_enabled(gate.allowed, describe(gate))
        if not self._filling:
            self.edited.emit()

    def _say(self, words: Callable[[], str] | str, *, problem: bool = False) -> None:
        """Say ``words`` under the editor (a function that words it follows a switch of language)."""
        self.message.setStyleSheet("color: #b91c1c;" if problem else "color: #047857;")
        self.message_text.show(words)

    # --- saving and reviewing -------------------------------------------------------------------

    def save(self) -> None:
        """Store the editor's text, against the version it was based on."""
        text, shown, mark = self.editor.toPlainText(), self.shown, self.reviewed.isChecked()
        self._run_edit(
            lambda _p: review.save_text(self.ctx.store, shown.id, text, shown.version, reviewed=mark, base=shown.text)
        )

    def _on_reviewed(self, checked: bool) -> None:
        if self._filling:
            return
        text, shown = self.editor.toPlainText(), self.shown
        self._run_edit(lambda _p: review.set_reviewed(self.ctx.store, shown, text, reviewed=checked))

    def _run_edit(self, work: Callable[[Progress], EditOutcome]) -> None:
        self.ctx.op(work, changes=POSTS, initiator=self.initiator).success(self._edited).failure(
            lambda sentence: self._say(sentence, problem=True)
        ).run()

    def _edited(self, outcome: EditOutcome) -> None:
        if outcome.conflict is not None:
            self._show_conflict(outcome)
            return
        assert outcome.variant is not None
        self.shown = outcome.variant
        self._say(lambda: self.tr("Saved."))
        self.saved.emit(outcome.variant)

    def _show_conflict(self, outcome: EditOutcome) -> None:
        conflict = outcome.conflict
        assert conflict is not None
        self._say(
            lambda: self.tr("Someone else changed this text meanwhile; merge or choose which to keep."), problem=True
        )
        dialog = ConflictDialog(conflict, self.view.variant.account_name, self)
        self.conflict_dialog = dialog

        def chosen(_result: int) -> None:
            self.conflict_dialog = None
            mark = self.reviewed.isChecked()
            if dialog.choice in (ConflictDialog.MINE, ConflictDialog.MERGED):
                # The merged text, as the person left it in the dialog, is saved over the version
                # it was merged with; another edit meanwhile is a new conflict, never overwritten.
                text = dialog.merged_text() if dialog.choice == ConflictDialog.MERGED else conflict.mine
                self._filling = True
                try:
                    self.editor.setPlainText(text)  # what is saved is what the editor shows
                finally:
                    self._filling = False
                self._run_edit(
                    lambda _p: review.save_text(
                        self.ctx.store, conflict.variant_id, text, conflict.version, reviewed=mark, base=conflict.theirs
                    )
                )
            else:  # take theirs: show what is there now, based on the version that holds it
                self.ctx.op(lambda _p: _variant(self.ctx, conflict.variant_id)).success(self._adopt).run()
            dialog.deleteLater()

        dialog.finished.connect(chosen)
        dialog.open()  # window-modal, without blocking the event loop (operations keep running)

    def _adopt(self, variant: Variant) -> None:
        """Show ``variant`` as it is in the store, dropping the editor's text."""
        self.shown = variant
        self._filling = True
        try:
            self.editor.setPlainText(variant.text)
            self.reviewed.setChecked(variant.reviewed)
        finally:
            self._filling = False
        self._on_text()
        self.saved.emit(variant)

    # --- one sentence again ---------------------------------------------------------------------

    def retranslate_sentence(self) -> None:
        """Translate the sentence under the cursor again, from the matching source sentence."""
        text = self.editor.toPlainText()
        cursor = index_from_utf16(text, self.editor.textCursor().selectionStart())
        source_text, source_language = self.source
        target = self.view.variant.language
        try:
            plan = review.plan_retranslation(source_text, source_language, text, target, cursor)
        except UserError as error:
            self._say(error_sentence(error), problem=True)
            return

        def apply(translated: str) -> None:
            if self.editor.toPlainText() != text:  # the person typed meanwhile: their text wins
                self._say(
                    lambda: self.tr("The text changed while the sentence was translated; try again."), problem=True
                )
                return
            self.editor.setPlainText(review.apply_retranslation(text, plan, translated))
            self._say(lambda: self.tr("Sentence translated again; check it, then save."))

        self._say(lambda: self.tr("Translating the sentence..."))
        self.ctx.op(lambda _p: review.retranslate(self.ctx.store, plan, source_language, target)).success(
            apply
        ).failure(lambda sentence: self._say(sentence, problem=True)).run()

    # --- time and publishing --------------------------------------------------------------------

    def next_slot(self) -> None:
        """Put the account's next free posting slot in the time field."""
        v, zone = self.view.variant, self.view.timezone
        self.ctx.op(lambda _p: schedule.next_slot(self.ctx.store, v.account_id, zone)).success(
            self.schedule.set_local
        ).failure(lambda sentence: self._say(sentence, problem=True)).run()

    def publish(self) -> None:
        """Publish this variant now (the network, in the background)."""
        variant_id = self.view.variant.id
        self._say(lambda: self.tr("Publishing..."))
        self.ctx.op(
            lambda _p: schedule.publish(self.ctx.store, variant_id), changes=POSTS, initiator=self.initiator
        ).success(self._published).failure(lambda sentence: self._say(sentence, problem=True)).run()

    def _published(self, outcome: Outcome | None) -> None:
        if outcome is None:
            self._say(lambda: self.tr("Another publisher took it first; see the Queue."))
        elif outcome.error:
            self._say(outcome.error, problem=True)
        else:
            status = outcome.status
            self._say(lambda: self.tr("Status: {0}").format(self._status_word(status)))
        self.ctx.op(lambda _p: _variant(self.ctx, self.view.variant.id)).success(self.saved.emit).run()

    def repeat(self, rule: str) -> None:
        """Repeat this variant by ``rule`` from the chosen time."""
        variant_id, start = self.view.variant.id, self.schedule.local()

        def done(_recurrence_id: int) -> None:
            at = start.strftime("%Y-%m-%d %H:%M")
            self._say(lambda: self.tr("Repeats by {0} from {1}.").format(rule.strip(), at))
            self.ctx.op(lambda _p: _variant(self.ctx, variant_id)).success(self.saved.emit).run()

        self.ctx.op(
            lambda _p: schedule.repeat(self.ctx.store, variant_id, rule, start), changes=POSTS, initiator=self.initiator
        ).success(done).failure(lambda sentence: self._say(sentence, problem=True)).run()


def _variant(ctx: AppContext, variant_id: int) -> Variant:
    return queries.get_variant(ctx.store, variant_id)
