"""The Engagement screen's filters: a period (presets or two dates), accounts, languages, platforms.

The bar only collects choices into :class:`app.viewmodels.engagement.Filters`; what a period
means in UTC is the view model's business.
"""

from __future__ import annotations

from datetime import date

from app.qt import QComboBox, QDate, QDateEdit, QHBoxLayout, QLabel, QWidget, Signal
from app.viewmodels.engagement import Filters, Preset
from app.widgets.check_combo import CheckCombo
from core.domain import Account


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class EngagementFilters(QWidget):
    """Period, accounts, languages and platforms; ``changed`` after each choice."""

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        self.period_label = QLabel(self)
        self.period = QComboBox(self)
        for preset in Preset:
            self.period.addItem("", preset.value)
        self.period.setCurrentIndex(self.period.findData(Preset.LAST_30_DAYS.value))
        self.first = QDateEdit(self)
        self.last = QDateEdit(self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(_to_qdate(today))
            edit.dateChanged.connect(self._on_dates)
        self.first.setDate(_to_qdate(today).addDays(-29))
        self.to_label = QLabel(self)
        self.accounts = CheckCombo(self)
        self.languages = CheckCombo(self)
        self.platforms = CheckCombo(self)
        bar.addWidget(self.period_label)
        bar.addWidget(self.period)
        bar.addWidget(self.first)
        bar.addWidget(self.to_label)
        bar.addWidget(self.last)
        for box in (self.accounts, self.languages, self.platforms):
            bar.addWidget(box)
            box.selection_changed.connect(self.changed)
        bar.addStretch(1)
        self.period.currentIndexChanged.connect(self._on_period)
        self._show_dates()
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language); what is chosen stays chosen."""
        self.period_label.setText(self.tr("Period"))
        names = {
            Preset.LAST_7_DAYS: self.tr("Last 7 days"),
            Preset.LAST_30_DAYS: self.tr("Last 30 days"),
            Preset.LAST_90_DAYS: self.tr("Last 90 days"),
            Preset.THIS_QUARTER: self.tr("This quarter"),
            Preset.CUSTOM: self.tr("Custom dates"),
        }
        for row in range(self.period.count()):
            self.period.setItemText(row, names[Preset(self.period.itemData(row))])
        self.to_label.setText(self.tr("to"))
        self.accounts.set_captions(self.tr("All accounts"), self.tr("{0} accounts"))
        self.languages.set_captions(self.tr("All languages"), self.tr("{0} languages"))
        self.platforms.set_captions(self.tr("All platforms"), self.tr("{0} platforms"))

    def offer(self, accounts: list[Account]) -> None:
        """Fill the lists from the accounts there are; ticks still offered stay."""
        self.accounts.set_items([(f"{a.name} ({a.platform})", a.id) for a in accounts])
        self.languages.set_items([(code, code) for code in sorted({a.language for a in accounts})])
        self.platforms.set_items([(name, name) for name in sorted({a.platform for a in accounts})])

    def preset(self) -> Preset:
        """The period chosen."""
        return Preset(self.period.currentData())

    def set_preset(self, preset: Preset) -> None:
        """Choose a period (as the person would)."""
        self.period.setCurrentIndex(self.period.findData(preset.value))

    def set_dates(self, first: date, last: date) -> None:
        """Choose a custom period from ``first`` to ``last`` (inclusive) in one change."""
        for edit, value in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.setDate(_to_qdate(value))
            edit.blockSignals(False)
        if self.preset() is Preset.CUSTOM:
            self.changed.emit()
        else:
            self.set_preset(Preset.CUSTOM)

    def filters(self) -> Filters:
        """The choices as the view model reads them."""
        return Filters(
            preset=self.preset(),
            first=_to_date(self.first.date()),
            last=_to_date(self.last.date()),
            account_ids=tuple(int(str(v)) for v in self.accounts.checked()),
            languages=tuple(str(v) for v in self.languages.checked()),
            platforms=tuple(str(v) for v in self.platforms.checked()),
        )

    def _show_dates(self) -> None:
        custom = self.preset() is Preset.CUSTOM
        for widget in (self.first, self.to_label, self.last):
            widget.setVisible(custom)

    def _on_period(self) -> None:
        self._show_dates()
        self.changed.emit()

    def _on_dates(self) -> None:
        if self.preset() is Preset.CUSTOM:
            self.changed.emit()
