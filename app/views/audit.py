"""The Audit screen: who created, edited, approved, published, cancelled or deleted what, and when.

Filters (a period on the officer's calendar, a person, an action, a kind of entity and its id,
words in the details) make one :class:`core.queries.audit.AuditFilter`; one background read
(:func:`app.viewmodels.audit.load`) fills the table with the newest page and the filter lists
with the people, actions and kinds in the trail; "Load more" reads the next page. "Export CSV..."
writes every event the filters select, in the background. A newer load always wins (each carries
a generation). The screen reloads after any change that the services audit: posts, accounts,
the glossary, the settings (users and groups).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from app.changes import Changes
from app.context import AppContext
from app.i18n import Retranslatable, retranslate_model
from app.models import when
from app.models.audit_model import WHAT, WHEN, WHICH, WHO, AuditModel, action_label, entity_label
from app.qt import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.viewmodels import audit as vm
from app.views.base import Page
from app.widgets.filter_lists import FilterLists
from app.widgets.message_line import MessageLine
from app.widgets.paged_loads import PagedLoads
from app.widgets.period_filter import PeriodFilterBar
from core.errors import UserError
from core.queries.audit import PAGE_SIZE, AuditFilter, Cursor, EventPage


class AuditPage(FilterLists, PagedLoads[AuditFilter, vm.Loaded, EventPage, Cursor], Retranslatable, Page):
    """The Audit screen."""

    key = "audit"
    shows = Changes(posts=True, accounts=True, glossary=True, settings=True)

    #: Emitted after each load (or next page) is on screen.
    loaded = Signal()
    #: Emitted with the file written, or ``""`` after a failed export.
    exported = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, zone: when.Zone = None) -> None:
        super().__init__(ctx, parent)
        self.zone = zone if zone is not None else when.officer_zone()
        self._total = 0
        #: Events per page (a test makes pages small).
        self.page_size = PAGE_SIZE
        #: Asks where to export (a test answers instead); ``""`` when the person cancelled.
        self.ask_path: Callable[[str], str] = self._ask_path
        self._build_typing()
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        layout.addLayout(self._build_search())
        self.message = MessageLine(self)
        layout.addWidget(self.message)
        self.model = AuditModel(self, zone=self.zone)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a worker's long name keeps both ends
        header = self.table.horizontalHeader()
        for column in (WHEN, WHAT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((WHO, 170), (WHICH, 420)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setStretchLastSection(True)  # the details
        layout.addWidget(self.table, 1)
        layout.addLayout(self._build_footer())
        self.retranslate()

    # --- building -----------------------------------------------------------------------------------

    def _build_filters(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.period_bar = PeriodFilterBar(self, zone=self.zone, preset=vm.Preset.LAST_30_DAYS)
        # The bar's parts under the names the tests (and the label's wording below) use.
        self.period_label, self.period = self.period_bar.label, self.period_bar.period
        self.first, self.last = self.period_bar.first, self.period_bar.last
        self.actor = QComboBox(self)
        self.action = QComboBox(self)
        self.entity = QComboBox(self)
        for box in (self.actor, self.action, self.entity):
            box.addItem("", "")
            # A worker's name is long: the list opens wide enough, the box stays narrow.
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(16)
            box.currentIndexChanged.connect(self._on_choice)
        self.period_bar.changed.connect(self.refresh)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export)
        for widget in (self.period_bar, self.actor, self.action, self.entity):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        return bar

    def _build_search(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.entity_id = QLineEdit(self)
        self.entity_id.setMaximumWidth(110)
        self.entity_id.setClearButtonEnabled(True)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        for edit in (self.entity_id, self.search):
            edit.textChanged.connect(lambda _text: self._typing.start())
            edit.returnPressed.connect(self.refresh)
        row.addWidget(self.entity_id)
        row.addWidget(self.search, 1)
        return row

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language); what is chosen stays chosen."""
        self.period_label.setText(self.tr("Period"))
        self.actor.setItemText(0, self.tr("Everyone"))
        self.action.setItemText(0, self.tr("Any action"))
        self.entity.setItemText(0, self.tr("Anything"))
        for row in range(1, self.action.count()):
            self.action.setItemText(row, action_label(str(self.action.itemData(row))))
        for row in range(1, self.entity.count()):
            self.entity.setItemText(row, entity_label(str(self.entity.itemData(row))))
        self.entity_id.setPlaceholderText(self.tr("Id"))
        self.entity_id.setToolTip(self.tr("Only the events of this post, variant or account number"))
        self.search.setPlaceholderText(self.tr("Search the details"))
        self.export_button.setText(self.tr("Export CSV..."))
        self.export_button.setToolTip(self.tr("Save every event the filters select as a CSV file"))
        self.more_button.setText(self.tr("Load more"))
        retranslate_model(self.model)
        self._show_count()

    def title(self) -> str:
        """The sidebar's name for the screen."""
        return self.tr("Audit")

    # --- filters --------------------------------------------------------------------------------------

    def _today(self) -> date:
        return self.period_bar.today()

    def filters(self) -> vm.Filters:
        """The choices above the list."""
        typed_id = self.entity_id.text().strip()
        period = self.period_bar.choice()
        return vm.Filters(
            preset=period.preset,
            first=period.first,
            last=period.last,
            actor=str(self.actor.currentData() or "") or None,
            action=str(self.action.currentData() or "") or None,
            entity=str(self.entity.currentData() or "") or None,
            entity_id=int(typed_id) if typed_id.isdigit() else None,
            text=self.search.text(),
        )

    def query(self) -> AuditFilter:
        """The query the filters select now (a :class:`UserError` for impossible dates)."""
        return self.filters().query(self._today(), self.zone)

    def set_preset(self, preset: vm.Preset) -> None:
        """Choose a period (as the person would)."""
        self.period_bar.set_preset(preset)

    def _offer_names(self, box: QComboBox, values: list[str], label: Callable[[str], str]) -> None:
        """Refill a list after its "any" entry, sorted; the choice stays even when the trail no longer holds it."""
        chosen = str(box.currentData() or "")
        self._offer(box, [(label(value), value) for value in sorted({*values, *([chosen] if chosen else [])})], 1)

    # --- loading --------------------------------------------------------------------------------------

    def _read(self, flt: AuditFilter) -> Callable[[], vm.Loaded]:
        store, size = self.ctx.store, self.page_size
        return lambda: vm.load(store, flt, size)

    def _read_more(self, flt: AuditFilter, after: Cursor) -> Callable[[], EventPage]:
        store, size = self.ctx.store, self.page_size
        return lambda: vm.load_more(store, flt, after, size)

    def _loaded(self, generation: int, flt: AuditFilter, loaded: vm.Loaded) -> None:
        if self._stale(generation):
            return
        self._offer_names(self.actor, loaded.actors, lambda name: name)
        self._offer_names(self.action, loaded.actions, action_label)
        self._offer_names(self.entity, loaded.entities, entity_label)
        self._query, self._total = flt, loaded.total
        self.model.set_rows(loaded.page.rows)
        self._next = loaded.page.next
        self._show_count()
        self.message.clear_problem()
        self.loaded.emit()

    def _more(self, generation: int, page: EventPage) -> None:
        if self._stale(generation):
            return
        self.model.append_rows(page.rows)
        self._next = page.next
        self._show_count()
        self.loaded.emit()

    def _show_count(self) -> None:
        shown = self.model.rowCount()
        if not shown:
            self.count_label.setText(self.tr("No events for these filters."))
        else:
            self.count_label.setText(self.tr("Showing {0} of {1} events, newest first").format(shown, self._total))
        self.more_button.setEnabled(self._next is not None)

    # --- export ---------------------------------------------------------------------------------------

    def _ask_path(self, suggested: str) -> str:
        path, _chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit trail"), suggested, self.tr("CSV files (*.csv)")
        )
        return path

    def export(self) -> None:
        """Ask where, then write every event the filters select as CSV, in the background."""
        try:
            flt = self.query()
        except UserError as error:
            self.message.say_error(error)
            return
        chosen = self.ask_path(vm.suggested_name(self._today()))
        if not chosen:
            return
        path, store, zone = vm.export_path(chosen), self.ctx.store, vm.zone_name(self.zone)
        self.message.say(self.tr("Writing {0}...").format(path.name))
        self.ctx.op(lambda _progress: vm.export(store, flt, path, zone)).success(self._exported).failure(
            self._export_failed
        ).run()

    def _exported(self, result: tuple[Path, int]) -> None:
        path, count = result
        self.message.say(self.tr("Saved {0} events to {1}").format(count, path))
        self.exported.emit(str(path))

    def _export_failed(self, sentence: str) -> None:
        self.message.say(self.tr("Export failed: {0}").format(sentence), problem=True)
        self.exported.emit("")
