"""The Feedback screen: the audience's comments across accounts and posts, in the reader's language.

Filters (a period on the officer's calendar, an account, a language or "not detected", unread
only, words) make one :class:`core.queries.feedback.FeedbackFilter`; one background read
(:func:`app.viewmodels.feedback.load`) fills the table with the newest page, and "Load more"
reads the next one (keyset paging, as the Audit screen). Rows without a translation into the
interface's language are translated in the background (:func:`app.viewmodels.feedback.translate`)
and updated in place; a pair no installed pack covers is said in one line with a button to the
Language packs page. Selecting a row shows the post it answers, the original and the translation
side by side, its edit history, whether the platform deleted it, and lets the reader mark it read
or unread (Ctrl+M) and correct its language. The sidebar's entry carries the unread count.

The screen reloads when the comments change elsewhere (the feed watcher follows their change
counter: collected, edited, deleted, read by a colleague), when posts or accounts change, and
when a pack is installed (rows left untranslated are tried again). Its own acts (marking, a
language set, its translation pass) update the rows in place: their writes are remembered as
the window's own (:class:`app.changes.OwnSerials`), so the feed does not reload it for them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from app.changes import COMMENTS, Changes
from app.context import AppContext
from app.i18n import Retranslatable, current_language, localized, retranslate_model
from app.models import when
from app.models.feedback_model import ACCOUNT, AUTHOR, LANGUAGE, WHEN, FeedbackModel
from app.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDesktopServices,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPushButton,
    QShortcut,
    QSplitter,
    Qt,
    QTableView,
    QTimer,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.viewmodels import feedback as vm
from app.views.base import Page, overlaps
from app.widgets.comment_pane import MARK_SHORTCUT, CommentPane
from app.widgets.filter_lists import FilterLists
from app.widgets.message_line import MessageLine
from app.widgets.paged_loads import PagedLoads
from app.widgets.period_filter import PeriodFilterBar
from core.queries.feedback import (
    PAGE_SIZE,
    UNKNOWN_LANGUAGE,
    CollectionProblem,
    Comment,
    CommentPage,
    Cursor,
    FeedbackFilter,
)

_WARN = "background: #fef3c7; color: #78350f; padding: 4px;"


def _reader() -> str:
    app = QCoreApplication.instance()
    return current_language(app) if app is not None else "en"


class FeedbackPage(FilterLists, PagedLoads[FeedbackFilter, vm.Loaded, CommentPage, Cursor], Retranslatable, Page):
    """The Feedback screen."""

    key = "feedback"
    # Comments arrive with the worker's collection (the feed's comments stamp); a new pack lets
    # untranslated rows through.
    shows = Changes(posts=True, accounts=True, packs=True, comments=True)

    #: Emitted after each load (or next page) is on screen.
    loaded = Signal()
    #: Emitted after a translation pass has updated the rows (tests wait on it).
    translated = Signal()
    #: Emitted when the detail pane shows a comment's history.
    detail_loaded = Signal()
    #: Emitted after a mark or a change of language is on screen.
    acted = Signal()
    #: The sidebar's name changed (the unread count): the window shows :meth:`title` again.
    retitled = Signal(str)
    #: The page asks the window to show another page (its key).
    open_page = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, zone: when.Zone = None) -> None:
        super().__init__(ctx, parent)
        self.zone = zone if zone is not None else when.officer_zone()
        self._total = 0
        self._unread = 0  # of the rows the filters select
        self.unread_all = 0  # every unread comment: the sidebar's count
        self._tried: set[tuple[int, str]] = set()  # (comment, language) translations already asked for
        self._translating = False
        self._translating_text = ""
        self.missing: list[str] = []  # why rows stay untranslated: packs to install, damaged packs
        self.problems: list[CollectionProblem] = []
        #: Comments per page (a test makes pages small).
        self.page_size = PAGE_SIZE
        #: Opens a web address (a test records it instead).
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self._build_typing()
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        self.problems_label = QLabel(self)
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet(_WARN)
        self.problems_label.hide()
        layout.addWidget(self.problems_label)
        layout.addWidget(self._build_missing())
        self.message = MessageLine(self)
        layout.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self._build_table())
        self.pane = CommentPane(self, zone=self.zone)
        self.pane.mark_requested.connect(lambda comment_id, read: self.mark([comment_id], read=read))
        self.pane.language_requested.connect(self.set_language)
        self.pane.open_requested.connect(lambda url: self.open_url(QUrl(url)))
        split.addWidget(self.pane)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        layout.addLayout(self._build_footer())
        self.mark_shortcut = QShortcut(QKeySequence(MARK_SHORTCUT), self)
        self.mark_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.mark_shortcut.activated.connect(self.toggle_read)
        ctx.hub.changed.connect(self._on_any_change)
        self.retranslate()
        # Counted once the window has connected its busy indicator to the hub (after every page is built).
        QTimer.singleShot(0, self, self.refresh_unread)

    # --- building -----------------------------------------------------------------------------------

    def _build_filters(self) -> QVBoxLayout:
        rows = QVBoxLayout()
        bar = QHBoxLayout()
        self.period_bar = PeriodFilterBar(self, zone=self.zone, preset=vm.Preset.ALL)
        # The bar's parts under the names the tests (and the label's wording below) use.
        self.period_label, self.period = self.period_bar.label, self.period_bar.period
        self.first, self.last = self.period_bar.first, self.period_bar.last
        self.account = QComboBox(self)
        self.account.addItem("", None)
        self.language = QComboBox(self)
        self.language.addItem("", "")
        self.language.addItem("", UNKNOWN_LANGUAGE)
        for box in (self.account, self.language):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(14)
            box.currentIndexChanged.connect(self._on_choice)
        self.unread_only = QCheckBox(self)
        self.unread_only.toggled.connect(lambda _on: self.refresh())
        self.originals = QCheckBox(self)
        self.originals.toggled.connect(self._on_originals)
        self.period_bar.changed.connect(self.refresh)
        for widget in (self.period_bar, self.account, self.language, self.unread_only):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.originals)
        rows.addLayout(bar)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._typing.start())
        self.search.returnPressed.connect(self.refresh)
        rows.addWidget(self.search)
        return rows

    def _build_missing(self) -> QWidget:
        self.missing_bar = QWidget(self)
        row = QHBoxLayout(self.missing_bar)
        row.setContentsMargins(0, 0, 0, 0)
        self.missing_label = QLabel(self.missing_bar)
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet(_WARN)
        self.packs_button = QPushButton(self.missing_bar)
        self.packs_button.clicked.connect(lambda: self.open_page.emit("packs"))
        row.addWidget(self.missing_label, 1)
        row.addWidget(self.packs_button)
        self.missing_bar.hide()
        return self.missing_bar

    def _build_table(self) -> QTableView:
        self.model = FeedbackModel(self, reader=_reader())
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((WHEN, 150), (ACCOUNT, 180), (LANGUAGE, 70), (AUTHOR, 150)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)  # the text
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        return self.table

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language); what is chosen stays chosen."""
        self.period_label.setText(self.tr("Written"))
        self.account.setItemText(0, self.tr("All accounts"))
        self.language.setItemText(0, self.tr("All languages"))
        self.language.setItemText(1, self.tr("Not detected"))
        self.unread_only.setText(self.tr("Unread only"))
        self.originals.setText(self.tr("Show originals"))
        self.originals.setToolTip(self.tr("Show each comment as written instead of its translation"))
        self.search.setPlaceholderText(self.tr("Search the comments and their authors"))
        self.packs_button.setText(self.tr("Language packs..."))
        self.more_button.setText(self.tr("Load more"))
        self.pane.reader = self.model.reader
        self.pane.retranslate()
        retranslate_model(self.model)
        self._show_count()
        self._show_missing()
        self._show_problems()
        self.retitled.emit(self.key)
        reader = _reader()
        if reader != self.model.reader:  # the interface's language changed: translate into the new one
            self.model.reader = self.pane.reader = reader
            if self.isVisible():
                self.refresh()
            else:  # read again in the new language when next shown
                self.stale = True

    def title(self) -> str:
        """The sidebar's name for the screen, with the number of unread comments."""
        if self.unread_all:
            return self.tr("Feedback ({0})").format(self.unread_all)
        return self.tr("Feedback")

    # --- filters --------------------------------------------------------------------------------------

    def _today(self) -> date:
        return self.period_bar.today()

    def filters(self) -> vm.Filters:
        """The choices above the list."""
        account = self.account.currentData()
        period = self.period_bar.choice()
        return vm.Filters(
            preset=period.preset,
            first=period.first,
            last=period.last,
            account_id=int(account) if account is not None else None,
            language=str(self.language.currentData() or "") or None,
            unread=self.unread_only.isChecked(),
            text=self.search.text(),
        )

    def query(self) -> FeedbackFilter:
        """The query the filters select now (a :class:`UserError` for impossible dates)."""
        return self.filters().query(self._today(), self.zone)

    def set_preset(self, preset: vm.Preset) -> None:
        """Choose a period (as the person would)."""
        self.period_bar.set_preset(preset)

    def _on_originals(self, on: bool) -> None:
        self.model.set_originals(on)

    # --- loading --------------------------------------------------------------------------------------

    def _read(self, flt: FeedbackFilter) -> Callable[[], vm.Loaded]:
        store, size, reader = self.ctx.store, self.page_size, self.model.reader
        return lambda: vm.load(store, flt, reader, size)

    def _read_more(self, flt: FeedbackFilter, after: Cursor) -> Callable[[], CommentPage]:
        store, size, reader = self.ctx.store, self.page_size, self.model.reader
        return lambda: vm.load_more(store, flt, after, reader, size)

    def _loaded(self, generation: int, flt: FeedbackFilter, loaded: vm.Loaded) -> None:
        if self._stale(generation):
            return
        chosen = self.pane.comment.id if self.pane.comment is not None else None
        self._offer(self.account, [(f"{a.name} ({a.platform})", a.id) for a in loaded.accounts], 1)
        self._offer(self.language, [(code, code) for code in loaded.languages], 2)
        self.model.set_zones({a.id: a.timezone for a in loaded.accounts})
        self._query, self._total, self._unread = flt, loaded.total, loaded.unread
        self.model.set_rows(loaded.page.rows)
        self._next = loaded.page.next
        self.problems = loaded.problems
        self._set_unread_all(loaded.unread_all)
        self._show_problems()
        self._show_count()
        self.message.clear_problem()
        if chosen is None or not self.select(chosen):
            self.pane.show_comment(None)
        self.loaded.emit()
        self._translate(loaded.page.rows)

    def _more(self, generation: int, page: CommentPage) -> None:
        if self._stale(generation):
            return
        self.model.append_rows(page.rows)
        self._next = page.next
        self._show_count()
        self.loaded.emit()
        self._translate(page.rows)

    def _show_count(self) -> None:
        shown = self.model.rowCount()
        if not shown:
            self.count_label.setText(self.tr("No comments for these filters."))
        else:
            self.count_label.setText(
                self.tr("Showing {0} of {1} comments, newest first; {2} unread").format(
                    shown, self._total, self._unread
                )
            )
        self.more_button.setEnabled(self._next is not None)

    def _show_problems(self) -> None:
        lines = [self.tr("{0}: {1}").format(item.account_name, localized(item.error)) for item in self.problems]
        self.problems_label.setText("\n".join(lines))
        self.problems_label.setVisible(bool(lines))

    # --- the unread count ---------------------------------------------------------------------------

    def _on_any_change(self, changes: Changes, initiator: object) -> None:
        # A hidden page does not reload (base.Page), but its count in the sidebar stays true.
        if initiator is not self and overlaps(changes, self.shows):
            if changes.packs:  # a new pack may translate what could not be
                self._tried.clear()
                self.missing = []
            if not self.isVisible():
                self.refresh_unread()

    def refresh_unread(self) -> None:
        """Count the unread comments in the background, for the sidebar."""
        store = self.ctx.store
        self.ctx.op(lambda _progress: vm.unread_count(store)).success(self._set_unread_all).failure(
            lambda _sentence: None  # the count waits for the next load; the page's own load says why
        ).run()

    def _set_unread_all(self, count: int) -> None:
        if count != self.unread_all:
            self.unread_all = count
            self.retitled.emit(self.key)

    # --- translation ----------------------------------------------------------------------------------

    def _translate(self, rows: Sequence[Comment]) -> None:
        """Translate, in the background, the rows shown that have no translation into the reader's language."""
        reader = self.model.reader
        wanted = [c for c in rows if vm.needs_translation(c, reader) and (c.id, reader) not in self._tried]
        if not wanted or self._translating:
            return
        self._tried.update((comment.id, reader) for comment in wanted)
        self._translating = True
        store = self.ctx.store
        self._translating_text = self.tr("Translating {0} comments...").format(len(wanted))
        self.message.say(self._translating_text)
        own = self.ctx.own_comment_writes
        self.ctx.op(lambda _progress: vm.as_own(own, lambda: vm.translate(store, wanted, reader))).success(
            self._translated
        ).failure(self._translation_failed).run()

    def _translated(self, result: vm.Translated) -> None:
        self._translating = False
        if self.message.text() == self._translating_text:
            self.message.say("")
        self._show_rows(result.rows)
        self._untranslated(result)
        self.translated.emit()
        left = [row for row in self.model.rows if (row.id, self.model.reader) not in self._tried]
        if left:  # rows loaded while this pass ran
            self._translate(left)

    def _translation_failed(self, sentence: str) -> None:
        self._translating = False
        self.message.say(self.tr("The comments could not be translated: {0}").format(sentence), problem=True)
        self.translated.emit()

    def _untranslated(self, result: vm.Translated) -> None:
        # Rows tried once are not tried again until a pack changes: their sentences stay until then.
        self.missing = list(dict.fromkeys([*self.missing, *vm.untranslated(result.report)]))
        self._show_missing()

    def _show_missing(self) -> None:
        lines = [localized(sentence) for sentence in self.missing]
        self.missing_label.setText("\n".join(lines))
        self.missing_bar.setVisible(bool(lines))

    def _show_rows(self, rows: list[Comment]) -> None:
        """Show newer readings of listed comments, in the table and in the pane when it shows one of them."""
        self.model.replace(rows)
        shown = self.pane.comment
        if shown is not None:
            fresh = next((row for row in rows if row.id == shown.id), None)
            if fresh is not None:
                self.pane.show_comment(fresh, self.pane.zone_name, self.pane.revisions)

    # --- the selected comment -------------------------------------------------------------------------

    def selected(self) -> Comment | None:
        """The comment selected, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def select(self, comment_id: int) -> bool:
        """Select the row of ``comment_id``; False when it is not listed."""
        row = self.model.row_of(comment_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _on_selection(self, *_args: object) -> None:
        comment = self.selected()
        zone_name = self.model.zones.get(comment.account_id) if comment is not None else None
        self.pane.show_comment(comment, zone_name)
        if comment is None or not comment.edited:
            return
        store, reader, comment_id = self.ctx.store, self.model.reader, comment.id
        self.ctx.op(lambda _progress: vm.load_detail(store, comment_id, reader)).success(self._detail).failure(
            lambda sentence: self.message.say(sentence, problem=True)
        ).run()

    def _detail(self, detail: vm.Detail) -> None:
        shown = self.pane.comment
        if shown is None or shown.id != detail.comment.id:
            return  # another row was selected meanwhile
        self.pane.show_comment(detail.comment, self.pane.zone_name, detail.revisions)
        self.detail_loaded.emit()

    # --- acts -----------------------------------------------------------------------------------------

    def toggle_read(self) -> None:
        """Mark the selected comment read, or unread again when it is read (Ctrl+M)."""
        comment = self.selected()
        if comment is not None:
            self.mark([comment.id], read=comment.unread)

    def mark(self, comment_ids: list[int], *, read: bool) -> None:
        """Mark ``comment_ids`` read (or unread), then show them so without a reload."""
        store = self.ctx.store
        # In order with the reader's other acts: a quick read-then-unread must end unread.
        own = self.ctx.own_comment_writes
        self.ctx.op(
            lambda _progress: vm.as_own(own, lambda: vm.mark(store, comment_ids, read=read)),
            changes=COMMENTS,
            initiator=self,
            serial=True,
        ).success(lambda changed: self._marked(comment_ids, read, changed)).failure(
            lambda sentence: self.message.say(sentence, problem=True)
        ).run()

    def _marked(self, comment_ids: list[int], read: bool, changed: int) -> None:
        rows = [vm.marked(row, read=read) for row in self.model.rows if row.id in set(comment_ids)]
        step = -changed if read else changed
        self._unread = max(0, self._unread + step)
        self._set_unread_all(max(0, self.unread_all + step))
        self._show_rows(rows)
        self._show_count()
        self.acted.emit()

    def set_language(self, comment_id: int, code: str) -> None:
        """Say which language ``comment_id`` is in, then translate it again (both in the background)."""
        store, reader = self.ctx.store, self.model.reader
        self._tried.add((comment_id, reader))
        own = self.ctx.own_comment_writes
        self.ctx.op(
            lambda _progress: vm.as_own(own, lambda: vm.set_language(store, comment_id, code, reader)),
            changes=COMMENTS,
            initiator=self,
            serial=True,
        ).success(self._language_set).failure(lambda sentence: self.message.say(sentence, problem=True)).run()

    def _language_set(self, result: vm.Translated) -> None:
        self._show_rows(result.rows)
        self._untranslated(result)
        self.acted.emit()
