"""A list screen's period filter: a preset, or two dates shown only for "Custom dates".

The Audit and Feedback screens put it first in their filter bar. It only collects the choice
(:meth:`PeriodFilterBar.choice`); what the choice means in UTC is
:class:`app.viewmodels.periods.PeriodFilter`'s business. The screen words the label before it
("Period", "Written"): the same choices read differently on each screen.
"""

from __future__ import annotations

from datetime import date

from app.i18n import Retranslatable
from app.qt import QComboBox, QDate, QDateEdit, QHBoxLayout, QLabel, QWidget, Signal
from app.viewmodels.periods import PeriodFilter, Preset, Zone
from core import timeutil

#: What a custom period first offers: the last 30 days, today included.
FIRST_CUSTOM_DAYS = 30


def to_date(value: QDate) -> date:
    """A date edit's day as a Python date."""
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    """A Python date for a date edit."""
    return QDate(value.year, value.month, value.day)


class PeriodFilterBar(Retranslatable, QWidget):
    """The label, the presets and the two dates; ``changed`` when the period chosen changes."""

    #: The period changed: a preset chosen, or a date moved while "Custom dates" is chosen.
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, zone: Zone, preset: Preset) -> None:
        super().__init__(parent)
        self.zone = zone
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.period = QComboBox(self)
        for item in Preset:
            self.period.addItem("", item.value)
        self.period.setCurrentIndex(self.period.findData(preset.value))
        today = to_qdate(self.today())
        self.first = QDateEdit(self)
        self.last = QDateEdit(self)
        for edit, value in ((self.first, today.addDays(1 - FIRST_CUSTOM_DAYS)), (self.last, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(value)
            edit.dateChanged.connect(self._on_dates)
        self.to_label = QLabel(self)
        for widget in (self.label, self.period, self.first, self.to_label, self.last):
            bar.addWidget(widget)
        # Connected once the first choice is set: building the bar is not a change.
        self.period.currentIndexChanged.connect(self._on_period)
        self._show_dates()
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language); what is chosen stays chosen."""
        names = {
            Preset.TODAY: self.tr("Today"),
            Preset.LAST_7_DAYS: self.tr("Last 7 days"),
            Preset.LAST_30_DAYS: self.tr("Last 30 days"),
            Preset.LAST_90_DAYS: self.tr("Last 90 days"),
            Preset.ALL: self.tr("All time"),
            Preset.CUSTOM: self.tr("Custom dates"),
        }
        for row in range(self.period.count()):
            self.period.setItemText(row, names[Preset(self.period.itemData(row))])
        self.to_label.setText(self.tr("to"))

    def today(self) -> date:
        """Today on the officer's calendar."""
        return timeutil.now_utc().astimezone(self.zone).date()

    def preset(self) -> Preset:
        """The preset chosen."""
        return Preset(self.period.currentData())

    def set_preset(self, preset: Preset) -> None:
        """Choose a preset (as the person would)."""
        self.period.setCurrentIndex(self.period.findData(preset.value))

    def choice(self) -> PeriodFilter:
        """The period chosen; the dates count only for "Custom dates"."""
        return PeriodFilter(self.preset(), to_date(self.first.date()), to_date(self.last.date()))

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
