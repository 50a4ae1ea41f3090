"""The Compose screen: write once, choose the accounts, translate, review and schedule.

Left, the composer: the source text and its language, the target accounts, a counter per
target, the media. Everything typed is saved as a draft about a second after the person pauses
(a serial operation, so saves land in order), and the composer reopens the last unsent draft, so
neither a crash nor a closed window loses anything. Right, the review
(:class:`app.views.review.ReviewPanel`): "Translate" (Ctrl+T) makes or updates the post and
translates it in the background; each variant is then edited, reviewed and scheduled there.
"""

from __future__ import annotations

from app.changes import NOTHING, POSTS, Changes
from app.context import AppContext
from app.i18n import Retranslatable, Wording
from app.ops import Progress
from app.qt import (
    QComboBox,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QShortcut,
    QSplitter,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.viewmodels import composer
from app.viewmodels.composer import ComposerSession, DraftChoice, Loaded, Translated, draft_choices
from app.viewmodels.review import load_terms, source_terms
from app.views.base import Page
from app.views.review import ReviewPanel
from app.widgets.account_list import AccountChecklist
from app.widgets.counter import CounterStrip
from app.widgets.media_list import MediaList
from app.widgets.span_highlighter import SpanHighlighter
from core import languages
from core.services import drafts
from core.services.drafts import DraftContent, Saved
from translation.glossary import GlossaryTerm

#: How long after the last keystroke the draft is saved.
AUTOSAVE_MS = 800


class ComposePage(Retranslatable, Page):
    """The Compose screen."""

    key = "compose"
    shows = Changes(posts=True, accounts=True)

    #: A save of the draft landed (tests and the status line wait on it).
    draft_saved = Signal(object)
    #: The drafts menu was filled (tests wait on it).
    drafts_listed = Signal(object)
    #: "Translate" finished.
    translated = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.session = ComposerSession()
        self.options: list[composer.AccountOption] = []
        self._loaded_once = False
        self._filling = False
        self._language_chosen = False  # the person picked it; else it follows the first account
        self._generation = 0  # +1 for each new post: a read started before it is not shown after it
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_now)
        self._build()
        self.translate_shortcut = QShortcut(QKeySequence("Ctrl+T"), self)
        self.translate_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.translate_shortcut.activated.connect(self.translate)
        self.retranslate()
        self.composer_box.setEnabled(False)  # until the draft to reopen is read

    def title(self) -> str:
        """The page's name in the sidebar."""
        return self.tr("Compose")

    # --- layout -----------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_post)
        self.drafts_button = QPushButton(self)
        self.drafts_button.clicked.connect(self.show_drafts)
        self.drafts_menu = QMenu(self)
        self.drafts_menu.triggered.connect(lambda action: self.open_draft(int(action.data())))
        self.discard_button = QPushButton(self)
        self.discard_button.clicked.connect(self.discard_current)
        self.status = QLabel(self)
        self.status.setStyleSheet("color: #6b7280;")
        self.status_text = Wording(self.status.setText)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.hide()
        self.translate_button = QPushButton(self)
        self.translate_button.clicked.connect(self.translate)
        top.addWidget(self.new_button)
        top.addWidget(self.drafts_button)
        top.addWidget(self.discard_button)
        top.addWidget(self.status, 1)
        top.addWidget(self.progress_bar)
        top.addWidget(self.translate_button)
        outer.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.composer_box = QWidget(splitter)
        left = QVBoxLayout(self.composer_box)
        left.setContentsMargins(0, 0, 0, 0)
        self.text_label = QLabel(self.composer_box)
        self.editor = QPlainTextEdit(self.composer_box)
        self.highlighter = SpanHighlighter(self.editor.document())
        self.editor.textChanged.connect(self._on_edit)
        language_row = QHBoxLayout()
        self.language_label = QLabel(self.composer_box)
        self.language = QComboBox(self.composer_box)
        self.language.activated.connect(self._on_language)
        language_row.addWidget(self.language_label)
        language_row.addWidget(self.language, 1)
        self.accounts_label = QLabel(self.composer_box)
        self.accounts = AccountChecklist(self.composer_box)
        self.accounts.changed.connect(self._on_targets)
        self.counters = CounterStrip(self.composer_box)
        self.media_label = QLabel(self.composer_box)
        self.media = MediaList(self.ctx, self.composer_box)
        self.media.changed.connect(self._on_edit)
        left.addWidget(self.text_label)
        left.addWidget(self.editor, 2)
        left.addWidget(self.counters)
        left.addLayout(language_row)
        left.addWidget(self.accounts_label)
        left.addWidget(self.accounts, 1)
        left.addWidget(self.media_label)
        left.addWidget(self.media)
        self.review = ReviewPanel(self.ctx, splitter, initiator=self)
        self.review.scheduled.connect(self._on_scheduled)
        splitter.addWidget(self.composer_box)
        splitter.addWidget(self.review)
        splitter.setStretchFactor(1, 2)
        outer.addWidget(splitter, 1)

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language)."""
        self.new_button.setText(self.tr("New post"))
        self.new_button.setToolTip(self.tr("Start another post; this draft stays saved"))
        self.drafts_button.setText(self.tr("Drafts…"))
        self.drafts_button.setToolTip(self.tr("Reopen one of your drafts not sent yet"))
        self.discard_button.setText(self.tr("Discard draft"))
        self.discard_button.setToolTip(
            self.tr("Delete this draft; its post is cancelled too while nothing of it was scheduled")
        )
        self.translate_button.setText(self.tr("Translate"))
        self.translate_button.setToolTip(self.tr("Translate into every target language (Ctrl+T)"))
        self.text_label.setText(self.tr("Text"))
        self.editor.setPlaceholderText(self.tr("Write the post once, in your language"))
        self.language_label.setText(self.tr("Written in"))
        self.accounts_label.setText(self.tr("Post to"))
        self.media_label.setText(self.tr("Images"))
        self.status_text.reword()

    # --- content ----------------------------------------------------------------------------------

    def content(self) -> DraftContent:
        """What the composer holds now."""
        chosen = self.language.currentData() if self._language_chosen else None
        return DraftContent(self.editor.toPlainText(), chosen, self.accounts.checked(), self.media.items())

    def _fill(self, loaded: Loaded) -> None:
        """Show a reopened draft (or the accounts alone), without saving it back."""
        self._filling = True
        try:
            draft = loaded.draft
            checked = draft.content.account_ids if draft is not None else ()
            self.accounts.set_accounts(loaded.accounts, checked)
            if draft is not None:
                self.editor.setPlainText(draft.content.text)
                self.media.set_items(draft.content.media)
                self._language_chosen = draft.content.source_language is not None
            self._fill_languages(draft.content.source_language if draft is not None else None)
        finally:
            self._filling = False
        self._show_counts()

    def _fill_languages(self, chosen: str | None) -> None:
        wanted = composer.effective_language(chosen, self.accounts.chosen())
        self.language.blockSignals(True)
        self.language.clear()
        for code in composer.language_choices(self.options):
            self.language.addItem(f"{code} — {languages.name(code)}", code)
        # No account ticked and nothing chosen: no language yet (not whichever account sorts first).
        self.language.setCurrentIndex(self.language.findData(wanted) if wanted is not None else -1)
        self.language.blockSignals(False)

    def _show_counts(self) -> None:
        self.counters.set_counts(composer.counters(self.editor.toPlainText(), self.accounts.chosen()))

    # --- editing ----------------------------------------------------------------------------------

    def _on_edit(self) -> None:
        self._show_counts()
        if not self._filling:
            self.autosave.start()

    def _on_targets(self) -> None:
        if not self._language_chosen:
            self._fill_languages(None)
        self._load_terms()
        self._on_edit()

    def _on_language(self, _index: int) -> None:
        self._language_chosen = True
        self._load_terms()
        self._on_edit()

    def _load_terms(self) -> None:
        language = self.language.currentData()
        targets = [o.language for o in self.accounts.chosen()]
        if not language or not targets:
            return
        self.ctx.op(lambda _p: load_terms(self.ctx.store, language, targets)).success(self._terms_loaded).failure(
            lambda _sentence: None
        ).run()  # without the glossary only the other spans are marked

    def _terms_loaded(self, terms: dict[str, list[GlossaryTerm]]) -> None:
        self.highlighter.set_terms(source_terms(e for entries in terms.values() for e in entries))

    # --- saving -----------------------------------------------------------------------------------

    def save_now(self) -> None:
        """Save the draft now (the serial queue keeps saves in the order they were made)."""
        self.autosave.stop()
        content, session = self.content(), self.session
        self.status_text.show(lambda: self.tr("Saving..."))
        self.ctx.op(
            lambda _p: session.save(self.ctx.store, content),
            changes=lambda saved: POSTS if saved.post is not None else NOTHING,
            initiator=self,
            serial=True,
        ).success(self._saved).failure(self._save_failed).run()

    def _saved(self, saved: Saved) -> None:
        at = saved.draft.updated_at.astimezone().strftime("%H:%M:%S")
        self.status_text.show(saved.note or (lambda: self.tr("Draft saved at {0}").format(at)))
        if saved.post is not None:
            self.review.show_post(saved.post, self._zones(), self.review.repeating, requeued=saved.requeued)
        self.draft_saved.emit(saved)

    def _save_failed(self, sentence: str) -> None:
        self.status_text.show(lambda: self.tr("Not saved: {0}").format(sentence))

    def _zones(self) -> dict[int, str]:
        return {o.id: o.timezone for o in self.options}

    def new_post(self) -> None:
        """Start another post; the current draft stays saved and can be reopened."""
        if self.autosave.isActive():
            self.save_now()
        session = self.session
        self._generation += 1
        self.ctx.op(lambda _p: session.start_new(), serial=True).run()  # after the saves already queued
        self._filling = True
        try:
            self.editor.setPlainText("")
            self.media.set_items(())
            self.accounts.set_accounts(self.options, ())
            self._language_chosen = False
            self._fill_languages(None)
        finally:
            self._filling = False
        self._show_counts()
        self.review.clear()
        self.status_text.show(self.new_button.text)  # "New post", as the button words it

    # --- other drafts ---------------------------------------------------------------------------

    def show_drafts(self) -> None:
        """List the person's unsent drafts (read in the background) in a menu under the button."""
        if self.autosave.isActive():
            self.save_now()  # so the list shows what was just typed
        current = self.session.draft_id
        self.ctx.op(lambda _p: draft_choices(self.ctx.store, current), serial=True).success(self._drafts_listed).run()

    def _drafts_listed(self, choices: list[DraftChoice]) -> None:
        self.drafts_menu.clear()
        for choice in choices:
            when = choice.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
            title = choice.title or self.tr("(no text yet)")
            action = self.drafts_menu.addAction(
                self.tr("{0} — {1}, {2} account(s)").format(title, when, choice.targets)
            )
            action.setData(choice.id)
            action.setCheckable(True)
            action.setChecked(choice.current)
            action.setEnabled(not choice.current)
        if not choices:
            self.drafts_menu.addAction(self.tr("No drafts")).setEnabled(False)
        self.drafts_listed.emit(choices)
        self.drafts_menu.popup(self.drafts_button.mapToGlobal(self.drafts_button.rect().bottomLeft()))

    def open_draft(self, draft_id: int) -> None:
        """Put ``draft_id`` in the composer (the current one stays saved)."""
        if self.autosave.isActive():
            self.save_now()
        self._generation += 1
        session, generation = self.session, self._generation
        self.ctx.op(lambda _p: session.open(self.ctx.store, draft_id), serial=True).success(
            lambda loaded: self._opened(loaded, generation)
        ).failure(self.status_text.show).run()

    def _opened(self, loaded: Loaded, generation: int) -> None:
        if generation != self._generation:
            return  # another post was started or opened meanwhile
        self.options = loaded.accounts
        self._language_chosen = False
        self._fill(loaded)
        if loaded.post is not None:
            self.review.show_post(loaded.post, self._zones(), loaded.repeating)
        else:
            self.review.clear()
        self.status_text.show(lambda: self.tr("Draft reopened."))

    def confirm(self, question: str) -> bool:
        """Ask the person to confirm (a separate method, so that a test can answer it)."""
        answer = QMessageBox.question(self, self.tr("Discard draft"), question)
        return answer == QMessageBox.StandardButton.Yes

    def discard_current(self) -> None:
        """Delete the draft in the composer, after asking, and start a new post."""
        if not self.confirm(self.tr("Discard this draft? Its text and images are deleted.")):
            return
        self.autosave.stop()  # what was typed since the last save goes with it
        session = self.session
        self.ctx.op(lambda _p: session.discard(self.ctx.store), changes=POSTS, initiator=self, serial=True).success(
            self._discarded
        ).failure(self.status_text.show).run()

    def _discarded(self, _existed: bool) -> None:
        self.new_post()
        self.status_text.show(lambda: self.tr("Draft discarded."))

    # --- translating ------------------------------------------------------------------------------

    def translate(self) -> None:
        """Save, make or update the post, and translate it into every target language in the background."""
        self.autosave.stop()
        content, session = self.content(), self.session
        self.translate_button.setEnabled(False)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.status_text.show(lambda: self.tr("Translating..."))
        self.ctx.op(
            lambda progress: session.translate(self.ctx.store, content, progress.report), changes=POSTS, initiator=self
        ).progress(self._progress).success(self._translated).failure(self._translate_failed).run()

    def _progress(self, done: int, total: int | None, _what: str) -> None:
        self.progress_bar.setRange(0, total or 0)
        self.progress_bar.setValue(done)

    def _translated(self, result: Translated) -> None:
        self._translation_over()
        languages_done = len(result.results)
        if languages_done:
            self.status_text.show(
                lambda: self.tr("Translated into {0} language(s); review each variant.").format(languages_done)
            )
        else:
            self.status_text.show(lambda: self.tr("Every variant is already translated; review each one."))
        self.review.show_post(result.post, self._zones(), result.repeating)
        self.translated.emit(result)

    def _translate_failed(self, sentence: str) -> None:
        self._translation_over()
        self.status_text.show(sentence)
        self.ctx.hub.error.emit(sentence)

    def _translation_over(self) -> None:
        self.translate_button.setEnabled(True)
        self.progress_bar.hide()

    def _on_scheduled(self, _post: object) -> None:
        session = self.session

        def settle(_p: Progress) -> bool:
            return session.draft_id is not None and drafts.settle_draft(self.ctx.store, session.draft_id)

        self.ctx.op(settle, serial=True).success(self._settled).run()

    def _settled(self, sent: bool) -> None:
        if sent:

            def done() -> str:
                return self.tr("Scheduled. The composer is ready for the next post.")

            self.ctx.hub.notice.emit("info", done())
            self.new_post()
            self.status_text.show(done)

    # --- loading ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the accounts (and at first the draft to reopen) in the background."""
        session, reopen, generation = self.session, not self._loaded_once, self._generation
        self.ctx.op(lambda _p: session.load(self.ctx.store, reopen=reopen)).success(
            lambda loaded: self._loaded(loaded, generation)
        ).run()

    def _loaded(self, loaded: Loaded, generation: int) -> None:
        self.options = loaded.accounts
        if not self._loaded_once:
            self._loaded_once = True
            self._fill(loaded)
            self.composer_box.setEnabled(True)
            self._load_terms()
            if loaded.draft is not None:
                self.status_text.show(lambda: self.tr("Draft reopened where you left it."))
        else:
            self._filling = True
            try:
                self.accounts.set_accounts(loaded.accounts, self.accounts.checked())
                self._fill_languages(self.language.currentData() if self._language_chosen else None)
            finally:
                self._filling = False
            self._show_counts()
        if loaded.post is not None and generation == self._generation:
            self.review.show_post(loaded.post, self._zones(), loaded.repeating)

    # --- closing ----------------------------------------------------------------------------------

    def before_close(self) -> None:
        """Save a draft whose autosave has not fired yet: the window is closing."""
        if self.autosave.isActive():
            self.save_now()
