"""The Engagement screen: what each published variant reached, by account and language.

One background read (:func:`app.models.engagement_model.load_engagement`) fills a sortable
table of the latest figures; the screen reloads when the poller brings new ones
(``Changes.engagement``) or something is published (``Changes.posts``). Blank means "not known
yet", never zero.
"""

from __future__ import annotations

from collections.abc import Callable

from app.changes import Changes
from app.context import AppContext
from app.i18n import Retranslatable, retranslate_model
from app.models import when
from app.models.engagement_model import PUBLISHED, SORT_ROLE, EngagementModel, EngagementSnapshot, load_engagement
from app.qt import (
    QAbstractItemView,
    QComboBox,
    QDesktopServices,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSortFilterProxyModel,
    Qt,
    QTableView,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.views.base import Page
from core.domain import Account
from core.queries.engagement import PublishedEngagement


class EngagementPage(Retranslatable, Page):
    """The Engagement screen."""

    key = "engagement"
    shows = Changes(posts=True, accounts=True, engagement=True)

    #: Emitted after each load is on screen (tests wait on it).
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, zone: when.Zone = None) -> None:
        super().__init__(ctx, parent)
        self.zone = zone if zone is not None else when.officer_zone()
        self._generation = 0
        self.snapshot: EngagementSnapshot | None = None  # the load on screen
        #: Opens a web address (a test records it instead).
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.account = QComboBox(self)
        self.account.addItem("", None)
        self.language = QComboBox(self)
        self.language.addItem("", None)
        self.account_label = QLabel(self)
        self.language_label = QLabel(self)
        for label, box in ((self.account_label, self.account), (self.language_label, self.language)):
            bar.addWidget(label)
            bar.addWidget(box)
            box.currentIndexChanged.connect(self.refresh)
        bar.addStretch(1)
        self.count_label = QLabel(self)
        bar.addWidget(self.count_label)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self.open_in_browser)
        bar.addWidget(self.open_button)
        layout.addLayout(bar)
        self.metrics_label = QLabel(self)
        self.metrics_label.setWordWrap(True)
        self.metrics_label.setStyleSheet("background: #fef3c7; color: #78350f; padding: 4px;")
        self.metrics_label.hide()
        layout.addWidget(self.metrics_label)
        self.model = EngagementModel(self, zone=self.zone)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PUBLISHED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)  # dense: a desk reads many
        # Interactive, not fitted to contents: fitting measures every row on each refresh (see the queue).
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header = self.table.horizontalHeader()
        header.setDefaultSectionSize(105)  # the figures
        for column, width in enumerate((170, 260, 80)):  # published, account, language
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(lambda _index: self.open_in_browser())
        layout.addWidget(self.table, 1)
        self.retranslate()
        self._on_selection()

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language); what is chosen stays chosen."""
        self.account.setItemText(0, self.tr("All accounts"))
        self.language.setItemText(0, self.tr("All languages"))
        self.account_label.setText(self.tr("Account"))
        self.language_label.setText(self.tr("Language"))
        self.open_button.setText(self.tr("Open in browser"))
        self.open_button.setToolTip(self.tr("Show the selected post on its platform"))
        self._show_counts()
        retranslate_model(self.model)

    def _show_counts(self) -> None:
        snapshot = self.snapshot
        if snapshot is None:
            return
        self.count_label.setText(self.tr("{0} published").format(len(snapshot.rows)))
        lines = [
            self.tr("Engagement figures of {0} ({1} posts) cannot be read: {2}").format(
                item.account_name, item.variants, item.last_error or ""
            )
            for item in snapshot.failing
        ]
        self.metrics_label.setText("\n".join(lines))
        self.metrics_label.setVisible(bool(lines))

    def title(self) -> str:
        """The sidebar's name for the screen."""
        return self.tr("Engagement")

    def refresh(self) -> None:
        """Load the published variants the filters select, in the background."""
        account, language = self.account.currentData(), self.language.currentData()
        account_ids = [] if account is None else [int(account)]
        languages = [] if language is None else [str(language)]
        self._generation += 1
        generation, store = self._generation, self.ctx.store
        self.ctx.op(lambda _progress: load_engagement(store, account_ids, languages)).success(
            lambda snapshot: self._show(generation, snapshot)
        ).run()

    def _show(self, generation: int, snapshot: EngagementSnapshot) -> None:
        if generation != self._generation:
            return
        chosen = self.selected()
        self._offer(snapshot.accounts)
        self.model.set_rows(snapshot.rows)
        self.snapshot = snapshot
        self._show_counts()
        if chosen is not None:
            self.select(chosen.variant_id)
        self._on_selection()
        self.loaded.emit()

    def _offer(self, accounts: list[Account]) -> None:
        for box, items in (
            (self.account, [(f"{a.name} ({a.platform})", a.id) for a in accounts]),
            (self.language, [(code, code) for code in sorted({a.language for a in accounts})]),
        ):
            chosen = box.currentData()
            box.blockSignals(True)  # refilling is not the person choosing: no reload
            while box.count() > 1:
                box.removeItem(1)
            for text, data in items:
                box.addItem(text, data)
            box.setCurrentIndex(max(box.findData(chosen), 0) if chosen is not None else 0)
            box.blockSignals(False)

    def selected(self) -> PublishedEngagement | None:
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

    def open_in_browser(self) -> None:
        """Show the selected post on its platform."""
        row = self.selected()
        if row is not None and row.remote_url:
            self.open_url(QUrl(row.remote_url))
