"""The Engagement screen's filters: a period (presets or two dates), accounts, languages, platforms.

The bar only collects choices into :class:`app.viewmodels.engagement.Filters`; what a period
means in UTC is the view model's business.
"""

from __future__ import annotations

from datetime import date

from app.qt import QHBoxLayout, QLabel, QWidget, Signal
from app.viewmodels.engagement import Filters, Preset
from app.widgets.check_combo import CheckCombo
from app.widgets.period_filter import PresetPeriod, to_qdate
from core.domain import Account


class EngagementFilters(QWidget):
    """Period, accounts, languages and platforms; ``changed`` after each choice."""

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        self.period_label = QLabel(self)
        self.period_picker = PresetPeriod(Preset, Preset.LAST_30_DAYS, today, self)
        self.period_picker.changed.connect(self.changed)
        picker = self.period_picker
        self.period, self.first, self.to_label, self.last = picker.period, picker.first, picker.to_label, picker.last
        self.accounts = CheckCombo(self)
        self.languages = CheckCombo(self)
        self.platforms = CheckCombo(self)
        bar.addWidget(self.period_label)
        bar.addWidget(self.period_picker)
        for box in (self.accounts, self.languages, self.platforms):
            bar.addWidget(box)
            box.selection_changed.connect(self.changed)
        bar.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language); what is chosen stays chosen."""
        self.period_label.setText(self.tr("Period"))
        names: dict[str, str] = {
            Preset.LAST_7_DAYS: self.tr("Last 7 days"),
            Preset.LAST_30_DAYS: self.tr("Last 30 days"),
            Preset.LAST_90_DAYS: self.tr("Last 90 days"),
            Preset.THIS_QUARTER: self.tr("This quarter"),
            Preset.CUSTOM: self.tr("Custom dates"),
        }
        self.period_picker.name_presets(names, self.tr("to"))
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
        return Preset(self.period_picker.value())

    def set_preset(self, preset: Preset) -> None:
        """Choose a period (as the person would)."""
        self.period_picker.choose(preset.value)

    def set_dates(self, first: date, last: date) -> None:
        """Choose a custom period from ``first`` to ``last`` (inclusive) in one change."""
        for edit, value in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(value))
            edit.blockSignals(False)
        if self.preset() is Preset.CUSTOM:
            self.changed.emit()
        else:
            self.set_preset(Preset.CUSTOM)

    def filters(self) -> Filters:
        """The choices as the view model reads them."""
        first, last = self.period_picker.dates()
        return Filters(
            preset=self.preset(),
            first=first,
            last=last,
            account_ids=tuple(int(str(v)) for v in self.accounts.checked()),
            languages=tuple(str(v) for v in self.languages.checked()),
            platforms=tuple(str(v) for v in self.platforms.checked()),
        )
