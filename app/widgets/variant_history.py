"""One published variant over time, and the same post across its languages and accounts.

The page loads :class:`app.viewmodels.engagement.History` in the background and hands it here.
"""

from __future__ import annotations

from app.i18n import Retranslatable
from app.models import when
from app.models.engagement_model import ENGAGEMENTS, SORT_ROLE, EngagementModel
from app.qt import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSortFilterProxyModel,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from app.viewmodels.engagement import History, history_points
from app.widgets.engagement_charts import HistoryChart
from core.queries.analytics import VariantFigures
from core.queries.engagement import METRICS


class VariantHistoryDialog(Retranslatable, QDialog):
    """The chart of a variant's readings above the table of its post's other variants."""

    def __init__(self, variant: VariantFigures, parent: QWidget | None = None, *, zone: when.Zone = None) -> None:
        super().__init__(parent)
        self.variant = variant
        self.history: History | None = None
        self.resize(900, 620)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.heading)
        self.chart = HistoryChart(self)
        layout.addWidget(self.chart, 3)
        self.compare_label = QLabel(self)
        layout.addWidget(self.compare_label)
        self.siblings = EngagementModel(self, zone=zone)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.siblings)
        proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ENGAGEMENTS, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setDefaultSectionSize(80)
        for section, width in enumerate((130, 180, 60)):  # published, account, language
            self.table.horizontalHeader().resizeSection(section, width)
        layout.addWidget(self.table, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language)."""
        variant = self.variant
        self.setWindowTitle(self.tr("Post history"))
        self.heading.setText(
            self.tr("{0} ({1}), {2}: {3}").format(
                variant.account_name, variant.platform, variant.language, " ".join(variant.text.split())[:200]
            )
        )
        self.compare_label.setText(self.tr("The same post in its other languages and accounts"))
        self.show_history(self.history)

    def show_history(self, history: History | None) -> None:
        """Draw the readings and fill the comparison (``None``: still loading)."""
        self.history = history
        if history is None:
            return
        names = {
            "engagements": self.tr("Engagements"),
            "reactions": self.tr("Reactions"),
            "shares": self.tr("Shares"),
            "replies": self.tr("Replies"),
            "impressions": self.tr("Impressions (right axis)"),
            "clicks": self.tr("Clicks"),
        }
        lines = [(names[m], history_points(history.series, m)) for m in ("engagements", *METRICS)]
        title = (
            self.tr("Figures over time ({0} readings)").format(len(history.series))
            if history.series
            else self.tr("No readings yet: the first figures come about ten minutes after publishing.")
        )
        shown = [(name, points) for name, points in lines if points]
        self.chart.show_lines(shown, title, right={names["impressions"]})  # far larger than the rest
        self.siblings.set_rows(history.siblings)
