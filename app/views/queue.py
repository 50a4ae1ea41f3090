"""The Queue screen: every variant, filtered, with why a failed one failed and what to do about it.

Rows are read by one background operation (the rows, how many match, the accounts for the
filters, the accounts whose metrics are failing) and shown through :class:`QueueModel`. Every
action is a service call in an operation: retry is "publish now" (network: never on the GUI
thread), cancel stops this account's version only, reschedule picks a time on the account's clock.
"Waiting for me" lists what waits for the person's approval (or, for an officer, correction);
submit, approve and reject (with a comment) go through :mod:`app.viewmodels.approval`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from app.changes import POSTS, Changes
from app.context import AppContext
from app.i18n import Retranslatable, retranslate_model
from app.models import when
from app.models.queue_model import QueueModel, QueueSnapshot, load_queue
from app.qt import (
    QAbstractItemView,
    QDesktopServices,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.viewmodels import approval
from app.views.base import Page
from app.widgets.queue_filters import QueueFilters
from app.widgets.reject_dialog import RejectDialog
from app.widgets.reschedule_dialog import RescheduleDialog
from app.widgets.variant_panel import VariantPanel
from core import timeutil
from core.queries.queue import QueueRow
from core.services import posts, variants
from scheduler import services as scheduler_services
from scheduler.publisher import Outcome

#: Rows one load shows; "N of M" says when more match.
LIMIT = 1000


class QueuePage(Retranslatable, Page):
    """The Queue screen."""

    key = "queue"
    shows = Changes(posts=True, accounts=True, engagement=True)

    #: Emitted after each load is on screen (tests wait on it).
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, zone: when.Zone = None) -> None:
        super().__init__(ctx, parent)
        self.zone = zone if zone is not None else when.officer_zone()
        self._generation = 0
        self.snapshot: QueueSnapshot | None = None  # the load on screen
        #: Asks the person a yes/no question (a test answers it instead).
        self.confirm: Callable[[str], bool] = self._confirm_with_box
        #: Asks for a new time for a row: ``(naive local, fold)`` or ``None`` (a test answers it instead).
        self.ask_time: Callable[[QueueRow, str], tuple[datetime, timeutil.FoldChoice | None] | None] = (
            self._ask_time_with_dialog
        )
        #: Asks why a row is rejected: the comment, or ``None`` (a test answers it instead).
        self.ask_comment: Callable[[QueueRow], str | None] = self._ask_comment_with_dialog
        #: Opens a web address (a test records it instead).
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.filters = QueueFilters(self)
        self.filters.changed.connect(self.refresh)
        top.addWidget(self.filters)
        top.addStretch(1)
        self.count_label = QLabel(self)
        top.addWidget(self.count_label)
        layout.addLayout(top)
        self.metrics_label = QLabel(self)
        self.metrics_label.setWordWrap(True)
        self.metrics_label.setStyleSheet("background: #fef3c7; color: #78350f; padding: 4px;")
        self.metrics_label.hide()
        layout.addWidget(self.metrics_label)
        self.model = QueueModel(self, zone=self.zone)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)  # dense: a desk reads many
        header = self.table.horizontalHeader()
        # Fixed widths the person may drag: fitting to contents measures every row on each refresh,
        # which stalled the GUI thread for hundreds of milliseconds while posts were publishing.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((190, 210, 80, 110)):  # when, account, language, status
            header.resizeSection(column, width)
        header.setStretchLastSection(True)  # the text takes the rest
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        layout.addWidget(self.table, 1)
        self.panel = VariantPanel(self)
        self.panel.retry_requested.connect(self.retry)
        self.panel.cancel_requested.connect(self.cancel)
        self.panel.reschedule_requested.connect(self.reschedule)
        self.panel.open_requested.connect(self.open_in_browser)
        self.panel.accounts_requested.connect(self._go_to_accounts)
        self.panel.submit_requested.connect(self.submit_for_approval)
        self.panel.approve_requested.connect(self.approve)
        self.panel.reject_requested.connect(self.reject)
        layout.addWidget(self.panel)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language): the counts, the warnings, the table's words."""
        self._show_counts()
        retranslate_model(self.model)
        self._on_selection()

    def _show_counts(self) -> None:
        snapshot = self.snapshot
        if snapshot is not None:
            self.count_label.setText(self.tr("{0} of {1}").format(len(snapshot.rows), snapshot.total))
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
        return self.tr("Queue")

    # --- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the rows the filters select, in the background."""
        try:
            today = when.officer_time(timeutil.now_utc(), self.zone).date()
            flt = self.filters.current(today, self.zone)
        except (ValueError, OverflowError):  # the last day a date edit allows has no day after it
            self.ctx.hub.error.emit(self.tr("Pick an end date before the year 9999."))
            return
        self._generation += 1
        generation, store, waiting = self._generation, self.ctx.store, self.filters.waiting_only()
        self.ctx.op(lambda _progress: load_queue(store, flt, LIMIT, waiting=waiting)).success(
            lambda snapshot: self._show(generation, snapshot)
        ).run()

    def _show(self, generation: int, snapshot: QueueSnapshot) -> None:
        if generation != self._generation:  # a later load is on its way: this one is out of date
            return
        chosen = self.selected()
        self.filters.set_accounts(snapshot.accounts)
        self.model.set_rows(snapshot.rows, {a.id: a.timezone for a in snapshot.accounts})
        self.snapshot = snapshot
        self._show_counts()
        if chosen is not None:
            self.select(chosen.variant_id)
        self._on_selection()
        self.loaded.emit()

    # --- selection ----------------------------------------------------------------------------

    def selected(self) -> QueueRow | None:
        """The row selected, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, variant_id: int) -> bool:
        """Select the row of ``variant_id``; False when it is not shown."""
        row = self.model.row_of(variant_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def _on_selection(self, *_args: object) -> None:
        row = self.selected()
        user = self.snapshot.user if self.snapshot is not None else None
        self.panel.show_row(row, self.model.status_label(row.status) if row else "", user)

    # --- actions ------------------------------------------------------------------------------

    def retry(self, confirmed_absent: bool = False) -> None:
        """Publish the selected variant now (``confirmed_absent``: the person checked the platform)."""
        row = self.selected()
        if row is None:
            return
        store, variant_id = self.ctx.store, row.variant_id
        self.ctx.op(
            lambda _progress: scheduler_services.publish_now(store, variant_id, confirmed_absent=confirmed_absent),
            changes=POSTS,
            initiator=self,
        ).success(self._published).run()

    def _published(self, outcome: Outcome | None) -> None:
        if outcome is None:
            self.ctx.hub.notice.emit("info", self.tr("Another publisher took this post first; its result will show."))
        self.refresh()

    def cancel(self) -> None:
        """Cancel the selected variant (this account's version only), after asking."""
        row = self.selected()
        if row is None:
            return
        question = self.tr("Cancel the post to {0}? The post's other accounts keep theirs.").format(row.account_name)
        if not self.confirm(question):
            return
        store, variant_id = self.ctx.store, row.variant_id
        self.ctx.op(
            lambda _progress: variants.cancel_variant(store, variant_id), changes=POSTS, initiator=self
        ).success(lambda _variant: self.refresh()).run()

    def reschedule(self) -> None:
        """Ask for a new time on the account's clock and schedule the selected variant there."""
        row = self.selected()
        if row is None:
            return
        chosen = self.ask_time(row, self.model.zone_of(row))
        if chosen is None:
            return
        local, fold = chosen
        store, post_id, account = self.ctx.store, row.post_id, row.account_name
        self.ctx.op(
            lambda _progress: posts.schedule_post(store, post_id, local, fold=fold, accounts=[account]),
            changes=POSTS,
            initiator=self,
        ).success(lambda _post: self.refresh()).run()

    def submit_for_approval(self) -> None:
        """Send the selected variant for approval."""
        row = self.selected()
        if row is None:
            return
        store, variant_id = self.ctx.store, row.variant_id
        self.ctx.op(lambda _progress: approval.submit(store, [variant_id]), changes=POSTS, initiator=self).success(
            lambda _count: self.refresh()
        ).run()

    def approve(self) -> None:
        """Approve the selected variant (it can then be scheduled)."""
        row = self.selected()
        if row is None:
            return
        store, variant_id = self.ctx.store, row.variant_id
        self.ctx.op(lambda _progress: approval.approve(store, variant_id), changes=POSTS, initiator=self).success(
            lambda _count: self.refresh()
        ).run()

    def reject(self) -> None:
        """Ask why, then send the selected variant back to its author with that comment."""
        row = self.selected()
        if row is None:
            return
        comment = self.ask_comment(row)
        if comment is None:
            return
        store, variant_id = self.ctx.store, row.variant_id
        self.ctx.op(
            lambda _progress: approval.reject(store, variant_id, comment), changes=POSTS, initiator=self
        ).success(lambda _count: self.refresh()).run()

    def open_in_browser(self) -> None:
        """Show the selected published post on its platform."""
        row = self.selected()
        if row is not None and row.remote_url:
            self.open_url(QUrl(row.remote_url))

    def _go_to_accounts(self) -> None:
        go = getattr(self.window(), "go", None)
        if callable(go):
            go("accounts")

    def _confirm_with_box(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Cancel"), question)
        return answer == QMessageBox.StandardButton.Yes

    def _ask_comment_with_dialog(self, row: QueueRow) -> str | None:
        dialog = RejectDialog(row.account_name, parent=self)
        if dialog.exec() != RejectDialog.DialogCode.Accepted:
            return None
        return dialog.text()

    def _ask_time_with_dialog(
        self, row: QueueRow, zone_name: str
    ) -> tuple[datetime, timeutil.FoldChoice | None] | None:
        initial = when.account_local(row, zone_name) or timeutil.utc_to_local(timeutil.now_utc(), zone_name).replace(
            tzinfo=None, second=0, microsecond=0
        )
        dialog = RescheduleDialog(row.account_name, zone_name, initial, officer_zone=self.zone, parent=self)
        if dialog.exec() != RescheduleDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()
