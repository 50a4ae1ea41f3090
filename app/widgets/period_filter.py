"""A list screen's period filter: a preset, or two dates shown only for "Custom dates".

The Audit and Feedback screens put it first in their filter bar. It only collects the choice
(:meth:`PeriodFilterBar.choice`); what the choice means in UTC is
:class:`app.viewmodels.periods.PeriodFilter`'s business. The screen words the label before it
("Period", "Written"): the same choices read differently on each screen.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

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


#: The value every screen's preset list gives "Custom dates" (the two dates count only then).
CUSTOM = "custom"


class PresetPeriod(QWidget):
    """A list of period presets and two dates shown only for "Custom dates"; ``changed`` when the period
    chosen changes. The owner names the presets (:meth:`name_presets`), in its own words and context:
    the Engagement screen offers other presets than the list screens."""

    #: The period changed: a preset chosen, or a date moved while "Custom dates" is chosen.
    changed = Signal()

    def __init__(
        self, presets: Iterable[enum.StrEnum], preset: enum.StrEnum, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.bar = QHBoxLayout(self)
        self.bar.setContentsMargins(0, 0, 0, 0)
        self.period = QComboBox(self)
        for item in presets:
            self.period.addItem("", item.value)
        self.period.setCurrentIndex(self.period.findData(preset.value))
        self.first = QDateEdit(self)
        self.last = QDateEdit(self)
        for edit, value in ((self.first, today - timedelta(days=FIRST_CUSTOM_DAYS - 1)), (self.last, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(to_qdate(value))
            edit.dateChanged.connect(self._on_dates)
        self.to_label = QLabel(self)
        for widget in (self.period, self.first, self.to_label, self.last):
            self.bar.addWidget(widget)
        # Connected once the first choice is set: building the list is not a change.
        self.period.currentIndexChanged.connect(self._on_period)
        self._show_dates()

    def name_presets(self, names: Mapping[str, str], to: str) -> None:
        """Word each preset (by its value) and the "to" between the dates; what is chosen stays chosen."""
        for row in range(self.period.count()):
            self.period.setItemText(row, names[str(self.period.itemData(row))])
        self.to_label.setText(to)

    def value(self) -> str:
        """The value of the preset chosen."""
        return str(self.period.currentData())

    def choose(self, value: str) -> None:
        """Choose the preset of ``value`` (as the person would)."""
        self.period.setCurrentIndex(self.period.findData(value))

    def dates(self) -> tuple[date, date]:
        """The two dates (they count only for "Custom dates")."""
        return to_date(self.first.date()), to_date(self.last.date())

    def _show_dates(self) -> None:
        custom = self.value() == CUSTOM
        for widget in (self.first, self.to_label, self.last):
            widget.setVisible(custom)

    def _on_period(self) -> None:
        self._show_dates()
        self.changed.emit()

    def _on_dates(self) -> None:
        if self.value() == CUSTOM:
            self.changed.emit()


class PeriodFilterBar(Retranslatable, PresetPeriod):
    """The list screens' label, presets and two dates; ``changed`` when the period chosen changes."""

    def __init__(self, parent: QWidget | None = None, *, zone: Zone, preset: Preset) -> None:
        super().__init__(Preset, preset, timeutil.now_utc().astimezone(zone).date(), parent)
        self.zone = zone
        self.label = QLabel(self)
        self.bar.insertWidget(0, self.label)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language); what is chosen stays chosen."""
        names: dict[str, str] = {
            Preset.TODAY: self.tr("Today"),
            Preset.LAST_7_DAYS: self.tr("Last 7 days"),
            Preset.LAST_30_DAYS: self.tr("Last 30 days"),
            Preset.LAST_90_DAYS: self.tr("Last 90 days"),
            Preset.ALL: self.tr("All time"),
            Preset.CUSTOM: self.tr("Custom dates"),
        }
        self.name_presets(names, self.tr("to"))

    def today(self) -> date:
        """Today on the officer's calendar."""
        return timeutil.now_utc().astimezone(self.zone).date()

    def preset(self) -> Preset:
        """The preset chosen."""
        return Preset(self.value())

    def set_preset(self, preset: Preset) -> None:
        """Choose a preset (as the person would)."""
        self.choose(preset.value)

    def choice(self) -> PeriodFilter:
        """The period chosen; the dates count only for "Custom dates"."""
        return PeriodFilter(self.preset(), *self.dates())
