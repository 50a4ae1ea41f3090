"""The Engagement screen: the managers' dashboard over the published variants.

Filters (period, accounts, languages, platforms) make one :class:`core.queries.analytics.Scope`;
one background read (:func:`app.viewmodels.engagement.load_dashboard`) fills the summary strip
(against the previous period of the same length), the charts and the table of posts. The
best-time heatmap loads per account, a post's history when its row is opened, and the exports
write in the background. A newer load always wins: each kind of load carries a generation and
an older result is dropped. The screen reloads when the poller brings new figures
(``Changes.engagement``) or something is published (``Changes.posts``). Blank means "not known
yet", never zero. Beside the table, a "Comments" tile counts the audience's comments written in
the period on the chosen accounts, per language and on the most commented posts.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date

from app.changes import COMMENTS, Changes
from app.context import AppContext
from app.i18n import Retranslatable, retranslate_model
from app.models import when
from app.models.engagement_model import PUBLISHED, SORT_ROLE, EngagementModel
from app.qt import (
    QAbstractItemView,
    QComboBox,
    QDesktopServices,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSortFilterProxyModel,
    QSplitter,
    Qt,
    QTableView,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.viewmodels import engagement as vm
from app.viewmodels import feedback as feedback_vm
from app.views.base import Page
from app.widgets.engagement_charts import BarChart, DailyChart
from app.widgets.engagement_filters import EngagementFilters
from app.widgets.heatmap import Heatmap
from app.widgets.message_line import MessageLine
from app.widgets.summary_strip import SummaryStrip
from app.widgets.variant_history import VariantHistoryDialog
from core import timeutil
from core.errors import UserError
from core.queries.analytics import Scope, VariantFigures
from core.queries.best_time import BestTime
from core.queries.feedback import UNKNOWN_LANGUAGE
from core.reports.comments import CommentCounts

#: Characters of a post's label the comments tile shows (the whole label is in its tooltip).
TILE_LABEL_CHARS = 40


class CommentsTile(Retranslatable, QFrame):
    """The comments of the dashboard's period and accounts: how many, per language, on which posts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: CommentCounts | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: 600;")
        self.total = QLabel(self)
        self.languages_title = QLabel(self)
        self.posts_title = QLabel(self)
        for label in (self.languages_title, self.posts_title):
            label.setStyleSheet("color: #6b7280;")
        self.by_language = QLabel(self)
        self.by_post = QLabel(self)
        for label in (self.total, self.by_language, self.by_post):
            label.setWordWrap(True)
        for widget in (self.title, self.total, self.languages_title, self.by_language, self.posts_title, self.by_post):
            column.addWidget(widget)
        column.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language)."""
        self.title.setText(self.tr("Comments"))
        self.languages_title.setText(self.tr("By language"))
        self.posts_title.setText(self.tr("Most commented posts"))
        self.show_counts(self.counts)

    def show_counts(self, counts: CommentCounts | None) -> None:
        """Show ``counts`` (``None``: not loaded yet)."""
        self.counts = counts
        if counts is None or not counts.total:
            self.total.setText(self.tr("No comments in this period."))
        else:
            self.total.setText(self.tr("{0} comments, {1} unread").format(f"{counts.total:,}", f"{counts.unread:,}"))
        rows = counts.by_language if counts is not None else ()
        # Codes on one line (the tile is small); the languages' names in the tooltip.
        self.by_language.setText(
            "  ·  ".join(self.tr("{0}: {1}").format(row.language, f"{row.total:,}") for row in rows)
        )
        self.by_language.setToolTip(
            "\n".join(self.tr("{0}: {1}").format(self._language(row.language), f"{row.total:,}") for row in rows)
        )
        posts = counts.by_post if counts is not None else ()
        self.by_post.setText(
            "\n".join(self.tr("{0} ({1})").format(_cut(post.label), f"{post.total:,}") for post in posts)
        )
        self.by_post.setToolTip("\n".join(self.tr("{0} ({1})").format(post.label, f"{post.total:,}") for post in posts))
        for label, shown in ((self.languages_title, rows), (self.by_language, rows), (self.posts_title, posts)):
            label.setVisible(bool(shown))
        self.by_post.setVisible(bool(posts))

    def _language(self, code: str) -> str:
        return self.tr("Not detected") if code == UNKNOWN_LANGUAGE else feedback_vm.language_label(code)


def _cut(text: str, limit: int = TILE_LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class EngagementPage(Retranslatable, Page):
    """The Engagement screen."""

    key = "engagement"
    shows = Changes(posts=True, accounts=True, engagement=True, comments=True)

    #: Emitted after each dashboard load is on screen (tests wait on it).
    loaded = Signal()
    #: Emitted after the heatmap shows an account's history.
    heat_loaded = Signal()
    #: Emitted with the file written, or ``""`` after a failed export.
    exported = Signal(str)
    #: Emitted after the comments tile shows a load.
    comments_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, zone: when.Zone = None) -> None:
        super().__init__(ctx, parent)
        self.zone = zone if zone is not None else when.officer_zone()
        self._generation = 0
        self._comments_generation = 0
        self._heat_generation = 0
        self.dashboard: vm.Dashboard | None = None  # the load on screen
        self.best: BestTime | None = None  # the heatmap's account's history on screen
        self.history: VariantHistoryDialog | None = None
        #: Opens a web address (a test records it instead).
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        #: Asks where to export (a test answers instead); ``""`` when the person cancelled.
        self.ask_path: Callable[[vm.ExportKind, str], str] = self._ask_path
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        self.message = MessageLine(self)
        layout.addWidget(self.message)
        self.metrics_label = QLabel(self)
        self.metrics_label.setWordWrap(True)
        self.metrics_label.setStyleSheet("background: #fef3c7; color: #78350f; padding: 4px;")
        self.metrics_label.hide()
        layout.addWidget(self.metrics_label)
        self.summary = SummaryStrip(self)
        layout.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self._build_charts())
        lower = QSplitter(Qt.Orientation.Horizontal, split)
        lower.addWidget(self._build_table())
        self.comments = CommentsTile()
        tile = QScrollArea(lower)  # a short window scrolls the tile rather than squeezing its lines
        tile.setWidget(self.comments)
        tile.setWidgetResizable(True)
        tile.setFrameShape(QFrame.Shape.NoFrame)
        tile.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        tile.setMinimumWidth(300)
        lower.addWidget(tile)
        lower.setStretchFactor(0, 4)
        lower.setStretchFactor(1, 1)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        self.retranslate()
        self._on_selection()

    # --- building -----------------------------------------------------------------------------------

    def _build_filters(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.filters = EngagementFilters(self._today(), self)
        self.filters.changed.connect(self.refresh)
        bar.addWidget(self.filters, 1)
        self.csv_button = QPushButton(self)
        self.xlsx_button = QPushButton(self)
        self.pdf_button = QPushButton(self)
        for button, kind in (
            (self.csv_button, vm.ExportKind.CSV),
            (self.xlsx_button, vm.ExportKind.XLSX),
            (self.pdf_button, vm.ExportKind.PDF),
        ):
            button.clicked.connect(lambda _checked=False, k=kind: self.export(k))
            bar.addWidget(button)
        return bar

    def _build_charts(self) -> QWidget:
        charts = QWidget(self)
        row = QHBoxLayout(charts)
        row.setContentsMargins(0, 0, 0, 0)
        self.daily = DailyChart(charts)
        row.addWidget(self.daily, 3)
        bars = QVBoxLayout()
        self.group_by = QComboBox(charts)
        self.group_by.addItem("", "account")
        self.group_by.addItem("", "language")
        self.group_by.currentIndexChanged.connect(self._show_bars)
        switch = QHBoxLayout()
        switch.addWidget(self.group_by)
        switch.addStretch(1)
        bars.addLayout(switch)
        self.bars = BarChart(charts)
        bars.addWidget(self.bars, 1)
        row.addLayout(bars, 2)
        heat = QVBoxLayout()
        top = QHBoxLayout()
        self.heat_title = QLabel(charts)
        self.heat_title.setStyleSheet("font-weight: 600;")
        self.heat_account = QComboBox(charts)
        self.heat_account.currentIndexChanged.connect(self.refresh_heat)
        top.addWidget(self.heat_title)
        top.addWidget(self.heat_account, 1)
        heat.addLayout(top)
        self.heatmap = Heatmap(charts)
        heat.addWidget(self.heatmap, 1)
        self.advice = QLabel(charts)
        self.advice.setWordWrap(True)
        self.basis = QLabel(charts)
        self.basis.setWordWrap(True)
        self.basis.setStyleSheet("color: #6b7280;")
        heat.addWidget(self.advice)
        heat.addWidget(self.basis)
        row.addLayout(heat, 3)
        return charts

    def _build_table(self) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.count_label = QLabel(box)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        self.history_button = QPushButton(box)
        self.history_button.clicked.connect(self.open_history)
        bar.addWidget(self.history_button)
        self.open_button = QPushButton(box)
        self.open_button.clicked.connect(self.open_in_browser)
        bar.addWidget(self.open_button)
        column.addLayout(bar)
        self.model = EngagementModel(self, zone=self.zone)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(box)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PUBLISHED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)  # dense: a desk reads many
        # Interactive, not fitted to contents: fitting measures every row on each refresh (see the queue).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(95)  # the figures
        for section, width in enumerate((150, 200, 70)):  # published, account, language
            header.resizeSection(section, width)
        header.setStretchLastSection(True)  # the post's text
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.activated.connect(lambda _index: self.open_history())  # Enter or a double click
        column.addWidget(self.table, 1)
        return box

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language); what is chosen stays chosen."""
        self.filters.retranslate()
        self.summary.retranslate()
        self.heatmap.retranslate()
        self.csv_button.setText(self.tr("Export CSV..."))
        self.xlsx_button.setText(self.tr("Export XLSX..."))
        self.pdf_button.setText(self.tr("PDF report..."))
        self.csv_button.setToolTip(self.tr("Save the table of posts as a CSV file"))
        self.xlsx_button.setToolTip(self.tr("Save the table of posts and the breakdowns as a spreadsheet"))
        self.pdf_button.setToolTip(self.tr("Save a report for managers, for the period and filters chosen"))
        self.group_by.setItemText(0, self.tr("By account"))
        self.group_by.setItemText(1, self.tr("By language"))
        self.heat_title.setText(self.tr("Best time to post"))
        self.history_button.setText(self.tr("History..."))
        self.history_button.setToolTip(self.tr("The selected post's figures over time, and in its other languages"))
        self.open_button.setText(self.tr("Open in browser"))
        self.open_button.setToolTip(self.tr("Show the selected post on its platform"))
        retranslate_model(self.model)
        self._show_dashboard()
        self._show_heat()

    def title(self) -> str:
        """The sidebar's name for the screen."""
        return self.tr("Engagement")

    # --- the dashboard ------------------------------------------------------------------------------

    def _today(self) -> date:
        return timeutil.now_utc().astimezone(self.zone).date()

    def scope(self) -> Scope:
        """The scope the filters select now (a :class:`UserError` for impossible dates)."""
        return self.filters.filters().scope(self._today(), self.zone)

    def refresh(self) -> None:
        """Load the dashboard for the filters, in the background; an older load still running is dropped."""
        self._generation += 1
        try:
            scope = self.scope()
        except UserError as error:
            self.message.say_error(error)
            return
        generation, store, zone = self._generation, self.ctx.store, vm.zone_name(self.zone)
        self.ctx.op(lambda _progress: vm.load_dashboard(store, scope, zone)).success(
            lambda dashboard: self._loaded(generation, dashboard)
        ).failure(lambda sentence: self._failed(generation, sentence)).run()
        self.refresh_comments(scope)

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        # Comments alone (collected, or read in Feedback) change only the tile: the charts stay.
        if initiator is not self and changes & self.shows == COMMENTS and self.isVisible():
            with contextlib.suppress(UserError):  # impossible dates: the filters already say so
                self.refresh_comments(self.scope())
            return
        super()._on_changed(changes, initiator)

    def refresh_comments(self, scope: Scope) -> None:
        """Count the comments ``scope`` covers, in the background, for the tile beside the table."""
        self._comments_generation += 1
        generation, store = self._comments_generation, self.ctx.store
        self.ctx.op(lambda _progress: feedback_vm.load_counts(store, scope)).success(
            lambda counts: self._comments_counted(generation, counts)
        ).failure(lambda sentence: self._failed(self._generation, sentence)).run()

    def _comments_counted(self, generation: int, counts: CommentCounts) -> None:
        if generation == self._comments_generation:
            self.comments.show_counts(counts)
            self.comments_loaded.emit()

    def _failed(self, generation: int, sentence: str) -> None:
        if generation == self._generation:
            self.message.say(sentence, problem=True)

    def _loaded(self, generation: int, dashboard: vm.Dashboard) -> None:
        if generation != self._generation:
            return
        chosen = self.selected()
        self.filters.offer(dashboard.accounts)
        self._offer_heat_accounts(dashboard)
        self.dashboard = dashboard
        self.model.set_rows(dashboard.variants)
        self._show_dashboard()
        if chosen is not None:
            self.select(chosen.variant_id)
        self._on_selection()
        self.message.clear_problem()
        self.loaded.emit()
        self.refresh_heat()

    def _show_dashboard(self) -> None:
        dashboard = self.dashboard
        if dashboard is None:
            return
        self.summary.show_tiles(vm.tiles(dashboard.current, dashboard.previous))
        self.count_label.setText(self.tr("{0} published").format(len(dashboard.variants)))
        self.daily.show_points(vm.daily_points(dashboard.daily), self.tr("Engagements gained per day"))
        self._show_bars()
        lines = [
            self.tr("Engagement figures of {0} ({1} posts) cannot be read: {2}").format(
                item.account_name, item.variants, item.last_error or ""
            )
            for item in dashboard.failing
        ]
        self.metrics_label.setText("\n".join(lines))
        self.metrics_label.setVisible(bool(lines))

    def _show_bars(self) -> None:
        dashboard = self.dashboard
        if dashboard is None:
            return
        if self.group_by.currentData() == "language":
            rows, title = dashboard.by_language, self.tr("Engagements by language")
        else:
            rows, title = dashboard.by_account, self.tr("Engagements by account")
        self.bars.show_points(vm.bar_points(rows), title, self.tr("Engagements"))

    # --- the heatmap --------------------------------------------------------------------------------

    def _offer_heat_accounts(self, dashboard: vm.Dashboard) -> None:
        wanted = set(dashboard.scope.account_ids)
        shown = [a for a in dashboard.accounts if not wanted or a.id in wanted]
        shown = [a for a in shown if not dashboard.scope.platforms or a.platform in dashboard.scope.platforms]
        shown = [a for a in shown if not dashboard.scope.languages or a.language in dashboard.scope.languages]
        chosen = self.heat_account.currentData()
        if chosen is None and dashboard.variants:  # the account with the most posts in the period
            counts: dict[int, int] = {}
            for row in dashboard.variants:
                counts[row.account_id] = counts.get(row.account_id, 0) + 1
            chosen = max(counts, key=lambda account_id: counts[account_id])
        self.heat_account.blockSignals(True)  # refilling is not the person choosing
        self.heat_account.clear()
        for account in shown:
            self.heat_account.addItem(f"{account.name} ({account.timezone})", account.id)
        index = self.heat_account.findData(chosen)
        self.heat_account.setCurrentIndex(index if index >= 0 else (0 if shown else -1))
        self.heat_account.blockSignals(False)

    def refresh_heat(self) -> None:
        """Load the chosen account's hour-by-weekday history, in the background."""
        self._heat_generation += 1
        account_id = self.heat_account.currentData()
        if account_id is None:
            self.best = None
            self._show_heat()
            return
        generation, store = self._heat_generation, self.ctx.store
        self.ctx.op(lambda _progress: vm.load_best_time(store, int(account_id))).success(
            lambda best: self._heat_loaded(generation, best)
        ).failure(lambda sentence: self._failed_heat(generation, sentence)).run()

    def _failed_heat(self, generation: int, sentence: str) -> None:
        if generation == self._heat_generation:
            self.best = None
            self.heatmap.show_heat(None)
            self.advice.setText(sentence)

    def _heat_loaded(self, generation: int, best: BestTime) -> None:
        if generation != self._heat_generation:
            return
        self.best = best
        self._show_heat()
        self.heat_loaded.emit()

    def _show_heat(self) -> None:
        best = self.best
        if best is None:
            self.heatmap.show_heat(None)
            self.advice.setText(self.tr("Choose an account to see when its posts did best."))
            self.basis.setText("")
            return
        self.heatmap.show_heat(vm.heat(best))
        if best.advice and best.best:
            days = [self.heatmap.day_name(cell.weekday) for cell in best.best[:3]]
            slots = ", ".join(f"{day} {cell.hour:02d}:00" for day, cell in zip(days, best.best[:3], strict=True))
            self.advice.setText(self.tr("Best hours ({0}): {1}").format(best.zone, slots))
        else:
            self.advice.setText(best.reason or self.tr("Not enough history for advice yet."))
        self.basis.setText(best.basis)

    # --- the table ----------------------------------------------------------------------------------

    def selected(self) -> VariantFigures | None:
        """The row selected, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def select(self, variant_id: int) -> bool:
        """Select the row of ``variant_id``; False when it is not shown."""
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).variant_id == variant_id:
                self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
                return True
        return False

    def _on_selection(self, *_args: object) -> None:
        row = self.selected()
        self.open_button.setEnabled(row is not None and bool(row.remote_url))
        self.history_button.setEnabled(row is not None)

    def open_in_browser(self) -> None:
        """Show the selected post on its platform."""
        row = self.selected()
        if row is not None and row.remote_url:
            self.open_url(QUrl(row.remote_url))

    def open_history(self) -> None:
        """Show the selected variant's figures over time and its post across languages and accounts."""
        row = self.selected()
        if row is None:
            return
        if self.history is not None:
            self.history.close()
        dialog = VariantHistoryDialog(row, self, zone=self.zone)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._forget_history(dialog))
        self.history = dialog
        store = self.ctx.store
        self.ctx.op(lambda _progress: vm.load_history(store, row.variant_id, row.post_id)).success(
            dialog.show_history
        ).failure(lambda sentence: self.message.say(sentence, problem=True)).run()
        dialog.show()

    def _forget_history(self, dialog: VariantHistoryDialog) -> None:
        if self.history is dialog:
            self.history = None

    # --- exports ------------------------------------------------------------------------------------

    def _ask_path(self, kind: vm.ExportKind, suggested: str) -> str:
        filters = {
            vm.ExportKind.CSV: self.tr("CSV files (*.csv)"),
            vm.ExportKind.XLSX: self.tr("Excel workbooks (*.xlsx)"),
            vm.ExportKind.PDF: self.tr("PDF documents (*.pdf)"),
        }
        path, _chosen = QFileDialog.getSaveFileName(self, self.tr("Export"), suggested, filters[kind])
        return path

    def export(self, kind: vm.ExportKind) -> None:
        """Ask where, then write the table or the report for the current filters in the background."""
        try:
            scope = self.scope()
        except UserError as error:
            self.message.say_error(error)
            return
        suggested = f"engagement-{scope.since.date().isoformat()}.{kind.value}"
        chosen = self.ask_path(kind, suggested)
        if not chosen:
            return
        path, store, zone = vm.export_path(chosen, kind), self.ctx.store, vm.zone_name(self.zone)
        self.message.say(self.tr("Writing {0}...").format(path.name))
        self.ctx.op(lambda _progress: vm.export(store, scope, kind, path, zone)).success(
            lambda written: self._exported(str(written))
        ).failure(self._export_failed).run()

    def _exported(self, path: str) -> None:
        self.message.say(self.tr("Saved {0}").format(path))
        self.exported.emit(path)

    def _export_failed(self, sentence: str) -> None:
        self.message.say(self.tr("Export failed: {0}").format(sentence), problem=True)
        self.exported.emit("")
